package rules

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cvlint/cvlint/rules/dates"
)

// PersonalData reports what a recruiter may not base a decision on and a
// CV therefore should not carry.
var PersonalData = Register(&Rule{
	ID:       "personal-data",
	Title:    "personal data a recruiter may not use",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, LowerProseAnalysis, KeywordsAnalysis},
	Doc: Doc{
		Why: "Date of birth or age, marital status, number of children, nationality, religion, a social security number (French NIR, UK National Insurance number, US SSN) " +
			"and a photo are grounds on which a recruiter may not select a candidate (anti-discrimination law in France, the UK, the US and the EU), " +
			"and the GDPR's data-minimisation principle says a CV should carry only what the job needs. " +
			"Leaving them out protects you from bias and spares the employer data it must not keep. " +
			"Only clear statements are reported: `2 years of experience`, `10 ans d'expérience`, a graduation date, `single sign-on`, `married to the job`, " +
			"`French` as a language skill and numbers inside code are not. " +
			"A photo is an image whose alt text or file name says photo, portrait, headshot or avatar, or a `Photo:` line. " +
			"If the job needs your right to work, say that (`Authorised to work in the EU`) rather than your nationality.",
		Bad:  "# Jean Martin — né le 12/03/1985\n\n35 ans, marié, 2 enfants · Nationalité : française\n\n![Photo](photo-jean.jpg)",
		Good: "# Jean Martin\n\njean.martin@example.fr · 06 12 34 56 78 · Permis B",
	},
	Run: runPersonalData,
})

// personalKind is what a piece of personal data is, and what the message
// calls it.
type personalKind string

const (
	pdBirth       personalKind = "date of birth"
	pdAge         personalKind = "age"
	pdMarital     personalKind = "marital status"
	pdChildren    personalKind = "number of children"
	pdNationality personalKind = "nationality"
	pdReligion    personalKind = "religion"
	pdGender      personalKind = "sex or gender"
	pdSocial      personalKind = "social security number"
	pdPhoto       personalKind = "photo"
)

func personalMessage(k personalKind, text string) string {
	why := "recruiters may not select on it (anti-discrimination law), and GDPR data minimisation says a CV should hold only what the job needs: remove it"
	switch k {
	case pdSocial:
		why = "it is an identity number that lets anyone impersonate you, recruiters have no use for it before hiring, and GDPR data minimisation says collect only what is needed: remove it"
	case pdPhoto:
		why = "a photo shows age, sex and origin, on which recruiters may not select (anti-discrimination law), and GDPR data minimisation says a CV should hold only what the job needs: remove it"
	case pdNationality:
		why += " (if the job needs it, state your right to work instead)"
	}
	text = strings.Join(strings.Fields(text), " ")
	if len([]rune(text)) > 60 {
		text = string([]rune(text)[:57]) + "…"
	}
	return fmt.Sprintf("%s %q: %s", k, text, why)
}

type pdHit struct {
	start, end int
	kind       personalKind
}

