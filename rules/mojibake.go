package rules

import (
	"bytes"

	"encoding/binary"
	"fmt"
	"github.com/yuin/goldmark/ast"

	"github.com/cvlint/cvlint/rules/mojibake"
)

// MojibakeAnalysis finds mojibake once per file. Mojibake is damage to
// bytes, and a reader sees it wherever it is: the whole decoded text is
// searched, front matter, HTML, tables and code blocks included, except
// URLs, e-mail addresses, inline code spans and HTML comments (which no
// reader sees, and where a fixture's expectations live). Offsets are
// absolute.
var MojibakeAnalysis = &Analysis{Name: "mojibake", Requires: []*Analysis{ProseAnalysis}, Run: findMojibake}

// MojibakeHit is a mojibake span with where it sits when that is not prose.
type MojibakeHit struct {
	mojibake.Hit
	// Where is "" in prose, else "in the front matter", "in HTML" or
	// "in a code block".
	Where string
}

// MojibakeOf returns the mojibake hits of the pass's document.
func MojibakeOf(p *Pass) []MojibakeHit { return p.ResultOf(MojibakeAnalysis).([]MojibakeHit) }

func findMojibake(d *Document) any {
	src := d.Source
	prose := d.Result(ProseAnalysis).(*Prose).Text
	var hits []MojibakeHit
	var ex *mojibakeExclusions
	// Every mojibake character is a valid UTF-8 sequence, whose lead byte
	// is 0xC2 or more: a line without one is ASCII and stray bytes, which
	// decode to U+FFFD, no codec's character. Only the lines around such
	// bytes are searched, line by line.
	for off := 0; off < len(src); {
		i := indexLead(src[off:])
		if i < 0 {
			break
		}
		i += off
		start := off
		if j := bytes.LastIndexByte(src[off:i], '\n'); j >= 0 {
			start = off + j + 1
		}
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i
		}
		if !mojibake.MayHold(src[start:end]) {
			off = end + 1
			continue
		}
		for _, h := range mojibake.Find(string(src[start:end])) {
			h.Start += start
			h.End += start
			// In the prose view the span is text a reader reads as words.
			if bytes.Equal(prose[h.Start:h.End], src[h.Start:h.End]) {
				hits = append(hits, MojibakeHit{Hit: h})
				continue
			}
			if inURLOrEmail(src, h.Start, h.End) {
				continue
			}
			if ex == nil {
				ex = newMojibakeExclusions(d)
			}
			if where, ok := ex.place(d, h.Start, h.End); ok {
				hits = append(hits, MojibakeHit{Hit: h, Where: where})
			}
		}
		off = end + 1
	}
	return hits
}

