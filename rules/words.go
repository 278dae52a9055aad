package rules

import (
	"unicode"
	"unicode/utf8"
)

// Small helpers shared by the text rules (glued-words, repeated-words,
// broken-paragraph): where a block's prose lies and how it splits into
// words and white-space separated fields.

// proseSpan returns the byte range of a block's prose: from its first text
// run to its last. Block.Start/End are line ranges, which for a table cell
// cover the whole row; the runs never leave the block.
func proseSpan(b Block) (int, int, bool) {
	if len(b.Runs) == 0 {
		return 0, 0, false
	}
	return b.Runs[0].Start, b.Runs[len(b.Runs)-1].End, true
}

// Word is a word of the prose view: letters, digits and combining marks,
// with apostrophes and hyphens kept when a letter follows them (l'équipe,
// multi-cloud count as one word).
type Word struct {
	Start, End int
}

// The classes of bytes for appendProseWords.
const (
	wordSep   = iota // ASCII, not part of a word
	wordASCII        // an ASCII letter or digit
	wordJoin         // ' or -, part of a word when a letter follows
	wordMulti        // a byte of a multi-byte rune: decode it
)

var wordClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = wordMulti
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = wordASCII
		case c == '\'' || c == '-':
			t[c] = wordJoin
		}
	}
	return
}()

// appendProseWords appends the words of text[s:e] to ws.
func appendProseWords(ws []Word, text []byte, s, e int) []Word {
	text = text[:e]
	for i := s; ; {
		start, end := nextWord(text, i)
		if start == end {
			return ws
		}
		ws = append(ws, Word{start, end})
		i = end
	}
}

// nextWord returns the first word of text from i on, or an empty range
// when there is none; text ends where the prose being split ends. ASCII
// letters and digits, most of a CV, are read a byte at a time; any byte
// ≥ 0x80 has its rune decoded and judged: a word rune (isWordRune), or ’
// joining two parts of a word like ' and -.
func nextWord(text []byte, i int) (start, end int) {
	for ; i < len(text); i++ {
		c := wordClass[text[i]]
		if c == wordASCII {
			break
		}
		if c == wordMulti {
			r, n := utf8.DecodeRune(text[i:])
			if isWordRune(r) {
				break
			}
			i += n - 1
		}
	}
	start = i
	for i < len(text) {
		for i < len(text) && wordClass[text[i]] == wordASCII {
			i++
		}
		if i == len(text) {
			break
		}
		switch wordClass[text[i]] {
		case wordMulti:
			r, n := utf8.DecodeRune(text[i:])
			if isWordRune(r) || r == '’' && letterAt(text, i+n) {
				i += n
				continue
			}
		case wordJoin:
			if letterAt(text, i+1) {
				i++
				continue
			}
		}
		break
	}
	return start, i
}

// letterAt reports whether a letter starts at text[i].
func letterAt(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// onlySpace reports whether b holds nothing but white space.
func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// isSpace is unicode.IsSpace with the ASCII case first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}
