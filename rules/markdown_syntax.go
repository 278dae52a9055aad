package rules

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// MarkdownSyntax reports Markdown that goldmark (and GitHub, which follows
// the same CommonMark rules) will not render as the author meant. It reads
// the AST for what the parser made of the text and the source for what the
// author wrote; plain-text files are left alone.
var MarkdownSyntax = Register(&Rule{
	ID:       "markdown-syntax",
	Title:    "Markdown that does not render as intended",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "Markdown forgives nothing, and a CV is read rendered. Emphasis with a space inside the markers (`**Skills : **`) shows the asterisks; list items indented four spaces or more after a paragraph become a code block (or run into the paragraph); a CV wrapped in a code fence shows as monospace code; an HTML tag left open (`<b>` without `</b>`) runs over the rest of the text; an address in angle brackets that is not a valid autolink (`<email>`, `<jane at example.com>`) is taken for an HTML tag and disappears; an empty list item shows a lone bullet; a link with empty text (`[](https://…)`) has nothing to click. " +
			"Fenced blocks with a language, a command in an indented block that is not a list, nested lists indented two to four spaces, HTML comments, `<br>` and `<https://…>` autolinks are fine and never reported.",
		Bad:  "**Skills : ** Go, Kubernetes\nI worked on:\n\n    - billing\n    - monitoring\n\nContact: <email> · <b>available now\n- \n[](https://github.com/jane-doe)",
		Good: "**Skills :** Go, Kubernetes\nI worked on:\n\n- billing\n- monitoring\n\nContact: <jane.doe@example.com> · <b>available now</b>\n[GitHub](https://github.com/jane-doe)",
	},
	Run: runMarkdownSyntax,
})

func runMarkdownSyntax(p *Pass) {
	if p.Doc.Plain {
		return
	}
	src := p.Doc.Source
	var htmlEvents []htmlTag
	var marks []int
	// A direct recursion over the tree in document order, as ast.Walk
	// would visit it, without its callback protocol.
	var visit func(n ast.Node)
	var walk func(parent ast.Node)
	walk = func(parent ast.Node) {
		for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
			visit(n)
			if n.HasChildren() {
				walk(n)
			}
		}
	}
	visit = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
			checkEmphasisSpaces(p, n, &marks)
			if _, ok := n.(*ast.Paragraph); ok {
				checkLazyListLines(p, n)
			}
		case *ast.CodeBlock:
			checkIndentedList(p, n)
		case *ast.FencedCodeBlock:
			checkFencedCV(p, n)
		case *ast.ListItem:
			if emptyListItem(n) {
				s := listItemStart(src, n)
				p.Report(Finding{Start: s, End: lineEnd(src, s),
					Message: "empty list item: it renders as a lone bullet; write its text or delete the line"})
			}
		case *ast.Link:
			checkEmptyLink(p, n)
		case *ast.RawHTML:
			if t, ok := parseRawTag(n, src); ok {
				htmlEvents = append(htmlEvents, t)
			}
		case *ast.HTMLBlock:
			htmlEvents = append(htmlEvents, blockTags(p, n)...)
		}
	}
	walk(p.Doc.AST)
	checkHTMLTags(p, htmlEvents)
}

// --- emphasis with a space inside the markers ---

