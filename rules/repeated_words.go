package rules

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RepeatedWords reports a word or a short phrase written twice in a row,
// the slip of an edit left half-done.
var RepeatedWords = Register(&Rule{
	ID:       "repeated-words",
	Title:    "a word or phrase repeated",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "An immediately repeated word (`the the`, `de de`) or phrase (`un moteur de moteur de recherche`) is the trace of an edit left half-done; " +
			"a recruiter reads it as carelessness. Repeats are found case-insensitively, up to four words long, and only when nothing but white space separates them: " +
			"punctuation between the two (`Paris, Paris`) marks a deliberate repeat. " +
			"Grammatical repeats (`had had`, `that that`, French `nous nous`, `vous vous`), numbers, table cells and repeats across two list items are never reported. " +
			"The suggestion deletes the second copy; like every text edit outside encoding defects it applies only with `--fix=repeated-words`. " +
			"Names that repeat on purpose (`Bora Bora`) go in the `allow` option.",
		Bad:  "Built a search engine engine for the the support team.\nConception d’un moteur de moteur de recherche.",
		Good: "Built a search engine for the support team.\nConception d’un moteur de recherche.",
		Options: []Option{
			{Name: "allow", Default: []string{}, Help: "repeats never to report, written once or twice (\"Bora\" or \"Bora Bora\"), case-insensitive"},
		},
	},
	Run: runRepeatedWords,
})

// maxRepeatWords is the longest phrase whose repeat is looked for.
const maxRepeatWords = 4

// grammaticalRepeats are words that a grammatical sentence writes twice:
// "he had had", "the fact that that", "what it is is", "nous nous
// sommes", "vous vous êtes", reduplications ("so so", "bla bla").
var grammaticalRepeats = map[string]bool{
	"had": true, "that": true, "is": true, "do": true, "does": true, "did": true, "so": true,
	"nous": true, "vous": true, "si": true, "là": true, "bla": true, "blah": true,
}

func runRepeatedWords(p *Pass) {
	pr := ProseOf(p)
	src := p.Doc.Source
	var allow map[string]bool // made on the first repeat found
	var keysBuf lowerKeys
	if db := p.Doc.buffers; db != nil {
		// Only this rule uses the keys buffer; it is cleared before each
		// block and after the last.
		keysBuf = db.keys
		defer func() { clear(keysBuf[:cap(keysBuf)]); db.keys = keysBuf[:0] }()
	}
	var wsBuf [64]Word // most blocks' words fit
	for bi := range pr.Blocks {
		b := &pr.Blocks[bi]
		if b.Kind == BlockTableCell {
			continue
		}
		s, e, ok := proseSpan(*b)
		if !ok || !mayRepeat(src, pr.Text, s, e) {
			continue
		}
		ws := appendProseWords(wsBuf[:0], pr.Text, s, e)
		// keys are the lower-cased words, made only for the repeats found:
		// sameRun compares the words without them.
		if cap(keysBuf) < len(ws) {
			keysBuf = make(lowerKeys, len(ws))
		}
		keys := keysBuf[:len(ws)]
		clear(keys)
		for i := 0; i < len(ws); {
			n := repeatAt(src, ws, keys, i)
			if n == 0 {
				i++
				continue
			}
			// Swallow further copies: "the the the" is one finding.
			copies := 2
			for i+(copies+1)*n <= len(ws) && sameRun(src, ws, keys, i+(copies-1)*n, n) {
				copies++
			}
			phrase := strings.Join(keys.get(src, ws, i, n), " ")
			last := i + copies*n - 1
			if allow == nil {
				allow = allowedRepeats(p)
			}
			if allow[phrase] {
				i = last + 1
				continue
			}
			what := "word"
			if n > 1 {
				what = "phrase"
			}
			shown := string(src[ws[i].Start:ws[i+n-1].End])
			msg := fmt.Sprintf("repeated %s: %q", what, shown)
			if copies > 2 {
				msg = fmt.Sprintf("repeated %s: %q written %d times", what, shown, copies)
			}
			p.Report(Finding{
				Start:   ws[i].Start,
				End:     ws[last].End,
				Message: msg,
				Fix:     &Fix{Edits: []Edit{{Start: ws[i+n-1].End, End: ws[last].End}}},
			})
			i = last + 1
		}
	}
}

// allowedRepeats reads the allow option: lower-cased phrases, a phrase
// written twice ("Bora Bora") taken once.
func allowedRepeats(p *Pass) map[string]bool {
	allow := map[string]bool{}
	for _, a := range p.StringsOption("allow") {
		f := strings.Fields(strings.ToLower(a))
		if n := len(f); n > 0 && n%2 == 0 && strings.Join(f[:n/2], " ") == strings.Join(f[n/2:], " ") {
			f = f[:n/2]
		}
		allow[strings.Join(f, " ")] = true
	}
	return allow
}

