// Package cvmodel owns cvlint's model of a CV: its sections, the entries
// (jobs, schools, missions, projects) inside them, how entries nest, and
// each entry's date range. It knows nothing of rules: it takes the parsed
// Markdown (or the lines of a plain-text file) and returns a Timeline.
//
// # Sections
//
// A heading, a bold or all-caps line, or a short plain-text line that
// names a known section (ClassifyHeading: experience, education,
// teaching, awards and grants, publications…) opens a section of that
// kind. A Markdown heading the model does not know ("## Side activities")
// opens a section of kind SectionUnknown when it stands at the level of
// the known section titles and carries no date, even when its
// sub-headings carry dates: it is not an entry of the section above it.
// Lines before the first title belong to an implicit unknown section.
//
// # Career sections
//
// The career checks (Overlaps, Gaps, and the order of the "experience"
// group) read the entries of the sections marked Career:
//
//   - the experience sections;
//   - when the CV has no experience section, every unknown section,
//     the implicit one included (jobs written as dated headings under
//     no title, or under a title the model does not know);
//   - when it has one, an unknown section whose dated entries are mostly
//     job-like (a role word such as "developer" or "ingénieure", or an
//     internship, freelance or part-time entry), as "## Earlier roles"
//     would be. The implicit section never is then: a line under the
//     name ("Product designer since 2016") is a tagline, not a job.
//
// Other sections are compared within themselves only (the order of an
// education or a teaching section), and an unknown section that is not
// a career section with nothing. The entries of a teaching section run
// alongside the jobs (they are of kind KindTeaching, which the
// date-overlap rule lets overlap by default) and, like education, cover
// the months they span when gaps are measured.
package cvmodel

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules/dates"
	"github.com/cvlint/cvlint/rules/mojibake"
)

// SectionKind is what a section of a CV is about.
type SectionKind uint8

const (
	SectionUnknown SectionKind = iota // a heading that names no known section
	SectionExperience
	SectionEducation
	SectionSkills
	SectionProjects
	SectionVolunteering
	SectionCertifications
	SectionLanguages
	SectionInterests
	SectionSummary
	SectionPublications
	SectionContact
	SectionTeaching // courses taught: concurrent with the jobs by default
	SectionAwards   // awards, prizes, grants, funding, scholarships
	// SectionMemberships lists professional bodies ("IEEE, member since
	// 2015"): dated lines that are neither jobs nor a career.
	SectionMemberships
)

var sectionNames = [...]string{
	SectionUnknown:        "unknown",
	SectionExperience:     "experience",
	SectionEducation:      "education",
	SectionSkills:         "skills",
	SectionProjects:       "projects",
	SectionVolunteering:   "volunteering",
	SectionCertifications: "certifications",
	SectionLanguages:      "languages",
	SectionInterests:      "interests",
	SectionSummary:        "summary",
	SectionPublications:   "publications",
	SectionContact:        "contact",
	SectionTeaching:       "teaching",
	SectionAwards:         "awards",
	SectionMemberships:    "memberships",
}

func (k SectionKind) String() string {
	if int(k) < len(sectionNames) {
		return sectionNames[k]
	}
	return "unknown"
}

// Dated reports whether entries of this section are expected to carry dates.
func (k SectionKind) Dated() bool {
	switch k {
	case SectionExperience, SectionEducation, SectionVolunteering, SectionProjects, SectionTeaching:
		return true
	}
	return false
}

// sectionTitles maps a folded title (lower case, no accents, punctuation
// turned into single spaces) to its kind.
var sectionTitles = map[string]SectionKind{}

