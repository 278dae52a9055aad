package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cvlint/cvlint/rules"
)

// TestFixApplies guards the fixture itself: its fix must produce its
// suggestion, or the SARIF golden would record nonsense regions.
func TestFixApplies(t *testing.T) {
	run := fixtureRun(t)
	for _, f := range run.Files {
		for _, d := range f.Diagnostics {
			if d.Fix == nil {
				continue
			}
			out, n := rules.ApplyFixes(f.Source, []rules.Diagnostic{d}, func(rules.Diagnostic) bool { return true })
			if n == 0 || !bytes.Contains(out, []byte(d.Suggestion)) {
				t.Errorf("fix of %s does not produce %q: %q", d.Rule, d.Suggestion, out)
			}
		}
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, fixtureRun(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
		t.Error("no trailing newline")
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any, want ...string) {
		t.Helper()
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("missing key %q in %v", k, m)
			}
		}
		if len(m) != len(want) {
			t.Errorf("keys %v, want exactly %v", m, want)
		}
	}
	keys(doc, "version", "findings", "files", "summary")
	if doc["version"] != float64(1) {
		t.Errorf("version = %v", doc["version"])
	}
	findings := doc["findings"].([]any)
	if len(findings) != 31 {
		t.Fatalf("%d findings, want 31", len(findings))
	}
	var prev []any
	for _, x := range findings {
		f := x.(map[string]any)
		for _, k := range []string{"path", "rule", "severity", "message"} {
			if _, ok := f[k].(string); !ok {
				t.Errorf("%s is %T in %v", k, f[k], f)
			}
		}
		for _, k := range []string{"line", "column", "end_line", "end_column"} {
			if v, ok := f[k].(float64); !ok || v < 1 {
				t.Errorf("%s is %v in %v", k, f[k], f)
			}
		}
		if s, ok := f["suggestion"]; ok {
			if _, ok := s.(string); !ok {
				t.Errorf("suggestion is %T", s)
			}
		}
		switch f["severity"] {
		case "error", "warning", "info":
		default:
			t.Errorf("severity %v", f["severity"])
		}
		key := []any{f["path"], f["line"], f["column"], f["rule"]}
		if prev != nil && less(key, prev) {
			t.Errorf("findings out of order: %v after %v", key, prev)
		}
		prev = key
	}
	// A finding without a suggestion has no key at all.
	var sawNoSuggestion bool
	for _, x := range findings {
		if _, ok := x.(map[string]any)["suggestion"]; !ok {
			sawNoSuggestion = true
		}
	}
	if !sawNoSuggestion {
		t.Error("every finding has a suggestion key; the fixture has some without")
	}
	files := doc["files"].([]any)
	if len(files) != 5 {
		t.Fatalf("%d files", len(files))
	}
	var errs int
	for _, x := range files {
		f := x.(map[string]any)
		keys(f, "path", "findings", "score", "error")
		if _, ok := f["findings"].(float64); !ok {
			t.Errorf("files[].findings is %T", f["findings"])
		}
		if s, ok := f["score"].(float64); !ok || s < 0 || s > 100 {
			t.Errorf("files[].score is %v", f["score"])
		}
		if e := f["error"].(string); e != "" {
			errs++
		}
	}
	if errs != 1 {
		t.Errorf("%d files with an error, want 1", errs)
	}
	sum := doc["summary"].(map[string]any)
	keys(sum, "files", "findings", "error", "warning", "info")
	want := map[string]float64{"files": 5, "findings": 31, "error": 1, "warning": 29, "info": 1}
	for k, v := range want {
		if sum[k] != v {
			t.Errorf("summary.%s = %v, want %v", k, sum[k], v)
		}
	}
	if bytes.Contains(buf.Bytes(), []byte(`\u003c`)) {
		t.Error("HTML-escaped JSON: keep < readable")
	}
}

func less(a, b []any) bool {
	for i := range a {
		switch x := a[i].(type) {
		case string:
			if y := b[i].(string); x != y {
				return x < y
			}
		case float64:
			if y := b[i].(float64); x != y {
				return x < y
			}
		}
	}
	return false
}

// findSchema walks up from the package directory to the checkout's
// sibling shared/schemas; the schema is not copied into the repository.
func findSchema(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "schemas", "sarif-schema-2.1.0.json")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/schemas/sarif-schema-2.1.0.json not found next to the repository; SARIF schema validation skipped")
		}
		dir = parent
	}
}

func TestSARIFSchema(t *testing.T) {
	path := findSchema(t)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]*Run{"fixture": fixtureRun(t), "clean": cleanRun(), "empty": {}} {
		var buf bytes.Buffer
		if err := SARIF(&buf, run); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v", name, err)
		}
	}
}

