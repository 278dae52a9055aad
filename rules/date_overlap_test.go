package rules_test

import (
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// BenchmarkParseDocument is rules.Parse alone, the baseline of
// BenchmarkDateRules (which adds decoding, the prose view, the CV model
// and the six date rules).
func BenchmarkParseDocument(b *testing.B) {
	c := corpus()
	b.SetBytes(corpusBytes(c))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, cv := range c {
			rules.Parse("cv.md", rules.Decoded{Text: cv}, false)
		}
	}
}

// BenchmarkDateRules lints with the six date rules only.
func BenchmarkDateRules(b *testing.B) {
	c := corpus()
	on := map[string]bool{"missing-date": true, "date-overlap": true, "date-order": true, "invalid-date": true, "date-format": true, "employment-gap": true}
	s := rules.Settings{Disabled: map[string]bool{}, Now: fixtureNow}
	for _, r := range rules.All() {
		if !on[r.ID] {
			s.Disabled[r.ID] = true
		}
	}
	eng := rules.NewEngine(s)
	b.SetBytes(corpusBytes(c))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, cv := range c {
			eng.LintBytes("cv.md", cv)
		}
	}
}
