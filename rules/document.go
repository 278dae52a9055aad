package rules

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/cvlint/cvlint/rules/cvmodel"
)

// Document is a decoded file parsed once; every rule shares it read-only.
type Document struct {
	Path     string
	Source   []byte // decoded UTF-8, BOM stripped; all offsets point here
	Encoding string
	BOM      int
	Invalid  []Span // bytes that were not UTF-8 (see Decoded)
	// Plain is true for .txt files: the Markdown AST is still built, but
	// rules that judge Markdown syntax leave them alone and the prose view
	// takes every line as text.
	Plain       bool
	AST         ast.Node
	Lines       *LineIndex
	FrontMatter Span // zero when there is none
	Headings    []*Heading
	Links       []Link
	// RefDefs holds the normalised labels of link reference definitions;
	// nil when there are none.
	RefDefs map[string]bool
	// HTML lists raw HTML (blocks and inline) in source order; directives
	// are read from here, so a directive shown in a code span is just text.
	HTML []Span

	// results holds the analyses computed so far: a file needs a handful,
	// fewer than a map is worth.
	results []analysisResult
	// scratch is InlineText's buffer, reused from one node to the next.
	scratch []byte
	// buffers, when set, lends the analyses reusable buffers (LintBytes).
	buffers *docBuffers
	// needles are the offsets of "://", "www." and "@", one of which
	// every bare address holds (see addressNeedles).
	needles []int
	// valid says that Source is known to be UTF-8 (see Decoded).
	valid bool
	// headingAt is where headingKind's search resumes.
	headingAt int
}

type analysisResult struct {
	a *Analysis
	v any
}

// Heading is one ATX or setext heading with its place in the tree.
type Heading struct {
	Level      int
	Text       string
	Start, End int // the heading's line(s)
	Node       *ast.Heading
	Parent     *Heading
	Children   []*Heading

	kind       cvmodel.SectionKind
	classified bool
	// index is the heading's place in Document.Headings.
	index int
}

// SectionKind is cvmodel.ClassifyHeading of the heading's text, worked
// out once: the model, missing-section and heading-structure all ask.
func (h *Heading) SectionKind() cvmodel.SectionKind {
	if !h.classified {
		h.kind, h.classified = cvmodel.ClassifyHeading(h.Text), true
	}
	return h.kind
}

// headingKind is the SectionKind of the heading of node n when its text
// is text (the model reads a heading's prose, which may differ: code
// spans, link labels, emphasis), for cvmodel.Input.HeadingKind. The model
// asks in document order: the search goes on from the last heading found.
func (d *Document) headingKind(n *ast.Heading, text []byte) (cvmodel.SectionKind, bool) {
	hs := d.Headings
	for k := range 2 {
		for i := d.headingAt; i < len(hs); i++ {
			if hs[i].Node == n {
				d.headingAt = i + 1
				if hs[i].Text != string(text) { // no copy: a comparison
					return cvmodel.SectionUnknown, false
				}
				return hs[i].SectionKind(), true
			}
		}
		if k == 0 {
			d.headingAt = 0
		}
	}
	return cvmodel.SectionUnknown, false
}

// LinkKind says how a link was written.
type LinkKind int

const (
	LinkInline LinkKind = iota // [text](dest) or a resolved [text][ref]
	LinkImage
	LinkAutolink // <https://…> or <me@example.com>
	LinkBare     // a URL or e-mail found by GFM linkify
)

// Link is a link with the source positions rules report on.
type Link struct {
	Kind       LinkKind
	Dest       string
	Text       string
	Start, End int // the whole link
	// DestStart/DestEnd locate the destination in the source when it is
	// written inline; for reference links they equal Start/End.
	DestStart, DestEnd int
	Email              bool
}

// Parse builds the document model from decoded text.
func Parse(path string, d Decoded, plain bool) *Document {
	doc := &Document{
		Path:     path,
		Source:   d.Text,
		Encoding: d.Encoding,
		BOM:      d.BOM,
		Invalid:  d.Invalid,
		valid:    d.valid,
		Plain:    plain,
		Lines:    NewLineIndex(d.Text),
	}
	var ctx parser.Context
	doc.AST, ctx, doc.needles = parseMarkdown(d.Text)
	if frontmatter.Get(ctx) != nil {
		doc.FrontMatter = frontMatterSpan(d.Text)
	}
	doc.collect()
	return doc
}

