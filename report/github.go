package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cvlint/cvlint/rules"
)

// AnnotationsPerLevel is how many annotations of one level GitHub keeps
// per step; it drops the rest without a word.
const AnnotationsPerLevel = 10

type annotation struct {
	sev       rules.Severity
	fileIdx   int
	file      string
	line, col int
	endLine   int
	endCol    int
	rule      string
	title     string
	message   string
}

func (a *annotation) command() string {
	switch a.sev {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// GitHub writes workflow commands that GitHub Actions turns into
// annotations: errors first, then warnings, then notices, at most
// AnnotationsPerLevel of each, and a notice counting what was left out.
// When stepSummary is not nil (the caller opened $GITHUB_STEP_SUMMARY) it
// also receives a Markdown table of every finding.
func GitHub(w io.Writer, run *Run, stepSummary io.Writer) error {
	var all []annotation
	for i := range run.Files {
		f := &run.Files[i]
		file, _ := relPath(f.Path, run.WorkDir)
		// A name with an ESC in it would then never match a file GitHub
		// knows, but showing it raw in the log is worse.
		file = sanitize(file)
		if f.Error != "" {
			all = append(all, annotation{sev: rules.Error, fileIdx: i, file: file, title: "cvlint", message: f.Error})
		}
		for j := range f.Diagnostics {
			d := &f.Diagnostics[j]
			a := annotation{sev: d.Severity, fileIdx: i, file: file, line: d.Pos.Line, col: d.Pos.Column,
				rule: d.Rule, title: "cvlint " + d.Rule, message: d.Message}
			if d.EndPos.Line >= d.Pos.Line {
				a.endLine = d.EndPos.Line
				// GitHub takes columns only on a one-line range, and
				// endColumn as the last column in the range, where our
				// end is the column after it.
				if d.EndPos.Line == d.Pos.Line && d.EndPos.Column > d.Pos.Column {
					a.endCol = d.EndPos.Column - 1
				}
			}
			all = append(all, a)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.sev != b.sev {
			return a.sev > b.sev
		}
		if a.fileIdx != b.fileIdx {
			return a.fileIdx < b.fileIdx
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.rule < b.rule
	})

	limit := map[string]int{"error": AnnotationsPerLevel, "warning": AnnotationsPerLevel, "notice": AnnotationsPerLevel}
	total := map[string]int{}
	for i := range all {
		total[all[i].command()]++
	}
	omitted := 0
	for lvl, n := range total {
		omitted += max(0, n-limit[lvl])
	}
	if omitted > 0 && total["notice"] >= AnnotationsPerLevel {
		// The notice that reports the omission is a notice too: keep a
		// slot for it or GitHub drops the one line that explains the rest.
		limit["notice"]--
		omitted++
	}

	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	var hidden []annotation
	for i := range all {
		a := &all[i]
		lvl := a.command()
		if shown[lvl] >= limit[lvl] {
			hidden = append(hidden, *a)
			continue
		}
		shown[lvl]++
		bw.WriteString(a.format())
	}
	if omitted > 0 {
		where := "The full list is in the step summary."
		if stepSummary == nil {
			where = "They are listed in the log below."
		}
		msg := fmt.Sprintf("%s not shown as annotations: GitHub shows at most %d of each level per step. %s",
			plural(omitted, "finding", "findings"), AnnotationsPerLevel, where)
		fmt.Fprintf(bw, "::notice title=%s::%s\n", escapeProperty("cvlint"), escapeData(msg))
		if stepSummary == nil {
			for _, a := range hidden {
				// Plain log lines, never starting with "::", so a path
				// cannot turn them into commands.
				loc := a.file
				if a.line > 0 {
					loc += fmt.Sprintf(":%d:%d", a.line, a.col)
				}
				sev := a.sev.String()
				if a.rule != "" {
					sev += " " + a.rule
				}
				fmt.Fprintf(bw, "cvlint: %s: %s: %s\n", sanitize(loc), sev, sanitize(a.message))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if stepSummary != nil {
		return writeStepSummary(stepSummary, run)
	}
	return nil
}

func (a *annotation) format() string {
	var b strings.Builder
	b.WriteString("::" + a.command() + " file=" + escapeProperty(a.file))
	if a.line > 0 {
		b.WriteString(",line=" + strconv.Itoa(a.line))
		if a.col > 0 {
			b.WriteString(",col=" + strconv.Itoa(a.col))
		}
		if a.endLine > 0 {
			b.WriteString(",endLine=" + strconv.Itoa(a.endLine))
		}
		if a.endCol > 0 {
			b.WriteString(",endColumn=" + strconv.Itoa(a.endCol))
		}
	}
	b.WriteString(",title=" + escapeProperty(a.title))
	// Control characters other than line breaks are shown as escapes
	// first: GitHub renders the log's ANSI sequences and the annotation's
	// bidi overrides. Line breaks are the command format's business.
	b.WriteString("::" + escapeData(sanitizeKeepNewlines(a.message)) + "\n")
	return b.String()
}

// escapeData escapes a workflow command's message as the runner expects;
// '%' goes first so the escapes it adds are not escaped again. With the
// line breaks escaped a message stays on its command's line, so it can
// never start a command of its own.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty also escapes the separators of the property list, so a
// file named "doe, jane:v2.md" stays one property.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

func writeStepSummary(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	c := Summary(run)
	title := "cvlint"
	if run.Version != "" {
		title += " " + run.Version
	}
	fmt.Fprintf(bw, "## %s\n\n", mdCell(title))
	fmt.Fprintf(bw, "%s.\n\n", mdCell(summaryLine(c)))
	bw.WriteString("| | count |\n|---|---:|\n")
	fmt.Fprintf(bw, "| files | %d |\n| errors | %d |\n| warnings | %d |\n| infos | %d |\n", c.Files, c.Errors, c.Warnings, c.Infos)
	if c.FileErrors > 0 {
		fmt.Fprintf(bw, "| unreadable files | %d |\n", c.FileErrors)
	}
	if c.FileErrors > 0 {
		bw.WriteString("\n### Files that could not be read\n\n| file | error |\n|---|---|\n")
		for _, f := range run.Files {
			if f.Error != "" {
				fmt.Fprintf(bw, "| %s | %s |\n", mdCell(slashPath(f.Path)), mdCell(f.Error))
			}
		}
	}
	if c.Findings > 0 {
		bw.WriteString("\n### Findings\n\n| file | line | severity | rule | message |\n|---|---:|---|---|---|\n")
		for _, f := range sortedFindings(run) {
			fmt.Fprintf(bw, "| %s | %d | %s | %s | %s |\n", mdCell(slashPath(f.file.Path)), f.d.Pos.Line,
				f.d.Severity, mdCell(f.d.Rule), mdCell(f.d.Message))
		}
	}
	return bw.Flush()
}

// mdCell makes CV text inert inside a GFM table cell: HTML-significant
// characters become entities (no tags, no comments that swallow the rest),
// Markdown punctuation is backslash-escaped (no links, images that fetch
// a tracker, emphasis or code spans), '|' cannot end the cell and a line
// break cannot end the row. Control and invisible characters are shown
// as escapes, as in the terminal.
func mdCell(s string) string {
	s = sanitizeKeepNewlines(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString("<br>")
		case '\n':
			b.WriteString("<br>")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '!', '~', '|', '#', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