// mayRepeat reports whether a word of the prose text[s:e] is written
// again within the maxRepeatWords words that follow it, with nothing but
// white space between them, the words compared as repeatAt compares them.
// repeatAt finds a repeat of n words at word i only where word i+n equals
// word i, n ≤ maxRepeatWords, and sameRun wants only white space in the
// source between all the words from i to i+n; so a block where this is
// false holds no repeat, and its words need not be kept.
//
// Each word is first told from the four before it at once, by its ends:
// its first and last bytes |0x20 (see sameWord), 16 bits, kept for the
// last four words in the lanes of one uint64, the word before in the
// lowest. When all four bytes are ASCII the first runes pair up, and so
// do the last, so different ends are different words.
func mayRepeat(src, text []byte, s, e int) bool {
	const (
		lanes = 0x0001_0001_0001_0001
		low15 = 0x7fff * lanes
		top   = 0x8000 * lanes
		high  = 0x8080 * lanes
	)
	text = text[:e]
	var prev [maxRepeatWords]Word // word k at k%maxRepeatWords
	var ends uint64
	// spaced has the lanes of the words before that only white space
	// separates from this one, all the words between included.
	var spaced uint64
	for k, i := 0, s; ; k++ {
		start, end := nextWord(text, i)
		if start == end {
			return false
		}
		if k > 0 && onlySpace(src[prev[uint(k-1)%maxRepeatWords].End:start]) {
			spaced = spaced<<16 | 0xffff
		} else {
			spaced = 0
		}
		w := Word{start, end}
		we := (uint64(text[start]|0x20) | uint64(text[end-1]|0x20)<<8) * lanes
		d := ends ^ we
		same := ^((d&low15 + low15) | d) & top // bit 15 of the lanes where d is 0
		if maybe := (same | (ends|we)&high) & spaced; maybe != 0 {
			for j := 0; j < maxRepeatWords; j++ {
				if maybe>>(16*j)&0xffff != 0 && sameWord(src, prev[uint(k-1-j)%maxRepeatWords], w) {
					return true
				}
			}
		}
		prev[uint(k)%maxRepeatWords] = w
		ends = ends<<16 | we&0xffff
		i = end
	}
}

// repeatAt returns the length in words of the shortest phrase starting at
// word i that is immediately written again, or 0.
func repeatAt(src []byte, ws []Word, keys lowerKeys, i int) int {
	for n := 1; n <= maxRepeatWords && i+2*n <= len(ws); n++ {
		if !sameRun(src, ws, keys, i, n) {
			continue
		}
		if n == 1 {
			k := keys.get(src, ws, i, 1)[0]
			if grammaticalRepeats[k] || !hasLetter(k) || hasDigit(k) || maskedDigits(k) {
				return 0
			}
		}
		if n > 1 && hasDigit(strings.Join(keys.get(src, ws, i, n), "")) {
			return 0
		}
		return n
	}
	return 0
}

// sameRun reports whether the n words from i are written again right
// after, with nothing but white space anywhere between the 2n words. A
// line break may separate them only when the copy starts in lower case:
// "Languages: Go" then "Go is …" on the next line are two lines of a CV,
// "the" at the end of a line and "the" at the start of the next are a slip.
func sameRun(src []byte, ws []Word, keys lowerKeys, i, n int) bool {
	if i+2*n > len(ws) {
		return false
	}
	for k := 0; k < n; k++ {
		if !sameWord(src, ws[i+k], ws[i+n+k]) {
			return false
		}
	}
	for k := i; k < i+2*n-1; k++ {
		gap := src[ws[k].End:ws[k+1].Start]
		if !onlySpace(gap) {
			return false
		}
		if bytes.IndexByte(gap, '\n') >= 0 {
			r, _ := utf8.DecodeRune(src[ws[k+1].Start:])
			if !unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// maskedDigits is a run of x standing for hidden digits (`07 xx xx xx
// xx`): placeholder-text reports it.
func maskedDigits(s string) bool {
	return len(s) >= 2 && strings.Trim(s, "x") == ""
}

// lowerKeys caches strings.ToLower of the words of a block; "" is not yet
// computed (a word is never empty).
type lowerKeys []string

// get returns the keys of the n words from i.
func (k lowerKeys) get(src []byte, ws []Word, i, n int) []string {
	for j := i; j < i+n; j++ {
		if k[j] == "" {
			k[j] = strings.ToLower(string(src[ws[j].Start:ws[j].End]))
		}
	}
	return k[i : i+n]
}

// sameWord says whether two words are the same, lower-cased. Most words
// differ in their first byte: when both are ASCII (a letter or a digit,
// as every word starts), |0x20 lower-cases the letters and keeps the
// digits, so unequal results mean unequal words. A byte ≥ 0x80 may start
// a rune that lower-cases to ASCII (the Kelvin sign to k): those go to
// equalLower.
func sameWord(src []byte, a, b Word) bool {
	if x, y := src[a.Start], src[b.Start]; x|y < utf8.RuneSelf && x|0x20 != y|0x20 {
		return false
	}
	return equalLower(src[a.Start:a.End], src[b.Start:b.End])
}

// equalLower says whether strings.ToLower(a) == strings.ToLower(b), rune
// by rune and without making either.
func equalLower(a, b []byte) bool {
	for len(a) > 0 && len(b) > 0 {
		ca, cb := a[0], b[0]
		if ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if 'A' <= ca && ca <= 'Z' {
				ca += 'a' - 'A'
			}
			if 'A' <= cb && cb <= 'Z' {
				cb += 'a' - 'A'
			}
			if ca != cb {
				return false
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRune(a)
		rb, nb := utf8.DecodeRune(b)
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) == 0 && len(b) == 0
}