func init() {
	for kind, titles := range map[SectionKind][]string{
		SectionExperience: {
			"experience", "experiences", "work experience", "professional experience", "relevant experience",
			"work history", "employment", "employment history", "career", "career history", "work",
			"professional background", "experience professionnelle", "experiences professionnelles",
			"parcours", "parcours professionnel", "missions", "missions realisees", "principales missions",
			"emplois", "postes occupes", "experience pro", "experiences pro", "mon parcours",
			"industry experience", "professional history", "employment experience",
			"academic positions", "academic appointments", "academic experience", "appointments", "positions held",
			"research positions", "research experience", "other experience", "additional experience",
			"previous experience", "autres experiences", "autres experiences professionnelles", "internships", "stages",
			"fonctions occupees", "experience de travail", "experiences de travail", "executive experience",
		},
		SectionEducation: {
			"education", "academic background", "academic history", "studies", "formation", "formations",
			"diplomes", "diplome", "etudes", "cursus", "formation academique", "parcours academique",
			"education and training", "formation initiale", "diplomes et formations", "formations et diplomes",
			"scolarite", "training",
		},
		SectionSkills: {
			"skills", "competences", "competence", "tech stack", "technical skills", "key skills", "core skills",
			"competences techniques", "stack technique", "stack", "technologies", "hard skills", "soft skills",
			"competences cles", "savoir faire", "outils", "tools", "skills and tools", "expertise",
			"technical expertise", "core competencies", "competencies", "domaines de competences",
		},
		SectionProjects: {
			"projects", "projets", "personal projects", "side projects", "projets personnels",
			"open source", "open source contributions", "selected projects", "key projects", "realisations",
			"open source projects", "projets open source", "contributions open source", "projets annexes",
		},
		SectionVolunteering: {
			"volunteering", "volunteer experience", "volunteer work", "benevolat", "engagement associatif",
			"engagements associatifs", "activites associatives", "vie associative", "engagements", "community",
			"associations", "association", "engagement", "community involvement", "civic engagement",
		},
		SectionCertifications: {
			"certifications", "certification", "certificates", "licenses and certifications",
			"certifications and licenses", "certificats",
		},
		SectionLanguages: {
			"languages", "language skills", "langues", "langues etrangeres", "langue",
		},
		SectionInterests: {
			"interests", "hobbies", "hobbies and interests", "centres d interet", "centre d interet",
			"centres d interets", "loisirs", "passions", "activites extra professionnelles", "divers",
		},
		SectionSummary: {
			"summary", "profile", "profil", "a propos", "a propos de moi", "about", "about me",
			"objective", "career objective", "professional summary", "profil professionnel",
			"presentation", "objectif", "executive summary", "resume du profil",
			"research interests", "research areas", "research focus", "themes de recherche", "axes de recherche",
			"domaines de recherche", "thematiques de recherche",
		},
		SectionPublications: {
			"publications", "talks", "conferences", "conference talks", "speaking", "interventions",
			"articles", "publications and talks", "talks and publications",
			"selected publications", "publications choisies", "publications selectionnees", "principales publications",
			"communications", "communications scientifiques", "communications orales", "presentations",
			"invited talks", "selected talks", "papers", "selected papers", "peer reviewed publications",
			"conference presentations", "conference papers", "talks and presentations", "presentations and talks",
			"communications en conference", "communications dans des conferences",
		},
		SectionContact: {
			"contact", "contacts", "coordonnees", "contact information", "contact details", "informations personnelles",
		},
		SectionTeaching: {
			"teaching", "teaching experience", "teaching activities", "teaching and supervision", "courses taught",
			"lecturing", "enseignement", "enseignements", "activites d enseignement", "activites pedagogiques",
			"experience d enseignement", "experiences d enseignement", "charges d enseignement",
			"interventions pedagogiques", "cours dispenses", "formations dispensees",
		},
		SectionMemberships: {
			"memberships", "membership", "professional memberships", "affiliations", "professional affiliations",
			"memberships and affiliations", "affiliations and memberships", "professional associations",
			"professional bodies", "learned societies", "adhesions", "affiliations professionnelles",
			"associations professionnelles", "societes savantes",
		},
		SectionAwards: {
			"awards", "award", "honors", "honours", "awards and honors", "honors and awards", "awards and honours",
			"distinctions", "prix", "prix et distinctions", "recompenses", "grants", "funding", "research funding",
			"financements", "financement", "bourses", "bourses et financements", "scholarships", "fellowships",
			"grants and awards", "awards and grants", "grants and funding",
		},
	} {
		for _, t := range titles {
			if k, dup := sectionTitles[t]; dup && k != kind {
				panic("cvmodel: section title " + t + " names two kinds")
			}
			sectionTitles[t] = kind
			first, _, _ := strings.Cut(t, " ")
			titleFirstWords[first] = true
		}
	}
	for _, p := range titlePrefixes {
		titleFirstWords[strings.TrimSpace(p)] = true
	}
}

