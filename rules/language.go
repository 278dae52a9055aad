package rules

import (
	"bytes"

	"github.com/cvlint/cvlint/rules/lexicon"
)

// Language is the language of a document and, where a block says so
// clearly on its own, of each block: a French CV quotes English project
// descriptions, and the glued-word splitter must use the words of the
// paragraph it is in.
type Language struct {
	// Doc is the document's language; "" when no function word voted.
	Doc        lexicon.Lang
	Confidence float64
	// Blocks runs parallel to Prose.Blocks: a block's own language, or ""
	// when the block is too short or too mixed to tell.
	Blocks []lexicon.Lang
}

// Thresholds on lexicon.Detect's confidence. A block must say it firmly
// (four unanimous votes reach 0.5); the document only needs a majority.
const (
	blockLangConfidence = 0.5
	docLangConfidence   = 0.1
)

// LanguageAnalysis detects the language once per file with the
// stop-word detector of the lexicon package, which needs no word list to
// be loaded.
var LanguageAnalysis = &Analysis{Name: "language", Requires: []*Analysis{ProseAnalysis}, Run: buildLanguage}

// LanguageOf returns the language analysis of the pass's document.
func LanguageOf(p *Pass) *Language { return p.ResultOf(LanguageAnalysis).(*Language) }

// Block returns the language of block i of the prose view: its own when
// confident, else the document's, else "" (either language).
func (l *Language) Block(i int) lexicon.Lang {
	if i >= 0 && i < len(l.Blocks) && l.Blocks[i] != "" {
		return l.Blocks[i]
	}
	return l.Doc
}

func buildLanguage(d *Document) any {
	pr := d.Result(ProseAnalysis).(*Prose)
	l := &Language{Blocks: make([]lexicon.Lang, len(pr.Blocks))}
	// Votes add up: a run of blocks, or the whole document, votes as its
	// blocks' prose joined by newlines, with no text made.
	var en, fr int
	// In a plain-text file every line is a block: judge runs of adjacent
	// lines (a plain-text paragraph) together.
	for i := 0; i < len(pr.Blocks); {
		j := i + 1
		if pr.Blocks[i].Kind == BlockLine {
			for j < len(pr.Blocks) && pr.Blocks[j].Kind == BlockLine && adjacentLines(d, pr.Blocks[j-1], pr.Blocks[j]) {
				j++
			}
		}
		var ben, bfr int
		for k := i; k < j; k++ {
			if s, e, ok := proseSpan(pr.Blocks[k]); ok {
				e, f := lexicon.Votes(pr.Text[s:e])
				ben, bfr = ben+e, bfr+f
			}
		}
		en, fr = en+ben, fr+bfr
		if lang, conf := lexicon.Confidence(ben, bfr); conf >= blockLangConfidence {
			for k := i; k < j; k++ {
				l.Blocks[k] = lang
			}
		}
		i = j
	}
	if lang, conf := lexicon.Confidence(en, fr); conf >= docLangConfidence {
		l.Doc, l.Confidence = lang, conf
	}
	return l
}

// adjacentLines reports whether block b starts on the line after a ends.
// LineIndex ends a line at each '\n' and nowhere else, so that is exactly
// one newline between them, found without two searches for the lines.
func adjacentLines(d *Document, a, b Block) bool {
	return a.End <= b.Start && bytes.Count(d.Source[a.End:b.Start], []byte{'\n'}) == 1
}
