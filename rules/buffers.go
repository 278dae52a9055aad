package rules

import "sync"

// docBuffers are the per-file buffers of the prose and lower-case
// analyses, reused from one file to the next. Only LintBytes, which owns
// its document and returns nothing that points into these buffers
// (FileResult keeps Source and Lines, which are not pooled), attaches
// them; a document parsed by a caller allocates its own.
type docBuffers struct {
	prose Prose
	runs  []Span
	at    []int
	lower LowerProse
	keys  lowerKeys // repeated-words
	// keywords backs the keywords analysis (offsets only: nothing to
	// clear).
	keywords Keywords
	// results backs Document.results: a file computes a handful of
	// analyses, which would otherwise grow the slice four times.
	results [8]analysisResult
}

var bufferPool = sync.Pool{New: func() any { return new(docBuffers) }}

// maxPooledBytes keeps a huge file's buffers out of the pool.
const maxPooledBytes = 1 << 20

func getBuffers() *docBuffers { return bufferPool.Get().(*docBuffers) }

// put clears what points into the document (the AST nodes of the blocks)
// and returns the buffers to the pool.
func (b *docBuffers) put() {
	if cap(b.prose.Text) > maxPooledBytes || cap(b.prose.Blocks) > maxPooledBytes/16 || cap(b.keys) > maxPooledBytes/16 || cap(b.keywords.occ) > maxPooledBytes/16 {
		return
	}
	clear(b.results[:])
	clear(b.prose.Blocks)
	b.prose.Blocks = b.prose.Blocks[:0]
	b.lower = LowerProse{ASCII: b.lower.ASCII}
	bufferPool.Put(b)
}

// grow returns s emptied, with room for n elements.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// sized returns s with length n; the contents are not cleared.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
