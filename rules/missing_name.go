package rules

import (
	"strings"
)

// MissingName reports a CV that does not open with the person's name.
var MissingName = Register(&Rule{
	ID:       "missing-name",
	Title:    "the CV does not open with a name",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "A recruiter files, forwards and searches CVs by name; a CV that opens with body text (`Experienced engineer…`) or a section title makes them hunt for it, " +
			"and applicant tracking systems take the first line or the level-1 heading as the candidate's name. " +
			"Put your name first: as the level-1 heading in Markdown (`# Jane Doe`), as the first line of a plain-text CV. " +
			"A name followed by a title on the same line (`Jane Doe — Data Engineer`), a `Name:` label, or a `name:` key in the front matter are fine; " +
			"a generic title (`# Curriculum Vitae`) counts only if the name follows it.",
		Bad:  "Experienced backend engineer with ten years in payments.\n\n## Experience",
		Good: "# Jane Doe\n\nExperienced backend engineer with ten years in payments.\n\n## Experience",
	},
	Run: runMissingName,
})

var (
	genericTitleRE = lazyRegexp(`(?i)^(?:my\s+)?(?:cv|c\.v\.|curriculum(?:\s+vit(?:ae|æ))?|r[ée]sum[ée]|resume|mon\s+cv)$`)
	frontNameRE    = lazyRegexp(`(?im)^\s*(?:name|nom|author|full_name)\s*:\s*\S`)
)

func runMissingName(p *Pass) {
	d := p.Doc
	if fm := d.FrontMatter; fm.End > 0 && frontNameRE().Match(d.Source[:fm.End]) {
		return
	}
	n := firstContentLine(d, 0)
	if n == 0 {
		return // an empty file has nothing to name
	}
	var firstLines []int // the opening line, and the one after a generic title
	for i := 0; i < 3 && n != 0; i++ {
		s, e := d.Lines.Line(n)
		text := openingText(d, s, e)
		if text == "" { // a photo or a badge above the name
			n = firstContentLine(d, e+1)
			continue
		}
		if openingIsName(d, s, e, text) {
			return
		}
		firstLines = append(firstLines, n)
		if !genericTitleRE().MatchString(strings.Trim(text, " :*_")) {
			break
		}
		n = firstContentLine(d, e+1)
	}
	// A name as a level-1 heading further down (under a banner, say).
	for _, h := range d.Headings {
		if h.Level == 1 && !d.Plain && nameLike(h.Text, 1) {
			return
		}
	}
	if len(firstLines) == 0 {
		return
	}
	s, e := d.Lines.Line(firstLines[0])
	where := "as a level-1 heading (`# Jane Doe`)"
	if d.Plain {
		where = "on the first line"
	}
	p.Report(Finding{Start: s, End: e, Message: "the CV opens with " + describeOpening(d, s, e) + ", not a name: put your name first, " + where})
}

// openingText is what a reader sees on a line of the opening: Markdown
// markers, images and HTML removed.
func openingText(d *Document, s, e int) string {
	if d.Plain {
		return strings.TrimSpace(string(d.Source[s:e]))
	}
	pr := d.Result(ProseAnalysis).(*Prose)
	t := strings.TrimSpace(string(pr.Text[s:e]))
	return strings.TrimLeft(t, "#>-*+ ")
}

func describeOpening(d *Document, s, e int) string {
	t := openingText(d, s, e)
	if r := []rune(t); len(r) > 40 {
		t = string(r[:37]) + "…"
	}
	if !d.Plain {
		for _, h := range d.Headings {
			if h.Start == s {
				return "the heading \"" + t + "\""
			}
		}
		raw := strings.TrimLeft(string(d.Source[s:e]), " ")
		isItem := strings.HasPrefix(raw, "- ") || strings.HasPrefix(raw, "* ") || strings.HasPrefix(raw, "+ ")
		if isItem {
			return "a list item \"" + t + "\""
		}
	}
	return "\"" + t + "\""
}

// openingIsName judges the opening line: a heading may hold a name of one
// word ("# Jane"), a line of text needs two ("Jane Doe"), and a list item
// is never a name.
func openingIsName(d *Document, s, e int, text string) bool {
	if d.Plain {
		return nameLike(text, 2)
	}
	for _, h := range d.Headings {
		if h.Start == s {
			return nameLike(text, 1)
		}
	}
	raw := strings.TrimLeft(string(d.Source[s:e]), " ")
	if strings.HasPrefix(raw, "- ") || strings.HasPrefix(raw, "* ") || strings.HasPrefix(raw, "+ ") {
		return false
	}
	return nameLike(text, 2)
}
