package mojibake

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// mangle reads the UTF-8 bytes of s as enc, the damage this package undoes.
// It uses charmap directly, not the package's tables, so that a mistake in
// those tables cannot hide in both the damage and the repair.
func mangle(s, enc string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		switch enc {
		case Latin1:
			b.WriteRune(rune(c))
		case Windows1252:
			r := charmap.Windows1252.DecodeByte(c)
			if r == utf8.RuneError {
				// What a sloppy decoder (a browser, Python's "sloppy"
				// codecs) keeps for the five undefined bytes.
				r = rune(c)
			}
			b.WriteRune(r)
		case MacRoman:
			b.WriteRune(charmap.Macintosh.DecodeByte(c))
		}
	}
	return b.String()
}

// recallWords are the words and symbols of English and French CVs, and
// their names and places, that have non-ASCII characters.
var recallWords = strings.Fields(`
été élève ingénieur Société Générale résumé Résumé expérience Expérience compétences Compétences
français garçon façade naïve Noël cœur œuvre sœur hôpital forêt être où déjà à là château août
coûts diplômé Île-de-France École Ça Élodie Hélène Zoë Chloé Jérôme François Bénédicte Maël
Anaïs Noémie Thérèse réseaux systèmes données qualité sécurité développeur créé géré amélioré
réalisé spécialisé intérêt Centres d’intérêt randonnée télécommunications Bac+5 Ingénieur
Mécanique Université Paris-Saclay Lyon Besançon Orléans Nîmes Angoulême Périgueux Sèvres
Genève Zürich Köln München Düsseldorf Müller Straße Größe Übersicht Äpfel Fußball Jürgen
España señor Ñandú niño acción árbol ¿Qué? ¡Hola! corazón Málaga Bogotá México Córdoba
São Paulo João Conceição coração irmã Brasília informação Gonçalves Luís
Ærø Åsa Øresund Łódź Kraków Dvořák Škoda İstanbul Gdańsk Wrocław Ştefan Brașov Nguyễn Việt
Beyoncé Pokémon café crème brûlée fiancée naïveté rôle protégé déjà-vu
ÉTÉ RÉSUMÉ SOCIÉTÉ GÉNÉRALE EXPÉRIENCE COMPÉTENCES FRANÇAIS ÉCOLE CONCEIÇÃO SÃO JOÃO
MÜNCHEN ÎLE-DE-FRANCE ÇA IRMÃ ÃLVARO CHÂTEAU NOËL CŒUR
© ® ™ ° ± € £ ¥ « » — – … ’ ‘ “ ” • · ½ ² ³ µ § ¶ † ‰ × → ← ✓ ✔ ★ ☎ ✉ ¢ ¬ ¿ ¡
20°C 45€ 1,5k€ 2×3 x² I’m l’équipe d’ingénieurs “quoted” «guillemets» Jane’s
📧 📞 📱 🏠 🔗 💼 🎓 🚀 👋 😀 ⭐ ❤️ 👍🏽 🇫🇷 🇬🇧 👨‍💻 ☕ ✅ 🌍 💡 🐍 🦀 ✨ 🔥 📍 🗓️ 🏆 🌐 ☁️ 🛠️
μs π Δ Москва Привет Ελλάδα
`)

// recallLines put the damaged words inside correct text, and whole damaged lines.
var recallLines = []string{
	"Ingénieur DevOps chez Société Générale",
	"Email : 📧 jane@example.com",
	"2019 – 2022",
	"Acme Corp — Lead engineer (Paris, Île-de-France)",
	"I’m a “hands-on” engineer… mostly",
	"Compétences : Go, Kubernetes, systèmes distribués · 5 ans d’expérience",
	"Tél. : +33 6 12 34 56 78 · 📞 · 🏠 Lyon",
	"Salaire souhaité : 55 000 € brut/an",
	"Langues : français (natif), español (B2), Deutsch (A2) 🇫🇷 🇪🇸",
	"Réduction des coûts de 30 % — migration vers AWS ✅",
}

type recallCase struct {
	orig, mangled, enc string
	layers             int
}

// recallCases damages every word and line once and twice with each
// encoding, and also with Mac Roman's U+F8FF dropped.
func recallCases() []recallCase {
	var cases []recallCase
	add := func(orig string, wrap func(string) string) {
		for _, enc := range []string{Windows1252, MacRoman, Latin1} {
			once := mangle(orig, enc)
			cases = append(cases, recallCase{wrap(orig), wrap(once), enc, 1})
			twice := mangle(once, enc)
			cases = append(cases, recallCase{wrap(orig), wrap(twice), enc, 2})
			if enc == MacRoman && strings.ContainsRune(once, 0xF8FF) {
				dropped := strings.ReplaceAll(once, "\uf8ff", "")
				cases = append(cases, recallCase{wrap(orig), wrap(dropped), enc, 1})
			}
		}
	}
	same := func(s string) string { return s }
	for _, w := range recallWords {
		add(w, same)
		add(w, func(s string) string { return "Poste : " + s + " (2019)" })
		add(w, func(s string) string { return "Expérience à Genève — " + s + ", São Paulo." })
	}
	for _, l := range recallLines {
		add(l, same)
	}
	return cases
}

// TestRecallGenerated is the round-trip property Repair(mangle(x)) == x.
func TestRecallGenerated(t *testing.T) {
	cases := recallCases()
	var failed int
	for _, c := range cases {
		got := Repair(c.mangled)
		if got != c.orig {
			failed++
			t.Errorf("%s×%d: Repair(%q) = %q, want %q", c.enc, c.layers, c.mangled, got, c.orig)
			continue
		}
		for _, h := range Find(c.mangled) {
			if h.Layers != c.layers {
				t.Errorf("%s×%d: Find(%q): %+v, want %d layers", c.enc, c.layers, c.mangled, h, c.layers)
			}
			switch {
			case c.enc == MacRoman && h.Encoding != MacRoman,
				c.enc == Windows1252 && h.Encoding != Windows1252,
				c.enc == Latin1 && h.Encoding == MacRoman:
				t.Errorf("%s×%d: Find(%q): encoding %s", c.enc, c.layers, c.mangled, h.Encoding)
			}
		}
	}
	t.Logf("recall: %d of %d damaged strings repaired to the byte", len(cases)-failed, len(cases))
}
