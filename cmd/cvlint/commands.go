package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/cvlint/cvlint/report"
	"github.com/cvlint/cvlint/rules"
)

func newRulesCmd() *cobra.Command {
	var markdown bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if markdown {
				_, err := io.WriteString(cmd.OutOrStdout(), RuleReference())
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tTITLE")
			for _, r := range rules.All() {
				fix := ""
				if r.SafeFix {
					fix = "safe"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print the rule reference in Markdown (as in the README)")
	return cmd
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: why it matters, a bad and a good example, its options",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := rules.Lookup(args[0])
			if !ok {
				return usageErr("unknown rule %q; `cvlint rules` lists them", args[0])
			}
			_, err := io.WriteString(cmd.OutOrStdout(), Explain(r))
			return err
		},
	}
}

// Explain renders a rule's Doc for the terminal.
func Explain(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n\n", r.ID, r.Severity, r.Title)
	fmt.Fprintf(&b, "Why\n%s\n\n", report.Indent(wrap(r.Doc.Why, 76), "  "))
	fmt.Fprintf(&b, "Bad\n%s\n\n", report.Indent(r.Doc.Bad, "  "))
	fmt.Fprintf(&b, "Good\n%s\n", report.Indent(r.Doc.Good, "  "))
	if r.SafeFix {
		b.WriteString("\nFix\n  `cvlint --fix` applies this rule's fixes.\n")
	}
	b.WriteString("\nOptions (.cvlint.yaml)\n")
	fmt.Fprintf(&b, "  %s:\n    enabled: true\n    severity: %s\n", r.ID, r.Severity)
	for _, o := range sortedOptions(r) {
		fmt.Fprintf(&b, "    %s: %s", o.Name, yamlish(o.Default))
		if o.Help != "" {
			fmt.Fprintf(&b, "   # %s", o.Help)
		}
		if len(o.Choices) > 0 {
			fmt.Fprintf(&b, " (any of: %s)", strings.Join(o.Choices, ", "))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\nMore: %s\n", r.HelpURI())
	return b.String()
}

// RuleReference is the README's rule reference, generated from the Docs.
func RuleReference() string {
	var b strings.Builder
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "### `%s`\n\n**%s** · default severity `%s`", r.ID, r.Title, r.Severity)
		if r.SafeFix {
			b.WriteString(" · fixed by `--fix`")
		}
		fmt.Fprintf(&b, "\n\n%s\n\nBad:\n\n```markdown\n%s\n```\n\nGood:\n\n```markdown\n%s\n```\n", r.Doc.Why, r.Doc.Bad, r.Doc.Good)
		if opts := sortedOptions(r); len(opts) > 0 {
			b.WriteString("\nOptions:\n\n")
			for _, o := range opts {
				fmt.Fprintf(&b, "- `%s` (default `%s`): %s", o.Name, yamlish(o.Default), o.Help)
				if len(o.Choices) > 0 {
					fmt.Fprintf(&b, "; any of `%s`", strings.Join(o.Choices, "`, `"))
				}
				b.WriteByte('\n')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func sortedOptions(r *rules.Rule) []rules.Option {
	opts := append([]rules.Option(nil), r.Doc.Options...)
	sort.Slice(opts, func(i, j int) bool { return opts[i].Name < opts[j].Name })
	return opts
}

func yamlish(v any) string {
	switch v := v.(type) {
	case []string:
		if len(v) == 0 {
			return "[]"
		}
		return "[" + strings.Join(v, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func wrap(s string, width int) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				out = append(out, line)
				line = w
				continue
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print cvlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "cvlint %s\n", version())
			return err
		},
	}
}

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "config", Short: "Work with the .cvlint.yaml configuration"}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented .cvlint.yaml with every rule and option at its default (FILE \"-\" prints it)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := rules.ConfigFileName
			if len(args) == 1 {
				path = args[0]
			}
			text := rules.DefaultConfigYAML()
			if path == "-" {
				_, err := io.WriteString(cmd.OutOrStdout(), text)
				return err
			}
			if _, err := os.Stat(path); err == nil && !force {
				return usageErr("%s already exists; use --force to overwrite it", path)
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return usageErr("%v", err)
			}
			if err := writeFileAtomic(path, []byte(text), 0o644); err != nil {
				return &exitError{code: ExitError, err: err}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", path)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	cmd.AddCommand(initCmd)
	return cmd
}
