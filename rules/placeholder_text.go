package rules

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlaceholderText reports template text the author forgot to replace:
// filler, to-do markers, sample names and contacts, template variables,
// links announced but never given and annexes that are not there.
var PlaceholderText = Register(&Rule{
	ID:       "placeholder-text",
	Title:    "template text left in the CV",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, LowerProseAnalysis, KeywordsAnalysis},
	Doc: Doc{
		Why: "CV templates come with filler (`Lorem ipsum`, `Company Name`, `[Your Name]`, `Skill 1`), masked contacts (`06 XX XX XX XX`, `myemail@email.com`, `(000) 123-4567`) and template variables (`{NAME}`, `{{ site.url }}`, `%EMAIL%`); drafts carry `TODO`, `TBD` and `XXX`. A recruiter who sees one stops reading. " +
			"The rule also reports a link announced but not given (`link to the article`, `voir la vidéo` with no link in the same paragraph) and a figure or annex the document does not contain (`see the screenshot in appendix 3`, `photo en annexe 5`). " +
			"Words inside code, inside a link's text, or in a paragraph that carries the link are not reported; neither are longer words (`Todoist`, `XXXL`) nor `example.com` addresses, the domain reserved for examples.",
		Bad:  "## [Your Name]\nCompany Name — Job Title · 06 XX XX XX XX · myemail@email.com\n- Skill 1, Skill 2\n- Wrote a blog post on observability (link to the article)",
		Good: "## Jane Doe\nAcme Cloud — Site Reliability Engineer · +33 6 12 34 56 78 · jane.doe@example.com\n- Go, Kubernetes\n- Wrote a [blog post on observability](https://blog.example.com/observability)",
	},
	Run: runPlaceholderText,
})

type placeholderPattern struct {
	re   *regexp.Regexp
	what string // what the placeholder is, for the message
	do   string // what to do about it
	// hints are lower-case strings one of which must occur in a block for
	// re to match there: a cheap test that spares most blocks the regexp.
	hints []string
	// digit says that every match of re holds an ASCII digit (\d is
	// ASCII in RE2), a test after the hints: "Skills" holds the hint of
	// "Skill 1" and no digit.
	digit bool
}

// Hint groups: one per placeholder pattern, then these.
const (
	hintAnnounced = 16 + iota
	hintAnnex
	numHintGroups
)

// placeholderHintSet holds the hints of every group, placeholderHintGroup
// the group of each.
var placeholderHintSet, placeholderHintGroup = func() (*keywordSet, []int) {
	var words []string
	var group []int
	add := func(g int, hs []string) {
		for _, h := range hs {
			if h != phoneHint {
				words, group = append(words, h), append(group, g)
			}
		}
	}
	for i, pat := range placeholderPatterns {
		if i >= hintAnnounced {
			panic("placeholder-text: too many patterns for the hint groups")
		}
		add(i, pat.hints)
	}
	add(hintAnnounced, announcedHints)
	add(hintAnnex, annexHints)
	return newKeywordSet(words), group
}()

// placeholderPhonePattern is the index of the pattern with phoneHint, or
// -1; the initialisation panics if a pattern has no hints, which the
// skipping of blocks without hints in runPlaceholderText would not see.
var placeholderPhonePattern = func() int {
	phone := -1
	for i, pat := range placeholderPatterns {
		switch {
		case len(pat.hints) == 0:
			panic("placeholder-text: a pattern without hints")
		case pat.hints[0] == phoneHint:
			phone = i
		}
	}
	return phone
}()

// placeholderHints reads the occurrences of the hints, found by the
// shared keyword pass (KeywordsAnalysis) in the ASCII-lowered prose.
type placeholderHints struct {
	kw *Keywords
	// text is the prose. The phone tests look at digits and phone
	// punctuation alone, which lower-casing leaves as they are and makes
	// from no other byte: on the ASCII-lowered prose they would say the
	// same.
	text []byte
	// phones are the digits of the runs of text with phoneHint's eight
	// digits, from the first to the last.
	phones []Span
}

// bits returns the hint groups (bit g for group g) with an occurrence
// wholly inside text[s:e].
func (h placeholderHints) bits(s, e int) uint32 {
	if s == 0 && e == len(h.text) {
		return h.kw.all >> kwPlaceholder
	}
	return h.kw.in(s, e) >> kwPlaceholder
}

