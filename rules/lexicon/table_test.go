package lexicon

import (
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// textDict is the lexicon as the package built it before the binary tables:
// the text lists of data/*.txt.gz parsed into a map, the function words
// merged in at their own ranks. The tests hold the tables to it.
type textDict struct {
	rank                  map[string]uint32
	commonRank, shortRank uint32
	logN                  float64
}

func loadText(t testing.TB, lang Lang) *textDict {
	t.Helper()
	f, err := os.Open("data/" + string(lang) + ".txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	type bandSpan struct {
		ranked     bool
		start, end int
	}
	var bands []bandSpan
	var words []string
	for line := range strings.Lines(string(raw)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "#") {
			if len(bands) > 0 {
				bands[len(bands)-1].end = len(words)
			}
			bands = append(bands, bandSpan{ranked: line == "#ranked", start: len(words)})
		} else if line != "" {
			words = append(words, line)
		}
	}
	bands[len(bands)-1].end = len(words)
	d := &textDict{rank: make(map[string]uint32, len(words))}
	n := 0
	for _, b := range bands {
		for ; n < b.end; n++ {
			r := uint32(n + 1)
			if !b.ranked {
				r = uint32((b.start+b.end)/2 + 1)
			}
			d.rank[words[n]] = r
		}
	}
	lim := limits[lang]
	d.commonRank, d.shortRank = lim.commonRank, lim.shortRank
	if lim.commonBands > 0 {
		d.commonRank = uint32(bands[lim.commonBands-1].end)
		d.shortRank = uint32(bands[lim.shortBands-1].end)
	}
	for i, w := range functionWords[lang] {
		d.rank[w] = uint32(i + 1)
	}
	d.logN = math.Log(float64(len(d.rank)))
	return d
}

// TestTableMatchesText checks, for every word of the text lists, that the
// embedded table knows it with the same rank, that the table holds no other
// word, and that the limits and the cost's lexicon size agree. A failure
// after editing words.go or the lists means: run `go run gen.go -from-text`.
func TestTableMatchesText(t *testing.T) {
	for _, lang := range Langs {
		want := loadText(t, lang)
		d := get(lang)
		if d.n != len(want.rank) {
			t.Errorf("%s: table has %d words, text lists %d", lang, d.n, len(want.rank))
		}
		if d.commonRank != want.commonRank || d.shortRank != want.shortRank || d.logN != want.logN {
			t.Errorf("%s: limits %d/%d, logN %v; text gives %d/%d, %v", lang,
				d.commonRank, d.shortRank, d.logN, want.commonRank, want.shortRank, want.logN)
		}
		bad := 0
		for w, r := range want.rank {
			got, ok := d.rankOf(w)
			if !ok || got != r || !Known(lang, w) || IsCommon(lang, w) != (r <= want.commonRank) {
				if bad++; bad <= 10 {
					t.Errorf("%s: %q: table rank %d, %v; text rank %d", lang, w, got, ok, r)
				}
			}
		}
		for i := range d.n {
			w := d.word(i)
			if i > 0 && d.word(i-1) >= w {
				t.Fatalf("%s: table not sorted at %d: %q, %q", lang, i, d.word(i-1), w)
			}
			if _, ok := want.rank[w]; !ok {
				if bad++; bad <= 10 {
					t.Errorf("%s: table word %q is not in the text lists", lang, w)
				}
			}
		}
		// Not words: prefixes, extensions and edits of real ones.
		for i := 0; i < d.n; i += 7 {
			w := d.word(i)
			for _, v := range []string{w[:len(w)-1], w + "q", "q" + w, w + "é", ""} {
				_, inText := want.rank[v]
				if Known(lang, v) != inText {
					t.Errorf("%s: Known(%q) = %v, text lists say %v", lang, v, !inText, inText)
				}
			}
		}
		t.Logf("%s: %d words checked", lang, len(want.rank))
	}
}

// textSegment is segment as it was over the map: the textbook backward DP.
func textSegment(lang Lang, d *textDict, token string, noWhole bool) ([]string, float64) {
	var off []int
	for i := range token {
		off = append(off, i)
	}
	off = append(off, len(token))
	n := len(off) - 1
	best, from := []float64{0}, []int{0}
	for i := 1; i <= n; i++ {
		best = append(best, math.Inf(1))
		from = append(from, i-1)
		for j := max(0, i-maxSegmentRunes); j < i; j++ {
			if noWhole && j == 0 && i == n {
				continue
			}
			w := token[off[j]:off[i]]
			c := 40 + 10*float64(i-j)
			if r, ok := d.rank[w]; ok && (i-j > 2 || functionSets[lang][w]) {
				c = math.Log(float64(r) * d.logN)
			}
			if c += best[j]; c < best[i] {
				best[i], from[i] = c, j
			}
		}
	}
	var rev []string
	for i := n; i > 0; i = from[i] {
		rev = append(rev, token[off[from[i]]:off[i]])
	}
	slices.Reverse(rev)
	return rev, best[n]
}

// TestSegmentMatchesText checks that the forward walk over the table finds
// the segmentation and cost of the backward DP over the map, on long words
// of the lexicon (whole and with the whole segment forbidden) and on random
// runs of glued words.
func TestSegmentMatchesText(t *testing.T) {
	step := 13 // a sample: the map-based DP is slow
	if testing.Short() {
		step = 211
	}
	for _, lang := range Langs {
		want := loadText(t, lang)
		d := get(lang)
		var tokens []string
		for i := 0; i < d.n; i += step {
			if w := d.word(i); utf8.RuneCountInString(w) >= 8 {
				tokens = append(tokens, w)
			}
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(lang))))
		for range 20000 / step * 5 {
			var sb strings.Builder
			for sb.Len() < 30 {
				if rng.IntN(3) == 0 {
					fw := functionWords[lang]
					sb.WriteString(fw[rng.IntN(len(fw))])
				} else {
					sb.WriteString(d.word(rng.IntN(d.n)))
				}
			}
			tokens = append(tokens, sb.String())
		}
		for _, tok := range tokens {
			for _, noWhole := range []bool{false, true} {
				got, gc := segment(lang, tok, noWhole)
				seg, wc := textSegment(lang, want, tok, noWhole)
				if !slices.Equal(got, seg) || gc != wc {
					t.Fatalf("%s: segment(%q, %v) = %q, %v; map gives %q, %v", lang, tok, noWhole, got, gc, seg, wc)
				}
			}
		}
		t.Logf("%s: %d tokens segmented alike", lang, len(tokens))
	}
}

// TestFunctionWordsInTable checks the ranks gen.go read from words.go.
func TestFunctionWordsInTable(t *testing.T) {
	for _, lang := range Langs {
		for i, w := range functionWords[lang] {
			if r, ok := get(lang).rankOf(w); !ok || r != uint32(i+1) {
				t.Errorf("%s: function word %q has rank %d, %v in the table, want %d: run go run gen.go -from-text", lang, w, r, ok, i+1)
			}
		}
	}
}

func TestParseTableRejectsDamage(t *testing.T) {
	good := enTable
	for _, bad := range []string{"", good[:10], "XXXX" + good[4:], good[:len(good)-1], good + "x"} {
		if _, ok := parseTable(bad); ok {
			t.Errorf("parseTable accepted a damaged table of %d bytes", len(bad))
		}
	}
	if _, ok := parseTable(good); !ok {
		t.Error("parseTable rejected the embedded table")
	}
}
