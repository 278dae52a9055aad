package cvmodel_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cvlint/cvlint/rules"
	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// build parses src as the engine does (prose masking included) and
// returns the model.
func build(t *testing.T, name, src string) *cvmodel.Timeline {
	t.Helper()
	doc := rules.Parse(name, rules.Decoded{Text: []byte(src)}, rules.IsPlain(name))
	return rules.BuildTimeline(doc)
}

// outline renders the model compactly: one line per section and entry.
func outline(tl *cvmodel.Timeline) string {
	var b strings.Builder
	var entry func(e *cvmodel.Entry, depth int)
	entry = func(e *cvmodel.Entry, depth int) {
		r := "-"
		if e.HasDate {
			r = e.Date.String()
		}
		fmt.Fprintf(&b, "%s%s %s %d %q\n", strings.Repeat("  ", depth), e.Kind, r, e.Line, e.Title)
		for _, c := range e.Children {
			entry(c, depth+1)
		}
	}
	for _, s := range tl.Sections {
		fmt.Fprintf(&b, "[%s]\n", s.Kind)
		for _, e := range s.Entries {
			entry(e, 1)
		}
	}
	return b.String()
}

func TestModel(t *testing.T) {
	for _, c := range []struct {
		name, file, src, want string
	}{
		{"consultant with missions", "cv.md", `# Camille Lefèvre

## Expérience professionnelle

### Exemple Conseil — Consultante (2015 – aujourd’hui)

#### Mission Banque Fictive
*mars 2021 – juin 2023*

- Outils : Proxmox (2020), Docker (2019)
- Migration vers Kubernetes (2022)

#### Mission Énergie SA
*2016 – 2018*

### Audit Cloud (Exemple Conseil), 2015 – 2016

### Société Fictive — Ingénieure, 2010/09 à 2015/06
`, `[experience]
  job 2015..present 5 "Exemple Conseil — Consultante"
    mission 2021-03..2023-06 7 "Mission Banque Fictive"
    mission 2016..2018 13 "Mission Énergie SA"
    mission 2015..2016 16 "Audit Cloud (Exemple Conseil)"
  job 2010-09..2015-06 18 "Société Fictive — Ingénieure"
`},
		{"headings with dates, no section", "cv.md", `# Oliver Martin

## Acme 2004-2006 Developer

### Beta Corp, Engineer, 2008/10 à 2021/11
`, `[unknown]
  job 2004..2006 3 "Acme Developer"
  job 2008-10..2021-11 5 "Beta Corp, Engineer"
`},
		{"bold titles, dates on the next line, kinds", "cv.md", `**Jean Dupont**, né le 12/03/1985

**EXPÉRIENCE :**

**Développeur — Exemple SA**
*Sept. 2019 – Present*

**Formateur bénévole — Code Club**
*depuis 2018*

**Chargé de cours — Université d’Exemple**
*2017 – 2020*

**Formation**

- Master, Université d’Exemple, 2015 – 2017
- Licence, Université d’Exemple

| Période | Diplôme |
|---|---|
| 2012 – 2015 | Licence |

## Compétences

- Go (2015), Python (2010)
- Kubernetes
`, `[experience]
  job 2019-09..present 5 "Développeur — Exemple SA"
  volunteering 2018..present 8 "Formateur bénévole — Code Club"
  teaching 2017..2020 11 "Chargé de cours — Université d’Exemple"
[education]
  education 2015..2017 16 "Master, Université d’Exemple"
  education - 17 "Licence, Université d’Exemple"
  education 2012..2015 21 "Licence"
[skills]
`},
		{"plain text", "cv.txt", `JEAN DUPONT - né le 12/03/1985
jean.dupont@example.com

EXPÉRIENCE PROFESSIONNELLE

Globex - Ingénieur données
mars 2019 - aujourd'hui
  Pipeline Kafka (2020), Flink (2021)

Initech, analyste, 2016 - 2019

FORMATION

Master statistiques, Université d'Exemple    2014 - 2016
`, `[experience]
  job 2019-03..present 6 "Globex - Ingénieur données"
  job 2016..2019 10 "Initech, analyste"
[education]
  education 2014..2016 14 "Master statistiques, Université d'Exemple"
`},
		{"Google Docs export: a blank line between title and dates", "cv.txt", `Jane Doe
jane@example.com

EXPERIENCE

Senior Engineer, Acme Corp

March 2019 – Present

Built the billing platform.

Led the migration to Kubernetes.

2018 – 2019

EDUCATION

MSc Computer Science, Université d’Exemple

2013 – 2015
`, `[experience]
  job 2019-03..present 6 "Senior Engineer, Acme Corp"
  job 2018..2019 14 ""
[education]
  education 2013..2015 18 "MSc Computer Science, Université d’Exemple"
`},
		{"Markdown paragraphs with a blank line between title and dates", "cv.md", `# Jane Doe

## Experience

Engineer, Globex

Jan 2015 – Feb 2019

Maintained the billing system.

## Interests

Climbing with friends

2010 – 2020
`, `[experience]
  job 2015-01..2019-02 5 "Engineer, Globex"
[interests]
  other 2010..2020 15 ""
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(build(t, c.file, c.src)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestBirthDateIsNoEntry(t *testing.T) {
	tl := build(t, "cv.md", "# Inès Haddad — née le 12/03/1985\n\n## Expérience\n\n### Exemple SA\n*2014 – 2020*\n")
	var birth int
	for _, d := range tl.Dates {
		if d.Birth {
			birth++
		}
	}
	if birth != 1 || len(tl.Entries) != 1 {
		t.Fatalf("birth dates %d, entries %d:\n%s", birth, len(tl.Entries), outline(tl))
	}
}

func TestChecks(t *testing.T) {
	tl := build(t, "cv.md", `# Jane

## Experience

### C — Lead
*2019 – Present*

### A — Intern
*2008 – 2009*

### B — Engineer
*2012 – 2019*

### D — Developer
*2010 – 2013*

### E — Volunteer mentor
*2009 – 2015*
`)
	now := dates.Date{Year: 2026, Month: 11, Gran: dates.Month}
	ovs := tl.Overlaps(now, 1, func(e *cvmodel.Entry) bool { return e.Kind == cvmodel.KindVolunteering })
	if len(ovs) != 1 || ovs[0].A.Title != "D — Developer" || ovs[0].B.Title != "B — Engineer" || ovs[0].Months != 2 {
		t.Errorf("overlaps: %+v", ovs)
	}
	gaps := tl.Gaps(now, 0)
	if len(gaps) != 0 {
		t.Errorf("gaps: %+v (E covers 2010)", gaps)
	}
	var order cvmodel.Order
	for _, o := range tl.Orders() {
		if o.Group.Name == "experience" {
			order = o
		}
	}
	if order.Direction != cvmodel.Mixed || order.Majority != cvmodel.NewestFirst || len(order.Breaks) == 0 || order.Breaks[0].Title != "A — Intern" {
		t.Errorf("order: %v %v %v", order.Direction, order.Majority, order.Breaks)
	}
}

// sections renders the sections with their kind, whether they feed the
// career checks, and their top-level entries.
func sections(tl *cvmodel.Timeline) string {
	var b strings.Builder
	for _, s := range tl.Sections {
		career := ""
		if s.Career {
			career = " career"
		}
		fmt.Fprintf(&b, "[%s%s] %s:", s.Kind, career, s.Title)
		for _, e := range s.Entries {
			fmt.Fprintf(&b, " %q", e.Title)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestSectionsTheModelDoesNotKnow(t *testing.T) {
	for _, c := range []struct {
		name, file, src, want string
	}{
		{"academic CV", "cv.md", `# Dr Amina Belkacem

## Parcours

### Maîtresse de conférences, Laboratoire Exemple
*depuis 2021*

### Doctorante, Université d’Exemple
*2015 – 2018*

## Enseignement

### Enseignante-chercheuse, Université d’Exemple
*depuis 2021*

## Financements

- Bourse Exemple, 2022 – 2025

## Side activities

### Organiser, Example Meetup
*2016 – 2019*

### Board member, Example Society
*2019 – 2023*

## Earlier roles

### Engineer, Acme
*2010 – 2014*
`, `[experience career] Parcours: "Maîtresse de conférences, Laboratoire Exemple" "Doctorante, Université d’Exemple"
[teaching] Enseignement: "Enseignante-chercheuse, Université d’Exemple"
[awards] Financements: "Bourse Exemple"
[unknown] Side activities: "Organiser, Example Meetup" "Board member, Example Society"
[unknown career] Earlier roles: "Engineer, Acme"
`},
		{"no experience section: unknown sections hold the jobs", "cv.md", `# Jane Doe

## Where I worked

### Acme
#### Developer, 2019 – 2022
#### Intern, 2018

## Education

### MSc, University of Example, 2016 – 2018
`, `[unknown career] Where I worked: "Acme"
[education] Education: "MSc, University of Example"
`},
		{"a title below the section level stays an entry", "cv.md", `# Jane Doe

## Experience

### Acme Consulting

#### Mission Banque, 2019 – 2021

#### Mission Énergie, 2017 – 2019
`, `[experience career] Experience: "Acme Consulting"
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := sections(build(t, c.file, c.src)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestTeachingSectionCoversGaps(t *testing.T) {
	tl := build(t, "cv.md", `# Jane

## Experience

### Beta — Engineer
*2020 – Present*

### Acme — Developer
*2012 – 2016*

## Teaching

### Lecturer, University of Example
*2016 – 2020*
`)
	now := dates.Date{Year: 2026, Month: 11, Gran: dates.Month}
	if gaps := tl.Gaps(now, 6); len(gaps) != 0 {
		t.Errorf("gaps: %+v (the teaching post covers 2016 – 2020)", gaps)
	}
	if ovs := tl.Overlaps(now, 1, func(*cvmodel.Entry) bool { return false }); len(ovs) != 0 {
		t.Errorf("overlaps: %+v", ovs)
	}
	if n := len(tl.CareerEntries()); n != 2 {
		t.Errorf("career entries: %d, want 2", n)
	}
}

func TestCompanyYearIsNoEntryDate(t *testing.T) {
	for _, c := range []struct {
		name, file, src, want string
	}{
		{"plain text: founded in, since, a single year", "cv.txt", `SOPHIE DELAUNAY
Comptable confirmée

EXPÉRIENCE PROFESSIONNELLE

Exemple Distribution SA, Lyon (groupe familial fondé en 1985) - Comptable générale
Depuis mars 2020
- Clôtures mensuelles.

Exemple Audit, Bron (depuis 1992) - Assistante comptable
Septembre 2013 - août 2015

Exemple Conseil 2012 - Stagiaire
Janvier 2012 - juin 2012
`, `[experience]
  job 2020-03..present 6 "Exemple Distribution SA, Lyon (groupe familial fondé en 1985) - Comptable générale"
  job 2013-09..2015-08 10 "Exemple Audit, Bron (depuis 1992) - Assistante comptable"
  internship 2012-01..2012-06 13 "Exemple Conseil 2012 - Stagiaire"
`},
		{"markdown: a founding year alone dates nothing", "cv.md", `# Tom Ashworth

## Experience

### Example & Sons (founded in 1890) — Carpenter

### Example Homes (est. 1998) — Apprentice
*2015 – 2019*
`, `[experience]
  job - 5 "Example & Sons (founded in 1890) — Carpenter"
  internship 2015..2019 7 "Example Homes (est. 1998) — Apprentice"
`},
		{"bold titles keep their own dates", "cv.md", `# Priya Raman

## Experience

**Lumen Studio** — Lead Designer (2022–Present)

**Acme** — Designer (2021)

**Quayside Agency** — Junior Designer (2016–2019)
`, `[experience]
  job 2022..present 5 "Lumen Studio — Lead Designer"
  job 2021 7 "Acme — Designer"
  job 2016..2019 9 "Quayside Agency — Junior Designer"
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			tl := build(t, c.file, c.src)
			if got := outline(tl); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			for _, d := range tl.Dates {
				if d.Range.Start.Year < 2000 && d.Entry != nil {
					t.Errorf("the company's year %q dates %q", d.Range.Text, d.Entry.Title)
				}
			}
		})
	}
}

func TestTaglineIsNoJob(t *testing.T) {
	now := dates.Date{Year: 2026, Month: 11, Gran: dates.Month}
	for _, c := range []struct {
		name, file, src string
		career          int
	}{
		{"markdown", "cv.md", `# Ravi Menon

Mobile developer since 2010, London

## Experience

### Example Bank — Lead iOS Developer
*2019 – Present*

### Example Retail — iOS Developer
*2010 – 2014*
`, 2},
		{"plain text", "cv.txt", `RAVI MENON

Mobile developer since 2010, based in London.

EXPERIENCE

Lead iOS Developer, Example Bank
2019 - Present

iOS Developer, Example Retail
2010 - 2014
`, 2},
		{"no experience section: the dated lines are the career", "cv.md", `# Ravi Menon

Example Bank — Lead iOS Developer, 2019 – Present

Example Retail — iOS Developer, 2010 – 2014
`, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			tl := build(t, c.file, c.src)
			if n := len(tl.CareerEntries()); n != c.career {
				t.Fatalf("career entries: %d, want %d:\n%s", n, c.career, sections(tl))
			}
			gaps := tl.Gaps(now, 6)
			if len(gaps) != 1 || gaps[0].Months != 48 {
				t.Errorf("gaps: %+v, want one of 48 months (2015 – 2018)", gaps)
			}
			if ovs := tl.Overlaps(now, 1, func(*cvmodel.Entry) bool { return false }); len(ovs) != 0 {
				t.Errorf("overlaps: %+v", ovs)
			}
		})
	}
}

// TestTimelineOwnsItsStrings: Build reads the text it is given without
// copying it, and the engine reuses that buffer for the next file, so
// every string of the timeline must be the timeline's own. The test
// builds the model of every fixture, overwrites the text, and checks that
// nothing the timeline says has changed.
func TestTimelineOwnsItsStrings(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/rules/*/*.md")
	txt, _ := filepath.Glob("../../testdata/rules/*/*.txt")
	files = append(files, txt...)
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := rules.Parse(f, rules.Decoded{Text: src}, rules.IsPlain(f))
		text := append([]byte(nil), doc.Result(rules.ProseAnalysis).(*rules.Prose).Text...)
		tl := cvmodel.Build(cvmodel.Input{Source: doc.Source, Text: text, AST: doc.AST, Plain: doc.Plain, Skip: doc.FrontMatter.End})
		before := timelineStrings(tl)
		for i := range text {
			text[i] = '#'
		}
		if after := timelineStrings(tl); after != before {
			t.Errorf("%s: the timeline changed with the text it was built from:\n%s\nnow:\n%s", f, before, after)
		}
	}
}

// timelineStrings lists every string of a timeline.
func timelineStrings(tl *cvmodel.Timeline) string {
	var b bytes.Buffer
	for _, s := range tl.Sections {
		fmt.Fprintf(&b, "section %q\n", s.Title)
	}
	for _, e := range tl.Entries {
		fmt.Fprintf(&b, "entry %q %q %q %q %q %q\n", e.Title, e.Text, e.Label(), e.Date.Text, e.Date.Format, e.Date.Problem)
	}
	for _, d := range tl.Dates {
		fmt.Fprintf(&b, "date %q %q %q\n", d.Range.Text, d.Range.Format, d.Range.Problem)
	}
	return b.String()
}
