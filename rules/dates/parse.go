package dates

import (
	"fmt"
	"strings"
)

// parser holds the tokens of one text; it is pooled so Find does not
// allocate on lines that turn out to hold no date.
type parser struct {
	// s is the text of the tokens when it is a string, for Range.Text;
	// empty for bytes (see Finder.FindAppendBytes).
	s string
	t []token
}

var eof = token{kind: tEOF, sp: true, lex: -1}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.t) {
		return &eof
	}
	return &p.t[i]
}

// point is one end of a range as written.
type point struct {
	lo, hi  Date // equal except for a season
	format  string
	problem string
	noYear  bool // "Jan", "12 mars": usable only as the start of a shared-year range
	bare    bool // a lone year: needs more checks before it counts as a date
	nd      int  // digits of the year, for bare years
}

func plausible(y int) bool { return 1900 <= y && y <= 2100 }

// yearTok reports whether t can be a year: four digits, or five for a typo.
func yearTok(t *token) bool {
	return t.kind == tNum && (t.nd == 4 || t.nd == 5) && t.num >= 1000
}

// typoYear: a five-digit number is taken as a mistyped year only when it
// starts like one (20019, 19987), never 27001.
func typoYear(t *token) bool {
	return t.nd == 5 && (t.num/1000 == 19 || t.num/1000 == 20)
}

func yearProblem(y int) string {
	if plausible(y) {
		return ""
	}
	return fmt.Sprintf("year %d is not plausible", y)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var monthEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// dayProblem checks d against its month; the year is not known for a
// shared-year start, in which case y is 0 and 29 February passes.
func dayProblem(d, m, y int) string {
	switch {
	case d < 1 || d > 31:
		return fmt.Sprintf("day %d does not exist", d)
	case m >= 1 && m <= 12 && y == 0 && m == 2 && d == 29:
		return ""
	case m >= 1 && m <= 12 && d > daysIn(y, m):
		return fmt.Sprintf("day %d does not exist in %s %d", d, monthEN[m], y)
	}
	return ""
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || a == b:
		return a
	}
	return a + "; " + b
}

func isNumSep(t *token) bool {
	return t.kind == tPunct && (t.r == '/' || t.r == '.' || t.r == '-')
}

func sepFormat(r rune, f string) string {
	// Format keys are constants so Find does not allocate for them.
	switch f {
	case "MM/YYYY":
		switch r {
		case '.':
			return "MM.YYYY"
		case '-':
			return "MM-YYYY"
		}
	case "YYYY/MM":
		switch r {
		case '.':
			return "YYYY.MM"
		case '-':
			return "YYYY-MM"
		}
	case "DD/MM/YYYY":
		switch r {
		case '.':
			return "DD.MM.YYYY"
		case '-':
			return "DD-MM-YYYY"
		}
	case "MM/DD/YYYY":
		switch r {
		case '.':
			return "MM.DD.YYYY"
		case '-':
			return "MM-DD-YYYY"
		}
	case "YYYY/MM/DD":
		switch r {
		case '.':
			return "YYYY.MM.DD"
		case '-':
			return "YYYY-MM-DD"
		}
	}
	return f
}

// endpoint parses one date at token i and returns the index after it.
func (p *parser) endpoint(i int) (point, int, bool) {
	t := p.tok(i)
	switch {
	case t.kind == tNum && t.nd <= 2:
		return p.smallNumber(i)
	case yearTok(t):
		return p.yearFirst(i)
	case t.is(rMonth):
		return p.monthFirst(i)
	case t.is(rSeason):
		return p.season(i)
	}
	return point{}, i, false
}

