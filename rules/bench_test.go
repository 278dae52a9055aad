package rules_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/cvlint/cvlint/rules"
)

// corpusSize is the number of generated CVs the benchmarks lint.
const corpusSize = 2000

var (
	firstNames = []string{"Jane", "Camille", "Priya", "Jonas", "Ana", "Marc", "Zoé", "Oliver", "Inès", "Kenji", "Lucía", "Théo"}
	lastNames  = []string{"Doe", "Lefèvre", "Natarajan", "Meyer", "Souza", "Dupont", "Martin", "Okafor", "Haddad", "Sato", "García", "Moreau"}
	companies  = []string{"Example Corp", "Acme Widgets", "Exemple SA", "Globex", "Initech", "Société Fictive", "Umbrella Labs", "Nordwind GmbH"}
	rolesEN    = []string{"Software Engineer", "Platform Engineer", "Data Engineer", "Engineering Manager", "DevOps Engineer", "Site Reliability Engineer"}
	rolesFR    = []string{"Ingénieure DevOps", "Développeur Java", "Cheffe de projet", "Administrateur systèmes", "Architecte cloud", "Consultant data"}
	bulletsEN  = []string{
		"Built the billing platform in Go and PostgreSQL, serving 2 million requests a day.",
		"Migrated 40 services to Kubernetes with Argo CD ApplicationSets and CloudNativePG.",
		"Led a team of five engineers; introduced OpenTelemetry tracing across the stack.",
		"Reduced cloud costs by 30 % with rightsizing and spot instances.",
		"Wrote the on-call runbooks and cut the mean time to recovery in half.",
		"Designed the event pipeline (Kafka, Flink) feeding the analytics warehouse.",
	}
	bulletsFR = []string{
		"Mise en place de la supervision avec Grafana et Prometheus pour 300 serveurs.",
		"Migration des applications vers Kubernetes et automatisation avec Ansible.",
		"Encadrement d’une équipe de quatre développeurs ; revue de code et mentorat.",
		"Réduction de 30 % des coûts d’hébergement grâce à l’optimisation des ressources.",
		"Rédaction des procédures d’astreinte et formation des équipes d’exploitation.",
		"Conception d’une API REST en Java 17 et Spring Boot pour la facturation.",
	}
	defects = []string{
		"- [Talk slides](#)", "- Kuber\u200bnetes and Terraform", "- RÃ©sumÃ© available on request",
		"- See [my blog](www.blog.example)", "", "", "", "",
	}
)

// generateCV writes a CV-like Markdown file: English or French, with a
// name, contact line, dated experience, education, skills, links and,
// now and then, a defect.
func generateCV(r *rand.Rand) []byte {
	var b strings.Builder
	fr := r.Intn(2) == 0
	name := firstNames[r.Intn(len(firstNames))] + " " + lastNames[r.Intn(len(lastNames))]
	fmt.Fprintf(&b, "# %s\n\n", name)
	fmt.Fprintf(&b, "%s@example.com · +33 6 %02d %02d %02d %02d · [GitHub](https://github.com/example-%d)\n\n",
		strings.ToLower(strings.Fields(name)[0]), r.Intn(100), r.Intn(100), r.Intn(100), r.Intn(100), r.Intn(1000))
	exp, edu, skills, bullets, roles := "Experience", "Education", "Skills", bulletsEN, rolesEN
	if fr {
		exp, edu, skills, bullets, roles = "Expérience professionnelle", "Formation", "Compétences", bulletsFR, rolesFR
	}
	fmt.Fprintf(&b, "## %s\n\n", exp)
	year := 2025
	for j := 0; j < 3+r.Intn(5); j++ {
		start := year - 1 - r.Intn(4)
		fmt.Fprintf(&b, "### %s, %s\n\n*%d – %d*\n\n", roles[r.Intn(len(roles))], companies[r.Intn(len(companies))], start, year)
		for k := 0; k < 2+r.Intn(4); k++ {
			fmt.Fprintf(&b, "- %s\n", bullets[r.Intn(len(bullets))])
		}
		if d := defects[r.Intn(len(defects))]; d != "" {
			b.WriteString(d + "\n")
		}
		b.WriteString("\n")
		year = start
	}
	fmt.Fprintf(&b, "## %s\n\n### MSc, Université d’Exemple\n\n*%d – %d*\n\n", edu, year-2, year)
	fmt.Fprintf(&b, "## %s\n\n- Go, Python, `kubectl`, Terraform, PostgreSQL\n- Anglais, français\n\n", skills)
	b.WriteString("```bash\nkubectl get pods -A\n```\n")
	return []byte(b.String())
}

func corpus() [][]byte {
	r := rand.New(rand.NewSource(42))
	out := make([][]byte, corpusSize)
	for i := range out {
		out[i] = generateCV(r)
	}
	return out
}

