package rules

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFoldLatin1 checks the runes buildLowerProse folds without asking
// unicode.ToLower: U+0080–U+00FF and U+2000–U+20BF.
func TestFoldLatin1(t *testing.T) {
	check := func(r rune) {
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		lp := buildLowerProse(docWithProse(b[:n])).(*LowerProse)
		l := unicode.ToLower(r)
		if want := string(l); utf8.RuneLen(l) == n && string(lp.AppendFold(nil, 0, n)) != want {
			t.Errorf("%U: fold %q, want %q", r, string(lp.AppendFold(nil, 0, n)), want)
		}
		if want := utf8.RuneLen(l) == n; lp.Exact != want {
			t.Errorf("%U: exact %v, want %v", r, lp.Exact, want)
		}
	}
	for r := rune(0x80); r <= 0xFF; r++ {
		check(r)
	}
	for r := rune(0x2000); r <= 0x20BF; r++ {
		check(r)
	}
}

// docWithProse is a document whose prose view is text.
func docWithProse(text []byte) *Document {
	d := &Document{}
	d.results = []analysisResult{{ProseAnalysis, &Prose{Text: text}}}
	return d
}

// refLower is what buildLowerProse made before it stopped writing out
// the lower case: the ASCII-lowered prose, the fold view, Exact and the
// whole lower case.
func refLower(text []byte) (ascii, fold []byte, exact bool, whole []byte) {
	ascii = make([]byte, len(text))
	for i, c := range text {
		ascii[i] = lowerByte(c)
	}
	fold = slices.Clone(ascii)
	exact = true
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			exact = false
		} else if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) == n {
				utf8.EncodeRune(fold[i:], l)
			} else {
				exact = false
			}
		}
		i += n
	}
	whole = fold
	if !exact {
		whole = []byte(strings.ToLower(string(text)))
	}
	return ascii, fold, exact, whole
}

// refFind is the keyword search by brute force: every keyword at every
// offset of the lower-cased text, short keywords first, as find reports
// them.
func refFind(k *keywordSet, lower []byte) []kwOcc {
	var out []kwOcc
	for _, i := range k.short {
		for off := 0; off+len(k.words[i]) <= len(lower); off++ {
			if bytes.HasPrefix(lower[off:], []byte(k.words[i])) {
				out = append(out, kwOcc{off, i, 0})
			}
		}
	}
	for off := range lower {
		for i, w := range k.words {
			if len(w) >= 3 && bytes.HasPrefix(lower[off:], []byte(w)) {
				out = append(out, kwOcc{off, i, 0})
			}
		}
	}
	return out
}

func randomProse(r *rand.Rand) []byte {
	pieces := []string{"a", "A", "é", "É", "Ã©", "ß", "K", "\u212a", "İ", "ǅ", "Ω", "\u2126", "’", "–", "·", " ", "\n", ":", "%", "[", "{",
		"\xc3", "\xe2\x80", "\xff", "0", "1", "Âge", "âge", "NÉ LE", "né le", " ans", " ANS", "\u00a0ans", "Nationalité", "NATIONALITÉ",
		"Marié", "MARIÉ", "célibataire", "CÉLIBATAIRE", "Prénom", "PRÉNOM", "TODO", "xx ", "XX-", "Company", "École", "ÉCOLE", "SÉCURITÉ",
		"Père", "PÈRE", "lien ", "LIEN ", "Voir ", "cf.", "CF ", "%EMAIL%", "30 %", "%é"}
	var b strings.Builder
	for k := r.Intn(30); k > 0; k-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return []byte(b.String())
}

// TestLowerProseAgainstReference checks the views, Exact and the keyword
// occurrences against the reference that wrote the lower case out.
func TestLowerProseAgainstReference(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		text := randomProse(r)
		ascii, fold, exact, whole := refLower(text)
		d := docWithProse(text)
		lp := buildLowerProse(d).(*LowerProse)
		if lp.Exact != exact {
			t.Fatalf("%q: exact %v, want %v", text, lp.Exact, exact)
		}
		if got := string(lp.AppendFold(nil, 0, len(text))); got != string(fold) {
			t.Fatalf("%q: fold %q, want %q", text, got, fold)
		}
		if !exact && !bytes.Equal(lp.Whole, whole) {
			t.Fatalf("%q: whole %q, want %q", text, lp.Whole, whole)
		}
		for range 5 {
			s := r.Intn(len(text) + 1)
			e := s + r.Intn(len(text)-s+1)
			if got := string(lp.AppendFold(nil, s, e)); got != string(fold[s:e]) {
				t.Fatalf("%q[%d:%d]: fold %q, want %q", text, s, e, got, fold[s:e])
			}
		}
		// The keyword pass: the reference ran find on fold and checked
		// the placeholder keywords with other bytes on ascii.
		var want []kwOcc
		for _, o := range refFind(kwSet, fold) {
			w, off := o.end, o.start
			word := kwSet.words[w]
			if kwGroup[w] >= kwPlaceholder {
				if kwNonASCII[w] && string(ascii[off:off+len(word)]) != word {
					continue
				}
				if word == "%" && (off+1 >= len(fold) || fold[off+1] < 'a' || fold[off+1] > 'z') {
					continue
				}
			}
			want = append(want, kwOcc{off, off + len(word), 1 << kwGroup[w]})
		}
		slices.SortStableFunc(want, func(a, b kwOcc) int { return a.start - b.start })
		got := buildKeywords(d).(*Keywords).occ
		if !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("%q: keywords %v, want %v", text, got, want)
		}
		if !exact {
			var wantFound []bool
			for i, w := range pdKeywords.words {
				wantFound = append(wantFound, bytes.Contains(whole, []byte(w)))
				_ = i
			}
			if got := pdKeywords.present(whole); !slices.Equal(got, wantFound) {
				t.Fatalf("%q: present %v, want %v", text, got, wantFound)
			}
		}
	}
}
