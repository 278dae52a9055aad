package rules_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules"
)

// FuzzLint runs decode, parse and every rule over arbitrary bytes: no
// panic, every finding inside the text, and fixes that apply cleanly.
func FuzzLint(f *testing.F) {
	files, _ := filepath.Glob("../testdata/rules/*/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, filepath.Ext(p) == ".txt")
		}
	}
	f.Add([]byte("# T\n\n[x](#)\n"), false)
	eng := rules.NewEngine(rules.Settings{Now: fixtureNow})
	f.Fuzz(func(t *testing.T, data []byte, plain bool) {
		name := "cv.md"
		if plain {
			name = "cv.txt"
		}
		res := eng.LintBytes(name, data)
		if res.Error != "" {
			return
		}
		n := len(res.Source)
		for _, d := range res.Diagnostics {
			if d.Start < 0 || d.End > n || d.Start > d.End {
				t.Fatalf("%s: range %d..%d outside 0..%d", d.Rule, d.Start, d.End, n)
			}
			if d.Pos.Line < 1 || d.Pos.Column < 1 {
				t.Fatalf("%s: bad position %+v", d.Rule, d.Pos)
			}
			if d.Fix != nil {
				for _, e := range d.Fix.Edits {
					if e.Start < 0 || e.End > n || e.Start > e.End {
						t.Fatalf("%s: edit %d..%d outside 0..%d", d.Rule, e.Start, e.End, n)
					}
				}
			}
		}
		fixed, _ := rules.ApplyFixes(res.Source, res.Diagnostics, func(rules.Diagnostic) bool { return true })
		if utf8.Valid(res.Source) && !utf8.Valid(fixed) {
			t.Fatalf("fixes broke UTF-8")
		}
	})
}
