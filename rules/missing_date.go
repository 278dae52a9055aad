package rules

import (
	"fmt"
	"strings"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// MissingDate reports experience and education entries a recruiter
// cannot place in time.
var MissingDate = Register(&Rule{
	ID:       "missing-date",
	Title:    "an experience or education entry without a date, or a range without an end",
	Severity: Warning,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "A recruiter reads a CV as a timeline: a job or a degree without dates cannot be placed, and looks like something to hide. " +
			"A range left open (`2019 –`) says neither \"still there\" nor when it ended: write `2019 – Present` or the end date. " +
			"A mission under an employer may go without dates only when the employer's range is given and the mission says it spans it (\"same period\", \"toute la durée\").",
		Bad:  "## Experience\n\n### Acme Corp — Developer\n\n### Beta Corp — Engineer\n*2019 –*",
		Good: "## Experience\n\n### Acme Corp — Developer\n*2016 – 2019*\n\n### Beta Corp — Engineer\n*2019 – Present*",
	},
	Run: runMissingDate,
})

// inheritWords say that a mission spans its employer's whole range.
var inheritWords = []string{"same period", "same dates", "whole period", "entire period", "full period", "throughout",
	"meme periode", "memes dates", "toute la duree", "toute la periode", "sur la meme periode", "idem"}

func saysInherits(fold string) bool {
	f := " " + fold + " "
	for _, w := range inheritWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

func runMissingDate(p *Pass) {
	tl := TimelineOf(p)
	for _, e := range tl.Entries {
		if e.HasDate {
			if e.Date.EndKind == dates.Missing {
				p.Report(Finding{Start: e.DateStart, End: e.DateEnd, Message: fmt.Sprintf(
					"the range %q of «%s» has no end: write \"%s – Present\" if it is still going, or its end date",
					strings.TrimSpace(e.Date.Text), e.Label(), e.Date.Start)})
			}
			continue
		}
		switch e.Section.Kind {
		case cvmodel.SectionExperience, cvmodel.SectionEducation:
		case cvmodel.SectionUnknown:
			if !e.Kind.Career() && e.Kind != cvmodel.KindEducation {
				continue
			}
		default:
			continue
		}
		if _, derived, ok := e.Span(); ok && derived {
			continue // an employer whose missions carry the dates
		}
		what := "entry"
		switch {
		case e.Kind == cvmodel.KindEducation:
			what = "education entry"
		case e.Parent != nil:
			what = "mission"
		case e.Section.Kind == cvmodel.SectionExperience:
			what = "job"
		}
		if par := e.Parent; par != nil && par.HasDate {
			if saysInherits(e.Text) {
				continue
			}
			p.Report(Finding{Start: e.Start, End: e.End, Message: fmt.Sprintf(
				"%s «%s» has no date; its employer %s gives a range: add the mission's own dates, or say it spans the whole period",
				what, e.Label(), quoteEntry(par))})
			continue
		}
		p.Report(Finding{Start: e.Start, End: e.End, Message: fmt.Sprintf(
			"%s «%s» has no date: a recruiter cannot place it; add when it started and ended (\"Mar 2019 – Present\")", what, e.Label())})
	}
}
