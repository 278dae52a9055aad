package rules_test

import (
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// TestApplyFixesTakesWholeFixes: a fix whose edits overlap one already
// taken is skipped entirely, never half applied.
func TestApplyFixesTakesWholeFixes(t *testing.T) {
	src := []byte("abcdefghij")
	fix := func(edits ...rules.Edit) rules.Diagnostic {
		return rules.Diagnostic{Fix: &rules.Fix{Edits: edits}}
	}
	ds := []rules.Diagnostic{
		fix(rules.Edit{Start: 0, End: 1, New: "A"}, rules.Edit{Start: 5, End: 6, New: "F"}),
		fix(rules.Edit{Start: 2, End: 3, New: "C"}, rules.Edit{Start: 5, End: 7, New: "XX"}), // overlaps F: skipped whole
		fix(rules.Edit{Start: 8, End: 8, New: "+"}),
		fix(rules.Edit{Start: 8, End: 8, New: "-"}), // same insertion point: skipped
		fix(rules.Edit{Start: 9, End: 10, New: "J"}),
	}
	got, n := rules.ApplyFixes(src, ds, func(rules.Diagnostic) bool { return true })
	if string(got) != "AbcdeFgh+iJ" || n != 4 {
		t.Fatalf("got %q with %d edits, want %q with 4", got, n, "AbcdeFgh+iJ")
	}
	if again, n := rules.ApplyFixes(src, nil, func(rules.Diagnostic) bool { return true }); string(again) != string(src) || n != 0 {
		t.Fatalf("no fixes changed the text: %q", again)
	}
}
