package cvmodel

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClassifyHeading(t *testing.T) {
	for _, c := range []struct {
		in   string
		want SectionKind
	}{
		{"Experience", SectionExperience},
		{"## EXPÉRIENCE :", SectionExperience},
		{"Expériences professionnelles", SectionExperience},
		{"Expérience(s) professionnelle(s)", SectionExperience},
		{"Parcours professionnel", SectionExperience},
		{"ExpÃ©rience professionnelle", SectionExperience}, // mojibake read past
		{"CompÃ©tences", SectionSkills},
		{"Work History", SectionExperience},
		{"Professional Experience", SectionExperience},
		{"Missions", SectionExperience},
		{"1. Experience", SectionExperience},
		{"💼 Work experience", SectionExperience},
		{"**Formation**", SectionEducation},
		{"Formation & certifications", SectionEducation},
		{"Diplômes", SectionEducation},
		{"ÉTUDES", SectionEducation},
		{"Compétences", SectionSkills},
		{"Tech stack", SectionSkills},
		{"Technical Skills", SectionSkills},
		{"Projets", SectionProjects},
		{"Bénévolat", SectionVolunteering},
		{"Certifications", SectionCertifications},
		{"Langues", SectionLanguages},
		{"Centres d’intérêt", SectionInterests},
		{"Loisirs", SectionInterests},
		{"À propos", SectionSummary},
		{"Profil", SectionSummary},
		{"Conférences", SectionPublications},
		{"Talks", SectionPublications},
		{"Mes expériences", SectionExperience},
		{"Jane Doe", SectionUnknown},
		{"Acme Corp — Developer", SectionUnknown},
		{"", SectionUnknown},
	} {
		if got := ClassifyHeading(c.in); got != c.want {
			t.Errorf("ClassifyHeading(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestClassifyHeadingAcademic(t *testing.T) {
	for _, c := range []struct {
		in   string
		want SectionKind
	}{
		{"Teaching", SectionTeaching},
		{"Teaching experience", SectionTeaching},
		{"Enseignement", SectionTeaching},
		{"Activités d’enseignement", SectionTeaching},
		{"Expériences d'enseignement", SectionTeaching},
		{"Grants", SectionAwards},
		{"Funding", SectionAwards},
		{"Financements", SectionAwards},
		{"Awards", SectionAwards},
		{"Prix et distinctions", SectionAwards},
		{"Academic Positions", SectionExperience},
		{"Publications choisies", SectionPublications},
		{"Selected publications", SectionPublications},
		{"Communications", SectionPublications},
		{"Conference presentations", SectionPublications},
		{"PROFESSIONAL MEMBERSHIPS", SectionMemberships},
		{"Affiliations professionnelles", SectionMemberships},
		{"Communications en conférence", SectionPublications},
		{"Associations", SectionVolunteering},
		{"Engagements", SectionVolunteering},
		{"Side projects", SectionProjects},
		{"Open source", SectionProjects},
		{"Hobbies", SectionInterests},
		{"Research interests", SectionSummary},
		{"Thèmes de recherche", SectionSummary},
		{"Références", SectionUnknown},
	} {
		if got := ClassifyHeading(c.in); got != c.want {
			t.Errorf("ClassifyHeading(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestTitleFirstWordsFilterIsExact keeps classifyHeading's first-word
// test exact. A fold cut short lacks the final replacements, which can
// only glue an "s…" word to a word ending in "experience" or
// "professionnelle": whenever that makes a title's first word, the word
// before the glue must be a first word too.
func TestTitleFirstWordsFilterIsExact(t *testing.T) {
	for w := range titleFirstWords {
		for i := 1; i < len(w); i++ {
			if w[i] != 's' {
				continue
			}
			for _, from := range foldPluralFrom {
				end := string(from[:len(from)-2]) // "experience", "professionnelle"
				if len(w[:i]) >= len(end) && w[i-len(end):i] == end && !titleFirstWords[w[:i]] {
					t.Errorf("title first word %q may come from %q glued to an s-word, which is no first word", w, w[:i])
				}
			}
		}
	}
	// The filter changes no answer: classifyHeading against the lookups
	// alone, on titles dressed as headings are.
	var inputs []string
	for title := range sectionTitles {
		for _, dress := range []string{"%s", "## %s :", "1. %s", "II - %s", "Mes %s", "%s & Skills", "%s et formations",
			"%s summary", "%s (s) skills", "Profil %s", "%s of a lifetime in a much longer heading than any title"} {
			inputs = append(inputs, fmt.Sprintf(dress, title))
		}
	}
	inputs = append(inputs, "Expérience(s) professionnelle(s)", "Experience Summary", "1 2 Experience", "vii", "", "&", "& Experience")
	for _, in := range inputs {
		if got, want := classifyHeading(in), lookupTitle(in); got != want {
			t.Errorf("classifyHeading(%q) = %v, want %v", in, got, want)
		}
	}
}

// BenchmarkClassifyHeading classifies headings as CVs write them: mostly
// job titles, some section titles.
func BenchmarkClassifyHeading(b *testing.B) {
	headings := []string{
		"Jane Doe", "Experience", "Expérience professionnelle", "Formation", "Compétences", "Skills",
		"Software Engineer, Example Corp", "Ingénieure DevOps, Société Fictive", "MSc, Université d’Exemple",
		"Site Reliability Engineer, Nordwind GmbH", "Cheffe de projet, Exemple SA", "2. Projets personnels",
		"Développeur Java — Acme Widgets (2019 – 2023)", "Engineering Manager, Umbrella Labs",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, h := range headings {
			ClassifyHeading(h)
		}
	}
}

// TestAppendFoldMatchesRuneByRune checks the fast paths of appendFold
// (ASCII table, runs copied whole, replacements only after "e s")
// against a plain rune-by-rune fold.
func TestAppendFoldMatchesRuneByRune(t *testing.T) {
	pieces := []string{"Expérience", "experience", "(s)", " s", "S", "professionnelle", "Ã©", "&", " & ", "-", "  ",
		"ÉCOLE", "œuvre", "İ", "ß", "2019", "e", "’", "Skills", "…", "\t", "x"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var s strings.Builder
		for k := r.Intn(8); k >= 0; k-- {
			s.WriteString(pieces[r.Intn(len(pieces))])
		}
		in := s.String()
		var b1, b2 [128]byte
		got, _ := appendFold(b1[:0], in, -1)
		want := foldRuneByRune(b2[:0], in, true)
		if string(got) != string(want) {
			t.Fatalf("appendFold(%q) = %q, want %q", in, got, want)
		}
		// The limit applies before the replacements; a fold that keeps
		// within it is never given up.
		n := len(foldRuneByRune(b2[:0], in, false))
		for _, max := range []int{0, 5, 24} {
			if _, ok := appendFold(b1[:0], in, max); !ok && n <= max {
				t.Fatalf("appendFold(%q, %d) gave up on a fold of %d bytes", in, max, n)
			}
		}
	}
}

// foldRuneByRune is appendFold as first written, without limit, and with
// the final replacements only when replace is set.
func foldRuneByRune(b []byte, s string, replace bool) []byte {
	space := false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			r = foldRune(r)
		} else if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, r)
		case r == '&':
			if len(b) > 0 {
				b = append(b, " &"...)
			}
			space = true
		default:
			space = true
		}
	}
	for k, from := range foldPluralFrom {
		if replace {
			b = bytes.ReplaceAll(b, from, foldPluralTo[k])
		}
	}
	return b
}

// appendFields and collapseSpaces join words as strings.Fields splits
// them, across two parts as across the space a removed date leaves.
func TestAppendFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b ", "a\tb\u00a0c", "\u2003é  ü\u3000", "x\xffy  z", "Acme —  ", "  (  ) Dev"} {
		want := strings.Join(strings.Fields(s), " ")
		if got := string(appendFields(nil, []byte(s))); got != want {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
		if got := collapseSpaces(s); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		for _, u := range []string{"", " ", "x", " x y ", "\u00a0y"} {
			got := string(appendFields(appendFields(nil, []byte(s)), []byte(u)))
			if want := strings.Join(strings.Fields(s+" "+u), " "); got != want {
				t.Errorf("appendFields(%q, %q) = %q, want %q", s, u, got, want)
			}
		}
	}
}