// TestWriteCorpus writes the benchmark corpus to $CVLINT_CORPUS_DIR so the
// command-line benchmark (hyperfine) runs on the same files.
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("CVLINT_CORPUS_DIR")
	if dir == "" {
		t.Skip("set CVLINT_CORPUS_DIR to write the benchmark corpus")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, cv := range corpus() {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("cv-%04d.md", i)), cv, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// cpuMeter adds a cpu-ms/op metric to a benchmark: the process's CPU time
// per iteration, which moves less than ns/op when other work shares the
// machine.
type cpuMeter struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) cpuMeter {
	t, _ := processCPU()
	b.ResetTimer()
	return cpuMeter{b, t}
}

func (m cpuMeter) stop() {
	m.b.StopTimer()
	if t, ok := processCPU(); ok && m.b.N > 0 {
		m.b.ReportMetric(float64(t-m.start)/float64(time.Millisecond)/float64(m.b.N), "cpu-ms/op")
	}
}

// corpusNames are the files' names, made before the timer starts.
func corpusNames(c [][]byte) []string {
	names := make([]string, len(c))
	for j := range c {
		names[j] = fmt.Sprintf("cv-%04d.md", j)
	}
	return names
}

func corpusBytes(c [][]byte) int64 {
	var n int64
	for _, cv := range c {
		n += int64(len(cv))
	}
	return n
}

// BenchmarkParseOnly is the baseline: goldmark with GFM, nothing else,
// the parse any GFM linter starts from. cvlint's own parse (GFM with its
// linkify pass, see rules/linkify.go, and front matter) counts in
// BenchmarkLint.
func BenchmarkParseOnly(b *testing.B) {
	c := corpus()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.SetBytes(corpusBytes(c))
	m := startCPU(b)
	for i := 0; i < b.N; i++ {
		for _, cv := range c {
			md.Parser().Parse(text.NewReader(cv), parser.WithContext(parser.NewContext()))
		}
	}
	m.stop()
}

// BenchmarkLint is decode, parse and every default rule; the figure to
// watch is its ratio to BenchmarkParseOnly.
func BenchmarkLint(b *testing.B) {
	c := corpus()
	names := corpusNames(c)
	lintCorpus(b, rules.NewEngine(rules.Settings{Now: fixtureNow}), c, names)
}

// lintCorpus lints every file of the corpus b.N times.
func lintCorpus(b *testing.B, eng *rules.Engine, c [][]byte, names []string) {
	b.SetBytes(corpusBytes(c))
	m := startCPU(b)
	for i := 0; i < b.N; i++ {
		for j, cv := range c {
			eng.LintBytes(names[j], cv)
		}
	}
	m.stop()
}

// BenchmarkAdversarial lints inputs built to hit quadratic paths: many
// findings on one long line, thousands of overlapping dated headings,
// runs of markup. Each should stay near linear in its size; the goldmark
// parser itself is quadratic on deeply nested lists and on long runs of
// "[a](", which is why --max-size exists.
func BenchmarkAdversarial(b *testing.B) {
	var headings strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&headings, "%s Acme %d-%d Dev\n\n", strings.Repeat("#", i%6+1), 2000+i%20, 2001+i%20)
	}
	cases := map[string]string{
		"lorem-one-line":    strings.Repeat("lorem ipsum TODO [Your Name] {NAME} ", 5000),
		"phones-one-line":   strings.Repeat("06 12 34 56 78 ", 10000),
		"html-tags":         strings.Repeat("<b>", 20000),
		"spaced-emphasis":   strings.Repeat("*a ", 20000),
		"dated-headings":    headings.String(),
		"mojibake-one-line": strings.Repeat("Ã©", 50000),
		"bullets":           strings.Repeat("• item\n", 20000),
		"at-signs-one-run":  strings.Repeat("@", 50000),
		"at-signs-emphasis": strings.Repeat("@*", 25000),
	}
	names := make([]string, 0, len(cases))
	for k := range cases {
		names = append(names, k)
	}
	sort.Strings(names)
	eng := rules.NewEngine(rules.Settings{Now: fixtureNow})
	for _, name := range names {
		src := []byte(cases[name])
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				eng.LintBytes("adversarial.md", src)
			}
		})
	}
}

// BenchmarkRule lints the corpus with one rule enabled at a time, so the
// cost of a rule (with the analyses it needs) reads as its figure minus
// BenchmarkRule/none, which is decode, parse and the engine alone.
func BenchmarkRule(b *testing.B) {
	c := corpus()
	names := corpusNames(c)
	ids := []string{"none"}
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		disabled := map[string]bool{}
		for _, r := range rules.All() {
			disabled[r.ID] = r.ID != id
		}
		eng := rules.NewEngine(rules.Settings{Now: fixtureNow, Disabled: disabled})
		b.Run(id, func(b *testing.B) { lintCorpus(b, eng, c, names) })
	}
}
