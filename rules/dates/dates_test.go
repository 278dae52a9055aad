package dates

import (
	"errors"
	"strings"
	"testing"
)

// parseCases are date expressions as they appear in CVs, each with the
// range it means in Range.String form: granularity shows in the ISO
// rendering (2019, 2019-03, 2019-03-12), "..present" is an open range,
// "..?" a missing end and a lone date is a Single.
var parseCases = []struct{ in, want string }{
	// English, month names
	{"September 2025 – Present", "2025-09..present"},
	{"Sept. 2025 - now", "2025-09..present"},
	{"Sept 2025 – now", "2025-09..present"},
	{"Sep 2025 - Present", "2025-09..present"},
	{"*March 2019 – Present*", "2019-03..present"},
	{"_Jan 2020 – Present_", "2020-01..present"},
	{"Jan 2020 — Dec 2021", "2020-01..2021-12"},
	{"Jan. 2020 – Mar. 2020", "2020-01..2020-03"},
	{"January 2020 - March 2020", "2020-01..2020-03"},
	{"February 2018 → April 2019", "2018-02..2019-04"},
	{"Apr 2017 - Sep 2017", "2017-04..2017-09"},
	{"July 2018 – Aug. 2019", "2018-07..2019-08"},
	{"Aug 2018 until now", "2018-08..present"},
	{"Oct 2023 – Aug 2025", "2023-10..2025-08"},
	{"JUNE 2019 - JULY 2020", "2019-06..2020-07"},
	{"june 2019 - july 2020", "2019-06..2020-07"},
	{"Dec. 2019", "2019-12"},
	{"DEC 2019", "2019-12"},
	{"December 2019 - Current", "2019-12..present"},
	{"Jan 2019 – today", "2019-01..present"},
	{"May 2019 – present day", "2019-05..present"},
	{"Jun 2019 to present", "2019-06..present"},
	{"Jan 2019 – Present.", "2019-01..present"},
	{"March, 2019", "2019-03"},
	{"Sept.2025", "2025-09"},
	{"Jan\u00a02020\u00a0-\u00a0Present", "2020-01..present"},
	{"Sept.\u00a02025\u00a0–\u00a0now", "2025-09..present"},
	{"2016 – Mar 2018", "2016..2018-03"},
	{"Mar 2016 – 2018", "2016-03..2018"},
	{"March 2024 –", "2024-03..?"},
	// English, days
	{"March 12, 2019", "2019-03-12"},
	{"March 12 2019", "2019-03-12"},
	{"March 1st, 2019", "2019-03-01"},
	{"12th March 2019", "2019-03-12"},
	{"12 March, 2019", "2019-03-12"},
	{"December 31, 2019", "2019-12-31"},
	{"Feb 29, 2020", "2020-02-29"},
	{"Mar. 3rd 2019 – Jun. 22nd 2020", "2019-03-03..2020-06-22"},
	// Shared years
	{"Jan – Mar 2020", "2020-01..2020-03"},
	{"March–June 2021", "2021-03..2021-06"},
	{"Nov – Feb 2020", "2019-11..2020-02"},
	{"Jan to Mar 2020", "2020-01..2020-03"},
	{"janvier - mars 2020", "2020-01..2020-03"},
	{"de janvier à mars 2020", "2020-01..2020-03"},
	{"du 1er mars au 30 juin 2019", "2019-03-01..2019-06-30"},
	{"12 mars – 15 avril 2019", "2019-03-12..2019-04-15"},
	{"du 3 au 5 mars 2019", "2019-03-03..2019-03-05"},
	{"3–5 March 2019", "2019-03-03..2019-03-05"},
	{"du 28 février au 3 mars 2020", "2020-02-28..2020-03-03"},
	// Years
	{"2015", "2015"},
	{"1995", "1995"},
	{"1900", "1900"},
	{"2100", "2100"},
	{"2019 – 2022", "2019..2022"},
	{"2019-2022", "2019..2022"},
	{"2019 - 2022", "2019..2022"},
	{"2019—2022", "2019..2022"},
	{"2019 -- 2022", "2019..2022"},
	{"2019 -> 2022", "2019..2022"},
	{"2019 → 2022", "2019..2022"},
	{"2019 to 2022", "2019..2022"},
	{"2019 until 2022", "2019..2022"},
	{"2019 till 2022", "2019..2022"},
	{"2019 through 2021", "2019..2021"},
	{"1999 – 2003", "1999..2003"},
	{"(2018-2020)", "2018..2020"},
	{"**2019 – 2022**", "2019..2022"},
	{"[2019 - 2021]", "2019..2021"},
	{"2019\u202f–\u202f2022", "2019..2022"},
	{"2019\u00a0-\u00a02022", "2019..2022"},
	{"2015-16", "2015..2016"},
	{"2019–21", "2019..2021"},
	{"2019/2020", "2019..2020"},
	{"2019 / 2020", "2019..2020"},
	{"2019/20", "2019..2020"},
	{"2022 – 2019", "2022..2019"},
	// Mojibake dashes
	{"2019 â€“ 2020", "2019..2020"},
	{"2019 â€” 2020", "2019..2020"},
	{"2019 ‚Äì 2020", "2019..2020"},
	{"2019 ‚Äî 2020", "2019..2020"},
	{"Jan 2019 â€“ Present", "2019-01..present"},
	{"Marchâ€“June 2021", "2021-03..2021-06"},
	// Prefixes
	{"from 2015 to 2017", "2015..2017"},
	{"From March 2015 to June 2017", "2015-03..2017-06"},
	{"from 2019 until present", "2019..present"},
	{"between 2015 and 2017", "2015..2017"},
	{"Between Jan 2015 and Feb 2016", "2015-01..2016-02"},
	{"Since 2018", "2018..present"},
	{"since March 2019", "2019-03..present"},
	{"since 2018-01", "2018-01..present"},
	// Open ends
	{"2020 – ongoing", "2020..present"},
	{"2018 to date", "2018..present"},
	{"2018 - date", "2018..present"},
	{"2017 – currently", "2017..present"},
	{"2019 -- present", "2019..present"},
	// Missing ends
	{"2024 –", "2024..?"},
	{"2024 -", "2024..?"},
	{"(2024 – )", "2024..?"},
	{"2019 – ?", "2019..?"},
	{"from 2019 to", "2019..?"},
	// Numeric forms
	{"2019-03-12", "2019-03-12"},
	{"2019/03/12", "2019-03-12"},
	{"2019-03-12 – 2020-01-31", "2019-03-12..2020-01-31"},
	{"2020-02-29", "2020-02-29"},
	{"2015-01", "2015-01"},
	{"2015-01 – 2016-06", "2015-01..2016-06"},
	{"2010-11", "2010-11"},
	{"2006/01", "2006-01"},
	{"2006.01", "2006-01"},
	{"01/2015", "2015-01"},
	{"1/2015", "2015-01"},
	{"01.2015", "2015-01"},
	{"01-2015", "2015-01"},
	{"01/2015 - 06/2017", "2015-01..2017-06"},
	{"01/2015-06/2017", "2015-01..2017-06"},
	{"12/03/2019", "2019-03-12"},
	{"12.03.2019", "2019-03-12"},
	{"12-03-2019", "2019-03-12"},
	{"03/25/2019", "2019-03-25"},
	{"12/03/2019 - 15/06/2020", "2019-03-12..2020-06-15"},
	// Seasons
	{"Summer 2021", "2021-06..2021-08"},
	{"Fall 2019", "2019-09..2019-11"},
	{"Autumn 2019", "2019-09..2019-11"},
	{"Winter 2022", "2022-01..2022-02"},
	{"Spring 2020", "2020-03..2020-05"},
	{"Summer 2020 – Fall 2021", "2020-06..2021-11"},
	{"été 2021", "2021-06..2021-08"},
	{"Été 2021", "2021-06..2021-08"},
	{"printemps 2020", "2020-03..2020-05"},
	{"automne 2019", "2019-09..2019-11"},
	{"hiver 2022", "2022-01..2022-02"},
	{"printemps 2020 – été 2020", "2020-03..2020-08"},
	{"since summer 2020", "2020-06..present"},
	// French, month names
	{"oct. 2023 – août 2025", "2023-10..2025-08"},
	{"janv. 2019 – févr. 2020", "2019-01..2020-02"},
	{"févr. 2019", "2019-02"},
	{"fevrier 2019", "2019-02"},
	{"février 2019", "2019-02"},
	{"FÉVRIER 2019", "2019-02"},
	{"Fév 2019", "2019-02"},
	{"août 2019", "2019-08"},
	{"aout 2019", "2019-08"},
	{"AOÛT 2019", "2019-08"},
	{"juil. 2018 – déc. 2019", "2018-07..2019-12"},
	{"juill. 2018", "2018-07"},
	{"mars 2017 - mai 2018", "2017-03..2018-05"},
	{"avr. 2016 à juin 2017", "2016-04..2017-06"},
	{"décembre 2019 - janvier 2020", "2019-12..2020-01"},
	{"Déc. 2019", "2019-12"},
	{"sept 2019 – juin 2020", "2019-09..2020-06"},
	{"septembre 2019 - juin 2020", "2019-09..2020-06"},
	{"octobre 2020 — aujourd’hui", "2020-10..present"},
	{"nov. 2021 → déc. 2022", "2021-11..2022-12"},
	{"mai 2018 – juin 2019", "2018-05..2019-06"},
	{"juin 2018", "2018-06"},
	{"juillet 2018 à ce jour", "2018-07..present"},
	{"Janvier 2020 – Présent", "2020-01..present"},
	{"Mars 2020 – en cours", "2020-03..present"},
	{"mars 2019 – Actuel", "2019-03..present"},
	{"sept. 2020 – actuellement", "2020-09..present"},
	// French, days
	{"12 mars 2019", "2019-03-12"},
	{"1er mars 2019", "2019-03-01"},
	{"29 février 2020", "2020-02-29"},
	{"1er mars 2019 – 30 juin 2020", "2019-03-01..2020-06-30"},
	{"12\u202fmars\u202f2019", "2019-03-12"},
	{"du 12 mars 2019 au 15 avril 2020", "2019-03-12..2020-04-15"},
	{"du 01/03/2019 au 30/06/2020", "2019-03-01..2020-06-30"},
	// French, prefixes and open ends
	{"de 2014 à aujourd’hui", "2014..present"},
	{"de 2014 à aujourd'hui", "2014..present"},
	{"De 2010 à 2012", "2010..2012"},
	{"de septembre 2016 à juin 2018", "2016-09..2018-06"},
	{"d’avril 2019 à juin 2020", "2019-04..2020-06"},
	{"d'avril 2019 à juin 2020", "2019-04..2020-06"},
	{"entre 2015 et 2017", "2015..2017"},
	{"entre mars 2015 et juin 2016", "2015-03..2016-06"},
	{"depuis septembre 2018", "2018-09..present"},
	{"depuis 2018", "2018..present"},
	{"Depuis le 1er mars 2019", "2019-03-01..present"},
	{"depuis janv. 2021", "2021-01..present"},
	{"depuis 01/2021", "2021-01..present"},
	{"2006/01 à 2007/01", "2006-01..2007-01"},
	{"2008/10 à 2021/11", "2008-10..2021-11"},
	{"01/2015 à 06/2017", "2015-01..2017-06"},
	{"2010 à 2012", "2010..2012"},
	{"2010 a 2012", "2010..2012"},
	{"2015 jusqu’à 2017", "2015..2017"},
	{"2015 jusqu'à 2017", "2015..2017"},
	{"2018 à ce jour", "2018..present"},
	{"2018 – à ce jour", "2018..present"},
	{"2018 - en cours", "2018..present"},
	{"2020 – maintenant", "2020..present"},
	{"2019 à aujourd’hui", "2019..present"},
	{"2019 jusqu’à aujourd’hui", "2019..present"},
	{"2019 - Aujourd'hui", "2019..present"},
	{"2019 – présent", "2019..present"},
	{"2019 – à nos jours", "2019..present"},
	{"2019 – auj.", "2019..present"},
	{"2019 â€“ aujourdâ€™hui", "2019..present"},
}

