package rules

import (
	"strings"
)

// MissingContact reports a CV with neither an e-mail address nor a phone
// number.
var MissingContact = Register(&Rule{
	ID:       "missing-contact",
	Title:    "no e-mail address and no phone number",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "A recruiter who likes a CV wants to call or write the same day; a profile link alone (LinkedIn, GitHub) makes them log in and wait. " +
			"The rule looks for an e-mail address (a `mailto:` link, an autolink, an address in the text, in the front matter or in HTML, or a lightly obfuscated `jane [at] example [dot] com`) " +
			"and a phone number in English and French formats (`+33 6 12 34 56 78`, `06 12 34 56 78`, `(555) 123-4567`, `+44 20 7946 0000`, `tel:` links). " +
			"It reports on line 1 when there is neither.",
		Bad:  "# Jane Doe\n\n[LinkedIn](https://www.linkedin.com/in/janedoe-example)\n\n## Experience",
		Good: "# Jane Doe\n\njane.doe@example.com · +44 20 7946 0000 · [LinkedIn](https://www.linkedin.com/in/janedoe-example)\n\n## Experience",
	},
	Run: runMissingContact,
})

var (
	emailRE           = lazyRegexp(`(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`)
	obfuscatedEmailRE = lazyRegexp(`(?i)[a-z0-9._%+\-]+\s*[\[\(\{]\s*(?:at|@|arobase)\s*[\]\)\}]\s*[a-z0-9\-]+(?:\s*(?:[\[\(\{]\s*(?:dot|point)\s*[\]\)\}]|\.)\s*[a-z0-9\-]+)+`)
	// Phone numbers: international (+33, +44, +1 …), French national
	// (06 12 34 56 78), North American ((555) 123-4567, 555-123-4567) and
	// British national (020 7946 0000, 07700 900123).
	phoneRE = lazyRegexp(`(?:^|[^\w+])(` +
		`\+\d{1,3}[ .\-\x{00A0}]?(?:\(0\)[ .\-\x{00A0}]?)?\(?\d{1,4}\)?(?:[ .\-\x{00A0}]?\d{2,4}){2,5}` +
		`|0[1-9](?:[ .\-\x{00A0}]?\d{2}){4}` +
		`|\(\d{3}\)[ \x{00A0}]?\d{3}[ .\-]\d{4}` +
		`|\d{3}[.\-]\d{3}[.\-]\d{4}` +
		`|0\d{2,4}[ \x{00A0}]\d{3,4}[ \x{00A0}]?\d{3,4}` +
		`)(?:[^\w]|$)`)
)

func runMissingContact(p *Pass) {
	d := p.Doc
	if hasContact(d, func() *Prose { return ProseOf(p) }) {
		return
	}
	_, e := d.Lines.Line(1)
	p.Report(Finding{Start: 0, End: e, Message: "no e-mail address and no phone number: a recruiter who wants to reach you has to go looking; add both near your name"})
}

// hasContact asks for the prose view only past the links: most CVs give
// their e-mail address as a link, and then the rule needs no prose.
func hasContact(d *Document, prose func() *Prose) bool {
	for _, l := range d.Links {
		if l.Email {
			return true
		}
		dest := strings.ToLower(strings.TrimSpace(l.Dest))
		if strings.HasPrefix(dest, "mailto:") && len(dest) > len("mailto:") || strings.HasPrefix(dest, "tel:") && len(dest) > len("tel:") {
			return true
		}
	}
	// E-mails are masked out of the prose view. In Markdown, linkify has
	// made those of the text links (above); read the rest from the front
	// matter and the HTML, and never from code. A plain-text file has no
	// code: read it all.
	pr := prose()
	if d.Plain && emailRE().Match(d.Source) || emailRE().Match(d.Source[:d.FrontMatter.End]) || mayObfuscatedEmail(pr.Text) && obfuscatedEmailRE().Match(pr.Text) {
		return true
	}
	for _, h := range d.HTML {
		if emailRE().Match(d.Source[h.Start:h.End]) {
			return true
		}
	}
	return hasPhone(pr.Text) || hasPhone(d.Source[:d.FrontMatter.End])
}

// hasPhone looks for a phone number in text. The expression is slow on a
// whole CV, so it runs only on runs of digits and separators long enough
// to hold one.
func hasPhone(text []byte) bool {
	isPhoneByte := func(c byte) bool {
		return c >= '0' && c <= '9' || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == 0xC2 || c == 0xA0
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= '0' && c <= '9' || c == '+' || c == '(') {
			continue
		}
		j, digits := i, 0
		for j < len(text) && isPhoneByte(text[j]) {
			if text[j] >= '0' && text[j] <= '9' {
				digits++
			}
			j++
		}
		if digits >= 9 {
			from := max(0, i-1)
			for _, m := range phoneRE().FindAllSubmatchIndex(text[from:min(len(text), j+1)], -1) {
				if phoneDigits(text[from+m[2] : from+m[3]]) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// phoneDigits checks the number of digits of a phone number: 9 to 15 (the
// E.164 maximum), which rules out dates and years.
func phoneDigits(b []byte) bool {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n >= 9 && n <= 15
}

// mayObfuscatedEmail is the cheap test before obfuscatedEmailRE, slow on a
// whole CV: every match has an opening bracket followed, after white space
// (\s is ASCII), by "at", "@" or "arobase", so by an a, an A or an @.
func mayObfuscatedEmail(text []byte) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '[' && c != '(' && c != '{' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\f' || text[j] == '\r') {
			j++
		}
		if j < len(text) && (text[j] == 'a' || text[j] == 'A' || text[j] == '@') {
			return true
		}
	}
	return false
}
