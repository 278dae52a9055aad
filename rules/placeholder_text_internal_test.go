package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMayPhone checks that a span mayPhone turns down has no run of eight
// digits for hasDigitRun, and that phoneRuns finds the runs hasDigitRun
// finds in the whole text.
func TestMayPhone(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{"0", "1", "12", "345", "6789", " ", ".", "-", "(", ")", "+", "a", "x", "é", "\n", "06 12 34 56 78", "2019 – 2022"}
	for range 20000 {
		var b strings.Builder
		for k := r.Intn(25); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := []byte(b.String())
		h := placeholderHints{text: text, phones: phoneRuns(nil, text, 8)}
		if got, want := len(h.phones) > 0, hasDigitRun(text, 8); got != want {
			t.Fatalf("%q: phoneRuns found %v, hasDigitRun says %v", text, h.phones, want)
		}
		for range 10 {
			s := r.Intn(len(text) + 1)
			e := s + r.Intn(len(text)-s+1)
			if !h.mayPhone(s, e) && hasDigitRun(text[s:e], 8) {
				t.Fatalf("%q[%d:%d] = %q: mayPhone says no, hasDigitRun finds a run", text, s, e, text[s:e])
			}
		}
	}
}
