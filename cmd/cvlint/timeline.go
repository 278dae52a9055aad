package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cvlint/cvlint/rules"
	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

func newTimelineCmd() *cobra.Command {
	var format, now, configPath string
	cmd := &cobra.Command{
		Use:   "timeline FILE",
		Short: "Show the sections, entries and date ranges cvlint understood, with a Gantt chart",
		Long: `timeline prints what the date rules see: each section and entry with its
nesting, parsed range, granularity and source line, then a text Gantt chart
of the experience entries with overlaps and gaps marked.`,
		Example: "  cvlint timeline cv.md\n  cvlint timeline --format json --now 2026-01-01 cv.md",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := parseNow(now)
			if err != nil {
				return usageErr("%v", err)
			}
			cfg, err := loadConfig(configPath)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			settings, err := cfg.Settings(nil, nil, t)
			if err != nil {
				return usageErr("%v", err)
			}
			if settings.Now.IsZero() {
				settings.Now = time.Now()
			}
			raw, err := readInput(cmd.InOrStdin(), args[0])
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			dec, err := rules.Decode(raw)
			if err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("%s: %v", args[0], err)}
			}
			doc := rules.Parse(args[0], dec, rules.IsPlain(args[0]))
			v := newTimelineView(doc, rules.BuildTimeline(doc), rules.TimelineOptionsFrom(settings), dates.FromTime(settings.Now))
			switch format {
			case "json":
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			case "text", "":
				v.writeText(cmd.OutOrStdout())
				return nil
			}
			return usageErr("--format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	cmd.Flags().StringVar(&now, "now", "", "take `YYYY-MM-DD` as today")
	cmd.Flags().StringVarP(&configPath, "config", "c", "", "read the date rules' options from `FILE` instead of .cvlint.yaml")
	return cmd
}

func readInput(stdin io.Reader, path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}

// The view is the command's data: the JSON output, and what the text
// output prints.
type timelineView struct {
	File     string        `json:"file"`
	Now      string        `json:"now"`
	Sections []sectionView `json:"sections"`
	Overlaps []overlapView `json:"overlaps"`
	Gaps     []gapView     `json:"gaps"`
	Order    []orderView   `json:"order"`

	tl   *cvmodel.Timeline
	now  dates.Date
	opts rules.TimelineOptions
	gaps []cvmodel.Gap
	ovs  []cvmodel.Overlap
}

type sectionView struct {
	Kind    string      `json:"kind"`
	Title   string      `json:"title,omitempty"`
	Line    int         `json:"line,omitempty"`
	Entries []entryView `json:"entries"`
}

type entryView struct {
	Kind     string      `json:"kind"`
	Title    string      `json:"title"`
	Source   string      `json:"source"`
	Line     int         `json:"line"`
	Date     *dateView   `json:"date,omitempty"`
	Children []entryView `json:"children,omitempty"`
}

type dateView struct {
	Text        string `json:"text"`
	Start       string `json:"start"`
	End         string `json:"end,omitempty"`
	EndKind     string `json:"endKind"`
	Granularity string `json:"granularity"`
	Format      string `json:"format,omitempty"`
	Line        int    `json:"line,omitempty"`
	// Derived is set when the range comes from the entry's children.
	Derived bool `json:"derived,omitempty"`
}

type overlapView struct {
	A      string `json:"a"`
	ALine  int    `json:"aLine"`
	B      string `json:"b"`
	BLine  int    `json:"bLine"`
	Months int    `json:"months"`
}

type gapView struct {
	After  string `json:"after"`
	Before string `json:"before"`
	From   string `json:"from"`
	To     string `json:"to"`
	Months int    `json:"months"`
}

type orderView struct {
	Group     string   `json:"group"`
	Direction string   `json:"direction"`
	Breaks    []string `json:"breaks,omitempty"`
}