func TestParse(t *testing.T) {
	if len(parseCases) < 150 {
		t.Fatalf("only %d cases", len(parseCases))
	}
	for _, c := range parseCases {
		r, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := r.String(); got != c.want {
			t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
		}
		if r.Problem != "" {
			t.Errorf("Parse(%q): unexpected problem %q", c.in, r.Problem)
		}
		if r.Text != c.in[r.Pos:r.EndPos] {
			t.Errorf("Parse(%q): Text %q does not match offsets %d:%d", c.in, r.Text, r.Pos, r.EndPos)
		}
		if r.EndKind == Single && r.End != r.Start || (r.EndKind == Present || r.EndKind == Missing) && !r.End.IsZero() {
			t.Errorf("Parse(%q): End %v inconsistent with %v", c.in, r.End, r.EndKind)
		}
		// Find on the same text must see the same single expression.
		if f := Find(c.in); len(f) != 1 || f[0] != r {
			t.Errorf("Find(%q) = %v, want [%v]", c.in, f, r)
		}
	}
}

func TestGranularityAndKind(t *testing.T) {
	for _, c := range []struct {
		in         string
		start, end Granularity
		kind       EndKind
	}{
		{"2015", Year, Year, Single},
		{"Mar 2015", Month, Month, Single},
		{"12 mars 2015", Day, Day, Single},
		{"2015 – Mar 2016", Year, Month, Closed},
		{"Summer 2021", Month, Month, Closed},
		{"depuis 2018", Year, 0, Present},
		{"2024 –", Year, 0, Missing},
	} {
		r, err := Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if r.Start.Gran != c.start || r.End.Gran != c.end || r.EndKind != c.kind {
			t.Errorf("%q: got %v/%v/%v, want %v/%v/%v", c.in, r.Start.Gran, r.End.Gran, r.EndKind, c.start, c.end, c.kind)
		}
	}
}

