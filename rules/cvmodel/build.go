package cvmodel

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/cvlint/cvlint/rules/dates"
)

// Input is what Build needs of a parsed file.
type Input struct {
	// Source is the decoded text; every offset of the model points here.
	Source []byte
	// Text is Source with markup, code, URLs and HTML replaced by spaces
	// (the same length, newlines kept), so dates are never read from a
	// link target or a code span and emphasis marks vanish. Nil means
	// Source itself.
	Text []byte
	// AST is the goldmark document; nil, or Plain set, reads Source line
	// by line as a plain-text CV.
	AST   ast.Node
	Plain bool
	// Skip is the number of leading bytes to ignore (front matter).
	Skip int
	// LineStarts, when set, is the offset of every line of Source: 0,
	// then the offset after each newline. Nil: Build finds them.
	LineStarts []int
	// HeadingKind, when set, may return ClassifyHeading(text) for a
	// heading the caller has classified already (ok false: Build
	// classifies it itself).
	// text is the heading's part of Text, to be read, not kept.
	HeadingKind func(n *ast.Heading, text []byte) (kind SectionKind, ok bool)
}

type itemKind uint8

const (
	itemHeading  itemKind = iota
	itemPara              // a line of a paragraph outside lists
	itemList              // the first line of a list item
	itemListCont          // a further line of a list item
	itemTableHeader
	itemTableRow
	itemPlain // a line of a plain-text file
)

// item is one line of the CV as the model reads it. Items are cleared
// and refilled for every file: the pointers come first, and the small
// fields are packed.
type item struct {
	// text is the line's part of the prose text: the model reads the
	// caller's bytes and makes strings only of what the timeline keeps.
	text   []byte
	cells  [][2]int   // table cells
	usable []*DateRef // dates that may be an entry's (see usable)
	// fold is " " + Fold(text) + " ": padded, so that the kind words
	// match it without a concatenation (see firstMatch).
	fold       string
	start, end int         // the line's content in Source
	line       int         // lineOf(start)
	level      int         // heading level
	depth      int         // list nesting, or indentation in plain text
	index      int         // position in builder.items
	skind      SectionKind // ClassifyHeading(text), for headings
	kind       itemKind
	blockStart bool // first line of its block (Markdown) or after a blank line (plain)
	bullet     bool // a plain-text line starting with a bullet
	bold       bool // the line starts with strong emphasis
	boldOnly   bool // … and is nothing else
	label      bool // "**Stack:** Go, …": a bold label, not a title
	consumed   bool // a date-only line whose date went to the entry above
	folded     bool
	skinded    bool
}

// sectionKind returns ClassifyHeading(it.text), computed once.
func (it *item) sectionKind() SectionKind {
	if !it.skinded {
		it.skind, it.skinded = classifyBytes(it.text), true
	}
	return it.skind
}

// foldText returns Fold(it.text), computed once: a heading that becomes
// an entry is folded for its kind and for its entry's Text.
func (b *builder) foldText(it *item) string {
	f := b.paddedFold(it)
	return f[1 : len(f)-1]
}

// paddedFold returns " " + Fold(it.text) + " ", computed once and kept in
// the timeline's arena.
func (b *builder) paddedFold(it *item) string {
	if !it.folded {
		var buf [128]byte
		f, _ := appendFold(buf[:0], it.text, -1)
		it.fold, it.folded = b.internPadded(f), true
	}
	return it.fold
}

// The arena holds the strings the timeline keeps: they share a few
// allocations rather than one each, and none of them points into the
// text, which is the caller's buffer (see builder.str). The arena is a
// strings.Builder that is only ever appended to, so a string handed out
// never changes; when it is full, a fresh one takes over and the strings
// of the old one keep it alive.

// internPadded returns " " + string(p) + " " from the arena.
func (b *builder) internPadded(p []byte) string {
	lo := b.arenaRoom(len(p) + 2)
	b.arena.WriteByte(' ')
	b.arena.Write(p)
	b.arena.WriteByte(' ')
	return b.arena.String()[lo:]
}

// internBytes returns string(p) from the arena.
func (b *builder) internBytes(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	lo := b.arenaRoom(len(p))
	b.arena.Write(p)
	return b.arena.String()[lo:]
}

// intern returns a copy of s from the arena.
func (b *builder) intern(s string) string {
	if s == "" {
		return ""
	}
	lo := b.arenaRoom(len(s))
	b.arena.WriteString(s)
	return b.arena.String()[lo:]
}

// arenaRoom makes room for n bytes in the arena and returns where they
// will start.
func (b *builder) arenaRoom(n int) int {
	if b.arena.Cap()-b.arena.Len() < n {
		b.arena = strings.Builder{}
		b.arena.Grow(max(n, 256))
	}
	return b.arena.Len()
}

type builder struct {
	in   Input
	src  []byte
	text []byte
	// The lines' texts are parts of text, the caller's buffer: the
	// strings the timeline keeps, titles and date texts, are made in the
	// arena, so that a timeline holds only what it shows
	// (TestTimelineOwnsItsStrings) and no copy of the whole text is made.
	starts []int
	items  []*item
	// slab holds the items (and refs the dates, entries the entries) in
	// chunks that never move, so that each costs no allocation of its own.
	slab    []item
	refs    []DateRef
	entries []Entry
	secs    []Section
	// top holds the top-level entries of the sections one after the
	// other: a section is open while its entries are added, so its
	// Entries is its part of top, from topLo.
	top   []*Entry
	topLo int
	sc    *scratch
	// arena holds the strings of the timeline (see intern).
	arena strings.Builder
	// maxItems bounds the number of items: a line is at most one item.
	maxItems int
	// lineAt is the line of the last item added: items come in document
	// order, so finding their lines walks starts once (see add).
	lineAt  int
	tl      *Timeline
	section *Section
	stack   []*Entry
	hlevel  int // level of the last heading seen
	// secLevel is the level of the headings that name known sections, 0
	// when none does.
	secLevel int
}

