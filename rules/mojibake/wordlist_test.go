package mojibake

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// wordList is a dictionary installed by a Debian package. The lists are read
// where the system keeps them, never copied into the repository.
type wordList struct {
	name, path, pkg string
	required        bool // CI installs it: missing there is a failure
	hunspell        bool // "word/FLAGS morphology" lines after a count
}

var wordLists = []wordList{
	{"english", "/usr/share/dict/american-english-large", "wamerican-large", true, false},
	{"french-hunspell", "/usr/share/hunspell/fr_FR.dic", "hunspell-fr-classical", true, true},
	{"words", "/usr/share/dict/words", "", false, false},
	{"french", "/usr/share/dict/french", "wfrench", false, false},
	{"german", "/usr/share/dict/ngerman", "wngerman", false, false},
	{"spanish", "/usr/share/dict/spanish", "wspanish", false, false},
	{"portuguese", "/usr/share/dict/portuguese", "wportuguese", false, false},
}

func loadWords(t *testing.T, l wordList) []string {
	t.Helper()
	f, err := os.Open(l.path)
	if err != nil {
		msg := l.path + " is missing"
		if l.pkg != "" {
			msg += " (apt-get install " + l.pkg + ")"
		}
		if l.required && os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		w := sc.Text()
		if l.hunspell {
			if first {
				first = false // the entry count
				continue
			}
			if i := strings.IndexAny(w, "/ \t"); i >= 0 {
				w = w[:i]
			}
		}
		if w = strings.TrimSpace(w); w != "" && utf8.ValidString(w) {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return words
}

// separators glue words into sentences with the typographic punctuation that
// follows or precedes words in real text, the contexts where correct text
// looks most like mojibake.
//
// The en dash is spaced: glued, "IRMÃ–ALDEIA" reads as "IRMÖALDEIA", a
// trade made for "BJÃ–RN" (see TestFindAmbiguousAllCaps).
var separators = []string{
	" ", " — ", "’", "… ", "” ", "\u00a0»", " «\u00a0", " – ", " · ", "\u00a0", "® ", "™ ", ", ", "—", "…", "” ", "» ", "’s ", " “", "° ", "² ",
}

// TestPrecisionWordLists runs Find over every word of the dictionaries, in
// lower, title and upper case, and over the words glued into sentences: any
// hit is a false positive.
func TestPrecisionWordLists(t *testing.T) {
	for _, l := range wordLists {
		t.Run(l.name, func(t *testing.T) {
			words := loadWords(t, l)
			var checked, hits int
			check := func(s string) {
				checked++
				if h := Find(s); len(h) != 0 {
					hits++
					if hits <= 20 {
						t.Errorf("Find(%q) = %+v, want no hit", s, h)
					}
				}
			}
			var sent strings.Builder
			for i, w := range words {
				check(w)
				if up := strings.ToUpper(w); up != w {
					check(up)
				}
				sent.WriteString(w)
				sent.WriteString(separators[i%len(separators)])
				if i%12 == 11 {
					s := sent.String()
					check(s)
					check(strings.ToUpper(s))
					sent.Reset()
				}
			}
			t.Logf("%s: %d words, %d strings checked, %d hits", l.path, len(words), checked, hits)
		})
	}
}

// TestRecallWordLists damages every non-ASCII dictionary word once and twice
// with each encoding and expects the exact word back.
func TestRecallWordLists(t *testing.T) {
	for _, l := range wordLists {
		t.Run(l.name, func(t *testing.T) {
			words := loadWords(t, l)
			var total int
			var missed []string
			for _, w := range words {
				if isASCII(w) {
					continue
				}
				for _, enc := range []string{Windows1252, MacRoman, Latin1} {
					once := mangle(w, enc)
					for _, m := range []string{once, mangle(once, enc)} {
						total++
						if got := Repair(m); got != w {
							missed = append(missed, enc+": "+m+" → "+got+", want "+w)
						}
					}
				}
			}
			t.Logf("%s: %d damaged words, %d not repaired", l.path, total, len(missed))
			for i, m := range missed {
				if i == 10 {
					break
				}
				t.Log(m)
			}
			// The misses are the ambiguous shapes the detector leaves alone on
			// purpose (all-caps endings like "SPÃ–", maths-like "√≥"); more
			// than one in a thousand means a regression.
			if len(missed)*1000 > total {
				t.Errorf("recall below 99.9%%: %d of %d", len(missed), total)
			}
		})
	}
}
