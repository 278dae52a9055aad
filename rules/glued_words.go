package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules/lexicon"
)

// GluedWords reports words that PDF extraction ran together, and sentences
// that lost the space after their full stop or comma.
var GluedWords = Register(&Rule{
	ID:       "glued-words",
	Title:    "words run together",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, LanguageAnalysis},
	Doc: Doc{
		Why: "Copying text out of a PDF often drops the spaces between words (`lessolutionsdesupervision`) or after punctuation (`Grafana.Les données`). " +
			"A reader stumbles on them and an applicant tracking system finds none of the words inside. " +
			"cvlint only looks at runs of 15 or more lower-case letters that are not a word of its English or French lexicon, " +
			"and only suggests a split into common words of the paragraph's language that includes a function word (the, and, de, les): " +
			"product names, camelCase, long real words, URLs, e-mails, domains, file names, code, hashtags, paths, hashes, versions " +
			"and identifiers with digits or underscores are never reported. " +
			"A split can be wrong, so `--fix` applies it only when named: `--fix=glued-words`. " +
			"Words the lexicon does not know but you want kept whole go in the `allow` option.",
		Bad:  "Responsable de lamiseenplacedessolutionsdesupervision avec Grafana.Les données sont centralisées.",
		Good: "Responsable de la mise en place des solutions de supervision avec Grafana. Les données sont centralisées.",
		Options: []Option{
			{Name: "allow", Default: []string{}, Help: "tokens never to split (matched whole, case-insensitively), e.g. a product or project name"},
		},
	},
	Run: runGluedWords,
})

// dottedNames are names written with a dot and a capital that are not a
// sentence ending without its space.
var dottedNames = map[string]bool{"asp.net": true, "vb.net": true, "ado.net": true}

type gluedPass struct {
	p     *Pass
	pr    *Prose
	allow map[string]bool
	block int
	lang  *Language // computed on the first candidate only
}

func runGluedWords(p *Pass) {
	g := &gluedPass{p: p, pr: ProseOf(p), allow: map[string]bool{}}
	for _, a := range p.StringsOption("allow") {
		g.allow[strings.ToLower(a)] = true
	}
	for i, b := range g.pr.Blocks {
		s, e, ok := proseSpan(b)
		if !ok {
			continue
		}
		g.block = i
		for _, f := range proseFields(g.pr.Text, s, e) {
			g.field(f.Start, f.End)
		}
	}
}

// language is the language of the current block; the analysis runs on the
// first candidate, so a file without one never pays for it.
func (g *gluedPass) language() lexicon.Lang {
	if g.lang == nil {
		g.lang = LanguageOf(g.p)
	}
	return g.lang.Block(g.block)
}

const (
	fieldOpeners = "([{\"'«“‘¿¡"
	fieldClosers = ".,;:!?)]}\"'»”’…"
)

