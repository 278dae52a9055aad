package rules

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/cvlint/cvlint/rules/cvmodel"
	"github.com/cvlint/cvlint/rules/dates"
)

// Helpers shared by the structure rules (missing-name, missing-section,
// heading-structure, empty-section): where the CV's section titles are,
// whether a line reads as a person's name, and the dates of an entry
// heading.

// sectionTitle is a place that names a section: a heading, a line that
// stands alone (bold, all caps, or a plain-text line) or the label of an
// inline list ("Skills: Go, SQL").
type sectionTitle struct {
	Kind       cvmodel.SectionKind
	Start, End int
	Heading    *Heading // nil when the title is not a Markdown heading
}

// maxTitleWords bounds a line that may be a section title on its own.
const maxTitleWords = 6

// sectionTitles lists every section title of the document, in order.
func sectionTitles(d *Document, pr *Prose) []sectionTitle {
	out := make([]sectionTitle, 0, 8) // a CV has a handful of sections
	for _, h := range d.Headings {
		if k := h.SectionKind(); k != cvmodel.SectionUnknown {
			out = append(out, sectionTitle{Kind: k, Start: h.Start, End: h.End, Heading: h})
		}
	}
	for _, b := range pr.Blocks {
		if b.Kind == BlockHeading || b.Kind == BlockTableCell {
			continue
		}
		s, e, ok := proseSpan(b)
		if !ok {
			continue
		}
		line := bytes.TrimSpace(pr.Text[s:e])
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i] // the first line of a paragraph may be its title
		}
		short := fieldsAtMost(line, maxTitleWords)
		colon := bytes.IndexByte(line, ':')
		if !short && (colon <= 0 || !fieldsAtMost(line[:colon], 3)) {
			continue // most blocks: a sentence, not a title
		}
		if !mayNameSection(line) {
			continue // a date line under an entry: "2019 – 2022"
		}
		text := string(line)
		if short {
			if k := cvmodel.ClassifyHeading(text); k != cvmodel.SectionUnknown {
				out = append(out, sectionTitle{Kind: k, Start: s, End: e})
				continue
			}
		}
		if i := strings.IndexByte(text, ':'); i > 0 && fieldsAtMost(text[:i], 3) && mayNameSection(line[:i]) {
			if k := cvmodel.ClassifyHeading(text[:i]); k != cvmodel.SectionUnknown {
				out = append(out, sectionTitle{Kind: k, Start: s, End: e})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b sectionTitle) int { return a.Start - b.Start })
	return out
}

// minTitleLetters is the fewest letters of a title cvmodel.ClassifyHeading
// knows ("work", "prix"); TestMayNameSection checks it against the table.
const minTitleLetters = 4

// mayNameSection is the cheap test before cvmodel.ClassifyHeading of a
// line or of a part of it. ClassifyHeading looks up a fold of the text (or
// of its mojibake repair) made of ASCII letters, digits and spaces, and
// every title in its table has minTitleLetters letters. A letter of the
// fold comes from an ASCII letter of the text or from a non-ASCII rune;
// a repair puts one rune where there were several non-ASCII ones (the
// bytes of a UTF-8 sequence, each read as a character). So the ASCII
// letters and the bytes ≥ 0x80 of the line together bound the letters of
// any fold, and a line with fewer names no section.
func mayNameSection(line []byte) bool {
	n := 0
	for _, c := range line {
		if c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z' {
			if n++; n >= minTitleLetters {
				return true
			}
		}
	}
	return false
}

// fieldsAtMost reports whether s holds at most n white-space separated
// fields, as len(strings.Fields(s)) <= n would, without making them.
// Eight ASCII bytes at a time: it runs on nearly every block of prose.
func fieldsAtMost[T string | []byte](s T, n int) bool {
	fields := 0
	inField := false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			_ = s[i+7] // one bounds check; the loads below combine into one
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if x&hiBits == 0 {
				// A field starts at each byte that is not a space and
				// follows a space (or starts s).
				space := asciiSpaces8(x)
				prev := space << 8
				if !inField {
					prev |= 0x80
				}
				if fields += bits.OnesCount64(^space & prev & hiBits); fields > n {
					return false
				}
				inField = space>>63 == 0
				i += 8
				continue
			}
		}
		c := s[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			space = unicode.IsSpace(r)
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			if fields++; fields > n {
				return false
			}
		}
		i += size
	}
	return true
}

// asciiSpaces8 sets bit 7 of each byte of x (all below 0x80) that is
// ASCII white space: ' ' or '\t' to '\r', what unicode.IsSpace says of
// ASCII bytes.
func asciiSpaces8(x uint64) uint64 {
	v := x ^ ' '*loBits
	blank := ^((v + 0x7F*loBits) | v) & hiBits // v's byte is 0; no carry: every byte < 0x80
	ge := x + (0x80-'\t')*loBits
	gt := x + (0x80-'\r'-1)*loBits
	return blank | ge&^gt&hiBits
}

// firstContentLine returns the first line after the front matter that is
// neither blank nor only an HTML comment, or 0.
func firstContentLine(d *Document, after int) int {
	for n := d.Lines.Pos(after).Line; n <= d.Lines.Count(); n++ {
		s, e := d.Lines.Line(n)
		if s < after || s < d.FrontMatter.End {
			continue
		}
		line := bytes.TrimSpace(d.Source[s:e])
		if len(line) == 0 || bytes.HasPrefix(line, []byte("<!--")) && bytes.HasSuffix(line, []byte("-->")) {
			continue
		}
		return n
	}
	return 0
}

