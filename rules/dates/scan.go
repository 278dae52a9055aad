package dates

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF   tokKind = iota
	tNum           // a run of ASCII digits
	tWord          // a run of letters, possibly with inner apostrophes
	tDash          // a range dash or arrow: – — − -- -> → and their mojibake
	tPunct         // any other rune; a lone ASCII '-' stays here because it is also the ISO separator
)

type token struct {
	pos, end int
	kind     tokKind
	sp       bool  // whitespace before the token: "glued" tokens have sp == false
	nd       int   // number of digits (tNum)
	num      int   // value (tNum), meaningless beyond 9 digits
	lex      int16 // lexicon index (tWord), -1 when unknown
	r        rune  // the rune (tPunct)
}

func (t *token) roles() uint16 {
	if t.kind != tWord || t.lex < 0 {
		return 0
	}
	return lex[t.lex].roles
}

func (t *token) is(role uint16) bool { return t.roles()&role != 0 }

func (t *token) punct(r rune) bool { return t.kind == tPunct && t.r == r }

// Mojibake: UTF-8 "–" (E2 80 93), "—" and "’" read as Windows-1252 or Mac
// Roman. Dashes are common in pasted CVs and must not break a range.
var mojibakeDashes = []string{"â€“", "â€”", "â€\u201c", "â€\u201d", "‚Äì", "‚Äî"}
var mojibakeApos = []string{"â€™", "‚Äô"}

// bytesOrString is what the tokenizer reads: a string (Find) or the bytes of a
// caller's buffer (Finder.FindAppendBytes), so that a caller holding
// bytes need not copy a whole text into a string to find its dates.
type bytesOrString interface{ ~string | ~[]byte }

func hasAnyPrefix[T bytesOrString](s T, ps []string) int {
	for _, p := range ps {
		if hasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// hasPrefix is strings.HasPrefix for either kind of text: the
// conversion in a comparison makes no copy.
func hasPrefix[T bytesOrString](s T, p string) bool {
	return len(s) >= len(p) && string(s[:len(p)]) == p
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for either kind of text:
// a rune is at most four bytes, converted on the stack.
func decodeRune[T bytesOrString](s T, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
}

func isSpaceRune(r rune) bool {
	switch r {
	case 0xA0, 0x202F, 0x2009, 0x2007, 0x200A, 0x2002, 0x2003, 0x200B, 0xFEFF, 0x3000:
		return true
	}
	return unicode.IsSpace(r)
}

func isDashRune(r rune) bool {
	switch r {
	case '–', '—', '−', '‐', '‑', '‒', '―', '→', '⟶', '⇒', '➔', '➜', '⟹':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// FoldLetter maps a letter to its lower-case, accent-free ASCII form; 0 for
// letters outside Latin-1 (such words are never in the date tables). The
// CV model folds section titles with it too.
func FoldLetter(r rune) byte {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return byte(r + 'a' - 'A')
		}
		return byte(r)
	}
	switch unicode.ToLower(r) {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	return 0
}

// hasYearDigits is the fast reject: every date expression contains a year,
// and a year is at least four digits in a row.
func hasYearDigits[T bytesOrString](s T) bool {
	// i is the last byte of the candidate run: a byte that is no digit
	// rules out every run through it, so the next candidate ends four
	// bytes further on.
	for i := 3; i < len(s); {
		if !isDigit(s[i]) {
			i += 4
			continue
		}
		j := i - 1
		for j > i-4 && isDigit(s[j]) {
			j--
		}
		if j == i-4 {
			return true
		}
		i = j + 4
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tokenize fills p.t. It works on the original bytes so offsets need no
// mapping back.
func tokenize[T bytesOrString](p *parser, s T) {
	p.t = p.t[:0]
	sp := true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
			sp = true
			continue
		case '0' <= c && c <= '9':
			j, v := i, 0
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			p.t = append(p.t, token{pos: i, end: j, kind: tNum, sp: sp, nd: j - i, num: v, lex: -1})
			i = j
		case c < 0x80 && ('a' <= c|0x20 && c|0x20 <= 'z'):
			i = word(p, s, i, sp)
		case c < 0x80:
			j, kind := i+1, tPunct
			switch {
			case c == '-' && j < len(s) && s[j] == '-':
				for j < len(s) && s[j] == '-' {
					j++
				}
				kind = tDash
			case (c == '-' || c == '=') && j < len(s) && s[j] == '>':
				j++
				kind = tDash
			}
			p.t = append(p.t, token{pos: i, end: j, kind: kind, sp: sp, r: rune(c), lex: -1})
			i = j
		default:
			if n := hasAnyPrefix(s[i:], mojibakeDashes); n > 0 {
				p.t = append(p.t, token{pos: i, end: i + n, kind: tDash, sp: sp, r: '–', lex: -1})
				i += n
				break
			}
			if hasPrefix(s[i:], "Â\u00a0") {
				i += len("Â\u00a0")
				sp = true
				continue
			}
			r, n := decodeRune(s, i)
			switch {
			case isSpaceRune(r):
				i += n
				sp = true
				continue
			case isDashRune(r):
				p.t = append(p.t, token{pos: i, end: i + n, kind: tDash, sp: sp, r: r, lex: -1})
				i += n
			case unicode.IsLetter(r) && hasAnyPrefix(s[i:], mojibakeApos) == 0:
				i = word(p, s, i, sp)
			default:
				p.t = append(p.t, token{pos: i, end: i + n, kind: tPunct, sp: sp, r: r, lex: -1})
				i += n
			}
		}
		sp = false
	}
}

// word scans a run of letters starting at i, folding it into a fixed
// buffer so the lexicon lookup does not allocate. An apostrophe between
// letters stays inside the word (aujourd'hui, jusqu'à) except after a
// single letter, where French elides an article: "d'avril" is "d'" then
// "avril".
func word[T bytesOrString](p *parser, s T, i int, sp bool) int {
	var buf [24]byte
	n, letters, long := 0, 0, false
	put := func(b byte) {
		if n < len(buf) {
			buf[n] = b
			n++
		} else {
			long = true
		}
	}
	start, j := i, i
	for j < len(s) {
		if j > start && (hasPrefix(s[j:], "â€") || hasPrefix(s[j:], "‚Ä")) {
			if k := hasAnyPrefix(s[j:], mojibakeApos); k > 0 && letters > 0 && letterAt(s, j+k) {
				put('\'')
				j += k
				if letters == 1 {
					break
				}
				continue
			}
			break
		}
		r, k := decodeRune(s, j)
		if unicode.IsLetter(r) {
			b := FoldLetter(r)
			if b == 0 {
				long = true // not a Latin word: never in the lexicon
			}
			put(b)
			letters++
			j += k
			continue
		}
		if isApos(r) && letters > 0 && letterAt(s, j+k) {
			put('\'')
			j += k
			if letters == 1 {
				break
			}
			continue
		}
		break
	}
	id := int16(-1)
	if !long {
		if v, ok := lexicon[string(buf[:n])]; ok {
			id = v
		}
	}
	p.t = append(p.t, token{pos: start, end: j, kind: tWord, sp: sp, lex: id})
	return j
}

func letterAt[T bytesOrString](s T, j int) bool {
	if j >= len(s) {
		return false
	}
	r, _ := decodeRune(s, j)
	return unicode.IsLetter(r)
}
