package domain

import "time"

// Quarter is a calendar quarter, the period the fidelity check is followed over.
type Quarter struct {
	Year    int
	Quarter int // 1-4
}

// QuarterOf is the quarter a day falls in.
func QuarterOf(t time.Time) Quarter {
	return Quarter{Year: t.Year(), Quarter: (int(t.Month())-1)/3 + 1}
}

// Start is the quarter's first day.
func (q Quarter) Start() time.Time {
	return time.Date(q.Year, time.Month(3*(q.Quarter-1)+1), 1, 0, 0, 0, 0, time.UTC)
}

// End is the quarter's last day.
func (q Quarter) End() time.Time { return q.Start().AddDate(0, 3, -1) }

// Prev is the quarter before.
func (q Quarter) Prev() Quarter {
	if q.Quarter == 1 {
		return Quarter{q.Year - 1, 4}
	}
	return Quarter{q.Year, q.Quarter - 1}
}

// QuarterPoint is a day the fidelity check is computed as of: a quarter's last day, or
// today for the quarter that is not over yet (Partial).
type QuarterPoint struct {
	Quarter Quarter
	AsOf    time.Time
	Partial bool
}

// FidelityQuarters gives the points of at most n quarters, oldest first, ending with the
// quarter of today (as of today) and starting no earlier than the quarter of first, the
// first course's start. A zero first gives the full n quarters.
func FidelityQuarters(first, today time.Time, n int) []QuarterPoint {
	today = Day(today)
	cur := QuarterOf(today)
	var out []QuarterPoint
	for q, i := cur, 0; i < n; q, i = q.Prev(), i+1 {
		if !first.IsZero() && q.End().Before(Day(first)) {
			break
		}
		p := QuarterPoint{Quarter: q, AsOf: q.End()}
		if q == cur && today.Before(q.End()) {
			p.AsOf, p.Partial = today, true
		}
		out = append([]QuarterPoint{p}, out...)
	}
	return out
}
