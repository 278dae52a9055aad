// Package mojibake finds and repairs mojibake: UTF-8 text that was decoded
// with Windows-1252, Mac Roman or Latin-1 and saved again, once or twice
// ("RÃ©sumÃ©", "ingÃƒÂ©nieur", "syst√®mes", "ðŸ“§").
//
// The detector works on plain strings and knows nothing of rules or
// Markdown. It maps each suspicious character back to the byte it came from,
// checks that the bytes form valid UTF-8 for a plausible character, and keeps
// a repair only when the context says the original text was not meant that
// way. It prefers missing a repair to flagging correct text.
package mojibake

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Hit is one damaged span of the input.
type Hit struct {
	Start, End int    // byte offsets of the damaged span in the input
	Repaired   string // the repaired text for that span
	Encoding   string // "Windows-1252", "Mac Roman" or "Latin-1": what the UTF-8 was wrongly decoded with
	Layers     int    // 1 for a single, 2 for a double encoding
}

// The encodings reported in Hit.Encoding.
const (
	Windows1252 = "Windows-1252"
	MacRoman    = "Mac Roman"
	Latin1      = "Latin-1"
)

// maxLayers bounds the re-repair loop; triple encodings exist in the wild,
// deeper ones are noise.
const maxLayers = 3

// Find reports the damaged spans of s, non-overlapping, left to right.
// Pure-ASCII input returns nil without allocating.
func Find(s string) []Hit {
	if isASCII(s) {
		return nil
	}
	return find(s, true)
}

// Repair returns s with every hit of Find applied.
func Repair(s string) string {
	return apply(s, Find(s))
}

func apply(s string, hits []Hit) string {
	if len(hits) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, h := range hits {
		b.WriteString(s[last:h.Start])
		b.WriteString(h.Repaired)
		last = h.End
	}
	b.WriteString(s[last:])
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// codec identifies a wrong decoding. Windows-1252 and Latin-1 share a table:
// they agree on 0xA0-0xFF, and Latin-1's C1 controls fill exactly the holes
// a sloppy Windows-1252 decoder leaves, so one pass covers both.
type codec uint8

const (
	cp1252 codec = iota
	macRoman
	numCodecs
)

// reverse[c][r] is the byte that codec c decodes to rune r, or 0 when r is
// not a non-ASCII character of c. 64 KiB each: every character involved is
// in the BMP, and an array lookup keeps the per-rune cost negligible on the
// mostly correct text this runs over.
var reverse [numCodecs]*[0x10000]byte

func init() {
	var w, m [0x10000]byte
	for b := 0x80; b <= 0xFF; b++ {
		// C1 controls first, so that Windows-1252's own characters win and
		// its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) still
		// round-trip through their C1 code points instead of U+FFFD.
		w[b] = byte(b)
	}
	for b := 0x80; b <= 0xFF; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			w[r] = byte(b)
		}
		m[charmap.Macintosh.DecodeByte(byte(b))] = byte(b)
	}
	reverse[cp1252], reverse[macRoman] = &w, &m
}

func toByte(c codec, r rune) byte {
	if r < utf8.RuneSelf || r >= 0x10000 {
		return 0
	}
	return reverse[c][r]
}

// cp1252Undefined reports the bytes Windows-1252 leaves undefined: their C1
// code point is still Windows-1252 damage (from a sloppy decoder), whereas
// any other C1 control means the text went through Latin-1.
func cp1252Undefined(b byte) bool {
	return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D
}

// class says how much evidence a decoded character needs.
type class uint8

const (
	clsNone class = iota // never the result of a repair
	clsOK                // letter, punctuation, symbol or emoji
	clsPair              // Cyrillic, CJK, Hangul: only next to another one
	clsMark              // combining mark: only after a letter
	clsC1                // C1 control: only as an inner layer of a double encoding
)

