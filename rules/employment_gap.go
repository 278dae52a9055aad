package rules

import (
	"fmt"

	"github.com/cvlint/cvlint/rules/dates"
)

// EmploymentGap reports long stretches between consecutive jobs.
var EmploymentGap = Register(&Rule{
	ID:       "employment-gap",
	Title:    "a long gap between consecutive jobs",
	Severity: Info,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "Recruiters notice a gap of months between two jobs and will ask about it. A gap is nothing to hide, " +
			"but a line saying what filled it (a degree, a sabbatical, a family leave, a project) answers the question before it is asked. " +
			"Gaps covered by education, or inside an employer's range, are not reported.",
		Bad:  "### Beta Corp — Engineer\n*Jun 2020 – Present*\n\n### Acme Corp — Developer\n*2016 – Mar 2019*",
		Good: "### Beta Corp — Engineer\n*Jun 2020 – Present*\n\n### Sabbatical — travel and open-source work\n*Apr 2019 – May 2020*\n\n### Acme Corp — Developer\n*2016 – Mar 2019*",
		Options: []Option{
			{Name: "months", Default: 6, Help: "report gaps longer than this many months"},
		},
	},
	Run: runEmploymentGap,
})

func runEmploymentGap(p *Pass) {
	tl := TimelineOf(p)
	for _, g := range tl.Gaps(dates.FromTime(p.Now), p.IntOption("months")) {
		p.Report(Finding{Start: g.After.Start, End: g.After.End, Message: fmt.Sprintf(
			"%s gap (%s to %s) between %s and %s",
			countOf(g.Months, "month"), monthString(g.From), monthString(g.To), quoteEntry(g.Before), quoteEntry(g.After))})
	}
}
