package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// options holds the lint command's flags.
type options struct {
	formats       []string
	output        string
	failOn        string
	enable        []string
	disable       []string
	configPath    string
	color         string
	jobs          int
	now           string
	stdinFilename string
	exclude       []string
	maxSize       int64
	noIgnore      bool
	fix           string
	diff          bool
	online        bool
	allowPrivate  bool
	noCache       bool
	minScore      int
	pathPrefix    string
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &options{}
	root := &cobra.Command{
		Use:   "cvlint [PATH...]",
		Short: "Lint CVs written in Markdown or plain text",
		Long: `cvlint finds what a recruiter sees at once and a spell checker misses:
mojibake, words glued together by PDF extraction, broken links, jobs without
dates or with overlapping dates, placeholders and stray PDF bullets.

Folders are walked for .md, .markdown and .txt files; files named on the
command line are linted whatever their extension; "-" reads standard input.`,
		Example: `  cvlint ./cvs
  cvlint --format json cv.md
  cvlint --format text --format sarif=results.sarif .
  cvlint --fix --diff cv.md`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, o, args, stdin, stdout, stderr)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	f := root.Flags()
	f.StringArrayVarP(&o.formats, "format", "f", nil, "report format: text, json, sarif, github or html; FORMAT=FILE writes that report to FILE (repeatable)")
	f.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a finding is at or above this severity: error, warning, info or none")
	f.StringSliceVar(&o.enable, "enable", nil, "turn on `RULE` even if the config turns it off (repeatable, comma-separated)")
	f.StringSliceVar(&o.disable, "disable", nil, "turn off `RULE` (repeatable, comma-separated)")
	f.StringVarP(&o.configPath, "config", "c", "", "read the configuration from `FILE` instead of looking for .cvlint.yaml")
	f.StringVar(&o.color, "color", "auto", "colour the text report: auto, always or never (NO_COLOR is honoured)")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "lint `N` files in parallel")
	f.StringVar(&o.now, "now", "", "take `YYYY-MM-DD` as today for the date rules")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the `PATH` to show for standard input (-)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "skip files matching `GLOB` (doublestar syntax, repeatable)")
	f.Int64Var(&o.maxSize, "max-size", 10<<20, "skip files larger than `BYTES` with an error")
	f.BoolVar(&o.noIgnore, "no-ignore", false, "do not honour .gitignore files")
	f.StringVar(&o.fix, "fix", "", "apply fixes: safe fixes with --fix, or only the named rules with --fix=RULE[,RULE] (\"safe\" names the safe ones)")
	f.Lookup("fix").NoOptDefVal = "safe"
	f.BoolVar(&o.diff, "diff", false, "with --fix, print a unified diff of the fixes and write nothing")
	f.StringVar(&o.pathPrefix, "path-prefix", "", "prepend `DIR` to the relative paths shown in reports (when cvlint runs in a sub-folder of the repository, as in CI)")
	f.IntVar(&o.minScore, "min-score", 0, "exit 1 when a CV's quality score (0–100) is below `N`")
	f.BoolVar(&o.online, "online", false, "also check http(s) links over the network (never without this flag)")
	f.BoolVar(&o.allowPrivate, "allow-private", false, "with --online, allow links to loopback and private addresses (intranets, tests)")
	f.BoolVar(&o.noCache, "no-cache", false, "with --online, ignore the 24 h cache of link results")
	root.SetVersionTemplate("cvlint {{.Version}}\n")

	root.AddCommand(newRulesCmd(), newExplainCmd(), newVersionCmd(), newConfigCmd(), newTimelineCmd())
	return root
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		if v != "" && v != "(devel)" {
			return v
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, fmt.Errorf("--now %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

func usageErr(format string, a ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, a...)}
}

// wantColor decides colour for the text report on w.
func wantColor(mode string, w io.Writer) (bool, error) {
	switch strings.ToLower(mode) {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if _, ok := os.LookupEnv("NO_COLOR"); ok && os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		if os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := w.(*os.File)
		return ok && isTerminal(f), nil
	}
	return false, fmt.Errorf("--color %q: want auto, always or never", mode)
}
