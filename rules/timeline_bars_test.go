package rules_test

import (
	"testing"

	"github.com/cvlint/cvlint/rules"
)

// TestTimelineBars: with WantTimeline the engine flattens the model for the
// HTML chart: depth for missions, overlaps marked, undated entries left out.
func TestTimelineBars(t *testing.T) {
	src := `# Jane Doe

## Experience

### Example Corp, Senior Engineer
*2019 – Present*

#### Mission: billing platform (Example Corp)
*2020 – 2021*

### Acme Widgets, Engineer
*2016 – 2020*

### Globex, Intern

## Education

### MSc, University of Example
*2014 – 2016*
`
	eng := rules.NewEngine(rules.Settings{Now: fixtureNow, WantTimeline: true})
	res := eng.LintBytes("cv.md", []byte(src))
	got := map[string]rules.TimelineBar{}
	for _, b := range res.Timeline {
		got[b.Label] = b
	}
	if len(res.Timeline) != 4 {
		t.Fatalf("want 4 dated bars, got %d: %+v", len(res.Timeline), res.Timeline)
	}
	var senior, mission, acme rules.TimelineBar
	for _, b := range res.Timeline {
		switch b.Line {
		case 5:
			senior = b
		case 8:
			mission = b
		case 11:
			acme = b
		}
	}
	if !senior.Open || senior.Depth != 0 || senior.Start != 2019*12 {
		t.Errorf("senior: %+v", senior)
	}
	if mission.Depth != 1 || mission.Overlaps {
		t.Errorf("mission nested under its employer must not overlap it: %+v", mission)
	}
	if !acme.Overlaps || !senior.Overlaps {
		t.Errorf("2016–2020 and 2019–present overlap: %+v %+v", acme, senior)
	}
	if res2 := rules.NewEngine(rules.Settings{Now: fixtureNow}).LintBytes("cv.md", []byte(src)); res2.Timeline != nil {
		t.Errorf("Timeline filled without WantTimeline")
	}
}