func TestFormat(t *testing.T) {
	for in, want := range map[string]string{
		"2015":             "YYYY",
		"2019 – 2022":      "YYYY",
		"01/2015":          "MM/YYYY",
		"1/2015":           "MM/YYYY",
		"01.2015":          "MM.YYYY",
		"01-2015":          "MM-YYYY",
		"2006/01":          "YYYY/MM",
		"2015-01":          "YYYY-MM",
		"12/03/2019":       "DD/MM/YYYY",
		"12.03.2019":       "DD.MM.YYYY",
		"03/25/2019":       "MM/DD/YYYY",
		"2019-03-12":       "YYYY-MM-DD",
		"Sept. 2025 - now": "Mon YYYY",
		"Sep 2025":         "Mon YYYY",
		"September 2025":   "Month YYYY",
		"mars 2020":        "Month YYYY",
		"févr. 2020":       "Mon YYYY",
		"March 12, 2019":   "Month D, YYYY",
		"Mar 12, 2019":     "Mon D, YYYY",
		"12 mars 2019":     "D Month YYYY",
		"1er janv. 2019":   "D Mon YYYY",
		"Jan – Mar 2020":   "Mon YYYY",
		"Summer 2021":      "Season YYYY",
		"depuis 01/2021":   "MM/YYYY",
	} {
		r, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if r.Format != want {
			t.Errorf("Parse(%q).Format = %q, want %q", in, r.Format, want)
		}
	}
}

