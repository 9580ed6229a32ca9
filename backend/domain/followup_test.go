package domain

import (
	"testing"
	"time"
)

func iso(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func isop(s string) *time.Time { t := iso(s); return &t }

func TestNextEvaluationDue(t *testing.T) {
	cases := []struct {
		name  string
		start string
		last  *time.Time
		want  string
	}{
		{"three months after the start", "2026-01-15", nil, "2026-04-15"},
		{"30 November clamps to 28 February", "2025-11-30", nil, "2026-02-28"},
		{"30 November clamps to 29 February in a leap year", "2023-11-30", nil, "2024-02-29"},
		{"31 August clamps to 30 November", "2026-08-31", nil, "2026-11-30"},
		{"across the year", "2026-11-01", nil, "2027-02-01"},
		{"counts from the last evaluation", "2026-01-15", isop("2026-04-20"), "2026-07-20"},
		{"last evaluation is clamped too", "2025-01-01", isop("2025-11-30"), "2026-02-28"},
		{"time of day on the evaluation is ignored", "2026-01-15",
			func() *time.Time { t := time.Date(2026, 5, 2, 23, 59, 0, 0, time.UTC); return &t }(), "2026-08-02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := iso(c.start).Add(9 * time.Hour) // a time of day on the start is ignored
			if got := NextEvaluationDue(start, c.last).Format(DateLayout); got != c.want {
				t.Fatalf("NextEvaluationDue(%s, %v) = %s, want %s", c.start, c.last, got, c.want)
			}
		})
	}
}

func TestEvaluationStatus(t *testing.T) {
	due := iso("2027-02-01")
	cases := []struct {
		name  string
		today time.Time
		want  EvaluationState
	}{
		{"due - 15 days", due.AddDate(0, 0, -15), EvaluationOK},
		{"due - 14 days", due.AddDate(0, 0, -14), EvaluationDueSoon},
		{"due - 14 days late in the day", due.AddDate(0, 0, -14).Add(23 * time.Hour), EvaluationDueSoon},
		{"due - 1 day", due.AddDate(0, 0, -1), EvaluationDueSoon},
		{"on the due date", due, EvaluationDueSoon},
		{"on the due date in the evening", due.Add(22 * time.Hour), EvaluationDueSoon},
		{"due + 1 day", due.AddDate(0, 0, 1), EvaluationOverdue},
		{"long overdue", due.AddDate(1, 0, 0), EvaluationOverdue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := EvaluationStatus(due, c.today); got != c.want {
				t.Fatalf("EvaluationStatus(%s, %s) = %s, want %s", due.Format(DateLayout), c.today, got, c.want)
			}
		})
	}
}

func TestCheckContactGap(t *testing.T) {
	today := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	start := iso("2026-10-01")
	cases := []struct {
		name    string
		last    *time.Time
		limit   int
		days    int
		over    bool
		since   string
		noneYet bool
	}{
		{"14 days with limit 14 is not over", isop("2026-11-17"), 14, 14, false, "2026-11-17", false},
		{"15 days with limit 14 is over", isop("2026-11-16"), 14, 15, true, "2026-11-16", false},
		{"contact today", isop("2026-12-01"), 14, 0, false, "2026-12-01", false},
		{"no contact yet counts from the start", nil, 14, 61, true, "2026-10-01", true},
		{"limit 0 uses the default of 14 (14 days)", isop("2026-11-17"), 0, 14, false, "2026-11-17", false},
		{"limit 0 uses the default of 14 (15 days)", isop("2026-11-16"), 0, 15, true, "2026-11-16", false},
		{"negative limit uses the default", isop("2026-11-16"), -3, 15, true, "2026-11-16", false},
		{"limit 7 with 8 days", isop("2026-11-23"), 7, 8, true, "2026-11-23", false},
		{"last contact in the future counts as 0 days", isop("2026-12-05"), 14, 0, false, "2026-12-05", false},
		{"time of day on the contact is ignored", func() *time.Time {
			t := time.Date(2026, 11, 17, 23, 30, 0, 0, time.UTC)
			return &t
		}(), 14, 14, false, "2026-11-17", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := CheckContactGap(start, c.last, today, c.limit)
			if g.Days != c.days || g.Over != c.over || g.Since.Format(DateLayout) != c.since || g.NoneYet != c.noneYet {
				t.Fatalf("CheckContactGap = %+v, want days %d over %v since %s noneYet %v",
					g, c.days, c.over, c.since, c.noneYet)
			}
		})
	}
	t.Run("course not started yet", func(t *testing.T) {
		g := CheckContactGap(iso("2026-12-10"), nil, today, 14)
		if g.Days != 0 || g.Over || !g.NoneYet {
			t.Fatalf("CheckContactGap = %+v, want 0 days, not over", g)
		}
	})
}
