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
	Requires: []*Analysis{ProseAnalysis},
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
// plain-text file, with the byte range of its text. What checkCut needs
// beyond the range (lines, words, whether it is a label) is worked out
// only for the pairs that pass the cheap tests on the source.
type paragraph struct {
	start, end int // first and last non-blank byte of the text, end exclusive
	// from and to are offsets on its first and last line.
	from, to int
	node     *ast.Paragraph // Markdown
	block    int            // Markdown: its block of the prose view
	lines    []Block        // plain text: its lines, a part of Prose.Blocks
}

func runBrokenParagraph(p *Pass) {
	pr := ProseOf(p)
	if p.Doc.Plain {
		checkPlainCuts(p, pr)
		return
	}
	// Paragraphs that follow each other as siblings: nothing but blank
	// lines between them (a code block, a heading, a list or an HTML
	// comment would be a sibling too).
	var prev paragraph // prev.node is nil when there is none
	for bi := range pr.Blocks {
		b := &pr.Blocks[bi]
		para, ok := b.Node.(*ast.Paragraph)
		if !ok || b.Kind != BlockParagraph {
			continue
		}
		if len(b.Runs) == 0 { // no prose (see proseSpan)
			prev = paragraph{}
			continue
		}
		cur := paragraph{start: b.Start, end: b.End, from: b.Start, to: b.End, node: para, block: bi}
		if prev.node != nil && prev.node.NextSibling() == ast.Node(para) {
			checkCut(p, pr, &prev, &cur)
		}
		prev = cur
	}
}

// label reports a paragraph used as a heading or a list line: a single
// bold or italic span in Markdown; in plain text a last line that is a
// list item or has no lower-case letter.
func (para *paragraph) label(src []byte) bool {
	if para.node != nil {
		return emphasisOnly(para.node, src)
	}
	last := para.lines[len(para.lines)-1]
	return plainListLine(src[last.Start:last.End]) || !hasLowerLetter(src[last.Start:last.End])
}

// words returns the paragraph's words: those of its block of the prose
// view in Markdown (as Words.Block has them), of its lines' text runs in
// plain text.
func (para *paragraph) words(pr *Prose) []Word {
	if para.node != nil {
		s, e, _ := proseSpan(pr.Blocks[para.block])
		return appendProseWords(nil, pr.Text, s, e)
	}
	var ws []Word
	for _, b := range para.lines {
		for _, r := range b.Runs {
			ws = appendProseWords(ws, pr.Text, r.Start, r.End)
		}
	}
	return ws
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

// checkPlainCuts groups the lines of a plain-text file into paragraphs,
// runs of adjacent lines that carry prose, and checks each pair.
func checkPlainCuts(p *Pass, pr *Prose) {
	src := p.Doc.Source
	var prev paragraph // prev.lines is nil when there is none
	// A line of spaces is a blank line: it ends a paragraph, and the
	// next one then starts two lines further on at least.
	blank := func(b *Block) bool { return onlySpace(src[b.Start:b.End]) }
	for i := 0; i < len(pr.Blocks); {
		if blank(&pr.Blocks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(pr.Blocks) && !blank(&pr.Blocks[j]) && adjacentLines(p.Doc, pr.Blocks[j-1], pr.Blocks[j]) {
			j++
		}
		first, last := &pr.Blocks[i], &pr.Blocks[j-1]
		cur := paragraph{
			from: first.Start, to: last.End,
			start: first.Start + leadingSpace(src[first.Start:first.End]),
			end:   last.Start + len(bytes.TrimRight(src[last.Start:last.End], " \t\r")),
			lines: pr.Blocks[i:j:j],
		}
		if prev.lines != nil {
			checkCut(p, pr, &prev, &cur)
		}
		prev = cur
		i = j
	}
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

// checkCut reports a pair of paragraphs, separated by blank lines only,
// where the first ends mid-sentence and the second goes on in lower case.
func checkCut(p *Pass, pr *Prose, a, b *paragraph) {
	src := p.Doc.Source
	// Most pairs fail these tests, read on the source alone; the words,
	// lines and labels below are made only for the others.
	if !mayEndMidSentence(src, a) || !mayStartLower(src, b) || a.label(src) || b.label(src) {
		return
	}
	aw, bw := a.words(pr), b.words(pr)
	if len(aw) < minCutWords || len(bw) == 0 {
		return
	}
	aLast, bFirst := p.Doc.Lines.Pos(a.to).Line, p.Doc.Lines.Pos(b.from).Line
	if bFirst <= aLast+1 || !blankLines(p.Doc, aLast+1, bFirst-1) {
		return
	}
	last, first := aw[len(aw)-1], bw[0]
	if !endsMidSentence(src, pr.Text, a, last) || !startsLower(src, b, first) {
		return
	}
	tail := aw[max(0, len(aw)-3)]
	head := bw[min(len(bw), 3)-1]
	msg := fmt.Sprintf("sentence cut by a blank line: %q / %q",
		"…"+collapseSpace(src[tail.Start:last.End]), collapseSpace(src[first.Start:head.End])+"…")
	p.Report(Finding{
		Start:   last.Start,
		End:     first.End,
		Message: msg,
		Fix:     &Fix{Edits: []Edit{{Start: a.end, End: b.start, New: " "}}},
	})
}

// mayEndMidSentence is what endsMidSentence asks of the paragraph's last
// word, read without its words: the text, trailing white space and markup
// and then one comma aside, ends on a letter. endsMidSentence's last word
// ends there, so its last rune is the one decoded here.
func mayEndMidSentence(src []byte, a *paragraph) bool {
	t := bytes.TrimRight(src[a.start:a.end], " \t\r*_~")
	t = bytes.TrimSuffix(t, []byte(","))
	r, _ := utf8.DecodeLastRune(t)
	return unicode.IsLetter(r)
}

// mayStartLower is what startsLower asks of the paragraph's first word,
// read without its words: past the markup and white space it allows
// before that word, the text starts with a lower-case letter.
func mayStartLower(src []byte, b *paragraph) bool {
	i := b.start
	for i < b.end && strings.IndexByte("*_~ \t\n\r", src[i]) >= 0 {
		i++
	}
	r, _ := utf8.DecodeRune(src[i:b.end])
	return unicode.IsLower(r)
}

// endsMidSentence: the paragraph's text, markup aside, ends on its last
// word (a letter) or on a comma, and that word is prose, not a masked URL
// or code span.
func endsMidSentence(src, text []byte, a *paragraph, last Word) bool {
	tail := bytes.TrimRight(src[last.End:a.end], " \t\r*_~")
	if len(tail) > 1 || len(tail) == 1 && tail[0] != ',' {
		return false
	}
	r, _ := utf8.DecodeLastRune(src[last.Start:last.End])
	return unicode.IsLetter(r) && text[last.Start] == src[last.Start]
}

// startsLower: the next paragraph's text, markup aside, opens with a
// lower-case word (`le cloud`, not `iOS` or `Kubernetes`).
func startsLower(src []byte, b *paragraph, first Word) bool {
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
