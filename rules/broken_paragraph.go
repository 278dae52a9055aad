package rules

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// BrokenParagraph reports a sentence that a blank line cut in two, as PDF
// and Word exports do at page and column breaks.
var BrokenParagraph = Register(&Rule{
	ID:       "broken-paragraph",
	Title:    "a sentence cut by a blank line",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, WordsAnalysis},
	Doc: Doc{
		Why: "Text copied out of a PDF or a Word document often carries a blank line where a page or a column ended, in the middle of a sentence. " +
			"In Markdown the blank line makes two paragraphs, and the CV shows a sentence broken in two. " +
			"cvlint reports a paragraph that ends without closing punctuation (on a letter or a comma, after at least four words) followed, after blank lines only, " +
			"by a paragraph that starts with a lower-case word. Headings, list items, table rows, a paragraph ending in `:` before a list, " +
			"a bold line used as a heading and anything separated by a code block are never reported. " +
			"The suggestion joins the two halves; it applies only with `--fix=broken-paragraph`. It works on plain-text files too, where a paragraph is a run of non-blank lines.",
		Bad:  "Led the migration of the payment platform to\n\nthe public cloud in 2023.",
		Good: "Led the migration of the payment platform to\nthe public cloud in 2023.",
	},
	Run: runBrokenParagraph,
})

// minCutWords is the shortest first half reported: a short line without a
// full stop (a name, a job title, an employer) is a label, not a sentence.
const minCutWords = 4

// paragraph is a Markdown paragraph or a run of non-blank lines of a
// plain-text file, with the byte range of its text.
type paragraph struct {
	start, end int // first and last non-blank byte of the text, end exclusive
	firstLine  int
	lastLine   int
	words      []Word
	label      bool // a bold or italic line used as a heading, a list line
}

func runBrokenParagraph(p *Pass) {
	pr := ProseOf(p)
	if p.Doc.Plain {
		checkCuts(p, pr, plainParagraphs(p.Doc, pr))
		return
	}
	// Paragraphs that follow each other as siblings: nothing but blank
	// lines between them (a code block, a heading, a list or an HTML
	// comment would be a sibling too).
	var run []paragraph
	var prev ast.Node
	flush := func() {
		checkCuts(p, pr, run)
		run = run[:0]
	}
	words := WordsOf(p)
	for bi, b := range pr.Blocks {
		para, ok := b.Node.(*ast.Paragraph)
		if !ok || b.Kind != BlockParagraph {
			continue
		}
		if prev == nil || prev.NextSibling() != ast.Node(para) {
			flush()
		}
		prev = para
		if len(b.Runs) == 0 { // no prose (see proseSpan)
			flush()
			prev = nil
			continue
		}
		start, end := b.Start, b.End
		run = append(run, paragraph{
			start: start, end: end,
			firstLine: p.Doc.Lines.Pos(start).Line, lastLine: p.Doc.Lines.Pos(end).Line,
			words: words.Block(bi),
			label: emphasisOnly(para, p.Doc.Source),
		})
	}
	flush()
}

// emphasisOnly reports a paragraph that is a single bold or italic span,
// the way many CVs write a sub-heading.
func emphasisOnly(n ast.Node, src []byte) bool {
	c := n.FirstChild()
	if c == nil {
		return false
	}
	if _, ok := c.(*ast.Emphasis); !ok {
		return false
	}
	for c = c.NextSibling(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); !ok || !onlySpace(t.Segment.Value(src)) {
			return false
		}
	}
	return true
}