func classify(r rune) class {
	switch {
	case r >= 0x80 && r <= 0x9F:
		return clsC1
	case r >= 0xA0 && r <= 0x17F,
		r == 0x192, r == 0x1A0, r == 0x1A1, r == 0x1AF, r == 0x1B0, // ƒ, Vietnamese ơ ư
		r >= 0x218 && r <= 0x21B,                                                                             // Romanian ș ț
		r >= 0x2B0 && r <= 0x2BF, r >= 0x2E0 && r <= 0x2E4, r == 0x2C6, r == 0x2C7, r >= 0x2D8 && r <= 0x2DD, // modifier letters (1ʳᵉ), spacing accents
		r >= 0x1D2C && r <= 0x1D6A, r >= 0x1D9B && r <= 0x1DBF,
		r >= 0x386 && r <= 0x3CE,                               // Greek letters (μ, π, Ω)
		r >= 0x1E00 && r <= 0x1EFF,                             // Vietnamese
		r >= 0x2000 && r <= 0x2027, r >= 0x202F && r <= 0x206F, // punctuation and invisible characters
		r >= 0x2070 && r <= 0x209F, r >= 0x20A0 && r <= 0x20C0, r >= 0x2100 && r <= 0x23FF,
		r >= 0x2460 && r <= 0x27BF, r >= 0x2900 && r <= 0x2BFF,
		r == 0xF8FF,              // Apple logo: Mac Roman's 0xF0, the lead byte of a double-encoded emoji
		r == 0xFB01, r == 0xFB02, // ﬁ ﬂ
		r == 0xFE0E, r == 0xFE0F, r == 0xFEFF, r == 0xFFFD,
		r >= 0x1D400 && r <= 0x1D7FF, r >= 0x1F000 && r <= 0x1FBFF, r >= 0xE0020 && r <= 0xE007F:
		return clsOK
	case r >= 0x400 && r <= 0x4FF,
		r >= 0x3040 && r <= 0x30FF, r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xAC00 && r <= 0xD7A3:
		return clsPair
	case r >= 0x300 && r <= 0x304, r >= 0x306 && r <= 0x308, r >= 0x30A && r <= 0x30C,
		r == 0x323, r == 0x327, r == 0x328:
		return clsMark
	}
	return clsNone
}

// cand is one decoded character: the runes s[start:end] are the bytes of
// the UTF-8 encoding of r, misread with codec c.
type cand struct {
	start, end int
	r          rune
	n          int  // mojibake runes consumed
	lead, cont rune // the first two of them
	c          codec
	cls        class
	latin1     bool // a C1 control that only Latin-1 produces
	sure       bool // a shape that correct text never has
	state      uint8
}

const (
	pending uint8 = iota
	accepted
	rejected
)

// scan collects the candidates of codec c, greedily left to right. A
// candidate only begins at one of starts (see candidateStarts); the other
// characters are stepped over as a scan of every character would.
func scan(s string, c codec, starts []int, out []cand) []cand {
	end := 0
	for _, i := range starts {
		if i < end {
			continue // inside the previous candidate
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		b := toByte(c, r)
		if b == 0 {
			continue
		}
		if k, ok := decodeAt(s, i, c, r, b); ok {
			out = append(out, k)
			end = k.end
		}
	}
	return out
}

// candidateStarts returns the offsets where a candidate of any codec can
// begin. Every codec maps ASCII to itself and the bytes 0x80-0xFF to
// non-ASCII characters, so the image of a lead byte is non-ASCII and must
// be followed by the image of a continuation byte, non-ASCII too; the one
// exception decodeAt knows is "Ã" before a space (à whose no-break space
// became a space). Elsewhere scanning is wasted: in French, most accented
// letters stand between ASCII ones.
func candidateStarts(s string) []int {
	var out []int
	for i := nextStart(s, 0, utf8.DecodeRuneInString); i >= 0; {
		out = append(out, i)
		_, size := utf8.DecodeRuneInString(s[i:])
		i = nextStart(s, i+size, utf8.DecodeRuneInString)
	}
	return out
}

// MayHold says whether b can hold mojibake at all (a candidate start, as
// Find would look for): most lines of a CV cannot, and need no string.
func MayHold(b []byte) bool {
	return nextStart(b, 0, utf8.DecodeRune) >= 0
}

// nextStart returns the first candidate start at or after i, or -1; i is
// at a character boundary.
func nextStart[T string | []byte](s T, i int, decode func(T) (rune, int)) int {
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := decode(s[i:])
		j := i + size
		if j < len(s) && (s[j] >= utf8.RuneSelf || (s[j] == ' ' && size == 2 && s[i] == 0xC3 && s[i+1] == 0x83)) {
			return i
		}
		i = j
	}
	return -1
}

func seqLen(b byte) int {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		return 2
	case b >= 0xE0 && b <= 0xEF:
		return 3
	case b >= 0xF0 && b <= 0xF4:
		return 4
	}
	return 0
}

