package cvmodel

import (
	"cmp"
	"slices"

	"github.com/cvlint/cvlint/rules/dates"
)

// Group is a list of sibling entries that are compared with each other:
// the top-level career entries, the top-level entries of another section,
// or the children of one entry.
type Group struct {
	Name    string // "experience", "education", …, or the parent's label
	Section *Section
	Parent  *Entry
	Entries []*Entry
}

// Groups returns the sibling groups of the timeline, career first.
func (t *Timeline) Groups() []Group {
	out := make([]Group, 0, len(t.Sections)+2)
	for g := range t.groups {
		out = append(out, g)
	}
	return out
}

// groups yields the groups of Groups, in its order, without a list.
func (t *Timeline) groups(yield func(Group) bool) {
	if c := t.CareerEntries(); len(c) > 0 {
		if !yield(Group{Name: "experience", Entries: c}) {
			return
		}
	}
	for _, s := range t.Sections {
		// The career sections are in the first group; an unknown section
		// that is not one (a list of grants, of talks) is compared with
		// nothing.
		if s.Career || s.Kind == SectionUnknown || len(s.Entries) == 0 {
			continue
		}
		if !yield(Group{Name: s.Kind.String(), Section: s, Entries: s.Entries}) {
			return
		}
	}
	for _, e := range t.Entries {
		if len(e.Children) > 1 {
			if !yield(Group{Name: e.Label(), Section: e.Section, Parent: e, Entries: e.Children}) {
				return
			}
		}
	}
}

// orderGroups yields the groups of groups, the career group split by
// section: each section is a list of its own, so a "Freelance" or "Board
// positions" section written after the jobs is not out of their order.
func (t *Timeline) orderGroups(yield func(Group) bool) {
	for g := range t.groups {
		if g.Parent != nil || g.Name != "experience" {
			if !yield(g) {
				return
			}
			continue
		}
		for i := 0; i < len(g.Entries); {
			j := i + 1
			for j < len(g.Entries) && g.Entries[j].Section == g.Entries[i].Section {
				j++
			}
			if !yield(Group{Name: g.Name, Section: g.Entries[i].Section, Entries: g.Entries[i:j]}) {
				return
			}
			i = j
		}
	}
}

// careerGroup reports whether overlaps matter in g: the working life and
// the missions or roles under a job.
func (g Group) careerGroup() bool {
	if g.Parent != nil {
		return g.Parent.Kind.Career() && g.Parent.Section.Career
	}
	return g.Name == "experience"
}

// Overlap is two sibling entries whose ranges share more months than the
// tolerance allows.
type Overlap struct {
	A, B   *Entry // B starts later (or, starting together, comes later in the document)
	Months int
}

// Overlaps returns the overlapping siblings among career entries. Entries
// for which concurrent returns true (volunteering, teaching…) may run
// alongside others; a child is never compared with its parent.
func (t *Timeline) Overlaps(now dates.Date, tolerance int, concurrent func(*Entry) bool) []Overlap {
	var out []Overlap
	var seen map[*Entry]int // made at the first overlap
	// Spans and the concurrent test are worked out once per entry: every
	// pair is compared below. One list serves every group.
	type item struct {
		e     *Entry
		r     dates.Range
		first int
		last  int
		skip  bool
	}
	var buf [16]item
	items := buf[:0]
	for g := range t.groups {
		if !g.careerGroup() {
			continue
		}
		if cap(items) < len(g.Entries) {
			items = make([]item, len(g.Entries))
		}
		items = items[:len(g.Entries)]
		for i, e := range g.Entries {
			r, _, ok := e.Span()
			items[i] = item{e: e, r: r, skip: !ok || concurrent(e)}
			if !items[i].skip {
				items[i].first, items[i].last = r.Months(now)
			}
		}
		for i := range items {
			a := items[i].e
			ra := items[i].r
			if items[i].skip {
				continue
			}
			for j := i + 1; j < len(items); j++ {
				b, rb := items[j].e, items[j].r
				// Ranges that do not even touch cannot overlap: the cheap
				// test spares OverlapMonths and the ancestry walk.
				if items[j].skip || items[j].first > items[i].last || items[j].last < items[i].first {
					continue
				}
				if a.IsAncestorOf(b) || b.IsAncestorOf(a) {
					continue
				}
				if seen[a] >= MaxOverlapsPerEntry && seen[b] >= MaxOverlapsPerEntry {
					continue
				}
				if m := dates.OverlapMonths(ra, rb, now); m > tolerance {
					if seen == nil {
						seen = map[*Entry]int{}
					}
					seen[a]++
					seen[b]++
					if dates.Compare(rb.Start, ra.Start) < 0 {
						out = append(out, Overlap{A: b, B: a, Months: m})
						continue
					}
					out = append(out, Overlap{A: a, B: b, Months: m})
				}
			}
		}
	}
	return out
}

// MaxOverlapsPerEntry bounds the overlaps reported for a pair whose two
// entries have both been reported that often: a real CV never comes near
// it, and a generated file of thousands of jobs must not yield millions.
const MaxOverlapsPerEntry = 5

// Gap is a stretch of months between consecutive career entries that no
// entry (nor any education) covers.
type Gap struct {
	Before, After *Entry // Before ends the covered stretch, After resumes it
	Months        int
	// From and To are the first and last month of the gap, counted as in
	// dates.Date.FirstMonth.
	From, To int
}