// plainParagraphs groups the lines of a plain-text file into paragraphs:
// runs of adjacent lines that carry prose.
func plainParagraphs(d *Document, pr *Prose) []paragraph {
	var lines []Block // a line of spaces is a blank line, not a block
	for _, b := range pr.Blocks {
		if !onlySpace(d.Source[b.Start:b.End]) {
			lines = append(lines, b)
		}
	}
	var out []paragraph
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && adjacentLines(d, lines[j-1], lines[j]) {
			j++
		}
		first, last := lines[i], lines[j-1]
		para := paragraph{
			firstLine: d.Lines.Pos(first.Start).Line, lastLine: d.Lines.Pos(last.End).Line,
			start: first.Start + leadingSpace(d.Source[first.Start:first.End]),
			end:   last.Start + len(bytes.TrimRight(d.Source[last.Start:last.End], " \t\r")),
			label: plainListLine(d.Source[last.Start:last.End]) || !hasLowerLetter(d.Source[last.Start:last.End]),
		}
		for _, b := range lines[i:j] {
			for _, r := range b.Runs {
				para.words = append(para.words, proseWords(pr.Text, r.Start, r.End)...)
			}
		}
		out = append(out, para)
		i = j
	}
	return out
}

func leadingSpace(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t"))
}

// plainListLine recognises a list item or a heading written in a plain
// text file: a bullet, a number and a dot, a Markdown-style '#'.
func plainListLine(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	r, n := utf8.DecodeRune(line)
	if strings.ContainsRune("-*+•●▪◦■➢▸►–—·#", r) {
		return true
	}
	if unicode.IsDigit(r) {
		k := n
		for k < len(line) && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		return k < len(line) && (line[k] == '.' || line[k] == ')')
	}
	return false
}

func hasLowerLetter(b []byte) bool {
	return bytes.IndexFunc(b, unicode.IsLower) >= 0
}

// checkCuts reports each pair of paragraphs, separated by blank lines
// only, where the first ends mid-sentence and the second goes on in lower
// case.
func checkCuts(p *Pass, pr *Prose, ps []paragraph) {
	src := p.Doc.Source
	for k := 0; k+1 < len(ps); k++ {
		a, b := ps[k], ps[k+1]
		if a.label || b.label || len(a.words) < minCutWords || len(b.words) == 0 {
			continue
		}
		if b.firstLine <= a.lastLine+1 || !blankLines(p.Doc, a.lastLine+1, b.firstLine-1) {
			continue
		}
		last, first := a.words[len(a.words)-1], b.words[0]
		if !endsMidSentence(src, pr.Text, a, last) || !startsLower(src, b, first) {
			continue
		}
		tail := a.words[max(0, len(a.words)-3)]
		head := b.words[min(len(b.words), 3)-1]
		msg := fmt.Sprintf("sentence cut by a blank line: %q / %q",
			"…"+collapseSpace(src[tail.Start:last.End]), collapseSpace(src[first.Start:head.End])+"…")
		p.Report(Finding{
			Start:   last.Start,
			End:     first.End,
			Message: msg,
			Fix:     &Fix{Edits: []Edit{{Start: a.end, End: b.start, New: " "}}},
		})
	}
}

// endsMidSentence: the paragraph's text, markup aside, ends on its last
// word (a letter) or on a comma, and that word is prose, not a masked URL
// or code span.
func endsMidSentence(src, text []byte, a paragraph, last Word) bool {
	tail := bytes.TrimRight(src[last.End:a.end], " \t\r*_~")
	if len(tail) > 1 || len(tail) == 1 && tail[0] != ',' {
		return false
	}
	r, _ := utf8.DecodeLastRune(src[last.Start:last.End])
	return unicode.IsLetter(r) && text[last.Start] == src[last.Start]
}

// startsLower: the next paragraph's text, markup aside, opens with a
// lower-case word (`le cloud`, not `iOS` or `Kubernetes`).
func startsLower(src []byte, b paragraph, first Word) bool {
	if !onlySpace(bytes.Trim(src[b.start:first.Start], "*_~")) {
		return false
	}
	w := string(src[first.Start:first.End])
	return w == strings.ToLower(w) && unicode.IsLower([]rune(w)[0])
}

// blankLines reports whether lines from..to (1-based, inclusive) hold
// nothing but white space (and the '>' of a block quote).
func blankLines(d *Document, from, to int) bool {
	for n := from; n <= to; n++ {
		if !onlySpace(bytes.ReplaceAll(d.Lines.LineText(n), []byte(">"), nil)) {
			return false
		}
	}
	return true
}

func collapseSpace(b []byte) string {
	return strings.Join(strings.Fields(string(b)), " ")
}