// smallNumber parses dates that start with a day or a month number.
func (p *parser) smallNumber(i int) (point, int, bool) {
	a, s1, b, s2, c := p.tok(i), p.tok(i+1), p.tok(i+2), p.tok(i+3), p.tok(i+4)
	glued := !s1.sp && !b.sp
	// DD/MM/YYYY
	if glued && isNumSep(s1) && b.kind == tNum && b.nd <= 2 && s2.kind == tPunct && s2.r == s1.r &&
		!s2.sp && !c.sp && yearTok(c) && (plausible(c.num) || typoYear(c)) {
		d, m, f := a.num, b.num, "DD/MM/YYYY"
		if m > 12 && d >= 1 && d <= 12 {
			d, m, f = m, d, "MM/DD/YYYY"
		}
		pt := point{format: sepFormat(s1.r, f), problem: yearProblem(c.num)}
		if m < 1 || m > 12 {
			pt.problem = join(fmt.Sprintf("month %d does not exist", m), pt.problem)
			m = 0
		} else {
			pt.problem = join(dayProblem(d, m, c.num), pt.problem)
		}
		pt.lo = date(c.num, m, d, Day)
		pt.hi = pt.lo
		return pt, i + 5, true
	}
	// MM/YYYY
	if glued && isNumSep(s1) && yearTok(b) && (plausible(b.num) || typoYear(b)) {
		m := a.num
		pt := point{format: sepFormat(s1.r, "MM/YYYY"), problem: yearProblem(b.num)}
		if m < 1 || m > 12 {
			// "0.2015" or "15.2019" are more likely numbers than typos.
			if a.nd != 2 || s1.r == '.' || !plausible(b.num) {
				return point{}, i, false
			}
			pt.problem = fmt.Sprintf("month %d does not exist", m)
			m = 0
		}
		pt.lo = date(b.num, m, 0, Month)
		pt.hi = pt.lo
		return pt, i + 3, true
	}
	// 12 mars 2019, 1er mars 2019, 12th March, 2019; without a year only
	// as the start of a shared-year range.
	j := i + 1
	if o := p.tok(j); !o.sp && o.is(rOrdinal) {
		j++
	}
	m := p.tok(j)
	if !m.is(rMonth) {
		// A lone day starts a range within one month: "du 3 au 5 mars 2019".
		if a.num < 1 || a.num > 31 {
			return point{}, i, false
		}
		pt := point{noYear: true}
		pt.lo = date(0, 0, a.num, Day)
		pt.hi = pt.lo
		return pt, j, true
	}
	j = p.skipAbbrevDot(j + 1)
	le := lex[m.lex]
	f := "D Month YYYY"
	if le.abbr {
		f = "D Mon YYYY"
	}
	k := j
	if p.tok(k).punct(',') {
		k++
	}
	if y := p.tok(k); yearTok(y) {
		pt := point{format: f, problem: join(dayProblem(a.num, int(le.month), y.num), yearProblem(y.num))}
		pt.lo = date(y.num, int(le.month), a.num, Day)
		pt.hi = pt.lo
		return pt, k + 1, true
	}
	pt := point{format: f, noYear: true, problem: dayProblem(a.num, int(le.month), 0)}
	pt.lo = date(0, int(le.month), a.num, Day)
	pt.hi = pt.lo
	return pt, j, true
}

func (p *parser) skipAbbrevDot(j int) int {
	if d := p.tok(j); d.punct('.') && !d.sp {
		return j + 1
	}
	return j
}

// yearFirst parses dates that start with the year: ISO forms and bare years.
func (p *parser) yearFirst(i int) (point, int, bool) {
	y, s1, b, s2, c := p.tok(i), p.tok(i+1), p.tok(i+2), p.tok(i+3), p.tok(i+4)
	if plausible(y.num) || typoYear(y) {
		if isNumSep(s1) && !s1.sp && b.kind == tNum && b.nd <= 2 && !b.sp {
			// YYYY-MM-DD
			if s2.kind == tPunct && s2.r == s1.r && !s2.sp && c.kind == tNum && c.nd <= 2 && !c.sp {
				pt := point{format: sepFormat(s1.r, "YYYY/MM/DD"), problem: yearProblem(y.num)}
				m, d := b.num, c.num
				if m < 1 || m > 12 {
					pt.problem = join(fmt.Sprintf("month %d does not exist", m), pt.problem)
					m = 0
				} else {
					pt.problem = join(dayProblem(d, m, y.num), pt.problem)
				}
				pt.lo = date(y.num, m, d, Day)
				pt.hi = pt.lo
				return pt, i + 5, true
			}
			// YYYY-MM; anything else after the separator is left to the range
			// parser ("2015-16" is an academic year).
			if b.num >= 1 && b.num <= 12 {
				pt := point{format: sepFormat(s1.r, "YYYY/MM"), problem: yearProblem(y.num)}
				pt.lo = date(y.num, b.num, 0, Month)
				pt.hi = pt.lo
				return pt, i + 3, true
			}
		}
	}
	pt := point{format: "YYYY", bare: true, nd: y.nd}
	pt.lo = date(y.num, 0, 0, Year)
	pt.hi = pt.lo
	return pt, i + 1, true
}

