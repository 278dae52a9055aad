package rules

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LowerProse says how the prose view lower-cases, for the cheap keyword
// tests that spare most files, blocks and segments the regular
// expressions. The lower case itself is not written out: the keyword
// pass lower-cases ASCII letters as it reads (lowerByte), and the few
// blocks that need their lower case make it (Fold).
//
// The fold view of the prose is Prose.Text lower-cased rune by rune
// (unicode.ToLower) where that keeps the rune's length in bytes, which
// it does for every letter of English and French: offsets are those of
// the source.
type LowerProse struct {
	// Text is Prose.Text.
	Text []byte
	// Runes is Text with only its non-ASCII runes folded, or Text itself
	// when folding changes none of them (most files: French text is
	// mostly lower-case). The fold view is Runes with ASCII letters
	// lower-cased.
	Runes []byte
	// ASCII is the storage Runes is built in when it is not Text, kept
	// from one file to the next by docBuffers.
	ASCII []byte
	// Exact says that the fold view is strings.ToLower(Prose.Text): valid
	// UTF-8 and no rune whose lower case has another length (the Kelvin
	// sign, İ). Lower-casing maps rune by rune, so then the lower case of
	// any part of the prose is the same part of the fold view.
	Exact bool
	// Whole is strings.ToLower of the whole prose when it is not Exact,
	// nil otherwise. A keyword missing there is missing from the lower
	// case of every block and segment.
	Whole []byte
}

// LowerProseAnalysis works out how the prose view lower-cases, once per
// file.
var LowerProseAnalysis = &Analysis{Name: "lower-prose", Requires: []*Analysis{ProseAnalysis}, Run: buildLowerProse}

// LowerProseOf returns the lower-case facts of the pass's document.
func LowerProseOf(p *Pass) *LowerProse { return p.ResultOf(LowerProseAnalysis).(*LowerProse) }

// AppendFold appends the fold view of Text[s:e] to b.
func (lp *LowerProse) AppendFold(b []byte, s, e int) []byte {
	n := len(b)
	b = append(b, lp.Runes[s:e]...)
	lowerASCIIInto(b[n:], b[n:])
	return b
}

func buildLowerProse(d *Document) any {
	text := d.Result(ProseAnalysis).(*Prose).Text
	var lp *LowerProse
	if b := d.buffers; b != nil {
		lp = &b.lower
	} else {
		lp = &LowerProse{}
	}
	lp.Text, lp.Runes, lp.Exact = text, text, true
	for i := 0; i < len(text); {
		// Prose is mostly ASCII: skip eight bytes at a time, and to the
		// first byte ≥ 0x80 of the eight that hold one.
		if i+8 <= len(text) {
			x := binary.LittleEndian.Uint64(text[i:]) & hiBits
			if x == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(x) / 8
		} else if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		c := text[i]
		if c == 0xC2 || c == 0xC3 {
			// U+0080–U+00FF, when a continuation byte follows: of these,
			// only the capitals U+00C0–U+00DE but × (U+00D7) have another
			// lower case, 0x20 further on and of the same length
			// (TestFoldLatin1 checks every one against unicode.ToLower).
			if i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				if c == 0xC3 && text[i+1] <= 0x9E && text[i+1] != 0x97 {
					lp.foldAt(i)[i+1] = text[i+1] + 0x20
				}
				i += 2
				continue
			}
		} else if c == 0xE2 && i+2 < len(text) && 0x80 <= text[i+1] && text[i+1] <= 0x82 && text[i+2]&0xC0 == 0x80 {
			// U+2000–U+20BF (E2 80–82, then a continuation byte):
			// punctuation (’ – — •), super- and subscripts and currency
			// signs, which have no case (TestFoldLatin1 checks them too).
			i += 3
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			lp.Exact = false // strings.ToLower writes U+FFFD, three bytes
		} else if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) == n {
				utf8.EncodeRune(lp.foldAt(i)[i:], l)
			} else {
				lp.Exact = false
			}
		}
		i += n
	}
	lp.Whole = nil
	if !lp.Exact {
		lp.Whole = []byte(strings.ToLower(string(text)))
	}
	return lp
}

