// Package dates owns the date grammar of cvlint: it finds and parses the
// dates and date ranges written in CVs, in English and French, and does the
// month arithmetic the timeline rules need (overlaps, gaps, order).
//
// It knows nothing of Markdown, sections or rules: it takes a line or a
// paragraph of text and returns byte offsets into it.
//
// # What is a date
//
// Every date expression contains a year of four (or, for a typo, five)
// digits. Around it the grammar accepts:
//
//   - a bare year, 1900–2100: "2015";
//   - numeric forms, all glued: "01/2015", "1/2015", "01.2015", "01-2015",
//     "2015/01", "2015-01", "2015.01", "2019-03-12", "12/03/2019", "12.03.2019";
//   - month names and abbreviations in both languages, in any case, with or
//     without dot or accent: "Sept. 2025", "févr. 2020", "aout 2019",
//     "March 12, 2019", "12 mars 2019", "1er mars 2019", "March 1st, 2019";
//   - seasons: "Summer 2021", "été 2021" (see seasonWords for the months);
//   - ranges joined by – — - -- -> → or by to, until, till, through, à, au,
//     jusqu'à, optionally introduced by from/de/du/d' (then any separator),
//     between/entre (then also and/et);
//   - a shared year: "Jan – Mar 2020", "janvier - mars 2020", "du 1er mars au
//     30 juin 2019", "du 3 au 5 mars 2019"; a start month later than the end
//     month means the year before ("Nov – Feb 2020" starts in November 2019);
//   - academic years: "2019/2020", "2015-16", "2019–21";
//   - open ends: "– Present", "to date", "à ce jour", "en cours", "depuis
//     2018", "since March 2019" (EndKind Present), and a separator with
//     nothing after it, "2024 –" (EndKind Missing).
//
// Numeric dates with three fields are read day first (DD/MM/YYYY), as in
// French and most of the world, unless the middle field cannot be a month
// and the first can (03/25/2019 is then read as MM/DD/YYYY, format key
// "MM/DD/YYYY"). "2010-11" is November 2010, not the academic year 2010–11;
// only a two-digit end that cannot be a month makes a short range.
//
// # What is not a date
//
// Numbers without a four-digit year (versions, scores, phone numbers,
// counts) never match. A bare four-digit number is a date only between 1900
// and 2100, and not when it is glued to a letter or to other digits
// ("v2019", "123-4567", "27001:2013"), after a quantity word or a product
// name ("over 2000", "Windows 2000"), or before a unit ("2000 users",
// "2000 €"). Out-of-range years are reported, not dropped, only in clear
// date context: after a month or season name ("Mar 20019"), in a numeric
// form ("06/20019"), or in a range of years ("1850 – 1860").
//
// Invalid dates that are clearly meant as dates are returned with Problem
// set ("month 13 does not exist"); nothing is guessed. An end before its
// start is returned as written: see Range.EndBeforeStart.
//
// Not understood, on purpose or for now: two-digit years ("Jan '19",
// "01/19"), an end that borrows the start's year ("Dec 2019 – Jan"),
// quarters ("Q1 2020"), and "début 2020" / "fin 2019", which yield the bare
// year.
//
// # Comparing dates of different granularities
//
// "2019" covers January to December 2019 and "Mar 2019" covers March only.
// Comparisons happen at the coarser granularity of the two dates compared
// (Compare), and the span helpers count only what is certain (OverlapMonths,
// GapMonths), so "2019 – 2022" then "2022 – 2023" share a boundary year
// without overlapping, and "2019 – 2020" then "2021 – 2022" leave no gap.
// Day precision is kept in Date but month is the unit of all arithmetic.
package dates

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Granularity is how precisely a date was written.
type Granularity uint8

// Granularities, coarsest first; the zero value means "no date".
const (
	Year Granularity = iota + 1
	Month
	Day
)

