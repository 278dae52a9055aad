package dates

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var benchLines = []string{
	"## Senior Software Engineer — Acme Corp",
	"*Sept. 2025 - now* · Paris, France",
	"- Led a team of 8 engineers building a payments platform used by 1,500 merchants.",
	"- Migrated 40 services from Python 3.8 to Python 3.12 and Java 8 to Java 21.",
	"### Beta Corp, Engineer, 2008/10 à 2021/11",
	"Développement d'une application mobile (React Native 0.72, TypeScript 5.2).",
	"Tél : 06 12 34 56 78 — jane.doe@example.com",
	"**Stage** — *de janvier à juin 2014* — Lyon",
	"Skills: Go, Kubernetes, Terraform, PostgreSQL 16, Redis, ISO 27001",
	"Proxmox (2020), Ansible (2019)",
	"",
	"Languages: English (C2), French (native), German (B1)",
}

func BenchmarkFind(b *testing.B) {
	var n int
	for _, l := range benchLines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range benchLines {
			Find(l)
		}
	}
}

func TestFindDoesNotAllocateWithoutDates(t *testing.T) {
	for _, l := range []string{
		"- Led a team of 8 engineers building a payments platform used by 1,500 merchants.",
		"Skills: Go, Kubernetes, Terraform, PostgreSQL 16, Redis, ISO 27001, Windows 2000",
		"Languages: English (C2), French (native), German (B1), depuis toujours en mars",
	} {
		Find(l) // warm the pool
		if n := testing.AllocsPerRun(100, func() { Find(l) }); n != 0 {
			t.Errorf("Find(%q) allocates %v times", l, n)
		}
	}
}

// FuzzFind checks the invariants every caller relies on.
func FuzzFind(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	for _, s := range noDates {
		f.Add(s)
	}
	f.Add("â€")
	f.Add("d'")
	f.Add("2019 – 2020 – 2021 –")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, r := range Find(s) {
			if r.Pos < end || r.EndPos <= r.Pos || r.EndPos > len(s) || s[r.Pos:r.EndPos] != r.Text {
				t.Fatalf("bad range %+v in %q", r, s)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(r.Text) || strings.TrimSpace(r.Text) != r.Text) {
				t.Fatalf("range %q not trimmed on rune boundaries", r.Text)
			}
			if r.Start.IsZero() || r.Format == "" {
				t.Fatalf("range without start or format: %+v", r)
			}
			if (r.EndKind == Present || r.EndKind == Missing) != r.End.IsZero() {
				t.Fatalf("End %v does not match %v", r.End, r.EndKind)
			}
			end = r.EndPos
		}
		Parse(s)
	})
}
