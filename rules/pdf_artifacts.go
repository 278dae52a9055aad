package rules

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules/lexicon"
)

// PDFArtifacts reports what PDF extraction and Word conversion leave in a
// CV: bullet glyphs, ligatures, words hyphenated across a line break, page
// numbers and Word field codes. Only the ligature findings carry a fix:
// the others change the text's structure and are suggestions.
var PDFArtifacts = Register(&Rule{
	ID:       "pdf-artifacts",
	Title:    "leftovers of a PDF or Word conversion",
	Severity: Warning,
	SafeFix:  true,
	Requires: []*Analysis{ProseAnalysis},
	Doc: Doc{
		Why: "A CV copied out of a PDF or converted from Word keeps traces of the layout it came from: bullet glyphs (`•`, `▪`, `➢`, the private-use `\\uf0b7` of the Symbol font) that are not Markdown list items, typographic ligatures (`ﬁ`, `ﬂ`, `ﬀ`) that break search and applicant tracking systems (`eﬃcient` does not match `efficient`), words cut by a hyphen at the end of a line (`déploie-` / `ment`), page numbers (`Page 2 of 3`, `2/5` alone on a line) and Word field codes (`HYPERLINK \"mailto:…\"`, `PAGEREF _Toc…`, `MERGEFORMAT`). " +
			"The fix replaces ligatures with their letters; the other findings come with a suggestion only, because they change the structure of the text. " +
			"Real Markdown lists, `•` used as a separator inside a line, en dashes in date ranges and compound words (`multi-cloud`, `Jean-Pierre`) are never reported.",
		Bad:  "• Led the migration to Kubernetes, improving eﬃciency\nDesigned the deploy-\nment pipeline\nPage 2 of 3\nHYPERLINK \"mailto:jane.doe@example.com\"",
		Good: "- Led the migration to Kubernetes, improving efficiency\n- Designed the deployment pipeline",
	},
	Run: runPDFArtifacts,
})

// ligatures maps the Unicode presentation forms to the letters they stand for.
var ligatures = map[rune]string{
	0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
}

// bulletGlyphs are the characters Word and PDF extractors put where a
// list bullet was drawn. Private-use code points of the Symbol and
// Wingdings fonts (U+F0xx) are handled separately.
var bulletGlyphs = map[rune]bool{
	'•': true, '●': true, '▪': true, '◦': true, '■': true, '□': true, '◆': true, '◇': true, '○': true,
	'➢': true, '➤': true, '►': true, '▶': true, '▸': true, '‣': true, '⁃': true, '∙': true, '⦁': true,
	'❖': true, '❑': true,
}

// isBulletGlyph: every glyph is beyond U+2000 (three UTF-8 bytes at
// least), so most lines are answered without the map.
func isBulletGlyph(r rune) bool {
	return r >= 0x2000 && (bulletGlyphs[r] || (r >= 0xF000 && r <= 0xF0FF))
}

var (
	// Page furniture: a whole line that is a page number.
	pageOfRE    = lazyRegexp(`(?i)^(?:page|p\.)\s*(\d{1,3})\s*(?:of|/|sur|de)\s*(\d{1,3})$`)
	pageAloneRE = lazyRegexp(`(?i)^page\s+(\d{1,3})$`)
	fractionRE  = lazyRegexp(`^(\d{1,2})\s*/\s*(\d{1,2})$`)
	dashedNumRE = lazyRegexp(`^[-–—]\s*(\d{1,3})\s*[-–—]$`)

	// Word field codes, matched on the prose text (code is masked).
	fieldCodeRE = lazyRegexp(`\bHYPERLINK\b(?:\s+\\[a-z])*(?:\s*"[^"\n]*")?|\bPAGEREF\s+_?[A-Za-z]+\d*(?:\s+\\[a-z])*|(?:\\\*\s*)?\bMERGEFORMAT\b|\bTOC\s+(?:\\[a-z](?:\s+"[^"\n]*")?\s*)+|\{\s*(?:PAGE|NUMPAGES|SECTIONPAGES|FILENAME|DATE|TIME|REF\s+_?\w+|PAGEREF\s+_?\w+|HYPERLINK[^}\n]*)(?:\s+\\[^}\n]*)?\s*\}|\bREF\s+_Ref\d+(?:\s+\\[a-z])*`)

	// A word cut at the end of a line: letters, a hyphen, the line break,
	// the indentation of the next line (masked markers included), and the
	// rest of the word in lower case.
	hyphenBreakRE = lazyRegexp(`(\pL{2,})-[ \t]*\r?\n[ \t]*(\p{Ll}\pL*)`)
)

