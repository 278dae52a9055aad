package report

import "testing"

func TestForTerminal(t *testing.T) {
	in := "-\tKuber\u200bnetes \x1b[2J\n+\tKubernetes\n"
	want := "-\tKuber\\u200bnetes \\x1b[2J\n+\tKubernetes\n"
	if got := ForTerminal(in); got != want {
		t.Fatalf("ForTerminal(%q) = %q, want %q", in, got, want)
	}
}