// farFuture resolves "Present" when testing containment, where today
// does not matter.
var farFuture = dates.Date{Year: 9999, Month: 12, Gran: dates.Month}

// Build reads the sections, entries and dates of a CV.
func Build(in Input) *Timeline {
	b := &builder{in: in, src: in.Source, text: in.Text, tl: &Timeline{}}
	if b.text == nil || len(b.text) != len(b.src) {
		b.text = b.src
	}
	sc := scratchPool.Get().(*scratch)
	b.sc = sc
	b.starts = in.LineStarts
	if b.starts == nil {
		b.starts = appendLineStarts(sc.starts[:0], b.src)
		sc.starts = b.starts
	}
	b.stack = sc.stack[:0]
	// Counting the lines that are not blank would bound the items more
	// tightly, but costs a pass over the text; the slab is reused anyway.
	b.maxItems = len(b.starts)
	if cap(sc.items) < b.maxItems {
		sc.items = make([]*item, 0, b.maxItems)
	}
	if cap(sc.slab) < b.maxItems {
		sc.slab = make([]item, 0, b.maxItems)
	}
	b.items, b.slab = sc.items[:0], sc.slab[:0]
	defer b.release()
	if in.AST == nil || in.Plain {
		b.plainItems()
	} else {
		b.walk(in.AST, 0)
	}
	// The arena's first chunk holds the texts of the dates and, for most
	// CVs, the titles and folds (padded) of the headings.
	size := 128
	for _, it := range b.items {
		if it.kind == itemHeading {
			size += 2*len(it.text) + 2
		}
	}
	b.arena.Grow(size)
	b.findAllDates()
	// Most entries carry a date of their own. The list of all entries
	// and that of the top-level ones (see top) share one allocation; each
	// is capped, so that one outgrowing its part moves rather than runs
	// into the other.
	n := len(b.tl.Dates) + 4
	ptrs := make([]*Entry, 2*n)
	b.tl.Entries, b.top = ptrs[:0:n], ptrs[n:n:2*n]
	level, known := b.sectionLevel()
	b.secLevel = level
	// Most section titles are headings that name a known section: the
	// first chunk of sections is sized so.
	b.secs = make([]Section, 0, known+2)
	b.tl.Sections = make([]*Section, 0, known+2)
	b.classify()
	b.reparent()
	for _, e := range b.tl.Entries {
		e.Kind = entryKind(e)
	}
	markCareer(b.tl)
	return b.tl
}

// sectionLevel is the heading level most headings naming a known section
// use, 0 when no heading names one; known counts those headings.
func (b *builder) sectionLevel() (best, known int) {
	var count [7]int
	for _, it := range b.items {
		if it.kind != itemHeading {
			continue
		}
		if it.level < 1 || it.level > 6 || len(usable(it)) > 0 || it.sectionKind() == SectionUnknown {
			continue
		}
		known++
		count[it.level]++
		if best == 0 || count[it.level] > count[best] {
			best = it.level
		}
	}
	return best, known
}

// markCareer decides which sections feed the career checks: the
// experience sections, every unknown section when the CV has no
// experience section, and otherwise an unknown section whose dated
// entries are mostly job-like, never the lines above the first title (a
// tagline under the name: "Product designer since 2016").
func markCareer(tl *Timeline) {
	hasExperience := false
	for _, s := range tl.Sections {
		if s.Kind == SectionExperience {
			hasExperience = true
		}
	}
	for _, s := range tl.Sections {
		switch s.Kind {
		case SectionExperience:
			s.Career = true
		case SectionUnknown:
			s.Career = !hasExperience || !s.Implicit && holdsJobs(s)
		}
	}
}

// holdsJobs reports whether most dated top-level entries of a section are
// job-like (see jobLike), and at least one is.
func holdsJobs(s *Section) bool {
	dated, jobs := 0, 0
	for _, e := range s.Entries {
		if _, _, ok := e.Span(); !ok {
			continue
		}
		dated++
		if jobLike(e) {
			jobs++
		}
	}
	return jobs > 0 && 2*jobs >= dated
}

// scratch is what Build needs only while it runs: the line starts, the
// items and the ranges found, reused from one Build to the next.
type scratch struct {
	starts []int
	items  []*item
	slab   []item // the first chunk of items
	found  []dates.Range
	spans  []dateSpan
	stack  []*Entry // builder.stack
}

// dateSpan is the part of scratch.found that holds an item's dates.
type dateSpan struct{ lo, hi int }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release clears what the scratch holds (it points into the text and
// the timeline) and returns it to the pool, unless a huge file grew it.
func (b *builder) release() {
	sc := b.sc
	clear(sc.slab[:min(len(b.items), cap(sc.slab))])
	clear(b.items)
	clear(sc.found)
	clear(b.stack[:cap(b.stack)])
	sc.starts, sc.items, sc.found, sc.stack = sc.starts[:0], b.items[:0], sc.found[:0], b.stack[:0]
	if cap(sc.slab) <= 4096 && cap(sc.found) <= 4096 && cap(sc.starts) <= 1<<16 && cap(sc.spans) <= 1<<16 && cap(sc.stack) <= 4096 {
		scratchPool.Put(sc)
	}
}

// appendLineStarts appends the offset of every line of src to starts.
func appendLineStarts(starts []int, src []byte) []int {
	starts = append(starts, 0)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return starts
		}
		off += i + 1
		starts = append(starts, off)
	}
}

