package rules

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// BlockKind says what kind of block a run of prose belongs to.
type BlockKind int

const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockListItem // the text block of a tight list item or a paragraph in one
	BlockTableCell
	BlockLine // a line of a plain-text file
)

// Block is one unit of prose: its kind and the byte ranges that are text.
type Block struct {
	Kind       BlockKind
	Start, End int
	Node       ast.Node // nil for plain-text lines
	Runs       []Span
}

// Prose is the text a reader reads, with code spans, code blocks, URLs,
// e-mails, HTML, link destinations and front matter masked out.
type Prose struct {
	// Text has the length of Document.Source; every masked byte is a
	// space (newlines are kept), so offsets need no translation.
	Text   []byte
	Blocks []Block
}

// ProseAnalysis builds the prose view once per file; rules never
// re-implement the masking.
var ProseAnalysis = &Analysis{Name: "prose", Run: buildProse}

// ProseOf returns the prose view of the pass's document.
func ProseOf(p *Pass) *Prose { return p.ResultOf(ProseAnalysis).(*Prose) }

func buildProse(d *Document) any {
	src := d.Source
	text := bytes.Repeat([]byte{' '}, len(src))
	for i, c := range src {
		if c == '\n' {
			text[i] = '\n'
		}
	}
	pr := &Prose{Text: text}
	keep := func(s, e int) {
		copy(text[s:e], src[s:e])
	}
	if d.Plain {
		for n := 1; n <= d.Lines.Count(); n++ {
			s, e := d.Lines.Line(n)
			if s < d.FrontMatter.End {
				continue
			}
			runs := plainRuns(src, s, e)
			for _, r := range runs {
				keep(r.Start, r.End)
			}
			if len(runs) > 0 {
				pr.Blocks = append(pr.Blocks, Block{Kind: BlockLine, Start: s, End: e, Runs: runs})
			}
		}
		return pr
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var kind BlockKind
		switch n.(type) {
		case *ast.Paragraph:
			kind = BlockParagraph
			if _, inItem := n.Parent().(*ast.ListItem); inItem {
				kind = BlockListItem
			}
		case *ast.TextBlock:
			kind = BlockListItem
		case *ast.Heading:
			kind = BlockHeading
		case *east.TableCell:
			kind = BlockTableCell
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		b := Block{Kind: kind, Node: n}
		b.Start, b.End = blockSpan(n, src)
		collectRuns(n, src, &b.Runs)
		for _, r := range b.Runs {
			keep(r.Start, r.End)
		}
		pr.Blocks = append(pr.Blocks, b)
		return ast.WalkSkipChildren, nil
	})
	return pr
}

func collectRuns(n ast.Node, src []byte, runs *[]Span) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := c.Segment
			if s.Stop > s.Start {
				*runs = append(*runs, Span{s.Start, s.Stop})
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image:
			// masked: code, URLs and e-mails, HTML, image alt text
		default:
			collectRuns(c, src, runs)
		}
	}
}

// plainRuns masks URLs and e-mail addresses in a line of a plain-text
// file, where no Markdown parser has found them.
func plainRuns(src []byte, s, e int) []Span {
	var runs []Span
	start := s
	i := s
	for i < e {
		if src[i] == ' ' || src[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < e && src[j] != ' ' && src[j] != '\t' {
			j++
		}
		if looksLikeURLOrEmail(src[i:j]) {
			if i > start {
				runs = append(runs, Span{start, i})
			}
			start = j
		}
		i = j
	}
	if e > start {
		runs = append(runs, Span{start, e})
	}
	return runs
}

func looksLikeURLOrEmail(w []byte) bool {
	w = bytes.Trim(w, "()<>[].,;\"'")
	if bytes.Contains(w, []byte("://")) || bytes.HasPrefix(w, []byte("www.")) || bytes.HasPrefix(w, []byte("mailto:")) {
		return true
	}
	at := bytes.IndexByte(w, '@')
	return at > 0 && bytes.IndexByte(w[at:], '.') > 0
}
