package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const timelineCV = `# Jane Doe

## Experience

### Example Consulting — Consultant (2015 – Present)

#### Mission: Acme Widgets
*Mar 2019 – Jun 2021*

### Beta Corp — Engineer
*2008 – 2012*

### Gamma Ltd — Developer
*2007 – 2009*
`

func runTimeline(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCmd(strings.NewReader(timelineCV), &out, &errb)
	root.SetArgs(append([]string{"timeline", "--now", "2026-11-21"}, args...))
	if err := root.Execute(); err != nil {
		t.Fatalf("timeline: %v\n%s", err, errb.String())
	}
	return out.String()
}

func TestTimelineText(t *testing.T) {
	out := runTimeline(t, "-")
	for _, want := range []string{
		"experience · line 3 · Experience",
		"job          2015..present",
		"    mission      2019-03..2021-06",
		"█ covered  ▓ overlap  ░ gap",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "overlap: «Gamma Ltd — Developer» (line 13) and «Beta Corp — Engineer» (line 10) share 2 months") {
		t.Errorf("overlap not shown:\n%s", out)
	}
	if !strings.Contains(out, "gap: 24 months, 2013-01 to 2014-12") {
		t.Errorf("gap not shown:\n%s", out)
	}
}

func TestTimelineJSON(t *testing.T) {
	var v struct {
		Sections []struct {
			Kind    string
			Entries []struct {
				Kind     string
				Title    string
				Line     int
				Date     *struct{ Start, End, EndKind, Granularity string }
				Children []struct{ Kind, Title string }
			}
		}
		Overlaps []struct {
			A, B   string
			Months int
		}
		Gaps []struct{ Months int }
	}
	if err := json.Unmarshal([]byte(runTimeline(t, "--format", "json", "-")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Sections) != 1 || v.Sections[0].Kind != "experience" || len(v.Sections[0].Entries) != 3 {
		t.Fatalf("sections: %+v", v.Sections)
	}
	first := v.Sections[0].Entries[0]
	if first.Date == nil || first.Date.EndKind != "present" || first.Date.Granularity != "year" || len(first.Children) != 1 || first.Children[0].Kind != "mission" {
		t.Errorf("first entry: %+v", first)
	}
	if len(v.Overlaps) != 1 || v.Overlaps[0].Months != 2 || len(v.Gaps) != 1 || v.Gaps[0].Months != 24 {
		t.Errorf("overlaps %+v gaps %+v", v.Overlaps, v.Gaps)
	}
}