var (
	// Labels whose value is always personal data: "Date of birth:",
	// "Nationalité :", "Situation familiale :", "N° de sécurité sociale".
	pdLabelRE = lazyRegexp(`(?i)(?:^|[^\p{L}])(` +
		`(?:date|place)\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|date\s+(?:et\s+lieu\s+)?de\s+naissance|lieu\s+de\s+naissance|` +
		`âge|age|` +
		`marital\s+status|family\s+status|civil\s+status|situation\s+(?:familiale|matrimoniale)|état\s+civil|etat\s+civil|` +
		`children|enfants|` +
		`nationality|nationalities|citizenship|nationalité|nationalite|nationalités|` +
		`religion|religious\s+affiliation|confession|` +
		`sex|gender|sexe|` +
		`social\s+security\s+(?:number|no\.?|#)|ssn|national\s+insurance\s+(?:number|no\.?)|ni\s+number|` +
		`n°\s*(?:de\s+)?(?:sécurité\s+sociale|securite\s+sociale|ss|insee)|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|s[ée]curit[ée]\s+sociale|nir|` +
		`photo|photograph|photographie)` +
		`\s*:`)
	// "Nationalité française" without a colon.
	pdNationalityRE = lazyRegexp(`(?:^|[^\p{L}])([Nn]ationalit[ée]s?\s+(?:[a-zéèêëàâîïôöûüç]+))`)
	pdBornRE        = lazyRegexp(`(?i)(?:^|[^\p{L}])(born(?:\s+on|\s+in)?|n[ée]e?\s+(?:le|en)|n[ée]\(e\)\s+(?:le|en))\s+`)
	pdYearsOldRE    = lazyRegexp(`(?i)\b(\d{2})[\s-]*(?:years?|yrs?)[\s-]*old\b\s*(?:[,.;|)·•—–-]|$)`)
	pdAgedRE        = lazyRegexp(`(?i)\baged\s+(\d{2})\b`)
	pdAnsRE         = lazyRegexp(`(?i)\b(\d{2})\s*ans\b`)
	pdParentRE      = lazyRegexp(`(?i)\b(?:father|mother|parent|p[èe]re|m[èe]re)\s+(?:of|de)\s+(?:\d{1,2}|one|two|three|four|five|six|un|une|deux|trois|quatre|cinq|six)\s+(?:children|kids|sons?|daughters?|enfants?|fils|filles?)\b`)
	// A segment that is nothing but a marital status, children or a
	// religion: "35 ans, marié, 2 enfants", "Married with 2 children".
	pdMaritalSegRE = lazyRegexp(`(?i)^(?:` +
		`married|single|divorced|widowed|widow|widower|separated|engaged|in\s+a\s+(?:civil\s+partnership|relationship)|` +
		`mari[ée]e?|mari[ée]\(e\)|c[ée]libataire|divorc[ée]e?|divorc[ée]\(e\)|veuf|veuve|s[ée]par[ée]e?|pacs[ée]e?|pacs[ée]\(e\)|en\s+couple|union\s+libre|concubinage|fianc[ée]e?)` +
		`(?:\s+(?:with|avec)\s+(?:\d{1,2}|one|two|three|four|five|un|une|deux|trois|quatre|cinq)\s+(?:children|kids|child|enfants?))?$`)
	pdChildrenSegRE = lazyRegexp(`(?i)^(?:(?:with|avec)\s+)?(?:\d{1,2}|one|two|three|four|five|six|un|une|deux|trois|quatre|cinq|six|no|sans)\s+(?:children|kids|child|enfants?)(?:\s*\([^)]*\))?$`)
	pdReligionSegRE = lazyRegexp(`(?i)^(?:(?:practising|practicing|devout|pratiquant(?:e)?)\s+)?(?:` +
		`catholic|roman\s+catholic|protestant|christian|muslim|jewish|buddhist|hindu|sikh|orthodox\s+christian|atheist|agnostic|` +
		`catholique|protestante?|chr[ée]tien(?:ne)?|musulman(?:e)?|juif|juive|bouddhiste|hindou(?:e)?|ath[ée]e|agnostique)` +
		`(?:\s+(?:practising|practicing|pratiquant(?:e)?))?$`)
	// Always marital status, wherever they stand.
	pdMaritalWordRE = lazyRegexp(`(?i)(?:^|[^\p{L}])(c[ée]libataire|pacs[ée]e?|pacs[ée]\(e\)|mari[ée]\(e\))(?:[^\p{L}]|$)`)
	// French NIR: sex, year, month, département (2A/2B in Corsica),
	// commune, order number and a two-digit key, spaces optional.
	pdNIRRE        = lazyRegexp(`(?:^|[^\d])([12] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2})(?:[^\d]|$)`)
	pdNIRContextRE = lazyRegexp(`(?i)(s[ée]curit[ée]\s+sociale|\bs[ée]cu\b|\bnir\b|\binsee\b|\bn°\s*ss\b|social\s+security)`)
	pdNINORE       = lazyRegexp(`(?:^|[^\p{L}\d])([A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?:[^\p{L}\d]|$)`)
	pdSSNRE        = lazyRegexp(`(?:^|[^\d-])(\d{3}-\d{2}-\d{4})(?:[^\d-]|$)`)
	pdPhotoWordRE  = lazyRegexp(`(?i)(?:^|[^\p{L}])(photo|portrait|headshot|head-shot|avatar|selfie|profile[\s_-]*(?:pic|picture|photo|image)|photo[\s_-]*d[’']?identit[ée]|id[\s_-]*photo)`)
	pdNotPhotoRE   = lazyRegexp(`(?i)(galler|galerie|screenshot|capture|diagram|sch[ée]ma|logo|badge|project|projet|exhibition|exposition)`)
	pdImgRE        = lazyRegexp(`(?is)<img\b[^>]*>`)
	pdFrontKeyRE   = lazyRegexp(`(?im)^\s*(birth_?date|birthday|date_of_birth|dob|age|nationality|marital_status|religion|photo|avatar|picture|headshot)\s*:\s*\S`)
)

