package rules

import (
	"slices"
	"sort"
	"strings"
)

// Keywords are the occurrences of the keywords that gate the regular
// expressions of personal-data and placeholder-text, found in one pass
// over the lower-cased prose of a file and shared by both rules.
//
// The pass runs over the fold view (LowerProse.Runes lower-cased as the
// keyword set reads it), which has the offsets of the source.
// personal-data's keywords are searched there (the fold view is Whole
// when the lower case is exact; otherwise the rule scans Whole itself).
// placeholder-text's keywords are meant for the prose with only its
// ASCII letters lower-cased: the two agree on every ASCII byte, so a
// keyword of ASCII bytes occurs at the same places in both, and an
// occurrence of a keyword with other bytes is kept only when that view
// holds it too.
type Keywords struct {
	occ []kwOcc // sorted by start
	// all has the bit of every group that occurs somewhere.
	all uint32
}

type kwOcc struct {
	start, end int
	bit        uint32
}

// Keyword groups: personal-data's lists first (their index in
// pdKeywordLists), then placeholder-text's hint groups.
const (
	kwPlaceholder = pdGroups
	kwGroups      = kwPlaceholder + numHintGroups
)

// kwSet holds the keywords of both rules; kwGroup is the group of each,
// kwNonASCII says which placeholder keywords need the check on ASCII.
var kwSet, kwGroup, kwNonASCII = func() (*keywordSet, []int, []bool) {
	if kwGroups > 32 {
		panic("keywords: too many groups for a 32-bit mask")
	}
	var words []string
	var group []int
	var nonASCII []bool
	for g, l := range pdKeywordLists {
		for _, w := range l {
			words, group, nonASCII = append(words, w), append(group, g), append(nonASCII, false)
		}
	}
	for i, w := range placeholderHintSet.words {
		g := kwPlaceholder + placeholderHintGroup[i]
		words, group = append(words, w), append(group, g)
		nonASCII = append(nonASCII, strings.IndexFunc(w, func(r rune) bool { return r >= 0x80 }) >= 0)
	}
	return newKeywordSet(words), group, nonASCII
}()

// KeywordsAnalysis finds the keywords of the text rules once per file.
var KeywordsAnalysis = &Analysis{Name: "keywords", Requires: []*Analysis{LowerProseAnalysis}, Run: buildKeywords}

// KeywordsOf returns the keyword occurrences of the pass's document.
func KeywordsOf(p *Pass) *Keywords { return p.ResultOf(KeywordsAnalysis).(*Keywords) }

func buildKeywords(d *Document) any {
	lp := d.Result(LowerProseAnalysis).(*LowerProse)
	text := lp.Runes
	// About one occurrence in three hundred bytes of prose: room for
	// most files at once rather than growing four or five times.
	var k *Keywords
	if b := d.buffers; b != nil {
		b.keywords = Keywords{occ: grow(b.keywords.occ, 4+len(text)/256)}
		k = &b.keywords
	} else {
		k = &Keywords{occ: make([]kwOcc, 0, 4+len(text)/256)}
	}
	sorted := true
	kwSet.find(text, func(off, w int) {
		word := kwSet.words[w]
		g := kwGroup[w]
		if g >= kwPlaceholder {
			if kwNonASCII[w] && !hasPrefixLower(lp.Text[off:], word) {
				return
			}
			// A template variable's '%' opens a name in capitals (%EMAIL%):
			// "30 % of" holds no hint.
			if word == "%" && (off+1 >= len(text) || lowerByte(text[off+1]) < 'a' || lowerByte(text[off+1]) > 'z') {
				return
			}
		}
		if n := len(k.occ); n > 0 && k.occ[n-1].start > off {
			sorted = false
		}
		k.occ = append(k.occ, kwOcc{off, off + len(word), 1 << g})
		k.all |= 1 << g
	})
	if !sorted {
		slices.SortStableFunc(k.occ, func(a, b kwOcc) int { return a.start - b.start })
	}
	return k
}

// in returns the bits of the groups with an occurrence wholly inside
// [s, e).
func (k *Keywords) in(s, e int) uint32 {
	if k.all == 0 {
		return 0
	}
	lo, hi := 0, len(k.occ)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if k.occ[m].start < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	var bits uint32
	for i := lo; i < len(k.occ) && k.occ[i].start < e; i++ {
		if k.occ[i].end <= e {
			bits |= k.occ[i].bit
		}
	}
	return bits
}

// kwCursor is where inAt's search resumes: the prose blocks come in order
// of their start.
type kwCursor struct{ i, s int }

// inAt is in for callers that mostly ask in order of start: the first
// occurrence at or after s is found by moving on from the last call's
// rather than by a binary search from scratch.
func (k *Keywords) inAt(c *kwCursor, s, e int) uint32 {
	if k.all == 0 {
		return 0
	}
	i := c.i
	if s < c.s {
		// Out of order: search from scratch.
		i = sort.Search(len(k.occ), func(i int) bool { return k.occ[i].start >= s })
	}
	for i < len(k.occ) && k.occ[i].start < s {
		i++
	}
	c.i, c.s = i, s
	var bits uint32
	for ; i < len(k.occ) && k.occ[i].start < e; i++ {
		if k.occ[i].end <= e {
			bits |= k.occ[i].bit
		}
	}
	return bits
}