// checkEmphasisSpaces finds `*`, `**`, `_`, `__` runs the parser left as
// literal text, and pairs them: when exactly one inner side of a pair has
// a space (`**Skills : **`, `** Skills**`), the author meant emphasis and
// CommonMark's flanking rules refused it.
func checkEmphasisSpaces(p *Pass, n ast.Node, scratch *[]int) {
	src := p.Doc.Source
	s, e := blockSpan(n, src)
	if bytes.IndexByte(src[s:e], '*') < 0 && bytes.IndexByte(src[s:e], '_') < 0 {
		return // a literal marker is a byte of the block's lines
	}
	// The literal markers' offsets, in the order ast.Walk visits the text
	// (document order: sorted below all the same).
	lit := appendLiteralMarks((*scratch)[:0], n, src)
	*scratch = lit
	if len(lit) == 0 {
		return
	}
	if !sort.IntsAreSorted(lit) {
		sort.Ints(lit)
	}
	type run struct {
		c          byte
		start, end int
	}
	var runs []run
	for k := 0; k < len(lit); {
		i := lit[k]
		if i < s || i >= e || k > 0 && lit[k-1] == i {
			k++
			continue
		}
		j, m := i, k
		for m < len(lit) && lit[m] <= j && j < e && src[j] == src[i] {
			if lit[m] == j {
				j++
			}
			m++
		}
		runs = append(runs, run{src[i], i, j})
		k = m
	}
	for i := 0; i+1 < len(runs); i++ {
		a, b := runs[i], runs[i+1]
		if a.c != b.c || a.end-a.start != b.end-b.start || a.end-a.start > 3 || a.end >= b.start {
			continue
		}
		inner := src[a.end:b.start]
		if bytes.ContainsRune(inner, '\n') || len(bytes.TrimSpace(inner)) == 0 {
			continue
		}
		spaceOpen, spaceClose := mdIsSpace(inner[0]), mdIsSpace(inner[len(inner)-1])
		if spaceOpen == spaceClose {
			continue // `a * b * c` is arithmetic, `snake_case_name` an identifier
		}
		// The tight side's outer edge must be a word boundary, or `a_b _c`
		// would pair.
		if spaceClose && a.start > 0 && mdIsWord(src[a.start-1]) || spaceOpen && b.end < len(src) && mdIsWord(src[b.end]) {
			continue
		}
		marker := string(src[a.start:a.end])
		fixed := marker + string(bytes.TrimSpace(inner)) + marker
		p.Report(Finding{Start: a.start, End: b.end, Suggestion: fixed,
			Message: fmt.Sprintf("emphasis %q has a space inside the %q markers, so it renders with the asterisks or underscores showing: write %q", string(src[a.start:b.end]), marker, fixed)})
		i++
	}
}

// appendLiteralMarks appends the offsets of the '*' and '_' the parser
// left as text under n (not after a backslash), skipping code spans, raw
// HTML and autolinks, as an ast.Walk from n would find them.
func appendLiteralMarks(lit []int, n ast.Node, src []byte) []int {
	switch c := n.(type) {
	case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
		return lit
	case *ast.Text:
		seg := src[c.Segment.Start:c.Segment.Stop]
		for off := 0; ; {
			k := bytes.IndexAny(seg[off:], "*_")
			if k < 0 {
				break
			}
			i := c.Segment.Start + off + k
			if i == 0 || src[i-1] != '\\' {
				lit = append(lit, i)
			}
			off += k + 1
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lit = appendLiteralMarks(lit, c, src)
	}
	return lit
}

func mdIsSpace(c byte) bool { return c == ' ' || c == '\t' }

func mdIsWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// --- list items that are not list items ---

var mdListMarkerRE = lazyRegexp(`^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)`)

// checkIndentedList reports an indented code block made of list items
// that follows other content: the author indented a list too far.
func checkIndentedList(p *Pass, n *ast.CodeBlock) {
	if n.PreviousSibling() == nil {
		return
	}
	src := p.Doc.Source
	lines := n.Lines()
	items, nonBlank := 0, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := bytes.TrimSpace(seg.Value(src))
		if len(l) == 0 {
			continue
		}
		nonBlank++
		if mdListMarkerRE().Match(l) {
			items++
		}
	}
	if items == 0 || items*2 < nonBlank {
		return
	}
	s := mdLineStart(src, lines.At(0).Start)
	p.Report(Finding{Start: s, End: lineEnd(src, s),
		Message: "list items indented four spaces or more after a paragraph render as a code block: indent them 0 to 3 spaces (2 to 4 under a list item)"})
}