// newItem returns room for one more item, in chunks that never move.
func (b *builder) newItem() *item {
	if len(b.slab) == cap(b.slab) {
		// A line is at most one item: the first chunk is the only one,
		// unless the pool gave a smaller one.
		n := min(max(b.maxItems-len(b.items), 16), 1024)
		b.slab = make([]item, 0, n)
	}
	b.slab = b.slab[:len(b.slab)+1]
	return &b.slab[len(b.slab)-1]
}

// lineFrom is lineOf(off) for the offsets of the items, which come in
// document order: the line is found from the last one, most often in a
// step or two, rather than by a search of every line start.
func (b *builder) lineFrom(off int) int {
	n := b.lineAt
	if n == 0 || b.starts[n-1] > off {
		n = b.lineOf(off)
	}
	for n < len(b.starts) && b.starts[n] <= off {
		n++
	}
	b.lineAt = n
	return n
}

func (b *builder) lineOf(off int) int {
	return sort.Search(len(b.starts), func(i int) bool { return b.starts[i] > off })
}

func (b *builder) lineEnd(off int) int {
	for off < len(b.src) && b.src[off] != '\n' {
		off++
	}
	return off
}

// trimSpan narrows [s, e) to its non-space content.
func (b *builder) trimSpan(s, e int) (int, int) {
	for e > s && isSpaceByte(b.src[e-1]) {
		e--
	}
	for s < e && isSpaceByte(b.src[s]) {
		s++
	}
	return s, e
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// add appends an item for the line content start, end, or returns nil
// for an empty one or one in the front matter. The item comes zeroed:
// the caller sets the fields of its kind one by one, which is cheaper
// than copying a whole item into the heap.
func (b *builder) add(kind itemKind, start, end int) *item {
	if start >= end || start < b.in.Skip {
		return nil
	}
	it := b.newItem()
	it.kind, it.start, it.end = kind, start, end
	it.text = b.text[start:end]
	it.line = b.lineFrom(start)
	if it.kind != itemHeading && it.kind != itemTableRow && it.kind != itemTableHeader {
		raw := bytes.TrimSpace(b.src[it.start:it.end])
		if bytes.HasPrefix(raw, []byte("**")) || bytes.HasPrefix(raw, []byte("__")) {
			it.bold = true
			mark := raw[:2]
			rest := raw[2:]
			close := bytes.Index(rest, mark)
			if close >= 0 {
				inner := bytes.TrimSpace(rest[:close])
				after := bytes.TrimSpace(rest[close+2:])
				it.boldOnly = len(after) == 0 || string(after) == ":"
				it.label = bytes.HasSuffix(inner, []byte(":")) || bytes.HasPrefix(after, []byte(":"))
			}
		}
	}
	it.index = len(b.items)
	b.items = append(b.items, it)
	return it
}

// walk flattens the Markdown blocks into lines.
func (b *builder) walk(n ast.Node, listDepth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			lines := c.Lines()
			if lines.Len() == 0 {
				continue
			}
			s, e := b.trimSpan(lines.At(0).Start, lines.At(lines.Len()-1).Stop)
			it := b.add(itemHeading, s, e)
			if it == nil {
				continue
			}
			it.level, it.blockStart = c.Level, true
			if b.in.HeadingKind != nil {
				it.skind, it.skinded = b.in.HeadingKind(c, it.text)
			}
		case *ast.Paragraph, *ast.TextBlock:
			// n is c's parent.
			_, inItem := n.(*ast.ListItem)
			first := inItem && n.FirstChild() == c
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				s, e := b.trimSpan(seg.Start, seg.Stop)
				kind := itemPara
				switch {
				case first && i == 0:
					kind = itemList
				case inItem:
					kind = itemListCont
				}
				if it := b.add(kind, s, e); it != nil {
					it.depth, it.blockStart = listDepth, i == 0
				}
			}
		case *ast.ListItem:
			b.walk(c, listDepth+1)
		case *east.Table:
			for row := c.FirstChild(); row != nil; row = row.NextSibling() {
				kind, start, end := itemTableRow, -1, 0
				if _, ok := row.(*east.TableHeader); ok {
					kind = itemTableHeader
				}
				var cells [][2]int
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					lines := cell.Lines()
					if lines.Len() == 0 {
						continue
					}
					s, e := b.trimSpan(lines.At(0).Start, lines.At(lines.Len()-1).Stop)
					if s >= e {
						continue
					}
					if start < 0 {
						start = s
					}
					end = e
					cells = append(cells, [2]int{s, e})
				}
				if start < 0 {
					continue
				}
				if it := b.add(kind, start, end); it != nil {
					it.blockStart, it.cells = true, cells
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak:
		default:
			b.walk(c, listDepth)
		}
	}
}

