package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/cvlint/cvlint/rules"
)

// ym counts months from year 0, as rules.TimelineBar does.
func ym(year, month int) int { return year*12 + month - 1 }

// htmlRun is the golden fixture with a hand-built timeline on one CV: an
// employer with two missions, an overlap, a gap, an open range and a
// degree, plus a hostile label.
func htmlRun(t *testing.T) *Run {
	run := fixtureRun(t)
	for i := range run.Files {
		if run.Files[i].Path != "cvs/doe, jane:v2.md" {
			continue
		}
		run.Files[i].Timeline = []rules.TimelineBar{
			{Label: "Lead at Acme Corp", Section: "experience", Kind: "job", Line: 2, Start: ym(2021, 3), End: ym(2025, 12), Open: true},
			{Label: "Consultant, Example Consulting", Section: "experience", Kind: "job", Line: 5, Start: ym(2016, 1), End: ym(2020, 6), Overlaps: true},
			{Label: "Mission: payments platform for a bank with a very long name", Section: "experience", Kind: "job", Line: 6, Depth: 1, Start: ym(2016, 1), End: ym(2018, 2)},
			{Label: "Mission <b>&</b> \u202eevil", Section: "experience", Kind: "job", Line: 7, Depth: 1, Start: ym(2018, 3), End: ym(2020, 6)},
			{Label: "Freelance developer", Section: "experience", Kind: "freelance", Line: 9, Start: ym(2019, 6), End: ym(2020, 2), Overlaps: true},
			{Label: "MSc Computer Science", Section: "education", Kind: "degree", Line: 12, Start: ym(2013, 9), End: ym(2015, 6)},
		}
	}
	return run
}

func TestHTMLGolden(t *testing.T) {
	var first, second bytes.Buffer
	if err := HTML(&first, htmlRun(t)); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&second, htmlRun(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("two runs differ")
	}
	golden(t, "html.golden", first.Bytes())
}

// node is what the structural tests look at: every element with its
// attributes, from a real HTML5 parser.
func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func walk(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func countClass(doc *html.Node, class string) int {
	n := 0
	walk(doc, func(e *html.Node) {
		if v, ok := attr(e, "class"); ok && e.Type == html.ElementNode && v == class {
			n++
		}
	})
	return n
}

func TestHTMLStructure(t *testing.T) {
	run := htmlRun(t)
	var buf bytes.Buffer
	if err := HTML(&buf, run); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, buf.Bytes())
	if got, want := countClass(doc, "finding"), Summary(run).Findings; got != want {
		t.Errorf("%d finding rows, want %d", got, want)
	}
	if got := countClass(doc, "bar"); got != 6 {
		t.Errorf("%d timeline bars, want 6", got)
	}
	if got := countClass(doc, "gap"); got != 2 { // 2015-07 to 2015-12 after the degree, 2020-07 to 2021-02
		t.Errorf("%d gaps, want 2", got)
	}
	rows := 0
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && n.Parent != nil && n.Parent.Data == "tbody" {
			rows++
		}
	})
	if rows != len(run.Files) {
		t.Errorf("%d summary rows, want %d", rows, len(run.Files))
	}
	out := buf.String()
	for _, want := range []string{
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
		`<button type="button" data-type="number">Score</button>`,
		`href="https://github.com/cvlint/cvlint/blob/main/README.md#mojibake"`,
		`<mark>RÃ©sumÃ©</mark>`,
		`<span class="score poor">0</span>`,
		`Suggestion: <code>Résumé</code>`,
		`\u202e`, // the bidi override is shown, not obeyed
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.ContainsRune(out, '\u202e') || strings.ContainsRune(out, '\x1b') {
		t.Error("a control or bidi character reached the page")
	}
}

// TestHTMLSelfContained: nothing in the page loads from elsewhere.
func TestHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, htmlRun(t)); err != nil {
		t.Fatal(err)
	}
	walk(parseHTML(t, buf.Bytes()), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "link", "img", "iframe", "object", "embed", "image", "use", "base", "audio", "video", "source", "font-face":
			t.Errorf("external-capable element <%s>", n.Data)
		}
		for _, a := range []string{"src", "xlink:href", "srcset", "action"} {
			if _, ok := attr(n, a); ok {
				t.Errorf("<%s %s>", n.Data, a)
			}
		}
	})
	for _, bad := range []string{"@import", "@font-face", "url(http", "url(//", "//cdn"} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("report contains %q", bad)
		}
	}
}