// decodeAt tries to read one UTF-8 sequence whose lead byte is b, the
// image of rune r at s[i:].
func decodeAt(s string, i int, c codec, r rune, b byte) (cand, bool) {
	k := cand{start: i, c: c, lead: r}
	var buf [4]byte
	n := seqLen(b)
	j := i + utf8.RuneLen(r)
	if n == 0 {
		// Mac Roman turns 0xF0 into U+F8FF, which fonts and editors often
		// drop: three continuation bytes starting 0x90-0xBF can only be the
		// tail of a four-byte sequence, and of those only 0xF0 was lost.
		if c != macRoman || b < 0x90 || b > 0xBF {
			return k, false
		}
		buf[0], buf[1] = 0xF0, b
		end, ok := continuation(s, j, c, buf[2:4], &k)
		if !ok {
			return k, false
		}
		k.end, k.n = end, 3
		return finish(k, buf[:4])
	}
	buf[0] = b
	end, ok := continuation(s, j, c, buf[1:n], &k)
	if ok {
		k.end, k.n = end, n
		if k, ok := finish(k, buf[:n]); ok {
			return k, true
		}
	}
	if c == cp1252 && b == 0xE2 {
		// ” is E2 80 9D and 0x9D is undefined in Windows-1252, so a strict
		// decoder drops it or writes U+FFFD: "â€" alone is a closing quote.
		if nr, sz := utf8.DecodeRuneInString(s[j:]); nr == '€' {
			k.end, k.n, k.r, k.cls, k.cont, k.sure = j+sz, 2, '”', clsOK, nr, true
			if fr, fsz := utf8.DecodeRuneInString(s[k.end:]); fr == utf8.RuneError && fsz == 3 {
				k.end += fsz
			}
			return k, true
		}
	}
	if c == cp1252 && r == 'Ã' && j < len(s) && s[j] == ' ' {
		// à is C3 A0, and the no-break space A0 often becomes a plain space.
		// A lone Ã before a space is never correct after a lowercase letter
		// ("voilÃ ") or before a second space ("Ã  Paris", the original
		// space kept).
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLower(p) || (j+1 < len(s) && s[j+1] == ' ') {
			k.end, k.n, k.r, k.cls, k.cont, k.sure = j+1, 2, 'à', clsOK, ' ', true
			return k, true
		}
	}
	return k, false
}

