package lexicon

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// MinSplitLen is the shortest letter run SuggestSplit looks at. Shorter runs
// are too often real compounds or product names to be worth the risk.
const MinSplitLen = 15

// maxSegmentRunes bounds the longest word the segmenter tries. Longer words
// exist (anticonstitutionnellement) but a glued run made of one is found
// whole by Known before segmentation; the bound keeps Segment linear.
const maxSegmentRunes = 26

// cost is the negative log-probability of w under a Zipf unigram model built
// from its rank, as in Norvig's and wordninja's segmenters. Words absent
// from the lexicon (found false), and one- or two-letter words that are not
// function words (SCOWL lists "ab", "es", "mi"), cost far more than any real
// word, so the search only uses them when nothing else fits.
func (d *dict) cost(lang Lang, w string, runes int, rank uint32, found bool) float64 {
	if found && (runes > 2 || functionSets[lang][w]) {
		return math.Log(float64(rank) * d.logN)
	}
	return 40 + 10*float64(runes)
}

// Segment splits token, a lower-case letter run, into the most probable
// sequence of words of lang. It always returns a segmentation, however poor:
// SuggestSplit is the one that decides whether it is worth showing. With the
// zero Lang it returns the cheaper of the English and French segmentations.
func Segment(lang Lang, token string) []string {
	if lang == "" {
		en, ce := segment(EN, token, false)
		fr, cf := segment(FR, token, false)
		if cf < ce {
			return fr
		}
		return en
	}
	seg, _ := segment(lang, token, false)
	return seg
}

// segment is the dynamic programme: best[i] is the cheapest way to write the
// first i runes. noWhole forbids the single segment covering all of token,
// which the precision measurement uses to play "this word is missing from
// the lexicon".
//
// It runs forwards: from each start j, whose best[j] is final, it extends
// the segment one rune at a time and narrows the range of lexicon words that
// begin with it (table.narrow), so that one walk finds every word starting
// at j and stops looking up as soon as no word has the segment as a prefix.
// For each end i the starts still arrive in increasing order, and a start
// only wins when strictly cheaper, as in the textbook form.
func segment(lang Lang, token string, noWhole bool) ([]string, float64) {
	d := get(lang)
	if d == nil || token == "" {
		return nil, math.Inf(1)
	}
	// Byte offset of each rune boundary: split points must fall on them
	// (accented letters are two bytes in UTF-8).
	var offs [128]int
	off := offs[:0]
	for i := range token {
		off = append(off, i)
	}
	off = append(off, len(token))
	n := len(off) - 1
	var bestBuf [128]float64
	var fromBuf [128]int
	best, from := bestBuf[:0], fromBuf[:0]
	if n+1 > len(bestBuf) {
		best, from = make([]float64, 0, n+1), make([]int, 0, n+1)
	}
	best = append(best, 0)
	from = append(from, 0)
	for i := 1; i <= n; i++ {
		best = append(best, math.Inf(1))
		from = append(from, i-1)
	}
	for j := 0; j < n; j++ {
		var lo, hi int // the words that begin with token[off[j]:off[i]]
		for i := j + 1; i <= min(n, j+maxSegmentRunes); i++ {
			w := token[off[j]:off[i]]
			if i == j+1 {
				lo, hi = d.narrowFirst(w)
			} else if lo < hi {
				lo, hi = d.narrow(lo, hi, off[i-1]-off[j], token[off[i-1]:off[i]])
			}
			var rank uint32
			found := lo < hi && d.wordLen(lo) == len(w)
			if found {
				rank = d.rank(lo)
			}
			if noWhole && j == 0 && i == n {
				continue
			}
			if c := d.cost(lang, w, i-j, rank, found) + best[j]; c < best[i] {
				best[i], from[i] = c, j
			}
		}
	}
	var rev []string
	for i := n; i > 0; i = from[i] {
		rev = append(rev, token[off[from[i]]:off[i]])
	}
	for a, b := 0, len(rev)-1; a < b; a, b = a+1, b-1 {
		rev[a], rev[b] = rev[b], rev[a]
	}
	return rev, best[n]
}

// SuggestSplit proposes where to put the spaces in token, a run of words
// glued together, and reports whether the split is confident enough to show.
//
// The caller hands it one run of lower-case letters: it splits the text on
// case changes, digits, apostrophes, hyphens and punctuation first, so that
// CloudNativePG, speech2text or l'équipe never reach it. Accented letters
// are letters. The guards, each of which removes a family of false alarms:
//   - the run has at least MinSplitLen letters, all lower case;
//   - it is not a whole word of either language's inflected lexicon
//     (anticonstitutionnellement, internationalization);
//   - the split has at least three segments, one of them a function word of
//     lang (the, de, les), and every other segment is a common word of lang.
//
// With the zero Lang both languages are tried, English first.
func SuggestSplit(lang Lang, token string) ([]string, bool) {
	return suggest(lang, token, guards{known: true})
}

type guards struct {
	known   bool // reject tokens found whole in a lexicon
	noWhole bool // segment as if the token were missing from the lexicon
}

func suggest(lang Lang, token string, g guards) ([]string, bool) {
	if lang == "" {
		if seg, ok := suggest(EN, token, g); ok {
			return seg, ok
		}
		return suggest(FR, token, g)
	}
	if utf8.RuneCountInString(token) < MinSplitLen {
		return nil, false
	}
	for _, r := range token {
		if !unicode.IsLower(r) {
			return nil, false
		}
	}
	if g.known && (Known(EN, token) || Known(FR, token)) {
		return nil, false
	}
	seg, _ := segment(lang, token, g.noWhole)
	if !confident(lang, seg) {
		return nil, false
	}
	return seg, true
}

func confident(lang Lang, seg []string) bool {
	if len(seg) < 3 {
		return false
	}
	d := get(lang)
	glue, contents := 0, 0
	for _, w := range seg {
		runes := utf8.RuneCountInString(w)
		switch {
		case runes == 1 && !oneLetterWords[lang][w]:
			return false
		case IsFunctionWord(lang, w):
			if glueSets[lang][w] {
				glue++
			}
		case runes >= 3 && IsCommon(lang, w):
			// Short common words are also the suffixes and syllables of long
			// ones ("ions", "tic", "tri"): only the most frequent count.
			if r, _ := d.rankOf(w); runes <= shortWord && r > d.shortRank {
				return false
			}
			contents++
		default:
			return false
		}
	}
	// A run that ends in two function words ("civilisation ne les",
	// "comportement a le") is a real word cut at its last syllables: glued
	// prose ends where the next capital begins, on a content word.
	if n := len(seg); IsFunctionWord(lang, seg[n-1]) && IsFunctionWord(lang, seg[n-2]) {
		return false
	}
	return glue > 0 && contents > 0
}

// shortWord is the length up to which a content segment must rank among the
// most frequent words (dict.shortRank).
const shortWord = 4