// monthFirst parses "Sept. 2025", "March, 2019", "March 12, 2019",
// "March 1st 2019" and, for a shared year, a lone "Jan".
func (p *parser) monthFirst(i int) (point, int, bool) {
	le := lex[p.tok(i).lex]
	j := p.skipAbbrevDot(i + 1)
	k := j
	if p.tok(k).punct(',') {
		k++
	}
	f := "Month YYYY"
	if le.abbr {
		f = "Mon YYYY"
	}
	if y := p.tok(k); yearTok(y) && (y.nd == 4 || typoYear(y)) {
		pt := point{format: f, problem: yearProblem(y.num)}
		pt.lo = date(y.num, int(le.month), 0, Month)
		pt.hi = pt.lo
		return pt, k + 1, true
	}
	if d := p.tok(j); d.kind == tNum && d.nd <= 2 {
		k := j + 1
		if o := p.tok(k); !o.sp && o.is(rOrdinal) {
			k++
		}
		if p.tok(k).punct(',') {
			k++
		}
		if y := p.tok(k); yearTok(y) && (y.nd == 4 || typoYear(y)) {
			f := "Month D, YYYY"
			if le.abbr {
				f = "Mon D, YYYY"
			}
			pt := point{format: f, problem: join(dayProblem(d.num, int(le.month), y.num), yearProblem(y.num))}
			pt.lo = date(y.num, int(le.month), d.num, Day)
			pt.hi = pt.lo
			return pt, k + 1, true
		}
	}
	pt := point{format: f, noYear: true}
	pt.lo = date(0, int(le.month), 0, Month)
	pt.hi = pt.lo
	return pt, j, true
}

func (p *parser) season(i int) (point, int, bool) {
	le := lex[p.tok(i).lex]
	k := i + 1
	if p.tok(k).punct(',') {
		k++
	}
	pt := point{format: "Season YYYY"}
	pt.lo = date(0, int(le.from), 0, Month)
	pt.hi = date(0, int(le.to), 0, Month)
	if y := p.tok(k); yearTok(y) && (y.nd == 4 || typoYear(y)) {
		pt.lo.Year, pt.hi.Year = int32(y.num), int32(y.num)
		pt.problem = yearProblem(y.num)
		return pt, k + 1, true
	}
	pt.noYear = true
	return pt, i + 1, true
}

// expr parses the date expression starting at token i, if any, and
// returns the index after it.
func (p *parser) expr(i int) (Range, int, bool) {
	t := p.tok(i)
	switch {
	case t.is(rSince):
		j := i + 1
		if p.tok(j).is(rArticle) {
			j++
		}
		a, k, ok := p.endpoint(j)
		if !ok || a.noYear || a.bare && !p.bareOK(j, k) || p.junkRight(k) {
			return Range{}, i, false
		}
		r := p.rangeOf(i, k, a.lo, Date{}, Present, a.format, a.problem)
		return r, k, true
	case t.is(rFrom | rBetween):
		j := i + 1
		if p.tok(j).is(rArticle) {
			j++
		}
		r, k, ranged, ok := p.body(i, j, t.is(rBetween))
		// "from 2019" alone: let the scanner find "2019" by itself.
		if !ok || !ranged {
			return Range{}, i, false
		}
		return r, k, true
	case t.kind == tNum || t.kind == tWord:
		if t.kind == tNum && p.junkLeft(i) {
			return Range{}, i, false
		}
		r, k, _, ok := p.body(i, i, false)
		return r, k, ok
	}
	return Range{}, i, false
}

// body parses "A [sep (B | open end | nothing)]" at token j; the matched
// text starts at token start (a prefix word, or j itself). ranged reports
// whether a separator was consumed.
func (p *parser) body(start, j int, between bool) (r Range, next int, ranged, ok bool) {
	a, k, ok := p.endpoint(j)
	if !ok {
		return Range{}, start, false, false
	}
	if s, ok := p.sep(k, a, between); ok {
		if r, m, ok := p.closed(start, j, a, s); ok {
			return r, m, true, true
		}
		if a.noYear {
			return Range{}, start, false, false
		}
		// An open end is date context enough to report a year like 1899;
		// a dangling separator is not.
		problem, openOK := a.problem, true
		if a.bare {
			y := p.tok(j)
			switch {
			case !plausible(y.num) && typoish(y):
				problem = yearProblem(y.num)
			case !plausible(y.num) || p.stopBefore(j):
				openOK = false
			}
		}
		if m, ok := p.openEnd(s); ok && openOK {
			return p.rangeOf(start, m, a.lo, Date{}, Present, a.format, problem), m, true, true
		}
		if m, ok := p.nothingAfter(s); ok && (!a.bare || p.bareOK(j, k)) {
			return p.rangeOf(start, m, a.lo, Date{}, Missing, a.format, a.problem), m, true, true
		}
	}
	if a.noYear || a.bare && !p.bareOK(j, k) || p.junkRight(k) {
		return Range{}, start, false, false
	}
	if a.lo != a.hi { // a season
		return p.rangeOf(start, k, a.lo, a.hi, Closed, a.format, a.problem), k, false, true
	}
	return p.rangeOf(start, k, a.lo, a.lo, Single, a.format, a.problem), k, false, true
}