// checkLazyListLines reports paragraph lines that look like list items but
// are indented four spaces or more past the paragraph: they cannot start a
// list there and run into the paragraph's text.
func checkLazyListLines(p *Pass, n ast.Node) {
	src := p.Doc.Source
	lines := n.Lines()
	if lines.Len() < 2 {
		return
	}
	col0 := mdIndentWidth(src, lines.At(0).Start)
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		ls := mdLineStart(src, seg.Start)
		// Skip the line's own indentation (goldmark may or may not have).
		k := ls
		for k < seg.Stop && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if mdIndentWidth(src, k)-col0 < 4 || !mdListMarkerRE().Match(src[k:seg.Stop]) {
			continue
		}
		p.Report(Finding{Start: k, End: lineEnd(src, k),
			Message: "list item indented four spaces or more past the paragraph runs into the paragraph's text: put a blank line before the list and indent it 0 to 3 spaces"})
	}
}

// indentWidth is the column of off on its line, tabs counting to the next
// multiple of four.
func mdIndentWidth(src []byte, off int) int {
	w := 0
	for i := mdLineStart(src, off); i < off; i++ {
		if src[i] == '\t' {
			w += 4 - w%4
		} else {
			w++
		}
	}
	return w
}

func mdLineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// --- a CV inside a code fence ---

func checkFencedCV(p *Pass, n *ast.FencedCodeBlock) {
	src := p.Doc.Source
	if lang := strings.ToLower(string(n.Language(src))); lang != "" && lang != "markdown" && lang != "md" {
		return
	}
	lines := n.Lines()
	if lines.Len() < 5 {
		return
	}
	inside, structural := 0, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := bytes.TrimSpace(seg.Value(src))
		if len(l) == 0 {
			continue
		}
		inside++
		if l[0] == '#' || mdListMarkerRE().Match(l) || bytes.HasPrefix(l, []byte("**")) {
			structural++
		}
	}
	total := 0
	for ln := 1; ln <= p.Doc.Lines.Count(); ln++ {
		if len(bytes.TrimSpace(p.Doc.Lines.LineText(ln))) > 0 {
			total++
		}
	}
	if structural < 2 || inside*2 < total {
		return
	}
	// The opening fence is the line before the first content line.
	first := mdLineStart(src, lines.At(0).Start)
	s := first
	if first > 0 {
		s = mdLineStart(src, first-1)
	}
	p.Report(Finding{Start: s, End: lineEnd(src, s),
		Message: fmt.Sprintf("%d of the document's %d non-blank lines are inside a code fence, headings and lists included: the CV renders as monospace code; remove the fence", inside, total)})
}

// --- empty list items and links ---

func emptyListItem(n *ast.ListItem) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.ChildCount() > 0 || c.Lines().Len() > 0 {
			return false
		}
		if _, ok := c.(*ast.TextBlock); !ok {
			if _, ok := c.(*ast.Paragraph); !ok {
				return false
			}
		}
	}
	return true
}

// listItemStart finds the marker of an item; an empty item has no
// children to take a position from.
func listItemStart(src []byte, n *ast.ListItem) int {
	if pos := n.Pos(); pos >= 0 {
		return mdLineStart(src, pos) + mdIndentBytes(src, mdLineStart(src, pos))
	}
	return 0
}

func mdIndentBytes(src []byte, ls int) int {
	k := 0
	for ls+k < len(src) && (src[ls+k] == ' ' || src[ls+k] == '\t') {
		k++
	}
	return k
}