// pdFunctionWords after "nationalité" make it a topic, not a value:
// "nationalité et citoyenneté".
var pdFunctionWords = map[string]bool{
	"de": true, "du": true, "des": true, "et": true, "en": true, "à": true, "au": true, "aux": true, "ou": true, "la": true, "le": true, "les": true,
}

// Words before "N ans" that make it a duration, not an age: "depuis 10
// ans", "plus de 15 ans".
var pdDurationBefore = map[string]bool{
	"depuis": true, "pendant": true, "durant": true, "de": true, "plus": true, "moins": true, "après": true,
	"apres": true, "sur": true, "en": true, "environ": true, "dès": true, "des": true, "a": true, "y": true, "à": true,
	"les": true, "ces": true, "mes": true, "nos": true, "quelque": true, "près": true, "pres": true, "de+": true,
}

func runPersonalData(p *Pass) {
	pr := ProseOf(p)
	lp := LowerProseOf(p)
	src := p.Doc.Source
	var hits []pdHit
	var f pdFlags
	var kw *Keywords
	if lp.Exact {
		// Whole is Fold, with the offsets of the source: where each
		// keyword occurs says which blocks hold it.
		kw = KeywordsOf(p)
		// Lower-casing keeps every ':' and makes no other.
		f = pdFlagsOfBits(kw.all, bytes.IndexByte(pr.Text, ':') >= 0)
	} else {
		f = pdFileFlags(lp.Whole)
	}
	var at kwCursor
	var fold [256]byte // most blocks' lower case fits: no allocation but the string's
	for _, b := range pr.Blocks {
		s, e, ok := proseSpan(b)
		if !ok {
			continue
		}
		raw := pr.Text[s:e]
		digits := countDigitBytes(raw)
		bf := f
		if lp.Exact {
			// The block's lower case is the fold view's: a test whose keywords
			// do not occur inside the block cannot match there, which is
			// what personalInText would find out word by word. The label
			// test wants a colon in the block too (pdLabelREFind checks
			// it first): "Manager" holds the label word "age", not a label.
			bits := kw.inAt(&at, s, e)
			bf = pdFlagsOfBits(bits, bits&1 != 0 && bytes.IndexByte(raw, ':') >= 0)
		}
		if bf.any {
			// Without any flag (most blocks) these only clear flags.
			bf = bf.withDigits(digits)
			if (bf.maritalSeg || bf.childrenSeg || bf.religionSeg) && !mayHaveShortSegment(raw) {
				bf = bf.withoutSegments()
			}
		}
		if !bf.any && (digits < 6 || !mayNINO(raw)) && digits < 9 {
			continue // no keyword in the block and too few digits for an identity number
		}
		var lt string
		if lp.Exact {
			lt = string(lp.AppendFold(fold[:0], s, e))
		}
		hits = append(hits, personalInText(string(raw), s, lt, digits, bf)...)
	}
	for _, l := range p.Doc.Links {
		if l.Kind == LinkImage && looksLikePhoto(l.Text, l.Dest) {
			hits = append(hits, pdHit{l.Start, imageEnd(src, l), pdPhoto})
		}
	}
	for _, h := range p.Doc.HTML {
		for _, m := range pdImgRE().FindAllIndex(src[h.Start:h.End], -1) {
			tag := string(src[h.Start+m[0] : h.Start+m[1]])
			if looksLikePhoto(htmlAttr(tag, "alt"), htmlAttr(tag, "src")) {
				hits = append(hits, pdHit{h.Start + m[0], h.Start + m[1], pdPhoto})
			}
		}
	}
	if fm := p.Doc.FrontMatter; fm.End > 0 {
		for _, m := range pdFrontKeyRE().FindAllSubmatchIndex(src[:fm.End], -1) {
			key := strings.ToLower(string(src[m[2]:m[3]]))
			k := pdBirth
			switch {
			case key == "age":
				k = pdAge
			case key == "nationality":
				k = pdNationality
			case key == "marital_status":
				k = pdMarital
			case key == "religion":
				k = pdReligion
			case key == "photo" || key == "avatar" || key == "picture" || key == "headshot":
				k = pdPhoto
			}
			hits = append(hits, pdHit{m[2], lineEnd(src, m[2]), k})
		}
	}
	if len(hits) > 1 {
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	}
	last := -1
	for _, h := range hits {
		if h.start < last {
			continue // inside an earlier finding: "Marital status: married"
		}
		last = h.end
		p.Report(Finding{Start: h.start, End: h.end, Message: personalMessage(h.kind, string(src[h.start:h.end]))})
	}
}

