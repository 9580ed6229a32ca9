package domain

import (
	"time"
)

// DateLayout is how dates cross the API: ISO 8601 calendar dates. The UI shows dd.mm.åååå.
const DateLayout = "2006-01-02"

// Bounds for dates a user can enter on a course. Earlier or later dates are typing mistakes.
var (
	MinCourseDate = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	// MaxFutureDays is how far ahead a planned date (e.g. a visitation) may lie.
	MaxFutureDays = 366
)

// ParseDate checks an ISO date string for a field. Empty is allowed unless required.
// The date must lie between min and max (inclusive); a zero max means no upper bound.
func ParseDate(p *Problems, field, s string, required bool, min, max time.Time) *time.Time {
	if s == "" {
		if required {
			p.Add(field, CodeRequired)
		}
		return nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		p.Add(field, CodeInvalidDate)
		return nil
	}
	if t.Before(min) || (!max.IsZero() && t.After(max)) {
		p.Add(field, CodeDateOutOfRange, "min", min.Format(DateLayout), "max", max.Format(DateLayout))
		return nil
	}
	return &t
}

// Day strips the clock from t, keeping its calendar date in UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// LatestCourseDate is the last date a user may enter given today's date.
func LatestCourseDate(today time.Time) time.Time {
	return Day(today).AddDate(0, 0, MaxFutureDays)
}

// FormatDate renders a date pointer for the API; nil becomes "".
func FormatDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(DateLayout)
}
