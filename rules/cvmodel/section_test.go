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
