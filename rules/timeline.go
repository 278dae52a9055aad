package rules

import (
	"strings"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// TimelineAnalysis builds the CV model once per file: sections, entries,
// nesting and date ranges (see package cvmodel). It reads the prose view
// so that dates are never taken from a URL, a code span or an HTML
// comment, and emphasis marks are already gone.
var TimelineAnalysis = &Analysis{
	Name:     "timeline",
	Requires: []*Analysis{ProseAnalysis},
	Run: func(d *Document) any {
		pr := d.Result(ProseAnalysis).(*Prose)
		return cvmodel.Build(cvmodel.Input{
			Source: d.Source,
			Text:   pr.Text,
			AST:    d.AST,
			Plain:  d.Plain,
			Skip:   d.FrontMatter.End,
			// The document's line index has found the lines already.
			LineStarts: d.Lines.starts,
			// The document's headings are classified once for the model
			// and the rules.
			HeadingKind: d.headingKind,
		})
	},
}

// TimelineOf returns the CV model of the pass's document.
func TimelineOf(p *Pass) *cvmodel.Timeline {
	return p.ResultOf(TimelineAnalysis).(*cvmodel.Timeline)
}

// BuildTimeline returns the CV model of a parsed document, for the
// timeline command and tests.
func BuildTimeline(d *Document) *cvmodel.Timeline {
	return d.Result(TimelineAnalysis).(*cvmodel.Timeline)
}

// TimelineOptions are the date rules' settings, as the timeline command
// shows them.
type TimelineOptions struct {
	Tolerance  int      // date-overlap tolerance-months
	Concurrent []string // date-overlap concurrent
	GapMonths  int      // employment-gap months
}

// TimelineOptionsFrom resolves the date rules' options from settings.
func TimelineOptionsFrom(s Settings) TimelineOptions {
	pass := func(r *Rule) *Pass { return &Pass{Rule: r, options: s.Options[r.ID]} }
	return TimelineOptions{
		Tolerance:  pass(DateOverlap).IntOption("tolerance-months"),
		Concurrent: pass(DateOverlap).StringsOption("concurrent"),
		GapMonths:  pass(EmploymentGap).IntOption("months"),
	}
}

// IsConcurrent reports whether an entry's kind may overlap others.
func (o TimelineOptions) IsConcurrent(e *cvmodel.Entry) bool {
	k := e.Kind.String()
	for _, c := range o.Concurrent {
		if strings.EqualFold(strings.TrimSpace(c), k) {
			return true
		}
	}
	return false
}

// rangeText shows an entry's range as written, or as derived from its
// children.
func rangeText(e *cvmodel.Entry) string {
	r, derived, ok := e.Span()
	switch {
	case !ok:
		return "no date"
	case derived:
		return r.String()
	}
	return strings.Join(strings.Fields(r.Text), " ")
}

// quoteEntry names an entry with its range for messages: «Acme — Dev» (2019 – 2021).
func quoteEntry(e *cvmodel.Entry) string {
	return "«" + e.Label() + "» (" + rangeText(e) + ")"
}

// monthString renders a month index (see dates.Date.FirstMonth) as YYYY-MM.
func monthString(m int) string {
	return dates.MonthDate(m).String()
}
