package rules

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// GFM's linkify finds bare URLs and e-mail addresses while goldmark parses
// inlines, and to do so it is tried at every space of every line: about a
// fifth of the parse, for the two or three addresses a CV holds. cvlint
// parses without it and then runs goldmark's own linkify parser only where
// an address can start, around the few "://", "www." and "@" of the file.
// The result holds the same links at the same places as a GFM parse; text
// nodes may be cut at other places, which nothing reads. When a case is
// beyond what this pass can vouch for (an address running into markup,
// an open "[" before it), the file is parsed again with GFM as it is.
var (
	markdownGFM = goldmark.New(
		goldmark.WithExtensions(extension.GFM, &frontmatter.Extender{}),
	)
	markdown = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, &frontmatter.Extender{}),
	)
	linkifier = extension.NewLinkifyParser()
	// linkifyContext is what linkifier reads of the parse state: whether
	// the position is in a link label. Nothing writes to it, so every
	// goroutine can share it; the label case is handled before the call.
	linkifyContext = parser.NewContext()
)

// parseMarkdown parses src as GFM with front matter. It also returns the
// offsets of the address needles (see addressNeedles).
func parseMarkdown(src []byte) (ast.Node, parser.Context, []int) {
	ctx := parser.NewContext()
	root := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	needles := addressNeedles(src)
	if len(needles) == 0 {
		return root, ctx, nil // no address: linkify would find nothing
	}
	if lk := (linkifyPass{src: src, needles: needles}); lk.run(root) {
		return root, ctx, needles
	}
	ctx = parser.NewContext()
	return markdownGFM.Parser().Parse(text.NewReader(src), parser.WithContext(ctx)), ctx, needles
}

// addressNeedles returns, in order, the offsets of every "://", "www." and
// "@": an address linkify accepts holds one of them (http:, https: and
// ftp: URLs, www. hosts, e-mails).
func addressNeedles(src []byte) []int {
	var out []int
	for _, n := range [...]string{"://", "www.", "@"} {
		for off := 0; ; {
			i := bytes.Index(src[off:], []byte(n))
			if i < 0 {
				break
			}
			out = append(out, off+i)
			off += i + len(n)
		}
	}
	slices.Sort(out)
	return out
}

// linkifyPass adds to a parse without linkify the autolinks GFM would have.
type linkifyPass struct {
	src     []byte
	needles []int
	// texts are the text nodes of the current block in document order;
	// a node is eligible when linkify would run over it (not in a code
	// span, a link label or an autolink).
	texts  []textNode
	edits  []linkEdit
	seg    text.Segments
	dummy  ast.Node
	reader text.BlockReader
	// rs, re: the last run of non-space bytes (see runAt).
	rs, re   int
	runKnown bool
}

type textNode struct {
	t        *ast.Text
	eligible bool
}

type linkEdit struct {
	t     *ast.Text
	links []foundLink
}

type foundLink struct {
	at   int // where linkify ran: the trigger character, or the start
	link *ast.AutoLink
	stop int // end of the address
}

// run finds the autolinks and inserts them; false means the file must be
// parsed with GFM instead.
func (lk *linkifyPass) run(root ast.Node) bool {
	if !lk.blocks(root) {
		return false
	}
	for _, e := range lk.edits {
		lk.insert(e)
	}
	return true
}

// blocks visits the leaf blocks that hold a needle.
func (lk *linkifyPass) blocks(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		if f := c.FirstChild(); f != nil && f.Type() == ast.TypeBlock {
			// A list, an item, a quote or a table: its text lies between
			// its first line and the next block's, and most hold no
			// needle.
			if s := firstLine(c); s >= 0 && !lk.hasNeedle(s, nextBlockLine(c, len(lk.src))) {
				continue
			}
			if !lk.blocks(c) {
				return false
			}
			continue
		}
		lines := c.Lines()
		if lines == nil || lines.Len() == 0 || c.FirstChild() == nil {
			continue
		}
		if !lk.hasNeedle(lines.At(0).Start, lines.At(lines.Len()-1).Stop) {
			continue
		}
		if !lk.block(c, lines) {
			return false
		}
	}
	return true
}

