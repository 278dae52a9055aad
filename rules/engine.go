package rules

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cvlint/cvlint/rules/linkcheck"
)

// Diagnostic is a finding after post-processing: positioned, with its
// final severity, ready for a reporter.
type Diagnostic struct {
	Rule        string
	Severity    Severity
	Message     string
	Start, End  int // byte offsets into FileResult.Source
	Pos, EndPos Position
	// Suggestion replaces Source[Start:End] when HasSuggestion is set.
	Suggestion    string
	HasSuggestion bool
	Fix           *Fix
}

// FileResult is everything the reporters need to know about one file.
type FileResult struct {
	Path        string
	Error       string
	Encoding    string
	BOM         int
	Source      []byte
	Lines       *LineIndex
	Diagnostics []Diagnostic
	// Fixed is set when --fix changed (or, with --diff, would change) it.
	Fixed bool
	// Timeline holds the dated entries for charts (the HTML report); it is
	// filled only when the engine runs with Settings.WantTimeline.
	Timeline []TimelineBar
}

// TimelineBar is one dated entry of a CV, flattened for reports that draw
// it. Months count from year 0 (year*12 + month-1); End is inclusive.
type TimelineBar struct {
	Label      string
	Section    string // "experience", "education", …
	Kind       string // "job", "volunteering", …
	Line       int
	Depth      int // 0 for a top-level entry, 1 for a mission under it, …
	Start, End int
	Open       bool // runs to the present
	Overlaps   bool // overlaps a sibling beyond the tolerance
}

// Settings is the resolved configuration the engine runs with.
type Settings struct {
	Disabled map[string]bool
	Severity map[string]Severity
	Options  map[string]map[string]any
	Now      time.Time
	// Links checks http(s) links online (--online); nil keeps cvlint
	// offline, which is the default.
	Links LinkChecker
	// WantTimeline asks for FileResult.Timeline (costs the timeline
	// analysis even when no date rule runs).
	WantTimeline bool
	// FileExists answers for relative links; nil means the file system is
	// not consulted (Pass.FileExists also skips unnamed standard input).
	FileExists func(path string) bool
}

// LinkChecker checks URLs over the network; *linkcheck.Checker is one.
type LinkChecker interface {
	Check(ctx context.Context, urls []string) map[string]linkcheck.Result
}

// Engine runs the enabled rules over files. It is safe for concurrent use:
// each call to Lint works on its own document.
type Engine struct {
	rules    []*Rule
	settings Settings
	// allowed holds, for each rule, the analyses it may ask for: its
	// Requires and theirs, computed once rather than per file.
	allowed map[*Rule]map[*Analysis]bool
}

// NewEngine resolves which rules run and with which severity.
func NewEngine(s Settings) *Engine {
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	e := &Engine{settings: s}
	for _, r := range All() {
		if s.Disabled[r.ID] {
			continue
		}
		if sev, ok := s.Severity[r.ID]; ok && sev == SeverityNone {
			continue
		}
		e.rules = append(e.rules, r)
	}
	e.allowed = make(map[*Rule]map[*Analysis]bool, len(e.rules))
	for _, r := range e.rules {
		allowed := map[*Analysis]bool{}
		closure(r.Requires, allowed)
		e.allowed[r] = allowed
	}
	return e
}

// Rules lists the rules this engine runs.
func (e *Engine) Rules() []*Rule { return e.rules }

func (e *Engine) enabled(id string) bool {
	for _, r := range e.rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// IsPlain says whether a path is linted as plain text rather than Markdown.
func IsPlain(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".txt")
}

// LintBytes decodes, parses and lints one file's content.
func (e *Engine) LintBytes(path string, raw []byte) FileResult {
	dec, err := Decode(raw)
	if err != nil {
		return FileResult{Path: path, Error: err.Error()}
	}
	doc := Parse(path, dec, IsPlain(path))
	// The document is ours: its analyses may borrow pooled buffers, as
	// nothing of them outlives LintDocument.
	doc.buffers = getBuffers()
	doc.results = doc.buffers.results[:0]
	res := e.LintDocument(doc)
	doc.buffers.put()
	doc.buffers, doc.results = nil, nil
	return res
}

