package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules"
)

// The HTML report is one self-contained file: the stylesheet and the
// sorting script are embedded and inlined, and a Content-Security-Policy
// forbids every external load. Everything that comes from a CV (paths,
// messages, source lines, suggestions, timeline labels) reaches the page
// only through html/template's contextual escaping, after the same
// sanitising as the text report, so a bidi override cannot reorder a line
// on screen either.

var (
	//go:embed html/report.tmpl
	htmlTemplateText string
	//go:embed html/report.css
	htmlCSS string
	//go:embed html/report.js
	htmlJS string

	htmlTemplate = template.Must(template.New("report").Parse(htmlTemplateText))
)

type htmlPage struct {
	Version string
	Counts  Counts
	Average int
	Files   []htmlFile
	CSS     template.CSS
	JS      template.JS
}

type htmlFile struct {
	ID                      string // anchor: cv-1, cv-2… (never derived from the path)
	Path                    string
	Error                   string
	Errors, Warnings, Infos int
	Tally                   string // "1 error · 3 warnings · 0 infos"
	Score                   int
	Grade                   string // good, fair, poor: the colour of the score
	Findings                []htmlFinding
	Chart                   *htmlChart
}

type htmlFinding struct {
	Line, Column  int
	Severity      string
	Rule, RuleURL string
	Message       string
	Excerpt       *htmlExcerpt
	HasSuggestion bool
	Suggestion    string // "" with HasSuggestion is a deletion
}

// htmlExcerpt is the finding's first line split around the finding.
type htmlExcerpt struct {
	Line                  int
	Before, Marked, After string
}

// HTML writes the report as one HTML page.
func HTML(w io.Writer, run *Run) error {
	page := htmlPage{
		Version: run.Version,
		Counts:  Summary(run),
		Average: AverageScore(run),
		CSS:     template.CSS(htmlCSS),
		JS:      template.JS(htmlJS),
	}
	helpURL := map[string]string{}
	for _, r := range run.Rules {
		helpURL[r.ID] = r.HelpURI()
	}
	for i := range run.Files {
		f := &run.Files[i]
		hf := htmlFile{
			ID:    "cv-" + strconv.Itoa(i+1),
			Path:  sanitize(slashPath(f.Path)),
			Error: sanitize(f.Error),
			Score: Score(*f),
		}
		hf.Grade = grade(hf.Score)
		var lines *rules.LineIndex
		if len(f.Diagnostics) > 0 {
			lines = lineIndex(f)
		}
		for j := range f.Diagnostics {
			d := &f.Diagnostics[j]
			switch d.Severity {
			case rules.Error:
				hf.Errors++
			case rules.Warning:
				hf.Warnings++
			default:
				hf.Infos++
			}
			u, ok := helpURL[d.Rule]
			if !ok {
				u = (&rules.Rule{ID: d.Rule}).HelpURI()
			}
			hf.Findings = append(hf.Findings, htmlFinding{
				Line: d.Pos.Line, Column: d.Pos.Column,
				Severity: d.Severity.String(),
				Rule:     d.Rule, RuleURL: u,
				Message:       sanitize(d.Message),
				Excerpt:       excerpt(lines, d),
				HasSuggestion: d.HasSuggestion,
				Suggestion:    sanitize(d.Suggestion),
			})
		}
		hf.Tally = plural(hf.Errors, "error", "errors") + " · " + plural(hf.Warnings, "warning", "warnings") + " · " + plural(hf.Infos, "info", "infos")
		hf.Chart = timelineChart(f.Timeline)
		page.Files = append(page.Files, hf)
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, page); err != nil {
		return err
	}
	return bw.Flush()
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "good"
	case score >= 70:
		return "fair"
	}
	return "poor"
}

// excerpt cuts the finding's first line into the text before it, the
// finding (to the end of the line when it runs on) and the rest. Tabs
// become spaces; unsafe characters become escapes, as in the text report.
func excerpt(lines *rules.LineIndex, d *rules.Diagnostic) *htmlExcerpt {
	if lines == nil || d.Pos.Line < 1 || d.Pos.Line > lines.Count() {
		return nil
	}
	text := lines.LineText(d.Pos.Line)
	start := d.Pos.Column - 1
	end := -1
	if d.EndPos.Line == d.Pos.Line && d.EndPos.Column >= d.Pos.Column {
		end = d.EndPos.Column - 1
	}
	var parts [3]strings.Builder
	col := 0
	for i, idx := 0, 0; i < len(text); idx++ {
		part := &parts[1]
		switch {
		case idx < start:
			part = &parts[0]
		case end >= 0 && idx >= end:
			part = &parts[2]
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '\t':
			n := tabWidth - col%tabWidth
			part.WriteString(strings.Repeat(" ", n))
			col += n
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(part, `\x%02x`, text[i])
			col += 4
		case unsafeRune(r):
			s := escapeRune(r)
			part.WriteString(s)
			col += len(s)
		default:
			part.Write(text[i : i+size])
			col++
		}
		i += size
	}
	return &htmlExcerpt{Line: d.Pos.Line, Before: parts[0].String(), Marked: parts[1].String(), After: parts[2].String()}
}

