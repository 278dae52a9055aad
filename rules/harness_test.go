package rules_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cvlint/cvlint/rules"
)

var update = flag.Bool("update", false, "rewrite .golden files")

// fixtureNow is "today" for every fixture, so date rules are reproducible.
var fixtureNow = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

type want struct {
	line int
	rule string
	re   *regexp.Regexp
	hit  bool
}

var (
	wantRE      = regexp.MustCompile(`<!--\s*want\s+((?:[a-z-]+\s+"(?:[^"\\]|\\.)*"\s*)+)-->`)
	wantItemRE  = regexp.MustCompile(`([a-z-]+)\s+"((?:[^"\\]|\\.)*)"`)
	sideWantRE  = regexp.MustCompile(`^\s*(\d+)\s+([a-z-]+)\s+"((?:[^"\\]|\\.)*)"\s*$`)
	directiveRE = regexp.MustCompile(`cvlint-(?:disable|enable)[a-z-]*\s+([a-z, -]+?)\s*(?:--|-->)`)
)

// parseWants reads `<!-- want rule "regexp" -->` at line ends and, when
// present, a side file case.want with `LINE RULE "regexp"` lines.
func parseWants(t *testing.T, path string, src []byte) []*want {
	var ws []*want
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
			for _, it := range wantItemRE.FindAllStringSubmatch(m[1], -1) {
				ws = append(ws, &want{line: i + 1, rule: it[1], re: compileWant(t, path, it[2])})
			}
		}
	}
	side := strings.TrimSuffix(path, filepath.Ext(path)) + ".want"
	if data, err := os.ReadFile(side); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			l := sc.Text()
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			m := sideWantRE.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("%s:%d: want LINE RULE \"regexp\"", side, n)
			}
			ln, _ := strconv.Atoi(m[1])
			ws = append(ws, &want{line: ln, rule: m[2], re: compileWant(t, side, m[3])})
		}
	}
	return ws
}

func compileWant(t *testing.T, path, s string) *regexp.Regexp {
	s = strings.ReplaceAll(s, `\"`, `"`)
	re, err := regexp.Compile(s)
	if err != nil {
		t.Fatalf("%s: bad want regexp %q: %v", path, s, err)
	}
	return re
}

// fixtureEngine enables the rule under test, the rules a fixture expects
// and the rules its directives name, so each fixture is judged on exactly
// what it is about.
func fixtureEngine(t *testing.T, ruleID string, src []byte, ws []*want, fileExists func(string) bool) *rules.Engine {
	on := map[string]bool{ruleID: true}
	for _, w := range ws {
		on[w.rule] = true
	}
	for _, m := range directiveRE.FindAllSubmatch(src, -1) {
		for _, id := range strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ',' || r == ' ' }) {
			if _, ok := rules.Lookup(id); ok {
				on[id] = true
			}
		}
	}
	s := rules.Settings{Disabled: map[string]bool{}, Now: fixtureNow, FileExists: fileExists}
	for _, r := range rules.All() {
		if !on[r.ID] {
			s.Disabled[r.ID] = true
		}
	}
	return rules.NewEngine(s)
}

func osExists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestFixtures runs every fixture under testdata/rules/<id>/ and fails on
// a finding nobody wanted and on a want nobody found.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/rules/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures found: %v", err)
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		if _, ok := rules.Lookup(id); !ok {
			t.Errorf("%s: fixtures for unknown rule %q", dir, id)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			ext := filepath.Ext(f)
			if ext == ".want" || ext == ".golden" {
				continue
			}
			f := f
			t.Run(id+"/"+filepath.Base(f), func(t *testing.T) {
				runFixture(t, id, f)
			})
		}
	}
}

func runFixture(t *testing.T, id, path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ws := parseWants(t, path, raw)
	eng := fixtureEngine(t, id, raw, ws, osExists)
	res := eng.LintBytes(path, raw)
	if res.Error != "" {
		t.Fatalf("lint error: %s", res.Error)
	}
	for _, d := range res.Diagnostics {
		matched := false
		for _, w := range ws {
			if !w.hit && w.line == d.Pos.Line && w.rule == d.Rule && w.re.MatchString(d.Message) {
				w.hit, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected %s: %s", path, d.Pos.Line, d.Pos.Column, d.Rule, d.Message)
		}
	}
	for _, w := range ws {
		if !w.hit {
			t.Errorf("%s:%d: expected %s matching %q, got none", path, w.line, w.rule, w.re)
		}
	}
	checkGolden(t, eng, path, raw, res)
}

// checkGolden compares the text after --fix with case.md.golden and checks
// that fixing twice changes nothing.
func checkGolden(t *testing.T, eng *rules.Engine, path string, raw []byte, res rules.FileResult) {
	golden := path + ".golden"
	fixed, n := rules.ApplyFixes(res.Source, res.Diagnostics, func(d rules.Diagnostic) bool { return true })
	if n == 0 {
		if _, err := os.Stat(golden); err == nil {
			t.Errorf("%s exists but no finding carries a fix", golden)
		}
		return
	}
	if *update {
		if err := os.WriteFile(golden, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("fixable findings but no golden file (run go test ./rules -update): %v", err)
	}
	if !bytes.Equal(fixed, want) {
		t.Errorf("--fix result differs from %s:\n%s", golden, diffLines(string(want), string(fixed)))
	}
	again := eng.LintBytes(path, fixed)
	if refixed, n := rules.ApplyFixes(again.Source, again.Diagnostics, func(d rules.Diagnostic) bool { return true }); n != 0 {
		t.Errorf("fixing twice changes the text again (%d edits):\n%s", n, diffLines(string(fixed), string(refixed)))
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

// TestEveryRuleHasFixturesAndDocs is the meta-test of STYLE.md.
func TestEveryRuleHasFixturesAndDocs(t *testing.T) {
	readme, _ := os.ReadFile("../README.md")
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
		if r.Title == "" || r.Doc.Why == "" || r.Doc.Bad == "" || r.Doc.Good == "" {
			t.Errorf("%s: Doc needs a title, why, bad and good example", r.ID)
		}
		if r.Severity == rules.SeverityNone {
			t.Errorf("%s: no default severity", r.ID)
		}
		files, _ := filepath.Glob(filepath.Join("../testdata/rules", r.ID, "*.*"))
		if len(files) == 0 {
			t.Errorf("%s: no fixtures under testdata/rules/%s", r.ID, r.ID)
		}
		if !bytes.Contains(readme, []byte("`"+r.ID+"`")) {
			t.Errorf("%s: no entry in the README's rule reference", r.ID)
		}
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		t.Fatal("no rules registered")
	}
}