// may says whether the ASCII-lowered text[s:e] holds one of the hints of
// group g; bits are those of text[s:e].
func (h placeholderHints) may(bits uint32, g int, hints []string, s, e int) bool {
	if len(hints) == 0 {
		return true
	}
	if hints[0] == phoneHint {
		return h.mayPhone(s, e) && hasDigitRun(h.text[s:e], 8) && maySamplePhone(h.text[s:e])
	}
	return bits&(1<<g) != 0
}

// mayPhone says whether text[s:e] overlaps the digits of a run of eight
// digits or more. A run of text[s:e] is a run of text cut at s and e,
// so hasDigitRun(text[s:e], 8) needs eight digits of one of those runs
// inside [s, e): most blocks, with no such run nearby, are spared the
// byte-by-byte scan.
func (h placeholderHints) mayPhone(s, e int) bool {
	i := sort.Search(len(h.phones), func(i int) bool { return h.phones[i].End > s })
	return i < len(h.phones) && h.phones[i].Start < e
}

// phoneRuns appends to out, for each run of b that hasDigitRun counts (digits
// joined only by phone punctuation) holding at least n digits, the span
// from its first digit to its last.
func phoneRuns(out []Span, b []byte, n int) []Span {
	for i := 0; i < len(b); {
		// Prose is mostly letters: skip eight bytes at a time while they
		// hold no digit, and to the first digit of the eight that hold
		// one.
		if i+8 <= len(b) {
			m := digitMask8(binary.LittleEndian.Uint64(b[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		} else if !isDigit(b[i]) {
			i++
			continue
		}
		// The run holding b[i] may start before it, with punctuation only:
		// its digits start here.
		first, last, digits := i, i, 0
		for ; i < len(b) && isPhoneRunByte(b[i]); i++ {
			if isDigit(b[i]) {
				digits++
				last = i
			}
		}
		if digits >= n {
			out = append(out, Span{first, last + 1})
		}
	}
	return out
}

// isPhoneRunByte is a byte hasDigitRun lets a run go on through.
func isPhoneRunByte(c byte) bool {
	return c >= '0' && c <= '9' || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+'
}

// digitMask8 has bit 7 of each byte of x that is an ASCII digit set,
// and no other bit.
func digitMask8(x uint64) uint64 {
	// For each byte below 0x80, bit 7 of ge is set when it is ≥ '0' and
	// bit 7 of gt when it is > '9'; no carry crosses bytes, so each
	// byte's bit says what that byte is.
	h := x &^ hiBits
	ge := h + (0x80-'0')*loBits
	gt := h + (0x80-'9'-1)*loBits
	return ge &^ gt &^ x & hiBits
}

// hasDigitRun reports a run of at least n digits joined only by phone
// punctuation.
func hasDigitRun(b []byte, n int) bool {
	digits := 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
			if digits >= n {
				return true
			}
		case c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+':
		default:
			digits = 0
		}
	}
	return false
}

// maySamplePhone is what samplePhone needs of any number in b: five
// zeros, or the digits 1234567 in a row once separators are dropped.
// Both hold of b when they hold of a part of it, so a block without them
// has no sample number and is spared the expression.
func maySamplePhone(b []byte) bool {
	zeros, seq := 0, 0
	for _, c := range b {
		if c < '0' || c > '9' {
			continue
		}
		if c == '0' {
			if zeros++; zeros >= 5 {
				return true
			}
		}
		switch {
		case c == byte('1'+seq):
			if seq++; seq == 7 {
				return true
			}
		case c == '1':
			seq = 1
		default:
			seq = 0
		}
	}
	return false
}

// lowerASCII lower-cases ASCII letters only, keeping byte offsets.
func lowerASCII(b []byte, buf []byte) []byte {
	buf = append(buf[:0], b...)
	for i, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// phoneHint stands for "a run of at least 8 digits joined only by spaces,
// dots, dashes, brackets or a plus": what every phone number has and
// what a date range with an en dash does not.
const phoneHint = "\x00phone"

const (
	doReplace = "replace it with your own text or delete it"
	doFinish  = "finish the text or delete the marker"
	doContact = "write your real contact details"
	doVar     = "the template was not filled in: write the value"
)

var placeholderPatterns = []placeholderPattern{
	{regexp.MustCompile(`(?i)\blorem ipsum(?: dolor sit amet)?\b`), "filler text", doReplace, []string{"lorem"}, false},
	// Masked phone numbers: 07 xx xx xx xx, +33 6 XX XX XX XX, (XXX) XXX-XXXX.
	// The hints are three bytes long, which the keyword pass finds on its
	// way, where "xx" cost a search of its own: a match has two groups of
	// x, so its first "xx" goes on with an x or a separator.
	{regexp.MustCompile(`(?:\+\d{1,3}[ .-]?)?(?:\(?(?:\d{1,4}|[xX]{2,4})\)?[ .-]?){0,2}(?:[xX]{2,4}[ .-]?){2,}[xX0-9]{0,4}`), "a masked phone number", doContact, []string{"xxx", "xx ", "xx.", "xx-"}, false},
	{regexp.MustCompile(`(?:\+\d{1,3}[ .]?\d|\(\d{3}\)|0\d?)[ .-]?\d{1,4}(?:[ .-]?\d{2,4}){2,4}\b|\b123[ .-]456[ .-]7890\b`), "a sample phone number", doContact, []string{phoneHint}, false},
	{regexp.MustCompile(`\b(?:TODO|FIXME|TBD|TBC)\b|\bXXX+\b|à compléter\b|À COMPLÉTER\b|\bA COMPLETER\b|à définir\b`), "a draft marker", doFinish, []string{"todo", "fixme", "tbd", "tbc", "xxx", "compl", "finir"}, false},
	// [Your Name], [Nom de l'entreprise], [Insert …]: a bracketed instruction.
	{regexp.MustCompile(`(?i)\[\s*(?:your|votre|vos|insert|insérer|intitulé|add|ajouter|enter|saisir|nom|prénom|company|entreprise|job|poste|city|ville|date|phone|téléphone|email|e-mail|adresse|address)(?:[\s'’][^\]\n]{0,40})?\]`), "a template field", doReplace, []string{"["}, false},
	{regexp.MustCompile(`(?:Company Name|COMPANY NAME|Job Title|JOB TITLE|Your Name|YOUR NAME|Position Title|School Name|University Name|Nom de l['’]entreprise|Nom de l['’]employeur|Intitulé du poste|Nom Prénom|NOM Prénom|PRÉNOM NOM|NOM PRÉNOM|Prénom Nom|Prénom NOM|Votre nom|VOTRE NOM|Nom de l['’]école)\b`), "a template field", doReplace, []string{"name", "title", "nom", "prénom", "poste"}, false},
	{regexp.MustCompile(`(?:Skill|SKILL|Compétence|COMPÉTENCE|Competence|Company|Entreprise|Employer|Employeur|School|École|Ecole)\s+\d{1,2}\b`), "a numbered template field", doReplace, []string{"skill", "comp", "company", "entreprise", "employ", "school", "cole"}, true},
	// Template variables: {NAME}, {{ site.url }}, %EMAIL%, ${name}.
	{regexp.MustCompile(`\{\{\s*[\w.\- |"']+\s*\}\}|\{[A-Z][A-Z0-9_]+\}|\{(?:first_?name|last_?name|firstName|lastName|name|email|phone|nom|prenom|prénom)\}|%[A-Z][A-Z0-9_]+%|\$\{[\w.]+\}`), "an unresolved template variable", doVar, []string{"{", "%"}, false},
}

// Placeholder e-mail addresses: the local part or the domain says so.
var (
	placeholderLocalRE  = lazyRegexp(`(?i)^(?:your[._-]?(?:name|email|mail|address)|my[._-]?(?:email|mail|name)|pr[ée]nom[._-]?nom|nom[._-]?pr[ée]nom|first[._-]?(?:name[._-]?)?last(?:[._-]?name)?|votre[._-]?(?:nom|email|mail|adresse)|x{2,}|username)$`)
	placeholderDomainRE = lazyRegexp(`(?i)^(?:e-?mail\.com|domain\.(?:com|fr)|domaine\.(?:com|fr)|yourdomain\.\w+|votredomaine\.\w+|x{2,}\.\w+)$`)
)

// Announced links and absent annexes, matched on prose.
var (
	announcedLinkRE = lazyRegexp(`(?i)\blink (?:to|for) (?:the|my|our|their|his|her|this) (?:article|post|blog|video|demo|talk|paper|repo|repository|project|slides|site|website|portfolio|publication|thesis|app)\b|\b(?:see|watch|read|try) (?:the|my|a) (?:demo|video|article|post|talk|slides|paper|project|app) here\b|\b(?:available|click|see|watch|read) here\b|\blink (?:below|above)\b|\blien (?:vers|de|du|à) (?:l['’]|le |la |les |leur |leurs |mon |ma |mes |notre |nos |son |sa |ses |cet |cette |ce )?(?:article|vidéo|video|démo|demo|site|dépôt|projet|publication|présentation|conférence|portfolio|thèse|mémoire|application|blog|billet|slides)\b|\bvoir (?:la |le |l['’]|les |ma |mon )(?:vidéo|video|démo|demo|article|présentation|conférence|site|projet|billet)(?: ici| ci-dessous)?\b|\b(?:disponible|cliquez|cliquer|voir) ici\b|\blien ci-dessous\b`)
	annexRefRE      = lazyRegexp(`(?i)\bsee (?:the )?(?:attached|enclosed)\b|\b(?:see|cf\.?) (?:the )?(?:screenshots?|figures?|fig\.|diagrams?|appendi(?:x|ces)|annex(?:es)?)\b|\b(?:in|see) (?:the )?appendi(?:x|ces)\b|\bappendix (?:\d+|[A-Z])\b|\bannex \d+\b|\b(?:en|voir|cf\.?) (?:l['’])?annexes?\b|\bannexe \d+\b|\bci-joint(?:e|s|es)?\b|\bpièces? jointes?\b|\bvoir (?:la |les )?(?:capture|captures|figure|figures|photo|photos|illustration|schéma)\b`)
	announcedHints  = []string{"link ", "link\n", " here", "lien ", "voir ", " ici", "below", "above"}
	// "cf" is followed by a space or a dot in every match: as a hint of
	// three bytes it rides on the keyword pass instead of a search of its
	// own through every 'c' of the text.
	annexHints = []string{"attach", "enclos", "screen", "fig", "diagram", "appendi", "annex", "joint", "voir", "cf ", "cf."}
	// appendixHeadingStems are parts of every word appendixHeadingRE
	// matches, free of the letters (?i) also matches outside ASCII (k: the
	// Kelvin sign, s: the long s) and of accents, so an ASCII-lowered
	// heading holds one whenever the expression can match.
	appendixHeadingStems = []string{"appendi", "annex", "attachment", "jointe", "portfolio", "creen", "capture"}
	appendixHeadingRE    = lazyRegexp(`(?i)\b(?:appendi(?:x|ces)|annex(?:e|es)?|attachments?|pièces jointes|portfolio|screenshots?|captures?)\b`)
)

func runPlaceholderText(p *Pass) {
	pr := ProseOf(p)
	// Patterns overlap ("[Your Name]" and "Your Name", "(XXX) XXX-XXXX"
	// and "XXX"): the first, most specific one wins.
	// reported is kept sorted and free of overlaps, so each check is a
	// binary search: a page of "lorem ipsum" stays linear.
	var reported []Span
	report := func(s, e int, msg string) {
		i := sort.Search(len(reported), func(i int) bool { return reported[i].End > s })
		if i < len(reported) && reported[i].Start < e {
			return
		}
		reported = slices.Insert(reported, i, Span{s, e})
		p.Report(Finding{Start: s, End: e, Message: msg})
	}
	// One pass finds every hint in the file; a block holds a hint when
	// one of its occurrences lies inside the block.
	var phones [4]Span // a CV has a phone number or two
	hints := placeholderHints{KeywordsOf(p), pr.Text, phoneRuns(phones[:0], pr.Text, 8)}
	fileBits := hints.bits(0, len(pr.Text))
	var fileMay [hintAnnounced]bool
	anyMay := false
	for i, pat := range placeholderPatterns {
		if len(pat.hints) > 0 && pat.hints[0] == phoneHint {
			// What the blocks must hold for the phone hint holds of the
			// file when it holds of a block: the test per block is
			// enough, and the file needs only a run.
			fileMay[i] = len(hints.phones) > 0
		} else {
			fileMay[i] = hints.may(fileBits, i, pat.hints, 0, len(pr.Text))
		}
		anyMay = anyMay || fileMay[i]
	}
	announcedMay := hints.may(fileBits, hintAnnounced, announcedHints, 0, len(pr.Text))
	var at kwCursor
	for _, b := range pr.Blocks {
		if !anyMay && !announcedMay {
			break
		}
		if isTableHeaderCell(b.Node) {
			continue // "Job Title | Company" heads a table
		}
		seg := pr.Text[b.Start:b.End]
		bits := hints.kw.inAt(&at, b.Start, b.End) >> kwPlaceholder
		if bits == 0 && !(placeholderPhonePattern >= 0 && fileMay[placeholderPhonePattern] && hints.mayPhone(b.Start, b.End)) {
			// Most blocks: every pattern but the phone one, and the
			// announced links, want a hint of their group in the block
			// (placeholderPhonePattern says there is no pattern without
			// hints), and the phone one a run of digits.
			continue
		}
		for i, pat := range placeholderPatterns {
			if !fileMay[i] || !hints.may(bits, i, pat.hints, b.Start, b.End) || pat.digit && !bytes.ContainsAny(seg, "0123456789") {
				continue
			}
			for _, m := range pat.re.FindAllIndex(seg, -1) {
				s, e := b.Start+m[0], b.Start+m[1]
				for e > s && strings.ContainsRune(" .-", rune(p.Doc.Source[e-1])) {
					e--
				}
				if inLinkText(p.Doc, s) || !wordEdges(pr.Text, s, e) {
					continue
				}
				if pat.what == "a masked phone number" && !maskedPhone(string(p.Doc.Source[s:e])) {
					continue
				}
				if pat.what == "a sample phone number" && !samplePhone(string(p.Doc.Source[s:e])) {
					continue
				}
				report(s, e, fmt.Sprintf("placeholder %q is %s left from a template: %s", string(p.Doc.Source[s:e]), pat.what, pat.do))
			}
		}
		if announcedMay && hints.may(bits, hintAnnounced, announcedHints, b.Start, b.End) && !blockHasLink(p.Doc, pr, b) {
			for _, m := range announcedLinkRE().FindAllIndex(seg, -1) {
				s, e := b.Start+m[0], b.Start+m[1]
				report(s, e, fmt.Sprintf("%q announces a link, but there is none in this paragraph: add the link or reword", string(p.Doc.Source[s:e])))
			}
		}
	}
	reportPlaceholderEmails(p, report)
	reportMissingAnnex(p, pr, hints, report)
	reportTemplateAngles(p, pr, report)
}

// wordEdges rejects matches glued to more letters or digits: TBD in
// TBDs, XXX in XXXL.
func wordEdges(text []byte, s, e int) bool {
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return (s == 0 || !isWord(text[s-1]) || !isWord(text[s])) && (e >= len(text) || !isWord(text[e]) || !isWord(text[e-1]))
}

func isTableHeaderCell(n ast.Node) bool {
	if _, ok := n.(*east.TableCell); !ok {
		return false
	}
	_, ok := n.Parent().(*east.TableHeader)
	return ok
}

func inLinkText(d *Document, off int) bool {
	for _, l := range d.Links {
		if off >= l.Start && off < l.End {
			return true
		}
	}
	return false
}

// blockHasLink says whether a block of prose carries a link, or ends with
// a colon and the next block does ("Voir la démo :" then the URL).
func blockHasLink(d *Document, pr *Prose, b Block) bool {
	has := func(s, e int) bool {
		for _, l := range d.Links {
			if l.Kind != LinkImage && l.Start < e && l.End > s {
				return true
			}
		}
		return false
	}
	if has(b.Start, b.End) {
		return true
	}
	if strings.HasSuffix(strings.TrimSpace(string(pr.Text[b.Start:b.End])), ":") {
		for i, x := range pr.Blocks {
			if x.Start == b.Start && i+1 < len(pr.Blocks) {
				return has(pr.Blocks[i+1].Start, pr.Blocks[i+1].End)
			}
		}
	}
	return false
}

// maskedPhone wants two groups of x at least and a phone-like length.
func maskedPhone(s string) bool {
	groups, xs := 0, 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" .-()+", r) }) {
		groups++
		if strings.Trim(f, "xX") == "" {
			xs++
		}
	}
	return xs >= 2 && groups >= 3
}

