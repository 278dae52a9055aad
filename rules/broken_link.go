package rules

import (
	"bytes"
	"context"
	"fmt"
	"net/mail"
	"net/url"
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/cvlint/cvlint/rules/linkcheck"
)

// BrokenLink reports links a recruiter would click in vain. The offline
// checks always run; --online adds HTTP checks (see linkcheck).
var BrokenLink = Register(&Rule{
	ID:       "broken-link",
	Title:    "a link that goes nowhere",
	Severity: Error,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why:  "A recruiter clicks the links in a CV. An empty or placeholder target (`[talk](#)`), a typo in the scheme (`htp://`), a bare domain that Markdown treats as a relative path (`[site](www.example.com)`), a bad `mailto:` or `tel:`, a relative link to a file that is not there, a `#fragment` that matches no heading, or a reference link with no definition all lead nowhere. With `--online`, HTTP errors, DNS failures, TLS errors and time-outs are reported too; sites that refuse robots (LinkedIn's 999, a 429 after retries) are reported as info, \"could not verify\".",
		Bad:  "[My talk](#) · [Portfolio](www.jane-doe.example) · [Blog][blog]\n[Contact](mailto:jane.doe) · [Projects](#projets)",
		Good: "[My talk](https://talks.example.org/jane) · [Portfolio](https://www.jane-doe.example)\n[Contact](mailto:jane.doe@example.com) · [Projects](#projects)\n\n[blog]: https://blog.jane-doe.example",
		Options: []Option{
			{Name: "exclude", Default: []string{}, Help: "link targets to skip, as globs (e.g. \"https://intranet.example/**\")"},
		},
	},
	Run: runBrokenLink,
})

var (
	schemeRE = lazyRegexp(`^([A-Za-z][A-Za-z+.-]*)(:|;)?(/*)`)
	domainRE = lazyRegexp(`^(?i)(www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.([a-z]{2,12})(?::\d+)?(?:[/?#].*)?$`)
	telRE    = lazyRegexp(`^\+?[0-9 ().\-]{6,}$`)
	// [text](target with a space) and [text][label] left as text by the parser.
	textLinkRE = lazyRegexp(`\[([^\[\]\n]*)\](\(([^()\n]*)\)|\[([^\[\]\n]*)\])`)
)

// fileExts are extensions that make `name.ext` a file, not a domain.
var fileExts = map[string]bool{
	"md": true, "markdown": true, "pdf": true, "png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true,
	"webp": true, "html": true, "htm": true, "txt": true, "doc": true, "docx": true, "odt": true, "rtf": true,
	"zip": true, "sh": true, "py": true, "go": true, "js": true, "ts": true, "yaml": true, "yml": true,
	"json": true, "csv": true, "xml": true, "tex": true, "pptx": true, "ppt": true, "xlsx": true, "mp4": true,
	"mov": true, "css": true, "ipynb": true, "rs": true, "java": true, "rb": true, "php": true,
}

func runBrokenLink(p *Pass) {
	exclude := p.StringsOption("exclude")
	// The anchors are worked out only for a file with a #fragment link (a
	// bare "#" is a placeholder, judged without them); a nil set reads as
	// empty.
	var slugs map[string]bool
	for _, l := range p.Doc.Links {
		if d := strings.TrimSpace(l.Dest); len(d) > 1 && d[0] == '#' {
			slugs = anchors(p.Doc)
			break
		}
	}
	var online []Link
	for _, l := range p.Doc.Links {
		if excluded(exclude, l.Dest) {
			continue
		}
		if l.Kind != LinkBare && !l.Email { // <jane@example.com> is an e-mail autolink
			if msg := checkLinkTarget(p, l, slugs); msg != "" {
				p.Report(Finding{Start: l.DestStart, End: l.DestEnd, Message: msg})
				continue
			}
		}
		if lower := strings.ToLower(l.Dest); !l.Email && (strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")) {
			online = append(online, l)
		}
	}
	checkUnparsedLinks(p, exclude)
	if p.links != nil && len(online) > 0 {
		checkOnline(p, online)
	}
}

// checkOnline reports what --online found: broken links are errors, links
// a site refused to let robots check are info ("could not verify").
func checkOnline(p *Pass, links []Link) {
	urls := make([]string, len(links))
	for i, l := range links {
		urls[i] = l.Dest
	}
	res := p.links.Check(context.Background(), urls)
	for _, l := range links {
		r, ok := res[l.Dest]
		if !ok {
			continue
		}
		switch r.Status {
		case linkcheck.Broken:
			p.Report(Finding{Start: l.DestStart, End: l.DestEnd, Message: fmt.Sprintf("%s: %s", l.Dest, r.Reason)})
		case linkcheck.Unverified:
			p.Report(Finding{Start: l.DestStart, End: l.DestEnd, Severity: Info, Message: fmt.Sprintf("could not verify %s: %s", l.Dest, r.Reason)})
		}
	}
}