// pdFlags says which keywords occur anywhere in the lower-cased prose of
// a file: a keyword missing from the file is missing from each block and
// segment, so the tests below skip it.
type pdFlags struct {
	any                                  bool
	label                                bool // a colon and a label word
	nationality, born, old, aged, ans    bool
	parent, maritalWord                  bool
	maritalSeg, childrenSeg, religionSeg bool
}

// withDigits drops the flags of the tests personalInText runs only with
// enough digits in the block (a birth date needs a year, an age two
// digits): " Ansible" holds the keyword " ans", not an age.
func (f pdFlags) withDigits(digits int) pdFlags {
	if digits < 4 {
		f.born = false
	}
	if digits < 2 {
		f.old, f.aged, f.ans = false, false, false
	}
	return f.withAny()
}

// withAny sets any from the other flags.
func (f pdFlags) withAny() pdFlags {
	f.any = f.label || f.nationality || f.born || f.old || f.aged || f.ans || f.parent || f.maritalWord ||
		f.maritalSeg || f.childrenSeg || f.religionSeg
	return f
}

// withoutSegments drops the flags of the tests on segments.
func (f pdFlags) withoutSegments() pdFlags {
	f.maritalSeg, f.childrenSeg, f.religionSeg = false, false, false
	return f.withAny()
}

// mayHaveShortSegment says whether segments(t) may hold a segment that
// personalInText tests (fewer than maxTitleWords spaces). Without a
// separator the block is one segment, trimmed as segments trims it: a
// sentence ("… pour 300 serveurs.", which holds the stem "veu") is none.
func mayHaveShortSegment(t []byte) bool {
	if bytes.ContainsAny(t, ",;|/\n:") || bytes.Contains(t, []byte("·")) || bytes.Contains(t, []byte("•")) ||
		bytes.Contains(t, []byte(" - ")) || bytes.Contains(t, []byte(" – ")) || bytes.Contains(t, []byte(" — ")) {
		return true
	}
	s, e := 0, len(t)
	for s < e && (t[s] == ' ' || t[s] == '\t' || t[s] == '.' || t[s] == '(') {
		s++
	}
	for e > s && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '.' || t[e-1] == ')' || t[e-1] == '!') {
		e--
	}
	return bytes.Count(t[s:e], []byte(" ")) < maxTitleWords
}

// The keywords each test of personalInText looks for.
var (
	pdBornWords        = []string{"born", "né", "ne le", "ne en", "nee "}
	pdAnsWords         = []string{" ans", "\u00a0ans"}
	pdParentWords      = []string{"father", "mother", "parent", "père", "pere", "mère", "mere"}
	pdMaritalWordWords = []string{"libataire", "pacs", "(e)"}
)

