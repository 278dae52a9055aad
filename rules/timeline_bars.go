package rules

import (
	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// timelineBars flattens the CV model for reports that draw it (the HTML
// report's chart): every dated entry in document order, with its depth and
// whether it overlaps a sibling beyond the configured tolerance.
func timelineBars(doc *Document, s Settings) []TimelineBar {
	tl := BuildTimeline(doc)
	opts := TimelineOptionsFrom(s)
	now := dates.FromTime(s.Now)
	overlapping := map[*cvmodel.Entry]bool{}
	for _, o := range tl.Overlaps(now, opts.Tolerance, opts.IsConcurrent) {
		overlapping[o.A], overlapping[o.B] = true, true
	}
	var bars []TimelineBar
	for _, e := range tl.Entries {
		r, _, ok := e.Span()
		if !ok || r.Problem != "" || r.EndBeforeStart() {
			continue
		}
		first, last := r.Months(now)
		depth := 0
		for p := e.Parent; p != nil; p = p.Parent {
			depth++
		}
		section := ""
		if e.Section != nil {
			section = e.Section.Kind.String()
		}
		bars = append(bars, TimelineBar{
			Label:    e.Label(),
			Section:  section,
			Kind:     e.Kind.String(),
			Line:     e.Line,
			Depth:    depth,
			Start:    first,
			End:      last,
			Open:     r.EndKind == dates.Present,
			Overlaps: overlapping[e],
		})
	}
	return bars
}
