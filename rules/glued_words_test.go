package rules_test

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cvlint/cvlint/rules"
	"github.com/cvlint/cvlint/rules/lexicon"
)

// textEngine returns an engine that runs the given rules, with options.
func textEngine(opts map[string]map[string]any, ids ...string) *rules.Engine {
	on := map[string]bool{}
	for _, id := range ids {
		on[id] = true
	}
	s := rules.Settings{Disabled: map[string]bool{}, Options: opts, Now: fixtureNow}
	for _, r := range rules.All() {
		if !on[r.ID] {
			s.Disabled[r.ID] = true
		}
	}
	return rules.NewEngine(s)
}

func textMessages(res rules.FileResult) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Message))
	}
	return out
}

func TestGluedWordsAllow(t *testing.T) {
	src := []byte("# Camille\n\nJ’ai conçu lessolutionsdesupervision et Grafana.Les tableaux.\n")
	if got := textMessages(textEngine(nil, "glued-words").LintBytes("cv.md", src)); len(got) != 2 {
		t.Fatalf("without allow: got %q, want two findings", got)
	}
	opts := map[string]map[string]any{"glued-words": {"allow": []any{"LesSolutionsDeSupervision", "Grafana.Les"}}}
	if got := textMessages(textEngine(opts, "glued-words").LintBytes("cv.md", src)); len(got) != 0 {
		t.Fatalf("with allow: got %q, want none", got)
	}
}

func TestRepeatedWordsAllow(t *testing.T) {
	src := []byte("# Sam\n\nVolunteered in Bora Bora and Walla Walla for the the reef survey.\n")
	opts := map[string]map[string]any{"repeated-words": {"allow": []any{"Bora Bora", "walla"}}}
	got := textMessages(textEngine(opts, "repeated-words").LintBytes("cv.md", src))
	if len(got) != 1 || !strings.Contains(got[0], `"the"`) {
		t.Fatalf("got %q, want only the the", got)
	}
}

// typicalCV is a CV with no glued-word candidate: no punctuation glued to
// a word, and its runs of 15 lower-case letters are frequent real words.
const typicalCV = `# Jane Doe

jane.doe@example.com · +33 6 12 34 56 78 · [GitHub](https://github.com/example-jane)

## Experience

### Platform Engineer, Example Corp — 2021 – 2025

- Built the billing platform in Go and PostgreSQL, serving 2 million requests a day.
- Migrated 40 services to Kubernetes with Argo CD ApplicationSets and CloudNativePG.
- Led a team of five engineers; introduced OpenTelemetry tracing across the stack.
- Wrote deploy.sh and the README.md; upgraded Node to v18.2.0.

### Ingénieure DevOps, Société Fictive — 2018 – 2021

- Mise en place de la supervision avec Grafana et Prometheus pour 300 serveurs.
- Migration des applications vers Kubernetes et automatisation avec Ansible.
- Responsabilités : infrastructures, recommandations, caractéristiques ; responsibilities, recommendations.

## Skills

- Go, Python, ` + "`kubectl`" + `, Terraform, PostgreSQL
`

const gluedCV = typicalCV + "\n## Profil\n\nJ’ai conçu lessolutionsdesupervision avec Grafana.Lesdonnées centralisées.\n"

// TestGluedWordsLazyLexicon checks, in a fresh process where nothing has
// loaded the lexicon yet, that a CV without candidates does not load it
// and that one with a
// candidate does.
func TestGluedWordsLazyLexicon(t *testing.T) {
	if os.Getenv("CVLINT_LAZY_CHILD") == "1" {
		lazyChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGluedWordsLazyLexicon$", "-test.v")
	cmd.Env = append(os.Environ(), "CVLINT_LAZY_CHILD=1")
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("child: %v", err)
	}
}

