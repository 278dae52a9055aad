package rules

import (
	"fmt"
	"strings"
)

// UnusedDirective is reported by the engine itself: a directive that
// silences nothing hides the next real finding, and a misspelt rule id
// silences nothing at all.
var UnusedDirective = Register(&Rule{
	ID:       "unused-directive",
	Title:    "an inline cvlint directive silences nothing",
	Severity: Info,
	Engine:   true,
	Doc: Doc{
		Why:  "A `cvlint-disable` comment that matches no finding is noise that outlives the problem it was written for, and a directive naming a rule that does not exist silences nothing (that case is a warning).",
		Bad:  "<!-- cvlint-disable-next-line mojibake -- the line below is clean -->\n## Experience",
		Good: "<!-- cvlint-disable-next-line date-overlap -- two part-time jobs -->\n### Teaching assistant, 2019 – 2021",
	},
})

type directiveKind int

const (
	dirDisable directiveKind = iota
	dirEnable
	dirNextLine
	dirLine
	dirFile
)

type directive struct {
	kind       directiveKind
	rules      []string // empty: every rule
	line       int      // line the directive is on (its last line for next-line)
	target     int      // for next-line and line: the line it applies to
	start, end int
	used       map[string]bool
}

type directives struct {
	list []*directive
	doc  *Document
}

var directiveRE = lazyRegexp(`<!--\s*cvlint-(disable-next-line|disable-line|disable-file|disable|enable)\b((?:[^-]|-[^-])*)(?:--((?:[^-]|-[^-])*))?(?:--)?\s*-->`)

func parseDirectives(doc *Document) *directives {
	ds := &directives{doc: doc}
	for _, h := range doc.HTML {
		text := string(doc.Source[h.Start:h.End])
		if !strings.Contains(text, "cvlint-") {
			continue
		}
		for _, m := range directiveRE().FindAllStringSubmatchIndex(text, -1) {
			kindText := text[m[2]:m[3]]
			args := text[m[4]:m[5]]
			d := &directive{start: h.Start + m[0], end: h.Start + m[1], used: map[string]bool{}}
			d.line = doc.Lines.Pos(d.start).Line
			switch kindText {
			case "disable":
				d.kind = dirDisable
			case "enable":
				d.kind = dirEnable
			case "disable-next-line":
				d.kind = dirNextLine
				d.target = nextNonBlankLine(doc, doc.Lines.Pos(d.end).Line+1)
			case "disable-line":
				d.kind = dirLine
				d.target = d.line
			case "disable-file":
				d.kind = dirFile
			}
			for _, f := range strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
				d.rules = append(d.rules, f)
			}
			ds.list = append(ds.list, d)
		}
	}
	return ds
}

func nextNonBlankLine(doc *Document, n int) int {
	for ; n <= doc.Lines.Count(); n++ {
		if strings.TrimSpace(string(doc.Lines.LineText(n))) != "" {
			return n
		}
	}
	return n
}

func (d *directive) names(rule string) bool {
	if len(d.rules) == 0 {
		return true
	}
	for _, r := range d.rules {
		if r == rule {
			return true
		}
	}
	return false
}

func (d *directive) markUsed(rule string) {
	if len(d.rules) == 0 {
		d.used["*"] = true
	} else {
		d.used[rule] = true
	}
}

// suppress says whether a finding of rule on line is silenced, and marks
// the directive that silenced it as used.
func (ds *directives) suppress(rule string, line int) bool {
	if rule == UnusedDirective.ID {
		return false
	}
	var hit *directive
	var rangeDir *directive
	for _, d := range ds.list {
		if !d.names(rule) {
			continue
		}
		switch d.kind {
		case dirFile:
			hit = d
		case dirLine, dirNextLine:
			if d.target == line && hit == nil {
				hit = d
			}
		case dirDisable, dirEnable:
			if d.line <= line {
				rangeDir = d
			}
		}
	}
	if hit == nil && rangeDir != nil && rangeDir.kind == dirDisable {
		hit = rangeDir
	}
	if hit != nil {
		hit.markUsed(rule)
		return true
	}
	return false
}

// unused reports directives that silenced nothing and unknown rule ids.
func (ds *directives) unused(e *Engine) []rawFinding {
	var out []rawFinding
	for _, d := range ds.list {
		if d.kind == dirEnable {
			for _, r := range d.rules {
				if _, ok := Lookup(r); !ok {
					out = append(out, rawFinding{UnusedDirective, Finding{Start: d.start, End: d.end, Severity: Warning,
						Message: fmt.Sprintf("directive names unknown rule %q", r)}})
				}
			}
			continue
		}
		if len(d.rules) == 0 {
			if !d.used["*"] {
				out = append(out, rawFinding{UnusedDirective, Finding{Start: d.start, End: d.end,
					Message: "directive silenced no finding; remove it"}})
			}
			continue
		}
		var idle []string
		for _, r := range d.rules {
			if _, ok := Lookup(r); !ok {
				out = append(out, rawFinding{UnusedDirective, Finding{Start: d.start, End: d.end, Severity: Warning,
					Message: fmt.Sprintf("directive names unknown rule %q", r)}})
				continue
			}
			if !d.used[r] && e.enabled(r) {
				idle = append(idle, r)
			}
		}
		if len(idle) > 0 {
			out = append(out, rawFinding{UnusedDirective, Finding{Start: d.start, End: d.end,
				Message: fmt.Sprintf("directive for %s silenced no finding; remove it", strings.Join(idle, ", "))}})
		}
	}
	return out
}
