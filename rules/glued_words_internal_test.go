package rules

import (
	"testing"

	"github.com/cvlint/cvlint/rules/lexicon"
)

// TestCommonLongWordsAreKnown keeps the fast path of glued-words honest:
// every word it skips without the lexicon is one the lexicon knows, so
// skipping it changes no finding.
func TestCommonLongWordsAreKnown(t *testing.T) {
	for w := range commonLongWords {
		if !lexicon.Known("", w) {
			t.Errorf("%q is not a word of the lexicon", w)
		}
	}
}

func TestRecase(t *testing.T) {
	for _, c := range []struct {
		orig string
		seg  []string
		want string
	}{
		{"Lessolutionsdesupervision", []string{"les", "solutions", "de", "supervision"}, "Les solutions de supervision"},
		{"Développementetmaintenance", []string{"développement", "et", "maintenance"}, "Développement et maintenance"},
	} {
		if got := recase(c.orig, c.seg); got != c.want {
			t.Errorf("recase(%q) = %q, want %q", c.orig, got, c.want)
		}
	}
}