// frontMatterSpan finds the extent of the front matter the extension
// consumed; the extension keeps offsets unchanged but does not say where
// the block ended.
func frontMatterSpan(src []byte) Span {
	nl := bytes.IndexByte(src, '\n')
	if nl < 0 {
		return Span{}
	}
	delim := strings.TrimSpace(string(src[:nl]))
	for off := nl + 1; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		line := src[off:]
		next := len(src)
		if end >= 0 {
			line = src[off : off+end]
			next = off + end + 1
		}
		if strings.TrimSpace(string(line)) == delim {
			return Span{0, next}
		}
		off = next
	}
	return Span{}
}

func (d *Document) collect() {
	c := collector{d: d}
	// The first chunk holds the top-level headings, most often all.
	top := 0
	for n := d.AST.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindHeading {
			top++
		}
	}
	if top > 0 {
		c.slab = make([]Heading, 0, top)
		d.Headings = make([]*Heading, 0, top)
	}
	c.stack = c.stackBuf[:0]
	c.walk(d.AST)
	if c.children > 0 {
		// Size each list, then fill them in document order.
		n := make([]int, len(d.Headings))
		for _, h := range d.Headings {
			if h.Parent != nil {
				n[h.Parent.index]++
			}
		}
		all := make([]*Heading, 0, c.children)
		for i, h := range d.Headings {
			if k := n[i]; k > 0 {
				h.Children = all[len(all) : len(all) : len(all)+k]
				all = all[:len(all)+k]
			}
		}
		for _, h := range d.Headings {
			if h.Parent != nil {
				h.Parent.Children = append(h.Parent.Children, h)
			}
		}
	}
	sort.Slice(d.HTML, func(i, j int) bool { return d.HTML[i].Start < d.HTML[j].Start })
}

// collector gathers the document model in one walk of the tree, in
// document order (a direct recursion: ast.Walk's callback costs more than
// the work for most nodes).
type collector struct {
	d     *Document
	stack []*Heading
	// Heading levels run from 1 to 6, so the stack of open headings fits.
	stackBuf [6]*Heading
	// The headings live in chunks that never move: one allocation per
	// chunk, not per heading.
	slab []Heading
	// children counts each heading's children; Children is filled after
	// the walk, every list cut from one array.
	children int
}

func (c *collector) walk(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.visit(n)
		if n.HasChildren() && !c.plainText(n) {
			c.walk(n)
		}
	}
}

// plainText says that n is a block of inline text none of whose nodes is
// collected: a link or an image needs a '[', an autolink or raw HTML a
// '<', a bare address one of the needles, all within the block's lines.
// Most paragraphs and list items of a CV are such text.
func (c *collector) plainText(n ast.Node) bool {
	if f := n.FirstChild(); n.Type() != ast.TypeBlock || f.Type() != ast.TypeInline {
		return false
	}
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return false
	}
	s, e := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	text := c.d.Source[s:e]
	return bytes.IndexByte(text, '[') < 0 && bytes.IndexByte(text, '<') < 0 && !hasOffset(c.d.needles, s, e)
}

// linkRoom gives the first link of a file room for a CV's usual handful,
// rather than growing the list link by link.
func (c *collector) linkRoom() {
	if c.d.Links == nil {
		c.d.Links = make([]Link, 0, 8)
	}
}

func (c *collector) visit(n ast.Node) {
	d, src := c.d, c.d.Source
	switch n := n.(type) {
	case *ast.Heading:
		if len(c.slab) == cap(c.slab) {
			c.slab = make([]Heading, 0, 4)
		}
		c.slab = append(c.slab, Heading{Level: n.Level, Node: n, Text: d.inlineText(n), index: len(d.Headings)})
		h := &c.slab[len(c.slab)-1]
		h.Start, h.End = blockSpan(n, src)
		for len(c.stack) > 0 && c.stack[len(c.stack)-1].Level >= h.Level {
			c.stack = c.stack[:len(c.stack)-1]
		}
		if len(c.stack) > 0 {
			h.Parent = c.stack[len(c.stack)-1]
			c.children++
		}
		c.stack = append(c.stack, h)
		d.Headings = append(d.Headings, h)
	case *ast.LinkReferenceDefinition:
		if d.RefDefs == nil {
			d.RefDefs = map[string]bool{}
		}
		d.RefDefs[NormalizeLabel(string(n.Label))] = true
	case *ast.Link:
		c.linkRoom()
		d.Links = append(d.Links, d.inlineLink(n, n.Destination, LinkInline))
	case *ast.Image:
		c.linkRoom()
		d.Links = append(d.Links, d.inlineLink(n, n.Destination, LinkImage))
	case *ast.AutoLink:
		c.linkRoom()
		d.Links = append(d.Links, d.autoLink(n))
	case *ast.HTMLBlock:
		s, e := blockSpan(n, src)
		if n.HasClosure() {
			e = n.ClosureLine.Stop
		}
		d.HTML = append(d.HTML, Span{s, e})
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			d.HTML = append(d.HTML, Span{n.Segments.At(0).Start, n.Segments.At(n.Segments.Len() - 1).Stop})
		}
	}
}