// noDates must never yield a date, alone or inside a sentence.
var noDates = []string{
	"Python 3.12", "Java 8", "v18.2.0", "2 years", "10+ ans", "1,500 users", "99.9%",
	"06 12 34 56 78", "+33 6 12 34 56 78", "(555) 123-4567", "555-123-2019", "555-2019",
	"ISO 27001", "ISO 9001:2015", "ISO/IEC 27001:2013", "ISO 27001-2013", "2x", "Windows 10",
	"Windows 2000", "Office 2016", "Microsoft Office 2019", "SQL Server 2019", "Visual Studio 2022",
	"AutoCAD 2020", "ECMAScript 2015", "ES2015", "PHP 7.4", "1.2-1.4", "10/20", "4/5", "15/20",
	"3.5/4 GPA", "over 2000 servers", "more than 2000 users", "2000 users", "2 000 utilisateurs",
	"plus de 2000 utilisateurs", "managed 2000 employees", "1500", "3000", "1234", "12345",
	"0612345678", "+33612345678", "v2019", "FY2020", "2019abc", "1920x1080", "2000€", "2000 €",
	"$2019", "#2019", "2019%", "10.2015.3", "1.2019.4", "C++17", "Angular 2", "React 18.2",
	"Node.js 20.11", "Jan", "Present", "depuis toujours", "March 12 students", "Mar 12",
	"from 5 to 10", "1/2", "3/4 of the team", "55 555 5555", "01 23 45 67 89",
	"Tél : 06.12.34.56.78", "port 2049", "RFC 1918", "pages 1900-1950", "2 ans", "7 mois",
	"mars", "Top 1000", "10k", "100%", "0.2015", "1000-1100", "27001-2013", "9001:2015",
	"192.168.1.10", "2019-123", "depuis", "aujourd'hui", "20019", "1899", "5 à 10 ans",
	"entre 10 et 20 personnes", "from 1 to 5 years", "IBAN FR76 3000 6000 0112 3456 7890 189",
}

