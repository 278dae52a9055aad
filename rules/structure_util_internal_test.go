package rules

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/cvlint/cvlint/rules/cvmodel"
)

// TestMayNameSection checks the bound mayNameSection relies on: no text
// of fewer than minTitleLetters letters names a section, whatever the
// letters and the separators between them.
func TestMayNameSection(t *testing.T) {
	seps := []string{"", " ", "1 ", "my "}
	var try func(prefix string, letters int)
	try = func(prefix string, letters int) {
		for _, sep := range seps {
			text := sep + prefix
			if !mayNameSection([]byte(text)) || letters < minTitleLetters {
				if k := cvmodel.ClassifyHeading(text); k != cvmodel.SectionUnknown && !mayNameSection([]byte(text)) {
					t.Fatalf("%q names section %v but mayNameSection says no", text, k)
				}
			}
		}
		if letters == minTitleLetters-1 {
			return
		}
		for c := 'a'; c <= 'z'; c++ {
			try(prefix+string(c), letters+1)
			try(prefix+" "+string(c), letters+1)
		}
	}
	try("", 0)
	for _, text := range []string{"2019 – 2022", "*2019 – 2022*", "Ã©t", "√©", "Go", "Q1"} {
		if k := cvmodel.ClassifyHeading(text); k != cvmodel.SectionUnknown && !mayNameSection([]byte(text)) {
			t.Fatalf("%q names section %v but mayNameSection says no", text, k)
		}
	}
	for _, text := range []string{"Work", "Prix", "EXPÉRIENCE", "Skills:"} {
		if !mayNameSection([]byte(text)) {
			t.Errorf("mayNameSection(%q) = false", text)
		}
	}
}

func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "Jane", "ÉLODIE", "Zoé", "İstanbul", "\u212aelvin", "a\xffb", "\xc3", "D’Artagnan", "ǅ", "ẞ"} {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFieldsAtMost compares fieldsAtMost with strings.Fields on random
// texts of spaces, letters, control bytes and non-ASCII runes.
func TestFieldsAtMost(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{" ", "  ", "\t", "\n", "\v", "\f", "\r", "\x08", "\x0e", "\x1f", "!", "a", "word", "é", "\u00a0", "\u2003", "\u0085", "\xff", "\xc3", "\x7f", "longerword"}
	for range 20000 {
		var b strings.Builder
		for k := r.Intn(30); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want := len(strings.Fields(s))
		for n := 0; n <= 12; n++ {
			if got := fieldsAtMost(s, n); got != (want <= n) {
				t.Fatalf("fieldsAtMost(%q, %d) = %v, strings.Fields has %d", s, n, got, want)
			}
			if got := fieldsAtMost([]byte(s), n); got != (want <= n) {
				t.Fatalf("fieldsAtMost([]byte(%q), %d) = %v, strings.Fields has %d", s, n, got, want)
			}
		}
	}
}