func TestHTMLEmptyRun(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, &Run{Version: "x"}); err != nil {
		t.Fatal(err)
	}
	if countClass(parseHTML(t, buf.Bytes()), "finding") != 0 {
		t.Error("findings in an empty run")
	}
}

// TestHTMLCannotBeInjected: markup in a path, a message, a source line,
// a suggestion or a timeline label stays text.
func TestHTMLCannotBeInjected(t *testing.T) {
	const (
		script = `<script>alert(1)</script>`
		img    = `"><img src=x onerror=alert(1)>`
		svg    = `</text></svg><svg onload=alert(1)>`
		js     = `javascript:alert(1)`
	)
	hostile := script + img + svg
	src := []byte("# " + hostile + "\nLine with " + hostile + " in it\n")
	f := rules.FileResult{Path: "cvs/" + hostile + ".md", Source: src, Lines: rules.NewLineIndex(src)}
	start := bytes.Index(src, []byte("<script>alert(1)</script>\"><img"))
	start = bytes.Index(src[start+1:], []byte(script)) + start + 1 // the one on line 2
	end := start + len(hostile)
	f.Diagnostics = []rules.Diagnostic{{
		Rule: js, Severity: rules.Error, Message: "found " + hostile,
		Start: start, End: end, Pos: f.Lines.Pos(start), EndPos: f.Lines.Pos(end),
		Suggestion: hostile, HasSuggestion: true,
	}}
	f.Timeline = []rules.TimelineBar{{Label: hostile, Start: ym(2020, 1), End: ym(2021, 1)}}
	run := &Run{Files: []rules.FileResult{f, {Path: img, Error: hostile}}, Rules: []*rules.Rule{{ID: js}}, Version: `"><script>alert(1)</script>`}
	var buf bytes.Buffer
	if err := HTML(&buf, run); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	scripts := 0
	walk(parseHTML(t, buf.Bytes()), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
			if _, ok := attr(n, "src"); ok {
				t.Error("a script with src")
			}
		case "img", "iframe", "object", "embed":
			t.Errorf("injected <%s>", n.Data)
		case "svg":
			if _, ok := attr(n, "onload"); ok {
				t.Error("injected <svg onload>")
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("unexpected URL in %s=%q", a.Key, a.Val)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("%d <script> elements, want only the report's own", scripts)
	}
	if strings.Count(out, "<script>") != 1 {
		t.Errorf("raw <script> appears %d times", strings.Count(out, "<script>"))
	}
	if strings.Contains(out, "<img") || strings.Contains(out, "<svg onload") {
		t.Error("raw injected tag in the output")
	}
	// The text is still there, escaped, for the reader.
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile text is not shown escaped")
	}
}

func TestExcerptSplitsAtRunes(t *testing.T) {
	src := []byte("\tRÃ©sumÃ© \x1b📧 ok\n")
	li := rules.NewLineIndex(src)
	start := bytes.Index(src, []byte("R"))
	end := start + len("RÃ©sumÃ©")
	d := rules.Diagnostic{Pos: li.Pos(start), EndPos: li.Pos(end)}
	e := excerpt(li, &d)
	if e.Before != "    " || e.Marked != "RÃ©sumÃ©" || e.After != ` \x1b📧 ok` {
		t.Errorf("excerpt = %q | %q | %q", e.Before, e.Marked, e.After)
	}
}

func TestGaps(t *testing.T) {
	bars := []rules.TimelineBar{
		{Start: ym(2010, 1), End: ym(2012, 12)},
		{Start: ym(2011, 1), End: ym(2011, 6)},             // inside the first
		{Start: ym(2013, 2), End: ym(2014, 1)},             // one month later: not hatched
		{Start: ym(2014, 3), End: ym(2014, 3), Depth: 1},   // nested: ignored
		{Start: ym(2015, 1), End: ym(2015, 6), Open: true}, // gap of 11 months before it
	}
	got := gaps(bars, ym(2030, 1))
	if len(got) != 1 || got[0] != [2]int{ym(2014, 2), ym(2015, 1)} {
		t.Errorf("gaps = %v", got)
	}
}