func excluded(patterns []string, dest string) bool {
	for _, pat := range patterns {
		if ok, _ := doublestar.Match(pat, dest); ok || pat == dest {
			return true
		}
	}
	return false
}

func checkLinkTarget(p *Pass, l Link, slugs map[string]bool) string {
	dest := strings.TrimSpace(l.Dest)
	if plainWebURL(dest) {
		return ""
	}
	what := "link"
	if l.Kind == LinkImage {
		what = "image"
	}
	lower := strings.ToLower(dest)
	switch {
	case dest == "":
		return fmt.Sprintf("empty %s target: %q goes nowhere", what, l.Text)
	case dest == "#" || lower == "url" || lower == "link" || lower == "todo" || lower == "http://" || lower == "https://":
		return fmt.Sprintf("placeholder %s target %q: %q goes nowhere", what, dest, l.Text)
	case strings.HasPrefix(lower, "javascript:"):
		return fmt.Sprintf("%s target uses javascript:, which goes nowhere outside a browser and is blocked by most viewers", what)
	case strings.HasPrefix(lower, "mailto:"):
		return checkMailto(dest[len("mailto:"):])
	case strings.HasPrefix(lower, "tel:"):
		num := dest[len("tel:"):]
		if u, err := url.PathUnescape(num); err == nil {
			num = u
		}
		if !telRE().MatchString(num) || countDigits(num) < 6 {
			return fmt.Sprintf("bad tel: link %q: a phone number has digits, spaces, + - ( ) only", dest)
		}
		return ""
	case strings.HasPrefix(dest, "#"):
		frag := dest[1:]
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
		if !slugs[strings.ToLower(frag)] && !slugs[frag] {
			return fmt.Sprintf("fragment %q matches no heading in this file%s", dest, nearestSlug(frag, slugs))
		}
		return ""
	}
	if schemeTypo(dest) {
		return fmt.Sprintf("malformed URL %q: the scheme should be http:// or https://", dest)
	}
	if strings.ContainsAny(dest, " \t") {
		return fmt.Sprintf("malformed URL %q: it contains a space", dest)
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fmt.Sprintf("malformed URL %q: %v", dest, unwrapURLError(err))
	}
	if u.Scheme == "http" || u.Scheme == "https" {
		if u.Host == "" || u.Hostname() == "" {
			return fmt.Sprintf("malformed URL %q: no host name", dest)
		}
		if !strings.Contains(u.Hostname(), ".") && u.Hostname() != "localhost" && !strings.Contains(u.Hostname(), ":") {
			return fmt.Sprintf("malformed URL %q: host %q has no domain", dest, u.Hostname())
		}
		return ""
	}
	if u.Scheme != "" {
		return "" // ftp:, doi:, … are not ours to judge
	}
	// No scheme: a relative path, or a domain the author forgot to prefix.
	// A file that exists next to the CV is a file, whatever its extension
	// (CITATION.cff is not a domain).
	rel := u.Path
	exists, known := false, false
	if rel != "" && !strings.HasPrefix(dest, "//") {
		exists, known = p.FileExists(path.Clean(rel))
	}
	if !exists && looksLikeDomain(dest) {
		return fmt.Sprintf("%q is a relative path, not a web address: write https://%s", dest, dest)
	}
	if rel == "" || strings.HasPrefix(dest, "//") {
		return ""
	}
	if known && !exists {
		return fmt.Sprintf("relative link to %q: no such file next to this CV", rel)
	}
	return ""
}

// plainWebURL reports a well-formed http(s) address that checkLinkTarget
// would pass: a lower-case scheme, a host of lower-case letters, digits,
// dots and dashes with a dot in it and no port, then the end or a '/'
// followed only by printable ASCII without '%'. url.Parse accepts all of
// these and finds that host; anything else takes the full check.
func plainWebURL(dest string) bool {
	var rest string
	switch {
	case strings.HasPrefix(dest, "https://"):
		rest = dest[len("https://"):]
	case strings.HasPrefix(dest, "http://"):
		rest = dest[len("http://"):]
	default:
		return false
	}
	i, dot := 0, false
	for ; i < len(rest); i++ {
		c := rest[i]
		if c == '.' {
			dot = true
		} else if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			break
		}
	}
	if i == 0 || !dot {
		return false
	}
	if i == len(rest) {
		return true
	}
	if rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// schemeTypo catches htp://, hhttps://, http:/x, https//x and http;//x:
