package dates

import "testing"

var now = Date{Year: 2025, Month: 6, Gran: Month}

func mustParse(t testing.TB, s string) Range {
	t.Helper()
	r, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOverlapMonths(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2019 – 2022", "2022 – 2023", 0}, // only the boundary year
		{"2019 – 2020", "2021 – 2022", 0},
		{"2006 – 2008", "2007 – 2011", 2}, // certainly Dec 2007 – Jan 2008
		{"Jan – Mar 2020", "Mar – Jun 2020", 1},
		{"Jun 2020 – Aug 2020", "Jul 2020 – Dec 2020", 2},
		{"Jan 2020 – Mar 2020", "Apr 2020 – Jun 2020", 0},
		{"2019 – 2022", "Mar 2022 – 2023", 0}, // mixed: the year end may be January
		{"Jan 2019 – Mar 2022", "2022 – 2023", 0},
		{"Jan 2019 – Mar 2022", "Jan 2022 – 2023", 3},
		{"2010 – 2020", "2012 – 2014", 14},
		{"2020", "2019 – 2021", 0}, // a lone year pins no month
		{"Mar 2020", "Jan – Jun 2020", 1},
		{"2023 – Present", "Jan 2025 – Present", 6},
		{"depuis 2023", "janv. 2025 – aujourd'hui", 6},
		{"2024 –", "2023 – 2025", 0},
		{"Mar 2024 –", "2023 – 2025", 1},
		{"Summer 2021", "Jul 2021 – Dec 2021", 2},
		{"12/03/2019 – 15/06/2019", "01/06/2019 – 2020", 1}, // days count as their month
	} {
		a, b := mustParse(t, c.a), mustParse(t, c.b)
		if got := OverlapMonths(a, b, now); got != c.want {
			t.Errorf("OverlapMonths(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := OverlapMonths(b, a, now); got != c.want {
			t.Errorf("OverlapMonths(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestGapMonths(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2019 – 2020", "2021 – 2022", 0}, // contiguous years
		{"2019 – 2022", "2022 – 2023", 0},
		{"2019 – 2020", "Mar 2021 – 2022", 2}, // January and February 2021
		{"2019 – 2020", "2023", 24},
		{"Jan – Mar 2020", "Jun 2020", 2},
		{"Mar 2020", "Apr 2020", 0},
		{"Jan 2019 – Jun 2019", "Jan 2020 – Present", 6},
		{"2006 – 2008", "2007 – 2011", 0},
		{"2010 – 2012", "2015 – Present", 24},
		{"Summer 2021", "Fall 2021", 0},
		{"Summer 2021", "Winter 2022", 4},
		{"2019 –", "2021", 12}, // a missing end claims nothing past its start
	} {
		a, b := mustParse(t, c.a), mustParse(t, c.b)
		if got := GapMonths(a, b, now); got != c.want {
			t.Errorf("GapMonths(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := GapMonths(b, a, now); got != c.want {
			t.Errorf("GapMonths(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		inner, outer string
		want         bool
	}{
		{"Mar 2019 – Jun 2020", "2019 – 2022", true},
		{"2019 – 2022", "2019 – 2022", true},
		{"2021 – 2022", "Mar 2021 – Jun 2022", true}, // equal at the coarser granularity
		{"2018 – 2020", "2019 – 2022", false},
		{"2022 – 2023", "2019 – 2022", false},
		{"Mar 2022 – Present", "2020 – Present", true},
		{"Mar 2022 – Present", "2020 – 2024", false},
		{"Jun 2020", "2020 – 2021", true},
	} {
		in, out := mustParse(t, c.inner), mustParse(t, c.outer)
		if got := Within(in, out, now); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.inner, c.outer, got, c.want)
		}
	}
}

func TestCompareAndMonths(t *testing.T) {
	y := Date{Year: 2019, Gran: Year}
	m := Date{Year: 2019, Month: 3, Gran: Month}
	d := Date{Year: 2019, Month: 3, Day: 12, Gran: Day}
	if Compare(y, m) != 0 || Compare(m, d) != 0 || Compare(y, d) != 0 {
		t.Error("dates inside one another must compare equal at the coarser granularity")
	}
	if Compare(m, Date{Year: 2019, Month: 4, Gran: Month}) != -1 || Compare(Date{Year: 2020, Gran: Year}, m) != 1 {
		t.Error("Compare order")
	}
	if y.FirstMonth() != 2019*12 || y.LastMonth() != 2019*12+11 || m.FirstMonth() != 2019*12+2 || m.LastMonth() != m.FirstMonth() {
		t.Error("FirstMonth/LastMonth")
	}
	r := mustParse(t, "2019 – Present")
	if f, l := r.Months(now); f != 2019*12 || l != 2025*12+5 {
		t.Errorf("Months = %d, %d", f, l)
	}
	r = mustParse(t, "Mar 2018 –")
	if f, l := r.Months(now); f != 2018*12+2 || l != f {
		t.Errorf("Months of a missing end = %d, %d", f, l)
	}
}
