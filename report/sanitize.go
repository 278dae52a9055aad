package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A CV is untrusted input. Printed raw, an ESC sequence can recolour or
// rewrite the terminal, a bidi override (U+202E) can make a line read
// differently from what it contains ("Trojan Source"), and zero-width
// characters hide in plain sight. unsafeRune says which characters a
// human-facing report shows as an escape instead.
func unsafeRune(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case unicode.IsControl(r): // C0, DEL, C1
		return true
	case unicode.Is(unicode.Cf, r): // soft hyphen, ZWSP/ZWJ/ZWNJ, LRM/RLM, bidi embeddings, overrides and isolates, BOM, word joiner
		return true
	case r == '\u2028' || r == '\u2029': // line and paragraph separators break lines in some viewers
		return true
	}
	return false
}

// escapeRune spells r the way Go source would, so a reader can search for
// it in the file.
func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	switch {
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xFFFF:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// sanitize returns s with every unsafe character escaped. Bytes that are
// not UTF-8 are shown as \xNN.
func sanitize(s string) string {
	if !needsSanitize(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sanitizeKeepNewlines escapes like sanitize but leaves \r and \n alone,
// for formats whose own escaping encodes line breaks (GitHub commands).
func sanitizeKeepNewlines(s string) string { return sanitizeKeeping(s, "\r\n") }

// sanitizeKeeping escapes like sanitize, except the characters of keep.
func sanitizeKeeping(s, keep string) string {
	var b strings.Builder
	for {
		i := strings.IndexAny(s, keep)
		if i < 0 {
			b.WriteString(sanitize(s))
			return b.String()
		}
		b.WriteString(sanitize(s[:i]))
		b.WriteByte(s[i]) // keep holds ASCII only
		s = s[i+1:]
	}
}

func needsSanitize(s string) bool {
	for _, r := range s {
		if unsafeRune(r) {
			return true
		}
	}
	return false
}

// ForTerminal escapes what sanitize escapes except line breaks and tabs,
// for multi-line text shown on a terminal, such as a diff.
func ForTerminal(s string) string { return sanitizeKeeping(s, "\n\t") }
