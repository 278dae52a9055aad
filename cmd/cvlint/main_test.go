package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// The end-to-end tests run the real binary, as users and CI do.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "cvlint-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "cvlint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		panic("building cvlint: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func cvlint(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	return cvlintIn(t, dir, stdin, nil, args...)
}

func cvlintEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return cvlintIn(t, dir, "", env, args...)
}

// cvlintIn runs the binary in dir with stdin and extra environment.
func cvlintIn(t *testing.T, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1", "GITHUB_STEP_SUMMARY="), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const cleanCV = "# Jane Doe\n\njane.doe@example.com · +44 20 7946 0000\n\n## Experience\n\n### Engineer, Example Corp\n\n*March 2019 – June 2024*\n\n- Built the billing platform.\n\n## Education\n\n### MSc Computer Science, University of Example\n\n*2017 – 2019*\n\n## Skills\n\nGo, PostgreSQL, Kubernetes.\n"

// brokenCV and warnCV are cleanCV with one defect each, so that every rule
// runs and only that defect is reported.
const brokenCV = cleanCV + "\n## Talks\n\n- [Scaling Postgres](#) at PGDay\n"
const warnCV = cleanCV + "\n## Tools\n\n- Kuber\u200bnetes\n"

// brokenLine is the line of brokenCV's broken link.
var brokenLine = strings.Count(cleanCV, "\n") + 4

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "clean.md", []byte(cleanCV))
	write(t, dir, "broken.md", []byte(brokenCV))
	write(t, dir, "warn.md", []byte(warnCV))
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"clean.md"}, ExitOK},
		{[]string{"broken.md"}, ExitFindings},
		{[]string{"warn.md"}, ExitFindings},
		{[]string{"--fail-on", "error", "--bogus", "warn.md"}, ExitError}, // unknown flag
		{[]string{"--fail-on", "error", "--disable", "broken-link", "warn.md"}, ExitOK},
		{[]string{"--fail-on", "none", "broken.md"}, ExitOK},
		{[]string{"--fail-on", "sometimes", "broken.md"}, ExitError},
		{[]string{"missing.md"}, ExitError},
		{[]string{"--format", "yaml", "broken.md"}, ExitError},
		{[]string{"--disable", "no-such-rule", "broken.md"}, ExitError},
	}
	for _, c := range cases {
		r := cvlint(t, dir, "", c.args...)
		if r.code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, r.code, c.code, r.stdout, r.stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	r := cvlint(t, dir, brokenCV, "--format", "json", "--stdin-filename", "cvs/jane.md", "-")
	if r.code != ExitFindings {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Findings []struct{ Path, Rule string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err, r.stdout)
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Path != "cvs/jane.md" || rep.Findings[0].Rule != "broken-link" {
		t.Fatalf("unexpected findings: %+v", rep.Findings)
	}
	r = cvlint(t, dir, brokenCV, "-")
	if !strings.Contains(r.stdout, fmt.Sprintf("<stdin>:%d:", brokenLine)) {
		t.Fatalf("stdin without a name should show <stdin>: %s", r.stdout)
	}
}

// TestBadFilesDoNotStopTheRun: an unreadable, a binary, a UTF-16 and a
// Windows-1252 file in one folder; each gets its own verdict.
func TestBadFilesDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cvs/a-binary.md", append([]byte("# PK\x00\x03"), bytes.Repeat([]byte{0}, 100)...))
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "# Zoé Martin\n\n## Compétences\n\n- Kuber\u200bnetes\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	write(t, dir, "cvs/b-utf16.md", utf16)
	write(t, dir, "cvs/c-cp1252.md", []byte("# Zo\xe9 Martin\n\nIng\xe9nieure\n"))
	unreadable := write(t, dir, "cvs/d-unreadable.md", []byte(cleanCV))
	os.Chmod(unreadable, 0)
	write(t, dir, "cvs/e-big.md", bytes.Repeat([]byte("word "), 400))
	r := cvlint(t, dir, "", "--format", "json", "--max-size", "1000", "cvs", "cvs/nope.md")
	if r.code != ExitError {
		t.Fatalf("exit %d, want %d", r.code, ExitError)
	}
	var rep struct {
		Findings []struct {
			Path, Rule   string
			Line, Column int
		}
		Files []struct{ Path, Error string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err, r.stdout)
	}
	errs := map[string]string{}
	for _, f := range rep.Files {
		errs[f.Path] = f.Error
	}
	if !strings.Contains(errs["cvs/a-binary.md"], "binary") {
		t.Errorf("binary file: error %q", errs["cvs/a-binary.md"])
	}
	if !strings.Contains(errs["cvs/e-big.md"], "max-size") {
		t.Errorf("big file: error %q", errs["cvs/e-big.md"])
	}
	if errs["cvs/nope.md"] == "" {
		t.Errorf("missing file has no error")
	}
	if os.Geteuid() != 0 && errs["cvs/d-unreadable.md"] == "" {
		t.Errorf("unreadable file has no error")
	}
	if errs["cvs/b-utf16.md"] != "" || errs["cvs/c-cp1252.md"] != "" {
		t.Errorf("decodable files got errors: %v", errs)
	}
	var sawUTF16, sawCP1252 bool
	for _, f := range rep.Findings {
		if f.Path == "cvs/b-utf16.md" && f.Rule == "invisible-chars" && f.Line == 5 && f.Column == 8 {
			sawUTF16 = true // positions in the decoded text
		}
		if f.Path == "cvs/c-cp1252.md" && f.Rule == "invalid-encoding" {
			sawCP1252 = true
		}
	}
	if !sawUTF16 || !sawCP1252 {
		t.Errorf("want an invisible-chars finding at 5:8 in the UTF-16 file and invalid-encoding in the cp1252 one: %+v", rep.Findings)
	}
}

