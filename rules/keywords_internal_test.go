package rules

import (
	"math/rand"
	"testing"
)

// TestKeywordsInAt checks that the cursor search agrees with the binary
// search, in order and out of order.
func TestKeywordsInAt(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 200 {
		k := &Keywords{}
		for off := 0; off < 200; off += r.Intn(6) {
			b := uint32(1) << r.Intn(kwGroups)
			k.occ = append(k.occ, kwOcc{off, off + 1 + r.Intn(8), b})
			k.all |= b
		}
		var c kwCursor
		for range 50 {
			s := r.Intn(220)
			if r.Intn(4) > 0 {
				s = c.s + r.Intn(20) // mostly in order
			}
			e := s + r.Intn(40)
			if got, want := k.inAt(&c, s, e), k.in(s, e); got != want {
				t.Fatalf("inAt(%d, %d) = %b, want %b", s, e, got, want)
			}
		}
	}
}

func TestCountDigitBytes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 1000 {
		b := make([]byte, r.Intn(40))
		want := 0
		for i := range b {
			b[i] = byte(r.Intn(256))
			if r.Intn(3) == 0 {
				b[i] = byte('0' + r.Intn(10))
			}
			if isDigit(b[i]) {
				want++
			}
		}
		if got := countDigitBytes(b); got != want {
			t.Fatalf("countDigitBytes(%q) = %d, want %d", b, got, want)
		}
	}
}