// samplePhone recognises the numbers templates ship with: all zeros after
// the prefix, or the digits in sequence.
func samplePhone(s string) bool {
	var d strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	if strings.HasPrefix(s, "+") {
		// Drop the country code: the groups before the first separator.
		if i := strings.IndexAny(s, " .-("); i > 0 {
			digits = digits[i-1:]
		}
	}
	if len(digits) < 7 {
		return false
	}
	zeros := strings.Count(digits, "0")
	return zeros >= len(digits)-2 || strings.Contains(digits, "1234567") || strings.Contains(digits, "0000000")
}

func reportPlaceholderEmails(p *Pass, report func(int, int, string)) {
	for _, l := range p.Doc.Links {
		addr := l.Dest
		if hasPrefixFold(addr, "mailto:") {
			addr = addr[len("mailto:"):]
		} else if !l.Email {
			continue
		}
		at := strings.LastIndexByte(addr, '@')
		if at <= 0 {
			continue
		}
		local, domain := addr[:at], addr[at+1:]
		if mayPlaceholderLocal(local) && placeholderLocalRE().MatchString(local) || mayPlaceholderDomain(domain) && placeholderDomainRE().MatchString(domain) {
			report(l.DestStart, l.DestEnd, fmt.Sprintf("placeholder %q is a sample e-mail address left from a template: %s", addr, doContact))
		}
	}
}