var bullets = []string{"- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "► ", "o ", "> "}

// plainItems reads a plain-text CV line by line: indentation and bullets
// give the nesting.
func (b *builder) plainItems() {
	blank := true
	for n := 0; n < len(b.starts); n++ {
		s := b.starts[n]
		e := b.lineEnd(s)
		if s < b.in.Skip {
			continue
		}
		indent := 0
		for s < e && (b.src[s] == ' ' || b.src[s] == '\t') {
			indent++
			if b.src[s] == '\t' {
				indent += 3
			}
			s++
		}
		s, e = b.trimSpan(s, e)
		if s >= e {
			blank = true
			continue
		}
		depth, bullet := indent/2, false
		rest := b.src[s:e]
		for _, bu := range bullets {
			if len(rest) >= len(bu) && string(rest[:len(bu)]) == bu {
				bullet = true
				depth++
				s += len(bu)
				break
			}
		}
		if it := b.add(itemPlain, s, e); it != nil {
			it.depth, it.bullet, it.blockStart = depth, bullet, blank
		}
		blank = false
	}
}

// birthWords are padded with a space on each side, so that matching a
// whole word is one Contains.
var birthWords = padWords("ne le", "nee le", "ne en", "nee en", "born", "naissance", "birth", "dob", "d o b", "age de", "birthday")

// foundedWords, right before a year, make it the year a company was
// founded ("groupe familial fondé en 1985", "founded in 1985", "est.
// 1985"); padded like birthWords.
var foundedWords = padWords("fonde en", "fondee en", "fonde", "fondee", "founded", "founded in", "cree en", "creee en",
	"creee", "established", "established in", "est", "etabli en", "etablie en", "incorporated in",
	"depuis sa creation en", "since its foundation in", "a sa creation en")

func padWords(ws ...string) [][]byte {
	out := make([][]byte, len(ws))
	for i, w := range ws {
		out[i] = []byte(" " + w + " ")
	}
	return out
}

// findAllDates finds the dates of every line. The ranges are gathered
// into one buffer first, so the DateRefs and Timeline.Dates are made at
// their size once; a line's dates and usable dates are parts of shared
// slices.
func (b *builder) findAllDates() {
	found := b.sc.found[:0]
	var finder dates.Finder
	defer func() { b.sc.found = found; finder.Release() }()
	var spans []dateSpan
	for k, it := range b.items {
		lo := len(found)
		found = finder.FindAppendBytes(found, it.text)
		if len(found) == lo {
			continue
		}
		if spans == nil {
			if cap(b.sc.spans) < len(b.items) {
				b.sc.spans = make([]dateSpan, len(b.items))
			}
			spans = b.sc.spans[:len(b.items)]
			clear(spans)
		}
		spans[k] = dateSpan{lo, len(found)}
	}
	if spans == nil {
		return
	}
	b.refs = make([]DateRef, len(found))
	b.tl.Dates = make([]*DateRef, len(found))
	var usableAll []*DateRef
	for k, it := range b.items {
		sp := spans[k]
		if sp.lo == sp.hi {
			continue
		}
		for j := sp.lo; j < sp.hi; j++ {
			b.tl.Dates[j] = b.dateRef(&b.refs[j], it, found[j])
		}
		ds := b.tl.Dates[sp.lo:sp.hi:sp.hi]
		it.usable = ds
		for _, d := range ds {
			if d.Birth || d.Founded {
				// Only some dates are usable: a filtered copy.
				lo := len(usableAll)
				for _, d := range ds {
					if !d.Birth && !d.Founded {
						usableAll = append(usableAll, d)
					}
				}
				it.usable = usableAll[lo:len(usableAll):len(usableAll)]
				break
			}
		}
	}
}

func (b *builder) dateRef(d *DateRef, it *item, r dates.Range) *DateRef {
	*d = DateRef{Range: r, Start: it.start + r.Pos, End: it.start + r.EndPos}
	d.Range.Text = b.internBytes(it.text[r.Pos:r.EndPos])
	// An item is one line, but for a heading set over several lines.
	d.Line = it.line
	if bytes.IndexByte(it.text[:r.Pos], '\n') >= 0 {
		d.Line = b.lineOf(d.Start)
	}
	before := it.text[:r.Pos]
	if len(before) > 40 {
		before = before[len(before)-40:]
		for len(before) > 0 && !utf8.RuneStart(before[0]) {
			before = before[1:]
		}
	}
	// Every birth and founded word has letters, and only letters fold to
	// letters: most dates open their line or follow a separator.
	if !hasLetter(before) {
		return d
	}
	// " " + Fold(before) + " ", folded on the stack.
	var buf, pad [128]byte
	f, _ := appendFold(buf[:0], before, -1)
	fb := append(append(append(pad[:0], ' '), f...), ' ')
	for _, w := range birthWords {
		if bytes.Contains(fb, w) {
			d.Birth = true
		}
	}
	if r.EndKind == dates.Single {
		for _, w := range foundedWords {
			if bytes.HasSuffix(fb, w) {
				d.Founded = true
			}
		}
	}
	return d
}

// hasLetter reports whether s may hold a letter: an ASCII letter or any
// byte of a non-ASCII rune.
func hasLetter(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z' {
			return true
		}
	}
	return false
}

// usable returns the dates of a line that may be an entry's: not a
// birth date, nor the year a company was founded.
func usable(it *item) []*DateRef { return it.usable }

// pick chooses an entry's date among a line's: the first range, else the
// first single date. list is true when the line holds only several
// single dates, as a list of tools with years does.
func pick(ds []*DateRef) (d *DateRef, list bool) {
	singles := 0
	for _, x := range ds {
		if x.Range.EndKind != dates.Single {
			return x, false
		}
		singles++
	}
	if singles == 0 {
		return nil, false
	}
	return ds[0], singles > 1
}

// words counts the words of the line outside the date expression d.
func words(it *item, d *DateRef) int {
	if d != nil && d.Start >= it.start && d.End <= it.end {
		return countWords(it.text[:d.Start-it.start]) + countWords(it.text[d.End-it.start:])
	}
	return countWords(it.text)
}

