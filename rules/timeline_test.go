package rules_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/cvlint/cvlint/rules"
)

// BenchmarkModel is the CV model alone (cvmodel.Build through
// TimelineAnalysis) over the benchmark corpus: the documents are parsed
// and their prose views built beforehand. The headings' section kinds,
// which the document caches, are classified in the first round only.
// Besides the wall time it reports the process's CPU time per run
// (cpu-ns/op, garbage collection included), steadier on a shared machine.
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
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			rules.TimelineAnalysis.Run(d)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