// TestGitHubFormatIsNotInjectable: a file name with a comma and a colon,
// and a message carrying %, a newline and ::error::.
func TestGitHubFormatIsNotInjectable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "doe, jane:v2.md", []byte(cleanCV+"\n## Talks\n\n- [50% done\n::error::pwned](#)\n- see [x][bad%0A::warning::y]\n"))
	r := cvlint(t, dir, "", "--format", "github", "doe, jane:v2.md")
	if r.code != ExitFindings {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	// Each finding stays on one line: a message cannot start a new command.
	if len(lines) != 2 {
		t.Fatalf("want two annotations:\n%s", r.stdout)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=doe%2C jane%3Av2.md,line=") && !strings.HasPrefix(l, "::notice") {
			t.Errorf("annotation does not start with the escaped file property: %q", l)
		}
	}
	if !strings.Contains(r.stdout, "50%25 done") || !strings.Contains(r.stdout, "%250A") {
		t.Errorf("%% not escaped:\n%s", r.stdout)
	}
}

func TestParallelOutputIsIdentical(t *testing.T) {
	root, _ := filepath.Abs("../..")
	var outs []string
	for _, j := range []string{"1", "8"} {
		r := cvlint(t, root, "", "-j", j, "--format", "json", "--now", "2026-11-21", "testdata/rules")
		if r.code == ExitError {
			t.Fatalf("-j%s: %s", j, r.stderr)
		}
		outs = append(outs, r.stdout)
	}
	if outs[0] != outs[1] || len(outs[0]) < 1000 {
		t.Fatalf("-j1 and -j8 differ (or nothing was linted): %d vs %d bytes", len(outs[0]), len(outs[1]))
	}
}