// countWords counts the fields of s (as strings.Fields splits them) that
// hold a letter or a digit.
func countWords[T bytesOrString](s T) int {
	n := 0
	wordy := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				if wordy {
					n++
				}
				wordy = false
				continue
			}
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				wordy = true
			}
			continue
		}
		r, size := decodeRune(s, i)
		i += size
		if unicode.IsSpace(r) {
			if wordy {
				n++
			}
			wordy = false
			continue
		}
		if !wordy && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			wordy = true
		}
	}
	if wordy {
		n++
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// dateOnly reports whether a line is essentially a date, perhaps with a
// place or a contract type: "*March 2019 – Present*", "Paris · 2019 – 2021".
func dateOnly(it *item) *DateRef {
	ds := usable(it)
	d, list := pick(ds)
	if d == nil || list {
		return nil
	}
	if it.kind == itemList || it.kind == itemHeading || it.kind == itemTableRow || it.kind == itemTableHeader || it.bullet {
		return nil
	}
	// Count the words left once every date is taken out: "2010 – 2014,
	// en CDD jusqu’au 31/12/2014" is still a date line. The dates of a
	// line come in order and do not overlap.
	n, at := 0, 0
	for _, x := range ds {
		s, e := x.Start-it.start, x.End-it.start
		n += countWords(it.text[at:s])
		at = e
	}
	if n+countWords(it.text[at:]) > 6 {
		return nil
	}
	return d
}

// nonEntryTitles are sub-headings found inside entries that name no job.
var nonEntryTitles = []string{
	"realisations", "principales realisations", "achievements", "key achievements", "responsibilities",
	"responsabilites", "missions principales", "taches", "tasks", "environnement", "environnement technique",
	"technical environment", "context", "contexte", "results", "resultats", "highlights", "details",
	"description", "outils", "tools", "technologies", "stack", "references", "activites", "key projects",
	"projets realises", "accomplishments", "impact",
}

func isNonEntryTitle(fold string) bool { return isOrStartsWith(fold, nonEntryTitles) }

var missionPrefixes = []string{"mission", "missions", "client", "projet client", "assignment"}

func hasMissionPrefix(fold string) bool { return isOrStartsWith(fold, missionPrefixes) }

// isOrStartsWith reports whether fold is one of ws or starts with one
// followed by a space.
func isOrStartsWith(fold string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(fold, w) && (len(fold) == len(w) || fold[len(w)] == ' ') {
			return true
		}
	}
	return false
}

