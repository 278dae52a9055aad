package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ConfigFileName is looked up in the working folder and its parents.
const ConfigFileName = ".cvlint.yaml"

// Config is the content of a .cvlint.yaml file.
type Config struct {
	Path    string
	Now     time.Time
	Exclude []string
	Rules   map[string]RuleConfig
}

// RuleConfig is one rule's entry in the config file.
type RuleConfig struct {
	Enabled  *bool
	Severity *Severity
	Options  map[string]any
}

// ConfigError points at the line of the config file that is wrong.
type ConfigError struct {
	Path string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// FindConfig looks for .cvlint.yaml in dir and its parents, stopping at
// the root of the repository (the folder holding .git).
func FindConfig(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// LoadConfig reads and validates a config file.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, data)
}

// ParseConfig validates every key: an unknown key, rule or option is an
// error with its line, because a typo that silently does nothing is worse.
func ParseConfig(path string, data []byte) (*Config, error) {
	cfg := &Config{Path: path, Rules: map[string]RuleConfig{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &ConfigError{Path: path, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return cfg, nil
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &ConfigError{path, top.Line, "the config must be a mapping of keys to values"}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if isNull(v) && k.Value != "now" && k.Value != "exclude" {
			// A rule whose settings are all commented out: known rule,
			// nothing changed (YAML would decode null as false).
			if _, ok := Lookup(k.Value); ok {
				continue
			}
		}
		switch k.Value {
		case "now":
			if isNull(v) {
				continue
			}
			t, err := time.Parse("2006-01-02", v.Value)
			if err != nil {
				return nil, &ConfigError{path, v.Line, fmt.Sprintf("now: %q is not a YYYY-MM-DD date", v.Value)}
			}
			cfg.Now = t
		case "exclude":
			list, err := stringList(v)
			if err != nil {
				return nil, &ConfigError{path, v.Line, "exclude: " + err.Error()}
			}
			cfg.Exclude = list
		default:
			r, ok := Lookup(k.Value)
			if !ok {
				return nil, &ConfigError{path, k.Line, fmt.Sprintf("unknown key %q (not a rule id, nor now or exclude)%s", k.Value, didYouMean(k.Value))}
			}
			rc, err := parseRuleConfig(path, r, v)
			if err != nil {
				return nil, err
			}
			cfg.Rules[r.ID] = rc
		}
	}
	return cfg, nil
}

func isNull(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && v.Tag == "!!null"
}

func parseRuleConfig(path string, r *Rule, v *yaml.Node) (RuleConfig, error) {
	rc := RuleConfig{Options: map[string]any{}}
	if v.Kind == yaml.ScalarNode {
		// `rule: false` or `rule: warning` as a shorthand.
		var b bool
		if err := v.Decode(&b); err == nil {
			rc.Enabled = &b
			return rc, nil
		}
		s, err := ParseSeverity(v.Value)
		if err != nil {
			return rc, &ConfigError{path, v.Line, r.ID + ": " + err.Error()}
		}
		rc.Severity = &s
		return rc, nil
	}
	if v.Kind != yaml.MappingNode {
		return rc, &ConfigError{path, v.Line, r.ID + ": want a mapping of settings"}
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if isNull(val) && (k.Value == "enabled" || k.Value == "severity" || r.option(k.Value) != nil) {
			continue // left empty: the default, not false or zero
		}
		switch k.Value {
		case "enabled":
			var b bool
			if err := val.Decode(&b); err != nil {
				return rc, &ConfigError{path, val.Line, r.ID + ".enabled: want true or false"}
			}
			rc.Enabled = &b
		case "severity":
			s, err := ParseSeverity(val.Value)
			if err != nil {
				return rc, &ConfigError{path, val.Line, r.ID + ".severity: " + err.Error()}
			}
			rc.Severity = &s
		default:
			opt := r.option(k.Value)
			if opt == nil {
				return rc, &ConfigError{path, k.Line, fmt.Sprintf("%s: unknown option %q%s", r.ID, k.Value, optionNames(r))}
			}
			x, err := decodeOption(opt.Default, val)
			if err != nil {
				return rc, &ConfigError{path, val.Line, fmt.Sprintf("%s.%s: %v", r.ID, k.Value, err)}
			}
			if list, ok := x.([]string); ok && len(opt.Choices) > 0 {
				for i, v := range list {
					if !slices.Contains(opt.Choices, v) {
						return rc, &ConfigError{path, val.Content[i].Line, fmt.Sprintf("%s.%s: %q is not one of %s", r.ID, k.Value, v, strings.Join(opt.Choices, ", "))}
					}
				}
			}
			rc.Options[k.Value] = x
		}
	}
	return rc, nil
}

func decodeOption(def any, v *yaml.Node) (any, error) {
	switch def.(type) {
	case int:
		var n int
		if err := v.Decode(&n); err != nil || n < 0 {
			return nil, errors.New("want a whole number ≥ 0")
		}
		return n, nil
	case bool:
		var b bool
		if err := v.Decode(&b); err != nil {
			return nil, errors.New("want true or false")
		}
		return b, nil
	case []string:
		return stringList(v)
	case string:
		if v.Kind != yaml.ScalarNode {
			return nil, errors.New("want a string")
		}
		return v.Value, nil
	}
	var x any
	err := v.Decode(&x)
	return x, err
}

func stringList(v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, errors.New("want a list of strings")
	}
	out := []string{}
	for _, c := range v.Content {
		if c.Kind != yaml.ScalarNode {
			return nil, errors.New("want a list of strings")
		}
		out = append(out, c.Value)
	}
	return out, nil
}

func optionNames(r *Rule) string {
	if len(r.Doc.Options) == 0 {
		return " (this rule has no options; use enabled or severity)"
	}
	var names []string
	for _, o := range r.Doc.Options {
		names = append(names, o.Name)
	}
	return " (options: enabled, severity, " + strings.Join(names, ", ") + ")"
}

func didYouMean(s string) string {
	best, bestD := "", 4
	for _, r := range All() {
		if d := editDistance(s, r.ID); d < bestD {
			best, bestD = r.ID, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Settings merges the config with the command line: --enable and
// --disable win over the file, --now over its now.
func (c *Config) Settings(enable, disable []string, now time.Time) (Settings, error) {
	s := Settings{Disabled: map[string]bool{}, Severity: map[string]Severity{}, Options: map[string]map[string]any{}, Now: now}
	if c != nil {
		for id, rc := range c.Rules {
			if rc.Enabled != nil && !*rc.Enabled {
				s.Disabled[id] = true
			}
			if rc.Severity != nil {
				s.Severity[id] = *rc.Severity
			}
			s.Options[id] = rc.Options
		}
		if s.Now.IsZero() {
			s.Now = c.Now
		}
	}
	for _, list := range [][]string{enable, disable} {
		for _, id := range list {
			if _, ok := Lookup(id); !ok {
				return s, fmt.Errorf("unknown rule %q%s", id, didYouMean(id))
			}
		}
	}
	for _, id := range disable {
		s.Disabled[id] = true
	}
	for _, id := range enable {
		delete(s.Disabled, id)
		if sev, ok := s.Severity[id]; ok && sev == SeverityNone {
			delete(s.Severity, id)
		}
	}
	return s, nil
}

// DefaultConfigYAML is what `cvlint config init` writes: every rule and
// option at its default, commented.
func DefaultConfigYAML() string {
	var b strings.Builder
	b.WriteString("# cvlint configuration: https://github.com/cvlint/cvlint#configuration\n")
	b.WriteString("# Every rule is listed at its default. Set `enabled: false` to turn one off,\n")
	b.WriteString("# `severity: error|warning|info` to change how it is reported.\n\n")
	b.WriteString("# Fix \"today\" for the date rules (YYYY-MM-DD); the clock when unset.\n# now: 2026-01-01\n\n")
	b.WriteString("# Files to skip (doublestar globs, relative to the folder linted).\nexclude: []\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "\n# %s\n%s:\n  enabled: true\n  severity: %s\n", r.Title, r.ID, r.Severity)
		opts := append([]Option(nil), r.Doc.Options...)
		sort.Slice(opts, func(i, j int) bool { return opts[i].Name < opts[j].Name })
		for _, o := range opts {
			if o.Help != "" {
				fmt.Fprintf(&b, "  # %s\n", o.Help)
			}
			if len(o.Choices) > 0 {
				fmt.Fprintf(&b, "  # any of: %s\n", strings.Join(o.Choices, ", "))
			}
			fmt.Fprintf(&b, "  %s: %s\n", o.Name, yamlValue(o.Default))
		}
	}
	return b.String()
}

func yamlValue(v any) string {
	switch v := v.(type) {
	case []string:
		if len(v) == 0 {
			return "[]"
		}
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = fmt.Sprintf("%q", s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case string:
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprint(v)
}