// closed tries "A sep B" with B starting at token s.
func (p *parser) closed(start, j int, a point, s int) (Range, int, bool) {
	b, m, ok := p.endpoint(s)
	if ok && b.noYear {
		ok = false
	}
	if !ok {
		// Short academic years: "2015-16", "2019–21", "2019/20".
		y := p.tok(j)
		n := p.tok(s)
		if a.bare && y.nd == 4 && n.kind == tNum && n.nd == 2 && n.num > y.num%100 && !p.junkRight(s+1) &&
			!p.tok(s+1).is(rMonth) && plausible(y.num) {
			end := date(y.num-y.num%100+n.num, 0, 0, Year)
			return p.rangeOf(start, s+1, a.lo, end, Closed, a.format, ""), s + 1, true
		}
		return Range{}, start, false
	}
	if p.junkRight(m) {
		return Range{}, start, false
	}
	problem := join(a.problem, b.problem)
	switch {
	case a.noYear:
		// Shared year: the start takes the end's year, or the year before
		// when its month comes later ("Nov – Feb 2020").
		if b.bare {
			return Range{}, start, false
		}
		if a.lo.Month == 0 { // a lone day takes the month and year of the end
			if b.lo.Gran != Day || a.lo.Day >= b.lo.Day {
				return Range{}, start, false
			}
			a.lo.Month = b.lo.Month
		}
		y := b.lo.Year
		if a.lo.Month > b.lo.Month {
			y--
		}
		a.lo.Year, a.hi.Year = y, y
		if a.lo.Gran == Day {
			problem = join(dayProblem(int(a.lo.Day), int(a.lo.Month), int(y)), b.problem)
		}
		return p.rangeOf(start, m, a.lo, b.hi, Closed, b.format, problem), m, true
	case a.bare && b.bare:
		ya, yb := p.tok(j), p.tok(s)
		if !plausible(ya.num) || !plausible(yb.num) {
			if !implausibleRangeOK(ya, yb, p.tok(s-1)) {
				return Range{}, start, false
			}
			problem = join(yearProblem(ya.num), yearProblem(yb.num))
		} else if p.stopAfter(m) || p.stopBefore(j) {
			return Range{}, start, false
		}
	case a.bare:
		if !plausible(int(a.lo.Year)) {
			if !typoish(p.tok(j)) {
				return Range{}, start, false
			}
			problem = join(yearProblem(int(a.lo.Year)), problem)
		}
	case b.bare:
		if !plausible(int(b.lo.Year)) {
			if !typoish(p.tok(s)) {
				return Range{}, start, false
			}
			problem = join(problem, yearProblem(int(b.lo.Year)))
		}
	}
	return p.rangeOf(start, m, a.lo, b.hi, Closed, a.format, problem), m, true
}

// typoish: a year out of range that still reads as a year in date context.
func typoish(t *token) bool {
	return t.nd == 4 || typoYear(t)
}

// implausibleRangeOK decides whether a range of bare numbers with an
// out-of-range year is still clearly a range of years: "1850 – 1860" or
// "2019 – 20019" are, "1090-2018" (a standard) or "27001-2013" are not.
func implausibleRangeOK(a, b, sep *token) bool {
	near := func(t *token) bool { return t.nd == 4 && t.num >= 1800 && t.num < 2200 }
	if near(a) && near(b) {
		d := a.num - b.num
		return -100 <= d && d <= 100
	}
	glued := sep.punct('-') && !sep.sp
	if glued {
		return false
	}
	return plausible(a.num) && typoYear(b) || plausible(b.num) && typoYear(a)
}

// sep parses a range separator at k and returns the index after it.
func (p *parser) sep(k int, a point, between bool) (int, bool) {
	t := p.tok(k)
	switch {
	case t.kind == tDash, t.punct('-'):
		return k + 1, true
	case t.punct('/'):
		// Only between two bare years: "2019/2020", "2019 / 2020", "2019/20".
		n := p.tok(k + 1)
		return k + 1, a.bare && n.kind == tNum && (n.nd == 4 || n.nd == 2)
	case t.is(rSep):
		return k + 1, true
	case t.is(rAnd):
		return k + 1, between
	}
	return k, false
}

