package main

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's rule reference")

const (
	refBegin = "<!-- rules:begin -->\n"
	refEnd   = "<!-- rules:end -->"
)

// TestReadmeRuleReference keeps the README's rule reference generated from
// the rules' Docs, the single source of their documentation.
func TestReadmeRuleReference(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, refBegin), strings.Index(s, refEnd)
	if i < 0 || j < i {
		t.Fatalf("README lacks the %q … %q markers", refBegin, refEnd)
	}
	want := s[:i+len(refBegin)] + RuleReference() + s[j:]
	if *updateReadme {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Fatal("the README's rule reference is stale: run go test ./cmd/cvlint -run TestReadmeRuleReference -update-readme")
	}
}
