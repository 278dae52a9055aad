package rules

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// HeadingStructure reports an outline a reader or a parser cannot follow.
var HeadingStructure = Register(&Rule{
	ID:       "heading-structure",
	Title:    "inconsistent heading structure",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "Applicant tracking systems, screen readers and the table of contents of a rendered CV read the outline from the heading levels. " +
			"The rule reports a skipped level (`##` then `####`), more than one level-1 heading (the H1 is the CV's title, your name), " +
			"entries of the same kind at different levels (one job at `###` while the others are `##`; a mission nested under its employer, whose dates fall within the employer's, is not one), " +
			"and a bold or all-caps line used as a section title (`**Experience**`), which no parser sees as a heading. " +
			"The fix for a pseudo-heading turns it into a real heading at the level the other sections use; apply it with `--fix=heading-structure`.",
		Bad:  "# Jane Doe\n\n**Experience**\n\n## Acme — 2021 – 2024\n\n### Beta — 2018 – 2021\n\n#### Skills",
		Good: "# Jane Doe\n\n## Experience\n\n### Acme — 2021 – 2024\n\n### Beta — 2018 – 2021\n\n## Skills",
	},
	Run: runHeadingStructure,
})

func runHeadingStructure(p *Pass) {
	d := p.Doc
	if d.Plain {
		return // a plain-text file has no heading levels
	}
	var firstH1 *Heading
	for _, h := range d.Headings {
		if h.Parent != nil && h.Level > h.Parent.Level+1 {
			p.Report(Finding{Start: h.Start, End: h.End, Message: fmt.Sprintf(
				"heading level skipped: %q is level %d under the level-%d %q; use level %d",
				h.Text, h.Level, h.Parent.Level, h.Parent.Text, h.Parent.Level+1)})
		}
		if h.Level == 1 {
			if firstH1 == nil {
				firstH1 = h
			} else {
				p.Report(Finding{Start: h.Start, End: h.End, Message: fmt.Sprintf(
					"several level-1 headings: %q is a second H1 (the first is %q on line %d); keep one H1 for your name and make sections level 2",
					h.Text, firstH1.Text, d.Lines.Pos(firstH1.Start).Line)})
			}
		}
	}
	checkEntryLevels(p)
	checkPseudoHeadings(p)
}

// checkEntryLevels compares the levels of the dated headings of each
// section: one job at ### among jobs at ## is reported. A dated heading
// under a dated heading whose range contains it (a mission under its
// employer) is nested, not misplaced.
func checkEntryLevels(p *Pass) {
	d := p.Doc
	// An entry is compared at its own level or at that of an undated
	// ancestor, headings that are neither the name nor a section title:
	// when all of those share one level, no section mixes levels and no
	// date needs reading.
	level, mixed := 0, false
	for i, h := range d.Headings {
		if i == 0 && h.Level == 1 || h.SectionKind() != cvmodel.SectionUnknown {
			continue
		}
		if level == 0 {
			level = h.Level
		} else if h.Level != level {
			mixed = true
			break
		}
	}
	if !mixed {
		return
	}
	pr := ProseOf(p)
	now := dates.FromTime(p.Now)
	// dated[h.index] is the range of a dated heading h.
	type datedRange struct {
		r  dates.Range
		ok bool
	}
	var buf [32]datedRange
	dated := buf[:0]
	if len(d.Headings) > len(buf) {
		dated = make([]datedRange, len(d.Headings))
	} else {
		dated = buf[:len(d.Headings)]
	}
	var title *Heading // the name: entries are not compared through it
	if len(d.Headings) > 0 && d.Headings[0].Level == 1 {
		title = d.Headings[0]
	}
	for i, h := range d.Headings {
		if i == 0 && h.Level == 1 || h.SectionKind() != cvmodel.SectionUnknown {
			continue // the name, or a section title
		}
		if r, ok := entryRange(d, pr, h); ok {
			dated[i] = datedRange{r, true}
		}
	}
	// The entries of all sections in one list, each with its section, and
	// the sections in order of their first entry: a CV has a few of each,
	// fewer than maps are worth.
	type entry struct {
		h       *Heading
		level   int
		section *Heading
	}
	var entryBuf [32]entry
	var orderBuf [8]*Heading
	entries, order := entryBuf[:0], orderBuf[:0]
	for _, h := range d.Headings {
		r, ok := dated[h.index].r, dated[h.index].ok
		if !ok {
			continue
		}
		section := sectionOf(h)
		top, nested := h, false
		for a := h.Parent; a != nil && a != section && a != title; a = a.Parent {
			if da := dated[a.index]; da.ok {
				nested = dates.Within(r, da.r, now)
				break
			}
			top = a
		}
		if nested {
			continue
		}
		if !slices.Contains(order, section) {
			order = append(order, section)
		}
		entries = append(entries, entry{h, top.Level, section})
	}
	for _, section := range order {
		// count[l] is the number of the section's entries at level l (1
		// to 6).
		var count [7]int
		first := 0
		for _, e := range entries {
			if e.section == section {
				if first == 0 {
					first = e.level
				}
				count[e.level]++
			}
		}
		distinct := 0
		for _, n := range count {
			if n > 0 {
				distinct++
			}
		}
		if distinct < 2 {
			continue
		}
		levels := make([]int, 0, distinct)
		for l, n := range count {
			if n > 0 {
				levels = append(levels, l)
			}
		}
		sort.Slice(levels, func(i, j int) bool {
			a, b := levels[i], levels[j]
			if count[a] != count[b] {
				return count[a] > count[b]
			}
			if (a == first) != (b == first) {
				return a == first
			}
			return a < b
		})
		usual := levels[0]
		where := "the CV"
		if section != nil {
			where = fmt.Sprintf("%q", section.Text)
		}
		for _, e := range entries {
			if e.section != section || e.level == usual {
				continue
			}
			others := "other entries of %s are"
			if count[usual] == 1 {
				others = "other entry of %s is"
			}
			p.Report(Finding{Start: e.h.Start, End: e.h.End, Message: fmt.Sprintf(
				"entry %q is at level %d while the %d "+fmt.Sprintf(others, where)+" at level %d: entries of the same kind belong at the same level",
				e.h.Text, e.level, count[usual], usual)})
		}
	}
}

