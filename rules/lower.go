package rules

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// LowerProse is the prose view lower-cased once per file, for the cheap
// keyword tests that spare most files and blocks the regular expressions.
type LowerProse struct {
	// ASCII is Prose.Text with ASCII letters lower-cased and every other
	// byte kept: offsets are those of the source, so a block's slice is
	// what lowerASCII would make of it.
	ASCII []byte
	// Unicode is strings.ToLower of the whole prose text; its offsets may
	// differ. Lower-casing maps rune by rune, so a keyword found in the
	// lower-cased form of any part of the prose is found here too: a
	// keyword missing here is missing from every block and segment.
	Unicode string
	// NonASCII says whether the prose has a byte ≥ 0x80.
	NonASCII bool
}

// LowerProseAnalysis lower-cases the prose view once per file.
var LowerProseAnalysis = &Analysis{Name: "lower-prose", Requires: []*Analysis{ProseAnalysis}, Run: buildLowerProse}

// LowerProseOf returns the lower-cased prose of the pass's document.
func LowerProseOf(p *Pass) *LowerProse { return p.ResultOf(LowerProseAnalysis).(*LowerProse) }

func buildLowerProse(d *Document) any {
	text := d.Result(ProseAnalysis).(*Prose).Text
	lp := &LowerProse{ASCII: make([]byte, len(text))}
	for i, c := range text {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf {
			lp.NonASCII = true
		}
		lp.ASCII[i] = c
	}
	if lp.NonASCII {
		lp.Unicode = strings.ToLower(string(text))
	} else {
		lp.Unicode = string(lp.ASCII)
	}
	return lp
}

// containsAnyString reports whether s holds one of words.
func containsAnyString(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// containsAnyBytes reports whether b holds one of words.
func containsAnyBytes(b []byte, words []string) bool {
	for _, w := range words {
		if bytes.Contains(b, []byte(w)) {
			return true
		}
	}
	return false
}
