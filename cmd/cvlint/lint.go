package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
	"golang.org/x/term"

	"github.com/cvlint/cvlint/report"
	"github.com/cvlint/cvlint/rules"
	"github.com/cvlint/cvlint/rules/discover"
	"github.com/cvlint/cvlint/rules/linkcheck"
)

const stdinName = "<stdin>"

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func runLint(cmd *cobra.Command, o *options, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	failOn, err := rules.ParseSeverity(o.failOn)
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	outs, err := parseOutputs(o.formats, o.output)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	color, err := wantColor(o.color, stdout)
	if err != nil {
		return usageErr("%v", err)
	}
	now, err := parseNow(o.now)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.minScore < 0 || o.minScore > 100 {
		return usageErr("--min-score must be between 0 and 100")
	}
	if o.jobs < 1 {
		return usageErr("--jobs must be at least 1")
	}
	if o.diff && o.fix == "" {
		o.fix = "safe"
	}
	cfg, err := loadConfig(o.configPath)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	settings, err := cfg.Settings(o.enable, o.disable, now)
	if err != nil {
		return usageErr("%v", err)
	}
	settings.FileExists = func(p string) bool { _, err := os.Stat(p); return err == nil }
	for _, out := range outs {
		settings.WantTimeline = settings.WantTimeline || out.format == "html" // the report draws it
	}
	if o.online {
		checker := linkcheck.New(linkcheck.Options{
			AllowPrivate: o.allowPrivate,
			NoCache:      o.noCache,
			UserAgent:    linkcheck.UserAgent(version()),
		})
		defer checker.Close()
		settings.Links = checker
		// Files now wait on the network: lint more of them at once so
		// the checker's own limits (16 in all, 2 per host) set the pace.
		o.jobs = max(o.jobs, 16)
	}
	fixRule, err := parseFix(o.fix)
	if err != nil {
		return usageErr("%v", err)
	}
	if fixRule != nil && !o.diff && slices.Contains(args, discover.Stdin) {
		// --stdin-filename names the text, not a file to overwrite.
		return usageErr("--fix cannot write back to standard input; use --fix --diff to see the fixes")
	}
	exclude := append(append([]string(nil), o.exclude...), cfgExclude(cfg)...)
	files := discover.Walk(args, discover.Options{Exclude: exclude, NoIgnore: o.noIgnore})
	if len(files) == 1 && files[0].Err != nil && strings.HasPrefix(files[0].Err.Error(), "invalid --exclude") {
		return usageErr("%v", files[0].Err)
	}

	eng := rules.NewEngine(settings)
	results := make([]rules.FileResult, len(files))
	var stdinData []byte
	for _, f := range files {
		if f.Path == discover.Stdin {
			if stdinData, err = io.ReadAll(io.LimitReader(stdin, o.maxSize+1)); err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("reading standard input: %w", err)}
			}
		}
	}
	bar := newProgress(stderr, len(files))
	g, _ := errgroup.WithContext(context.Background())
	g.SetLimit(o.jobs)
	for i, f := range files {
		g.Go(func() error {
			results[i] = lintOne(eng, f, o, stdinData)
			if bar != nil {
				_ = bar.Add(1)
			}
			return nil
		})
	}
	_ = g.Wait()
	if bar != nil {
		_ = bar.Finish()
	}

	if fixRule != nil {
		results, err = applyFixes(eng, results, fixRule, o.diff, stdout, stderr)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		if o.diff {
			return exitFor(results, failOn, 0, true)
		}
	}

	if o.pathPrefix != "" {
		prefixPaths(results, o.pathPrefix)
	}
	run := &report.Run{Files: results, Rules: eng.Rules(), Version: version()}
	if o.pathPrefix != "" {
		// Paths now start at the repository root: SARIF's %SRCROOT% must
		// point there too, not at the sub-folder cvlint ran in.
		run.WorkDir = rootAbove(o.pathPrefix)
	}
	for _, out := range outs {
		if err := out.write(run, stdout, color); err != nil {
			return &exitError{code: ExitError, err: err}
		}
	}
	return exitFor(results, failOn, o.minScore, false)
}

// progressThreshold is the number of files above which a terminal gets a
// progress bar; small runs finish before a bar would be read.
const progressThreshold = 20

