package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkifyCases are the places where a bare address meets markup: each must
// parse to the same tree as GFM, either through the linkify pass or
// through its fallback.
var linkifyCases = []string{
	"jane@example.com · https://example.com/a?b=1&c=2 · www.example.org\n",
	"Site: (https://example.com/path) and (www.example.com).\n",
	"*https://example.com* and **jane@example.com** and _www.example.com_\n",
	"https://example.com/*a*b and https://example.com/_x_ and ~~www.example.com~~\n",
	"[see https://example.com and jane@example.com\n",
	"[note] https://example.com\n",
	"[GitHub](https://github.com/example) https://example.com\n",
	"`https://example.com` https://example.com`x`\n",
	"<https://example.com> <b>https://example.com</b>https://example.com\n",
	"\\*https://example.com \\_jane@example.com\n",
	"jane_doe@example.com jane.doe+cv@example.co.uk. x@y\n",
	"Email:\tjane@example.com\u00a0· tel\n",
	"| a | https://example.com |\n|---|---|\n| jane@example.com | www.example.com/x |\n",
	"- item https://example.com\n  - nested jane@example.com\n\n> quote www.example.com\n",
	"# Heading https://example.com\n\nSetext jane@example.com\n---\n",
	"https://example.com,https://example.org;jane@example.com.\n",
	"http://a.b http://x https:// ftp://files.example.com www. @ @@ a@b.c\n",
	"foo(https://example.com/wiki/Go_(lang)) bar\n",
	"https://example.com  \nhard break https://example.org\\\nnext\n",
	"---\ntitle: https://example.com\n---\nbody jane@example.com\n",
	"    code https://example.com\n\n```\nhttps://example.com\n```\n",
	"![alt https://example.com](img.png) ![x](https://example.com/i.png)https://example.com\n",
	"jane@example.com-x jane@example.com_y https://example.com/a-\n",
	"&amp;https://example.com &lt;jane@example.com&gt;\n",
	"\thttps://example.com/tab-indented\n",
	"Références : https://exemple.fr/référence et jean.dupont@exemple.fr\n",
}

// TestLinkifyPassMatchesGFM parses every fixture and case twice, with the
// linkify pass and with GFM's linkify, and compares the trees.
func TestLinkifyPassMatchesGFM(t *testing.T) {
	srcs := linkifySources(true)
	fallback := 0
	for name, src := range srcs {
		if !linkifyAgrees(t, name, src) {
			fallback++
		}
	}
	t.Logf("%d files, %d parsed again with GFM", len(srcs), fallback)
}

// linkifySources returns the fixture CVs, and the cases if asked.
func linkifySources(cases bool) map[string][]byte {
	srcs := map[string][]byte{}
	if cases {
		for i, c := range linkifyCases {
			srcs[fmt.Sprintf("case %d", i)] = []byte(c)
		}
	}
	_ = filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			if b, err := os.ReadFile(path); err == nil {
				srcs[path] = b
			}
		}
		return nil
	})
	return srcs
}

func FuzzLinkifyPass(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add([]byte(c))
	}
	for _, src := range linkifySources(false) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		linkifyAgrees(t, "fuzz", src)
	})
}

// linkifyAgrees fails t when the two parses differ, and reports whether
// the pass took the file without falling back.
func linkifyAgrees(t *testing.T, name string, src []byte) bool {
	t.Helper()
	gfm := markdownGFM.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	fast := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	ok := true
	if needles := addressNeedles(src); len(needles) > 0 {
		lk := linkifyPass{src: src, needles: needles}
		ok = lk.run(fast)
	}
	if !ok {
		return false
	}
	if got, want := dumpTree(fast, src), dumpTree(gfm, src); got != want {
		t.Errorf("%s: the linkify pass and GFM disagree\nsource: %q\npass:\n%s\nGFM:\n%s", name, src, got, want)
	}
	return true
}

// dumpTree writes a tree with adjacent text merged: GFM cuts text where
// linkify was tried, the pass does not, and no rule sees the difference.
func dumpTree(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				start, stop := t.Segment.Start, t.Segment.Stop
				for {
					next, ok := t.NextSibling().(*ast.Text)
					if !ok || t.SoftLineBreak() || t.HardLineBreak() || next.Segment.Start != t.Segment.Stop {
						break
					}
					t, c = next, next
					stop = t.Segment.Stop
				}
				value := src[start:stop]
				if t.SoftLineBreak() || t.HardLineBreak() {
					// Before a line break GFM may keep a '\r' that a
					// space followed ("a\r \n"), where it tried linkify
					// last; the line's end is space either way.
					value = bytes.TrimRightFunc(value, func(r rune) bool { return r < utf8.RuneSelf && util.IsSpace(byte(r)) })
				}
				fmt.Fprintf(&b, "%*sText %q soft=%v hard=%v raw=%v\n", depth*2, "", value, t.SoftLineBreak(), t.HardLineBreak(), t.IsRaw())
				continue
			}
			fmt.Fprintf(&b, "%*s%s", depth*2, "", c.Kind())
			if l, ok := c.(*ast.AutoLink); ok {
				label := l.Label(src)
				fmt.Fprintf(&b, " %v %q at %d url %q", l.AutoLinkType, label, cap(src)-cap(label), l.URL(src))
			}
			b.WriteByte('\n')
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