func newTimelineView(doc *rules.Document, tl *cvmodel.Timeline, opts rules.TimelineOptions, now dates.Date) *timelineView {
	v := &timelineView{File: doc.Path, Now: now.String(), tl: tl, now: now, opts: opts,
		Sections: []sectionView{}, Overlaps: []overlapView{}, Gaps: []gapView{}, Order: []orderView{}}
	for _, s := range tl.Sections {
		sv := sectionView{Kind: s.Kind.String(), Title: s.Title, Line: s.Line, Entries: []entryView{}}
		for _, e := range s.Entries {
			sv.Entries = append(sv.Entries, entryViewOf(e))
		}
		v.Sections = append(v.Sections, sv)
	}
	v.ovs = tl.Overlaps(now, opts.Tolerance, opts.IsConcurrent)
	for _, o := range v.ovs {
		v.Overlaps = append(v.Overlaps, overlapView{A: o.A.Label(), ALine: o.A.Line, B: o.B.Label(), BLine: o.B.Line, Months: o.Months})
	}
	v.gaps = tl.Gaps(now, opts.GapMonths)
	for _, g := range v.gaps {
		v.Gaps = append(v.Gaps, gapView{Before: g.Before.Label(), After: g.After.Label(), From: monthText(g.From), To: monthText(g.To), Months: g.Months})
	}
	for _, o := range tl.Orders() {
		name := o.Group.Name
		if o.Group.Parent == nil && o.Group.Section != nil && o.Group.Section.Title != "" && !strings.EqualFold(o.Group.Section.Title, name) {
			// Several sections hold jobs: say which one this order is of.
			name += " (" + o.Group.Section.Title + ")"
		}
		ov := orderView{Group: name, Direction: o.Direction.String()}
		for _, e := range o.Breaks {
			ov.Breaks = append(ov.Breaks, e.Label())
		}
		v.Order = append(v.Order, ov)
	}
	return v
}

func entryViewOf(e *cvmodel.Entry) entryView {
	ev := entryView{Kind: e.Kind.String(), Title: e.Title, Source: e.Source.String(), Line: e.Line}
	if r, derived, ok := e.Span(); ok {
		d := &dateView{Text: strings.Join(strings.Fields(r.Text), " "), Start: r.Start.String(), EndKind: r.EndKind.String(),
			Granularity: r.Start.Gran.String(), Format: r.Format, Derived: derived}
		if !derived {
			d.Line = e.DateLine
		}
		if r.EndKind == dates.Closed {
			d.End = r.End.String()
		}
		ev.Date = d
	}
	for _, c := range e.Children {
		ev.Children = append(ev.Children, entryViewOf(c))
	}
	return ev
}

func monthText(m int) string {
	return dates.MonthDate(m).String()
}

func (v *timelineView) writeText(w io.Writer) {
	fmt.Fprintf(w, "%s (today: %s)\n", v.File, v.Now)
	if len(v.tl.Sections) == 0 {
		fmt.Fprintln(w, "\nno sections or entries found")
	}
	for _, s := range v.tl.Sections {
		title := s.Title
		if s.Implicit {
			title = "(before any section title)"
		}
		fmt.Fprintf(w, "\n%s", s.Kind)
		if s.Line > 0 {
			fmt.Fprintf(w, " · line %d", s.Line)
		}
		fmt.Fprintf(w, " · %s\n", title)
		for _, e := range s.Entries {
			writeEntry(w, e, 1)
		}
	}
	v.writeGantt(w)
	if len(v.Order) > 0 {
		fmt.Fprintln(w, "\norder:")
		for _, o := range v.Order {
			fmt.Fprintf(w, "  %s: %s", o.Group, o.Direction)
			if len(o.Breaks) > 0 {
				fmt.Fprintf(w, " (out of place: %s)", strings.Join(o.Breaks, "; "))
			}
			fmt.Fprintln(w)
		}
	}
}

func writeEntry(w io.Writer, e *cvmodel.Entry, depth int) {
	pad := strings.Repeat("  ", depth)
	rng, gran := "no date", ""
	if r, derived, ok := e.Span(); ok {
		rng = r.String()
		gran = r.Start.Gran.String()
		if derived {
			gran += ", from children"
		}
	}
	label := fmt.Sprintf("%s%-12s %-22s", pad, e.Kind, rng)
	if gran != "" {
		label += " " + gran
	}
	fmt.Fprintf(w, "%-50s  line %-4d %s\n", label, e.Line, e.Label())
	for _, c := range e.Children {
		writeEntry(w, c, depth+1)
	}
}

const (
	ganttWidth = 60
	labelWidth = 28
)

