package rules_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// TestPrecisionCorpus lints the clean CVs of testdata/precision with every
// rule: a finding there is a false positive (or a CV that needs fixing).
// Known leftovers are listed in testdata/precision/KNOWN.md as lines
// holding a `path:line rule` key in backquotes, path relative to the
// corpus folder.
func TestPrecisionCorpus(t *testing.T) {
	const dir = "../testdata/precision"
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	known := readKnown(t, filepath.Join(dir, "KNOWN.md"))
	eng := rules.NewEngine(rules.Settings{Now: fixtureNow, FileExists: osExists})
	n := 0
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".md" && ext != ".txt" || filepath.Base(f) == "KNOWN.md" {
			continue
		}
		n++
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := eng.LintBytes(f, raw)
		if res.Error != "" {
			t.Errorf("%s: lint error: %s", f, res.Error)
			continue
		}
		for _, d := range res.Diagnostics {
			key := filepath.Base(f) + ":" + strconv.Itoa(d.Pos.Line) + " " + d.Rule
			if known[key] {
				known[key] = false // seen
				continue
			}
			t.Errorf("%s:%d:%d: %s %s: %s", f, d.Pos.Line, d.Pos.Column, d.Severity, d.Rule, d.Message)
		}
	}
	if n < 20 {
		t.Errorf("the precision corpus holds %d CVs, want at least 20", n)
	}
	for k, unseen := range known {
		if unseen {
			t.Errorf("KNOWN.md lists %q but it is no longer reported: remove it", k)
		}
	}
}

var knownKeyRE = regexp.MustCompile(`^[^\s:/]+\.(?:md|txt):[0-9]+ [a-z-]+$`)

// readKnown reads the `file:line rule` keys of KNOWN.md.
func readKnown(t *testing.T, path string) map[string]bool {
	known := map[string]bool{}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return known
		}
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		for {
			i := strings.Index(line, "`")
			if i < 0 {
				break
			}
			j := strings.Index(line[i+1:], "`")
			if j < 0 {
				break
			}
			key := line[i+1 : i+1+j]
			line = line[i+1+j+1:]
			if knownKeyRE.MatchString(key) {
				known[key] = true
			}
		}
	}
	return known
}
