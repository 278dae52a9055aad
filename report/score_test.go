package report

import (
	"fmt"
	"testing"

	"github.com/cvlint/cvlint/rules"
)

func findings(rule string, sev rules.Severity, n int) []rules.Diagnostic {
	out := make([]rules.Diagnostic, n)
	for i := range out {
		out[i] = rules.Diagnostic{Rule: rule, Severity: sev, Message: fmt.Sprint(i)}
	}
	return out
}

func TestScore(t *testing.T) {
	cat := func(ds ...[]rules.Diagnostic) []rules.Diagnostic {
		var out []rules.Diagnostic
		for _, d := range ds {
			out = append(out, d...)
		}
		return out
	}
	for _, c := range []struct {
		name string
		f    rules.FileResult
		want int
	}{
		{"clean", rules.FileResult{Path: "a.md"}, 100},
		{"unreadable", rules.FileResult{Path: "a.md", Error: "binary file"}, 0},
		{"unreadable wins over findings", rules.FileResult{Error: "x", Diagnostics: findings("r", rules.Info, 1)}, 0},
		{"one error", rules.FileResult{Diagnostics: findings("mojibake", rules.Error, 1)}, 90},
		{"one warning", rules.FileResult{Diagnostics: findings("glued-words", rules.Warning, 1)}, 96},
		{"one info", rules.FileResult{Diagnostics: findings("date-format", rules.Info, 1)}, 99},
		{"weights add within a rule", rules.FileResult{Diagnostics: cat(findings("r", rules.Error, 1), findings("r", rules.Warning, 2), findings("r", rules.Info, 3))}, 100 - 10 - 8 - 3},
		{"one noisy rule is capped", rules.FileResult{Diagnostics: findings("glued-words", rules.Warning, 500)}, 75},
		{"errors are capped too", rules.FileResult{Diagnostics: findings("mojibake", rules.Error, 3)}, 75},
		{"caps are per rule", rules.FileResult{Diagnostics: cat(findings("a", rules.Warning, 10), findings("b", rules.Info, 2))}, 100 - 25 - 2},
		{"never below zero", rules.FileResult{Diagnostics: cat(findings("a", rules.Error, 3), findings("b", rules.Error, 3), findings("c", rules.Error, 3), findings("d", rules.Error, 3), findings("e", rules.Error, 3))}, 0},
		{"severity none costs nothing", rules.FileResult{Diagnostics: findings("a", rules.SeverityNone, 4)}, 100},
	} {
		if got := Score(c.f); got != c.want {
			t.Errorf("%s: Score = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestScoreIsMonotonic(t *testing.T) {
	// Adding a finding never raises a score.
	f := rules.FileResult{}
	prev := Score(f)
	for i, sev := range []rules.Severity{rules.Info, rules.Warning, rules.Error, rules.Warning, rules.Error, rules.Error, rules.Info} {
		f.Diagnostics = append(f.Diagnostics, rules.Diagnostic{Rule: fmt.Sprint("r", i%3), Severity: sev})
		s := Score(f)
		if s > prev || s < 0 || s > 100 {
			t.Fatalf("after %d findings: score %d (previous %d)", i+1, s, prev)
		}
		prev = s
	}
}

func TestAverageScore(t *testing.T) {
	if got := AverageScore(&Run{}); got != 100 {
		t.Errorf("empty run: %d", got)
	}
	run := &Run{Files: []rules.FileResult{
		{Path: "a.md"}, // 100
		{Path: "b.md", Diagnostics: findings("r", rules.Info, 1)}, // 99
	}}
	if got := AverageScore(run); got != 100 { // 99.5 rounds up
		t.Errorf("AverageScore = %d, want 100", got)
	}
	run.Files = append(run.Files, rules.FileResult{Path: "c.md", Error: "unreadable"})
	if got := AverageScore(run); got != 66 { // 199/3 = 66.3
		t.Errorf("AverageScore = %d, want 66", got)
	}
	if got := AverageScore(fixtureRun(t)); got != 70 { // (77+96+75+100+0)/5 = 69.6
		t.Errorf("fixture AverageScore = %d, want 70", got)
	}
}