// titleFirstWords holds the first word of every section title and the
// words of titlePrefixes. Every string classifyHeading looks up starts
// at the first word of the folded heading (numbering aside), or right
// after one of titlePrefixes: a heading whose first word is none of
// these names no section.
var titleFirstWords = map[string]bool{}

// titlePrefixes may come before a title: "Mes expériences", "My projects".
var titlePrefixes = []string{"my ", "mes ", "ma ", "mon "}

// ClassifyHeading says which section a heading (or a bold or all-caps
// title line) names. Case, accents, emphasis, numbering, emoji and
// punctuation do not matter: "## EXPÉRIENCE :", "**Formation**",
// "2. Projets personnels" and "💼 Work history" are all recognised. A
// title joining two sections ("Formation & certifications") takes the
// first.
func ClassifyHeading(text string) SectionKind {
	k := classifyHeading(text)
	if k == SectionUnknown {
		// "ExpÃ©rience professionnelle" is still the experience section:
		// the mojibake rule reports the damage, the model reads past it.
		if repaired := mojibake.Repair(text); repaired != text {
			k = classifyHeading(repaired)
		}
	}
	return k
}

// classifyBytes is ClassifyHeading of a line of the caller's text. Only
// a title the words do not name and that is not plain ASCII, where the
// mojibake repair may find one, is made a string.
func classifyBytes(text []byte) SectionKind {
	k := classifyHeading(text)
	if k == SectionUnknown && !isASCII(text) {
		k = ClassifyHeading(string(text))
	}
	return k
}