// field checks one white-space separated token of the prose view.
func (g *gluedPass) field(s, e int) {
	text := g.pr.Text
	for s < e {
		r, n := utf8.DecodeRune(text[s:e])
		if !strings.ContainsRune(fieldOpeners, r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRune(text[s:e])
		if !strings.ContainsRune(fieldClosers, r) {
			break
		}
		e -= n
	}
	tok := text[s:e]
	if len(tok) == 0 || g.allow[strings.ToLower(string(tok))] || !plainToken(tok) {
		return
	}
	done := g.missingSpaces(s, e)
	// Runs of letters: split on anything else, then on case changes.
	for i := s; i < e; {
		r, n := utf8.DecodeRune(text[i:e])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < e {
			r, n := utf8.DecodeRune(text[j:e])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if j <= done.Start || i >= done.End {
			g.letterRun(i, j)
		}
		i = j
	}
}

// plainToken rejects tokens that are not prose: hashtags, mentions, paths,
// identifiers with underscores or digits, markup leftovers.
func plainToken(tok []byte) bool {
	switch tok[0] {
	case '#', '@', '$', '~', '%', '&', '<':
		return false
	}
	for _, c := range tok {
		switch {
		case c >= '0' && c <= '9', c == '_', c == '/', c == '\\', c == '=', c == '{', c == '}', c == '|', c == '@', c == '<', c == '>', c == '`', c == '+', c == '*':
			return false
		}
	}
	return true
}

// letterRun looks for lower-case runs of MinSplitLen letters inside the
// letter run text[s:e]; a capital starts a new run, so camelCase and
// PascalCase never make one, but a capital that opens the run joins it
// (a sentence that starts glued).
func (g *gluedPass) letterRun(s, e int) {
	text := g.pr.Text
	for i := s; i < e; {
		start := i
		r, n := utf8.DecodeRune(text[i:e])
		i += n
		if !unicode.IsLower(r) && !(start == s && unicode.IsUpper(r)) {
			continue
		}
		runes := 1
		for i < e {
			r, n := utf8.DecodeRune(text[i:e])
			if !unicode.IsLower(r) {
				break
			}
			i += n
			runes++
		}
		if runes < lexicon.MinSplitLen {
			continue
		}
		orig := string(text[start:i])
		low := strings.ToLower(orig)
		if g.allow[low] || hexOnly(low) {
			continue
		}
		seg, ok := lexicon.SuggestSplit(g.language(), low)
		if !ok {
			continue
		}
		split := recase(orig, seg)
		g.p.Report(Finding{
			Start:   start,
			End:     i,
			Message: fmt.Sprintf("words run together: %q → %q", orig, split),
			Fix:     &Fix{Edits: []Edit{{Start: start, End: i, New: split}}},
		})
	}
}

// hexOnly says whether a run could be a hash or an identifier in hex.
func hexOnly(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'f' {
			return false
		}
	}
	return true
}

// recase cuts orig, whose lower-case form the segments spell, at the
// segment boundaries, so the original capitals survive.
func recase(orig string, seg []string) string {
	var b strings.Builder
	rest := orig
	for k, w := range seg {
		if k > 0 {
			b.WriteByte(' ')
		}
		n := 0
		for range utf8.RuneCountInString(w) {
			_, sz := utf8.DecodeRuneInString(rest[n:])
			n += sz
		}
		b.WriteString(rest[:n])
		rest = rest[n:]
	}
	b.WriteString(rest)
	return b.String()
}

// missingSpaces reports sentence punctuation glued to the next word inside
// the token text[s:e] (`Grafana.Les`, `services,ainsi`) and returns the
// range it reported on, so the letter-run check does not report it twice.
func (g *gluedPass) missingSpaces(s, e int) Span {
	text := g.pr.Text
	tok := text[s:e]
	// A token with several inner dots or commas is a domain, a version,
	// an abbreviation or a list written without spaces: leave it alone.
	inner := 0
	for k := 1; k < len(tok)-1; k++ {
		if strings.IndexByte(".!?,;", tok[k]) >= 0 {
			inner++
		}
	}
	if inner != 1 {
		return Span{}
	}
	for k := s + 1; k < e-1; k++ {
		c := text[k]
		if strings.IndexByte(".!?,;", c) < 0 {
			continue
		}
		ls, rs := k, k+1
		for ls > s {
			r, n := utf8.DecodeLastRune(text[s:ls])
			if !unicode.IsLetter(r) {
				break
			}
			ls -= n
		}
		re := rs
		for re < e {
			r, n := utf8.DecodeRune(text[re:e])
			if !unicode.IsLetter(r) {
				break
			}
			re += n
		}
		left, right := string(text[ls:k]), string(text[rs:re])
		if left == "" || right == "" || dottedNames[strings.ToLower(string(text[ls:re]))] {
			return Span{}
		}
		var split string
		switch c {
		case '.', '!', '?':
			if countLower(left) < 2 || !capitalized(right) {
				return Span{}
			}
			split = g.splitRight(right)
		case ',', ';':
			if countLower(left) < 2 || countLower(left) < utf8.RuneCountInString(left)-1 || !allLower(right) || utf8.RuneCountInString(right) < 2 {
				return Span{}
			}
			lang := g.language()
			if !lexicon.IsCommon(lang, strings.ToLower(left)) {
				return Span{}
			}
			if split = g.splitRight(right); split == right && !lexicon.IsCommon(lang, right) {
				return Span{}
			}
		}
		orig := string(text[ls:re])
		fixed := left + string(c) + " " + split
		g.p.Report(Finding{
			Start:   ls,
			End:     re,
			Message: fmt.Sprintf("missing space after %q: %q → %q", string(c), orig, fixed),
			Fix:     &Fix{Edits: []Edit{{Start: rs, End: re, New: " " + split}}},
		})
		return Span{ls, re}
	}
	return Span{}
}

// splitRight splits the word after a missing space when it is itself a
// few common words glued together (`Lesdonnées`, `ainsique`); the token is
// short, so it goes to the segmenter with the same guards as SuggestSplit
// except the length and the number of segments.
func (g *gluedPass) splitRight(w string) string {
	low := strings.ToLower(w)
	lang := g.language()
	if utf8.RuneCountInString(low) < 6 || lexicon.Known(lang, low) {
		return w
	}
	seg := lexicon.Segment(lang, low)
	if len(seg) < 2 {
		return w
	}
	function := false
	for _, s := range seg {
		if lexicon.IsFunctionWord(lang, s) {
			function = true
			continue
		}
		if utf8.RuneCountInString(s) < 3 || !lexicon.IsCommon(lang, s) {
			return w
		}
	}
	if !function {
		return w
	}
	return recase(w, seg)
}

func countLower(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			n++
		}
	}
	return n
}

// capitalized is an upper-case letter followed by lower-case letters only:
// `Les`, not `NET` or `PostgreSQL`.
func capitalized(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(s) > n && allLower(s[n:])
}

func allLower(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}
