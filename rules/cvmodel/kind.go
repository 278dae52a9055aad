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
	{KindPartTime, []string{"part time", "temps partiel", "mi temps", "a mi temps", "weekend job", "side job"}},
	{KindFreelance, []string{"freelance", "free lance", "freelancer", "independant", "independante", "independent consultant",
		"self employed", "auto entrepreneur", "micro entrepreneur", "consultant independant", "consultante independante"}},
	{KindInternship, []string{"stage", "stagiaire", "intern", "internship", "alternance", "alternant", "alternante",
		"apprenti", "apprentie", "apprentice", "apprenticeship", "work study"}},
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
}

func entryKind(e *Entry) EntryKind {
	f := " " + e.Text + " "
	for _, kw := range kindWords {
		for _, w := range kw.words {
			if strings.Contains(f, w) {
				return kw.kind
			}
		}
	}
	switch e.Section.Kind {
	case SectionEducation:
		return KindEducation
	case SectionVolunteering:
		return KindVolunteering
	case SectionProjects:
		return KindProject
	case SectionCertifications:
		return KindCertification
	case SectionExperience:
	case SectionUnknown:
		if e.Parent == nil && !strings.Contains(f, " scrum master ") {
			for _, w := range schoolWords {
				if strings.Contains(f, w) {
					return KindEducation
				}
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