// foldAt returns Runes ready to be written at i and on: the first time,
// a copy of Text (the bytes before i need no change).
func (lp *LowerProse) foldAt(i int) []byte {
	if &lp.Runes[0] == &lp.Text[0] {
		lp.ASCII = sized(lp.ASCII, len(lp.Text))
		copy(lp.ASCII, lp.Text)
		lp.Runes = lp.ASCII
	}
	return lp.Runes
}

// lowerByte lower-cases an ASCII letter and keeps any other byte.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// hasPrefixLower says whether b with its ASCII letters lower-cased starts
// with w.
func hasPrefixLower(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if lowerByte(b[j]) != w[j] {
			return false
		}
	}
	return true
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

// keywordSet finds which of a fixed list of lower-case keywords occur in
// the lower case of a text, and where, in one pass over it: a filter on
// the three bytes at each position lets through little but the start of
// a keyword. Many bytes.Contains, one per keyword, cost a pass each.
//
// The text is lower-cased as it is read, ASCII letters only (lowerByte):
// find on LowerProse.Runes sees the fold view without its being written
// out. The filter looks at the low five bits of each byte, which a
// letter shares with its lower case: what it lets through is compared in
// full, lower-cased.
type keywordSet struct {
	words []string
	short []int // keywords of one or two bytes, searched with bytes.Index
	// sig is the filter and the table at once: for the low five bits b0,
	// b1, b2 of the first three bytes of a keyword, sig[b0<<10|b1<<5|b2]
	// is 1 + the index in groups of the keywords whose first three bytes
	// give the same bits, and 0 for bits no keyword gives. It is indexed
	// with no hash to compute, and rolled over the text with a shift and
	// an or: the rolling value is the one dependency from one byte to
	// the next.
	sig    [1 << 15]uint8
	groups [][]int
}

func newKeywordSet(words []string) *keywordSet {
	k := &keywordSet{words: words}
	for i, w := range words {
		if strings.ToLower(w) != w {
			panic("keywordSet: keyword not in lower case: " + w)
		}
		if len(w) < 3 {
			// bytes.Index sees the text as it is, not lower-cased.
			if strings.IndexFunc(w, func(r rune) bool { return 'a' <= r && r <= 'z' }) >= 0 {
				panic("keywordSet: short keyword with a letter: " + w)
			}
			k.short = append(k.short, i)
			continue
		}
		f := fiveBits(w[0], w[1], w[2])
		if k.sig[f] == 0 {
			if len(k.groups) == 255 {
				panic("keywordSet: too many keywords for a byte table")
			}
			k.groups = append(k.groups, nil)
			k.sig[f] = uint8(len(k.groups))
		}
		g := k.sig[f] - 1
		k.groups[g] = append(k.groups[g], i)
	}
	return k
}

func fiveBits(a, b, c byte) uint32 { return uint32(a&31)<<10 | uint32(b&31)<<5 | uint32(c&31) }

// find calls fn for every occurrence of a keyword in text with its ASCII
// letters lower-cased, overlapping ones included, with its offset and its
// index in the list.
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
	// The low fifteen bits of t are the five bits of the three bytes that
	// end at i; the bits above are left over, masked off after the shift
	// and or rather than in them.
	t := uint32(text[0]&31)<<5 | uint32(text[1]&31)
	for i := 2; i < len(text); i++ {
		t = t<<5 | uint32(text[i]&31)
		if g := k.sig[t&0x7FFF]; g != 0 {
			// In order of index, as the keywords at one offset always
			// came.
			for _, w := range k.groups[g-1] {
				if hasPrefixLower(text[i-2:], k.words[w]) {
					fn(i-2, w)
				}
			}
		}
	}
}

// present returns which keywords occur in text.
func (k *keywordSet) present(text []byte) []bool {
	found := make([]bool, len(k.words))
	k.find(text, func(_, w int) { found[w] = true })
	return found
}