func (d *Document) inlineLink(n ast.Node, dest []byte, kind LinkKind) Link {
	src := d.Source
	l := Link{Kind: kind, Dest: string(dest), Text: d.inlineText(n), Start: n.Pos()}
	// Find the closing bracket of the link text, then the destination.
	// An image's Pos() is on its '!', a link's on its '['.
	open := l.Start
	if open < len(src) && src[open] == '!' {
		open++
	}
	end := open + 1
	if c := n.LastChild(); c != nil {
		end = lastStop(c, end)
	}
	depth := 0
	for end < len(src) {
		if src[end] == '\\' {
			end += 2
			continue
		}
		if src[end] == '[' {
			depth++
		}
		if src[end] == ']' {
			if depth == 0 {
				break
			}
			depth--
		}
		end++
	}
	l.End, l.DestStart, l.DestEnd = min(end+1, len(src)), l.Start, min(end+1, len(src))
	if end+1 < len(src) && src[end+1] == '(' {
		close := matchParen(src, end+1)
		l.End = close
		inner := end + 2
		for inner < close && (src[inner] == ' ' || src[inner] == '<') {
			inner++
		}
		l.DestStart = inner
		l.DestEnd = inner + len(dest)
		if i := bytes.Index(src[inner:close], dest); i >= 0 && len(dest) > 0 {
			l.DestStart, l.DestEnd = inner+i, inner+i+len(dest)
		} else if len(dest) == 0 {
			l.DestStart, l.DestEnd = end+1, close
		}
	} else if end+1 < len(src) && src[end+1] == '[' {
		if c := bytes.IndexByte(src[end+1:], ']'); c >= 0 {
			l.End = end + 1 + c + 1
			l.DestEnd = l.End
		}
	}
	return l
}

// matchParen returns the offset just past the parenthesis closing the one
// at open, allowing balanced parentheses inside as CommonMark does.
func matchParen(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '\n':
			if i+1 < len(src) && src[i+1] == '\n' {
				return i
			}
		}
	}
	return len(src)
}

func lastStop(n ast.Node, def int) int {
	for n != nil {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Stop
		}
		if c := n.LastChild(); c != nil {
			n = c
			continue
		}
		return def
	}
	return def
}

func (d *Document) autoLink(n *ast.AutoLink) Link {
	src := d.Source
	url := n.URL(src)
	label := n.Label(src)
	// GFM linkify reports Pos() on the character before the URL, and
	// <autolinks> on the '<': re-anchor on the label text itself.
	pos := n.Pos()
	if pos < 0 {
		pos = 0
	}
	start := pos
	if i := bytes.Index(src[pos:min(len(src), pos+len(label)+2)], label); i >= 0 {
		start = pos + i
	}
	end := start + len(label)
	l := Link{Kind: LinkBare, Dest: string(url), Text: string(label), Start: start, End: end,
		DestStart: start, DestEnd: end, Email: n.AutoLinkType == ast.AutoLinkEmail}
	if start > 0 && src[start-1] == '<' && end < len(src) && src[end] == '>' {
		l.Kind = LinkAutolink
		l.Start, l.End = start-1, end+1
	}
	return l
}

// blockSpan returns the byte range of a block's lines, from the start of
// its first line to the end of its last.
func blockSpan(n ast.Node, src []byte) (int, int) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		p := max(n.Pos(), 0)
		return p, lineEnd(src, p)
	}
	s := lines.At(0).Start
	e := lines.At(lines.Len() - 1).Stop
	if h, ok := n.(*ast.Heading); ok && p0(h) >= 0 && p0(h) < s {
		s = p0(h)
	}
	for e > s && (src[e-1] == '\n' || src[e-1] == '\r') {
		e--
	}
	return s, e
}

func p0(n ast.Node) int { return n.Pos() }