// pdKeywords holds the keywords of every test, pdKeywordGroup the test
// each belongs to (the index of its list in pdKeywordLists).
var (
	pdKeywordLists = [][]string{pdLabelWords, {"nationalit"}, pdBornWords, {"old"}, {"aged"}, pdAnsWords,
		pdParentWords, pdMaritalWordWords, pdMaritalStems, pdChildrenStems, pdReligionStems}
	pdKeywords, pdKeywordGroup = func() (*keywordSet, []int) {
		var words []string
		var group []int
		for g, l := range pdKeywordLists {
			for _, w := range l {
				words = append(words, w)
				group = append(group, g)
			}
		}
		return newKeywordSet(words), group
	}()
)

// pdGroups is the number of keyword lists.
const pdGroups = 11

func pdFileFlags(lower []byte) pdFlags {
	var g [pdGroups]bool
	for i, ok := range pdKeywords.present(lower) {
		if ok {
			g[pdKeywordGroup[i]] = true
		}
	}
	return pdFlagsOf(g, bytes.IndexByte(lower, ':') >= 0)
}

// pdFlagsOfBits reads the personal-data groups of a Keywords mask.
func pdFlagsOfBits(bits uint32, colon bool) pdFlags {
	if bits&(1<<pdGroups-1) == 0 {
		return pdFlags{} // most blocks: no keyword, every flag false
	}
	var g [pdGroups]bool
	for i := range g {
		g[i] = bits&(1<<i) != 0
	}
	return pdFlagsOf(g, colon)
}

func pdFlagsOf(g [pdGroups]bool, colon bool) pdFlags {
	f := pdFlags{
		label:       g[0] && colon,
		nationality: g[1], born: g[2], old: g[3], aged: g[4], ans: g[5],
		parent: g[6], maritalWord: g[7], maritalSeg: g[8], childrenSeg: g[9], religionSeg: g[10],
	}
	return f.withAny()
}

// mayNINO is the cheap test before pdNINORE: two ASCII capitals, an
// optional space and two digits.
func mayNINO(t []byte) bool {
	for i := 0; i+3 < len(t); i++ {
		if t[i] < 'A' || t[i] > 'Z' || t[i+1] < 'A' || t[i+1] > 'Z' {
			continue
		}
		j := i + 2
		if t[j] == ' ' {
			j++
		}
		if j+1 < len(t) && t[j] >= '0' && t[j] <= '9' && t[j+1] >= '0' && t[j+1] <= '9' {
			return true
		}
	}
	return false
}

