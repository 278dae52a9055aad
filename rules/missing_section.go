package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
	"github.com/cvlint/cvlint/rules/lexicon"
)

// MissingSection reports a CV without one of the sections recruiters look
// for.
var MissingSection = Register(&Rule{
	ID:       "missing-section",
	Title:    "a section recruiters look for is missing",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, LanguageAnalysis, TimelineAnalysis},
	Doc: Doc{
		Why: "Recruiters and applicant tracking systems look for experience, education and skills, and file what they find under those names. " +
			"Sections are recognised in English and French with their usual synonyms (`Work History`, `Parcours professionnel`, `Formation`, `Diplômes`, `Compétences`, `Tech stack`), " +
			"as headings, bold or all-caps title lines, plain-text title lines or inline labels (`Skills: Go, SQL`). " +
			"Experience also counts as present when the CV lists dated entries outside any other section (jobs written as `## Acme — 2019 – 2022`). " +
			"The findings are on line 1. Which sections are required is the `required` option.",
		Bad:  "# Jane Doe\n\n## Experience\n\n### Acme — 2019 – 2024\n\n## Hobbies\n\nClimbing.",
		Good: "# Jane Doe\n\n## Experience\n\n### Acme — 2019 – 2024\n\n## Education\n\nMSc, 2019\n\n## Skills\n\nGo, SQL",
		Options: []Option{
			{Name: "required", Default: []string{"experience", "education", "skills"},
				Help:    "sections the CV must have",
				Choices: []string{"experience", "education", "skills", "projects", "volunteering", "certifications", "languages", "interests", "summary", "publications", "contact", "teaching", "awards", "memberships"}},
		},
	},
	Run: runMissingSection,
})

// sectionNames suggests a title for each kind, in English and French.
var sectionNames = map[cvmodel.SectionKind][2]string{
	cvmodel.SectionExperience:     {"Experience", "Expérience professionnelle"},
	cvmodel.SectionEducation:      {"Education", "Formation"},
	cvmodel.SectionSkills:         {"Skills", "Compétences"},
	cvmodel.SectionProjects:       {"Projects", "Projets"},
	cvmodel.SectionVolunteering:   {"Volunteering", "Bénévolat"},
	cvmodel.SectionCertifications: {"Certifications", "Certifications"},
	cvmodel.SectionLanguages:      {"Languages", "Langues"},
	cvmodel.SectionInterests:      {"Interests", "Centres d’intérêt"},
	cvmodel.SectionSummary:        {"Summary", "Profil"},
	cvmodel.SectionPublications:   {"Publications", "Publications"},
	cvmodel.SectionContact:        {"Contact", "Contact"},
	cvmodel.SectionTeaching:       {"Teaching", "Enseignement"},
	cvmodel.SectionAwards:         {"Awards", "Prix et distinctions"},
	cvmodel.SectionMemberships:    {"Memberships", "Affiliations professionnelles"},
}

func runMissingSection(p *Pass) {
	d := p.Doc
	if requiredHeadings(p) {
		return // the headings name every required section
	}
	pr := ProseOf(p)
	titles := sectionTitles(d, pr)
	found := map[cvmodel.SectionKind]bool{}
	for _, t := range titles {
		found[t.Kind] = true
	}
	if !found[cvmodel.SectionExperience] && (hasDatedEntries(d, pr, titles) || datedCareer(p)) {
		found[cvmodel.SectionExperience] = true
	}
	_, lineEnd := d.Lines.Line(1)
	for _, name := range p.StringsOption("required") {
		kind, ok := sectionKindNamed(name)
		if !ok || found[kind] {
			continue
		}
		names := sectionNames[kind]
		suggest := fmt.Sprintf("%q (or %q)", names[0], names[1])
		if LanguageOf(p).Doc == lexicon.FR { // computed only when a section is missing
			suggest = fmt.Sprintf("%q (or %q)", names[1], names[0])
		}
		what := "no " + kind.String() + " section"
		if kind == cvmodel.SectionExperience {
			what = "no experience section and no dated entries"
		}
		p.Report(Finding{Start: 0, End: lineEnd, Message: fmt.Sprintf(
			"%s: recruiters and applicant tracking systems look for it; add a section titled %s", what, suggest)})
	}
}

// datedCareer asks the CV model, which knows sections under titles no
// table lists ("Where I have worked"), whether the CV holds dated jobs.
// Dated posts under a teaching title count too: a school teacher's
// "Teaching experience" is their career. The model is computed only when
// no experience title was found.
// requiredHeadings says whether the headings alone name every required
// section: sectionTitles would find them first, and what it finds beyond
// them could only add sections, so nothing would be missing.
func requiredHeadings(p *Pass) bool {
	var found [32]bool
	for _, h := range p.Doc.Headings {
		if k := h.SectionKind(); k >= 0 && int(k) < len(found) {
			found[k] = true
		}
	}
	for _, name := range p.StringsOption("required") {
		if kind, ok := sectionKindNamed(name); ok && (kind < 0 || int(kind) >= len(found) || !found[kind]) {
			return false
		}
	}
	return true
}

func datedCareer(p *Pass) bool {
	t := TimelineOf(p)
	dated := func(e *cvmodel.Entry) bool {
		r, _, ok := e.Span()
		return ok && r.EndKind != dates.Single
	}
	for _, e := range t.CareerEntries() {
		if dated(e) {
			return true
		}
	}
	for _, e := range t.Entries {
		if e.Parent == nil && e.Section != nil && e.Section.Kind == cvmodel.SectionTeaching && dated(e) {
			return true
		}
	}
	return false
}

func sectionKindNamed(name string) (cvmodel.SectionKind, bool) {
	k, ok := sectionKindByName[strings.ToLower(strings.TrimSpace(name))]
	return k, ok
}

// sectionKindByName indexes the kinds of sectionNames by their names.
var sectionKindByName = func() map[string]cvmodel.SectionKind {
	m := make(map[string]cvmodel.SectionKind, len(sectionNames))
	for k := range sectionNames {
		m[k.String()] = k
	}
	return m
}()

// hasDatedEntries reports whether the CV lists entries with date ranges
// outside any section other than experience: jobs written as headings
// with their dates and no "Experience" heading above them.
func hasDatedEntries(d *Document, pr *Prose, titles []sectionTitle) bool {
	starts := make([]int, len(titles))
	for i, t := range titles {
		starts[i] = t.Start
	}
	inOtherSection := func(off int) bool {
		i := sort.SearchInts(starts, off+1) - 1
		return i >= 0 && titles[i].Kind != cvmodel.SectionExperience
	}
	isRange := func(r dates.Range) bool { return r.EndKind != dates.Single }
	for i, h := range d.Headings {
		if i == 0 && h.Level == 1 {
			continue // the name line may carry a birth date
		}
		if r, ok := entryRange(d, pr, h); ok && isRange(r) && !inOtherSection(h.Start) {
			return true
		}
	}
	if !d.Plain {
		return false
	}
	for _, b := range pr.Blocks {
		s, e, ok := proseSpan(b)
		if !ok || inOtherSection(s) {
			continue
		}
		if r, ok := firstRange(string(pr.Text[s:e])); ok && isRange(r) {
			return true
		}
	}
	return false
}
