package lexicon

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSuggestSplitSplits(t *testing.T) {
	for _, c := range []struct {
		lang  Lang
		token string
		want  string
	}{
		{EN, "developedandmaintainedthebillingplatform", "developed and maintained the billing platform"},
		{EN, "designedandimplementedthenewpaymentservice", "designed and implemented the new payment service"},
		{EN, "migratedthemonitoringstacktothecloud", "migrated the monitoring stack to the cloud"},
		{FR, "lessolutionsdesupervision", "les solutions de supervision"},
		{FR, "gestiondesincidentsdeproduction", "gestion des incidents de production"},
		{FR, "responsabledelamigrationverslecloud", "responsable de la migration vers le cloud"},
		{FR, "ainsiquelessolutions", "ainsi que les solutions"},
		{FR, "miseenplacedesoutilsdesupervision", "mise en place des outils de supervision"},
		{FR, "déploiementdesservicessurlecloud", "déploiement des services sur le cloud"},
		{FR, "développementdesapplicationsmétier", "développement des applications métier"},
		// The zero Lang tries both.
		{"", "lessolutionsdesupervision", "les solutions de supervision"},
		{"", "developedandmaintainedthebillingplatform", "developed and maintained the billing platform"},
	} {
		seg, ok := SuggestSplit(c.lang, c.token)
		if got := strings.Join(seg, " "); !ok || got != c.want {
			t.Errorf("SuggestSplit(%q, %q) = %q, %v; want %q, true", c.lang, c.token, got, ok, c.want)
		}
	}
}

func TestSuggestSplitKeepsWhole(t *testing.T) {
	for _, token := range []string{
		// Long real words.
		"anticonstitutionnellement", "constitutionnellement", "internationalization",
		"internationalisation", "telecommunications", "responsibilities",
		"incomprehensibilities", "interdisciplinarity", "réorganisations",
		"professionnalisation",
		// Product names, once the caller has lower-cased nothing (it splits
		// on case changes, so these only arrive when written all lower case).
		"kubernetes", "postgresql", "cloudnativepg", "opentelemetry", "applicationsets",
		// Two glued words with no function word: glued, but too risky to
		// tell from a compound (développementlogiciel is glued, yet
		// "logiciel" is the only clue).
		"développementlogiciel",
		// Arguably glued, but as one lower-case token it is far more often
		// a hashtag, topic or repository name than broken prose, and "as"
		// is too weak a clue (represent-at-ions, alphabet-is-at-ions).
		"infrastructureascode",
		// Not lower-case letters only: the caller's job.
		"CloudNativePG", "speech2text", "tail_n_mail",
	} {
		for _, lang := range []Lang{EN, FR, ""} {
			if seg, ok := SuggestSplit(lang, token); ok {
				t.Errorf("SuggestSplit(%q, %q) = %q; want no split", lang, token, seg)
			}
		}
	}
}

func TestSegment(t *testing.T) {
	for _, c := range []struct {
		lang        Lang
		token, want string
	}{
		{EN, "thequickbrownfox", "the quick brown fox"},
		{FR, "développementlogiciel", "développement logiciel"},
		{EN, "responsibilities", "responsibilities"},
		{"", "gestiondeprojet", "gestion de projet"},
	} {
		if got := strings.Join(Segment(c.lang, c.token), " "); got != c.want {
			t.Errorf("Segment(%q, %q) = %q; want %q", c.lang, c.token, got, c.want)
		}
	}
}

