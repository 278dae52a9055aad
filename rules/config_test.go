package rules_test

import (
	"testing"
	"time"

	"github.com/cvlint/cvlint/rules"
)

// A key left empty (or ~) in .cvlint.yaml, typically a rule whose settings
// are all commented out, changes nothing: it must not turn the rule off.
func TestConfigNullValuesKeepDefaults(t *testing.T) {
	cfg, err := rules.ParseConfig(".cvlint.yaml", []byte("glued-words:\n  # severity: info\nmojibake: ~\nnow:\nbroken-link:\n  enabled:\n  severity: ~\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := cfg.Settings(nil, nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"glued-words", "mojibake", "broken-link"} {
		if s.Disabled[id] {
			t.Errorf("%s: an empty entry disabled the rule", id)
		}
		if _, ok := s.Severity[id]; ok {
			t.Errorf("%s: an empty entry set a severity", id)
		}
	}
	if !s.Now.IsZero() {
		t.Errorf("now: empty set today to %v", s.Now)
	}
	// The shorthands still work.
	cfg, err = rules.ParseConfig(".cvlint.yaml", []byte("glued-words: false\nmojibake: off\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ = cfg.Settings(nil, nil, time.Time{})
	if !s.Disabled["glued-words"] {
		t.Error("glued-words: false did not disable the rule")
	}
	if e := rules.NewEngine(s); e.Rules() != nil {
		for _, r := range e.Rules() {
			if r.ID == "mojibake" || r.ID == "glued-words" {
				t.Errorf("%s still runs", r.ID)
			}
		}
	}
}
