package rules

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// InvisibleChars reports characters a reader cannot see but that break
// search, copy-paste, ATS parsing and, for bidi controls, reorder text.
var InvisibleChars = Register(&Rule{
	ID:       "invisible-chars",
	Title:    "invisible or control characters in the text",
	Severity: Warning,
	SafeFix:  true,
	Doc: Doc{
		Why:  "Zero-width spaces, soft hyphens, bidi controls and control characters come from copy-paste out of Word, PDF and web pages. They are invisible, yet they split words for search engines and applicant tracking systems (`Kuber\u200bnetes` no longer matches `Kubernetes`), and bidi controls can make text display in a different order than it is stored. The fix deletes them. No-break spaces before French `: ; ? ! »`, tabs and the joiners inside emoji such as 👩‍💻 are correct and never reported.",
		Bad:  "Kuber\\u200bnetes, Ter\\u00adraform",
		Good: "Kubernetes, Terraform",
	},
	Run: runInvisibleChars,
})

var invisibleNames = map[rune]string{
	0x00AD: "SOFT HYPHEN",
	0x180E: "MONGOLIAN VOWEL SEPARATOR",
	0x200B: "ZERO WIDTH SPACE",
	0x200C: "ZERO WIDTH NON-JOINER",
	0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK",
	0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER",
	0x2061: "FUNCTION APPLICATION",
	0x2062: "INVISIBLE TIMES",
	0x2063: "INVISIBLE SEPARATOR",
	0x2064: "INVISIBLE PLUS",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
	0xFEFF: "ZERO WIDTH NO-BREAK SPACE (BOM)",
	0x000C: "FORM FEED",
	0x000B: "LINE TABULATION",
	0x007F: "DELETE",
}

func invisibleName(r rune) (string, bool) {
	if r >= 0xA0 && r != 0x00AD && r != 0x180E && (r < 0x200B || r > 0x2069) && r != 0xFEFF {
		return "", false // letters, punctuation, symbols: no map lookup
	}
	if n, ok := invisibleNames[r]; ok {
		return n, true
	}
	if r == '\t' || r == '\n' || r == '\r' || r == 0 {
		// NUL is reported by invalid-encoding; CR is a line ending.
		return "", false
	}
	if r < 0x20 || (r >= 0x80 && r <= 0x9F) {
		return "CONTROL CHARACTER", true
	}
	return "", false
}

func runInvisibleChars(p *Pass) {
	src := p.Doc.Source
	for i := 0; i < len(src); {
		if i+8 <= len(src) {
			// Eight bytes at once: step over the printable ASCII ones,
			// most of a CV, to the first that is not.
			m := unprintableASCII8(binary.LittleEndian.Uint64(src[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		if c := src[i]; c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			i++ // printable ASCII: the common case, no decoding needed
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		name, bad := invisibleName(r)
		if !bad || inSpans(p.Doc.Invalid, i) {
			i += n
			continue
		}
		if r == 0x200D && emojiJoiner(src, i, n) {
			i += n
			continue
		}
		// A run of invisibles is one finding.
		start := i
		first := r
		i += n
		count := 1
		for i < len(src) {
			r2, n2 := utf8.DecodeRune(src[i:])
			if _, bad2 := invisibleName(r2); !bad2 || (r2 == 0x200D && emojiJoiner(src, i, n2)) {
				break
			}
			i += n2
			count++
		}
		msg := fmt.Sprintf("invisible character U+%04X %s", first, name)
		if count > 1 {
			msg = fmt.Sprintf("%d invisible characters, starting with U+%04X %s", count, first, name)
		}
		if first >= 0x202A && first <= 0x202E || first >= 0x2066 && first <= 0x2069 {
			msg += ": bidi controls change the order in which text is displayed"
		}
		// A form feed or vertical tab separated pages or lines: keep the
		// break, or the words on each side would be glued together.
		repl, verb := "", "; delete it"
		if first == '\f' || first == '\v' {
			repl, verb = "\n", "; replace it with a line break"
		}
		p.Report(Finding{Start: start, End: i, Message: msg + verb, Fix: &Fix{Edits: []Edit{{Start: start, End: i, New: repl}}}})
	}
}

// unprintableASCII8 marks (with its high bit) each of the eight bytes of
// w, least significant first, that is outside 0x20-0x7E: below 0x20 the
// subtraction borrows into the high bit of such a byte (the mask keeps
// only bytes that had it clear), above 0x7E adding one sets the high bit
// of 0x7F and that of 0x80-0xFF is already set. A borrow or a carry only
// runs upwards from a marked byte, so the lowest mark is exact.
func unprintableASCII8(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - 0x20*ones) &^ w & highs
	above := ((w + ones) | w) & highs
	return below | above
}

// emojiJoiner says whether the ZWJ at i sits between two emoji, as in
// 👩‍💻: there it is part of the character, not an invisible defect.
func emojiJoiner(src []byte, i, n int) bool {
	prev, _ := utf8.DecodeLastRune(src[:i])
	if prev == 0xFE0F || (prev >= 0x1F3FB && prev <= 0x1F3FF) { // VS16, skin tones
		before := src[:i-utf8.RuneLen(prev)]
		prev, _ = utf8.DecodeLastRune(before)
	}
	next, _ := utf8.DecodeRune(src[i+n:])
	return isEmoji(prev) && isEmoji(next)
}

func isEmoji(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF) || r == 0x2640 || r == 0x2642 ||
		r == 0x2695 || r == 0x2696 || r == 0x2708 || r == 0x2764 || r == 0x2B1B || r == 0x2B50 || unicode.Is(unicode.So, r) && r > 0x2000
}
