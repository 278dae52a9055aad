package rules

import (
	"fmt"
	"strings"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// InvalidDate reports dates that cannot be right.
var InvalidDate = Register(&Rule{
	ID:       "invalid-date",
	Title:    "a date that cannot be right",
	Severity: Error,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "A range that ends before it starts, a 13th month, a job starting in the future or in the year 20019 is a typo a recruiter " +
			"sees at once, and it makes every other date doubtful. `Present`, `aujourd’hui`, `en cours` and a future end date " +
			"(a fixed-term contract) are fine.",
		Bad:  "### Acme Corp — Developer\n*2021 – 2018*\n\n### Beta Corp — Engineer\n*13/2019 – Mar 20019*",
		Good: "### Acme Corp — Developer\n*2018 – 2021*\n\n### Beta Corp — Engineer (fixed-term)\n*Dec 2019 – Mar 2027*",
	},
	Run: runInvalidDate,
})

// earliestCareerYear is the first year a job or degree of a living
// person's CV can plausibly start.
const earliestCareerYear = 1950

// squeezeDate is strings.Join(strings.Fields(s), " ").
func squeezeDate(s string) string { return strings.Join(strings.Fields(s), " ") }

func runInvalidDate(p *Pass) {
	tl := TimelineOf(p)
	now := dates.FromTime(p.Now)
	for _, d := range tl.Dates {
		if d.Range.Problem != "" {
			p.Report(Finding{Start: d.Start, End: d.End, Message: fmt.Sprintf("invalid date %q: %s", squeezeDate(d.Range.Text), d.Range.Problem)})
			continue
		}
		e := d.Entry
		if e == nil {
			continue
		}
		r := d.Range
		switch {
		case r.EndBeforeStart():
			p.Report(Finding{Start: d.Start, End: d.End, Message: fmt.Sprintf(
				"the range %q of «%s» ends (%s) before it starts (%s)", squeezeDate(r.Text), e.Label(), r.End, r.Start)})
		case dates.Compare(r.Start, now) > 0 && !(r.EndKind == dates.Single && (e.Kind == cvmodel.KindEducation || e.Kind == cvmodel.KindCertification || e.Kind == cvmodel.KindProject)):
			p.Report(Finding{Start: d.Start, End: d.End, Message: fmt.Sprintf(
				"«%s» starts in the future (%s, today is %s)", e.Label(), r.Start, now)})
		case r.Start.Year < earliestCareerYear && (e.Kind.Career() || e.Kind == cvmodel.KindEducation):
			p.Report(Finding{Start: d.Start, End: d.End, Message: fmt.Sprintf(
				"year %d cannot be right for «%s» (a %s): check for a typo", r.Start.Year, e.Label(), e.Kind)})
		}
	}
}