// personalInText finds personal data in one block of prose; base is the
// block's offset in the source, lt its lower case when the caller has it
// with the same offsets (LowerProse.Exact), digits its number of digits.
func personalInText(t string, base int, lt string, digits int, f pdFlags) []pdHit {
	var hits []pdHit
	add := func(s, e int, k personalKind) {
		for e > s && (t[e-1] == ' ' || t[e-1] == '\n' || t[e-1] == '\t') {
			e--
		}
		hits = append(hits, pdHit{base + s, base + e, k})
	}
	// The expressions are costly on every block of every CV: run each only
	// when the words it needs are there.
	exact := lt != "" || t == ""
	if !exact && f.any {
		lt = strings.ToLower(t)
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lt, w) {
				return true
			}
		}
		return false
	}
	for _, m := range pdLabelREFind(f.label, t, lt) {
		label := strings.ToLower(strings.Join(strings.Fields(t[m[2]:m[3]]), " "))
		end := segmentEnd(t, m[1])
		if strings.TrimSpace(t[m[1]:end]) == "" && !strings.HasPrefix(label, "photo") {
			continue // a label with no value: a table header, say
		}
		k := labelKind(label)
		if k == "" {
			continue
		}
		add(m[2], end, k)
	}
	for _, m := range findIf(f.nationality && has("nationalit"), pdNationalityRE(), t) {
		if w := strings.Fields(t[m[2]:m[3]]); !pdFunctionWords[w[len(w)-1]] {
			add(m[2], m[3], pdNationality)
		}
	}
	for _, m := range findIf(digits >= 4 && f.born && has(pdBornWords...), pdBornRE(), t) {
		rest := t[m[1]:]
		rs := dates.Find(rest)
		if len(rs) == 0 || rs[0].Pos > 3 {
			continue
		}
		add(m[2], m[1]+rs[0].EndPos, pdBirth)
	}
	for _, m := range findIf(digits >= 2 && f.old && has("old"), pdYearsOldRE(), t) {
		if n, _ := strconv.Atoi(t[m[2]:m[3]]); n >= 14 && n <= 80 {
			end := m[0] + strings.Index(strings.ToLower(t[m[0]:m[1]]), "old") + 3
			add(m[0], end, pdAge)
		}
	}
	for _, m := range findIf(digits >= 2 && f.aged && has("aged"), pdAgedRE(), t) {
		if n, _ := strconv.Atoi(t[m[2]:m[3]]); n >= 14 && n <= 80 {
			add(m[0], m[1], pdAge)
		}
	}
	for _, m := range findIf(digits >= 2 && f.ans && has(pdAnsWords...), pdAnsRE(), t) {
		if n, _ := strconv.Atoi(t[m[2]:m[3]]); n >= 16 && n <= 75 && ansIsAge(t, m[0], m[1]) {
			add(m[0], m[1], pdAge)
		}
	}
	for _, m := range findIf(f.parent && has(pdParentWords...), pdParentRE(), t) {
		add(m[0], m[1], pdChildren)
	}
	for _, m := range findIf(f.maritalWord && has(pdMaritalWordWords...), pdMaritalWordRE(), t) {
		add(m[2], m[3], pdMarital)
	}
	for _, sg := range segmentsIf(f.maritalSeg || f.childrenSeg || f.religionSeg, t) {
		seg := t[sg.Start:sg.End]
		if strings.Count(seg, " ") >= maxTitleWords {
			continue // a sentence, not an item of a list
		}
		var ls string
		if exact {
			ls = lt[sg.Start:sg.End]
		} else {
			ls = strings.ToLower(seg)
		}
		switch {
		case f.maritalSeg && hasStem(ls, pdMaritalStems) && pdMaritalSegRE().MatchString(seg):
			add(sg.Start, sg.End, pdMarital)
		case f.childrenSeg && hasStem(ls, pdChildrenStems) && pdChildrenSegRE().MatchString(seg):
			add(sg.Start, sg.End, pdChildren)
		case f.religionSeg && hasStem(ls, pdReligionStems) && pdReligionSegRE().MatchString(seg):
			add(sg.Start, sg.End, pdReligion)
		}
	}
	for _, m := range findIf(digits >= 13, pdNIRRE(), t) {
		num := t[m[2]:m[3]]
		if nirKeyValid(num) || pdNIRContextRE().MatchString(t[max(0, m[2]-40):m[2]]) {
			add(m[2], m[3], pdSocial)
		}
	}
	for _, m := range findIf(digits >= 6 && mayNINO([]byte(t)), pdNINORE(), t) {
		add(m[2], m[3], pdSocial)
	}
	for _, m := range findIf(digits >= 9 && maySSN(t), pdSSNRE(), t) {
		area, _ := strconv.Atoi(t[m[2] : m[2]+3])
		if area != 0 && area != 666 && area < 900 {
			add(m[2], m[3], pdSocial)
		}
	}
	return hits
}

// Stems that a segment must hold before the segment expressions run.
var (
	pdMaritalStems = []string{"marri", "single", "divorc", "widow", "separat", "engaged", "partnership", "relationship",
		"mari", "libataire", "veu", "pacs", "couple", "union", "concubinage", "fianc", "sépar"}
	pdChildrenStems = []string{"child", "kid", "enfant"}
	pdReligionStems = []string{"cathol", "protest", "christ", "chrét", "chret", "muslim", "musulm", "jew", "juif", "juive",
		"buddh", "boudd", "hind", "sikh", "orthodox", "athe", "athé", "agnost"}
)