// firstLine is where the first line of a block's text starts, or -1.
func firstLine(n ast.Node) int {
	for n != nil && n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
		n = n.FirstChild()
	}
	return -1
}

// nextBlockLine is the first line of the blocks after n, or def.
func nextBlockLine(n ast.Node, def int) int {
	for s := n.NextSibling(); s != nil; s = s.NextSibling() {
		if l := firstLine(s); l >= 0 {
			return l
		}
	}
	return def
}

func (lk *linkifyPass) hasNeedle(start, stop int) bool {
	return hasOffset(lk.needles, start, stop)
}

// hasOffset says whether the sorted offsets hold one in [start, stop).
func hasOffset(offsets []int, start, stop int) bool {
	i := lowerBound(offsets, start)
	return i < len(offsets) && offsets[i] < stop
}

func lowerBound(a []int, v int) int {
	lo, hi := 0, len(a)
	for lo < hi {
		m := (lo + hi) / 2
		if a[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// block runs linkify where GFM would inside one leaf block.
func (lk *linkifyPass) block(b ast.Node, lines *text.Segments) bool {
	for i := 0; i < lines.Len(); i++ {
		if lines.At(i).Padding != 0 {
			return false // tabs expanded into the line: not worth emulating
		}
	}
	lk.texts = collectTexts(lk.texts[:0], b, true)
	// bracket is set once a text node before the current position holds
	// a "[" the parser left as text: GFM's linkify stays silent while a
	// link label may be open, and this pass does not follow labels.
	bracket := false
	for _, tn := range lk.texts {
		t := tn.t
		s, e := t.Segment.Start, t.Segment.Stop
		// An address found from this node starts in it, so it holds a
		// needle at or after s, before the end of the run e is in.
		first, end := lowerBound(lk.needles, s), lk.runEnd(e)
		if !tn.eligible || first == len(lk.needles) || lk.needles[first] >= end {
			bracket = bracket || bytes.IndexByte(lk.src[s:e], '[') >= 0
			continue
		}
		if bracket || bytes.IndexByte(lk.src[s:e], '[') >= 0 {
			return false
		}
		var found []foundLink
		// Only a run of non-space bytes holding a needle can hold an
		// address: linkify is tried where goldmark would try it in each
		// such run (its part in this node), and nowhere else.
		done := s
		for i := first; i < len(lk.needles) && lk.needles[i] < end; i++ {
			if lk.needles[i] < done {
				continue // in a run already seen: a run of "@@@…" stays linear
			}
			ps, pe := max(lk.runStart(lk.needles[i]), s), min(lk.runEnd(lk.needles[i]), e)
			if pe <= done {
				continue // a run already seen
			}
			for _, c := range lk.src[ps:pe] {
				if linkifyBail[c] {
					return false
				}
			}
			// The run starts the node (goldmark tries its parsers where a
			// node ends) or follows a space, where linkify is tried.
			at := s
			if ps > s {
				at = ps - 1
			}
			for at < pe {
				if at == s || at < ps || isLinkifyTrigger(lk.src, at) || (len(found) > 0 && found[len(found)-1].stop == at) {
					if l, stop, ok := lk.try(at, lines); ok {
						if stop > e || (stop == e && !lk.endsText(e)) {
							return false // the address runs into the next node
						}
						found = append(found, foundLink{at: at, link: l, stop: stop})
						at = stop
						continue
					}
				}
				at++
			}
			done = pe
			if done == e {
				break // the run reaches the end of the node: no other run in it
			}
		}
		if len(found) > 0 {
			lk.edits = append(lk.edits, linkEdit{t: t, links: found})
		}
	}
	return true
}

// linkifyBail holds the bytes after which goldmark may resume as at a line
// start (a parser returned a node, later merged into the text) or which
// open a link label, where GFM's linkify stays silent: a run with one is
// left to GFM.
var linkifyBail = [256]bool{'`': true, '[': true, ']': true, '!': true, '<': true, '>': true, '\\': true}

// endsText says whether the text node k ends where its line does, so that
// an address ending with it ends there in a GFM parse too.
func (lk *linkifyPass) endsText(e int) bool {
	return e >= len(lk.src) || util.IsSpace(lk.src[e])
}

// isLinkifyTrigger is where goldmark tries linkify inside a run of
// non-space bytes: on a '*', '_', '~' or '(' that no backslash escapes
// (the space before the run is tried by the caller).
func isLinkifyTrigger(src []byte, at int) bool {
	if c := src[at]; c != '*' && c != '_' && c != '~' && c != '(' {
		return false
	}
	n := 0
	for j := at - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 0
}

// try runs goldmark's linkify parser at offset at, on the rest of the
// block line as goldmark would see it.
func (lk *linkifyPass) try(at int, lines *text.Segments) (*ast.AutoLink, int, bool) {
	stop := -1
	for i := 0; i < lines.Len(); i++ {
		if l := lines.At(i); at >= l.Start && at < l.Stop {
			stop = l.Stop
			break
		}
	}
	if stop < 0 {
		return nil, 0, false
	}
	lk.seg.Clear()
	lk.seg.Append(text.NewSegment(at, stop))
	if lk.dummy == nil {
		lk.dummy = ast.NewParagraph()
		lk.reader = text.NewBlockReader(lk.src, &lk.seg)
	} else {
		lk.reader.Reset(&lk.seg)
	}
	r := lk.reader
	n := linkifier.Parse(lk.dummy, r, linkifyContext)
	lk.dummy.RemoveChildren(lk.dummy)
	l, ok := n.(*ast.AutoLink)
	if !ok {
		return nil, 0, false
	}
	l.SetPos(at)
	_, end := r.Position() // linkifier advanced over the address
	return l, end.Start, true
}

// insert cuts the text node around the addresses found in it.
func (lk *linkifyPass) insert(e linkEdit) {
	t := e.t
	parent := t.Parent()
	start := t.Segment.Start
	for _, f := range e.links {
		// The address starts after the trigger character linkifier
		// consumed, if any (it keeps it as text).
		lstart := f.at
		if c := lk.src[f.at]; c == ' ' || c == '*' || c == '_' || c == '~' || c == '(' {
			lstart++
		}
		if lstart > start {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(start, lstart)))
		}
		parent.InsertBefore(parent, t, f.link)
		start = f.stop
	}
	// The rest keeps the node, and with it the line break it ends with.
	t.Segment = text.NewSegment(start, t.Segment.Stop)
	if start == t.Segment.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
	}
}