// writeGantt draws one row per career entry (children indented), a column
// per few months: █ a month the entry covers, ▓ one it shares with
// another entry it overlaps, ░ a gap.
func (v *timelineView) writeGantt(w io.Writer) {
	type row struct {
		e           *cvmodel.Entry
		depth       int
		first, last int
	}
	var rows []row
	var add func(e *cvmodel.Entry, depth int)
	add = func(e *cvmodel.Entry, depth int) {
		// An impossible range (invalid-date reports it) has no place on
		// the chart.
		if r, _, ok := e.Span(); ok && r.Problem == "" && !r.EndBeforeStart() {
			f, l := r.Months(v.now)
			if l >= f && r.Start.Year >= 1900 && r.Start.Year <= 2100 {
				rows = append(rows, row{e, depth, f, l})
			}
		}
		for _, c := range e.Children {
			add(c, depth+1)
		}
	}
	for _, e := range v.tl.CareerEntries() {
		add(e, 0)
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "\nno dated experience entries: no chart")
		return
	}
	lo, hi := rows[0].first, rows[0].last
	for _, r := range rows {
		lo, hi = min(lo, r.first), max(hi, r.last)
	}
	lo -= lo % 12 // start on a January
	per := max(1, (hi-lo+ganttWidth)/ganttWidth)
	cols := (hi-lo)/per + 1
	col := func(m int) int { return min(max((m-lo)/per, 0), cols-1) }

	fmt.Fprintf(w, "\nexperience, %d to %s (one column = %s):\n", lo/12, monthText(hi), plural(per, "month"))
	axis := []rune(strings.Repeat(" ", cols+6))
	free := 0 // first column not taken by a label
	for y := lo / 12; y*12 <= hi; y++ {
		c := col(y * 12)
		label := fmt.Sprint(y)
		if c < free || c+len(label) > len(axis) {
			continue
		}
		copy(axis[c:], []rune(label))
		free = c + len(label) + 2
	}
	fmt.Fprintf(w, "%s  %s\n", strings.Repeat(" ", labelWidth), strings.TrimRight(string(axis), " "))
	overlapping := map[*cvmodel.Entry][]*cvmodel.Entry{}
	for _, o := range v.ovs {
		overlapping[o.A] = append(overlapping[o.A], o.B)
		overlapping[o.B] = append(overlapping[o.B], o.A)
	}
	span := func(e *cvmodel.Entry) (int, int) {
		r, _, _ := e.Span()
		return r.Months(v.now)
	}
	for _, r := range rows {
		bar := []rune(strings.Repeat(" ", cols))
		for m := r.first; m <= r.last; m++ {
			ch := '█'
			for _, o := range overlapping[r.e] {
				if of, ol := span(o); m >= of && m <= ol {
					ch = '▓'
				}
			}
			if c := col(m); bar[c] != '▓' {
				bar[c] = ch
			}
		}
		label := strings.Repeat("  ", r.depth) + r.e.Label()
		fmt.Fprintf(w, "%s  %s\n", fit(label, labelWidth), strings.TrimRight(string(bar), " "))
	}
	if len(v.gaps) > 0 {
		bar := []rune(strings.Repeat(" ", cols))
		for _, g := range v.gaps {
			for m := max(g.From, lo); m <= min(g.To, hi); m++ {
				bar[col(m)] = '░'
			}
		}
		fmt.Fprintf(w, "%s  %s\n", fit("(gaps)", labelWidth), strings.TrimRight(string(bar), " "))
	}
	fmt.Fprintln(w, "█ covered  ▓ overlap  ░ gap")
	for _, o := range v.Overlaps {
		fmt.Fprintf(w, "overlap: «%s» (line %d) and «%s» (line %d) share %s\n", o.A, o.ALine, o.B, o.BLine, plural(o.Months, "month"))
	}
	for _, g := range v.Gaps {
		fmt.Fprintf(w, "gap: %s, %s to %s, between «%s» and «%s»\n", plural(g.Months, "month"), g.From, g.To, g.Before, g.After)
	}
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// fit pads or cuts s to n columns.
func fit(s string, n int) string {
	if c := utf8.RuneCountInString(s); c <= n {
		return s + strings.Repeat(" ", n-c)
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