// continuation reads len(dst) runes from s[j:] that codec c maps to UTF-8
// continuation bytes.
func continuation(s string, j int, c codec, dst []byte, k *cand) (int, bool) {
	for x := range dst {
		if j >= len(s) || s[j] < utf8.RuneSelf {
			return j, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		b := toByte(c, r)
		if b < 0x80 || b > 0xBF {
			return j, false
		}
		if x == 0 {
			k.cont = r
		}
		if c == cp1252 && b <= 0x9F && r == rune(b) && !cp1252Undefined(b) {
			k.latin1 = true
		}
		dst[x] = b
		j += size
	}
	return j, true
}

func finish(k cand, b []byte) (cand, bool) {
	r, size := utf8.DecodeRune(b)
	if size != len(b) || (r == utf8.RuneError && size != 3) {
		return k, false
	}
	k.r, k.cls = r, classify(r)
	if k.cls == clsNone {
		return k, false
	}
	if k.cont >= 0x80 && k.cont <= 0x9F || k.cont == 0xAD {
		// A C1 control or a soft hyphen right after an accented capital is
		// not something anyone types.
		k.sure = true
	}
	return k, true
}

// closers can follow a word that ends in a capital letter in correct text
// (the Portuguese "IRMÃ”", the Swedish "PÅ…"), so after a capital they are
// no evidence of damage by themselves.
func closer(r rune) bool {
	switch r {
	case '”', '’', '»', '…', '–', '—', '•', '·', '®', '™', '°', '²', '³', '¹', '\u00a0', '›':
		return true
	}
	return false
}

// joiner reports the closers that also stand between two words, the
// no-break space among them.
func joiner(r rune) bool {
	return r == '’' || r == '–' || r == '—' || r == '…' || r == '\u00a0'
}

// Mac Roman maps the lead bytes C2-C6 to ¬ √ ƒ ≈ ∆, and many continuation
// bytes to math symbols: "√π" or "≈±" standing alone are more likely maths
// than "ù" or "š"; inside a word ("o√π", "√°rbol") they are not.
func macMath(r rune) bool {
	switch r {
	case '√', '≈', 'ƒ', '∆', '∞', '±', '≤', '≥', 'µ', '∂', '∑', '∏', 'π', '∫', 'Ω', '≠', '÷', '◊', '°':
		return true
	}
	return false
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// judge decides, from the context of each candidate, which ones are damage.
// A two-character candidate is the only ambiguous shape: three or four
// misread bytes forming a valid, plausible character essentially never
// happen in correct text.
func judge(s string, cs []cand) {
	for x := range cs {
		k := &cs[x]
		switch k.cls {
		case clsPair:
			if (x > 0 && cs[x-1].end == k.start && cs[x-1].cls == clsPair) ||
				(x+1 < len(cs) && cs[x+1].start == k.end && cs[x+1].cls == clsPair) {
				k.state = accepted
			} else {
				k.state = rejected
			}
			continue
		case clsMark:
			p, _ := utf8.DecodeLastRuneInString(s[:k.start])
			if unicode.IsLetter(p) {
				k.state = accepted
			} else {
				k.state = rejected
			}
			continue
		}
		if k.n >= 3 || k.sure || k.lead == 'Â' || k.lead == '¬' {
			k.state = accepted
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:k.start])
		nx, _ := utf8.DecodeRuneInString(s[k.end:])
		switch {
		case k.c == macRoman && (unicode.IsPunct(k.lead) || unicode.IsSpace(k.lead)) &&
			!(unicode.IsLetter(p) && unicode.IsLetter(nx)):
			// Mac Roman's « » … – — and no-break space are lead bytes, and its
			// accented letters continuation bytes: "»öffentlich«" and
			// "5 µm" are typography, "Bra»ôov" inside a word is not.
			k.state = pending
		case k.c == macRoman && macMath(k.lead) && macMath(k.cont) && !unicode.IsLetter(p) && !unicode.IsLower(nx):
			k.state = pending
		case k.r == 'Œ' && (nx == 'U' || nx == 'E' || nx == 'I'):
			// "CÅ’UR": œ is followed by u, e or i, an apostrophe-s is not.
			k.state = accepted
		case k.r == 'Ö' && unicode.IsUpper(p) && unicode.IsUpper(nx):
			// "BJÃ–RN", "KÃ–LN": German and Scandinavian names in capitals
			// are likelier than a Portuguese word in Ã glued by an en dash
			// to the next one.
			k.state = accepted
		case k.c == cp1252 && unicode.IsUpper(p) && closer(k.cont) && (!wordRune(nx) ||
			k.cont == '’' || (joiner(k.cont) && !unicode.IsLower(nx))):
			// The end of an all-caps word ("IRMÔ", "PÅ…", "ANÃ’S"). A
			// closing quote glued to the next letter is damage ("RHÃ”NE"),
			// but an apostrophe or a dash joins words: "ANÃ’S" stays.
			k.state = pending
		case k.c == macRoman && unicode.IsLetter(k.lead) && !unicode.IsLetter(k.cont) && !unicode.IsLower(p) && !wordRune(nx):
			// Œ, À, Ã end words and ®, ©, ™, ° follow them.
			k.state = pending
		case k.c == cp1252 && (k.lead == 'Å' || k.lead == 'Ñ') && !unicode.IsLetter(p) && closer(k.cont) && !wordRune(nx):
			// Å is a Scandinavian word, Ñ a letter one writes about.
			k.state = pending
		default:
			k.state = accepted
		}
	}
	// An ambiguous candidate is damage after all when its word holds
	// damage: "√±and√∫" is "ñandú", not a square root.
	for changed := true; changed; {
		changed = false
		for x := range cs {
			if cs[x].state != pending {
				continue
			}
			if (x > 0 && cs[x-1].state == accepted && sameWord(s, cs[x-1].end, cs[x].start)) ||
				(x+1 < len(cs) && cs[x+1].state == accepted && sameWord(s, cs[x].end, cs[x+1].start)) {
				cs[x].state = accepted
				changed = true
			}
		}
	}
	// Text damaged once is damaged throughout: on a line with certain
	// damage, the ambiguous candidates of the same encoding are damage too.
	for x := range cs {
		if cs[x].state == accepted {
			for y := range cs {
				if cs[y].state == pending {
					cs[y].state = accepted
				}
			}
			break
		}
	}
}

func sameWord(s string, from, to int) bool {
	for _, r := range s[from:to] {
		if !wordRune(r) {
			return false
		}
	}
	return true
}

// find is Find without the ASCII shortcut; layered controls whether inner
// layers of a double encoding are repaired too.
func find(s string, layered bool) []Hit {
	starts := candidateStarts(s)
	if len(starts) == 0 {
		return nil
	}
	var all []cand
	for c := codec(0); c < numCodecs; c++ {
		cs := scan(s, c, starts, nil)
		if len(cs) == 0 {
			continue
		}
		judge(s, cs)
		for _, k := range cs {
			if k.state == accepted {
				all = append(all, k)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	all = dedupe(all)
	var hits []Hit
	for x := 0; x < len(all); {
		y := x + 1
		for y < len(all) && sameWord(s, all[y-1].end, all[y].start) {
			y++
		}
		if h, ok := hit(s, all[x:y], layered); ok {
			hits = append(hits, h)
		}
		x = y
	}
	return hits
}

// dedupe orders the candidates of both codecs and drops overlaps, keeping
// the one that explains more of the text.
func dedupe(cs []cand) []cand {
	// Insertion sort: a line holds a handful of candidates.
	for x := 1; x < len(cs); x++ {
		for y := x; y > 0 && (cs[y].start < cs[y-1].start ||
			cs[y].start == cs[y-1].start && cs[y].end > cs[y-1].end); y-- {
			cs[y], cs[y-1] = cs[y-1], cs[y]
		}
	}
	out := cs[:1]
	for _, k := range cs[1:] {
		last := &out[len(out)-1]
		if k.start >= last.end {
			out = append(out, k)
		} else if k.end-k.start > last.end-last.start {
			*last = k
		}
	}
	return out
}

// hit turns the candidates of one word into a Hit. The span covers the
// whole word when the repair starts or ends with a letter, so that the
// message and the fix read "RÃ©sumÃ©" → "Résumé" rather than fragments;
// inner layers are repaired with the word around them as context.
func hit(s string, cs []cand, layered bool) (Hit, bool) {
	start, end := cs[0].start, cs[len(cs)-1].end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !wordRune(r) {
			break
		}
		start -= size
	}
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !wordRune(r) {
			break
		}
		end += size
	}
	var b strings.Builder
	last := start
	enc := Windows1252
	for _, k := range cs {
		b.WriteString(s[last:k.start])
		b.WriteRune(k.r)
		last = k.end
		if k.c == macRoman {
			enc = MacRoman
		} else if k.latin1 && enc == Windows1252 {
			enc = Latin1
		}
	}
	b.WriteString(s[last:end])
	h := Hit{Start: start, End: end, Repaired: b.String(), Encoding: enc, Layers: 1}
	if !layered {
		return h, true
	}
	for h.Layers < maxLayers {
		inner := find(h.Repaired, false)
		if len(inner) == 0 {
			break
		}
		h.Repaired = apply(h.Repaired, inner)
		h.Layers++
	}
	if strings.ContainsFunc(h.Repaired, func(r rune) bool {
		// Left over from an inner layer that did not repair: not a real hit.
		return r >= 0x80 && r <= 0x9F || r == 0xF8FF
	}) {
		return h, false
	}
	orig := s[start:end]
	if h.Repaired == orig {
		return h, false
	}
	// Give back the unchanged ends of the word unless the repair is a
	// letter glued to them.
	p := 0
	for p < len(orig) && p < len(h.Repaired) && orig[p] == h.Repaired[p] {
		p++
	}
	for p > 0 && !utf8.RuneStart(orig[p]) {
		p--
	}
	q := 0
	for q < len(orig)-p && q < len(h.Repaired)-p && orig[len(orig)-1-q] == h.Repaired[len(h.Repaired)-1-q] {
		q++
	}
	for q > 0 && !utf8.RuneStart(orig[len(orig)-q]) {
		q--
	}
	rep := h.Repaired
	if first, _ := utf8.DecodeRuneInString(rep[p:]); !letterish(first) {
		h.Start += p
		rep = rep[p:]
	}
	if lastR, _ := utf8.DecodeLastRuneInString(h.Repaired[:len(h.Repaired)-q]); !letterish(lastR) {
		h.End -= q
		rep = rep[:len(rep)-q]
	}
	h.Repaired = rep
	return h, true
}

func letterish(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r)
}