func checkEmptyLink(p *Pass, n *ast.Link) {
	visible := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(p.Doc.Source))) > 0 {
				visible = true
			}
		case *ast.String:
			if len(bytes.TrimSpace(c.Value)) > 0 {
				visible = true
			}
		case *ast.Image, *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			visible = true
		}
		if visible {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if visible {
		return
	}
	for _, l := range p.Doc.Links {
		if l.Kind == LinkInline && l.Start == n.Pos() {
			p.Report(Finding{Start: l.Start, End: l.End,
				Message: fmt.Sprintf("link to %q has no text: there is nothing to click; write [text](%s)", l.Dest, l.Dest)})
			return
		}
	}
}

// --- inline HTML ---

type htmlTag struct {
	name       string
	close      bool
	judge      bool // an inline tag whose closing we check
	start, end int
	raw        string
}

var rawTagRE = lazyRegexp(`^<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^>]*)?)>$`)

func parseRawTag(n *ast.RawHTML, src []byte) (htmlTag, bool) {
	if n.Segments.Len() == 0 {
		return htmlTag{}, false
	}
	s, e := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	raw := string(src[s:e])
	m := rawTagRE().FindStringSubmatch(raw)
	if m == nil {
		return htmlTag{}, false // comment, processing instruction, declaration
	}
	selfClosing := strings.HasSuffix(strings.TrimSpace(m[3]), "/")
	return htmlTag{name: strings.ToLower(m[2]), close: m[1] == "/", judge: !selfClosing, start: s, end: e, raw: raw}, true
}

var blockTagRE = lazyRegexp(`</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>`)

// blockTags lists the tags of an HTML block: its closing tags may close an
// inline tag opened earlier, and a block that is a single unknown tag
// (`<email>` alone on a line) swallowed an address.
func blockTags(p *Pass, n *ast.HTMLBlock) []htmlTag {
	src := p.Doc.Source
	s, e := blockSpan(n, src)
	if n.HasClosure() {
		e = n.ClosureLine.Stop
	}
	text := src[s:e]
	var out []htmlTag
	for _, m := range blockTagRE().FindAllSubmatchIndex(text, -1) {
		raw := string(text[m[0]:m[1]])
		out = append(out, htmlTag{name: strings.ToLower(string(text[m[2]:m[3]])), close: strings.HasPrefix(raw, "</"), start: s + m[0], end: s + m[1], raw: raw})
	}
	if len(out) == 1 && strings.TrimSpace(string(text)) == out[0].raw && !knownHTMLElement(out[0].name) {
		out[0].judge = true
	}
	return out
}

func checkHTMLTags(p *Pass, tags []htmlTag) {
	open := map[string][]int{}
	for i, t := range tags {
		if t.judge && !knownHTMLElement(t.name) && !strings.Contains(t.name, "-") {
			p.Report(Finding{Start: t.start, End: t.end,
				Message: fmt.Sprintf("%q is not an HTML element, so it is read as a tag and does not show in the rendered CV: write the text itself (an address as <jane.doe@example.com> or [text](mailto:…))", t.raw)})
			continue
		}
		if !knownHTMLElement(t.name) || voidElements[t.name] {
			continue
		}
		if t.close {
			if st := open[t.name]; len(st) > 0 {
				open[t.name] = st[:len(st)-1]
			}
			continue
		}
		if t.judge {
			open[t.name] = append(open[t.name], i)
		}
	}
	for _, st := range open {
		for _, i := range st {
			t := tags[i]
			p.Report(Finding{Start: t.start, End: t.end,
				Message: fmt.Sprintf("HTML tag %q is never closed: everything after it is affected; add </%s>", t.raw, t.name)})
		}
	}
}

var voidElements = mdSetOf("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen")

var htmlElements = mdSetOf(
	"a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button",
	"canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
	"em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
	"i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "menu", "meta", "meter",
	"nav", "nobr", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby",
	"s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup",
	"table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
	// SVG and MathML, which READMEs and CVs embed.
	"svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "text", "tspan", "defs", "use", "symbol", "lineargradient", "stop", "math",
)

func knownHTMLElement(name string) bool { return htmlElements[name] }

func mdSetOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
