package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/rivo/uniseg"

	"github.com/cvlint/cvlint/rules"
)

// TextOptions controls the human-readable format.
type TextOptions struct {
	Color bool
}

// tabWidth is where the excerpt puts tab stops. The excerpt is printed
// after a gutter, so a raw tab would land on the terminal's stops, not the
// line's; expanding tabs ourselves keeps the caret under the finding.
const tabWidth = 4

// palette holds the colours of one call. Each Text call builds its own
// *color.Color values and forces them on or off, so the global
// color.NoColor (which fatih/color sets from the environment) never
// decides, and concurrent calls cannot disturb each other.
type palette struct {
	path, rule, suggestion *color.Color
	sev                    map[rules.Severity]*color.Color
}

func newPalette(on bool) *palette {
	mk := func(a ...color.Attribute) *color.Color {
		c := color.New(a...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return &palette{
		path:       mk(color.Bold),
		rule:       mk(color.Faint),
		suggestion: mk(color.FgGreen),
		sev: map[rules.Severity]*color.Color{
			rules.Error:   mk(color.FgRed, color.Bold),
			rules.Warning: mk(color.FgYellow, color.Bold),
			rules.Info:    mk(color.FgCyan, color.Bold),
		},
	}
}

func (p *palette) severity(s rules.Severity) *color.Color {
	if c, ok := p.sev[s]; ok {
		return c
	}
	return p.sev[rules.Info]
}

// Text writes findings grouped by file, each with its source line and a
// caret under the finding, then a one-line summary.
func Text(w io.Writer, run *Run, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opt.Color)
	for i := range run.Files {
		f := &run.Files[i]
		path := sanitize(slashPath(f.Path))
		if f.Error != "" {
			fmt.Fprintf(bw, "%s: %s %s\n\n", p.path.Sprint(path), p.sev[rules.Error].Sprint("error:"), sanitize(f.Error))
		}
		lines := lineIndex(f)
		for j := range f.Diagnostics {
			d := &f.Diagnostics[j]
			fmt.Fprintf(bw, "%s %s %s %s\n",
				p.path.Sprintf("%s:%d:%d:", path, d.Pos.Line, d.Pos.Column),
				p.severity(d.Severity).Sprint(d.Severity),
				p.rule.Sprint(d.Rule+":"),
				sanitize(d.Message))
			writeExcerpt(bw, p, lines, d)
			switch {
			case d.HasSuggestion && d.Suggestion == "":
				// An empty replacement is a deletion; say so rather than
				// print nothing after the label.
				fmt.Fprintf(bw, "  %s %s\n", p.suggestion.Sprint("suggestion:"), "delete it")
			case d.HasSuggestion:
				fmt.Fprintf(bw, "  %s %s\n", p.suggestion.Sprint("suggestion:"), sanitize(d.Suggestion))
			}
			bw.WriteString("\n")
		}
	}
	bw.WriteString(summaryLine(Summary(run)) + scoreSuffix(run) + "\n")
	if len(run.Files) > BatchThreshold {
		writeBatchTables(bw, run)
	}
	return bw.Flush()
}

// scoreSuffix ends the summary with the quality score, or the average
// over several files. A clean run says nothing more: every file scores 100.
func scoreSuffix(run *Run) string {
	c := Summary(run)
	switch {
	case c.Findings == 0 && c.FileErrors == 0:
		return ""
	case c.Files == 1:
		return fmt.Sprintf("; score %d/100", Score(run.Files[0]))
	}
	return fmt.Sprintf("; average score %d/100", AverageScore(run))
}

func summaryLine(c Counts) string {
	var s string
	if c.Findings == 0 && c.FileErrors == 0 {
		s = "no problems found in " + plural(c.Files, "file", "files")
	} else {
		s = fmt.Sprintf("%s, %s, %s, %s", plural(c.Files, "file", "files"),
			plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings"), plural(c.Infos, "info", "infos"))
	}
	if c.FileErrors > 0 {
		s += "; " + plural(c.FileErrors, "file", "files") + " could not be read"
	}
	return s
}

// writeExcerpt prints the finding's first line behind a gutter and a caret
// line under it. A finding that runs onto later lines is underlined to the
// end of its first line.
func writeExcerpt(w *bufio.Writer, p *palette, lines *rules.LineIndex, d *rules.Diagnostic) {
	if d.Pos.Line < 1 || d.Pos.Line > lines.Count() {
		return
	}
	text := lines.LineText(d.Pos.Line)
	startRune := d.Pos.Column - 1
	endRune := -1 // end of line
	if d.EndPos.Line == d.Pos.Line && d.EndPos.Column >= d.Pos.Column {
		endRune = d.EndPos.Column - 1
	}
	shown, from, to := renderLine(text, startRune, endRune)
	gutter := fmt.Sprint(d.Pos.Line)
	pad := strings.Repeat(" ", len(gutter))
	fmt.Fprintf(w, " %s | %s\n", gutter, shown)
	width := max(1, to-from)
	caret := "^" + strings.Repeat("~", width-1)
	fmt.Fprintf(w, " %s | %s%s\n", pad, strings.Repeat(" ", from), p.severity(d.Severity).Sprint(caret))
}

// renderLine makes a source line safe and flat for a terminal: unsafe
// characters become escapes, tabs become spaces. It returns the display
// columns (0-based) where rune indexes start and end fall, counting the
// width of what is shown: an escape's length, two for wide CJK and emoji.
// end < 0 means the end of the line.
func renderLine(text []byte, start, end int) (string, int, int) {
	var b strings.Builder
	col, idx := 0, 0
	from, to := -1, -1
	for i := 0; i < len(text); idx++ {
		if idx == start {
			from = col
		}
		if idx == end {
			to = col
		}
		r, size := utf8.DecodeRune(text[i:])
		var piece string
		var wd int
		switch {
		case r == '\t':
			wd = tabWidth - col%tabWidth
			piece = strings.Repeat(" ", wd)
		case r == utf8.RuneError && size <= 1:
			piece = fmt.Sprintf(`\x%02x`, text[i])
			wd = len(piece)
		case unsafeRune(r):
			piece = escapeRune(r)
			wd = len(piece)
		default:
			piece = string(text[i : i+size])
			wd = uniseg.StringWidth(piece)
		}
		b.WriteString(piece)
		col += wd
		i += size
	}
	if from < 0 {
		from = col
	}
	if to < 0 || to < from {
		to = col
	}
	return b.String(), from, to
}

// BatchThreshold is the number of files above which the text summary ends
// with the worst CVs and the most frequent rules: a folder of hundreds of
// CVs needs a place to start.
const BatchThreshold = 20

// batchRows is how many rows each batch table shows.
const batchRows = 10

func writeBatchTables(w io.Writer, run *Run) {
	type cv struct {
		path                  string
		score, errs, findings int
	}
	var cvs []cv
	type ruleStat struct {
		id           string
		count, files int
	}
	stats := map[string]*ruleStat{}
	for _, f := range run.Files {
		c := cv{path: f.Path, score: Score(f), findings: len(f.Diagnostics)}
		seen := map[string]bool{}
		for _, d := range f.Diagnostics {
			if d.Severity == rules.Error {
				c.errs++
			}
			st := stats[d.Rule]
			if st == nil {
				st = &ruleStat{id: d.Rule}
				stats[d.Rule] = st
			}
			st.count++
			if !seen[d.Rule] {
				seen[d.Rule] = true
				st.files++
			}
		}
		cvs = append(cvs, c)
	}
	sort.SliceStable(cvs, func(i, j int) bool {
		if cvs[i].score != cvs[j].score {
			return cvs[i].score < cvs[j].score
		}
		return cvs[i].path < cvs[j].path
	})
	if len(cvs) == 0 || cvs[0].score == 100 {
		return // every CV is clean: no table of the worst
	}
	fmt.Fprintf(w, "\nWorst CVs\n  %5s  %6s  %8s  %s\n", "score", "errors", "findings", "file")
	for i, c := range cvs {
		if i == batchRows || c.score == 100 {
			break
		}
		fmt.Fprintf(w, "  %5d  %6d  %8d  %s\n", c.score, c.errs, c.findings, sanitize(c.path))
	}
	var rs []*ruleStat
	for _, st := range stats {
		rs = append(rs, st)
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].count != rs[j].count {
			return rs[i].count > rs[j].count
		}
		return rs[i].id < rs[j].id
	})
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "\nMost frequent rules\n  %8s  %5s  %s\n", "findings", "files", "rule")
	for i, st := range rs {
		if i == batchRows {
			break
		}
		fmt.Fprintf(w, "  %8d  %5d  %s\n", st.count, st.files, st.id)
	}
}