func hasStem(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// segmentsIf splits t into segments when ok says a segment may match.
func segmentsIf(ok bool, t string) []Span {
	if !ok {
		return nil
	}
	return segments(t)
}

// findIf runs re over t only when the cheap test ok says it may match.
// maySSN reports whether t holds a digit, '-', two digits, '-' and a
// digit: what every match of pdSSNRE (ddd-dd-dddd) holds.
func maySSN(t string) bool {
	for off := 0; ; {
		i := strings.IndexByte(t[off:], '-')
		if i < 0 {
			return false
		}
		i += off
		if i > 0 && i+4 < len(t) && isDigit(t[i-1]) && isDigit(t[i+1]) && isDigit(t[i+2]) && t[i+3] == '-' && isDigit(t[i+4]) {
			return true
		}
		off = i + 1
	}
}

func findIf(ok bool, re *regexp.Regexp, t string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(t, -1)
}

// pdLabelWords are the stems of every label pdLabelRE knows.
var pdLabelWords = []string{"birth", "naissance", "dob", "d.o.b", "age", "âge", "status", "situation", "civil",
	"children", "enfants", "national", "citizen", "relig", "confession", "sex", "gender", "security", "sécurité",
	"securite", "insurance", "ssn", "ni number", "n°", "nir", "photo"}

// pdLabelREFind runs the label expression on blocks that hold a colon and
// the stem of a label; ok is false when the file holds neither.
func pdLabelREFind(ok bool, t, lt string) [][]int {
	if !ok || !strings.Contains(t, ":") {
		return nil
	}
	for _, w := range pdLabelWords {
		if strings.Contains(lt, w) {
			return pdLabelRE().FindAllStringSubmatchIndex(t, -1)
		}
	}
	return nil
}

func labelKind(label string) personalKind {
	switch {
	case strings.Contains(label, "insurance") || strings.Contains(label, "security") || strings.Contains(label, "sécu") || strings.Contains(label, "secu"):
		return pdSocial
	case strings.Contains(label, "birth") || strings.Contains(label, "naissance") || strings.ReplaceAll(label, ".", "") == "dob":
		return pdBirth
	case label == "âge" || label == "age":
		return pdAge
	case strings.Contains(label, "status") || strings.Contains(label, "situation") || strings.Contains(label, "civil"):
		return pdMarital
	case label == "children" || label == "enfants":
		return pdChildren
	case strings.HasPrefix(label, "national") || strings.HasPrefix(label, "citizen"):
		return pdNationality
	case strings.HasPrefix(label, "relig") || label == "confession":
		return pdReligion
	case label == "sex" || label == "gender" || label == "sexe":
		return pdGender
	case strings.HasPrefix(label, "photo"):
		return pdPhoto
	}
	return pdSocial
}

// segmentEnd is where the value after a label stops: at the end of the
// line or at a separator between items.
func segmentEnd(t string, from int) int {
	for i := from; i < len(t); i++ {
		switch t[i] {
		case '\n', ',', ';', '|':
			return i
		}
		if strings.HasPrefix(t[i:], "·") || strings.HasPrefix(t[i:], "•") || strings.HasPrefix(t[i:], " — ") || strings.HasPrefix(t[i:], " – ") {
			return i
		}
	}
	return len(t)
}

// segments splits a block into the items of a list written inline:
// "35 ans, marié, 2 enfants · Permis B".
func segments(t string) []Span {
	var out []Span
	emit := func(s, e int) {
		for s < e && (t[s] == ' ' || t[s] == '\t' || t[s] == '.' || t[s] == '(') {
			s++
		}
		for e > s && (t[e-1] == ' ' || t[e-1] == '\t' || t[e-1] == '.' || t[e-1] == ')' || t[e-1] == '!') {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
	}
	start := 0
	for i := 0; i < len(t); {
		n := 0
		switch c := t[i]; {
		case c == ',' || c == ';' || c == '|' || c == '/' || c == '\n' || c == ':':
			n = 1
		case strings.HasPrefix(t[i:], "·"), strings.HasPrefix(t[i:], "•"):
			n = len("·")
		case c == ' ' && (strings.HasPrefix(t[i:], " - ") || strings.HasPrefix(t[i:], " – ") || strings.HasPrefix(t[i:], " — ")):
			n = len(t[i:]) - len(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t[i:], " - "), " – "), " — "))
		}
		if n == 0 {
			i++
			continue
		}
		emit(start, i)
		i += n
		start = i
	}
	emit(start, len(t))
	return out
}