func TestGitignoreAndExclude(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755) // the repository root: its .gitignore counts
	write(t, dir, ".gitignore", []byte("drafts/\n*.bak.md\n"))
	write(t, dir, "cvs/jane.md", []byte(brokenCV))
	write(t, dir, "cvs/jane.bak.md", []byte(brokenCV))
	write(t, dir, "cvs/drafts/old.md", []byte(brokenCV))
	write(t, dir, "cvs/archive/2019.md", []byte(brokenCV))
	write(t, dir, "cvs/node_modules/x/readme.md", []byte(brokenCV))
	write(t, dir, "cvs/team/.git/info.md", []byte(brokenCV))
	write(t, dir, "cvs/notes.pdf", []byte("%PDF"))
	write(t, dir, "cvs/.gitignore", []byte("!keep.bak.md\n"))
	write(t, dir, "cvs/keep.bak.md", []byte(brokenCV))
	if err := os.Symlink("..", filepath.Join(dir, "cvs", "loop")); err != nil {
		t.Fatal(err)
	}
	r := cvlint(t, dir, "", "--format", "json", "--exclude", "**/archive/**", "cvs")
	var rep struct{ Files []struct{ Path string } }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err, r.stdout, r.stderr)
	}
	var got []string
	for _, f := range rep.Files {
		got = append(got, f.Path)
	}
	want := "cvs/jane.md cvs/keep.bak.md"
	if strings.Join(got, " ") != want {
		t.Fatalf("linted %v, want %s", got, want)
	}
	// Named explicitly, a file is linted whatever its extension.
	write(t, dir, "cv.markdown.txt.cv", []byte(brokenCV))
	if r := cvlint(t, dir, "", "cv.markdown.txt.cv"); r.code != ExitFindings {
		t.Fatalf("explicit file not linted: %d %s", r.code, r.stdout)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cv.md", []byte(brokenCV))
	cases := map[string]string{
		"broken-link:\n  severity: warning\nmojibak: {}\n":            `:3: unknown key "mojibak"`,
		"broken-link:\n  exclud: []\n":                                `:2: broken-link: unknown option "exclud"`,
		"broken-link:\n  severity: loud\n":                            `:2: broken-link.severity`,
		"now: tomorrow\n":                                             `:1: now`,
		"broken-link: [1, 2\n":                                        `.cvlint.yaml`,
		"broken-link:\n  exclude: \"https://intranet.example/**\"\n":  `want a list`,
		"missing-section:\n  required:\n    - skills\n    - hobbys\n": `:4: missing-section.required: "hobbys" is not one of`,
	}
	for cfg, want := range cases {
		write(t, dir, ".cvlint.yaml", []byte(cfg))
		r := cvlint(t, dir, "", "cv.md")
		if r.code != ExitError || !strings.Contains(r.stderr, want) {
			t.Errorf("config %q: exit %d, stderr %q; want exit 2 and %q", cfg, r.code, r.stderr, want)
		}
	}
	write(t, dir, ".cvlint.yaml", []byte("broken-link:\n  severity: info\n"))
	if r := cvlint(t, dir, "", "cv.md"); r.code != ExitOK {
		t.Errorf("severity info with --fail-on warning: exit %d", r.code)
	}
	write(t, dir, "other.yaml", []byte("broken-link: false\n"))
	if r := cvlint(t, dir, "", "--config", "other.yaml", "cv.md"); r.code != ExitOK || strings.Contains(r.stdout, "broken-link") {
		t.Errorf("--config other.yaml: exit %d %s", r.code, r.stdout)
	}
	// config init writes a file that loads back cleanly.
	os.Remove(filepath.Join(dir, ".cvlint.yaml"))
	if r := cvlint(t, dir, "", "config", "init"); r.code != ExitOK {
		t.Fatalf("config init: %d %s", r.code, r.stderr)
	}
	if r := cvlint(t, dir, "", "config", "init"); r.code != ExitError {
		t.Errorf("config init over an existing file should refuse: %d", r.code)
	}
	if r := cvlint(t, dir, "", "cv.md"); r.code != ExitFindings {
		t.Errorf("lint with the generated config: exit %d %s", r.code, r.stderr)
	}
}

