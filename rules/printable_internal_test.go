package rules

import (
	"encoding/binary"
	"math/bits"
	"math/rand"
	"testing"
)

// TestUnprintableASCII8 checks the word-at-a-time test against the byte
// loop (is there an unprintable byte, and which is the first): every byte
// value at every place, then random words drawn near the edges (0x1F,
// 0x20, 0x7E, 0x7F, 0x80, 0xFF) where borrows and carries are.
func TestUnprintableASCII8(t *testing.T) {
	naive := func(b []byte) int {
		for i, c := range b {
			if c < 0x20 || c > 0x7E {
				return i
			}
		}
		return 8
	}
	check := func(b []byte) {
		t.Helper()
		got := 8
		if m := unprintableASCII8(binary.LittleEndian.Uint64(b)); m != 0 {
			got = bits.TrailingZeros64(m) / 8
		}
		if want := naive(b); got != want {
			t.Fatalf("% x: first unprintable byte %d, want %d", b, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{'a', 0x20, 0x7E} {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[pos] = byte(c)
				check(b[:])
			}
		}
	}
	edges := []byte{0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xFF}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		var b [8]byte
		for i := range b {
			b[i] = edges[r.Intn(len(edges))]
		}
		check(b[:])
	}
}

// TestInvisibleNameFastPath: the range test before the map agrees with the
// map and the control-character rule on every rune of the BMP and beyond.
func TestInvisibleNameFastPath(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		name, bad := invisibleName(r)
		want, inMap := invisibleNames[r]
		if inMap && (!bad || name != want) {
			t.Fatalf("U+%04X: got %q %v, want %q", r, name, bad, want)
		}
		if !inMap && bad && !(r < 0x20 || (r >= 0x80 && r <= 0x9F)) {
			t.Fatalf("U+%04X reported as %q", r, name)
		}
	}
}
