// Package rules owns cvlint's rule engine: the parsed document every rule
// shares, the shared analyses computed once per file, the rules themselves
// (one file per rule id) and the post-processing that turns raw findings
// into sorted, de-duplicated diagnostics.
//
// Heavy pieces that know nothing of rules live in sub-packages: the date
// grammar (dates), the mojibake detector (mojibake), the word lists and
// segmenter (lexicon), the online link checker (linkcheck) and file
// discovery (discover).
package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Severity orders findings; a higher value is more severe.
type Severity int

const (
	SeverityNone Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	case SeverityNone:
		return "none"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads the spelling used by the CLI and the config file.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	case "none", "off":
		return SeverityNone, nil
	}
	return SeverityNone, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// Doc is the single source of a rule's documentation: `cvlint explain`,
// the README reference and the SARIF rule descriptors all read it.
type Doc struct {
	Why     string
	Bad     string
	Good    string
	Options []Option
}

// Option documents one per-rule setting of .cvlint.yaml with its default.
type Option struct {
	Name    string
	Default any
	Help    string
	// Choices, when set, are the only values a list option may hold: a
	// misspelt value is a config error, not a silent no-op.
	Choices []string
}

// Rule is data: the engine runs Run once per file with a Pass that holds
// the analyses listed in Requires.
type Rule struct {
	ID       string
	Title    string
	Severity Severity
	Doc      Doc
	Requires []*Analysis
	// SafeFix marks rules whose fixes `--fix` applies without being named;
	// others (a word split can be wrong) need `--fix=RULE`.
	SafeFix bool
	// Engine rules are reported by the engine itself, not by Run.
	Engine bool
	Run    func(*Pass)
}

// HelpURI is where SARIF consumers send a reader for the full rule text.
func (r *Rule) HelpURI() string {
	return "https://github.com/cvlint/cvlint/blob/main/README.md#" + r.ID
}

// OptionDefault returns the documented default of option name.
func (r *Rule) OptionDefault(name string) (any, bool) {
	if o := r.option(name); o != nil {
		return o.Default, true
	}
	return nil, false
}

func (r *Rule) option(name string) *Option {
	for i := range r.Doc.Options {
		if r.Doc.Options[i].Name == name {
			return &r.Doc.Options[i]
		}
	}
	return nil
}

var registry = map[string]*Rule{}

// Register adds a rule to the catalogue; rule files call it from init.
func Register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule id " + r.ID)
	}
	registry[r.ID] = r
	return r
}

// All returns every registered rule sorted by id.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by id.
func Lookup(id string) (*Rule, bool) {
	r, ok := registry[id]
	return r, ok
}

// Edit replaces Source[Start:End] with New.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a set of non-overlapping edits; the same value drives --fix,
// --diff, the JSON suggestion and SARIF fixes.
type Fix struct {
	Edits []Edit
}

// Finding is what a rule reports: a byte range of the decoded source.
type Finding struct {
	Start, End int
	Message    string
	// Severity overrides the rule's severity when set (an unverifiable
	// link is info while a broken one is an error).
	Severity Severity
	Fix      *Fix
	// Suggestion overrides the text derived from Fix.
	Suggestion string
}

// lazyRegexp compiles an expression on first use: most are behind cheap
// prefilters, and a run over one file should not pay for them all at
// start-up.
func lazyRegexp(pat string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pat) })
}