// LintDocument runs the rules over a parsed document and post-processes
// their findings: directives, severities, positions, sorting, de-duplication.
func (e *Engine) LintDocument(doc *Document) FileResult {
	var raw []rawFinding
	// One Pass per file, refilled for each rule: rules run one after the
	// other and none keeps its Pass once Run returns.
	p := &Pass{Doc: doc, Now: e.settings.Now, out: &raw, fileExists: e.settings.FileExists, links: e.settings.Links}
	for _, r := range e.rules {
		if r.Run == nil {
			continue
		}
		allowed, ok := e.allowed[r]
		if !ok {
			allowed = map[*Analysis]bool{}
			closure(r.Requires, allowed)
		}
		p.Rule, p.options, p.allowed = r, e.settings.Options[r.ID], allowed
		r.Run(p)
	}
	dirs := parseDirectives(doc)
	kept := raw
	if len(dirs.list) > 0 {
		kept = raw[:0]
		for _, f := range raw {
			if !dirs.suppress(f.rule.ID, doc.Lines.Pos(f.Start).Line) {
				kept = append(kept, f)
			}
		}
		if e.enabled(UnusedDirective.ID) {
			kept = append(kept, dirs.unused(e)...)
		}
	}
	res := FileResult{Path: doc.Path, Encoding: doc.Encoding, BOM: doc.BOM, Source: doc.Source, Lines: doc.Lines}
	if len(kept) > 0 {
		res.Diagnostics = make([]Diagnostic, 0, len(kept))
	}
	for _, f := range kept {
		res.Diagnostics = append(res.Diagnostics, e.diagnostic(doc, f))
	}
	if e.settings.WantTimeline {
		res.Timeline = timelineBars(doc, e.settings)
	}
	sortDiagnostics(res.Diagnostics)
	res.Diagnostics = dedupe(res.Diagnostics)
	return res
}

func (e *Engine) diagnostic(doc *Document, f rawFinding) Diagnostic {
	sev := f.rule.Severity
	if f.Severity != SeverityNone {
		sev = f.Severity
	}
	if s, ok := e.settings.Severity[f.rule.ID]; ok {
		sev = s
	}
	start, end := clamp(f.Start, len(doc.Source)), clamp(f.End, len(doc.Source))
	if end < start {
		end = start
	}
	d := Diagnostic{Rule: f.rule.ID, Severity: sev, Message: f.Message, Fix: f.Fix}
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		for _, ed := range f.Fix.Edits {
			start, end = min(start, ed.Start), max(end, ed.End)
		}
		d.Suggestion, d.HasSuggestion = applyEdits(doc.Source[start:end], f.Fix.Edits, start), true
	}
	if f.Suggestion != "" {
		d.Suggestion, d.HasSuggestion = f.Suggestion, true
	}
	d.Start, d.End = start, end
	d.Pos, d.EndPos = doc.Lines.Pos(start), doc.Lines.Pos(end)
	return d
}

func clamp(v, n int) int { return max(0, min(v, n)) }

// applyEdits applies non-overlapping edits to text that starts at offset
// base of the source.
func applyEdits(text []byte, edits []Edit, base int) string {
	es := append([]Edit(nil), edits...)
	sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	var b strings.Builder
	pos := base
	for _, ed := range es {
		if ed.Start < pos {
			continue // overlapping edit: the first one wins
		}
		b.Write(text[pos-base : ed.Start-base])
		b.WriteString(ed.New)
		pos = ed.End
	}
	b.Write(text[pos-base:])
	return b.String()
}

func sortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Column, b.Pos.Column); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := cmp.Compare(a.End, b.End); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}

func dedupe(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for i, d := range ds {
		if i > 0 {
			p := out[len(out)-1]
			if p.Rule == d.Rule && p.Start == d.Start && p.End == d.End && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// Counts tallies diagnostics by severity.
func Counts(ds []Diagnostic) map[Severity]int {
	m := map[Severity]int{}
	for _, d := range ds {
		m[d.Severity]++
	}
	return m
}

// ApplyFixes returns the source with the fixes of the given diagnostics
// applied and the number of edits made. A fix is taken whole or not at
// all: one that overlaps a fix already taken is skipped, so a multi-edit
// fix is never half applied.
func ApplyFixes(src []byte, ds []Diagnostic, take func(Diagnostic) bool) ([]byte, int) {
	var taken []Edit // sorted by Start, free of overlaps
	overlaps := func(ed Edit) bool {
		// Taken edits are disjoint and sorted, so their ends are sorted too.
		i := sort.Search(len(taken), func(i int) bool { return taken[i].End >= ed.Start })
		for ; i < len(taken) && taken[i].Start <= ed.End; i++ {
			t := taken[i]
			if t.Start < ed.End && ed.Start < t.End {
				return true
			}
			// Two insertions at one point: their order would be a guess.
			if t.Start == ed.Start && (t.Start == t.End || ed.Start == ed.End) {
				return true
			}
		}
		return false
	}
	for _, d := range ds {
		if d.Fix == nil || !take(d) {
			continue
		}
		ok := true
		for _, ed := range d.Fix.Edits {
			if ed.Start < 0 || ed.End > len(src) || ed.Start > ed.End || overlaps(ed) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, ed := range d.Fix.Edits {
			i := sort.Search(len(taken), func(i int) bool { return taken[i].Start > ed.Start })
			taken = slices.Insert(taken, i, ed)
		}
	}
	if len(taken) == 0 {
		return src, 0
	}
	var out []byte
	pos := 0
	for _, ed := range taken {
		out = append(out, src[pos:ed.Start]...)
		out = append(out, ed.New...)
		pos = ed.End
	}
	out = append(out, src[pos:]...)
	return out, len(taken)
}