func TestMultipleFormats(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cv.md", []byte(brokenCV))
	r := cvlint(t, dir, "", "--format", "text", "--format", "sarif=out/results.sarif", "--format", "json=report.json", "cv.md")
	if r.code != ExitFindings || !strings.Contains(r.stdout, fmt.Sprintf("cv.md:%d:", brokenLine)) {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	r = cvlint(t, dir, "", "--format", "text", "--format", "sarif=out/results.sarif", "--format", "json=report.json", "cv.md")
	for _, f := range []string{"out/results.sarif", "report.json"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !json.Valid(data) {
			t.Errorf("%s: %v", f, err)
		}
	}
	if r := cvlint(t, dir, "", "--format", "json", "--format", "sarif", "cv.md"); r.code != ExitError {
		t.Errorf("two reports on stdout should be refused: %d", r.code)
	}
}

func TestSplitFormats(t *testing.T) {
	for spec, want := range map[string][]string{
		"text":                           {"text"},
		"text,json=out.json":             {"text", "json=out.json"},
		"json=cv,final.json,sarif":       {"json=cv,final.json", "sarif"},
		"JSON=a,b,c.json, SARIF=r.sarif": {"JSON=a,b,c.json", " SARIF=r.sarif"},
		"nope,text":                      {"nope", "text"},
	} {
		if got := splitFormats(spec); !slices.Equal(got, want) {
			t.Errorf("splitFormats(%q) = %q, want %q", spec, got, want)
		}
	}
	dir := t.TempDir()
	write(t, dir, "cv.md", []byte(brokenCV))
	r := cvlint(t, dir, "", "--format", "text,json=cv,final.json", "cv.md")
	if data, err := os.ReadFile(filepath.Join(dir, "cv,final.json")); err != nil || !json.Valid(data) || r.code != ExitFindings {
		t.Errorf("exit %d, %v: %s", r.code, err, r.stderr)
	}
}

func TestFixAndDiff(t *testing.T) {
	dir := t.TempDir()
	src := cleanCV + "\n## Tools\n\n- Kuber\u200bnetes and Ter\u00adraform\n"
	p := write(t, dir, "cv.md", []byte(src))
	os.Chmod(p, 0o640)
	r := cvlint(t, dir, "", "--fix", "--diff", "cv.md")
	if !strings.Contains(r.stdout, "-- Kuber\u200bnetes") || !strings.Contains(r.stdout, "+- Kubernetes and Terraform") {
		t.Fatalf("diff:\n%s", r.stdout)
	}
	if data, _ := os.ReadFile(p); string(data) != src {
		t.Fatal("--diff wrote the file")
	}
	r = cvlint(t, dir, "", "--fix", "cv.md")
	data, _ := os.ReadFile(p)
	if string(data) != cleanCV+"\n## Tools\n\n- Kubernetes and Terraform\n" {
		t.Fatalf("fixed file: %q (%s)", data, r.stderr)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode changed to %v", st.Mode().Perm())
	}
	if r.code != ExitOK {
		t.Errorf("after fixing, exit %d: %s", r.code, r.stdout)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	r = cvlint(t, dir, "", "--fix", "cv.md")
	if data2, _ := os.ReadFile(p); string(data2) != string(data) {
		t.Error("fixing twice changed the file")
	}
	// Standard input is never written back, even under a file's name.
	if r := cvlint(t, dir, src, "--fix", "--stdin-filename", "cv.md", "-"); r.code != ExitError {
		t.Errorf("--fix on stdin: exit %d", r.code)
	}
	if data2, _ := os.ReadFile(p); string(data2) != string(data) {
		t.Error("--fix on stdin wrote to the file named by --stdin-filename")
	}
	if r := cvlint(t, dir, src, "--fix", "--diff", "-"); !strings.Contains(r.stdout, "+- Kubernetes and Terraform") {
		t.Errorf("--fix --diff on stdin:\n%s", r.stdout)
	}
}

func TestSubcommands(t *testing.T) {
	dir := t.TempDir()
	r := cvlint(t, dir, "", "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "broken-link") || !strings.Contains(r.stdout, "SEVERITY") {
		t.Errorf("rules: %d %s", r.code, r.stdout)
	}
	r = cvlint(t, dir, "", "explain", "broken-link")
	for _, want := range []string{"Why", "Bad", "Good", "Options", "exclude"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := cvlint(t, dir, "", "explain", "nope"); r.code != ExitError {
		t.Errorf("explain nope: %d", r.code)
	}
	if r := cvlint(t, dir, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "cvlint ") {
		t.Errorf("version: %q", r.stdout)
	}
	if r := cvlint(t, dir, "", "completion", "bash"); r.code != 0 || !strings.Contains(r.stdout, "cvlint") {
		t.Errorf("completion: %d", r.code)
	}
}

// TestTerminalSafety: escape sequences in a CV never reach the terminal.
func TestTerminalSafety(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "evil\x1b[31m.md", []byte("# Jane\n\n- [x\x1b]0;pwned\x07](#) \x1b[2J\n"))
	r := cvlint(t, dir, "", "--color", "always", ".")
	for _, bad := range []string{"\x1b[2J", "\x1b]0;", "\x07", "\x1b[31m."} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("raw escape %q reached the terminal:\n%q", bad, r.stdout)
		}
	}
}

