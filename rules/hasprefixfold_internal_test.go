package rules

import (
	"strings"
	"testing"
)

func TestHasPrefixFold(t *testing.T) {
	for _, s := range []string{"", "m", "mailto", "mailto:", "MAILTO:x@y", "MaIlTo:", "MAİLTO:x", "mailto\u212a", "tel:+33", "TEL:", "tél:", "\xffmailto:", "mailtoo"} {
		for _, p := range []string{"mailto:", "tel:"} {
			if got, want := hasPrefixFold(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
				t.Errorf("hasPrefixFold(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}
