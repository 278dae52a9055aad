package rules

import (
	"fmt"
	"path/filepath"
	"time"
)

// Analysis is shared work computed at most once per file, and only when a
// rule that runs requires it (go/analysis's Requires and ResultOf).
type Analysis struct {
	Name     string
	Requires []*Analysis
	Run      func(*Document) any
}

// Result computes a (and what it requires) on first use and caches it.
func (d *Document) Result(a *Analysis) any {
	for _, r := range d.results {
		if r.a == a {
			return r.v
		}
	}
	for _, r := range a.Requires {
		d.Result(r)
	}
	v := a.Run(d)
	d.results = append(d.results, analysisResult{a, v})
	return v
}

// Pass is what one rule sees of one file.
type Pass struct {
	Doc  *Document
	Rule *Rule
	// Now is "today" for date rules: --now, the config's now, or the clock.
	Now     time.Time
	options map[string]any
	out     *[]rawFinding
	allowed map[*Analysis]bool

	fileExists func(string) bool
	links      LinkChecker
}

// FileExists reports whether a path relative to the linted file exists;
// known is false when the engine was given no file system, or the text
// came from standard input without a name (shown as "<stdin>").
func (p *Pass) FileExists(rel string) (exists, known bool) {
	if p.fileExists == nil || p.Doc.Path == "" || p.Doc.Path == "-" || p.Doc.Path == "<stdin>" {
		return false, false
	}
	return p.fileExists(filepath.Join(filepath.Dir(p.Doc.Path), filepath.FromSlash(rel))), true
}

type rawFinding struct {
	rule *Rule
	Finding
}

// Report records a finding of the pass's rule.
func (p *Pass) Report(f Finding) {
	*p.out = append(*p.out, rawFinding{p.Rule, f})
}

// ResultOf returns an analysis the rule declared in Requires; asking for an
// undeclared one is a programming error caught by the rule's tests.
func (p *Pass) ResultOf(a *Analysis) any {
	if !p.allowed[a] {
		panic(fmt.Sprintf("rule %s uses analysis %s without requiring it", p.Rule.ID, a.Name))
	}
	return p.Doc.Result(a)
}

// Option returns the configured value of a rule option, or its default.
func (p *Pass) Option(name string) any {
	if v, ok := p.options[name]; ok {
		return v
	}
	v, _ := p.Rule.OptionDefault(name)
	return v
}

// IntOption reads an integer option.
func (p *Pass) IntOption(name string) int {
	switch v := p.Option(name).(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

// StringsOption reads a list-of-strings option.
func (p *Pass) StringsOption(name string) []string {
	switch v := p.Option(name).(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

func closure(as []*Analysis, into map[*Analysis]bool) {
	for _, a := range as {
		if !into[a] {
			into[a] = true
			closure(a.Requires, into)
		}
	}
}
