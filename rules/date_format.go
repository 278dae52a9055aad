package rules

import (
	"fmt"
	"strings"
)

// DateFormat reports CVs that write dates in several ways.
var DateFormat = Register(&Rule{
	ID:       "date-format",
	Title:    "several date formats mixed in one CV",
	Severity: Info,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "`2006/01` for one job, `Jan 2006` for the next and `01-2006` for a third look careless, and make the timeline " +
			"harder to scan. Pick one format and use it throughout. Year-only dates and abbreviated or full month names " +
			"(`Sept. 2019`, `September 2019`) do not count as different formats.",
		Bad:  "### Acme Corp\n*2006/01 – 2008/12*\n\n### Beta Corp\n*Jan 2009 – Mar 2012*\n\n### Gamma\n*04-2012 – 06-2015*",
		Good: "### Acme Corp\n*Jan 2006 – Dec 2008*\n\n### Beta Corp\n*Jan 2009 – Mar 2012*\n\n### Gamma\n*Apr 2012 – Jun 2015*",
	},
	Run: runDateFormat,
})

// formatFamily merges formats that differ only by abbreviation; year-only
// dates and seasons belong to none.
func formatFamily(f string) string {
	switch f {
	case "", "YYYY", "Season YYYY":
		return ""
	}
	return strings.ReplaceAll(f, "Mon ", "Month ")
}

func runDateFormat(p *Pass) {
	tl := TimelineOf(p)
	type use struct {
		family, text string
		start, end   int
	}
	var uses []use
	count := map[string]int{}
	var order []string
	for _, e := range tl.Entries {
		if !e.HasDate {
			continue
		}
		f := formatFamily(e.Date.Format)
		if f == "" {
			continue
		}
		if count[f] == 0 {
			order = append(order, f)
		}
		count[f]++
		uses = append(uses, use{f, e.Date.Text, e.DateStart, e.DateEnd}) // squeezed when reported
	}
	if len(order) < 2 {
		return
	}
	main := order[0]
	for _, f := range order[1:] {
		if count[f] > count[main] {
			main = f
		}
	}
	var example string
	for _, u := range uses {
		if u.family == main {
			example = squeezeDate(u.text)
			break
		}
	}
	for _, u := range uses {
		if u.family == main {
			continue
		}
		p.Report(Finding{Start: u.start, End: u.end, Message: fmt.Sprintf(
			"date %q is written %s while most entries use %s (%q): use one format throughout", squeezeDate(u.text), u.family, main, example)})
	}
}
