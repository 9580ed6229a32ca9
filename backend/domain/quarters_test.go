package domain

import (
	"testing"
	"time"
)

func TestFidelityQuarters(t *testing.T) {
	cases := []struct {
		name         string
		first, today string
		n            int
		want         []string // as-of days, oldest first; "*" marks the partial quarter
	}{
		{"two years ending mid-quarter", "", "2026-12-01", 4, []string{"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-01*"}},
		{"on the quarter's last day it is whole", "", "2026-09-30", 2, []string{"2026-06-30", "2026-09-30"}},
		{"on the first day of a quarter", "", "2026-10-01", 2, []string{"2026-09-30", "2026-10-01*"}},
		{"across the new year", "", "2027-01-15", 3, []string{"2026-09-30", "2026-12-31", "2027-01-15*"}},
		{"starts at the first course's quarter", "2026-05-20", "2026-12-01", 8, []string{"2026-06-30", "2026-09-30", "2026-12-01*"}},
		{"a first course on a quarter's last day counts that quarter", "2026-06-30", "2026-12-01", 8, []string{"2026-06-30", "2026-09-30", "2026-12-01*"}},
		{"a first course today", "2026-12-01", "2026-12-01", 8, []string{"2026-12-01*"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var first time.Time
			if c.first != "" {
				first = isoDay(c.first)
			}
			got := FidelityQuarters(first, isoDay(c.today), c.n)
			if len(got) != len(c.want) {
				t.Fatalf("got %d quarters %+v, want %v", len(got), got, c.want)
			}
			for i, p := range got {
				s := p.AsOf.Format(DateLayout)
				if p.Partial {
					s += "*"
				}
				if s != c.want[i] {
					t.Errorf("quarter %d = %s, want %s", i, s, c.want[i])
				}
				if QuarterOf(p.AsOf) != p.Quarter {
					t.Errorf("quarter %d: %+v is not the quarter of %s", i, p.Quarter, s)
				}
			}
		})
	}
}