// The timeline chart. Coordinates are computed here so the template only
// places them; the SVG scales with the page through its viewBox.
const (
	chartWidth    = 960
	chartLabelW   = 320 // the column of labels, left of the plot
	chartPlotEnd  = 944
	chartTop      = 30 // room for the year axis
	chartRow      = 26
	chartBarH     = 14
	chartIndent   = 16 // per nesting level
	chartLabelMax = 38 // runes; longer labels are cut, the tooltip has them whole
	// minGapMonths: a month between two jobs is a job change, not a gap
	// worth hatching; the employment-gap rule has its own threshold.
	minGapMonths = 2
)

type htmlChart struct {
	Width, Height    int
	PlotX, PlotEnd   int
	AxisY, BottomY   int
	GapH             int
	Ticks            []htmlTick
	Gaps             []htmlGap
	Bars             []htmlBar
	Overlaps, Opened bool // for the legend
	HasGaps          bool
}

type htmlTick struct {
	X     string
	Label string
}

type htmlGap struct {
	X, W  string
	Title string
}

type htmlBar struct {
	Y, TextY, TextX int
	X, W            string
	Label, Title    string
	Open, Overlaps  bool
	Depth           int
	Section         string
}

func timelineChart(bars []rules.TimelineBar) *htmlChart {
	if len(bars) == 0 {
		return nil
	}
	lo, last := bars[0].Start, bars[0].End+1
	anyOpen := false
	for _, b := range bars {
		lo = min(lo, b.Start)
		last = max(last, b.End+1, b.Start+1)
		anyOpen = anyOpen || b.Open
	}
	lo -= lo % 12 // from January of the first year to the end of the last
	hi := last
	if hi%12 != 0 {
		hi += 12 - hi%12
	}
	if anyOpen && hi-last < 6 {
		hi += 12 // room for open ranges to fade out
	}
	plotW := float64(chartPlotEnd - chartLabelW)
	x := func(month int) float64 { return float64(chartLabelW) + plotW*float64(month-lo)/float64(hi-lo) }
	c := &htmlChart{
		Width: chartWidth, PlotX: chartLabelW, PlotEnd: chartPlotEnd,
		AxisY:  chartTop - 8,
		Height: chartTop + len(bars)*chartRow + 6,
	}
	c.BottomY = c.Height - 4
	c.GapH = c.BottomY - c.AxisY
	years := (hi - lo) / 12
	step := 1
	switch {
	case years > 30:
		step = 5
	case years > 14:
		step = 2
	}
	for y := lo / 12; y*12 <= hi; y += step {
		c.Ticks = append(c.Ticks, htmlTick{X: px(x(y * 12)), Label: strconv.Itoa(y)})
	}
	for i, b := range bars {
		end := b.End + 1
		if b.Open {
			end = hi
		}
		y := chartTop + i*chartRow + (chartRow-chartBarH)/2
		title := fmt.Sprintf("%s: %s (line %d)", sanitize(b.Label), monthRange(b), b.Line)
		if b.Overlaps {
			title += ", overlaps another entry"
		}
		c.Bars = append(c.Bars, htmlBar{
			Y: y, TextY: y + chartBarH - 3, TextX: 8 + b.Depth*chartIndent,
			X: px(x(b.Start)), W: px(max(x(end)-x(b.Start), 2)),
			Label: cut(sanitize(b.Label), chartLabelMax-b.Depth*2), Title: title,
			Open: b.Open, Overlaps: b.Overlaps, Depth: b.Depth, Section: b.Section,
		})
		c.Overlaps = c.Overlaps || b.Overlaps
		c.Opened = c.Opened || b.Open
	}
	for _, g := range gaps(bars, hi) {
		c.Gaps = append(c.Gaps, htmlGap{
			X: px(x(g[0])), W: px(x(g[1]) - x(g[0])),
			Title: fmt.Sprintf("gap of %s: %s – %s", plural(g[1]-g[0], "month", "months"), month(g[0]), month(g[1]-1)),
		})
	}
	c.HasGaps = len(c.Gaps) > 0
	return c
}

// gaps are the stretches of at least minGapMonths covered by no top-level
// entry of any section, between the first and the last: a gap filled by
// studies is not a gap. Each is [start, end) in months.
func gaps(bars []rules.TimelineBar, openEnd int) [][2]int {
	var iv [][2]int
	for _, b := range bars {
		if b.Depth != 0 {
			continue
		}
		end := b.End + 1
		if b.Open {
			end = openEnd
		}
		iv = append(iv, [2]int{b.Start, max(end, b.Start+1)})
	}
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var out [][2]int
	for i := 1; i < len(iv); i++ {
		if iv[i][0]-iv[i-1][1] >= minGapMonths {
			out = append(out, [2]int{iv[i-1][1], iv[i][0]})
		}
		iv[i][1] = max(iv[i][1], iv[i-1][1]) // carry the furthest end so far
	}
	return out
}

func monthRange(b rules.TimelineBar) string {
	if b.Open {
		return "since " + month(b.Start)
	}
	if b.Start == b.End {
		return month(b.Start)
	}
	return month(b.Start) + " – " + month(b.End)
}

// month spells a month counted from year 0 as 2019-03.
func month(m int) string { return fmt.Sprintf("%04d-%02d", m/12, m%12+1) }

func px(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// cut shortens s to at most n runes, ending with an ellipsis.
func cut(s string, n int) string {
	n = max(n, 8)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
