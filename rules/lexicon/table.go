package lexicon

import "strings"

// A table is one language's lexicon as gen.go writes it to data/<lang>.lex
// and the package embeds it: read in place, with no decoding and no map, so
// that loading it costs a header check. All integers are little-endian:
//
//	"CVLX"                    magic
//	uint32 version            1
//	uint32 n                  number of words
//	uint32 nbands             number of frequency bands of the source list
//	uint32 nranks             number of distinct ranks
//	uint32 blobLen            bytes of the words
//	uint32 × nbands           bandEnds: word count at the end of each band
//	uint32 × nranks           ranks: the distinct ranks, ascending
//	uint32 × (n+1)            offsets: where word i starts in the blob; the
//	                          last one is blobLen
//	uint16 × n                rankIdx: word i's rank is ranks[rankIdx[i]]
//	blobLen bytes             the words, sorted byte-wise, back to back
//
// A word's rank is its pseudo-rank, 1 = most frequent (see gen.go).
type table struct {
	n        int
	bandEnds []int // read once at load: a handful
	ranks    string
	offsets  string
	rankIdx  string
	blob     string

	// first[b] is the range of words whose first byte is b, built at load
	// (a binary search per distinct first byte: a few microseconds) so that
	// the segmenter's walks start one byte in.
	first [256]struct{ lo, hi int32 }
}

const tableHeader = 24

// parseTable checks the header of data and slices its sections. It copies
// nothing but the band ends.
func parseTable(data string) (*table, bool) {
	if len(data) < tableHeader || !strings.HasPrefix(data, "CVLX") || u32(data, 4) != 1 {
		return nil, false
	}
	n, nbands, nranks, blobLen := int(u32(data, 8)), int(u32(data, 12)), int(u32(data, 16)), int(u32(data, 20))
	p := tableHeader
	section := func(size int) string {
		if size < 0 || p+size > len(data) || p+size < p {
			p = len(data) + 1
			return ""
		}
		s := data[p : p+size]
		p += size
		return s
	}
	t := &table{n: n}
	bands := section(4 * nbands)
	t.ranks = section(4 * nranks)
	t.offsets = section(4 * (n + 1))
	t.rankIdx = section(2 * n)
	t.blob = section(blobLen)
	if p != len(data) || u32(t.offsets, 4*n) != uint32(blobLen) {
		return nil, false
	}
	for i := range nbands {
		t.bandEnds = append(t.bandEnds, int(u32(bands, 4*i)))
	}
	for lo := 0; lo < n; {
		c := t.byteAt(lo, 0)
		if c < 0 {
			return nil, false // an empty word
		}
		_, hi := t.narrow(lo, n, 0, string([]byte{byte(c)}))
		t.first[c].lo, t.first[c].hi = int32(lo), int32(hi)
		lo = hi
	}
	return t, true
}

func u32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// word returns the i-th word, a slice of the embedded blob.
func (t *table) word(i int) string {
	return t.blob[u32(t.offsets, 4*i):u32(t.offsets, 4*i+4)]
}

// rank returns the i-th word's rank.
func (t *table) rank(i int) uint32 {
	k := 2 * i
	_ = t.rankIdx[k+1]
	return u32(t.ranks, 4*int(uint16(t.rankIdx[k])|uint16(t.rankIdx[k+1])<<8))
}

// find returns the index of w, by binary search.
func (t *table) find(w string) (int, bool) {
	lo, hi := 0, t.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.word(m) < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < t.n && t.word(lo) == w
}

// byteAt returns the k-th byte of word i, or -1 past its end: a word sorts
// before every longer word it is a prefix of.
func (t *table) byteAt(i, k int) int {
	start, end := int(u32(t.offsets, 4*i)), int(u32(t.offsets, 4*i+4))
	if start+k >= end {
		return -1
	}
	return int(t.blob[start+k])
}

// narrowFirst returns the range of words that begin with b.
func (t *table) narrowFirst(b string) (int, int) {
	r := t.first[b[0]]
	return t.narrow(int(r.lo), int(r.hi), 1, b[1:])
}

// narrow takes [lo, hi), the words that begin with some prefix of k bytes,
// and returns the words among them whose next bytes are b. Sorted words
// with a common prefix are sorted on their next byte, so each byte costs
// two binary searches over a range that shrinks fast.
func (t *table) narrow(lo, hi, k int, b string) (int, int) {
	for i := 0; i < len(b) && lo < hi; i, k = i+1, k+1 {
		c := int(b[i])
		l, h := lo, hi
		for l < h { // first word whose byte k is ≥ c
			m := int(uint(l+h) >> 1)
			if t.byteAt(m, k) < c {
				l = m + 1
			} else {
				h = m
			}
		}
		lo = l
		for h = hi; l < h; { // first word whose byte k is > c
			m := int(uint(l+h) >> 1)
			if t.byteAt(m, k) <= c {
				l = m + 1
			} else {
				h = m
			}
		}
		hi = l
	}
	return lo, hi
}

// wordLen returns the length in bytes of word i.
func (t *table) wordLen(i int) int {
	return int(u32(t.offsets, 4*i+4) - u32(t.offsets, 4*i))
}
