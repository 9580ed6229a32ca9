package domain

import (
	"slices"
	"testing"
	"time"
)

var smartOrder = []SmartLack{LackSpecific, LackMeasurable, LackOwner, LackRelevant, LackDeadline}

// FuzzSmartCheck: the advice lists each lack at most once, in S-M-A-R-T order, and filling in
// one property takes away that lack and no other.
func FuzzSmartCheck(f *testing.F) {
	f.Add("Søge om bolig hos boligselskabet", "Ansøgning sendt", "Borgeren", "Jeg vil have mit eget sted", int64(10), 0)
	f.Add("", "", "", "", int64(-1), 1)
	f.Add("to ord", " ", "\t", "\u00a0", int64(-5), 2)
	today := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, what, measure, owner, goalWords string, deadlineDays int64, status int) {
		g := SubGoal{What: what, Measure: measure, Owner: owner, GoalWords: goalWords,
			Status: SubGoalStatuses[uint(status)%uint(len(SubGoalStatuses))]}
		if deadlineDays >= -1000 && deadlineDays <= 1000 {
			d := Day(today).AddDate(0, 0, int(deadlineDays))
			g.Deadline = &d
		}
		lacks := SmartCheck(g, today)
		pos := -1
		for _, l := range lacks {
			i := slices.Index(smartOrder, l)
			if i <= pos {
				t.Fatalf("%+v: lacks %v not unique or not in S-M-A-R-T order", g, lacks)
			}
			pos = i
		}
		without := func(l SmartLack) []SmartLack {
			return slices.DeleteFunc(slices.Clone(lacks), func(x SmartLack) bool { return x == l })
		}
		fixed := map[SmartLack]SubGoal{}
		s := g
		s.What = "Søge om bolig hos boligselskabet"
		fixed[LackSpecific] = s
		s = g
		s.Measure = "Ansøgningen er sendt"
		fixed[LackMeasurable] = s
		s = g
		s.Owner = "Borgeren"
		fixed[LackOwner] = s
		s = g
		s.GoalWords = "Jeg vil have mit eget sted"
		fixed[LackRelevant] = s
		s = g
		later := Day(today).AddDate(0, 1, 0)
		s.Deadline = &later
		fixed[LackDeadline] = s
		for _, l := range smartOrder {
			if got, want := SmartCheck(fixed[l], today), without(l); !slices.Equal(got, want) {
				t.Fatalf("%+v: filling %s gives %v, want %v", g, l, got, want)
			}
		}
	})
}
