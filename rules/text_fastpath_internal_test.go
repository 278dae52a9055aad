package rules

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// The text rules skip most of the prose on cheap tests of its bytes
// (mayGlue, mayRepeat, mayEndMidSentence, mayStartLower). Each must hold
// wherever the exact check it stands for would report: these tests run
// the exact checks on every block of random prose, made of the cases the
// fast paths reason about (case, accents, runes whose lower case is
// ASCII, invalid bytes, white space that is not ASCII, punctuation, code
// spans), and fail on a finding that the fast path would have skipped.

var fastPathPieces = []string{
	"les", "solutions", "de", "supervision", "the", "The", "THE", "and", "mise", "en", "place",
	"données", "Grafana", "ainsi", "que", "moteur", "recherche", "platform", "migration", "to", "le",
	"cloud", "équipe", "Équipe", "é", "É", "İs", "is", "\u212a", "k", "ß", "ǅ", "’", "'", "-", "l'", "d’",
	".", ",", ";", "!", "?", ":", "(", ")", "*", "_", "`code`", "42", "xx",
	" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\xc3", "\xa9", "\xe2\x80",
}

func fastPathDocs(seed int64, n int) [][]byte {
	r := rand.New(rand.NewSource(seed))
	docs := make([][]byte, n)
	for k := range docs {
		var b strings.Builder
		for w := r.Intn(60); w >= 0; w-- {
			b.WriteString(fastPathPieces[r.Intn(len(fastPathPieces))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		docs[k] = []byte(b.String())
	}
	return docs
}

func fastPathPass(d *Document, r *Rule, out *[]rawFinding) *Pass {
	p := &Pass{Doc: d, Rule: r, Now: time.Now(), out: out, allowed: map[*Analysis]bool{}}
	closure(r.Requires, p.allowed)
	return p
}

func TestMayGlueHoldsWhereScanReports(t *testing.T) {
	reported := 0
	for _, src := range fastPathDocs(1, 20000) {
		for _, plain := range []bool{false, true} {
			dec, err := Decode(src)
			if err != nil {
				continue
			}
			d := Parse("cv.md", dec, plain)
			var out []rawFinding
			g := &gluedPass{p: fastPathPass(d, GluedWords, &out), pr: d.Result(ProseAnalysis).(*Prose), allow: map[string]bool{}}
			for i, b := range g.pr.Blocks {
				s, e, ok := proseSpan(b)
				if !ok {
					continue
				}
				out = out[:0]
				g.block = i
				g.scan(s, e)
				reported += len(out)
				if len(out) > 0 && !mayGlue(g.pr.Text, s, e) {
					t.Fatalf("%q: mayGlue false, scan reports %q", g.pr.Text[s:e], out[0].Message)
				}
			}
		}
	}
	if reported == 0 {
		t.Fatal("no finding at all: the test proves nothing")
	}
}

func TestMayRepeatHoldsWhereRepeatAtFinds(t *testing.T) {
	found := 0
	for _, src := range fastPathDocs(2, 20000) {
		dec, err := Decode(src)
		if err != nil {
			continue
		}
		d := Parse("cv.md", dec, false)
		pr := d.Result(ProseAnalysis).(*Prose)
		for _, b := range pr.Blocks {
			s, e, ok := proseSpan(b)
			if !ok {
				continue
			}
			ws := appendProseWords(nil, pr.Text, s, e)
			keys := make(lowerKeys, len(ws))
			for i := range ws {
				if repeatAt(d.Source, ws, keys, i) > 0 {
					found++
					if !mayRepeat(d.Source, pr.Text, s, e) {
						t.Fatalf("%q: mayRepeat false, repeat at word %d", pr.Text[s:e], i)
					}
					break
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no repeat at all: the test proves nothing")
	}
}

func TestMayEndAndStartHoldWhereCutIs(t *testing.T) {
	cuts := 0
	for _, src := range fastPathDocs(3, 20000) {
		dec, err := Decode(src)
		if err != nil {
			continue
		}
		d := Parse("cv.md", dec, false)
		pr := d.Result(ProseAnalysis).(*Prose)
		for bi, b := range pr.Blocks {
			if len(b.Runs) == 0 {
				continue
			}
			para := &paragraph{start: b.Start, end: b.End, node: nil, block: bi}
			s, e, _ := proseSpan(b)
			ws := appendProseWords(nil, pr.Text, s, e)
			if len(ws) == 0 {
				continue
			}
			if endsMidSentence(d.Source, pr.Text, para, ws[len(ws)-1]) {
				cuts++
				if !mayEndMidSentence(d.Source, para) {
					t.Fatalf("%q: mayEndMidSentence false, endsMidSentence true", d.Source[b.Start:b.End])
				}
			}
			if startsLower(d.Source, para, ws[0]) && !mayStartLower(d.Source, para) {
				t.Fatalf("%q: mayStartLower false, startsLower true", d.Source[b.Start:b.End])
			}
		}
	}
	if cuts == 0 {
		t.Fatal("no paragraph ends mid-sentence: the test proves nothing")
	}
}