// sectionOf is the nearest ancestor heading that names a section, or nil.
func sectionOf(h *Heading) *Heading {
	for a := h.Parent; a != nil; a = a.Parent {
		if a.SectionKind() != cvmodel.SectionUnknown {
			return a
		}
	}
	return nil
}

// checkPseudoHeadings reports a paragraph that is only a bold run, or only
// capitals, naming a known section: a title no parser sees.
func checkPseudoHeadings(p *Pass) {
	d := p.Doc
	level := sectionLevel(d)
	for n := d.AST.FirstChild(); n != nil; n = n.NextSibling() {
		para, ok := n.(*ast.Paragraph)
		if !ok || para.Lines().Len() != 1 {
			continue
		}
		title, how := pseudoHeadingTitle(para, d.Source)
		if title == "" || cvmodel.ClassifyHeading(title) == cvmodel.SectionUnknown {
			continue
		}
		s, e := blockSpan(para, d.Source)
		// Keep a trailing comment (a directive, say) on the line.
		if i := strings.Index(string(d.Source[s:e]), "<!--"); i >= 0 {
			e = s + i
			for e > s && d.Source[e-1] == ' ' {
				e--
			}
		}
		repl := strings.Repeat("#", level) + " " + title
		p.Report(Finding{Start: s, End: e,
			Message: fmt.Sprintf("%s line %q used as a section heading: write it as a heading (`%s`) so parsers and readers see the section", how, title, repl),
			Fix:     &Fix{Edits: []Edit{{Start: s, End: e, New: repl}}}})
	}
}

// pseudoHeadingTitle returns the title of a one-line paragraph that is a
// single bold run ("**Experience**", "**Skills:**") or all capitals
// ("EXPERIENCE"), and how it is written.
func pseudoHeadingTitle(para *ast.Paragraph, src []byte) (string, string) {
	var strong *ast.Emphasis
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			if c.Level != 2 || strong != nil {
				return "", ""
			}
			strong = c
		case *ast.Text:
			if t := bytes.TrimSpace(c.Segment.Value(src)); len(t) > 0 && string(t) != ":" {
				strong = nil
				goto caps
			}
		case *ast.RawHTML:
		default:
			return "", ""
		}
	}
	if strong != nil {
		return strings.TrimRight(strings.TrimSpace(InlineText(strong, src)), " :"), "bold"
	}
caps:
	t := strings.TrimRight(strings.TrimSpace(InlineText(para, src)), " :")
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 3 && upper == letters && fieldsAtMost(t, maxTitleWords) {
		return t, "all-caps"
	}
	return "", ""
}

// sectionLevel is the level most section headings use, 2 when none does.
func sectionLevel(d *Document) int {
	var count [7]int // by heading level, 1 to 6
	best, bestN := 2, 0
	for _, h := range d.Headings {
		if h.SectionKind() == cvmodel.SectionUnknown {
			continue
		}
		count[h.Level]++
		if count[h.Level] > bestN {
			best, bestN = h.Level, count[h.Level]
		}
	}
	return best
}