// isAllCaps reports a line written in capitals: at least four letters,
// none of them lower case.
func isAllCaps(s []byte) bool {
	letters := 0
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		i += n
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// titleSection says whether a non-heading line is a section title: a
// bold-only line, an all-caps line, a "Title:" line, or in plain text a
// short line that names a known section.
func (b *builder) titleSection(it *item) SectionKind {
	if len(usable(it)) > 0 || len(it.text) > 80 || it.kind == itemList || it.bullet {
		return SectionUnknown
	}
	// The shape first, the words (ClassifyHeading) only for a line that
	// has a title's.
	trimmed := bytes.TrimSpace(it.text)
	switch {
	case it.boldOnly, bytes.HasSuffix(trimmed, []byte(":")):
	case it.kind == itemPlain && it.depth == 0:
	case it.kind == itemPara && it.blockStart && b.singleLine(it):
	case isAllCaps(trimmed):
	default:
		return SectionUnknown
	}
	return classifyBytes(it.text)
}

// singleLine reports whether a paragraph line is its paragraph's only line.
func (b *builder) singleLine(it *item) bool {
	i := it.index
	return i+1 >= len(b.items) || b.items[i+1].blockStart || b.items[i+1].kind != itemPara
}

func (b *builder) newSection(kind SectionKind, it *item, level int) {
	s := b.addSection(Section{Kind: kind, Title: b.sectionTitle(it), Start: it.start, End: it.end, Line: it.line, Level: level})
	b.section = s
	b.topLo = len(b.top)
	b.stack = b.stack[:0]
}

// sectionTitle is cleanTitle of the line, made in the arena with its
// spaces collapsed on the way.
func (b *builder) sectionTitle(it *item) string {
	var buf [256]byte
	return cleanCollapsed(b.internFields(buf[:0], it.text))
}

// addSection appends a section to the timeline. Sections live in chunks
// that never move, so that each costs no allocation of its own.
func (b *builder) addSection(v Section) *Section {
	if len(b.secs) == cap(b.secs) {
		b.secs = make([]Section, 0, 4)
	}
	b.secs = append(b.secs, v)
	s := &b.secs[len(b.secs)-1]
	b.tl.Sections = append(b.tl.Sections, s)
	return s
}

// classify walks the lines and decides which are section titles and
// which are entries, and how entries nest.
func (b *builder) classify() {
	b.section = b.addSection(Section{Implicit: true})
	titleSeen := false
	for i, it := range b.items {
		if it.consumed {
			continue
		}
		if !titleSeen {
			titleSeen = true
			// The first line is the name (and perhaps a birth date): never
			// an entry.
			if (it.kind == itemHeading && it.level == 1) || it.kind == itemPlain || (it.kind == itemPara && it.bold) {
				if it.sectionKind() == SectionUnknown {
					if it.kind == itemHeading {
						b.hlevel = it.level
					}
					continue
				}
			}
		}
		switch it.kind {
		case itemHeading:
			b.heading(i, it)
		case itemTableHeader:
		case itemTableRow:
			b.line(i, it, b.hlevel*10+4)
		case itemList, itemListCont:
			b.line(i, it, b.hlevel*10+5+it.depth)
		case itemPara:
			if k := b.titleSection(it); k != SectionUnknown {
				b.newSection(k, it, 0)
				continue
			}
			d := b.hlevel*10 + 5
			if it.bold {
				d = b.hlevel*10 + 3
			}
			b.line(i, it, d)
		case itemPlain:
			if k := b.titleSection(it); k != SectionUnknown {
				b.newSection(k, it, 0)
				continue
			}
			b.line(i, it, 50+it.depth)
		}
	}
	// The implicit section is dropped when it holds nothing.
	if s := b.tl.Sections[0]; s.Implicit && len(s.Entries) == 0 {
		b.tl.Sections = b.tl.Sections[1:]
	}
}

// entryParent returns the innermost open entry above depth, popping the
// ones it closes.
func (b *builder) entryParent(depth int) *Entry {
	for len(b.stack) > 0 && int(b.stack[len(b.stack)-1].depth) >= depth {
		b.stack = b.stack[:len(b.stack)-1]
	}
	if len(b.stack) == 0 {
		return nil
	}
	return b.stack[len(b.stack)-1]
}

func (b *builder) heading(i int, it *item) {
	kind := it.sectionKind()
	depth := it.level * 10
	// Only a heading owns the headings below it: a bold line or a list
	// item never does.
	for len(b.stack) > 0 && b.stack[len(b.stack)-1].Source != FromHeading {
		b.stack = b.stack[:len(b.stack)-1]
	}
	parent := b.entryParent(depth)
	if kind != SectionUnknown && parent == nil && len(usable(it)) == 0 {
		b.newSection(kind, it, it.level)
		b.hlevel = it.level
		return
	}
	b.hlevel = it.level
	d, _ := pick(usable(it))
	switch {
	case d == nil:
		d = b.nextLineDate(i, false)
	case titleAside(it, d):
		// "### Acme (since 1985)" then "*2019 – 2022*": the range.
		if r := b.nextLineDate(i, true); r != nil {
			d = r
		}
	}
	if d == nil && parent == nil && kind == SectionUnknown && it.level == b.secLevel {
		// A title the model does not know ("## Grants", "## Side
		// activities") at the level of those it knows is a section, even
		// when its sub-headings carry dates: not an entry of the section
		// above it.
		b.newSection(SectionUnknown, it, it.level)
		return
	}
	fold := b.foldText(it)
	isEntry := d != nil
	if !isEntry && kind == SectionUnknown && !isNonEntryTitle(fold) {
		switch {
		case b.datedContent(i):
			isEntry = true // an employer whose missions carry the dates
		case b.section.Kind.Dated() && it.level > b.section.Level:
			// A date-less heading in a dated section is an entry with a
			// missing date, unless it is a sub-part of a dated entry.
			isEntry = parent == nil || !parent.HasDate || hasMissionPrefix(fold)
		}
	}
	if !isEntry {
		if parent == nil && (b.section.Implicit || it.level <= b.section.Level || b.section.Level == 0) && kind == SectionUnknown {
			b.newSection(SectionUnknown, it, it.level)
		}
		return
	}
	b.addEntry(it, FromHeading, depth, parent, d)
}

// line handles every non-heading line.
func (b *builder) line(i int, it *item, depth int) {
	if it.label {
		return
	}
	parent := b.entryParent(depth)
	ds := usable(it)
	d, list := pick(ds)
	src := FromLine
	switch {
	case it.kind == itemTableRow:
		src = FromTableRow
	case it.bold && (it.kind == itemPara || it.blockStart):
		src = FromBoldLine
	case it.kind == itemList || it.bullet:
		src = FromListItem
	}
	cont := it.kind == itemListCont || (it.kind == itemPara && !it.blockStart && !it.bold)
	if d != nil && titleAside(it, d) && !cont && (src == FromBoldLine || src == FromListItem || it.kind == itemPlain) {
		// A range on the next line is the entry's date rather than a
		// year in its title ("Acme (depuis 1992) - Comptable" then
		// "Depuis mars 2020").
		if r := b.nextLineDate(i, true); r != nil {
			d, list = r, false
		}
	}
	if list && it.kind != itemTableRow && !it.bold {
		return // "Proxmox (2020), Docker (2019)"
	}
	if cont {
		// A further line of a block is an entry only when it carries a
		// range on its own ("Acme, 2019 – 2021" after a description).
		if d == nil || d.Range.EndKind == dates.Single || words(it, d) > 14 || (parent != nil && parent.Line == it.line-1) {
			return
		}
	}
	dated := b.section.Kind.Dated()
	if d == nil && (src == FromBoldLine || src == FromListItem || it.kind == itemPlain || it.kind == itemPara && b.titleAbove(i)) {
		d = b.nextLineDate(i, false)
	}
	if d == nil {
		switch src {
		case FromTableRow:
			if !dated || !b.runHasDates(i) {
				return
			}
		case FromBoldLine:
			if !dated || words(it, nil) > 12 || (parent != nil && parent.HasDate && !hasMissionPrefix(b.foldText(it))) {
				return
			}
		case FromListItem:
			// A bullet without a date is a missing-date entry only in a
			// list of dated entries ("- MSc, 2015 – 2017" / "- BSc").
			if !dated || parent != nil || it.kind != itemList || words(it, nil) > 12 || !b.runHasDates(i) {
				return
			}
		default:
			return
		}
		b.addEntry(it, src, depth, parent, nil)
		return
	}
	single := d.Range.EndKind == dates.Single
	switch src {
	case FromTableRow, FromBoldLine:
	case FromListItem, FromLine:
		limit := 20
		if src == FromLine {
			limit = 14
		}
		if words(it, d) > limit {
			return
		}
		if single && (!dated || parent != nil) {
			return
		}
	}
	b.addEntry(it, src, depth, parent, d)
}

// runHasDates reports whether most other lines of the same list (at the
// same depth) or table as item i carry a date of their own: then item i
// is an entry that lacks one, not a bullet of prose.
func (b *builder) runHasDates(i int) bool {
	it := b.items[i]
	same := func(x *item) bool {
		if it.kind == itemTableRow {
			return x.kind == itemTableRow || x.kind == itemTableHeader
		}
		return x.kind == itemList || x.kind == itemListCont
	}
	has := func(x *item) bool {
		if x == it || x.kind == itemListCont || x.kind == itemTableHeader || x.depth != it.depth {
			return false
		}
		d, list := pick(usable(x))
		return d != nil && !list
	}
	if bytes.HasSuffix(bytes.TrimSpace(it.text), []byte(".")) {
		return false // a sentence
	}
	dated, others := 0, 0
	count := func(x *item) {
		if x == it || x.kind == itemListCont || x.kind == itemTableHeader || x.depth != it.depth {
			return
		}
		others++
		if has(x) {
			dated++
		}
	}
	for j := i - 1; j >= 0 && same(b.items[j]); j-- {
		count(b.items[j])
	}
	for j := i + 1; j < len(b.items) && same(b.items[j]); j++ {
		count(b.items[j])
	}
	return dated > 0 && 2*dated >= others
}

// titleAside reports a date of a title line that yields to a range on
// the next line: a single year, or a "since" in parentheses ("Acme
// (depuis 1992)"), which may well date the company rather than the entry.
func titleAside(it *item, d *DateRef) bool {
	if d.Range.EndKind == dates.Single {
		return true
	}
	s, e := d.Start-it.start, d.End-it.start
	if d.Range.EndKind != dates.Present || s < 0 || e > len(it.text) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(d.Range.Text); !unicode.IsLetter(r) {
		return false // "(2022 – Present)": the entry's own range
	}
	before, after := it.text[:s], it.text[e:]
	return bytes.LastIndexByte(before, '(') > bytes.LastIndexByte(before, ')') && bytes.IndexByte(after, ')') >= 0
}

// nextLineDate returns the date of the line after item i when that line
// is only a date ("*March 2019 – Present*" under a job title), and marks
// it consumed; with rangeOnly, only when that date is a range.
func (b *builder) nextLineDate(i int, rangeOnly bool) *DateRef {
	if i+1 >= len(b.items) {
		return nil
	}
	it, next := b.items[i], b.items[i+1]
	switch it.kind {
	case itemHeading:
		if next.kind != itemPara || !next.blockStart {
			return nil
		}
	case itemList, itemListCont:
		if next.kind != itemListCont || next.blockStart && next.depth != it.depth {
			return nil
		}
	case itemPara:
		// A bold title may have its date in the next paragraph; any other
		// line only in its own paragraph's next line, or in the next
		// paragraph when both are one line (titleAbove).
		if next.kind != itemPara || next.blockStart && !it.bold && !b.titleAbove(i) {
			return nil
		}
	case itemPlain:
		if next.kind != itemPlain || next.depth < it.depth || next.blockStart && !b.titleAbove(i) {
			return nil
		}
	default:
		return nil
	}
	d := dateOnly(next)
	if d == nil {
		return nil
	}
	// Instead of a date on the title line, only a range of a plain line
	// of the same block (or the paragraph under a heading) will do: a
	// bold line is the next entry's title.
	if rangeOnly && (d.Range.EndKind == dates.Single || next.bold || it.kind == itemPara && next.blockStart) {
		return nil
	}
	next.consumed = true
	return d
}

// titleAbove reports a title alone in its paragraph, in a dated section,
// followed by a paragraph of one line: Google Docs and Word exports put a
// blank line between "Senior Engineer, Acme" and "March 2019 – Present".
// The caller still wants that line to be a date and nothing else.
func (b *builder) titleAbove(i int) bool {
	it := b.items[i]
	if i+1 >= len(b.items) || !it.blockStart || !b.items[i+1].blockStart || (i+2 < len(b.items) && !b.items[i+2].blockStart) {
		return false
	}
	if b.section == nil || !b.section.Kind.Dated() || words(it, nil) > 12 {
		return false
	}
	t := bytes.TrimSpace(it.text)
	return len(t) > 0 && !bytes.HasSuffix(t, []byte(".")) && !bytes.HasSuffix(t, []byte(":"))
}

// datedContent reports whether a date-less heading has dated entries
// under it: headings, bold lines or short lines with a range.
func (b *builder) datedContent(i int) bool {
	h := b.items[i]
	for _, it := range b.items[i+1:] {
		if it.kind == itemHeading && it.level <= h.level {
			return false
		}
		d, list := pick(usable(it))
		if d == nil || list {
			continue
		}
		if it.kind == itemHeading || it.bold {
			return true
		}
		if d.Range.EndKind != dates.Single && words(it, d) <= 12 {
			return true
		}
	}
	return false
}

func (b *builder) addEntry(it *item, src Source, depth int, parent *Entry, d *DateRef) *Entry {
	// A heading or bold line below a dated one is its child only when its
	// dates fit inside: "## Acme 2004-2006" then "### Beta 2008-2011" are
	// two jobs written at two heading levels.
	if d != nil && (src == FromHeading || src == FromBoldLine) {
		for parent != nil && parent.HasDate && !dates.Within(d.Range, parent.Date, farFuture) {
			parent = parent.Parent
		}
		if parent == nil {
			b.stack = b.stack[:0]
		} else {
			for len(b.stack) > 0 && b.stack[len(b.stack)-1] != parent {
				b.stack = b.stack[:len(b.stack)-1]
			}
		}
	}
	if len(b.entries) == cap(b.entries) {
		// Most entries carry a date of their own: the first chunk holds
		// as many entries as there are dates.
		n := min(max(2*cap(b.entries), 8), 256)
		if b.entries == nil {
			n = min(max(len(b.tl.Dates), 4), 256)
		}
		b.entries = make([]Entry, 0, n)
	}
	// The chunk's entries are zero: the fields are set one by one rather
	// than a whole Entry copied in.
	b.entries = b.entries[:len(b.entries)+1]
	e := &b.entries[len(b.entries)-1]
	e.Source, e.Section, e.Start, e.End, e.Line, e.depth, e.Parent = src, b.section, it.start, it.end, it.line, int32(depth), parent
	if d != nil {
		e.HasDate, e.Date, e.DateStart, e.DateEnd, e.DateLine = true, d.Range, d.Start, d.End, d.Line
		d.Entry = e
	}
	e.Title = b.title(it, d)
	e.fold = b.paddedFold(it)
	e.Text = e.fold[1 : len(e.fold)-1]
	if parent != nil {
		parent.Children = append(parent.Children, e)
	} else {
		b.top = append(b.top, e)
		b.section.Entries = b.top[b.topLo:len(b.top):len(b.top)]
	}
	b.tl.Entries = append(b.tl.Entries, e)
	b.stack = append(b.stack, e)
	return e
}

// title is the line without its date and markup. The line, its date
// cut out and its spaces collapsed, is put in the arena, and the title
// is most often a part of it (see cleanCollapsed).
func (b *builder) title(it *item, d *DateRef) string {
	cut := func(s, e int) string {
		var buf [256]byte
		t := b.text[s:e]
		if d != nil && d.Start >= s && d.End <= e {
			// The date leaves a space between the words around it.
			return b.internFields(appendFields(buf[:0], t[:d.Start-s]), t[d.End-s:])
		}
		return b.internFields(buf[:0], t)
	}
	if len(it.cells) > 0 {
		var parts []string
		for _, c := range it.cells {
			if p := cleanCollapsed(cut(c[0], c[1])); p != "" {
				parts = append(parts, p)
			}
		}
		return b.intern(strings.Join(parts, " | "))
	}
	// cleanCollapsed returns a part of the arena's copy, or a string of
	// its own: either way, none of the text.
	return cleanCollapsed(cut(it.start, it.end))
}

// internFields returns the arena's copy of appendFields(p, s): p holds
// words already, or is an empty buffer.
func (b *builder) internFields(p, s []byte) string {
	return b.internBytes(appendFields(p, s))
}

// appendFields appends to dst the words of s (as strings.Fields splits
// them), each after a single space unless it opens dst: words joined
// as collapseSpaces joins them.
func appendFields[T bytesOrString](dst []byte, s T) []byte {
	inWord := false
	for i := 0; i < len(s); {
		n, sp := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				// A run of ASCII bytes that are no space is copied whole.
				j := i + 1
				for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
					j++
				}
				if !inWord && len(dst) > 0 {
					dst = append(dst, ' ')
				}
				inWord = true
				dst = append(dst, s[i:j]...)
				i = j
				continue
			}
			sp = true
		} else {
			var r rune
			r, n = decodeRune(s, i)
			sp = unicode.IsSpace(r)
		}
		if sp {
			inWord = false
		} else {
			if !inWord && len(dst) > 0 {
				dst = append(dst, ' ')
			}
			inWord = true
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}

