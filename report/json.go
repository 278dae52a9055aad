package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON contract in RULES.md. Bump it only
// with a breaking change: scripts key on it.
const JSONVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Files    []jsonFile    `json:"files"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	// A pointer because an empty suggestion (delete this) differs from
	// none at all.
	Suggestion *string `json:"suggestion,omitempty"`
}

type jsonFile struct {
	Path     string `json:"path"`
	Findings int    `json:"findings"`
	Score    int    `json:"score"` // see Score; adding a key is not a breaking change
	Error    string `json:"error"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Findings int `json:"findings"`
	Error    int `json:"error"`
	Warning  int `json:"warning"`
	Info     int `json:"info"`
}

// JSON writes the version 1 report of RULES.md: two-space indentation, a
// trailing newline, byte-for-byte the same for the same results.
func JSON(w io.Writer, run *Run) error {
	rep := jsonReport{Version: JSONVersion, Findings: []jsonFinding{}, Files: []jsonFile{}}
	for _, f := range sortedFindings(run) {
		d := f.d
		jf := jsonFinding{
			Path: slashPath(f.file.Path), Line: d.Pos.Line, Column: d.Pos.Column,
			Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
		}
		if d.EndPos.Line > 0 {
			jf.EndLine, jf.EndColumn = d.EndPos.Line, d.EndPos.Column
		}
		if d.HasSuggestion {
			s := d.Suggestion
			jf.Suggestion = &s
		}
		rep.Findings = append(rep.Findings, jf)
	}
	for _, f := range run.Files {
		rep.Files = append(rep.Files, jsonFile{Path: slashPath(f.Path), Findings: len(f.Diagnostics), Score: Score(f), Error: f.Error})
	}
	c := Summary(run)
	rep.Summary = jsonSummary{Files: c.Files, Findings: c.Findings, Error: c.Errors, Warning: c.Warnings, Info: c.Infos}
	return encodeJSON(w, rep)
}

// encodeJSON indents with two spaces and leaves <, > and & alone: the
// output is meant for people and scripts, not for embedding in HTML, and
// "\u003c" in a message quoting a CV's "<email>" only confuses both.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
