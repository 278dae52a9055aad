package rules_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/cvlint/cvlint/rules"
)

// The mojibake injector (issue 15): it damages one line per codec in each
// CV, as a wrong decoding does to a whole line, and checks that the rule
// finds the line, that its fixes restore the line byte for byte, and that
// it says nothing new on the other lines. It runs on the fictional
// fixtures and, when ../shared is beside the clone, on the real CVs (read
// at test time, never copied into the repository).

// injectCodecs are the wrong decodings the injector applies.
var injectCodecs = []struct {
	name   string
	damage func(string) string
}{
	{"Windows-1252", func(s string) string { return misdecode(s, charmap.Windows1252, 1) }},
	{"Mac Roman", func(s string) string { return misdecode(s, charmap.Macintosh, 1) }},
	{"double Windows-1252", func(s string) string { return misdecode(s, charmap.Windows1252, 2) }},
}

// injectModes say how much of a line is damaged: all of it, as when a
// whole paragraph was pasted through the wrong codec, or one word of it,
// beside correct accents, as when a fragment was.
var injectModes = []struct {
	name  string
	apply func(line string, damage func(string) string) string
}{
	{"line", func(l string, damage func(string) string) string { return damage(l) }},
	{"word", damageOneWord},
}

// damageOneWord damages the first word of the line with a non-ASCII
// character and leaves the rest as it was.
func damageOneWord(l string, damage func(string) string) string {
	words := strings.Split(l, " ")
	for i, w := range words {
		if hasNonASCII(w) {
			words[i] = damage(w)
			break
		}
	}
	return strings.Join(words, " ")
}

