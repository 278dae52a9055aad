package rules

import (
	"fmt"

	"github.com/cvlint/cvlint/rules/dates"
)

// DateOverlap reports two jobs (or two missions of one job) held at the
// same time.
var DateOverlap = Register(&Rule{
	ID:       "date-overlap",
	Title:    "two entries whose dates overlap",
	Severity: Warning,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "Two full-time jobs at once make a recruiter doubt the dates, or the CV. Usually one date is a typo; " +
			"when the overlap is real, say so: nest the mission under its employer, or mark the entry as part-time, freelance, teaching or volunteering. " +
			"A mission nested under its employer never overlaps it; year-only ranges that share a boundary year (`2019 – 2022`, `2022 – 2023`) and month ranges that touch do not overlap. " +
			"The kinds allowed to run alongside a job are read from the entry's words (`part-time`, `temps partiel`, `freelance`, `bénévole`, `chargé de cours`…); board seats (`non-executive director`, `trustee`, `administrateur indépendant`) count as part-time. Only the career sections are compared: a dated line under `Professional memberships` or `Affiliations` (`IEEE, member since 2015`) is a membership, not a job.",
		Bad:  "### Acme Corp — Developer\n*2006 – 2008*\n\n### Beta Corp — Engineer\n*2007 – 2011*",
		Good: "### Acme Corp — Developer\n*2006 – 2008*\n\n### Beta Corp — Engineer\n*2008 – 2011*\n\n### Chargé de cours, Université de Lyon (bénévole)\n*2007 – 2010*",
		Options: []Option{
			{Name: "tolerance-months", Default: 1, Help: "months two entries may share before it counts as an overlap"},
			{Name: "concurrent", Default: []string{"volunteering", "teaching", "part-time", "freelance"},
				Choices: []string{"job", "mission", "internship", "volunteering", "teaching", "part-time", "freelance", "project", "education", "certification", "other"},
				Help:    "entry kinds that may run alongside others"},
		},
	},
	Run: runDateOverlap,
})

func runDateOverlap(p *Pass) {
	tl := TimelineOf(p)
	opts := TimelineOptions{Tolerance: p.IntOption("tolerance-months"), Concurrent: p.StringsOption("concurrent")}
	for _, o := range tl.Overlaps(dates.FromTime(p.Now), opts.Tolerance, opts.IsConcurrent) {
		p.Report(Finding{Start: o.B.Start, End: o.B.End, Message: fmt.Sprintf(
			"%s overlaps %s by %s", quoteEntry(o.B), quoteEntry(o.A), countOf(o.Months, "month"))})
	}
}

func countOf(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