// hyphenSuffixes are endings that are syllables, not words: when the part
// after the line break is one of them, the hyphen is a line-break hyphen
// even if the part happens to be a word of its own (French "ment").
var hyphenSuffixes = map[string]bool{
	"ment": true, "ments": true, "tion": true, "tions": true, "sion": true, "sions": true, "ing": true,
	"ings": true, "ity": true, "ité": true, "ités": true, "ance": true, "ances": true, "ence": true,
	"ences": true, "able": true, "ible": true, "ure": true, "ures": true, "age": true, "ages": true,
	"isme": true, "ismes": true, "iste": true, "istes": true, "ique": true, "iques": true, "eur": true,
	"eurs": true, "euse": true, "ation": true, "ations": true, "ement": true, "ements": true, "ness": true,
	"ship": true, "ally": true, "ly": true, "er": true, "ers": true, "ed": true, "es": true,
}

func runPDFArtifacts(p *Pass) {
	pr := ProseOf(p)
	reportLigatures(p, pr)
	reportBulletsAndPages(p, pr)
	reportFieldCodes(p, pr)
	reportLineBreakHyphens(p, pr)
}

func reportLigatures(p *Pass, pr *Prose) {
	text := pr.Text
	for i := 0; i < len(text); {
		// The ligatures U+FB00–U+FB06 are EF AC 80–86 in UTF-8, and EF
		// only ever leads a sequence: a byte search finds exactly what
		// decoding rune by rune would.
		j := bytes.Index(text[i:], ligatureLead)
		if j < 0 {
			return
		}
		i += j
		if i+2 >= len(text) || text[i+2] < 0x80 || text[i+2] > 0x86 {
			i += len(ligatureLead)
			continue
		}
		// One finding per word, with one edit per ligature in it.
		ws, we := wordAround(text, i)
		var edits []Edit
		var found []string
		for j := ws; j < we; {
			r2, n2 := utf8.DecodeRune(text[j:])
			if l, ok := ligatures[r2]; ok {
				edits = append(edits, Edit{Start: j, End: j + n2, New: l})
				found = append(found, string(r2))
			}
			j += n2
		}
		word := string(p.Doc.Source[ws:we])
		fixed := applyEdits(p.Doc.Source[ws:we], edits, ws)
		p.Report(Finding{Start: ws, End: we,
			Message: fmt.Sprintf("ligature %s in %q from a PDF copy: write %q, which search and applicant tracking systems can match", strings.Join(quoteAll(found), " "), word, fixed),
			Fix:     &Fix{Edits: edits}})
		i = we
	}
}

// ligatureLead is the first two bytes of every ligature's encoding.
var ligatureLead = []byte{0xEF, 0xAC}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// wordAround returns the run of letters and ligatures around offset i.
func wordAround(text []byte, i int) (int, int) {
	isW := func(r rune) bool {
		_, lig := ligatures[r]
		return lig || unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
	}
	s := i
	for s > 0 {
		r, n := utf8.DecodeLastRune(text[:s])
		if !isW(r) {
			break
		}
		s -= n
	}
	e := i
	for e < len(text) {
		r, n := utf8.DecodeRune(text[e:])
		if !isW(r) {
			break
		}
		e += n
	}
	return s, e
}