// cleanTitle collapses spaces, drops empty brackets left by a removed
// date, and trims separators at both ends.
func cleanTitle(s string) string {
	return cleanCollapsed(collapseSpaces(s))
}

// cleanCollapsed is cleanTitle of a text whose spaces are collapsed.
func cleanCollapsed(s string) string {
	if strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, '[') >= 0 { // what every bracket pair below holds
		for _, p := range []string{"( )", "()", "[ ]", "[]"} {
			s = strings.ReplaceAll(s, p, "")
		}
		s = collapseSpaces(s)
	}
	if s != "" && isAlnumASCII(s[0]) && isAlnumASCII(s[len(s)-1]) {
		return s // nothing to trim: no letter or digit is a separator
	}
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—,|·:;/•*_#>", r)
	})
}

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// collapseSpaces is strings.Join(strings.Fields(s), " "): s itself when
// it has no other spacing than single spaces between its words, else one
// copy.
func collapseSpaces(s string) string {
	clean := true
	prevSpace := true // no space may open s
	for i := 0; i < len(s) && clean; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ':
				clean = !prevSpace
				prevSpace = true
			case '\t' <= c && c <= '\r':
				clean = false
			default:
				prevSpace = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		clean = !unicode.IsSpace(r)
		prevSpace = false
	}
	if clean && !prevSpace || s == "" {
		return s
	}
	return string(appendFields(make([]byte, 0, len(s)), s))
}

