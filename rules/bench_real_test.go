package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/cvlint/cvlint/rules"
)

// realCVDir holds the real CVs of the development set (issue 9). They are
// not in the repository: the benchmarks and tests that read them skip when
// the folder is absent.
const realCVDir = "../../shared/realcv/cvs"

// realCorpus reads the real CVs, sorted by name, or skips the benchmark.
func realCorpus(tb testing.TB) ([][]byte, []string) {
	tb.Helper()
	entries, err := os.ReadDir(realCVDir)
	if err != nil {
		tb.Skipf("real CVs not found (%v): the real-corpus benchmarks need ../shared/realcv beside the clone", err)
	}
	var c [][]byte
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(realCVDir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		c = append(c, data)
		names = append(names, e.Name())
	}
	sort.Sort(byName{c, names})
	return c, names
}

type byName struct {
	c     [][]byte
	names []string
}

func (s byName) Len() int           { return len(s.c) }
func (s byName) Less(i, j int) bool { return s.names[i] < s.names[j] }
func (s byName) Swap(i, j int) {
	s.c[i], s.c[j] = s.c[j], s.c[i]
	s.names[i], s.names[j] = s.names[j], s.names[i]
}

// BenchmarkRealParseOnly is goldmark with GFM on the real CVs: the floor
// that ../shared/bench/ratio.sh compares cvlint with.
func BenchmarkRealParseOnly(b *testing.B) {
	c, _ := realCorpus(b)
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

// BenchmarkRealLint is every default rule on the real CVs; its ratio to
// BenchmarkRealParseOnly is the figure the performance issue targets.
func BenchmarkRealLint(b *testing.B) {
	c, names := realCorpus(b)
	lintCorpus(b, rules.NewEngine(rules.Settings{Now: fixtureNow}), c, names)
}

// BenchmarkRealRule is BenchmarkRule on the real CVs: one rule at a time,
// read against BenchmarkRealRule/none.
func BenchmarkRealRule(b *testing.B) {
	c, names := realCorpus(b)
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