func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// InlineText concatenates the text under n as a reader sees it: text,
// code spans and link labels, without markup.
func InlineText(n ast.Node, src []byte) string {
	return string(bytes.TrimSpace(appendInlineText(nil, n, src)))
}

// inlineText is InlineText through the document's scratch buffer: one
// string per heading or link, no builder growing for each.
func (d *Document) inlineText(n ast.Node) string {
	d.scratch = appendInlineText(d.scratch[:0], n, d.Source)
	return string(bytes.TrimSpace(d.scratch))
}

// appendInlineText walks n in document order as ast.Walk does.
func appendInlineText(b []byte, n ast.Node, src []byte) []byte {
	switch c := n.(type) {
	case *ast.Text:
		b = append(b, c.Segment.Value(src)...)
		if c.SoftLineBreak() || c.HardLineBreak() {
			b = append(b, ' ')
		}
	case *ast.String:
		b = append(b, c.Value...)
	case *ast.AutoLink:
		b = append(b, c.Label(src)...)
	case *ast.RawHTML:
		return b
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = appendInlineText(b, c, src)
	}
	return b
}

// Slug is GitHub's heading anchor: lower case, accents kept, punctuation
// dropped, spaces turned into hyphens.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// strings.ToLower maps rune by rune with unicode.ToLower, and turns
	// invalid bytes into U+FFFD, which is dropped like them: lower-casing
	// each rune here is the same without the copy.
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '_', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func uniqueSlug(seen map[string]int, s string) string {
	n, ok := seen[s]
	seen[s] = n + 1
	if !ok {
		return s
	}
	return s + "-" + itoa(n)
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return string(buf[i:])
}

// NormalizeLabel folds a reference label as CommonMark does: case and
// runs of white space do not matter.
func NormalizeLabel(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// LineIndex turns byte offsets into 1-based lines and rune columns.
type LineIndex struct {
	src    []byte
	starts []int
	// ascii says, once Pos has looked, whether a line is without
	// multi-byte characters (lineASCII or lineOther), where a column is a
	// byte count; the others count runes from a remembered point, so that
	// many findings on one long line stay linear, not quadratic. Most
	// lines are never asked about: it is filled on demand.
	ascii []uint8
	last  struct{ line, off, col int }
}

const (
	lineUnknown uint8 = iota
	lineASCII
	lineOther
)

// Position is a 1-based line and 1-based column in Unicode code points.
type Position struct{ Line, Column int }

func NewLineIndex(src []byte) *LineIndex {
	// CV lines average some forty bytes: one allocation of each slice
	// for most files.
	n := len(src)/32 + 8
	starts := make([]int, 1, n)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return &LineIndex{src: src, starts: starts}
}

// isASCII reports whether b holds no byte ≥ 0x80, eight bytes at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Pos converts a byte offset; offsets past the end clamp to it. Not safe
// for concurrent use: each document has its own index.
func (li *LineIndex) Pos(off int) Position {
	off = max(0, min(off, len(li.src)))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	start := li.starts[line]
	if li.ascii == nil {
		li.ascii = make([]uint8, len(li.starts))
	}
	if li.ascii[line] == lineUnknown {
		_, end := li.Line(line + 1)
		li.ascii[line] = lineOther
		if isASCII(li.src[start:end]) {
			li.ascii[line] = lineASCII
		}
	}
	if li.ascii[line] == lineASCII {
		return Position{Line: line + 1, Column: off - start + 1}
	}
	from, col := start, 1
	if li.last.line == line+1 && li.last.off <= off && li.last.off >= start {
		from, col = li.last.off, li.last.col
	}
	col += utf8.RuneCount(li.src[from:off])
	li.last.line, li.last.off, li.last.col = line+1, off, col
	return Position{Line: line + 1, Column: col}
}

// Count is the number of lines.
func (li *LineIndex) Count() int { return len(li.starts) }

// Line returns the byte range of 1-based line n without its newline.
func (li *LineIndex) Line(n int) (int, int) {
	if n < 1 || n > len(li.starts) {
		return len(li.src), len(li.src)
	}
	s := li.starts[n-1]
	e := len(li.src)
	if n < len(li.starts) {
		e = li.starts[n] - 1
	}
	if e > s && li.src[e-1] == '\r' {
		e--
	}
	return s, e
}

// LineText returns line n without its line ending.
func (li *LineIndex) LineText(n int) []byte {
	s, e := li.Line(n)
	return li.src[s:e]
}