// misdecode reads the UTF-8 bytes of s as the charmap, layers times. The
// five bytes Windows-1252 leaves undefined become their C1 code points, as
// the sloppy decoders that make such text do.
func misdecode(s string, cm *charmap.Charmap, layers int) string {
	for ; layers > 0; layers-- {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			r := cm.DecodeByte(s[i])
			if r == utf8.RuneError {
				r = rune(s[i])
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	return s
}

// injectPerFile is how many lines of a file each codec damages, one at a
// time.
const injectPerFile = 8

// pick returns n of the shuffled lines for the k-th codec, so that the
// codecs damage different lines where the file has enough.
func pick(lines []int, k, n int) []int {
	if len(lines) <= n {
		return lines
	}
	from := (k * n) % len(lines)
	out := make([]int, 0, n)
	for j := 0; j < n; j++ {
		out = append(out, lines[(from+j)%len(lines)])
	}
	return out
}

type injectStats struct{ lines, found, restored int }

func TestMojibakeInjection(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/precision", "../testdata/rules/date-overlap", "../testdata/rules/missing-date", "../testdata/html/cvs"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		files = append(files, m...)
		m, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, m...)
	}
	if m, _ := filepath.Glob(filepath.Join(realCVDir, "*")); len(m) > 0 {
		files = append(files, m...)
	} else {
		t.Logf("SKIP real-CV part: %s not found (needs ../shared beside the clone)", realCVDir)
	}
	sort.Strings(files)
	disabled := map[string]bool{}
	for _, r := range rules.All() {
		disabled[r.ID] = r.ID != "mojibake"
	}
	eng := rules.NewEngine(rules.Settings{Disabled: disabled, Now: fixtureNow})
	stats := map[string]*injectStats{}
	r := rand.New(rand.NewSource(15))
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(src) || strings.Contains(string(src), "\r") {
			continue
		}
		lines := strings.Split(string(src), "\n")
		before := mojibakeLines(eng, path, src)
		var eligible []int
		inComment := commentLines(lines)
		for i, l := range lines {
			if inComment[i] {
				continue
			}
			// Code spans are left alone by design, and HTML comments are
			// not read; a line with either is no test of the scan.
			if before[i+1] == 0 && hasNonASCII(l) && !strings.ContainsAny(l, "`") && !strings.Contains(l, "<!--") {
				eligible = append(eligible, i)
			}
		}
		if len(eligible) == 0 {
			continue
		}
		// Up to injectPerFile lines per codec, drawn with a fixed seed.
		r.Shuffle(len(eligible), func(a, b int) { eligible[a], eligible[b] = eligible[b], eligible[a] })
		for k, c := range injectCodecs {
			for m, mode := range injectModes {
				kind := c.name + ", " + mode.name
				for _, i := range pick(eligible, k*len(injectModes)+m, injectPerFile) {
					damaged := mode.apply(lines[i], c.damage)
					if damaged == lines[i] {
						continue
					}
					out := append([]string(nil), lines...)
					out[i] = damaged
					dsrc := []byte(strings.Join(out, "\n"))
					res := eng.LintBytes(path, dsrc)
					st := stats[kind]
					if st == nil {
						st = &injectStats{}
						stats[kind] = st
					}
					st.lines++
					var onLine []rules.Diagnostic
					for _, d := range res.Diagnostics {
						if d.Rule != "mojibake" {
							continue
						}
						if d.Pos.Line == i+1 {
							onLine = append(onLine, d)
						} else if before[d.Pos.Line] == 0 {
							t.Errorf("%s: %s damage on line %d: new finding on line %d: %s", filepath.Base(path), kind, i+1, d.Pos.Line, d.Message)
						}
					}
					if len(onLine) == 0 {
						t.Logf("%s: %s damage on line %d not found%s", filepath.Base(path), kind, i+1, quoteFictional(path, damaged, lines[i]))
						continue
					}
					st.found++
					fixed, _ := rules.ApplyFixes(dsrc, onLine, func(rules.Diagnostic) bool { return true })
					if got := strings.Split(string(fixed), "\n")[i]; got == lines[i] {
						st.restored++
					} else {
						t.Logf("%s: %s damage on line %d: the fix does not restore the line%s", filepath.Base(path), kind, i+1, quoteFictional(path, got, lines[i]))
					}
				}
			}
		}
	}
	var names []string
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	var all injectStats
	for _, n := range names {
		st := stats[n]
		t.Logf("%-26s found %d/%d, restored exactly %d/%d", n, st.found, st.lines, st.restored, st.found)
		all.lines += st.lines
		all.found += st.found
		all.restored += st.restored
		if st.lines > 0 && float64(st.found) < 0.99*float64(st.lines) {
			t.Errorf("%s: recall %d/%d, below 99%%", n, st.found, st.lines)
		}
	}
	if all.restored != all.found {
		t.Errorf("exact restore %d/%d, want all", all.restored, all.found)
	}
}

// commentLines marks the lines that hold part of an HTML comment, which
// the scan does not read.
func commentLines(lines []string) []bool {
	in := make([]bool, len(lines))
	open := false
	for i, l := range lines {
		if open || strings.Contains(l, "<!--") {
			in[i] = true
		}
		for l != "" {
			if !open {
				j := strings.Index(l, "<!--")
				if j < 0 {
					break
				}
				open, l = true, l[j+4:]
				continue
			}
			j := strings.Index(l, "-->")
			if j < 0 {
				break
			}
			open, l = false, l[j+3:]
		}
	}
	return in
}

// quoteFictional shows the two lines for a fixture, and nothing of a real
// CV, whose text stays out of logs.
func quoteFictional(path, got, want string) string {
	if strings.HasPrefix(path, realCVDir) {
		return ""
	}
	return fmt.Sprintf(": got %q, want %q", got, want)
}

// mojibakeLines counts the mojibake findings per line of the undamaged file.
func mojibakeLines(eng *rules.Engine, path string, src []byte) map[int]int {
	m := map[int]int{}
	for _, d := range eng.LintBytes(path, src).Diagnostics {
		if d.Rule == "mojibake" {
			m[d.Pos.Line]++
		}
	}
	return m
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