// reparent attaches to an employer the top-level entries that name it in
// a parenthesis ("Mission BNP (Acme Consulting)") or that start with
// "Mission" right after it, when their dates lie within its own.
func (b *builder) reparent() {
	for _, s := range b.tl.Sections {
		// The entries kept are compacted in place: the sections are
		// complete, and kept never runs ahead of the entry read.
		kept := s.Entries[:0]
		for _, e := range s.Entries {
			if p := b.employerOf(e, kept); p != nil {
				e.Parent = p
				p.Children = append(p.Children, e)
				continue
			}
			kept = append(kept, e)
		}
		s.Entries = kept
	}
}

func (b *builder) employerOf(e *Entry, earlier []*Entry) *Entry {
	if !e.HasDate || len(earlier) == 0 {
		return nil
	}
	if hasMissionPrefix(e.Text) {
		p := earlier[len(earlier)-1]
		if p.HasDate && !hasMissionPrefix(p.Text) && dates.Within(e.Date, p.Date, farFuture) {
			return p
		}
	}
	for _, name := range parenNames(e.Title) {
		for k := len(earlier) - 1; k >= 0; k-- {
			p := earlier[k]
			if !p.HasDate || !dates.Within(e.Date, p.Date, farFuture) {
				continue
			}
			if strings.Contains(" "+Fold(p.Title)+" ", " "+name+" ") {
				return p
			}
		}
	}
	return nil
}

// parenNames returns the folded contents of the parentheses of a title,
// without a leading "chez", "for", "via"…
func parenNames(title string) []string {
	var out []string
	for {
		i := strings.IndexByte(title, '(')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(title[i:], ')')
		if j < 0 {
			return out
		}
		f := Fold(title[i+1 : i+j])
		for _, p := range []string{"chez ", "for ", "at ", "via ", "pour ", "client ", "pour le compte de ", "on behalf of "} {
			f = strings.TrimPrefix(f, p)
		}
		if len(f) >= 3 {
			out = append(out, f)
		}
		title = title[i+j+1:]
	}
}
