package domain

import (
	"testing"
	"time"
)

// FuzzParseDate: a date accepted for a field formats back to exactly the text that was sent
// (so it is the same day in the UI and in the database), is a UTC midnight, and lies within
// the field's bounds; a refused date is refused with one of the codes the UI shows.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2026-02-29", "2024-02-29", "1990-01-01", "1989-12-31", "2026-13-01",
		"2026-1-2", "26-01-02", "2026-01-02T00:00:00Z", " 2026-01-02", "02.01.2026", "+2026-01-02", "0000-00-00", ""} {
		f.Add(s, int64(13209), int64(366), true) // from 1990-01-01, as a course date
		f.Add(s, int64(0), int64(0), false)      // from today, no upper bound
	}
	today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string, minDays, maxDays int64, required bool) {
		min := today.AddDate(0, 0, -int(minDays%40000))
		var max time.Time
		if maxDays%5 != 0 { // sometimes no upper bound
			max = today.AddDate(0, 0, int(maxDays%40000))
		}
		var p Problems
		got := ParseDate(&p, "d", s, required, min, max)
		codes := fieldCodes(&p, "d")
		if got == nil {
			switch {
			case s == "" && !required && len(codes) == 0:
			case len(codes) == 1 && (codes[0] == CodeInvalidDate || codes[0] == CodeDateOutOfRange ||
				(codes[0] == CodeRequired && s == "")):
			default:
				t.Fatalf("%q: no date and problems %v", s, codes)
			}
			return
		}
		if len(codes) != 0 {
			t.Fatalf("%q: a date and problems %v", s, codes)
		}
		if got.Format(DateLayout) != s || FormatDate(got) != s {
			t.Fatalf("%q: parsed to %v, which formats as %q", s, got, got.Format(DateLayout))
		}
		if *got != Day(*got) || got.Location() != time.UTC {
			t.Fatalf("%q: parsed to %v, not a UTC midnight", s, got)
		}
		if got.Before(min) || (!max.IsZero() && got.After(max)) {
			t.Fatalf("%q: %v outside [%v, %v]", s, got, min, max)
		}
	})
}

// FuzzNextEvaluationDue: the next evaluation is three calendar months after the last one (or
// the start), on the same day of the month or the month's last day when it has fewer days.
func FuzzNextEvaluationDue(f *testing.F) {
	f.Add(int64(0), int64(-1))
	f.Add(int64(-94), int64(10))  // 30 November → end of February
	f.Add(int64(3652), int64(31)) // around a leap year
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, startDays, lastDays int64) {
		start := base.AddDate(0, 0, int(startDays%20000))
		var last *time.Time
		if lastDays >= 0 {
			l := start.AddDate(0, 0, int(lastDays%2000)).Add(13 * time.Hour) // a clock part is ignored
			last = &l
		}
		from := Day(start)
		if last != nil {
			from = Day(*last)
		}
		due := NextEvaluationDue(start, last)
		months := (due.Year()-from.Year())*12 + int(due.Month()) - int(from.Month())
		lastOfMonth := time.Date(due.Year(), due.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if months != EvaluationIntervalMonths || due != Day(due) ||
			(due.Day() != from.Day() && !(due.Day() == lastOfMonth && from.Day() > lastOfMonth)) {
			t.Fatalf("from %s: due %s", from.Format(DateLayout), due.Format(DateLayout))
		}
		if st := EvaluationStatus(due, due); st != EvaluationDueSoon {
			t.Fatalf("on the due day the status is %s", st)
		}
		if st := EvaluationStatus(due, due.AddDate(0, 0, 1)); st != EvaluationOverdue {
			t.Fatalf("the day after the due day the status is %s", st)
		}
	})
}