func lazyChild(t *testing.T) {
	eng := textEngine(nil, "glued-words")
	alloc := func() uint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.TotalAlloc
	}
	before := alloc()
	start := time.Now()
	if got := textMessages(eng.LintBytes("cv.md", []byte(typicalCV))); len(got) != 0 {
		t.Fatalf("typical CV: unexpected %q", got)
	}
	plain, plainTime := alloc()-before, time.Since(start)
	plainLoaded := lexicon.Loaded(lexicon.EN) || lexicon.Loaded(lexicon.FR)
	before, start = alloc(), time.Now()
	if got := textMessages(eng.LintBytes("cv.md", []byte(gluedCV))); len(got) != 2 {
		t.Fatalf("glued CV: got %q, want two findings", got)
	}
	glued, gluedTime := alloc()-before, time.Since(start)
	t.Logf("no candidate: %v, %d KB allocated; first glued candidate: %v, %d KB allocated", plainTime, plain>>10, gluedTime, glued>>10)
	if plain > 2<<20 || plainLoaded {
		t.Errorf("a CV without candidates allocated %d KB; lexicon loaded: %v", plain>>10, plainLoaded)
	}
	if !lexicon.Loaded(lexicon.EN) && !lexicon.Loaded(lexicon.FR) {
		t.Errorf("a CV with a candidate did not load the lexicon")
	}
}

func BenchmarkGluedWords(b *testing.B) {
	eng := textEngine(nil, "glued-words")
	for _, c := range []struct{ name, src string }{{"no-candidate", typicalCV}, {"glued", gluedCV}} {
		eng.LintBytes("cv.md", []byte(c.src)) // load what the case needs once
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				eng.LintBytes("cv.md", []byte(c.src))
			}
		})
	}
}

// BenchmarkTextRules is the three rules of this file set on a typical CV,
// against parsing alone (no rule).
func BenchmarkTextRules(b *testing.B) {
	for _, c := range []struct {
		name string
		ids  []string
	}{{"parse-only", nil}, {"glued+repeated+broken", []string{"glued-words", "repeated-words", "broken-paragraph"}}} {
		eng := textEngine(nil, c.ids...)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				eng.LintBytes("cv.md", []byte(typicalCV))
			}
		})
	}
}

// TestGluedWordsNeverFlags lists tokens of real CVs that are not glued
// words, in English and French.
func TestGluedWordsNeverFlags(t *testing.T) {
	lines := []string{
		"Stack: Node.js, Vue.js, Next.js, ASP.NET, Asp.Net, VB.NET, C#, F#, .NET, S3, k8s, PhD, MSc.",
		"Cities: Saint-Germain-en-Laye, Aix-en-Provence, St-Étienne, aujourd’hui, qu’elle, l’Université.",
		"Lists: Python,Go; HTML,CSS,JavaScript; 1,2,3.",
		"Worked at Acme Inc. again; see Fig.3 and No.5; approx.10 people.",
		"Decimals 3,5 and 12,75; versions 1.2.3; v2.0; 2.5x faster; 10.000 users.",
		"Names: McDonald, O’Connor, DevOps, GitHub, JavaScript, TypeScript, LinkedIn, iOS, macOS.",
		"Long words: internationalization, counterintuitively, anticonstitutionnellement, conteneurisation, interopérabilité.",
		"Hashes and ids: a3f9c2e1b7d4f6a8, deadbeefcafebabe, tail_n_mail, speech2text, #infrastructureascode, @responsibleforthemigration.",
		"Files: deploy.sh, README.md, docker-compose.yml, Makefile, values.yaml, app.example.io, www.example.fr.",
		"Initials: J.R.R. Tolkien, J.-P. Martin, M.Sc, Ph.D, U.S., e.g., i.e., etc.",
	}
	eng := textEngine(nil, "glued-words")
	for _, l := range lines {
		if got := textMessages(eng.LintBytes("cv.md", []byte("# CV\n\n"+l+"\n"))); len(got) != 0 {
			t.Errorf("%s\n  unexpected: %q", l, got)
		}
	}
}