// inURLOrEmail reports whether the span sits in a token (a run of non-space
// bytes) that looks like a URL or an e-mail address.
func inURLOrEmail(src []byte, start, end int) bool {
	s, e := start, end
	for s > 0 && !isSpaceByte(src[s-1]) {
		s--
	}
	for e < len(src) && !isSpaceByte(src[e]) {
		e++
	}
	return looksLikeURLOrEmail(src[s:e])
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// mojibakeExclusions holds what the prose view masks and the mojibake scan
// must still tell apart: code spans and HTML comments are left alone, code
// blocks and HTML are searched and named. It is built only for a file
// with mojibake outside its prose, which is rare.
type mojibakeExclusions struct {
	codeSpans, codeBlocks, comments []Span
}

func newMojibakeExclusions(d *Document) *mojibakeExclusions {
	ex := &mojibakeExclusions{}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			if s, e := childrenSpan(n); e > s {
				ex.codeSpans = append(ex.codeSpans, Span{s, e})
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if l := n.Lines(); l.Len() > 0 {
				ex.codeBlocks = append(ex.codeBlocks, Span{l.At(0).Start, l.At(l.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, h := range d.HTML {
		raw := d.Source[h.Start:h.End]
		for off := 0; ; {
			i := bytes.Index(raw[off:], []byte("<!--"))
			if i < 0 {
				break
			}
			i += off
			j := bytes.Index(raw[i+4:], []byte("-->"))
			if j < 0 {
				ex.comments = append(ex.comments, Span{h.Start + i, h.End})
				break
			}
			off = i + 4 + j + 3
			ex.comments = append(ex.comments, Span{h.Start + i, h.Start + off})
		}
	}
	return ex
}

// childrenSpan is the extent of a node's text children.
func childrenSpan(n ast.Node) (int, int) {
	s, e := -1, -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if s < 0 {
				s = t.Segment.Start
			}
			e = t.Segment.Stop
		}
	}
	return s, e
}

func spansHold(spans []Span, start, end int) bool {
	for _, s := range spans {
		if s.Start <= start && end <= s.End {
			return true
		}
	}
	return false
}

// place says where a span outside the prose view sits, or false for a
// place the scan leaves alone.
func (ex *mojibakeExclusions) place(d *Document, start, end int) (string, bool) {
	switch {
	case start < d.FrontMatter.End:
		return "in the front matter", true
	case spansHold(ex.comments, start, end), spansHold(ex.codeSpans, start, end):
		return "", false
	case spansHold(ex.codeBlocks, start, end):
		return "in a code block", true
	case spansHold(d.HTML, start, end):
		return "in HTML", true
	}
	// Link destinations, image alt text, a line of markup: the reader of
	// the source sees it too.
	return "", true
}

// indexLead returns the index of the first byte of b that is 0xC2 or
// more (the lead byte of a multi-byte UTF-8 sequence), or -1; it skips
// ASCII eight bytes at a time.
func indexLead(b []byte) int {
	i := 0
	for {
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&hiBits == 0 {
			i += 8
		}
		if i >= len(b) {
			return -1
		}
		if b[i] >= 0xC2 {
			return i
		}
		i++
	}
}

// Mojibake reports UTF-8 text that was decoded with the wrong character
// set and saved again; the fix restores the original characters.
var Mojibake = Register(&Rule{
	ID:       "mojibake",
	Title:    "text was decoded with the wrong character set",
	Severity: Error,
	SafeFix:  true,
	Requires: []*Analysis{MojibakeAnalysis},
	Doc: Doc{
		Why:  "When a UTF-8 file is opened as Windows-1252, Mac Roman or Latin-1 and saved again, every accent, typographic quote, dash and emoji turns into two or three wrong characters: `RÃ©sumÃ©`, `Iâ€™m`, `syst√®mes`, `ðŸ“§`. A reader sees it at once; a spell checker does not. cvlint recognises single and double encodings, including Mac Roman text whose lead character was dropped (`üìß` for 📧, `‚Äî` for —), names the encoding, and `--fix` restores the original text byte for byte. Correct accented text (`Müller`, `São Paulo`, `garçon`), symbols such as `©`, `°`, `±`, `√2`, and a lone `Ã` in an all-caps name are left alone. The whole file is read, not just the prose: damage in the front matter, in HTML and in indented blocks is reported with where it is (`(in HTML)`), because a reader of the source or of the rendered page sees it all the same. URLs, e-mail addresses, code spans and HTML comments are left alone.",
		Bad:  "## ExpÃ©rience professionnelle\nIâ€™m a platform engineer â€“ ðŸ“§ jane@example.com\nIngÃƒÂ©nieur systÃ¨mes, syst√®mes embarqu√©s",
		Good: "## Expérience professionnelle\nI’m a platform engineer – 📧 jane@example.com\nIngénieur systèmes, systèmes embarqués",
	},
	Run: runMojibake,
})

func runMojibake(p *Pass) {
	for _, h := range MojibakeOf(p) {
		how := "UTF-8 read as " + h.Encoding
		if h.Layers > 1 {
			how = fmt.Sprintf("UTF-8 read as %s %d times", h.Encoding, h.Layers)
		}
		if h.Where != "" {
			how += " (" + h.Where + ")"
		}
		p.Report(Finding{
			Start:   h.Start,
			End:     h.End,
			Message: fmt.Sprintf("mojibake: %q looks like %s; it should read %q", string(p.Doc.Source[h.Start:h.End]), how, h.Repaired),
			Fix:     &Fix{Edits: []Edit{{Start: h.Start, End: h.End, New: h.Repaired}}},
		})
	}
}