func TestKnownAndCommon(t *testing.T) {
	for _, c := range []struct {
		lang                    Lang
		w                       string
		known, common, function bool
	}{
		{EN, "internationalization", true, false, false},
		{EN, "platform", true, true, false},
		{EN, "the", true, true, true},
		{EN, "kubernetes", false, false, false},
		{FR, "réorganisations", true, false, false},
		{FR, "supervision", true, true, false},
		{FR, "déployées", true, true, false},
		{FR, "reconfigurerions", true, false, false},
		{FR, "des", true, true, true},
		{FR, "cloud", true, true, false},
		{"", "internationalisation", true, true, false},    // common in French
		{"", "incomprehensibilities", false, false, false}, // kept whole by the other guards
	} {
		if got := Known(c.lang, c.w); got != c.known {
			t.Errorf("Known(%q, %q) = %v", c.lang, c.w, got)
		}
		if got := IsCommon(c.lang, c.w); got != c.common {
			t.Errorf("IsCommon(%q, %q) = %v", c.lang, c.w, got)
		}
		if got := IsFunctionWord(c.lang, c.w); got != c.function {
			t.Errorf("IsFunctionWord(%q, %q) = %v", c.lang, c.w, got)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		text    string
		want    Lang
		minConf float64
	}{
		{"I designed and maintained the billing platform of the company, and I led a team of four engineers through the migration to the cloud.", EN, 0.9},
		{"J'ai conçu et maintenu la plateforme de facturation de l'entreprise, et j'ai encadré une équipe de quatre ingénieurs pendant la migration vers le cloud.", FR, 0.9},
		// CV-like, mostly tech words.
		{"Kubernetes, Terraform, ArgoCD, PostgreSQL (CloudNativePG), Grafana. Mise en place de la supervision avec Prometheus et des alertes pour les équipes.", FR, 0.6},
		{"Skills: Go, Python, Kubernetes, AWS. Built the CI/CD pipelines with GitHub Actions and moved the services to EKS.", EN, 0.5},
		// Mixed: French prose quoting an English title.
		{"Responsable de la migration des services vers le cloud, dans le cadre du projet « Platform for the Future ».", FR, 0.3},
	} {
		lang, conf := Detect(c.text)
		t.Logf("Detect = %s %.2f for %.40q", lang, conf, c.text)
		if lang != c.want || conf < c.minConf {
			t.Errorf("Detect(%q) = %s, %.2f; want %s, ≥ %.2f", c.text, lang, conf, c.want, c.minConf)
		}
	}
	if _, conf := Detect("Kubernetes Terraform PostgreSQL"); conf != 0 {
		t.Errorf("Detect with no function word: confidence %.2f, want 0", conf)
	}
}

// longWords returns the words of lang's lexicon with at least MinSplitLen
// letters: the inflected forms of wamerican-large and SCOWL, or of the
// unmunched hunspell dictionary.
func longWords(lang Lang) []string {
	var ws []string
	d := get(lang)
	for i := range d.n {
		if w := d.word(i); utf8.RuneCountInString(w) >= MinSplitLen {
			ws = append(ws, w)
		}
	}
	return ws // already sorted
}

// TestPrecisionOnLexicon runs SuggestSplit over every long word of both
// lexicons. With the Known guard none can be flagged; the test then measures
// the other guards alone, segmenting each word as if it were missing from
// the lexicon (the single whole-word segment forbidden), which is the case
// of a real word the lists lack.
func TestPrecisionOnLexicon(t *testing.T) {
	if testing.Short() {
		t.Skip("segments every long word of both lexicons")
	}
	limits := map[Lang]float64{EN: 0.006, FR: 0.003}
	for _, lang := range Langs {
		words := longWords(lang)
		flagged, unguarded := 0, 0
		var examples []string
		for _, w := range words {
			if _, ok := SuggestSplit(lang, w); ok {
				flagged++
			}
			if seg, ok := suggest(lang, w, guards{noWhole: true}); ok {
				unguarded++
				if len(examples) < 12 || unguarded%50 == 0 {
					examples = append(examples, strings.Join(seg, " "))
				}
			}
		}
		rate := float64(unguarded) / float64(len(words))
		t.Logf("%s: %d words of %d+ letters; flagged %d; without the Known guard %d (%.3f%%), e.g. %q",
			lang, len(words), MinSplitLen, flagged, unguarded, 100*rate, examples)
		if flagged != 0 {
			t.Errorf("%s: %d real words flagged", lang, flagged)
		}
		if rate > limits[lang] {
			t.Errorf("%s: without the Known guard %.2f%% of long words would be split, limit %.2f%%", lang, 100*rate, 100*limits[lang])
		}
	}
}

// TestLoadIsLazy checks that the detector and function words work without
// opening any table, and reports what a load costs.
func TestLoadIsLazy(t *testing.T) {
	fresh := map[Lang]*lazyDict{EN: {lang: EN}, FR: {lang: FR}}
	IsFunctionWord(FR, "de")
	Detect("the cat")
	for _, l := range fresh {
		if l.d != nil {
			t.Fatal("loaded eagerly")
		}
	}
	for _, lang := range Langs {
		start := time.Now()
		d := fresh[lang].get()
		t.Logf("%s: %d words loaded in %v", lang, d.n, time.Since(start))
	}
}

// BenchmarkLoad measures opening one language's table (2-core AMD EPYC):
// about 5 µs and 3 KB each, where parsing the gzipped lists into maps took
// 18 ms and 9.6 MB (en), 86 ms and 36 MB (fr).
func BenchmarkLoad(b *testing.B) {
	for _, lang := range Langs {
		b.Run(string(lang), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := &lazyDict{lang: lang, once: sync.Once{}}
				l.get()
			}
		})
	}
}

// BenchmarkKnown looks up a word and a non-word: a binary search in place.
func BenchmarkKnown(b *testing.B) {
	for _, lang := range Langs {
		get(lang)
		b.Run(string(lang), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Known(lang, "internationalisation")
				Known(lang, "kubernetes")
			}
		})
	}
}

// BenchmarkSegment segments a 40-letter run: about 12 µs (en) and 13 µs (fr)
// with the walks over the tables, 11 and 12 µs with the map lookups they
// replaced, once those maps were built.
func BenchmarkSegment(b *testing.B) {
	for _, c := range []struct {
		lang  Lang
		token string
	}{
		{EN, "developedandmaintainedthebillingplatform"}, // 40 letters
		{FR, "responsabledelamigrationverslecloudpublic"},
	} {
		get(c.lang)
		b.Run(string(c.lang), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Segment(c.lang, c.token)
			}
		})
	}
}

func TestLoaded(t *testing.T) {
	get(EN)
	if !Loaded(EN) || Loaded("de") {
		t.Errorf("Loaded(en) = %v, Loaded(de) = %v", Loaded(EN), Loaded("de"))
	}
}
