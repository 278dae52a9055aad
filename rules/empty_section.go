package rules

import (
	"bytes"
	"fmt"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/yuin/goldmark/ast"
)

// EmptySection reports a heading with nothing under it.
var EmptySection = Register(&Rule{
	ID:       "empty-section",
	Title:    "a section with nothing in it",
	Severity: Warning,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "A heading with nothing under it before the next heading of the same or a higher level (`## Projects` straight followed by `## Education`, or a heading at the end of the file) " +
			"is a template slot left unfilled: a recruiter reads it as an unfinished CV. Fill it or remove the heading. " +
			"A heading whose sub-headings carry the content (`## Experience` then `### Acme`) is not empty; HTML comments and thematic breaks are not content.",
		Bad:  "## Projects\n\n## Education\n\nMSc Computer Science, 2019",
		Good: "## Projects\n\n- cvlint: a linter for CVs\n\n## Education\n\nMSc Computer Science, 2019",
	},
	Run: runEmptySection,
})

func runEmptySection(p *Pass) {
	d := p.Doc
	if d.Plain {
		return // a plain-text file has no headings, only lines that look like them
	}
	for i, h := range d.Headings {
		if len(h.Children) > 0 || h.Node.Parent() == nil || h.Node.Parent().Kind() != ast.KindDocument {
			continue
		}
		if headingHasContent(d, h.Node) || datedEntryHeading(p, h) {
			continue
		}
		next := "the end of the file"
		if i+1 < len(d.Headings) {
			next = fmt.Sprintf("%q", d.Headings[i+1].Text)
		}
		p.Report(Finding{Start: h.Start, End: h.End, Message: fmt.Sprintf("section %q is empty: nothing under it before %s; fill it or remove the heading", h.Text, next)})
	}
}

// datedEntryHeading reports a heading that is a whole dated entry of
// education, certifications, volunteering or the like (`### BTS SIO,
// Lycée Exemple, 2008 – 2010`): the heading is the content. A job
// heading with nothing under it is still reported.
func datedEntryHeading(p *Pass, h *Heading) bool {
	for _, e := range TimelineOf(p).Entries {
		if e.Source != cvmodel.FromHeading || e.Start < h.Start || e.Start >= h.End {
			continue
		}
		return e.HasDate && e.Section != nil && e.Section.Kind != cvmodel.SectionExperience && e.Section.Kind != cvmodel.SectionUnknown
	}
	return false
}

// headingHasContent reports whether any block stands between a heading
// and the next heading.
func headingHasContent(d *Document, h *ast.Heading) bool {
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			return false
		case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			continue
		case *ast.HTMLBlock:
			s, e := blockSpan(n, d.Source)
			if n.HasClosure() {
				e = n.ClosureLine.Stop
			}
			if onlyComments(d.Source[s:e]) {
				continue
			}
		}
		return true
	}
	return false
}

// onlyComments reports whether an HTML block holds nothing but comments.
func onlyComments(b []byte) bool {
	for {
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			return true
		}
		if !bytes.HasPrefix(b, []byte("<!--")) {
			return false
		}
		end := bytes.Index(b, []byte("-->"))
		if end < 0 {
			return true
		}
		b = b[end+3:]
	}
}
