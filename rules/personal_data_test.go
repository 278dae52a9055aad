package rules_test

import (
	"strings"
	"testing"
)

// TestPersonalDataPhrases checks one line at a time, in a CV that is
// otherwise clean: what must be reported, with its kind, and what never.
func TestPersonalDataPhrases(t *testing.T) {
	flag := map[string]string{
		"born 12/03/1985":                 "date of birth",
		"Born in 1985 in Lyon":            "date of birth",
		"Date de naissance : 3 mars 1985": "date of birth",
		"Née le 3 mars 1985 à Nantes":     "date of birth",
		"né(e) le 03.03.1985":             "date of birth",
		"D.O.B.: 1985-03-12":              "date of birth",
		"Birthday: March 12, 1985":        "date of birth",
		"35 ans":                          "age",
		"Marie Dupont, 29 ans, Lyon":      "age",
		"age: 35":                         "age",
		"Aged 35, London":                 "age",
		"35 years old":                    "age",
		"35-year-old":                     "age",
		"Married":                         "marital status",
		"Divorced":                        "marital status",
		"Mariée":                          "marital status",
		"marié(e)":                        "marital status",
		"pacsé":                           "marital status",
		"État civil : célibataire":        "marital status",
		"2 children":                      "number of children",
		"Mère de deux enfants":            "number of children",
		"father of 2 kids":                "number of children",
		"Enfants : 3":                     "number of children",
		"Citizenship: Canadian":           "nationality",
		"Nationalité française":           "nationality",
		"Religion: Catholic":              "religion",
		"Catholique pratiquante":          "religion",
		"Gender: female":                  "sex or gender",
		"N° de sécurité sociale : 2 90 05 69 123 456 78": "social security number",
		"SSN: 078-05-1120":                    "social security number",
		"NI number: QQ123456C":                "social security number",
		"Photo: available on request":         "photo",
		"![headshot](img/me.png)":             "photo",
		"![Me](images/avatar.jpg)":            "photo",
		"<img src=\"portrait.jpg\" alt=\"\">": "photo",
	}
	never := []string{
		"Graduated in 2010; BSc 2007 – 2010.",
		"Joined a company founded in 1985.",
		"2 years of experience in Go; 15 years old codebase migrated.",
		"10 ans d'expérience en Java ; depuis 12 ans en banque ; plus de 15 ans de métier.",
		"J'ai passé 5 ans chez Exemple SA.",
		"Implemented single sign-on (SSO) and a single-page app.",
		"Married to the job, says my manager.",
		"Single source of truth for the data platform.",
		"Languages: French (native), English (C1).",
		"Langues : français, anglais.",
		"Bilingual French–English; French and German speaker.",
		"[Photo gallery](https://example.com/photos) of our project.",
		"![Screenshot of the app](screenshot.png)",
		"Built a photo-sharing app for a Christian charity.",
		"Taught programming to 30 children.",
		"Order 123456789012345 shipped.",
		"Ran a 12-week course; age-appropriate content for children aged 8 to 12.",
		"Inline code: `1 85 03 75 123 456 78` and `123-45-6789`.",
		"Version 2.35, ans 35 ignored, 12345 ans",
		"Wrote the Nationality and Borders Bill briefing.",
	}
	for line, kind := range flag {
		ds := lintOnly(t, "personal-data", "cv.md", "# Jane Doe\n\n"+line+"\n", nil)
		if len(ds) != 1 || !strings.HasPrefix(ds[0].Message, kind+" ") {
			var msgs []string
			for _, d := range ds {
				msgs = append(msgs, d.Message)
			}
			t.Errorf("%q: want one %s finding, got %q", line, kind, msgs)
		}
	}
	for _, line := range never {
		for _, d := range lintOnly(t, "personal-data", "cv.md", "# Jane Doe\n\n"+line+"\n", nil) {
			t.Errorf("%q: unexpected %s", line, d.Message)
		}
	}
}