func isASCII(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// bytesOrString is a line as the model reads it: the caller's bytes, or a
// string.
type bytesOrString interface{ ~string | ~[]byte }

// decodeRune is utf8.DecodeRuneInString(s[i:]) for either kind of text:
// a rune is at most four bytes, converted on the stack.
func decodeRune[T bytesOrString](s T, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
}

func classifyHeading[T bytesOrString](text T) SectionKind {
	var buf [96]byte
	// Most headings name no section, and their first word says so: only
	// the first words are folded to find it out.
	if w, ok := firstWord(appendFold(buf[:0], text, 16)); ok && !titleFirstWords[string(w)] {
		return SectionUnknown
	}
	return lookupTitle(text)
}

// lookupTitle is classifyHeading without the first-word test: the fold
// of the whole text looked up in the titles, whole, before " and ", or
// after "my".
func lookupTitle[T bytesOrString](text T) SectionKind {
	var buf [96]byte
	// The replacements at the end of fold take one byte out of twelve
	// ("experience s") and then one out of seventeen at most, less than a
	// seventh in all: past 80 bytes before them, the text stays past 60.
	f, ok := appendFold(buf[:0], text, 80)
	if !ok || len(f) == 0 || len(f) > 60 {
		return SectionUnknown
	}
	f = trimNumbering(f)
	// string(f) in a map index makes no copy.
	if k, ok := sectionTitles[string(f)]; ok {
		return k
	}
	for _, sep := range []string{" and ", " et ", " & "} {
		if i := bytes.Index(f, []byte(sep)); i > 0 {
			if k, ok := sectionTitles[string(f[:i])]; ok {
				return k
			}
		}
	}
	// "Mes expériences", "My projects", "Nos missions".
	for _, p := range titlePrefixes {
		if bytes.HasPrefix(f, []byte(p)) {
			if k, ok := sectionTitles[string(f[len(p):])]; ok {
				return k
			}
		}
	}
	return SectionUnknown
}

// firstWord returns the first word of a folded heading once trimNumbering
// has dropped its numbering, from the start of the fold; whole is false
// when fold was cut short (see appendFold). ok is false when the start
// does not hold the whole word.
//
// The fold's last replacements ("experience s" → "experiences") are not
// made on a start cut short, so the word may lack the "s" they add: no
// title's first word is a word ending in "experience" or
// "professionnelle" plus "s" but "experiences", and "experience" is one
// too.
func firstWord(fold []byte, whole bool) (w []byte, ok bool) {
	i := bytes.IndexByte(fold, ' ')
	if i > 0 && isNumbering(fold[:i]) {
		fold = fold[i+1:]
		i = bytes.IndexByte(fold, ' ')
	}
	if i < 0 {
		return fold, whole
	}
	return fold[:i], true
}

// trimNumbering drops "1 ", "ii ", "a " style prefixes left by numbered
// titles ("1. Experience", "II - Formation").
func trimNumbering(f []byte) []byte {
	i := bytes.IndexByte(f, ' ')
	if i <= 0 {
		return f
	}
	if isNumbering(f[:i]) {
		return f[i+1:]
	}
	return f
}

// isNumbering reports a folded word that numbers a title: digits, or a
// Roman numeral up to vii.
func isNumbering(w []byte) bool {
	isNum := true
	for _, c := range w {
		if c < '0' || c > '9' {
			isNum = false
		}
	}
	switch string(w) { // compared, never kept: no copy
	case "i", "ii", "iii", "iv", "v", "vi", "vii":
		return true
	}
	return isNum
}

// Fold lowers s, strips accents, and turns every run of characters that
// are neither letters nor digits into one space; "## EXPÉRIENCE(S) :" →
// "experience s". Apostrophes split words: "Centres d’intérêt" →
// "centres d interet".
func Fold(s string) string {
	var buf [64]byte
	out, _ := appendFold(buf[:0], s, -1)
	return string(out)
}

var (
	foldPluralFrom = [][]byte{[]byte("experience s"), []byte("professionnelle s")}
	foldPluralTo   = [][]byte{[]byte("experiences"), []byte("professionnelles")}
)

// appendFold appends the fold of s to b[:0] and returns it; it gives up,
// returning the start folded so far (without the final replacements) and
// false, once the folded text runs past max bytes (max < 0: no limit).
func appendFold[T bytesOrString](b []byte, s T, max int) ([]byte, bool) {
	b = b[:0]
	space := false
	// Both final replacements need "e s" in the fold: an "s" opening a
	// word after one that ends in "e" (no other rune folds to an "s").
	plural := false
	for i := 0; i < len(s); {
		if max >= 0 && len(b) > max {
			return b, false
		}
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			i++
			f := asciiFold[c]
			if f == 0 {
				if c == '&' && len(b) > 0 {
					b = append(b, " &"...)
				}
				space = true
				continue
			}
			if space && len(b) > 0 {
				plural = plural || f == 's' && b[len(b)-1] == 'e'
				b = append(b, ' ')
			}
			space = false
			b = append(b, f)
			// The rest of a run that folds to itself (lower-case letters,
			// digits) is copied whole. Stopping past max inside it changes
			// nothing for the callers: the fold is longer than max either way.
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && asciiFold[s[j]] == s[j] {
				j++
			}
			b = append(b, s[i:j]...)
			i = j
			continue
		} else {
			var n int
			r, n = decodeRune(s, i)
			i += n
			r = foldRune(r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, r)
			continue
		}
		if r == '&' {
			if len(b) > 0 {
				b = append(b, " &"...)
			}
			space = true
			continue
		}
		space = true
	}
	if !plural {
		return b, true
	}
	// "experience(s)" and "expériences" read the same.
	for k, from := range foldPluralFrom {
		if bytes.Contains(b, from) {
			b = bytes.ReplaceAll(b, from, foldPluralTo[k])
		}
	}
	return b, true
}

// asciiFold maps an ASCII letter or digit to its fold (the lower-case
// letter, the digit) and any other ASCII byte to 0: a separator.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

func foldRune(r rune) rune {
	if b := dates.FoldLetter(r); b != 0 {
		return rune(b)
	}
	if r == 'œ' || r == 'Œ' {
		return 'o' // rare in titles; "œuvre" folds close enough
	}
	return unicode.ToLower(r)
}