func reportBulletsAndPages(p *Pass, pr *Prose) {
	src := p.Doc.Source
	for ln := 1; ln <= p.Doc.Lines.Count(); ln++ {
		s, e := p.Doc.Lines.Line(ln)
		if s < p.Doc.FrontMatter.End {
			continue
		}
		line := pr.Text[s:e]
		k := 0
		for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
			k++
		}
		if k == len(line) {
			continue
		}
		if r, n := utf8.DecodeRune(line[k:]); line[k] >= 0xE2 && isBulletGlyph(r) {
			gs := s + k
			ge := gs + n
			for ge < e && (src[ge] == ' ' || src[ge] == '\t' || src[ge] == 0xC2 && ge+1 < e && src[ge+1] == 0xA0) {
				if src[ge] == 0xC2 {
					ge++
				}
				ge++
			}
			glyph := fmt.Sprintf("%q", string(r))
			if r >= 0xF000 && r <= 0xF0FF {
				glyph = fmt.Sprintf("U+%04X (a Symbol or Wingdings font bullet)", r)
			}
			// The glyph must start the written line, or follow a list
			// marker: in a table row it starts a cell, not a line.
			srcLine := bytes.TrimLeft(src[s:e], " \t>")
			afterMarker := listMarkerRE().Match(srcLine) && bytes.HasPrefix(bytes.TrimLeft(srcLine[listMarkerRE().FindIndex(srcLine)[1]:], " \t"), line[k:k+n])
			if !bytes.HasPrefix(srcLine, line[k:k+n]) && !afterMarker {
				continue
			}
			if !p.Doc.Plain && afterMarker {
				p.Report(Finding{Start: gs, End: ge,
					Message: fmt.Sprintf("bullet glyph %s after a Markdown list marker from a PDF or Word conversion: the item shows two bullets; delete the glyph", glyph)})
				continue
			}
			what := "a Markdown list item (`- `)"
			if p.Doc.Plain {
				what = "a plain `- `"
			}
			p.Report(Finding{Start: gs, End: ge,
				Message:    fmt.Sprintf("bullet glyph %s from a PDF or Word conversion starts a line that is not a list item: use %s", glyph, what),
				Suggestion: "- "})
			continue
		}
		// Page furniture must be the whole line, outside code: judge the
		// source line, but only when its text survived the prose masking.
		if !mayBePageFurniture(p.Doc, src, s, e) {
			continue
		}
		whole := strings.TrimSpace(string(withoutHTML(p.Doc, s, e)))
		if msg := pageFurniture(whole); msg != "" && strings.TrimSpace(string(line)) != "" {
			p.Report(Finding{Start: s + k, End: e, Message: msg})
		}
	}
}

// mayBePageFurniture is the cheap test before pageFurniture, which runs
// four expressions: every line they match starts with "pa" or "p." (any
// case), a digit, or a dash then blanks and a digit. A line that starts with another ASCII byte, outside raw HTML,
// is none; anything else (HTML on the line, a non-ASCII first byte that
// may be a space or a dash) takes the slow path.
func mayBePageFurniture(d *Document, src []byte, s, e int) bool {
	for _, h := range d.HTML {
		if h.End > s && h.Start < e {
			return true
		}
	}
	k := s
	for k < e && (src[k] == ' ' || '\t' <= src[k] && src[k] <= '\r') {
		k++
	}
	if k == e {
		return false
	}
	switch c := src[k]; {
	case c >= utf8.RuneSelf, '0' <= c && c <= '9':
		return true
	case c == 'p' || c == 'P':
		// "page" or "p."
		return k+1 < e && (src[k+1] == 'a' || src[k+1] == 'A' || src[k+1] == '.')
	case c == '-':
		// Only dashedNumRE starts with an ASCII dash: blanks, then a
		// digit. A list item ("- Built …") is none.
		k++
		for k < e && (src[k] == ' ' || '\t' <= src[k] && src[k] <= '\r') {
			k++
		}
		return k < e && '0' <= src[k] && src[k] <= '9'
	}
	return false
}

var listMarkerRE = lazyRegexp(`^(?:[-*+]|\d{1,9}[.)])[ \t]`)

func pageFurniture(line string) string {
	const tail = ": a page number left by a PDF or Word conversion; delete it"
	if m := pageOfRE().FindStringSubmatch(line); m != nil {
		return fmt.Sprintf("%q%s", line, tail)
	}
	if pageAloneRE().MatchString(line) {
		return fmt.Sprintf("%q%s", line, tail)
	}
	if m := fractionRE().FindStringSubmatch(line); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a >= 1 && b >= 2 && a <= b {
			return fmt.Sprintf("%q alone on a line%s", line, tail)
		}
	}
	if dashedNumRE().MatchString(line) {
		return fmt.Sprintf("%q alone on a line%s", line, tail)
	}
	return ""
}

// fieldCodeHints: fieldCodeRE matches none of the text without one of
// these ("REF" is in PAGEREF).
var fieldCodeHints = [][]byte{[]byte("HYPERLINK"), []byte("MERGEFORMAT"), []byte("TOC"), []byte("{"), []byte("REF")}

func containsAny(b []byte, subs [][]byte) bool {
	for _, s := range subs {
		if bytes.Contains(b, s) {
			return true
		}
	}
	return false
}