// mayPlaceholderLocal is the cheap test before placeholderLocalRE: an
// anchored match starts with the first letter of one of its words, and
// (?i) matches y, m, p, n, f, v, x and u only with themselves in upper
// case (of the ASCII letters, only k and s have a third form, the Kelvin
// sign and the long s).
func mayPlaceholderLocal(local string) bool {
	if local == "" {
		return false
	}
	switch local[0] | 0x20 {
	case 'y', 'm', 'p', 'n', 'f', 'v', 'x', 'u':
		return true
	}
	return false
}

// mayPlaceholderDomain is the cheap test before placeholderDomainRE: a
// whole domain that starts with one of these, in any case (none holds k
// or s, the letters (?i) matches outside ASCII).
func mayPlaceholderDomain(domain string) bool {
	for _, p := range []string{"email.com", "e-mail.com", "domain.", "domaine.", "yourdomain.", "votredomaine.", "xx"} {
		if len(domain) >= len(p) && strings.EqualFold(domain[:len(p)], p) {
			return true
		}
	}
	return false
}

func reportMissingAnnex(p *Pass, pr *Prose, hints placeholderHints, report func(int, int, string)) {
	if !hints.may(hints.bits(0, len(pr.Text)), hintAnnex, annexHints, 0, len(pr.Text)) {
		return // no block can refer to an annex
	}
	for _, l := range p.Doc.Links {
		if l.Kind == LinkImage {
			return
		}
	}
	for _, h := range p.Doc.HTML {
		if strings.Contains(strings.ToLower(string(p.Doc.Source[h.Start:h.End])), "<img") {
			return
		}
	}
	var buf []byte
	for _, h := range p.Doc.Headings {
		buf = lowerASCII([]byte(h.Text), buf)
		if containsAnyBytes(buf, appendixHeadingStems) && appendixHeadingRE().MatchString(h.Text) {
			return
		}
	}
	for _, b := range pr.Blocks {
		if b.Kind == BlockHeading || !hints.may(hints.bits(b.Start, b.End), hintAnnex, annexHints, b.Start, b.End) || blockHasLink(p.Doc, pr, b) {
			continue
		}
		// One finding per block: "see the screenshot in appendix 3" is one
		// reference, however many of its words match.
		if m := annexRefRE().FindIndex(pr.Text[b.Start:b.End]); m != nil {
			s, e := b.Start+m[0], b.Start+m[1]
			report(s, e, fmt.Sprintf("%q refers to an attachment, figure or annex this document does not contain: add it, link to it, or reword", string(p.Doc.Source[s:e])))
		}
	}
}

// <<FirstName>> is a mail-merge field; Markdown takes <FirstName> for an
// HTML tag, so the prose view has masked it: look at the source.
var angleVarRE = lazyRegexp(`<<\s*[\pL_][\pL\d_ ]{0,30}\s*>>`)

func reportTemplateAngles(p *Pass, pr *Prose, report func(int, int, string)) {
	if !bytes.Contains(p.Doc.Source, []byte("<<")) {
		return // every match opens with "<<"
	}
	for _, m := range angleVarRE().FindAllIndex(p.Doc.Source, -1) {
		if pr.Text[m[0]] != '<' || inLinkText(p.Doc, m[0]) {
			continue // inside code: masked
		}
		report(m[0], m[1], fmt.Sprintf("placeholder %q is an unresolved template variable left from a template: %s", string(p.Doc.Source[m[0]:m[1]]), doVar))
	}
}
