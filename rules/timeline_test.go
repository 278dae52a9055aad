package rules_test

import (
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// BenchmarkModel is the CV model alone (cvmodel.Build through
// TimelineAnalysis) over the benchmark corpus: the documents are parsed
// and their prose views built beforehand. The headings' section kinds,
// which the document caches, are classified in the first round only.
func BenchmarkModel(b *testing.B) {
	c := corpus()
	docs := make([]*rules.Document, len(c))
	for i, cv := range c {
		docs[i] = rules.Parse("cv.md", rules.Decoded{Text: cv}, false)
		docs[i].Result(rules.ProseAnalysis)
	}
	b.SetBytes(corpusBytes(c))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			rules.TimelineAnalysis.Run(d)
		}
	}
}
