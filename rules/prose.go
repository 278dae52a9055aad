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
	// Blocks and their runs are gathered into one slice each; a block's
	// Runs is its part of the shared slice, capped so that nobody's
	// append can run into the next block's.
	var pr *Prose
	var runs []Span
	var at []int
	if b := d.buffers; b != nil {
		pr = &b.prose
		pr.Text = maskInto(sized(pr.Text, len(src)), d.Lines)
		pr.Blocks = grow(pr.Blocks, d.Lines.Count()/2+4)
		runs = grow(b.runs, d.Lines.Count()+8)
		at = grow(b.at, cap(pr.Blocks)+1)
	} else {
		pr = &Prose{}
		pr.Text = maskedCopy(src, d.Lines)
		pr.Blocks = make([]Block, 0, d.Lines.Count()/2+4)
		runs = make([]Span, 0, d.Lines.Count()+8)
		at = make([]int, 0, cap(pr.Blocks)+1)
	}
	text := pr.Text
	if d.Plain {
		for n := 1; n <= d.Lines.Count(); n++ {
			s, e := d.Lines.Line(n)
			if s < d.FrontMatter.End {
				continue
			}
			from := len(runs)
			runs = appendPlainRuns(runs, src, s, e)
			if len(runs) > from {
				pr.Blocks = append(pr.Blocks, Block{Kind: BlockLine, Start: s, End: e})
				at = append(at, from)
			}
		}
	} else {
		pw := proseWalker{src: src, blocks: pr.Blocks, runs: runs, at: at}
		pw.walk(d.AST)
		pr.Blocks, runs, at = pw.blocks, pw.runs, pw.at
	}
	at = append(at, len(runs))
	for i := range pr.Blocks {
		if s, e := at[i], at[i+1]; e > s {
			pr.Blocks[i].Runs = runs[s:e:e]
		}
	}
	for _, r := range runs {
		copy(text[r.Start:r.End], src[r.Start:r.End])
	}
	if b := d.buffers; b != nil {
		b.runs, b.at = runs, at
	}
	return pr
}

// maskedCopy returns a buffer as long as src, all spaces but for src's
// newlines (every line but the last ends just before the next starts),
// filled by whole copies rather than byte by byte.
func maskedCopy(src []byte, lines *LineIndex) []byte {
	return maskInto(make([]byte, len(src)), lines)
}

// maskInto fills text, as long as the source, with maskedCopy's mask.
func maskInto(text []byte, lines *LineIndex) []byte {
	if len(text) == 0 {
		return text
	}
	text[0] = ' '
	for n := 1; n < len(text); n *= 2 {
		copy(text[n:], text[:n])
	}
	for _, start := range lines.starts[1:] {
		text[start-1] = '\n'
	}
	return text
}

// proseWalker finds the prose blocks in document order, as ast.Walk
// would, without a callback for every inline node.
type proseWalker struct {
	src    []byte
	blocks []Block
	runs   []Span
	at     []int // at[i] is where block i's runs start in runs
}

func (w *proseWalker) walk(n ast.Node) {
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
		return
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.walk(c)
		}
		return
	}
	b := Block{Kind: kind, Node: n}
	b.Start, b.End = blockSpan(n, w.src)
	w.at = append(w.at, len(w.runs))
	w.runs = appendRuns(w.runs, n)
	w.blocks = append(w.blocks, b)
}

// appendRuns appends the text runs under n: every Text segment but those
// of code spans, URLs and e-mails, HTML and image alt text.
func appendRuns(runs []Span, n ast.Node) []Span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := c.Segment
			if s.Stop > s.Start {
				runs = append(runs, Span{s.Start, s.Stop})
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image:
			// masked: code, URLs and e-mails, HTML, image alt text
		default:
			runs = appendRuns(runs, c)
		}
	}
	return runs
}

// appendPlainRuns masks URLs and e-mail addresses in a line of a plain-text
// file, where no Markdown parser has found them.
func appendPlainRuns(runs []Span, src []byte, s, e int) []Span {
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
