// Package report owns cvlint's output formats: it turns the finished,
// sorted results of a run into text for a terminal, the stable JSON
// contract, SARIF 2.1.0 for code-scanning tools and GitHub workflow
// commands with a step summary.
//
// Printers take results and a writer and never see the parsed document:
// everything they need (positions, suggestions, fixes, the decoded source
// for the excerpt) is already in rules.FileResult. Text that comes from a
// CV is hostile input: every format that ends up on a terminal or in a web
// page neutralises it (see sanitize.go).
package report

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cvlint/cvlint/rules"
)

// Run is what every printer reports on.
type Run struct {
	Files   []rules.FileResult // in deterministic order, already sorted
	Rules   []*rules.Rule      // rules that ran
	Version string             // cvlint version
	// WorkDir is the directory absolute paths are made relative to and
	// that SARIF's %SRCROOT% stands for; empty means the process's
	// working directory. It exists so golden files do not depend on
	// where the tests run.
	WorkDir string
}

// Counts tallies a run; the text, JSON and GitHub summaries all print it.
type Counts struct {
	Files      int // files linted, including unreadable ones
	Findings   int
	Errors     int
	Warnings   int
	Infos      int
	FileErrors int // files that could not be read or decoded
}

// Summary counts findings per severity and files that failed.
func Summary(run *Run) Counts {
	c := Counts{Files: len(run.Files)}
	for _, f := range run.Files {
		if f.Error != "" {
			c.FileErrors++
		}
		for _, d := range f.Diagnostics {
			c.Findings++
			switch d.Severity {
			case rules.Error:
				c.Errors++
			case rules.Warning:
				c.Warnings++
			default:
				c.Infos++
			}
		}
	}
	return c
}

// finding pairs a diagnostic with its file so formats that list findings
// across files can sort them.
type finding struct {
	file *rules.FileResult
	d    *rules.Diagnostic
}

// sortedFindings returns every diagnostic sorted by path, line, column and
// rule, as the JSON contract requires. The engine sorts within a file and
// the caller sorts files, but re-sorting here keeps the contract true even
// if a caller hands files in another order.
func sortedFindings(run *Run) []finding {
	var out []finding
	for i := range run.Files {
		f := &run.Files[i]
		for j := range f.Diagnostics {
			out = append(out, finding{f, &f.Diagnostics[j]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if pa, pb := slashPath(a.file.Path), slashPath(b.file.Path); pa != pb {
			return pa < pb
		}
		if a.d.Pos.Line != b.d.Pos.Line {
			return a.d.Pos.Line < b.d.Pos.Line
		}
		if a.d.Pos.Column != b.d.Pos.Column {
			return a.d.Pos.Column < b.d.Pos.Column
		}
		if a.d.Rule != b.d.Rule {
			return a.d.Rule < b.d.Rule
		}
		if a.d.EndPos != b.d.EndPos {
			if a.d.EndPos.Line != b.d.EndPos.Line {
				return a.d.EndPos.Line < b.d.EndPos.Line
			}
			return a.d.EndPos.Column < b.d.EndPos.Column
		}
		return a.d.Message < b.d.Message
	})
	return out
}

// slashPath is the path as the user gave it, with / separators on every
// platform so reports compare equal across operating systems.
func slashPath(p string) string { return filepath.ToSlash(p) }

// relPath makes a path relative to the work directory when it lies inside
// it; code scanning and annotations resolve paths against the repository
// root, and an absolute runner path would match nothing. Otherwise it
// returns the absolute path and false.
func relPath(p, workDir string) (string, bool) {
	if !filepath.IsAbs(p) {
		c := filepath.Clean(p)
		if c != ".." && !strings.HasPrefix(c, ".."+string(filepath.Separator)) {
			return slashPath(c), true
		}
	}
	if workDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return slashPath(p), false
		}
		workDir = wd
	}
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(workDir, p)
	}
	rel, err := filepath.Rel(workDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		// Outside the work directory: the absolute path is the only
		// honest answer.
		return slashPath(abs), false
	}
	return slashPath(rel), true
}

// uriPath percent-escapes each segment of a /-separated path. ':' is
// escaped as well, although RFC 3986 allows it in a path segment, because a
// relative reference whose first segment holds a colon reads as a scheme.
func uriPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// fileURI turns an absolute directory or file path into a file: URI.
func fileURI(p string, dir bool) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive paths: file:///C:/...
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s) // keeps the colon of C:
	}
	u := "file://" + strings.Join(segs, "/")
	if dir && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// lineIndex returns the file's line index, building one for results put
// together by hand without it.
func lineIndex(f *rules.FileResult) *rules.LineIndex {
	if f.Lines != nil {
		return f.Lines
	}
	return rules.NewLineIndex(f.Source)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