func (g Granularity) String() string {
	switch g {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "none"
}

// Date is a calendar date known to the given granularity: Month and Day
// are zero when coarser.
//
// The fields are as narrow as what they hold (a year has at most five
// digits as written, a month or a day two): a Date is 8 bytes, and every
// Range, entry and date of the CV model holds two.
type Date struct {
	Year       int32
	Month, Day int8
	Gran       Granularity
}

// date makes a Date of the numbers the parser read: a year of at most
// five digits, a month and a day of at most two.
func date(year, month, day int, g Granularity) Date {
	return Date{Year: int32(year), Month: int8(month), Day: int8(day), Gran: g}
}

// MonthDate is the month m, counted as FirstMonth counts: months since
// January of year 0.
func MonthDate(m int) Date {
	return date(m/12, m%12+1, 0, Month)
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d.Gran == 0 }

// FirstMonth is the first month d covers, counted in months since January
// of year 0 (January for a bare year).
func (d Date) FirstMonth() int {
	if d.Gran == Year {
		return int(d.Year) * 12
	}
	return int(d.Year)*12 + int(d.Month) - 1
}

// LastMonth is the last month d covers (December for a bare year).
func (d Date) LastMonth() int {
	if d.Gran == Year {
		return int(d.Year)*12 + 11
	}
	return int(d.Year)*12 + int(d.Month) - 1
}

// String renders d as ISO 8601 at its own granularity: 2019, 2019-03, 2019-03-12.
func (d Date) String() string {
	switch d.Gran {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// FromTime returns t as a month-granular Date, the usual "now" for Months
// and the span helpers.
func FromTime(t time.Time) Date {
	return date(t.Year(), int(t.Month()), 0, Month)
}

// Compare compares a and b at the coarser of their granularities, so
// "2019" equals "Mar 2019" and "Mar 2019" equals "2019-03-12". It returns
// -1, 0 or +1.
func Compare(a, b Date) int {
	g := min(a.Gran, b.Gran)
	x, y := [3]int32{a.Year, int32(a.Month), int32(a.Day)}, [3]int32{b.Year, int32(b.Month), int32(b.Day)}
	for i := 0; i < int(g); i++ {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// EndKind says how a Range ends.
type EndKind uint8

const (
	// Single is a lone date, not a range: End == Start.
	Single EndKind = iota
	// Closed is a range with an end date (a season is a Closed range of months).
	Closed
	// Present is an open range still going: "– Present", "depuis 2018".
	Present
	// Missing is a range whose end was left out: "2019 –". The
	// missing-date rule reports it; it is not a valid open range.
	Missing
)

func (k EndKind) String() string {
	switch k {
	case Single:
		return "single"
	case Closed:
		return "closed"
	case Present:
		return "present"
	case Missing:
		return "missing"
	}
	return fmt.Sprintf("EndKind(%d)", int(k))
}

// Range is one date expression found in text: a single date or a range.
type Range struct {
	// Start is the first date; End is the last one for Closed ranges,
	// a copy of Start for Single, and zero for Present and Missing.
	Start, End Date
	EndKind    EndKind
	// Pos and EndPos are the byte offsets of the whole expression in the
	// text given to Find or Parse, including words like "depuis" or "from".
	Pos, EndPos int
	// Text is the matched text, s[Pos:EndPos].
	Text string
	// Format is a normalised key of how the start (or, for a shared year,
	// the end) is written, for the date-format rule: "YYYY", "MM/YYYY",
	// "MM.YYYY", "MM-YYYY", "YYYY/MM", "YYYY-MM", "YYYY.MM", "DD/MM/YYYY",
	// "DD.MM.YYYY", "DD-MM-YYYY", "MM/DD/YYYY", "YYYY-MM-DD", "YYYY/MM/DD",
	// "Mon YYYY", "Month YYYY", "Mon D, YYYY", "Month D, YYYY", "D Mon YYYY",
	// "D Month YYYY", "Season YYYY". Zero padding and a dot after an
	// abbreviation do not change the key.
	Format string
	// Problem is set when the expression is meant as a date but is
	// invalid: "month 13 does not exist", "year 20019 is not plausible".
	// Several problems are joined by "; ". The dates then hold the numbers
	// as written, except that an impossible month is 0; do not use them
	// for arithmetic.
	Problem string
}

// String renders r compactly for tests and debugging: "2019-03..2021",
// "2018..present", "2024..?", "2015".
func (r Range) String() string {
	switch r.EndKind {
	case Single:
		return r.Start.String()
	case Closed:
		return r.Start.String() + ".." + r.End.String()
	case Present:
		return r.Start.String() + "..present"
	case Missing:
		return r.Start.String() + "..?"
	}
	return r.Start.String() + "..invalid"
}

// last is the date the range runs to: End, now for Present, Start for
// Single and Missing (nothing is claimed past what is written).
func (r Range) last(now Date) Date {
	switch r.EndKind {
	case Closed:
		return r.End
	case Present:
		return now
	}
	return r.Start
}

// Months returns the widest span r may cover, in months since year 0
// (see Date.FirstMonth): from the first month of Start to the last month
// of End. Present resolves to now; a Missing end covers only its start.
func (r Range) Months(now Date) (first, last int) {
	return r.Start.FirstMonth(), r.last(now).LastMonth()
}

// certain returns the span r covers for sure: a year-only start may be
// December, a year-only end may be January. The span is empty (hi < lo)
// for a lone year.
func (r Range) certain(now Date) (lo, hi int) {
	return r.Start.LastMonth(), r.last(now).FirstMonth()
}

// EndBeforeStart reports whether a Closed range ends before it starts,
// compared at the coarser granularity ("2020 – Mar 2020" is fine).
func (r Range) EndBeforeStart() bool {
	return r.EndKind == Closed && Compare(r.End, r.Start) < 0
}

// OverlapMonths returns how many months a and b certainly share: each
// year-only boundary is taken at its most favourable month (a start in
// December, an end in January). So "2019 – 2022" and "2022 – 2023" share
// 0 months, "2006 – 2008" and "2007 – 2011" share 2 (Dec 2007 – Jan 2008),
// and month ranges count inclusively: "Jan – Mar 2020" and "Mar – Jun 2020"
// share 1 month, which a tolerance of one month absorbs. A lone year
// ("2020") certainly covers no particular month, so it overlaps nothing.
func OverlapMonths(a, b Range, now Date) int {
	alo, ahi := a.certain(now)
	blo, bhi := b.certain(now)
	return max(0, min(ahi, bhi)-max(alo, blo)+1)
}

// GapMonths returns how many months certainly lie between a and b, in
// either order: both ranges are taken at their widest (a year-only end is
// December, a year-only start is January). So "2019 – 2020" then
// "2021 – 2022" leave no gap, "2019 – 2020" then "Mar 2021" leave 2 months
// (January and February 2021), and "Jan – Mar 2020" then "Jun 2020" leave 2.
// Overlapping ranges have a gap of 0.
func GapMonths(a, b Range, now Date) int {
	af, al := a.Months(now)
	bf, bl := b.Months(now)
	return max(0, bf-al-1, af-bl-1)
}

// Within reports whether inner lies inside outer, boundaries compared at
// the coarser granularity: a mission "Mar 2019 – Jun 2020" is within its
// employer's "2019 – 2022". A Present outer contains any inner that does
// not start before it.
func Within(inner, outer Range, now Date) bool {
	if Compare(inner.Start, outer.Start) < 0 {
		return false
	}
	if outer.EndKind == Present {
		return true
	}
	return Compare(inner.last(now), outer.last(now)) <= 0
}

// ErrNoDate is returned (wrapped) by Parse when the text is not exactly
// one date expression.
var ErrNoDate = errors.New("not a date expression")

var parsers = sync.Pool{New: func() any { return &parser{t: make([]token, 0, 64)} }}

// Find returns every date expression in s, left to right and not
// overlapping. s is a line or a paragraph; lines without four digits in a
// row are rejected without allocating.
func Find(s string) []Range {
	return FindAppend(nil, s)
}

// FindAppend appends the date expressions of s to out, as Find returns
// them, and returns the extended slice: a caller that reads many lines
// reuses one buffer.
func FindAppend(out []Range, s string) []Range {
	if !hasYearDigits(s) {
		return out
	}
	p := parsers.Get().(*parser)
	p.s = s
	tokenize(p, s)
	out = p.findAppend(out)
	release(p)
	return out
}

// A Finder is FindAppend for a caller that reads many lines in a row: it
// keeps one parser from the first line with a year to Release, rather
// than taking it from the pool for each line. The zero Finder is ready;
// it is not safe for concurrent use.
type Finder struct{ p *parser }

// FindAppend is FindAppend.
func (f *Finder) FindAppend(out []Range, s string) []Range {
	if !hasYearDigits(s) {
		return out
	}
	if f.p == nil {
		f.p = parsers.Get().(*parser)
	}
	f.p.s = s
	tokenize(f.p, s)
	return f.p.findAppend(out)
}

// FindAppendBytes is FindAppend for a caller that holds its text as
// bytes, without copying it into a string: the ranges found are the same
// but their Text is left empty, for the caller to make from
// s[Pos:EndPos] the strings it keeps, and only those.
func (f *Finder) FindAppendBytes(out []Range, s []byte) []Range {
	if !hasYearDigits(s) {
		return out
	}
	if f.p == nil {
		f.p = parsers.Get().(*parser)
	}
	f.p.s = ""
	tokenize(f.p, s)
	return f.p.findAppend(out)
}

// Release gives the parser back; the Finder may be used again after.
func (f *Finder) Release() {
	if f.p != nil {
		release(f.p)
		f.p = nil
	}
}

// findAppend appends the expressions of the tokenized text to out.
func (p *parser) findAppend(out []Range) []Range {
	for i := 0; i < len(p.t); {
		if r, j, ok := p.expr(i); ok {
			out = append(out, r)
			i = j
			continue
		}
		i++
	}
	return out
}

func release(p *parser) {
	p.s = ""
	if cap(p.t) <= 1024 { // a huge paragraph must not stay pinned in the pool
		parsers.Put(p)
	}
}

// Parse parses s, which must be exactly one date expression. Surrounding
// spaces, parentheses, brackets, quotes, emphasis marks and a final
// period or comma are allowed.
func Parse(s string) (Range, error) {
	if !hasYearDigits(s) {
		return Range{}, fmt.Errorf("%q: %w", s, ErrNoDate)
	}
	p := parsers.Get().(*parser)
	defer release(p)
	p.s = s
	tokenize(p, s)
	lo, hi := 0, len(p.t)-1
	for lo <= hi && p.t[lo].kind == tPunct && isWrapper(p.t[lo].r) {
		lo++
	}
	for hi >= lo && p.t[hi].kind == tPunct && (isWrapper(p.t[hi].r) || p.t[hi].r == '.' || p.t[hi].r == ',') {
		hi--
	}
	if lo > hi {
		return Range{}, fmt.Errorf("%q: %w", s, ErrNoDate)
	}
	r, j, ok := p.expr(lo)
	if !ok || j <= hi {
		return Range{}, fmt.Errorf("%q: %w", s, ErrNoDate)
	}
	return r, nil
}

func isWrapper(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '*', '_', '"', '\'', '«', '»', '“', '”', '‘', '’', '`':
		return true
	}
	return false
}
