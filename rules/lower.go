package rules

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LowerProse is the prose view lower-cased once per file, for the cheap
// keyword tests that spare most files, blocks and segments the regular
// expressions.
type LowerProse struct {
	// ASCII is Prose.Text with ASCII letters lower-cased and every other
	// byte kept: offsets are those of the source, so a block's slice is
	// what lowerASCII would make of it.
	ASCII []byte
	// Fold is Prose.Text lower-cased rune by rune (unicode.ToLower) where
	// that keeps the rune's length in bytes, which it does for every
	// letter of English and French: offsets are those of the source.
	Fold []byte
	// Exact says that Fold is strings.ToLower(Prose.Text): valid UTF-8 and
	// no rune whose lower case has another length (the Kelvin sign, İ).
	// Lower-casing maps rune by rune, so then the lower case of any part
	// of the prose is the same part of Fold.
	Exact bool
	// Whole is strings.ToLower of the whole prose (Fold when Exact). A
	// keyword missing here is missing from the lower case of every block
	// and segment.
	Whole []byte
}

// LowerProseAnalysis lower-cases the prose view once per file.
var LowerProseAnalysis = &Analysis{Name: "lower-prose", Requires: []*Analysis{ProseAnalysis}, Run: buildLowerProse}

// LowerProseOf returns the lower-cased prose of the pass's document.
func LowerProseOf(p *Pass) *LowerProse { return p.ResultOf(LowerProseAnalysis).(*LowerProse) }

func buildLowerProse(d *Document) any {
	text := d.Result(ProseAnalysis).(*Prose).Text
	lp := &LowerProse{}
	var fold []byte
	if b := d.buffers; b != nil {
		lp = &b.lower
		lp.ASCII = sized(lp.ASCII, len(text))
		fold = b.fold
	} else {
		lp.ASCII = make([]byte, len(text))
	}
	lp.Exact = true
	if !lowerASCIIInto(lp.ASCII, text) {
		lp.Fold, lp.Whole = lp.ASCII, lp.ASCII
		return lp
	}
	// Fold differs from ASCII only at the multi-byte runes: copy, then
	// visit those alone.
	fold = sized(fold, len(text))
	if b := d.buffers; b != nil {
		b.fold = fold
	}
	copy(fold, lp.ASCII)
	for i := 0; i < len(text); {
		for i+8 <= len(text) && binary.LittleEndian.Uint64(text[i:])&hiBits == 0 {
			i += 8
		}
		if i >= len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			lp.Exact = false // strings.ToLower writes U+FFFD, three bytes
		} else if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) == n {
				utf8.EncodeRune(fold[i:], l)
			} else {
				lp.Exact = false
			}
		}
		i += n
	}
	lp.Fold, lp.Whole = fold, fold
	if !lp.Exact {
		lp.Whole = []byte(strings.ToLower(string(text)))
	}
	return lp
}

const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// lowerASCIIInto writes src with ASCII letters lower-cased to dst, eight
// bytes at a time, and reports whether src holds a byte ≥ 0x80 (kept as
// it is).
func lowerASCIIInto(dst, src []byte) (nonASCII bool) {
	i := 0
	var high uint64
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		high |= x
		// For each byte below 0x80, bit 7 of ge is set when it is ≥ 'A'
		// and bit 7 of gt when it is > 'Z'; no carry crosses bytes.
		h := x &^ hiBits
		ge := h + (0x80-'A')*loBits
		gt := h + (0x80-'Z'-1)*loBits
		upper := ge &^ gt &^ x & hiBits
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(src); i++ {
		c := src[i]
		high |= uint64(c)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return high&hiBits != 0
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

// keywordSet finds which of a fixed list of keywords occur in a text, and
// where, in one pass over it: a filter on the hash of the three bytes at
// each position lets through little but the start of a keyword. Many
// bytes.Contains, one per keyword, cost a pass each.
type keywordSet struct {
	words  []string
	short  []int // keywords of one or two bytes, searched with bytes.Index
	filter [1 << 16 / 64]uint64
	// table maps the first three bytes of the keywords to their indices,
	// open addressing on the filter's hash: a map lookup at every
	// position the filter lets through cost more than the scan.
	table []triEntry
	mask  uint32
}

type triEntry struct {
	key   uint32 // 1<<24 | the three bytes; 0 when free
	words []int
}

func newKeywordSet(words []string) *keywordSet {
	k := &keywordSet{words: words}
	size := 16
	for size < 4*len(words) {
		size *= 2
	}
	k.table, k.mask = make([]triEntry, size), uint32(size-1)
	for i, w := range words {
		if len(w) < 3 {
			k.short = append(k.short, i)
			continue
		}
		t := tri(w[0], w[1], w[2])
		h := triHash(t)
		k.filter[h/64] |= 1 << (h % 64)
		for j := h & k.mask; ; j = (j + 1) & k.mask {
			if e := &k.table[j]; e.key == 0 || e.key == 1<<24|t {
				e.key, e.words = 1<<24|t, append(e.words, i)
				break
			}
		}
	}
	return k
}

func tri(a, b, c byte) uint32 { return uint32(a)<<16 | uint32(b)<<8 | uint32(c) }

func triHash(t uint32) uint32 { return (t * 2654435761) >> 16 }

// find calls fn for every occurrence of a keyword in text, overlapping
// ones included, with its offset and its index in the list.
func (k *keywordSet) find(text []byte, fn func(off, word int)) {
	for _, i := range k.short {
		w := []byte(k.words[i])
		for off := 0; ; {
			j := bytes.Index(text[off:], w)
			if j < 0 {
				break
			}
			fn(off+j, i)
			off += j + 1
		}
	}
	if len(text) < 3 {
		return
	}
	// t rolls over the three bytes that end at i.
	t := uint32(text[0])<<8 | uint32(text[1])
	for i := 2; i < len(text); i++ {
		t = (t<<8 | uint32(text[i])) & 0xFFFFFF
		h := triHash(t)
		if k.filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		off := i - 2
		for j := h & k.mask; ; j = (j + 1) & k.mask {
			e := &k.table[j]
			if e.key == 0 {
				break
			}
			if e.key != 1<<24|t {
				continue
			}
			for _, w := range e.words {
				if word := k.words[w]; len(text)-off >= len(word) && string(text[off:off+len(word)]) == word {
					fn(off, w)
				}
			}
			break
		}
	}
}

// present returns which keywords occur in text.
func (k *keywordSet) present(text []byte) []bool {
	found := make([]bool, len(k.words))
	k.find(text, func(_, w int) { found[w] = true })
	return found
}