// collectTexts appends the text nodes under n in document order.
func collectTexts(out []textNode, n ast.Node, eligible bool) []textNode {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			out = append(out, textNode{c, eligible})
		case *ast.CodeSpan, *ast.Link, *ast.Image, *ast.AutoLink, *ast.RawHTML:
			out = collectTexts(out, c, false)
		default:
			out = collectTexts(out, c, eligible)
		}
	}
	return out
}

// runStart and runEnd bound the run of non-space bytes around offset i
// (an address never holds a space): the run [start, end) with start ≤ i
// ≤ end. The last run is kept, so that the many text nodes of one long
// run ("a*b*c*…", emphasis cutting it) do not each scan it again.
func (lk *linkifyPass) runStart(i int) int {
	lk.runAt(i)
	return lk.rs
}

func (lk *linkifyPass) runEnd(i int) int {
	lk.runAt(i)
	return lk.re
}

func (lk *linkifyPass) runAt(i int) {
	if lk.runKnown && lk.rs <= i && i <= lk.re {
		return
	}
	lk.rs, lk.re, lk.runKnown = i, i, true
	for lk.rs > 0 && !util.IsSpace(lk.src[lk.rs-1]) {
		lk.rs--
	}
	for lk.re < len(lk.src) && !util.IsSpace(lk.src[lk.re]) {
		lk.re++
	}
}