// openEnd matches "present", "à ce jour", "to date"… at k.
func (p *parser) openEnd(k int) (int, bool) {
	if m, ok := p.openPhrase(k); ok {
		return m, true
	}
	if p.tok(k).is(rConnector) {
		return p.openPhrase(k + 1)
	}
	return k, false
}

func (p *parser) openPhrase(k int) (int, bool) {
	best := -1
	for _, ph := range openEndIDs {
		if k+len(ph) <= best {
			continue
		}
		ok := true
		for n, id := range ph {
			if t := p.tok(k + n); t.kind != tWord || t.lex != id {
				ok = false
				break
			}
		}
		if ok {
			best = k + len(ph)
		}
	}
	if best < 0 {
		return k, false
	}
	if lexWords[p.tok(best-1).lex] == "auj" {
		return p.skipAbbrevDot(best), true
	}
	return best, true
}

// nothingAfter reports whether a separator at s-1 is followed only by
// closing marks up to the end of the text or of a field: "2019 –",
// "(2019 - )", "*2019 –*", "2019 – | Paris". Marks of an unknown end
// ("2019 – ?", "2019 - ...") belong to the expression; end is after them.
func (p *parser) nothingAfter(s int) (end int, ok bool) {
	end = s
	for end < len(p.t) && p.t[end].kind == tPunct && strings.ContainsRune("?….", p.t[end].r) {
		end++
	}
	for ; s < len(p.t); s++ {
		t := &p.t[s]
		if t.kind != tPunct {
			return s, false
		}
		switch t.r {
		case ')', ']', '}', '*', '_', '`', '"', '»', '”', '.', '?', '…':
			continue
		case '|', ',', ';', '·', '•':
			return end, true
		}
		return s, false
	}
	return end, true
}

// junkLeft reports whether the number at i is glued to something that makes
// it part of another token: a word ("v2019", "FY2020"), a digit group
// ("123-4567", "9001:2015", "1.2019") or a currency or sign.
func (p *parser) junkLeft(i int) bool {
	t, prev := p.tok(i), p.tok(i-1)
	if t.sp || prev.kind == tEOF {
		return false
	}
	switch prev.kind {
	case tWord:
		return true
	case tPunct:
		switch prev.r {
		case '.', ',', ':', '/', '-':
			pp := p.tok(i - 2)
			return pp.kind == tNum && !prev.sp
		case '#', '$', '€', '£', '+', '~', '°', '§', '×', '@':
			return true
		}
	}
	return false
}

// junkRight is junkLeft for the token after an expression.
func (p *parser) junkRight(k int) bool {
	last, t := p.tok(k-1), p.tok(k)
	if last.kind != tNum || t.sp || t.kind == tEOF {
		return false
	}
	switch t.kind {
	case tWord:
		return true
	case tPunct:
		switch t.r {
		case '.', ',', ':', '/', '-':
			n := p.tok(k + 1)
			return n.kind == tNum && !n.sp
		case '%', '+', '€', '$', '£', '°', '×', '@':
			return true
		}
	}
	return false
}

// bareOK decides whether a lone year (tokens j..k-1) is a date.
func (p *parser) bareOK(j, k int) bool {
	return plausible(p.tok(j).num) && p.tok(j).nd == 4 && !p.stopBefore(j) && !p.stopAfter(k)
}

func (p *parser) stopBefore(j int) bool {
	prev := p.tok(j - 1)
	if prev.is(rStopBefore) {
		return true
	}
	return prev.kind == tPunct && strings.ContainsRune("#$€£+~><≈×°§", prev.r)
}

func (p *parser) stopAfter(k int) bool {
	next := p.tok(k)
	if next.is(rStopAfter) {
		return true
	}
	return next.kind == tPunct && strings.ContainsRune("%€$£+×°", next.r)
}

// text is s[pos:end] of a string input, "" for bytes.
func (p *parser) text(pos, end int) string {
	if p.s == "" {
		return ""
	}
	return p.s[pos:end]
}

func (p *parser) rangeOf(i, k int, start, end Date, kind EndKind, format, problem string) Range {
	pos, endPos := p.tok(i).pos, p.tok(k-1).end
	return Range{
		Start: start, End: end, EndKind: kind,
		Pos: pos, EndPos: endPos, Text: p.text(pos, endPos),
		Format: format, Problem: problem,
	}
}
