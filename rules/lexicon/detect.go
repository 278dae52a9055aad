package lexicon

import (
	"strings"
	"unicode"
)

// Detect guesses whether text is English or French from its function words,
// and returns a confidence between 0 and 1. Only the words that belong to
// one language alone vote ("a", "on", "en" are both); the confidence is the
// winner's margin, damped while fewer than minVotes words have voted, so
// that a short line of product names is not declared confidently English.
// With no vote at all it returns English with confidence 0.
func Detect(text string) (Lang, float64) {
	var en, fr int
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		switch {
		case detectOnly[EN][w]:
			en++
		case detectOnly[FR][w]:
			fr++
		}
	}
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

// detectOnly holds each language's function words that are not also words
// of the other language's function list.
var detectOnly = func() map[Lang]map[string]bool {
	m := map[Lang]map[string]bool{EN: {}, FR: {}}
	for _, lang := range Langs {
		other := FR
		if lang == FR {
			other = EN
		}
		for _, w := range functionWords[lang] {
			if !functionSets[other][w] {
				m[lang][w] = true
			}
		}
	}
	return m
}()
