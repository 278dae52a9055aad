package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/cvlint/cvlint/report"
	"github.com/cvlint/cvlint/rules"
)

// parseFix turns --fix's value into a predicate over findings: "safe"
// takes the rules marked SafeFix, other names take exactly those rules.
func parseFix(v string) (func(rules.Diagnostic) bool, error) {
	if v == "" {
		return nil, nil
	}
	safe := false
	named := map[string]bool{}
	for _, id := range strings.Split(v, ",") {
		id = strings.TrimSpace(id)
		if id == "safe" {
			safe = true
			continue
		}
		if _, ok := rules.Lookup(id); !ok {
			return nil, fmt.Errorf("--fix=%s: unknown rule %q", v, id)
		}
		named[id] = true
	}
	return func(d rules.Diagnostic) bool {
		if named[d.Rule] {
			return true
		}
		r, ok := rules.Lookup(d.Rule)
		return safe && ok && r.SafeFix
	}, nil
}

// applyFixes writes the fixes (or prints their diff) and re-lints fixed
// files, so the report shows what is left to do.
func applyFixes(eng *rules.Engine, results []rules.FileResult, take func(rules.Diagnostic) bool, diffOnly bool, stdout, stderr io.Writer) ([]rules.FileResult, error) {
	for i, r := range results {
		if r.Error != "" || (r.Path == stdinName && !diffOnly) {
			continue
		}
		fixed, n := rules.ApplyFixes(r.Source, r.Diagnostics, take)
		if n == 0 {
			continue
		}
		results[i].Fixed = true
		if diffOnly {
			d := udiff.Unified("a/"+r.Path, "b/"+r.Path, string(r.Source), string(fixed))
			if f, ok := stdout.(*os.File); ok && isTerminal(f) {
				// On a terminal a CV's escape sequences are shown, not
				// obeyed; piped to patch, the diff stays byte-exact.
				d = report.ForTerminal(d)
			}
			fmt.Fprint(stdout, d)
			continue
		}
		if r.Encoding != rules.EncUTF8 && r.Encoding != rules.EncUTF8BOM {
			fmt.Fprintf(stderr, "cvlint: %s: not fixed: the file is %s; save it as UTF-8 first\n", r.Path, r.Encoding)
			results[i].Fixed = false
			continue
		}
		out := fixed
		if r.BOM > 0 {
			out = append([]byte{0xEF, 0xBB, 0xBF}, fixed...)
		}
		mode := os.FileMode(0o644)
		if st, err := os.Stat(r.Path); err == nil {
			mode = st.Mode().Perm()
		}
		// Renaming over a symlink would replace the link with a copy:
		// write the file it points to.
		dest := r.Path
		if real, err := filepath.EvalSymlinks(r.Path); err == nil {
			dest = real
		}
		if err := writeFileAtomic(dest, out, mode); err != nil {
			return results, fmt.Errorf("%s: %w", r.Path, err)
		}
		fmt.Fprintf(stderr, "cvlint: %s: applied %d fix(es)\n", r.Path, n)
		results[i] = eng.LintBytes(r.Path, out)
		results[i].Fixed = true
	}
	return results, nil
}

// writeFileAtomic writes through a temporary file in the same folder and
// renames it over the target, so a crash never leaves half a CV behind.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".cvlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}