func TestNoDates(t *testing.T) {
	for _, s := range noDates {
		for _, line := range []string{s, "Skills: " + s + ", Docker."} {
			if got := Find(line); len(got) != 0 {
				t.Errorf("Find(%q) = %v, want none", line, got)
			}
		}
		if _, err := Parse(s); !errors.Is(err, ErrNoDate) {
			t.Errorf("Parse(%q) err = %v, want ErrNoDate", s, err)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, c := range []struct{ in, want, problem string }{
		{"13/2019", "2019-00", "month 13 does not exist"},
		{"00/2019", "2019-00", "month 0 does not exist"},
		{"32/03/2019", "2019-03-32", "day 32 does not exist"},
		{"31/04/2019", "2019-04-31", "day 31 does not exist in April 2019"},
		{"29/02/2019", "2019-02-29", "day 29 does not exist in February 2019"},
		{"32/13/2019", "2019-00-32", "month 13 does not exist"},
		{"2019-13-01", "2019-00-01", "month 13 does not exist"},
		{"2019-02-30", "2019-02-30", "day 30 does not exist in February 2019"},
		{"March 32, 2019", "2019-03-32", "day 32 does not exist"},
		{"Mar 20019", "20019-03", "year 20019 is not plausible"},
		{"Mar 1899", "1899-03", "year 1899 is not plausible"},
		{"mars 2201", "2201-03", "year 2201 is not plausible"},
		{"Summer 20021", "20021-06..20021-08", "year 20021 is not plausible"},
		{"01/20019", "20019-01", "year 20019 is not plausible"},
		{"1850 – 1860", "1850..1860", "year 1850 is not plausible; year 1860 is not plausible"},
		{"1899 – 1905", "1899..1905", "year 1899 is not plausible"},
		{"2019 – 20019", "2019..20019", "year 20019 is not plausible"},
		{"1899 – Mar 1905", "1899..1905-03", "year 1899 is not plausible"},
		{"1899 – present", "1899..present", "year 1899 is not plausible"},
		{"Jan 2019 – Mar 20020", "2019-01..20020-03", "year 20020 is not plausible"},
	} {
		r, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if r.String() != c.want || r.Problem != c.problem {
			t.Errorf("Parse(%q) = %s %q, want %s %q", c.in, r, r.Problem, c.want, c.problem)
		}
	}
}

func TestEndBeforeStart(t *testing.T) {
	for in, want := range map[string]bool{
		"2022 – 2019":             true,
		"Mar 2020 – Feb 2020":     true,
		"2020 – Mar 2020":         false,
		"Mar 2020 – 2020":         false,
		"2019 – 2022":             false,
		"2019 – present":          false,
		"12/03/2019 – 11/03/2019": true,
	} {
		r, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if r.EndBeforeStart() != want {
			t.Errorf("%q: EndBeforeStart = %v, want %v", in, !want, want)
		}
	}
}

func TestFindLines(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string // "text=range"
	}{
		{"## Acme 2004-2006 Developer", []string{"2004-2006=2004..2006"}},
		{"### Beta Corp, Engineer, 2008/10 à 2021/11", []string{"2008/10 à 2021/11=2008-10..2021-11"}},
		{"Proxmox (2020), Ansible (2019)", []string{"2020=2020", "2019=2019"}},
		{"**Développeuse** — *depuis septembre 2018* — Paris", []string{"depuis septembre 2018=2018-09..present"}},
		{"Jan 2019 – Mar 2020, then 2021 – Present", []string{"Jan 2019 – Mar 2020=2019-01..2020-03", "2021 – Present=2021..present"}},
		{"Acme 2019 – Developer", []string{"2019=2019"}},
		{"2019 - *Développeur*", []string{"2019=2019"}},
		{"| Acme | 2019 – | Paris |", []string{"2019 –=2019..?"}},
		{"Acme (2019 - )", []string{"2019 -=2019..?"}},
		{"*2019 –*", []string{"2019 –=2019..?"}},
		{"Python 3.12 (2019)", []string{"2019=2019"}},
		{"Windows 10, 2015 – 2017", []string{"2015 – 2017=2015..2017"}},
		{"Stage de 6 mois, 2019", []string{"2019=2019"}},
		{"de 2014 à 2016 puis depuis 2018", []string{"de 2014 à 2016=2014..2016", "depuis 2018=2018..present"}},
		{"Master, année 2019/2020, Lyon", []string{"2019/2020=2019..2020"}},
		{"Tel: 06 12 34 56 78 — 2019", []string{"2019=2019"}},
		{"from 2019, lead", []string{"2019=2019"}},
		{"In 2015 and 2016", []string{"2015=2015", "2016=2016"}},
		{"between 2015 and 2017", []string{"between 2015 and 2017=2015..2017"}},
		{"Obtenu en 2015 avec mention", []string{"2015=2015"}},
		{"Senior engineer at Acme (Jan 2020 — Dec 2021), 2000 users", []string{"Jan 2020 — Dec 2021=2020-01..2021-12"}},
		{"ISO 27001 (2019), ISO 9001:2015", []string{"2019=2019"}},
		{"Mission client\u00a0: BNP — 01/2015 - 06/2017", []string{"01/2015 - 06/2017=2015-01..2017-06"}},
		{"Freelance 2019 -> now; Acme 2015-2019", []string{"2019 -> now=2019..present", "2015-2019=2015..2019"}},
		{"Level 12 – 5 mars 2019", []string{"5 mars 2019=2019-03-05"}},
		{"Licence (2016 – 2019) puis Master (2019 – 2021)", []string{"2016 – 2019=2016..2019", "2019 – 2021=2019..2021"}},
		{"Stage (3 mois) – été 2019", []string{"été 2019=2019-06..2019-08"}},
		{"sept. 2022 - aujourd’hui (2 ans et 9 mois)", []string{"sept. 2022 - aujourd’hui=2022-09..present"}},
		{"Acme, 06/2019 – 12/2020, Paris", []string{"06/2019 – 12/2020=2019-06..2020-12"}},
		{"2019-01-15T10:00 build", nil},
		{"CDI 2020 –\nCDD 2018 – 2019", []string{"2020=2020", "2018 – 2019=2018..2019"}},
	} {
		got := Find(c.line)
		var strs []string
		from := 0
		for _, r := range got {
			strs = append(strs, r.Text+"="+r.String())
			if r.Text != c.line[r.Pos:r.EndPos] {
				t.Errorf("Find(%q): Text %q != line[%d:%d]", c.line, r.Text, r.Pos, r.EndPos)
			}
			if i := strings.Index(c.line[from:], r.Text); i < 0 || from+i != r.Pos {
				t.Errorf("Find(%q): %q at %d, want %d", c.line, r.Text, r.Pos, from+i)
			}
			from = r.EndPos
		}
		if strings.Join(strs, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("Find(%q)\n got %q\nwant %q", c.line, strs, c.want)
		}
	}
}

func TestFindOffsets(t *testing.T) {
	line := "### Beta Corp, Engineer, 2008/10 à 2021/11"
	r := Find(line)
	if len(r) != 1 || r[0].Pos != 25 || r[0].EndPos != len(line) {
		t.Fatalf("got %+v", r)
	}
	line = "Proxmox (2020), Ansible (2019)"
	r = Find(line)
	if len(r) != 2 || r[0].Pos != 9 || r[0].EndPos != 13 || r[1].Pos != 25 || r[1].EndPos != 29 {
		t.Fatalf("got %+v", r)
	}
	line = "Été 2021 – été 2022" // multi-byte letters before and inside
	r = Find(line)
	if len(r) != 1 || r[0].Pos != 0 || r[0].EndPos != len(line) {
		t.Fatalf("got %+v", r)
	}
}

// FindAppendBytes finds what FindAppend finds, but leaves Text to the
// caller.
func TestFindAppendBytes(t *testing.T) {
	lines := append([]string{"Jan – Mar 2020, aujourd’hui 2019 â€“ 2021", "d’avril 2019 à ce jour", "Ã©tÃ© 2019"}, benchLines...)
	var f Finder
	defer f.Release()
	for _, l := range lines {
		want := Find(l)
		got := f.FindAppendBytes(nil, []byte(l))
		if len(got) != len(want) {
			t.Fatalf("%q: %d ranges, want %d", l, len(got), len(want))
		}
		for i := range got {
			if got[i].Text != "" {
				t.Errorf("%q: Text %q, want empty", l, got[i].Text)
			}
			got[i].Text = l[got[i].Pos:got[i].EndPos]
			if got[i] != want[i] {
				t.Errorf("%q: %+v, want %+v", l, got[i], want[i])
			}
		}
	}
}
