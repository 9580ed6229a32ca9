package domain

import "time"

// EvaluationIntervalMonths is how often the method asks for goals to be evaluated.
const EvaluationIntervalMonths = 3

// DefaultContactGapDays is the team's default limit for days without contact.
const DefaultContactGapDays = 14

// addMonthsClamped adds months and clamps to the month's last day, so that 30 November
// plus three months is 28 (or 29) February rather than 2 March.
func addMonthsClamped(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// NextEvaluationDue is three months after the latest evaluation, or after the course
// start when there has been none.
func NextEvaluationDue(start time.Time, lastEvaluation *time.Time) time.Time {
	from := Day(start)
	if lastEvaluation != nil {
		from = Day(*lastEvaluation)
	}
	return addMonthsClamped(from, EvaluationIntervalMonths)
}

// EvaluationState tells whether an evaluation is due soon or overdue.
type EvaluationState string

// Evaluation states.
const (
	EvaluationOK      EvaluationState = "ok"
	EvaluationDueSoon EvaluationState = "due_soon" // within 14 days
	EvaluationOverdue EvaluationState = "overdue"
)

// EvaluationStatus places today against the due date.
func EvaluationStatus(due, today time.Time) EvaluationState {
	t := Day(today)
	switch {
	case t.After(due):
		return EvaluationOverdue
	case !t.Before(due.AddDate(0, 0, -14)):
		return EvaluationDueSoon
	default:
		return EvaluationOK
	}
}

// ContactGap says how many whole days have passed since the last contact and whether
// that is over the team's limit. A course with no contact yet counts from its start.
type ContactGap struct {
	Days    int
	Over    bool
	Since   time.Time
	NoneYet bool
}

// CheckContactGap computes the gap; limitDays ≤ 0 uses the default of 14.
func CheckContactGap(start time.Time, lastContact *time.Time, today time.Time, limitDays int) ContactGap {
	if limitDays <= 0 {
		limitDays = DefaultContactGapDays
	}
	g := ContactGap{Since: Day(start), NoneYet: lastContact == nil}
	if lastContact != nil {
		g.Since = Day(*lastContact)
	}
	g.Days = int(Day(today).Sub(g.Since).Hours() / 24)
	if g.Days < 0 {
		g.Days = 0
	}
	g.Over = g.Days > limitDays
	return g
}