// TestOnline checks links against a server on loopback: broken links are
// errors, robot-refusing sites are info, and without --allow-private the
// SSRF guard refuses loopback before any request is made.
func TestOnline(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/ok":
			w.WriteHeader(http.StatusOK)
		case "/gone":
			w.WriteHeader(http.StatusNotFound)
		case "/linkedin":
			w.WriteHeader(999)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cv := fmt.Sprintf("# Jane Doe\n\n- [ok](%[1]s/ok)\n- [gone](%[1]s/gone)\n- [profile](%[1]s/linkedin)\n- [ok again](%[1]s/ok)\n", srv.URL)
	// Lines 3 to 6 hold the links; the structure rules are beside the point.
	write(t, dir, "cv.md", []byte(cv))
	env := []string{"XDG_CACHE_HOME=" + dir, "HOME=" + dir}
	r := cvlintEnv(t, dir, env, "--online", "--allow-private", "--no-cache", "--format", "json", "--enable", "broken-link", "cv.md")
	var rep struct {
		Findings []struct {
			Line           int
			Rule, Severity string
			Message        string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err, r.stdout, r.stderr)
	}
	got := map[int]string{}
	for _, f := range rep.Findings {
		if f.Rule == "broken-link" {
			got[f.Line] = f.Severity + " " + f.Message
		}
	}
	if !strings.HasPrefix(got[4], "error") || !strings.Contains(got[4], "404") {
		t.Errorf("line 4 (404): %q", got[4])
	}
	if !strings.HasPrefix(got[5], "info") || !strings.Contains(got[5], "could not verify") {
		t.Errorf("line 5 (999): %q", got[5])
	}
	if got[3] != "" || got[6] != "" {
		t.Errorf("working links flagged: %q %q", got[3], got[6])
	}
	if n := hits.Load(); n != 3 {
		t.Errorf("server saw %d requests, want 3 (one per unique URL)", n)
	}
	// Without the flag, nothing leaves for loopback.
	hits.Store(0)
	r = cvlintEnv(t, dir, env, "--online", "--no-cache", "cv.md")
	if hits.Load() != 0 || !strings.Contains(r.stdout, "SSRF") {
		t.Errorf("guard: %d requests reached the server; output:\n%s", hits.Load(), r.stdout)
	}
	// Offline by default: no request at all.
	r = cvlintEnv(t, dir, env, "cv.md")
	if hits.Load() != 0 {
		t.Errorf("a run without --online made %d requests", hits.Load())
	}
}

// TestBatch: past 20 files the text summary ranks the worst CVs and the
// most frequent rules, and --min-score turns a low score into exit 1.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 25; i++ {
		cv := cleanCV
		if i%5 == 0 {
			cv = brokenCV
		}
		write(t, dir, fmt.Sprintf("cvs/cv-%02d.md", i), []byte(cv))
	}
	r := cvlint(t, dir, "", "--fail-on", "none", "cvs")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Worst CVs") || !strings.Contains(r.stdout, "Most frequent rules") {
		t.Fatalf("exit %d, no batch tables:\n%s", r.code, r.stdout)
	}
	worst := r.stdout[strings.Index(r.stdout, "Worst CVs"):]
	if !strings.Contains(worst, "cvs/cv-00.md") || strings.Contains(worst, "cvs/cv-01.md") {
		t.Errorf("worst CVs table should list the broken CVs only:\n%s", worst)
	}
	if strings.Contains(r.stderr, "linting") {
		t.Errorf("progress bar shown while piping: %q", r.stderr)
	}
	if r := cvlint(t, dir, "", "--fail-on", "none", "--min-score", "95", "cvs"); r.code != ExitFindings {
		t.Errorf("--min-score 95 with broken CVs: exit %d", r.code)
	}
	if r := cvlint(t, dir, "", "--fail-on", "none", "--min-score", "10", "cvs"); r.code != ExitOK {
		t.Errorf("--min-score 10: exit %d", r.code)
	}
	if r := cvlint(t, dir, "", "--min-score", "101", "cvs"); r.code != ExitError {
		t.Errorf("--min-score 101: exit %d", r.code)
	}
	// A folder of clean CVs gets no empty tables.
	for i := 0; i < 25; i++ {
		write(t, dir, fmt.Sprintf("clean/cv-%02d.md", i), []byte(cleanCV))
	}
	if r := cvlint(t, dir, "", "clean"); r.code != ExitOK || strings.Contains(r.stdout, "Worst CVs") || strings.Contains(r.stdout, "Most frequent") {
		t.Errorf("clean folder: exit %d\n%s", r.code, r.stdout)
	}
}

