package rules_test

import "testing"

func TestMissingContactFormats(t *testing.T) {
	contact := []string{
		"+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78", "06.12.34.56.78",
		"06-12-34-56-78", "0612345678", "(555) 123-4567", "555-123-4567", "555.123.4567", "+1 555 123 4567",
		"+1 (555) 123-4567", "+44 20 7946 0000", "020 7946 0000", "07700 900123", "+49 30 1234567",
		"jane@example.com", "<jane@example.com>", "[mail](mailto:jane@example.com)", "[call](tel:+15551234567)",
		"jane (at) example (dot) com", "<a href=\"mailto:jane@example.com\">write</a>",
	}
	none := []string{
		"2019 – 2022", "2015-2019 and 2020-2024", "1 200 000 €", "ISO 27001:2013", "v1.2.3.4",
		"`jane@example.com`", "`06 12 34 56 78`", "[site](https://example.com/06-12-34-56-78)",
		"Order 12 345", "PostgreSQL 12.4 to 16.2", "[LinkedIn](https://linkedin.com/in/jane)",
		"01/2015 - 03/2019",
	}
	for _, c := range contact {
		if ds := lintOnly(t, "missing-contact", "cv.md", "# Jane Doe\n\n"+c+"\n", nil); len(ds) != 0 {
			t.Errorf("%q: not seen as a contact", c)
		}
	}
	for _, c := range none {
		if ds := lintOnly(t, "missing-contact", "cv.md", "# Jane Doe\n\n"+c+"\n", nil); len(ds) != 1 || ds[0].Pos.Line != 1 {
			t.Errorf("%q: taken for a contact", c)
		}
	}
}