// a scheme within two edits of http(s) with the wrong punctuation or
// spelling.
func schemeTypo(dest string) bool {
	m := schemeRE().FindStringSubmatch(dest)
	if m == nil || (m[2] == "" && m[3] == "") {
		return false
	}
	scheme := strings.ToLower(m[1])
	near := scheme == "http" || scheme == "https" || editDistance(scheme, "http") <= 1 || editDistance(scheme, "https") <= 1
	if !near {
		return false
	}
	if scheme != "http" && scheme != "https" {
		return m[2] != "" || m[3] != ""
	}
	return m[2] != ":" || m[3] != "//"
}

func looksLikeDomain(dest string) bool {
	if strings.HasPrefix(strings.ToLower(dest), "www.") {
		return true
	}
	if host, _, _ := strings.Cut(dest, "/"); strings.ToLower(host) != host {
		return false // LICENSE.txt, CITATION.cff: domains are written in lower case
	}
	m := domainRE().FindStringSubmatch(dest)
	if m == nil {
		return false
	}
	host := dest
	if i := strings.IndexAny(host, "/?#:"); i >= 0 {
		host = host[:i]
	}
	tld := strings.ToLower(host[strings.LastIndexByte(host, '.')+1:])
	return !fileExts[tld]
}

func checkMailto(addr string) string {
	if i := strings.IndexByte(addr, '?'); i >= 0 {
		addr = addr[:i]
	}
	if u, err := url.PathUnescape(addr); err == nil {
		addr = u
	}
	if addr == "" {
		return "empty mailto: link: no address"
	}
	for _, a := range strings.Split(addr, ",") {
		parsed, err := mail.ParseAddress(strings.TrimSpace(a))
		if err != nil || !strings.Contains(parsed.Address[strings.LastIndexByte(parsed.Address, '@')+1:], ".") {
			return fmt.Sprintf("bad mailto: link %q: not an e-mail address", "mailto:"+a)
		}
	}
	return ""
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

func nearestSlug(frag string, slugs map[string]bool) string {
	best, bestD := "", 4
	for s := range slugs {
		if d := editDistance(strings.ToLower(frag), s); d < bestD || (d == bestD && s < best) {
			best, bestD = s, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean #%s?", best)
}

// anchors returns the fragments a link can point to: GitHub's heading
// slugs, made unique in document order, and HTML anchors.
func anchors(d *Document) map[string]bool {
	slugs := map[string]bool{}
	seen := map[string]int{}
	for _, h := range d.Headings {
		slugs[uniqueSlug(seen, Slug(h.Text))] = true
	}
	for _, id := range htmlAnchors(d) {
		slugs[id] = true
	}
	return slugs
}

var anchorRE = lazyRegexp(`(?i)<a\s[^>]*?(?:id|name)\s*=\s*["']([^"']+)["']`)

func htmlAnchors(d *Document) []string {
	var ids []string
	for _, h := range d.HTML {
		for _, m := range anchorRE().FindAllSubmatch(d.Source[h.Start:h.End], -1) {
			ids = append(ids, string(m[1]))
		}
	}
	return ids
}

// checkUnparsedLinks finds links the parser refused and left as text: a
// target with a space, or a reference to a label that is never defined.
// goldmark drops those from the AST, so the prose view is searched.
func checkUnparsedLinks(p *Pass, exclude []string) {
	pr := ProseOf(p)
	for _, b := range pr.Blocks {
		if len(b.Runs) == 0 {
			continue
		}
		s, e := b.Runs[0].Start, b.Runs[len(b.Runs)-1].End
		// Match on the prose view, where parsed links have lost their
		// brackets, and read the words from the source.
		text := p.Doc.Source[s:e]
		if !closeThenOpen(pr.Text[s:e]) {
			continue // every match holds "](" or "]["
		}
		for _, m := range textLinkRE().FindAllSubmatchIndex(pr.Text[s:e], -1) {
			start, end := s+m[0], s+m[1]
			if m[6] >= 0 { // (target)
				target := string(text[m[6]:m[7]])
				if strings.TrimSpace(target) == "" || excluded(exclude, target) || !strings.ContainsAny(target, " \t") {
					continue
				}
				p.Report(Finding{Start: start, End: end, Message: fmt.Sprintf("malformed link: the target %q contains a space, so this is not a link; encode it as %%20 or remove it", target)})
				continue
			}
			label := string(text[m[8]:m[9]])
			if label == "" {
				label = string(text[m[2]:m[3]])
			}
			if p.Doc.RefDefs[NormalizeLabel(label)] || strings.TrimSpace(label) == "" {
				continue
			}
			p.Report(Finding{Start: start, End: end, Message: fmt.Sprintf("undefined reference link [%s]: add a definition such as `[%s]: https://…`", label, label)})
		}
	}
}

// closeThenOpen reports a ']' followed by '(' or '[': the cheap test
// before textLinkRE.
func closeThenOpen(b []byte) bool {
	for i := bytes.IndexByte(b, ']'); i >= 0 && i+1 < len(b); {
		if b[i+1] == '(' || b[i+1] == '[' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], ']')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
