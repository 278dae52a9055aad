package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// Detect guesses whether text is English or French from its function words,
// and returns a confidence between 0 and 1. Only the words that belong to
// one language alone vote ("a", "on", "en" are both); the confidence is the
// winner's margin, damped while fewer than minVotes words have voted, so
// that a short line of product names is not declared confidently English.
// With no vote at all it returns English with confidence 0.
func Detect(text string) (Lang, float64) {
	return Confidence(Votes(text))
}

// Votes counts the words of text, runs of letters lower-cased, that vote
// for English and for French in Detect. Votes add up: those of two texts
// are the votes of the two joined by a non-letter.
func Votes[T ~string | ~[]byte](text T) (en, fr int) {
	// The word lower-cased; a word too long for buf is no function word
	// (maxVoteLen is far shorter).
	var buf [32]byte
	for i := 0; i < len(text); {
		// Skip to the next letter, then read the word.
		r, n := decodeRune(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		w, long := buf[:0], false
		for {
			if long = long || len(w)+utf8.UTFMax > len(buf); !long {
				w = utf8.AppendRune(w, unicode.ToLower(r)) // strings.ToLower, rune by rune
			}
			if i += n; i >= len(text) {
				break
			}
			if r, n = decodeRune(text[i:]); !unicode.IsLetter(r) {
				break
			}
		}
		if long || len(w) > maxVoteLen {
			continue
		}
		switch votes[string(w)] {
		case EN:
			en++
		case FR:
			fr++
		}
	}
	return en, fr
}

// decodeRune is utf8.DecodeRune of a string or a byte slice, with the
// ASCII case first.
func decodeRune[T ~string | ~[]byte](b T) (rune, int) {
	if b[0] < utf8.RuneSelf {
		return rune(b[0]), 1
	}
	return utf8.DecodeRune([]byte(b[:min(len(b), utf8.UTFMax)]))
}

// Confidence turns the votes of a text into Detect's language and
// confidence.
func Confidence(en, fr int) (Lang, float64) {
	total := en + fr
	if total == 0 {
		return EN, 0
	}
	lang, win := EN, en
	if fr > en {
		lang, win = FR, fr
	}
	conf := float64(2*win-total) / float64(total)
	if total < minVotes {
		conf *= float64(total) / minVotes
	}
	return lang, conf
}

const minVotes = 8

// votes maps each language's function words that are not also words of
// the other language's function list to that language; maxVoteLen is the
// longest of them, in bytes.
var votes, maxVoteLen = func() (map[string]Lang, int) {
	m, longest := map[string]Lang{}, 0
	for _, lang := range Langs {
		other := FR
		if lang == FR {
			other = EN
		}
		for _, w := range functionWords[lang] {
			if !functionSets[other][w] {
				m[w], longest = lang, max(longest, len(w))
			}
		}
	}
	return m, longest
}()
