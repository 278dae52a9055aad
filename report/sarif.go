package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/cvlint/cvlint/rules"
)

// InformationURI is where SARIF consumers link the tool's name.
const InformationURI = "https://github.com/cvlint/cvlint"

const srcRoot = "%SRCROOT%"

// SARIF writes a SARIF 2.1.0 log with one run, in the shape GitHub code
// scanning ingests: rule descriptors built from each rule's Doc, results
// with %SRCROOT%-relative locations in code-point columns, fixes from the
// diagnostics' edits, and unreadable files as tool execution
// notifications. partialFingerprints are left to the upload action, which
// computes them from the checked-out files.
func SARIF(w io.Writer, run *Run) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewDriver("cvlint").WithInformationURI(InformationURI)
	if run.Version != "" {
		driver.WithVersion(run.Version)
	}
	sr := sarif.NewRun(*sarif.NewTool(driver))
	sr.WithColumnKind("unicodeCodePoints")

	workDir := run.WorkDir
	if workDir == "" {
		if wd, err := os.Getwd(); err == nil {
			workDir = wd
		}
	}
	if workDir != "" {
		sr.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			srcRoot: sarif.NewSimpleArtifactLocation(fileURI(workDir, true)),
		})
	}

	index := map[string]int{}
	addRule := func(r *rules.Rule) int {
		if i, ok := index[r.ID]; ok {
			return i
		}
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, ruleDescriptor(r))
		return index[r.ID]
	}
	for _, r := range run.Rules {
		addRule(r)
	}

	ok := true
	var notes []*sarif.Notification
	for i := range run.Files {
		f := &run.Files[i]
		loc := artifactLocation(f.Path, workDir)
		if f.Error != "" {
			ok = false
			notes = append(notes, sarif.NewNotification().
				WithLevel("error").
				WithTextMessage(fmt.Sprintf("%s: %s", slashPath(f.Path), f.Error)).
				WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().WithArtifactLocation(loc))}))
		}
		lines := lineIndex(f)
		for j := range f.Diagnostics {
			d := &f.Diagnostics[j]
			ri, found := index[d.Rule]
			if !found {
				// The engine reports some findings for rules that are not
				// in the run's list, and a rule the registry does not know
				// (a test's) still needs a descriptor for ruleIndex.
				r, known := rules.Lookup(d.Rule)
				if !known {
					r = &rules.Rule{ID: d.Rule, Title: d.Rule, Severity: d.Severity}
				}
				ri = addRule(r)
			}
			res := sarif.NewRuleResult(d.Rule).
				WithRuleIndex(ri).
				WithLevel(sarifLevel(d.Severity)).
				WithMessage(sarif.NewTextMessage(d.Message))
			region := sarif.NewRegion().WithStartLine(d.Pos.Line).WithStartColumn(d.Pos.Column)
			if d.EndPos.Line > 0 {
				region.WithEndLine(d.EndPos.Line).WithEndColumn(d.EndPos.Column)
			}
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(loc).WithRegion(region)))
			if d.Fix != nil && len(d.Fix.Edits) > 0 {
				res.AddFix(sarifFix(d, loc, lines))
			}
			sr.Results = append(sr.Results, res)
		}
	}
	inv := sr.AddInvocation(ok)
	inv.ToolExecutionNotifications = notes
	log.AddRun(sr)

	var buf strings.Builder
	if err := encodeJSON(&buf, log); err != nil {
		return err
	}
	_, err = io.WriteString(w, buf.String())
	return err
}

// artifactLocation is a fresh value per use: go-sarif copies some
// locations by value and keeps pointers to others, so sharing one would
// alias.
func artifactLocation(path, workDir string) *sarif.ArtifactLocation {
	rel, ok := relPath(path, workDir)
	if !ok {
		return sarif.NewSimpleArtifactLocation(fileURI(path, false))
	}
	return sarif.NewSimpleArtifactLocation(uriPath(rel)).WithUriBaseId(srcRoot)
}

func sarifFix(d *rules.Diagnostic, loc *sarif.ArtifactLocation, lines *rules.LineIndex) *sarif.Fix {
	change := sarif.NewArtifactChange(loc)
	for _, e := range d.Fix.Edits {
		s, t := lines.Pos(e.Start), lines.Pos(e.End)
		region := sarif.NewRegion().WithStartLine(s.Line).WithStartColumn(s.Column).WithEndLine(t.Line).WithEndColumn(t.Column)
		rep := sarif.NewReplacement(region)
		if e.New != "" {
			rep.WithInsertedContent(sarif.NewArtifactContent().WithText(e.New))
		}
		change.WithReplacement(rep)
	}
	fix := sarif.NewFix().WithArtifactChanges([]*sarif.ArtifactChange{change})
	if d.HasSuggestion {
		fix.WithDescriptionText(fmt.Sprintf("Replace with %q", d.Suggestion))
	}
	return fix
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Info:
		return "note"
	}
	return "none"
}

func ruleDescriptor(r *rules.Rule) *sarif.ReportingDescriptor {
	title := r.Title
	if title == "" {
		title = r.ID // shortDescription is required
	}
	rd := sarif.NewRule(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(title)).
		WithHelpURI(r.HelpURI()).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	if r.Doc.Why != "" {
		rd.WithFullDescription(sarif.NewMultiformatMessageString(r.Doc.Why))
	}
	text, md := ruleHelp(r)
	rd.WithTextHelp(text).WithMarkdownHelp(md)
	return rd
}

// ruleHelp renders a rule's Doc as the plain text and Markdown that code
// scanning shows under "Rule help".
func ruleHelp(r *rules.Rule) (string, string) {
	var t, m strings.Builder
	title := r.Title
	if title == "" {
		title = r.ID
	}
	fmt.Fprintf(&t, "%s: %s\n", r.ID, title)
	fmt.Fprintf(&m, "**%s**: %s\n", r.ID, title)
	if r.Doc.Why != "" {
		fmt.Fprintf(&t, "\n%s\n", r.Doc.Why)
		fmt.Fprintf(&m, "\n%s\n", r.Doc.Why)
	}
	example := func(label, body string) {
		if body == "" {
			return
		}
		fmt.Fprintf(&t, "\n%s:\n%s\n", label, Indent(body, "    "))
		fence := codeFence(body)
		fmt.Fprintf(&m, "\n%s:\n\n%smarkdown\n%s\n%s\n", label, fence, body, fence)
	}
	example("Bad", r.Doc.Bad)
	example("Good", r.Doc.Good)
	if len(r.Doc.Options) > 0 {
		t.WriteString("\nOptions:\n")
		m.WriteString("\nOptions:\n\n")
		for _, o := range r.Doc.Options {
			def := optionDefault(o.Default)
			fmt.Fprintf(&t, "  %s (default %s): %s\n", o.Name, def, o.Help)
			fmt.Fprintf(&m, "- `%s` (default `%s`): %s\n", o.Name, def, o.Help)
		}
	}
	fmt.Fprintf(&t, "\nMore: %s\n", r.HelpURI())
	fmt.Fprintf(&m, "\n[More about %s](%s)\n", r.ID, r.HelpURI())
	return t.String(), m.String()
}

// optionDefault prints a default as it would be written in .cvlint.yaml's
// flow style, which JSON is close enough to.
func optionDefault(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// codeFence is a backtick fence longer than any run of backticks in body,
// so an example that itself contains a fenced block cannot close ours.
func codeFence(body string) string {
	longest, run := 0, 0
	for _, c := range body {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// Indent puts prefix before every non-empty line of s; the SARIF help
// text and `cvlint explain` lay out rule examples with it.
func Indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
