package rules

import (
	"os"
	"path/filepath"
	"testing"
)

// benchDocs parses the corpus that TestWriteCorpus wrote to
// $CVLINT_CORPUS_DIR, for benchmarks of the analyses alone.
func benchDocs(b *testing.B) []*Document {
	dir := os.Getenv("CVLINT_CORPUS_DIR")
	if dir == "" {
		b.Skip("set CVLINT_CORPUS_DIR to a corpus written by TestWriteCorpus")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var docs []*Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		dec, err := Decode(raw)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Parse(f, dec, false))
	}
	return docs
}

// BenchmarkLowerKeywords times the lower-case and keyword analyses over
// the prose of the corpus.
func BenchmarkLowerKeywords(b *testing.B) {
	docs := benchDocs(b)
	bufs := getBuffers()
	texts := make([]*Prose, len(docs))
	for i, d := range docs {
		texts[i] = d.Result(ProseAnalysis).(*Prose)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			d.buffers = bufs
			d.results = []analysisResult{{ProseAnalysis, texts[j]}}
			d.Result(KeywordsAnalysis)
			bufs.lower = LowerProse{ASCII: bufs.lower.ASCII}
		}
	}
}

// BenchmarkTextRules lints the parsed corpus with personal-data and
// placeholder-text alone (or neither: "prose" computes only the prose
// view they share with other rules), without the decode and parse that
// dominate BenchmarkRule.
func BenchmarkTextRules(b *testing.B) {
	docs := benchDocs(b)
	for _, name := range []string{"prose", "personal-data", "placeholder-text", "both"} {
		disabled := map[string]bool{}
		for _, r := range All() {
			disabled[r.ID] = !(name == "both" && (r.ID == "personal-data" || r.ID == "placeholder-text") || r.ID == name)
		}
		eng := NewEngine(Settings{Disabled: disabled})
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					d.buffers, d.results = getBuffers(), nil
					if name == "prose" {
						d.Result(ProseAnalysis)
					} else {
						eng.LintDocument(d)
					}
					d.buffers.put()
					d.buffers, d.results = nil, nil
				}
			}
		})
	}
}

// BenchmarkWarm times the analyses of personal-data and placeholder-text
// on each file's prose many times in a row, warm in the cache as in a
// lint, which reads a file's prose right after making it; ms/corpus is
// the time of one pass over the corpus.
func BenchmarkWarm(b *testing.B) {
	docs := benchDocs(b)
	bufs := getBuffers()
	var texts []*Prose
	for _, d := range docs {
		texts = append(texts, d.Result(ProseAnalysis).(*Prose))
	}
	const rep = 20
	b.Run("lower", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for j, d := range docs {
				d.buffers = bufs
				for r := 0; r < rep; r++ {
					d.results = []analysisResult{{ProseAnalysis, texts[j]}}
					d.Result(LowerProseAnalysis)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rep/1e6, "ms/corpus")
	})
	b.Run("lower+keywords", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for j, d := range docs {
				d.buffers = bufs
				for r := 0; r < rep; r++ {
					d.results = []analysisResult{{ProseAnalysis, texts[j]}}
					d.Result(KeywordsAnalysis)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rep/1e6, "ms/corpus")
	})
	b.Run("digits", func(b *testing.B) {
		n := 0
		for i := 0; i < b.N; i++ {
			for j := range docs {
				for r := 0; r < rep; r++ {
					n += countDigitBytes(texts[j].Text)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rep/1e6, "ms/corpus")
	})
}
