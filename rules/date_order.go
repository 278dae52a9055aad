package rules

import (
	"fmt"

	"github.com/cvlint/cvlint/rules/cvmodel"
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
		where := "the " + o.Group.Name + " entries"
		if o.Group.Parent != nil {
			where = "the entries under «" + o.Group.Parent.Label() + "»"
		}
		switch o.Direction {
		case cvmodel.OldestFirst:
			if toldChronological {
				continue
			}
			toldChronological = true
			e := o.Dated[0]
			p.Report(Finding{Start: e.Start, End: e.End, Severity: Info, Message: fmt.Sprintf(
				"%s run oldest first, from %s; that is consistent, but most recruiters look for the current job at the top", where, quoteEntry(e))})
		case cvmodel.Mixed:
			for _, e := range o.Breaks {
				prev, next := neighbours(o.Dated, e)
				p.Report(Finding{Start: e.Start, End: e.End, Message: fmt.Sprintf(
					"%s breaks the %s order of %s%s", quoteEntry(e), o.Majority, where, between(prev, next))})
			}
		}
	}
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