func TestSARIFShape(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, fixtureRun(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"columnKind": "unicodeCodePoints"`,
		`"uri": "cvs/doe%2C%20jane%3Av2.md"`,
		`"uriBaseId": "%SRCROOT%"`,
		`"uri": "file:///home/runner/work/cvs/"`,
		`"executionSuccessful": false`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	if strings.Contains(out, "partialFingerprints") {
		t.Error("partialFingerprints belong to the upload action")
	}
}

func TestRelPath(t *testing.T) {
	wd := filepath.FromSlash("/home/runner/work/cvs")
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"cvs/jane.md", "cvs/jane.md", true},
		{"./cvs/../jane.md", "jane.md", true},
		{filepath.Join(wd, "cvs", "jane.md"), "cvs/jane.md", true},
		{filepath.FromSlash("/etc/cv.md"), "/etc/cv.md", false},
		{"../other/cv.md", "/home/runner/work/other/cv.md", false},
	} {
		got, ok := relPath(c.in, wd)
		if got != c.want || ok != c.ok {
			t.Errorf("relPath(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestTextIsInert: nothing from the CV reaches the terminal as a control
// or invisible character; with colour on, the only escapes are ours.
func TestTextIsInert(t *testing.T) {
	for _, colour := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Text(&buf, fixtureRun(t), TextOptions{Color: colour}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if colour {
			if !strings.Contains(out, "\x1b[") {
				t.Error("colour requested but none written")
			}
			out = sgr.ReplaceAllString(out, "")
		}
		for _, r := range out {
			if r != '\n' && unsafeRune(r) {
				t.Errorf("colour=%v: %U reached the output", colour, r)
			}
		}
	}
}

// TestGitHubCommandsCannotBeInjected: every output line is one of our
// commands, and the hostile message stays inside its own.
func TestGitHubCommandsCannotBeInjected(t *testing.T) {
	for _, summary := range []bool{true, false} {
		var buf bytes.Buffer
		var sum *bytes.Buffer
		if summary {
			sum = &bytes.Buffer{}
		}
		var err error
		if summary {
			err = GitHub(&buf, fixtureRun(t), sum)
		} else {
			err = GitHub(&buf, fixtureRun(t), nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		commands := 0
		for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
			switch {
			case strings.HasPrefix(line, "::error file="), strings.HasPrefix(line, "::warning file="),
				strings.HasPrefix(line, "::notice file="), strings.HasPrefix(line, "::notice title=cvlint::"):
				commands++
			case !summary && strings.HasPrefix(line, "cvlint: "):
			default:
				t.Errorf("unexpected line %q", line)
			}
			if strings.ContainsAny(line, "\r\x1b\u202e") {
				t.Errorf("raw control character in %q", line)
			}
		}
		if commands != 2+10+2 {
			t.Errorf("%d commands, want 14 (2 errors, 10 warnings, 1 notice, the omission notice)", commands)
		}
		if !strings.Contains(buf.String(), "title=cvlint glued-words::100%25 glued%0A::error::injected,title=x::y\n") {
			t.Error("hostile message not escaped as expected")
		}
		if !strings.Contains(buf.String(), "file=cvs/doe%2C jane%3Av2.md,line=") {
			t.Error("file property not escaped")
		}
	}
}

func TestGitHubKeepsASlotForTheOmissionNotice(t *testing.T) {
	var src strings.Builder
	for range 12 {
		src.WriteString("2006/01\n")
	}
	f := handFile("cv.md", src.String())
	for i := 1; i <= 12; i++ {
		s, _ := f.Lines.Line(i)
		f.Diagnostics = append(f.Diagnostics, rules.Diagnostic{Rule: "date-format", Severity: rules.Info, Message: "m",
			Start: s, End: s + 7, Pos: f.Lines.Pos(s), EndPos: f.Lines.Pos(s + 7)})
	}
	var buf bytes.Buffer
	if err := GitHub(&buf, &Run{Files: []rules.FileResult{f}}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != AnnotationsPerLevel {
		t.Fatalf("%d notices, want %d:\n%s", len(lines), AnnotationsPerLevel, buf.String())
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "::notice title=cvlint::3 findings not shown") {
		t.Errorf("last notice %q", last)
	}
}

func TestEscapeProperty(t *testing.T) {
	for in, want := range map[string]string{
		"a%b":             "a%25b",
		"doe, jane:v2.md": "doe%2C jane%3Av2.md",
		"x\r\ny":          "x%0D%0Ay",
		"%3A":             "%253A",
	} {
		if got := escapeProperty(in); got != want {
			t.Errorf("escapeProperty(%q) = %q, want %q", in, got, want)
		}
	}
	if got := escapeData("a:b,c%\n"); got != "a:b,c%25%0A" {
		t.Errorf("escapeData = %q", got)
	}
}

func TestMarkdownCell(t *testing.T) {
	got := mdCell("<img src=x onerror=alert(1)> | ![t](http://x.invalid/p.png)\n**b** & `c`\u202e")
	want := `&lt;img src=x onerror=alert\(1\)&gt; \| \!\[t\]\(http://x.invalid/p.png\)<br>\*\*b\*\* &amp; \` + "`" + `c\` + "`" + `\\u202e`
	if got != want {
		t.Errorf("mdCell = %s\nwant      %s", got, want)
	}
}

// TestSARIFSchemaRejects makes sure the schema test can fail: a level
// SARIF does not know must not validate.
func TestSARIFSchemaRejects(t *testing.T) {
	path := findSchema(t)
	schema, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := SARIF(&buf, cleanRun()); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(buf.String(), `"level": "warning"`, `"level": "info"`, 1)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Error("an invalid level validated: the schema test proves nothing")
	}
}

func TestRenderLineColumns(t *testing.T) {
	for _, c := range []struct {
		line       string
		start, end int
		shown      string
		from, to   int
	}{
		{"abc", 1, 2, "abc", 1, 2},
		{"\tx", 1, 2, "    x", 4, 5},
		{"a\tx", 2, 3, "a   x", 4, 5},
		{"📧 x", 2, 3, "📧 x", 3, 4},
		{"é x", 2, -1, "é x", 2, 3},
		{"\x1bx", 1, 2, `\x1bx`, 4, 5},
		{"a\xffb", 2, 3, `a\xffb`, 5, 6},
		{"ab", 5, 6, "ab", 2, 2},
	} {
		shown, from, to := renderLine([]byte(c.line), c.start, c.end)
		if shown != c.shown || from != c.from || to != c.to {
			t.Errorf("renderLine(%q, %d, %d) = %q, %d, %d; want %q, %d, %d", c.line, c.start, c.end, shown, from, to, c.shown, c.from, c.to)
		}
	}
}
