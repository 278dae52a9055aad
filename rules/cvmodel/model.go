package cvmodel

import (
	"strings"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules/dates"
)

// Timeline is what cvlint understood of a CV: its sections in order, the
// entries in them with their nesting, and every date expression found.
type Timeline struct {
	Sections []*Section
	// Entries lists every entry, parents and children, in document order.
	Entries []*Entry
	// Dates lists every date expression found in the text, in order,
	// including those that belong to no entry (a birth date, a year in a
	// sentence).
	Dates []*DateRef
}

// Section is a titled part of the CV. Entries written before the first
// title belong to an implicit section of kind SectionUnknown.
// Its small fields come first, sharing a word.
type Section struct {
	Kind SectionKind
	// Implicit marks the section of the entries before the first title.
	Implicit bool
	// Career says whether the section's entries feed the career checks
	// (overlaps, gaps, the order of the working life): see the package
	// documentation.
	Career bool
	Title  string
	// Start, End is the title's span; both are zero for the implicit
	// first section.
	Start, End int
	Line       int
	// Level is the heading level, 0 for a bold, all-caps or plain-text
	// title and for the implicit section.
	Level int
	// Entries are the section's top-level entries; their children hang
	// from them.
	Entries []*Entry
}

// Source says how an entry was written.
type Source uint8

const (
	FromHeading Source = iota
	FromBoldLine
	FromListItem
	FromTableRow
	FromLine // a paragraph line, or a line of a plain-text CV
)

func (s Source) String() string {
	return [...]string{"heading", "bold line", "list item", "table row", "line"}[s]
}

// EntryKind is what an entry records. Its String is the name the
// date-overlap rule's "concurrent" option uses.
type EntryKind uint8

const (
	KindJob EntryKind = iota
	KindMission
	KindEducation
	KindInternship
	KindVolunteering
	KindTeaching
	KindPartTime
	KindFreelance
	KindProject
	KindCertification
	KindOther
)

var kindNames = [...]string{"job", "mission", "education", "internship", "volunteering", "teaching", "part-time", "freelance", "project", "certification", "other"}

func (k EntryKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "other"
}

// Career reports whether an entry of this kind is part of the working
// life the overlap, gap and order rules reason about.
func (k EntryKind) Career() bool {
	switch k {
	case KindEducation, KindProject, KindCertification, KindOther:
		return false
	}
	return true
}

// Entry is one job, mission, school, project or similar item. Its small
// fields come first, sharing a word.
type Entry struct {
	Kind   EntryKind
	Source Source
	// HasDate says whether Date holds the entry's own date; DateStart and
	// DateEnd locate it in the source (on the title line or the next).
	HasDate bool
	depth   int32
	Title   string
	Section *Section
	// Start, End is the span of the line that names the entry.
	Start, End         int
	Line               int
	Date               dates.Range
	DateStart, DateEnd int
	DateLine           int
	// Parent is the employer a mission belongs to; Children are the
	// missions or roles under an entry.
	Parent   *Entry
	Children []*Entry
	// Text is the folded text of the title line (see Fold), for rules
	// that look for words such as "same period".
	Text string
	// fold is " " + Text + " ", for whole-word matches.
	fold string
}

// Span returns the range the entry covers: its own date, or else the
// union of its children's ranges (an employer heading whose missions
// carry the dates). ok is false when neither gives one.
func (e *Entry) Span() (r dates.Range, derived, ok bool) {
	if e.HasDate {
		return e.Date, false, true
	}
	first := true
	for _, c := range e.Children {
		cr, _, cok := c.Span()
		if !cok || cr.EndKind == dates.Missing {
			continue
		}
		if first {
			r = dates.Range{Start: cr.Start, End: cr.End, EndKind: cr.EndKind}
			if r.EndKind == dates.Single {
				r.EndKind = dates.Closed
			}
			first = false
			continue
		}
		if cr.Start.FirstMonth() < r.Start.FirstMonth() {
			r.Start = cr.Start
		}
		switch {
		case cr.EndKind == dates.Present:
			r.EndKind, r.End = dates.Present, dates.Date{}
		case r.EndKind != dates.Present && cr.End.LastMonth() > r.End.LastMonth():
			r.End = cr.End
		}
	}
	if first {
		return dates.Range{}, false, false
	}
	r.Text = r.String()
	return r, true, true
}

// Label is a short name of the entry for messages: its title cut to about
// 60 characters.
func (e *Entry) Label() string {
	t := e.Title
	if t == "" {
		t = "(untitled entry)"
	}
	if len(t) > 60 && utf8.RuneCountInString(t) > 60 {
		r := []rune(t)
		t = strings.TrimSpace(string(r[:57])) + "…"
	}
	return t
}

// IsAncestorOf reports whether e contains o, directly or not.
func (e *Entry) IsAncestorOf(o *Entry) bool {
	for p := o.Parent; p != nil; p = p.Parent {
		if p == e {
			return true
		}
	}
	return false
}

// DateRef is one date expression found in the text.
type DateRef struct {
	Range dates.Range
	// Start, End locate the expression in the source.
	Start, End int
	Line       int
	// Entry is the entry the date belongs to, if any.
	Entry *Entry
	// Birth marks a date of birth ("né le 12/03/1985", "born 1985"),
	// which is no entry's date.
	Birth bool
	// Founded marks the year a company was founded ("groupe familial
	// fondé en 1985", "founded in 1985"), no entry's date either.
	Founded bool
}

// CareerEntries returns the top-level entries of the working life: those
// of a career kind in the sections that feed the career checks
// (Section.Career): the experience sections, and the untitled or unknown
// sections that hold jobs (see the package documentation).
func (t *Timeline) CareerEntries() []*Entry {
	n := 0
	for _, s := range t.Sections {
		if s.Career {
			n += len(s.Entries)
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]*Entry, 0, n)
	for _, s := range t.Sections {
		if !s.Career {
			continue
		}
		for _, e := range s.Entries {
			if e.Kind.Career() {
				out = append(out, e)
			}
		}
	}
	return out
}
