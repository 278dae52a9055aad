package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cvlint/cvlint/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/report/*.golden")

var fixedNow = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

// Rules defined here rather than taken from the registry, so goldens do
// not move when a real rule's wording changes. Their ids look like real
// ones to keep the goldens readable.
var (
	ruleMojibake = &rules.Rule{
		ID: "mojibake", Title: "text was decoded with the wrong character set", Severity: rules.Error,
		Doc: rules.Doc{
			Why:  "UTF-8 read as Windows-1252 turns `é` into `Ã©`; recruiters see a broken CV.",
			Bad:  "RÃ©sumÃ©\n```\nfenced\n```",
			Good: "Résumé",
			Options: []rules.Option{
				{Name: "allow", Default: []string{"Ã"}, Help: "strings never to flag"},
				{Name: "min-length", Default: 2, Help: "shortest run to report"},
			},
		},
	}
	ruleInvisible = &rules.Rule{ID: "invisible-chars", Title: "invisible or control character", Severity: rules.Warning,
		Doc: rules.Doc{Why: "Hidden characters break search and can reorder text.", Bad: "a\u200bb", Good: "ab"}}
	ruleGlued = &rules.Rule{ID: "glued-words", Title: "words run together", Severity: rules.Warning}
	ruleDates = &rules.Rule{ID: "date-format", Title: "mixed date formats", Severity: rules.Info,
		Doc: rules.Doc{Why: "One format reads faster.", Bad: "2006/01 and Jan 2006", Good: "Jan 2006 and Mar 2008"}}
)

// diag positions a hand-made diagnostic on the first occurrence of needle.
func diag(t *testing.T, src []byte, rule *rules.Rule, sev rules.Severity, needle, msg string) rules.Diagnostic {
	t.Helper()
	start := bytes.Index(src, []byte(needle))
	if start < 0 {
		t.Fatalf("fixture: %q not in source", needle)
	}
	end := start + len(needle)
	li := rules.NewLineIndex(src)
	return rules.Diagnostic{Rule: rule.ID, Severity: sev, Message: msg, Start: start, End: end, Pos: li.Pos(start), EndPos: li.Pos(end)}
}

func handFile(path, src string) rules.FileResult {
	b := []byte(src)
	return rules.FileResult{Path: path, Encoding: "utf-8", Source: b, Lines: rules.NewLineIndex(b)}
}

// engineFile lints a small CV with the real engine. Only unused-directive
// runs, so the golden does not change each time a rule is added.
func engineFile(t *testing.T) (rules.FileResult, []*rules.Rule) {
	t.Helper()
	disabled := map[string]bool{}
	for _, r := range rules.All() {
		if r.ID != rules.UnusedDirective.ID {
			disabled[r.ID] = true
		}
	}
	e := rules.NewEngine(rules.Settings{Now: fixedNow, Disabled: disabled})
	src := "# Jane Doe\n\n<!-- cvlint-disable-next-line no-such-rule -->\nEngineer at Example Corp, 2019 – 2024.\n"
	res := e.LintBytes("cvs/jane.md", []byte(src))
	if res.Error != "" || len(res.Diagnostics) == 0 {
		t.Fatalf("engine fixture: error %q, %d diagnostics", res.Error, len(res.Diagnostics))
	}
	return res, e.Rules()
}

// fixtureRun is the run every golden reports on: a hostile file name, a
// hostile message, a source line with ESC and U+202E, a fix, a file that
// could not be read, a clean file, 25 warnings in one file and one file
// linted by the real engine.
func fixtureRun(t *testing.T) *Run {
	t.Helper()
	doe := handFile("cvs/doe, jane:v2.md",
		"# Jane Doe\n"+
			"Lead at \x1b[31mAcme\u202e Corp\n"+
			"\tSkills: Go, 📧 SQLandGo and more\n"+
			"RÃ©sumÃ© of Jane, 2006/01 – Jan 2008\n")
	src := doe.Source
	moj := diag(t, src, ruleMojibake, rules.Error, "RÃ©sumÃ©", `"RÃ©sumÃ©" looks like UTF-8 read as Windows-1252`)
	moj.Fix = &rules.Fix{Edits: []rules.Edit{
		{Start: moj.Start + 1, End: moj.Start + 5, New: "é"}, // "Ã©" is four bytes
		{Start: moj.Start + 8, End: moj.Start + 12, New: "é"},
	}}
	moj.Suggestion, moj.HasSuggestion = "Résumé", true
	glued := diag(t, src, ruleGlued, rules.Warning, "SQLandGo", "100% glued\n::error::injected,title=x::y")
	glued.Suggestion, glued.HasSuggestion = "SQL and Go\u202e", true
	dates := diag(t, src, ruleDates, rules.Info, "and more\nRÃ©", "dates use two formats: 2006/01 and Jan 2008 <b>&</b> | [x](http://e.invalid)")
	doe.Diagnostics = []rules.Diagnostic{
		diag(t, src, ruleInvisible, rules.Warning, "\x1b", "control character ESC in \"\x1b[31m\""),
		diag(t, src, ruleInvisible, rules.Warning, "\u202e", "bidi override U+202E \u202e reverses the text after it"),
		glued, dates, moj,
	}

	var many strings.Builder
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&many, "- developedandmaintained service %d\n", i)
	}
	manyF := handFile("cvs/many.md", many.String())
	for i := 1; i <= 25; i++ {
		d := diag(t, manyF.Source, ruleGlued, rules.Warning, fmt.Sprintf("developedandmaintained service %d\n", i), "words run together: developedandmaintained")
		d.End = d.Start + len("developedandmaintained")
		d.EndPos = manyF.Lines.Pos(d.End)
		d.Suggestion, d.HasSuggestion = "developed and maintained", true
		manyF.Diagnostics = append(manyF.Diagnostics, d)
	}

	eng, engRules := engineFile(t)
	files := []rules.FileResult{
		doe,
		manyF,
		eng,
		handFile("cvs/clean.md", "# Clean\n"),
		{Path: "cvs/\x1b[2Jevil.md", Error: "cannot decode: looks like UTF-16 without BOM \x1b]0;pwned\x07"},
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &Run{
		Files:   files,
		Rules:   append([]*rules.Rule{ruleDates, ruleGlued, ruleInvisible, ruleMojibake}, engRules...),
		Version: "0.1.0-test",
		WorkDir: "/home/runner/work/cvs",
	}
}

func cleanRun() *Run {
	return &Run{Files: []rules.FileResult{handFile("cv.md", "# Jane\n")}, Rules: []*rules.Rule{ruleGlued}, Version: "0.1.0-test", WorkDir: "/home/runner/work/cvs"}
}

// golden compares got with testdata/report/name byte for byte, or
// rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "report", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}