// nameParticles are the lower-case words of a name: "Jean de La Fontaine",
// "Ludwig van Beethoven".
var nameParticles = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "d'": true, "van": true, "von": true, "der": true,
	"den": true, "da": true, "di": true, "dos": true, "das": true, "del": true, "della": true, "el": true, "al": true,
	"bin": true, "ben": true, "ibn": true, "y": true, "ter": true, "ten": true, "af": true, "zu": true, "e": true,
}

// notNameWords are capitalised words that open a CV but are no name.
var notNameWords = map[string]bool{
	"cv": true, "curriculum": true, "vitae": true, "resume": true, "résumé": true, "about": true, "me": true,
	"engineer": true, "developer": true, "manager": true, "senior": true, "junior": true, "lead": true,
	"consultant": true, "designer": true, "analyst": true, "architect": true, "software": true, "data": true,
	"ingénieur": true, "ingénieure": true, "développeur": true, "développeuse": true, "chef": true,
	"projet": true, "chargé": true, "chargée": true, "responsable": true, "directeur": true, "directrice": true,
	"stagiaire": true, "freelance": true, "profil": true, "profile": true, "summary": true, "objective": true,
	"experienced": true, "passionate": true, "motivated": true, "i": true, "i'm": true, "je": true, "the": true,
	"a": true, "an": true, "un": true, "une": true, "with": true, "avec": true, "and": true, "et": true,
	"dear": true, "madame": true, "monsieur": true, "hello": true, "bonjour": true, "welcome": true,
}

// nameLabels introduce a name: "Name: Jane Doe", "Nom : Martin".
var nameLabels = []string{"name", "full name", "nom", "nom et prénom", "prénom et nom", "nom prénom", "prénom nom"}

// nameLike reports whether a line reads as a person's name, possibly
// followed by a title after a separator ("Jane Doe — Data Engineer"),
// with at least minWords capitalised words. A tab or a run of three
// spaces ends the name too: a two-column header flattened to text
// ("JANE DOE          Data Analyst").
func nameLike(line string, minWords int) bool {
	line = strings.TrimSpace(line)
	if i := strings.IndexByte(line, ':'); i > 0 {
		label := strings.ToLower(strings.TrimSpace(line[:i]))
		for _, l := range nameLabels {
			if label == l {
				line = strings.TrimSpace(line[i+1:])
				break
			}
		}
	}
	for _, sep := range []string{" — ", " – ", " - ", "|", "·", "•", ",", " / ", "(", "<", ":", "\t", "   "} {
		if i := strings.Index(line, sep); i > 0 {
			line = line[:i]
		}
	}
	line = strings.TrimSpace(strings.Trim(line, "*_#` "))
	if line == "" || utf8.RuneCountInString(line) > 50 {
		return false
	}
	if cvmodel.ClassifyHeading(line) != cvmodel.SectionUnknown {
		return false
	}
	words := strings.Fields(line)
	if len(words) > 5 {
		return false
	}
	capitalised := 0
	var buf [64]byte
	for _, w := range words {
		lw := appendLower(buf[:0], w) // strings.ToLower(w), in a buffer
		if notNameWords[string(lw)] {
			return false
		}
		if nameParticles[string(lw)] || bytes.HasPrefix(lw, []byte("d'")) || bytes.HasPrefix(lw, []byte("d’")) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.Is(unicode.Mn, c) && c != '-' && c != '\'' && c != '’' && c != '.' {
				return false
			}
		}
		capitalised++
	}
	return capitalised >= minWords
}

// appendLower appends strings.ToLower(s) to b: the same unicode.ToLower
// rune by rune, and U+FFFD for a byte of invalid UTF-8.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b
}

// entryRange returns the date range an entry heading carries: in its own
// text ("## Acme, 2019 – 2022") or on the line after it ("*March 2019 –
// Present*"). ok is false for a heading without a range.
func entryRange(d *Document, pr *Prose, h *Heading) (dates.Range, bool) {
	if r, ok := firstRange(h.Text); ok {
		return r, true
	}
	next := h.Node.NextSibling()
	if next == nil {
		return dates.Range{}, false
	}
	if _, ok := next.(*ast.Paragraph); !ok {
		return dates.Range{}, false
	}
	s, e := blockSpan(next, d.Source)
	line := string(pr.Text[s:e])
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if !fieldsAtMost(line, 12) {
		return dates.Range{}, false
	}
	return firstRange(line)
}

// firstRange is the first date range in s; a lone date ("2019") counts
// only when it is all there is besides words ("Acme, 2019").
func firstRange(s string) (dates.Range, bool) {
	var buf [4]dates.Range // most lines hold one or two dates: no allocation
	for _, r := range dates.FindAppend(buf[:0], s) {
		if r.Problem != "" {
			continue
		}
		return r, true
	}
	return dates.Range{}, false
}

// hasPrefixFold is strings.HasPrefix(strings.ToLower(s), prefix) for a
// lower-case ASCII prefix, without the lower-case copy when the first
// bytes of s are ASCII: each lower-cases to one byte then. Past a byte
// of another rune it asks strings.ToLower (İ lower-cases to i).
func hasPrefixFold(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
