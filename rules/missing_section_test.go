package rules_test

import (
	"strings"
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// lintOnly lints src with one rule enabled and the given options.
func lintOnly(t *testing.T, id, path, src string, opts map[string]any) []rules.Diagnostic {
	t.Helper()
	s := rules.Settings{Disabled: map[string]bool{}, Now: fixtureNow, Options: map[string]map[string]any{id: opts}}
	for _, r := range rules.All() {
		if r.ID != id {
			s.Disabled[r.ID] = true
		}
	}
	res := rules.NewEngine(s).LintBytes(path, []byte(src))
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	return res.Diagnostics
}

func TestMissingSectionRequiredOption(t *testing.T) {
	const cv = "# Jane Doe\n\n## Experience\n\n### Engineer, Example Corp — 2019 – 2024\n\n## Projects\n\n- cvlint\n"
	cases := []struct {
		required []any
		want     []string
	}{
		{nil, []string{"no education section", "no skills section"}},
		{[]any{}, nil},
		{[]any{"experience", "projects"}, nil},
		{[]any{"languages", "Certifications"}, []string{"no languages section", "no certifications section"}},
		{[]any{"no-such-section"}, nil},
	}
	for _, c := range cases {
		var opts map[string]any
		if c.required != nil {
			opts = map[string]any{"required": c.required}
		}
		ds := lintOnly(t, "missing-section", "cv.md", cv, opts)
		var got []string
		for _, d := range ds {
			if d.Pos.Line != 1 {
				t.Errorf("required=%v: finding on line %d, want line 1", c.required, d.Pos.Line)
			}
			got = append(got, d.Message)
		}
		if len(got) != len(c.want) {
			t.Errorf("required=%v: got %q, want %q", c.required, got, c.want)
			continue
		}
		all := strings.Join(got, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("required=%v: no finding %q in %q", c.required, w, got)
			}
		}
	}
}