func TestPathPrefix(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cvs/jane.md", []byte(brokenCV))
	r := cvlint(t, filepath.Join(dir, "cvs"), "", "--format", "github", "--format", "sarif=out.sarif", "--path-prefix", "cvs", "jane.md")
	if !strings.Contains(r.stdout, "file=cvs/jane.md,") {
		t.Fatalf("annotation path not prefixed:\n%s", r.stdout)
	}
	var sarif struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "cvs", "out.sarif"))
	if err != nil || json.Unmarshal(data, &sarif) != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) == 0 {
		t.Fatalf("SARIF: %v\n%s", err, data)
	}
	root := sarif.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI
	uri := sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
	if uri != "cvs/jane.md" || strings.HasSuffix(strings.TrimSuffix(root, "/"), "/cvs") {
		t.Errorf("SARIF uri %q under root %q: the root must be the repository, not the sub-folder", uri, root)
	}
	if r := cvlint(t, dir, "", "--format", "json=", "cvs"); r.code != ExitError {
		t.Errorf("--format json= (no file name): exit %d", r.code)
	}
}

func TestOutputFileTakesOneReport(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cv.md", []byte(brokenCV))
	// Two reports sent to one --output file: the second would overwrite
	// the first without a word.
	if r := cvlint(t, dir, "", "--format", "text", "--format", "json", "--output", "out.txt", "cv.md"); r.code != ExitError {
		t.Errorf("two reports into one --output file: exit %d", r.code)
	}
	if r := cvlint(t, dir, "", "--format", "json=r.json", "--format", "sarif=./r.json", "cv.md"); r.code != ExitError {
		t.Errorf("two reports into one FORMAT=FILE: exit %d", r.code)
	}
	if r := cvlint(t, dir, "", "--format", "text", "--format", "json=r.json", "--output", "out.txt", "cv.md"); r.code != ExitFindings {
		t.Errorf("--output and a separate FORMAT=FILE: exit %d %s", r.code, r.stderr)
	}
}

func TestFixThroughSymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	src := cleanCV + "\n## Tools\n\n- Kuber\u200bnetes\n"
	target := write(t, dir, "real.md", []byte(src))
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip(err)
	}
	r := cvlint(t, dir, "", "--fix", "link.md")
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("--fix replaced the symlink with a file (%v): %s", err, r.stderr)
	}
	if data, _ := os.ReadFile(target); string(data) != cleanCV+"\n## Tools\n\n- Kubernetes\n" {
		t.Errorf("the file the link points to was not fixed: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestStdinWithoutNameSkipsRelativeLinks(t *testing.T) {
	dir := t.TempDir()
	cv := cleanCV + "\n[Portfolio](portfolio.pdf)\n"
	// Standard input has no folder: a relative link cannot be checked
	// against whatever folder cvlint happens to run in.
	if r := cvlint(t, dir, cv, "-"); r.code != ExitOK || strings.Contains(r.stdout, "broken-link") {
		t.Errorf("stdin: exit %d\n%s", r.code, r.stdout)
	}
	// With --stdin-filename the link is checked next to that name.
	if r := cvlint(t, dir, cv, "--stdin-filename", "cvs/cv.md", "-"); !strings.Contains(r.stdout, "broken-link") {
		t.Errorf("--stdin-filename: exit %d\n%s", r.code, r.stdout)
	}
}
