// Package discover turns the paths given on the command line into the
// ordered list of files to lint: folders are walked for CVs, .gitignore
// files and --exclude globs are honoured, symlink loops are cut.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// File is one file to lint, or a path that could not be walked.
type File struct {
	Path string // as the user would write it: relative stays relative, '/'-separated
	Err  error
}

// Options tunes the walk.
type Options struct {
	// Exclude holds doublestar globs matched against the path as given
	// and against the path relative to the folder being walked.
	Exclude []string
	// NoIgnore turns off .gitignore handling.
	NoIgnore bool
}

// skipDirs are never walked, at any depth.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// IsCV says whether a file met in a folder walk is linted.
func IsCV(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// Walk expands paths. Files named explicitly are linted whatever their
// extension (pre-commit passes file names) unless an --exclude glob says
// otherwise; the result is sorted and free of duplicates.
func Walk(paths []string, opt Options) []File {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range opt.Exclude {
		if !doublestar.ValidatePattern(p) {
			return []File{{Path: p, Err: fmt.Errorf("invalid --exclude pattern %q", p)}}
		}
	}
	w := &walker{opt: opt, seen: map[string]bool{}, visited: map[string]bool{}}
	var stdin bool
	for _, p := range paths {
		if p == Stdin {
			stdin = true
			continue
		}
		w.root(p)
	}
	sort.SliceStable(w.out, func(i, j int) bool { return w.out[i].Path < w.out[j].Path })
	if stdin {
		w.out = append([]File{{Path: Stdin}}, w.out...)
	}
	return w.out
}

type walker struct {
	opt     Options
	out     []File
	seen    map[string]bool // output paths, to drop duplicates
	visited map[string]bool // real folder paths, to cut symlink loops
}

func (w *walker) add(f File) {
	if w.seen[f.Path] {
		return
	}
	w.seen[f.Path] = true
	w.out = append(w.out, f)
}

func (w *walker) excluded(given, rel string) bool {
	for _, p := range w.opt.Exclude {
		for _, cand := range []string{given, rel, strings.TrimPrefix(given, "./")} {
			if ok, _ := doublestar.Match(p, cand); ok {
				return true
			}
		}
	}
	return false
}

func (w *walker) root(p string) {
	clean := filepath.ToSlash(filepath.Clean(p))
	st, err := os.Stat(p)
	if err != nil {
		w.add(File{Path: clean, Err: friendly(err)})
		return
	}
	if !st.IsDir() {
		if !w.excluded(clean, filepath.Base(clean)) {
			w.add(File{Path: clean})
		}
		return
	}
	var ign *ignorer
	if !w.opt.NoIgnore {
		ign = newIgnorer(p)
	}
	w.dir(p, clean, "", ign)
}

func (w *walker) dir(fsPath, shown, rel string, ign *ignorer) {
	real, err := filepath.EvalSymlinks(fsPath)
	if err == nil {
		if abs, err2 := filepath.Abs(real); err2 == nil {
			real = abs
		}
		if w.visited[real] {
			return // a symlink loop, or a folder reached twice
		}
		w.visited[real] = true
	}
	entries, err := os.ReadDir(fsPath)
	if err != nil {
		w.add(File{Path: shown, Err: friendly(err)})
		return
	}
	if ign != nil {
		ign.load(fsPath, rel)
	}
	for _, e := range entries {
		name := e.Name()
		childFS := filepath.Join(fsPath, name)
		childShown := joinShown(shown, name)
		childRel := name
		if rel != "" {
			childRel = rel + "/" + name
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(childFS)
			if err != nil {
				continue // a dangling link is not a CV
			}
			isDir = st.IsDir()
		}
		if isDir && skipDirs[name] {
			continue
		}
		if ign != nil && ign.ignored(childRel, isDir) {
			continue
		}
		if w.excluded(childShown, childRel) {
			continue
		}
		if isDir {
			w.dir(childFS, childShown, childRel, ign)
			continue
		}
		if IsCV(name) {
			w.add(File{Path: childShown})
		}
	}
}

func joinShown(dir, name string) string {
	if dir == "." {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

func friendly(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ignorer applies the .gitignore files of the repository that holds the
// walked folder: those of its ancestors up to the repository root, and
// those met during the walk.
type ignorer struct {
	prefix   []string // the walked folder relative to the repository root
	patterns []gitignore.Pattern
}

func newIgnorer(dir string) *ignorer {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return &ignorer{}
	}
	root := abs
	for {
		if _, err := os.Stat(filepath.Join(root, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			root = abs // not in a repository: only the walked tree counts
			break
		}
		root = parent
	}
	ig := &ignorer{}
	relRoot, _ := filepath.Rel(root, abs)
	if relRoot != "." {
		ig.prefix = strings.Split(filepath.ToSlash(relRoot), "/")
	}
	// Ancestors' .gitignore files, outermost first.
	for i := 0; i < len(ig.prefix); i++ {
		ig.readFile(filepath.Join(root, filepath.FromSlash(strings.Join(ig.prefix[:i], "/")), ".gitignore"), ig.prefix[:i])
	}
	return ig
}

func (ig *ignorer) readFile(path string, domain []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ig.patterns = append(ig.patterns, gitignore.ParsePattern(line, append([]string(nil), domain...)))
	}
}

func (ig *ignorer) load(fsDir, rel string) {
	domain := append([]string(nil), ig.prefix...)
	if rel != "" {
		domain = append(domain, strings.Split(rel, "/")...)
	}
	ig.readFile(filepath.Join(fsDir, ".gitignore"), domain)
}

func (ig *ignorer) ignored(rel string, isDir bool) bool {
	if len(ig.patterns) == 0 {
		return false
	}
	path := append(append([]string(nil), ig.prefix...), strings.Split(rel, "/")...)
	return gitignore.NewMatcher(ig.patterns).Match(path, isDir)
}
