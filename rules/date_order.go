package rules

import (
	"fmt"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// DateOrder reports entries written in no consistent order.
var DateOrder = Register(&Rule{
	ID:       "date-order",
	Title:    "entries in no consistent chronological order",
	Severity: Warning,
	Requires: []*Analysis{TimelineAnalysis},
	Doc: Doc{
		Why: "Recruiters expect the newest entry first and read down through time. An entry out of place (an old job " +
			"between two recent ones) reads as a mistake or hides the career's shape. A CV written consistently oldest first " +
			"is reported once, as info: it is consistent, but most readers look for the current job at the top.",
		Bad:  "### Gamma — Lead\n*2019 – Present*\n\n### Alpha — Intern\n*2008 – 2009*\n\n### Beta — Engineer\n*2012 – 2019*",
		Good: "### Gamma — Lead\n*2019 – Present*\n\n### Beta — Engineer\n*2012 – 2019*\n\n### Alpha — Intern\n*2008 – 2009*",
	},
	Run: runDateOrder,
})

func runDateOrder(p *Pass) {
	tl := TimelineOf(p)
	toldChronological := false
	for _, o := range tl.Orders() {
		if undatedSection(o.Group) {
			continue
		}
		where := "the " + o.Group.Name + " entries"
		if o.Group.Parent != nil {
			where = "the entries under «" + o.Group.Parent.Label() + "»"
		}
		switch o.Direction {
		case cvmodel.OldestFirst:
			if toldChronological || onlyOngoingRise(o.Dated) {
				continue
			}
			toldChronological = true
			e := o.Dated[0]
			p.Report(Finding{Start: e.Start, End: e.End, Severity: Info, Message: fmt.Sprintf(
				"%s run oldest first, from %s; that is consistent, but most recruiters look for the current job at the top", where, quoteEntry(e))})
		case cvmodel.Mixed:
			for _, e := range o.Breaks {
				if ongoingLead(o.Dated, e) {
					continue
				}
				prev, next := neighbours(o.Dated, e)
				p.Report(Finding{Start: e.Start, End: e.End, Message: fmt.Sprintf(
					"%s breaks the %s order of %s%s", quoteEntry(e), o.Majority, where, between(prev, next))})
			}
		}
	}
}

// undatedSection reports a group of skills, languages or interests: a
// year there (`Kubernetes (2019)`) says since when, not a chronology.
func undatedSection(g cvmodel.Group) bool {
	if g.Parent != nil || g.Section == nil {
		return false
	}
	switch g.Section.Kind {
	case cvmodel.SectionSkills, cvmodel.SectionLanguages, cvmodel.SectionInterests:
		return true
	}
	return false
}

func ongoing(e *cvmodel.Entry) bool {
	r, _, ok := e.Span()
	return ok && r.EndKind == dates.Present
}

// ongoingLead reports an entry that runs to the present among the
// current ones at the top: their order is the author's choice.
func ongoingLead(es []*cvmodel.Entry, e *cvmodel.Entry) bool {
	if !ongoing(e) {
		return false
	}
	for _, x := range es {
		if x == e {
			return true
		}
		if !ongoing(x) {
			return false
		}
	}
	return false
}

// onlyOngoingRise reports entries that look oldest first only because
// two entries running to the present are written by start date.
func onlyOngoingRise(es []*cvmodel.Entry) bool {
	for i := 1; i < len(es); i++ {
		a, _, _ := es[i-1].Span()
		b, _, _ := es[i].Span()
		same := dates.Compare(a.Start, b.Start) == 0 && dates.Compare(a.End, b.End) == 0 && a.EndKind == b.EndKind
		if !same && !(ongoing(es[i-1]) && ongoing(es[i])) {
			return false
		}
	}
	return true
}

func neighbours(es []*cvmodel.Entry, e *cvmodel.Entry) (prev, next *cvmodel.Entry) {
	for i, x := range es {
		if x == e {
			if i > 0 {
				prev = es[i-1]
			}
			if i+1 < len(es) {
				next = es[i+1]
			}
		}
	}
	return prev, next
}

func between(prev, next *cvmodel.Entry) string {
	switch {
	case prev != nil && next != nil:
		return fmt.Sprintf(": it sits between %s and %s", quoteEntry(prev), quoteEntry(next))
	case prev != nil:
		return fmt.Sprintf(": it comes after %s", quoteEntry(prev))
	case next != nil:
		return fmt.Sprintf(": it comes before %s", quoteEntry(next))
	}
	return ""
}
