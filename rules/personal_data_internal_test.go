package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMayHaveShortSegment checks that a block mayHaveShortSegment turns
// down has no segment personalInText would test.
func TestMayHaveShortSegment(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{" ", "  ", "\t", ".", "(", ")", "!", "word", "marié", "-", "–", ",", ";", "|", "/", "\n", ":", "·", "•", " - ", " – ", " — "}
	falses := 0
	for i := range 50000 {
		n := len(pieces)
		if i%2 == 0 {
			n = 11 // no separator
		}
		var b strings.Builder
		for k := r.Intn(20); k > 0; k-- {
			b.WriteString(pieces[r.Intn(n)])
		}
		text := b.String()
		if mayHaveShortSegment([]byte(text)) {
			continue
		}
		falses++
		for _, sg := range segments(text) {
			if seg := text[sg.Start:sg.End]; strings.Count(seg, " ") < maxTitleWords {
				t.Fatalf("mayHaveShortSegment(%q) = false, but segment %q is short", text, seg)
			}
		}
	}
	if falses < 1000 {
		t.Fatalf("only %d texts turned down: the test exercises too little", falses)
	}
}