// newProgress returns a progress bar on stderr for big runs on a terminal,
// and nil in CI, when piping, or for a handful of files.
func newProgress(stderr io.Writer, n int) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if n <= progressThreshold || !ok || !isTerminal(f) || os.Getenv("CI") != "" {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("linting"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// prefixPaths makes report paths relative to the repository root when
// cvlint ran in a sub-folder: GitHub places annotations from the root.
func prefixPaths(results []rules.FileResult, prefix string) {
	prefix = filepath.ToSlash(filepath.Clean(prefix))
	for i, r := range results {
		if r.Path == stdinName || path.IsAbs(r.Path) || prefix == "." {
			continue
		}
		results[i].Path = path.Join(prefix, r.Path)
	}
}

// rootAbove returns the folder of which the working folder is prefix, or
// "" (the working folder) when it is not.
func rootAbove(prefix string) string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	p := filepath.Clean(filepath.FromSlash(prefix))
	if p == "." || filepath.IsAbs(p) || !strings.HasSuffix(wd, string(filepath.Separator)+p) {
		return ""
	}
	return strings.TrimSuffix(wd, string(filepath.Separator)+p)
}

func loadConfig(path string) (*rules.Config, error) {
	if path == "" {
		found, ok := rules.FindConfig(".")
		if !ok {
			return nil, nil
		}
		path = found
	}
	return rules.LoadConfig(path)
}

func cfgExclude(c *rules.Config) []string {
	if c == nil {
		return nil
	}
	return c.Exclude
}

func lintOne(eng *rules.Engine, f discover.File, o *options, stdinData []byte) rules.FileResult {
	if f.Err != nil {
		return rules.FileResult{Path: f.Path, Error: f.Err.Error()}
	}
	var data []byte
	path := f.Path
	if path == discover.Stdin {
		path = stdinName
		if o.stdinFilename != "" {
			path = filepath.ToSlash(o.stdinFilename)
		}
		data = stdinData
	} else {
		fh, err := os.Open(f.Path)
		if err != nil {
			return rules.FileResult{Path: path, Error: errText(err)}
		}
		defer fh.Close()
		data, err = io.ReadAll(io.LimitReader(fh, o.maxSize+1))
		if err != nil {
			return rules.FileResult{Path: path, Error: errText(err)}
		}
	}
	if int64(len(data)) > o.maxSize {
		return rules.FileResult{Path: path, Error: fmt.Sprintf("file larger than --max-size (%d bytes), skipped", o.maxSize)}
	}
	return eng.LintBytes(path, data)
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// exitFor maps the results to an exit code: per-file errors win, then
// findings at or above --fail-on.
func exitFor(results []rules.FileResult, failOn rules.Severity, minScore int, fixesPending bool) error {
	code := ExitOK
	for _, r := range results {
		if r.Error != "" {
			return &exitError{code: ExitError}
		}
		if minScore > 0 && report.Score(r) < minScore {
			code = ExitFindings
		}
		if failOn == rules.SeverityNone {
			continue
		}
		for _, d := range r.Diagnostics {
			if d.Severity >= failOn {
				code = ExitFindings
			}
		}
	}
	if fixesPending {
		code = ExitOK
		for _, r := range results {
			if r.Fixed {
				code = ExitFindings
			}
		}
	}
	if code == ExitOK {
		return nil
	}
	return &exitError{code: code}
}

// output is one requested report and where it goes.
type output struct {
	format string
	path   string // "" for standard output
}

var reportFormats = []string{"text", "json", "sarif", "github", "html"}

// splitFormats splits "text,json=out.json" into its reports. A comma
// starts a new report only when a format name follows it, so a file name
// may hold commas: "json=cv,final.json,sarif" is two reports.
func splitFormats(spec string) []string {
	var parts []string
	for _, p := range strings.Split(spec, ",") {
		name, _, _ := strings.Cut(p, "=")
		if len(parts) > 0 && !slices.Contains(reportFormats, strings.ToLower(strings.TrimSpace(name))) {
			parts[len(parts)-1] += "," + p
			continue
		}
		parts = append(parts, p)
	}
	return parts
}

func parseOutputs(specs []string, outPath string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	toStdout := 0
	files := map[string]string{}
	for _, s := range specs {
		for _, part := range splitFormats(s) {
			name, path, hasFile := strings.Cut(part, "=")
			name = strings.ToLower(strings.TrimSpace(name))
			if hasFile && strings.TrimSpace(path) == "" {
				return nil, fmt.Errorf("--format %s=: the file name is empty", name)
			}
			switch name {
			case "text", "json", "sarif", "github", "html":
			default:
				return nil, fmt.Errorf("--format %q: want text, json, sarif, github or html", name)
			}
			if path == "" {
				path = outPath
			}
			if path == "" || path == "-" {
				path = ""
				toStdout++
			} else {
				// A second report into the same file would overwrite
				// the first without a word.
				key := filepath.Clean(path)
				if prev, ok := files[key]; ok {
					return nil, fmt.Errorf("--format %s and --format %s both write to %s; give each report its own file", prev, name, path)
				}
				files[key] = name
			}
			outs = append(outs, output{format: name, path: path})
		}
	}
	if toStdout > 1 {
		return nil, errors.New("only one --format can write to standard output; give the others a file: --format sarif=results.sarif")
	}
	return outs, nil
}

func (o output) write(run *report.Run, stdout io.Writer, color bool) error {
	var buf bytes.Buffer
	var err error
	switch o.format {
	case "text":
		err = report.Text(&buf, run, report.TextOptions{Color: color && o.path == ""})
	case "json":
		err = report.JSON(&buf, run)
	case "sarif":
		err = report.SARIF(&buf, run)
	case "html":
		err = report.HTML(&buf, run)
	case "github":
		var summary bytes.Buffer
		err = report.GitHub(&buf, run, stepSummaryWriter(&summary))
		if err == nil && summary.Len() > 0 {
			err = appendFile(os.Getenv("GITHUB_STEP_SUMMARY"), summary.Bytes())
		}
	}
	if err != nil {
		return fmt.Errorf("%s report: %w", o.format, err)
	}
	if o.path == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
		return err
	}
	if err := writeFileAtomic(o.path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write the %s report to %s: %w", o.format, o.path, errors.Unwrap(err))
	}
	return nil
}

func stepSummaryWriter(w io.Writer) io.Writer {
	if os.Getenv("GITHUB_STEP_SUMMARY") == "" {
		return nil
	}
	return w
}

func appendFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
