package report

import (
	"bytes"
	"testing"
)

func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		write func(*bytes.Buffer, *Run) error
		run   func(*testing.T) *Run
	}{
		{"text.golden", func(b *bytes.Buffer, r *Run) error { return Text(b, r, TextOptions{}) }, fixtureRun},
		{"text_color.golden", func(b *bytes.Buffer, r *Run) error { return Text(b, r, TextOptions{Color: true}) }, fixtureRun},
		{"text_clean.golden", func(b *bytes.Buffer, r *Run) error { return Text(b, r, TextOptions{Color: true}) }, func(*testing.T) *Run { return cleanRun() }},
		{"json.golden", func(b *bytes.Buffer, r *Run) error { return JSON(b, r) }, fixtureRun},
		{"json_clean.golden", func(b *bytes.Buffer, r *Run) error { return JSON(b, r) }, func(*testing.T) *Run { return cleanRun() }},
		{"sarif.golden", func(b *bytes.Buffer, r *Run) error { return SARIF(b, r) }, fixtureRun},
		{"github.golden", func(b *bytes.Buffer, r *Run) error { return GitHub(b, r, &bytes.Buffer{}) }, fixtureRun},
		{"github_summary.golden", func(b *bytes.Buffer, r *Run) error { return GitHub(&bytes.Buffer{}, r, b) }, fixtureRun},
		{"github_nosummary.golden", func(b *bytes.Buffer, r *Run) error { return GitHub(b, r, nil) }, fixtureRun},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := c.write(&first, c.run(t)); err != nil {
				t.Fatal(err)
			}
			if err := c.write(&second, c.run(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Fatalf("two runs differ")
			}
			golden(t, c.name, first.Bytes())
		})
	}
}
