package cvmodel

import "testing"

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
