package cvmodel

import "strings"

// Words (folded, see Fold) that make an entry one that may run alongside
// another: the kinds the date-overlap rule lets overlap by default.
var kindWords = []struct {
	kind  EntryKind
	words []string
}{
	{KindVolunteering, []string{"benevole", "benevoles", "benevolat", "volunteer", "volunteering", "pro bono", "volontaire"}},
	{KindTeaching, []string{"teaching", "teacher", "lecturer", "charge de cours", "chargee de cours", "charge d enseignement",
		"chargee d enseignement", "enseignant", "enseignante", "vacataire", "formateur", "formatrice", "instructor",
		"teaching assistant", "professeur", "professeure", "adjunct", "guest lecturer", "intervenant", "intervenante"}},
	// A non-executive board seat runs alongside a job by nature.
	{KindPartTime, append([]string{"part time", "temps partiel", "mi temps", "a mi temps", "weekend job", "side job"},
		boardWords...)},
	{KindFreelance, []string{"freelance", "free lance", "freelancer", "independant", "independante", "independent consultant",
		"self employed", "auto entrepreneur", "micro entrepreneur", "consultant independant", "consultante independante"}},
	{KindInternship, []string{"stage", "stagiaire", "intern", "internship", "alternance", "alternant", "alternante",
		"apprenti", "apprentie", "apprentice", "apprenticeship", "work study"}},
}

// boardWords name a non-executive board seat: part-time, but not a
// position that makes a section a career one (see jobLike).
var boardWords = []string{"non executive", "board member", "member of the board", "trustee", "membre du conseil",
	"conseil d administration", "administrateur independant", "administratrice independante"}

// roleWords name a position: an entry of an unknown section whose title
// holds one is job-like.
var roleWords = []string{
	"developer", "developpeur", "developpeuse", "engineer", "ingenieur", "ingenieure", "consultant", "consultante",
	"analyst", "analyste", "manager", "designer", "architect", "architecte", "administrator", "administrateur",
	"administratrice", "technician", "technicien", "technicienne", "accountant", "comptable", "chef de projet",
	"cheffe de projet", "product owner", "scrum master", "director", "directeur", "directrice", "head of", "cto", "ceo",
	"cfo", "founder", "co founder", "cofounder", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "officer",
	"specialist", "specialiste", "coordinator", "coordinateur", "coordinatrice", "team lead", "tech lead", "lead developer",
	"researcher", "chercheur", "chercheuse", "postdoc", "post doctoral", "postdoctoral", "scientist", "sales",
	"commercial", "commerciale", "conseiller", "conseillere", "gestionnaire", "employee", "employe",
	"assistant", "assistante", "nurse", "infirmier", "infirmiere", "operator", "operateur", "operatrice",
}

// jobLike reports an entry that names a position: a career kind its own
// words give (internship, freelance, part-time), a role word in its title
// or in one of its children's (an employer heading over its roles).
func jobLike(e *Entry) bool {
	switch e.Kind {
	case KindInternship, KindFreelance, KindMission:
		return true
	case KindPartTime:
		if !boardSeat(e.fold) {
			return true
		}
	}
	if firstMatch(roleIndex, e.fold) >= 0 {
		return true
	}
	for _, c := range e.Children {
		if c.Kind == KindMission || firstMatch(roleIndex, c.fold) >= 0 {
			return true
		}
	}
	return false
}

// boardSeat reports a folded title, padded with a space on each side,
// that names a board seat.
func boardSeat(f string) bool {
	for _, w := range boardWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

// schoolWords mark an education entry written among jobs, in a CV
// without an education heading.
var schoolWords = []string{
	"universite", "university", "bachelor", "licence", "bsc", "msc", "phd", "doctorat", "ecole", "school",
	"college", "lycee", "diplome", "baccalaureat", "bac", "dut", "bts", "iut", "mba", "degree", "master",
	"classes preparatoires", "prepa", "insa", "polytechnique",
}

func init() {
	// Pad every word once, so matching a whole word is one Contains.
	for i := range kindWords {
		for j, w := range kindWords[i].words {
			kindWords[i].words[j] = " " + w + " "
		}
	}
	for i, w := range schoolWords {
		schoolWords[i] = " " + w + " "
	}
	for _, w := range roleWords {
		indexWords(roleIndex, 0, " "+w+" ")
	}
	for i, kw := range kindWords {
		for _, w := range kw.words {
			indexWords(kindIndex, i, w)
		}
	}
	for _, w := range schoolWords {
		indexWords(schoolIndex, 0, w)
	}
}

// kindIndex maps the first word of every padded kind word to the kind
// words it starts, with the rank of their kind in kindWords; schoolIndex
// does the same for schoolWords, roleIndex for roleWords.
var kindIndex, schoolIndex, roleIndex = newWordIndex(), newWordIndex(), newWordIndex()

type wordIndex struct {
	words map[string][]kindCandidate
	// lengths[c] has bit n set when a first word of n bytes (n < 63, or
	// 63 for longer ones) starts with c: a word whose bit is clear is in
	// no entry of words, and costs no map lookup.
	lengths [256]uint64
}

func newWordIndex() *wordIndex { return &wordIndex{words: map[string][]kindCandidate{}} }

func lengthBit(word string) uint64 { return 1 << min(len(word), 63) }

type kindCandidate struct {
	rank   int
	padded string // " w … "
}

func indexWords(index *wordIndex, rank int, padded string) {
	first, _, _ := strings.Cut(padded[1:], " ")
	index.words[first] = append(index.words[first], kindCandidate{rank, padded})
	index.lengths[first[0]] |= lengthBit(first)
}

// firstMatch returns the lowest rank of a padded word of index found in
// f, a folded text padded with a space on each side, or -1. Folded text
// is words joined by single spaces, so a padded word occurs in f exactly
// where its first word starts one of f's words.
func firstMatch(index *wordIndex, f string) int {
	best := -1
	for i := 0; i+1 < len(f); {
		j := strings.IndexByte(f[i+1:], ' ')
		if j < 0 {
			break
		}
		if word := f[i+1 : i+1+j]; word != "" && index.lengths[word[0]]&lengthBit(word) != 0 {
			for _, c := range index.words[word] {
				if (best < 0 || c.rank < best) && strings.HasPrefix(f[i:], c.padded) {
					best = c.rank
				}
			}
		}
		i += 1 + j
	}
	return best
}

func entryKind(e *Entry) EntryKind {
	f := e.fold
	if k := firstMatch(kindIndex, f); k >= 0 {
		return kindWords[k].kind
	}
	switch e.Section.Kind {
	case SectionEducation:
		return KindEducation
	case SectionVolunteering:
		return KindVolunteering
	case SectionTeaching:
		return KindTeaching
	case SectionProjects:
		return KindProject
	case SectionCertifications:
		return KindCertification
	case SectionExperience:
	case SectionUnknown:
		if e.Parent == nil && !strings.Contains(f, " scrum master ") {
			if firstMatch(schoolIndex, f) >= 0 {
				return KindEducation
			}
		}
	default:
		return KindOther
	}
	if e.Parent != nil && (e.Parent.Kind == KindJob || e.Parent.Kind == KindFreelance || e.Parent.Kind == KindMission) {
		return KindMission
	}
	return KindJob
}