// hyphenAtLineEnd is the cheap test before hyphenBreakRE: a '-' followed
// by nothing but blanks up to the end of its line.
func hyphenAtLineEnd(b []byte) bool {
	for i := bytes.IndexByte(b, '-'); i >= 0; {
		j := i + 1
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r') {
			j++
		}
		if j < len(b) && b[j] == '\n' {
			return true
		}
		k := bytes.IndexByte(b[i+1:], '-')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

func reportFieldCodes(p *Pass, pr *Prose) {
	src := p.Doc.Source
	if !containsAny(pr.Text, fieldCodeHints) {
		return // the regexp is costly and field codes are rare
	}
	for _, m := range fieldCodeRE().FindAllIndex(pr.Text, -1) {
		// The prose view masks a URL in quotes; take it from the source.
		if j := m[1]; bytes.HasPrefix(src[m[0]:], []byte("HYPERLINK")) {
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			if j < len(src) && src[j] == '"' {
				if q := bytes.IndexAny(src[j+1:], "\"\n"); q >= 0 && src[j+1+q] == '"' {
					m[1] = j + 1 + q + 1
				}
			}
		}
		code := strings.TrimSpace(string(p.Doc.Source[m[0]:m[1]]))
		p.Report(Finding{Start: m[0], End: m[1],
			Message: fmt.Sprintf("Word field code %q left by a conversion: delete it (keep the text or link it stood for)", code)})
	}
}

func reportLineBreakHyphens(p *Pass, pr *Prose) {
	text := pr.Text
	if !hyphenAtLineEnd(text) {
		return
	}
	var lang lexicon.Lang
	for _, m := range hyphenBreakRE().FindAllSubmatchIndex(text, -1) {
		head := string(text[m[2]:m[3]])
		tail := string(text[m[4]:m[5]])
		hyphen := m[3]
		if !sameParagraph(p, pr, hyphen, m[4]) {
			continue
		}
		// A hyphen glued to the word before (sous-trai-) means a compound.
		if m[2] > 0 && text[m[2]-1] == '-' {
			continue
		}
		if lang == "" {
			lang, _ = lexicon.Detect(string(text))
		}
		joined := strings.ToLower(head + tail)
		if !knownWord(lang, joined) || knownWord(lang, strings.ToLower(head+"-"+tail)) {
			continue
		}
		// week-end, open-source: both halves are words and the tail is no
		// suffix, so the hyphen may be the compound's own.
		if knownWord(lang, strings.ToLower(head)) && knownWord(lang, strings.ToLower(tail)) && !hyphenSuffixes[strings.ToLower(tail)] {
			continue
		}
		p.Report(Finding{Start: m[2], End: m[5],
			Message:    fmt.Sprintf("%q and %q are one word hyphenated across a line break: write %q", head+"-", tail, head+tail),
			Suggestion: head + tail})
	}
}

// knownWord looks a word up in the document's language first, and in the
// other language only when needed: loading a lexicon costs tens of ms.
func knownWord(lang lexicon.Lang, w string) bool {
	other := lexicon.FR
	if lang == lexicon.FR {
		other = lexicon.EN
	}
	return lexicon.Known(lang, w) || lexicon.Known(other, w)
}

// sameParagraph says whether offsets a and b lie in one block of prose: a
// Markdown paragraph or list item, or for plain text two consecutive lines
// of which the second starts no new item.
func sameParagraph(p *Pass, pr *Prose, a, b int) bool {
	if p.Doc.Plain {
		ln := p.Doc.Lines.Pos(b).Line
		next := bytes.TrimSpace(p.Doc.Lines.LineText(ln))
		if listMarkerRE().Match(next) {
			return false
		}
		r, _ := utf8.DecodeRune(next)
		return !isBulletGlyph(r)
	}
	for _, bl := range pr.Blocks {
		if a >= bl.Start && a < bl.End {
			return b >= bl.Start && b < bl.End
		}
	}
	return false
}

// withoutHTML returns source line s:e with raw HTML (a trailing comment,
// say) blanked out.
func withoutHTML(d *Document, s, e int) []byte {
	line := append([]byte(nil), d.Source[s:e]...)
	for _, h := range d.HTML {
		if h.End <= s || h.Start >= e {
			continue
		}
		for i := max(h.Start, s); i < min(h.End, e); i++ {
			line[i-s] = ' '
		}
	}
	return line
}