// ansIsAge says whether "N ans" at t[s:e] states an age ("35 ans",
// "Âge : 35 ans") rather than a duration ("10 ans d'expérience", "depuis
// 12 ans").
func ansIsAge(t string, s, e int) bool {
	before := strings.Fields(strings.ToLower(t[:s]))
	if n := len(before); n > 0 {
		w := strings.Trim(before[n-1], "(,;:")
		if pdDurationBefore[w] || strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’") {
			return false
		}
	}
	rest := strings.TrimLeft(t[e:], " \t\u00a0")
	if rest == "" {
		return true
	}
	switch rest[0] {
	case ',', '.', ';', '|', ')', '\n', '/':
		return true
	}
	return strings.HasPrefix(rest, "·") || strings.HasPrefix(rest, "•") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-")
}

// nirKeyValid checks the key of a French NIR: 97 minus the 13-digit
// number modulo 97, with 2A and 2B counted as 19 and 18.
func nirKeyValid(s string) bool {
	s = strings.ReplaceAll(strings.ToUpper(s), " ", "")
	if len(s) != 15 {
		return false
	}
	body, key := s[:13], s[13:]
	switch body[5:7] {
	case "2A":
		body = body[:5] + "19" + body[7:]
	case "2B":
		body = body[:5] + "18" + body[7:]
	}
	n, err := strconv.ParseUint(body, 10, 64)
	k, err2 := strconv.Atoi(key)
	if err != nil || err2 != nil {
		return false
	}
	return int(97-n%97) == k
}

// looksLikePhoto says whether an image is a photo of the candidate, from
// its alt text and file name; a project gallery or a screenshot is not.
func looksLikePhoto(alt, dest string) bool {
	name := path.Base(dest)
	if pdNotPhotoRE().MatchString(alt) || pdNotPhotoRE().MatchString(name) {
		return false
	}
	return pdPhotoWordRE().MatchString(alt) || pdPhotoWordRE().MatchString(name)
}

var htmlAttrRE = map[string]*regexp.Regexp{
	"alt": regexp.MustCompile(`(?i)\salt\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`),
	"src": regexp.MustCompile(`(?i)\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`),
}

// htmlAttr reads the alt or src attribute of an HTML tag.
func htmlAttr(tag, name string) string {
	m := htmlAttrRE[name].FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return strings.Trim(m[1], `"'`)
}

// imageEnd is where an inline image ends. Link.End of an image with an
// empty alt text (`![](me.jpg)`) can run past it, so look for the
// destination on the image's line.
func imageEnd(src []byte, l Link) int {
	eol := lineEnd(src, l.Start)
	if i := strings.Index(string(src[l.Start:eol]), "("+l.Dest+")"); i >= 0 {
		return l.Start + i + len(l.Dest) + 2
	}
	return min(l.End, eol)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// countDigitBytes counts the ASCII digits of b, eight bytes at a time.
func countDigitBytes(b []byte) int {
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// For each byte below 0x80, bit 7 of ge is set when it is ≥ '0'
		// and bit 7 of gt when it is > '9'; no carry crosses bytes.
		h := x &^ hiBits
		ge := h + (0x80-'0')*loBits
		gt := h + (0x80-'9'-1)*loBits
		n += bits.OnesCount64(ge &^ gt &^ x & hiBits)
	}
	for ; i < len(b); i++ {
		if isDigit(b[i]) {
			n++
		}
	}
	return n
}