// Gaps returns the gaps longer than threshold months between the
// top-level career entries, once education and the entries of a teaching
// section are taken into account.
func (t *Timeline) Gaps(now dates.Date, threshold int) []Gap {
	type span struct {
		e           *Entry
		first, last int
	}
	career := t.CareerEntries()
	work := make([]span, 0, len(career))
	var school []span
	for _, e := range career {
		if r, _, ok := e.Span(); ok {
			f, l := r.Months(now)
			work = append(work, span{e, f, l})
		}
	}
	for _, e := range t.Entries {
		if e.Kind != KindEducation && (e.Parent != nil || e.Section.Kind != SectionTeaching) {
			continue
		}
		if r, _, ok := e.Span(); ok {
			f, l := r.Months(now)
			school = append(school, span{e, f, l})
		}
	}
	slices.SortStableFunc(work, func(a, b span) int { return cmp.Compare(a.first, b.first) })
	var out []Gap
	if len(work) == 0 {
		return nil
	}
	end, endEntry := work[0].last, work[0].e
	for _, w := range work[1:] {
		if w.first > end+1 {
			// Months end+1 … w.first-1 are uncovered by work; take out
			// those spent studying and keep the longest stretch left.
			longest, lf, lt := 0, 0, 0
			run, rf := 0, 0
			for m := end + 1; m < w.first; m++ {
				studying := false
				for _, s := range school {
					if m >= s.first && m <= s.last {
						studying = true
						break
					}
				}
				if studying {
					run = 0
					continue
				}
				if run == 0 {
					rf = m
				}
				run++
				if run > longest {
					longest, lf, lt = run, rf, m
				}
			}
			if longest > threshold {
				out = append(out, Gap{Before: endEntry, After: w.e, Months: longest, From: lf, To: lt})
			}
		}
		if w.last > end {
			end, endEntry = w.last, w.e
		}
	}
	return out
}

// Direction is the order a group's entries are written in.
type Direction int

const (
	Unordered   Direction = iota // fewer than two dated entries, or all equal
	NewestFirst                  // reverse-chronological, as recruiters expect
	OldestFirst                  // chronological, consistently
	Mixed                        // no consistent order
)

func (d Direction) String() string {
	return [...]string{"unordered", "newest first", "oldest first", "mixed"}[d]
}

// Order is how one group is ordered and, when mixed, which entries break
// the order most of it follows.
type Order struct {
	Group     Group
	Direction Direction
	// Majority is the order most entries follow when Direction is Mixed.
	Majority Direction
	Breaks   []*Entry
	// Dated are the group's entries that have a span, in document order.
	Dated []*Entry
}

// compareEntries orders by start, then by end (an open end is latest).
func compareEntries(a, b *Entry) int {
	ra, _, _ := a.Span()
	rb, _, _ := b.Span()
	return compareRanges(&ra, &rb)
}

func compareRanges(ra, rb *dates.Range) int {
	if c := dates.Compare(ra.Start, rb.Start); c != 0 {
		return c
	}
	ea, eb := ra.End, rb.End
	switch {
	case ra.EndKind == dates.Present && rb.EndKind == dates.Present:
		return 0
	case ra.EndKind == dates.Present:
		return 1
	case rb.EndKind == dates.Present:
		return -1
	case ra.EndKind == dates.Missing || rb.EndKind == dates.Missing:
		return 0
	}
	return dates.Compare(ea, eb)
}

// Orders returns the order of every group with at least two dated entries.
func (t *Timeline) Orders() []Order {
	out := []Order{}
	for g := range t.orderGroups {
		// Dated is made only for a group with two dated entries.
		n := 0
		for _, e := range g.Entries {
			if _, _, ok := e.Span(); ok {
				n++
			}
		}
		if n < 2 {
			continue
		}
		o := Order{Group: g, Dated: make([]*Entry, 0, n)}
		for _, e := range g.Entries {
			if _, _, ok := e.Span(); ok {
				o.Dated = append(o.Dated, e)
			}
		}
		up, down := 0, 0
		for i := 1; i < len(o.Dated); i++ {
			switch compareEntries(o.Dated[i-1], o.Dated[i]) {
			case -1:
				up++
			case 1:
				down++
			}
		}
		switch {
		case up == 0 && down == 0:
			o.Direction = Unordered
		case up == 0:
			o.Direction = NewestFirst
		case down == 0:
			o.Direction = OldestFirst
		default:
			o.Direction = Mixed
			keepDown := longestMonotone(o.Dated, 1)
			keepUp := longestMonotone(o.Dated, -1)
			keep, maj := keepDown, NewestFirst
			if countTrue(keepUp) > countTrue(keepDown) {
				keep, maj = keepUp, OldestFirst
			}
			o.Majority = maj
			for i, k := range keep {
				if !k {
					o.Breaks = append(o.Breaks, o.Dated[i])
				}
			}
		}
		out = append(out, o)
	}
	return out
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// longestMonotone marks the entries of a longest subsequence in which
// every step compares as sign or 0 (sign 1: newest first).
func longestMonotone(es []*Entry, sign int) []bool {
	n := len(es)
	// Spans are computed once: the loop below compares every pair.
	spans := make([]dates.Range, n)
	for i, e := range es {
		spans[i], _, _ = e.Span()
	}
	best := make([]int, n)
	prev := make([]int, n)
	end := 0
	for i := range es {
		best[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if c := compareRanges(&spans[j], &spans[i]); (c == sign || c == 0) && best[j]+1 > best[i] {
				best[i], prev[i] = best[j]+1, j
			}
		}
		// Prefer the latest end on ties, so the entry that breaks the
		// order is the one that moved, not its neighbour.
		if best[i] >= best[end] {
			end = i
		}
	}
	keep := make([]bool, n)
	for i := end; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}
