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

// proseWords splits text[s:e] of the prose view into words.
func proseWords(text []byte, s, e int) []Word {
	var ws []Word
	i := s
	for i < e {
		r, n := decodeRune(text[i:e])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < e {
			r, n := decodeRune(text[i:e])
			if isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < e {
				if r2, _ := decodeRune(text[i+n : e]); unicode.IsLetter(r2) {
					i += n
					continue
				}
			}
			break
		}
		ws = append(ws, Word{start, i})
	}
	return ws
}

// decodeRune is utf8.DecodeRune with the ASCII case first.
func decodeRune(b []byte) (rune, int) {
	if len(b) > 0 && b[0] < utf8.RuneSelf {
		return rune(b[0]), 1
	}
	return utf8.DecodeRune(b)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-'
}

// proseFields splits text[s:e] on white space, as strings.Fields does, and
// returns the byte ranges of the fields.
func proseFields(text []byte, s, e int) []Span {
	var fs []Span
	start := -1
	for i := s; i < e; {
		r, n := decodeRune(text[i:e])
		if isSpace(r) {
			if start >= 0 {
				fs = append(fs, Span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		fs = append(fs, Span{start, e})
	}
	return fs
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
