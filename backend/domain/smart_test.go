package domain

import (
	"reflect"
	"testing"
	"time"
)

func TestSmartCheck(t *testing.T) {
	today := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) // the clock has a time of day
	yesterday := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	sameDay := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	later := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	full := SubGoal{What: "Søge om boligstøtte sammen", Measure: "Ansøgning sendt", Owner: "Borgeren og Aisha",
		GoalWords: "Jeg vil have min egen lejlighed", Deadline: &later, Status: SubGoalInProgress}
	with := func(f func(g *SubGoal)) SubGoal { g := full; f(&g); return g }
	cases := []struct {
		name string
		g    SubGoal
		want []SmartLack
	}{
		{"full", full, nil},
		{"what with 2 words", with(func(g *SubGoal) { g.What = "Søge bolig" }), []SmartLack{LackSpecific}},
		{"what with 3 words", with(func(g *SubGoal) { g.What = "Søge om bolig" }), nil},
		{"what with 2 words and lots of spaces", with(func(g *SubGoal) { g.What = "  Søge \n\t bolig  " }), []SmartLack{LackSpecific}},
		{"empty measure", with(func(g *SubGoal) { g.Measure = "" }), []SmartLack{LackMeasurable}},
		{"blank measure", with(func(g *SubGoal) { g.Measure = " \n " }), []SmartLack{LackMeasurable}},
		{"empty owner", with(func(g *SubGoal) { g.Owner = "" }), []SmartLack{LackOwner}},
		{"empty goal words", with(func(g *SubGoal) { g.GoalWords = " " }), []SmartLack{LackRelevant}},
		{"nil deadline", with(func(g *SubGoal) { g.Deadline = nil }), []SmartLack{LackDeadline}},
		{"nil deadline on an achieved sub-goal", with(func(g *SubGoal) { g.Deadline, g.Status = nil, SubGoalAchieved }), []SmartLack{LackDeadline}},
		{"deadline yesterday, in progress", with(func(g *SubGoal) { g.Deadline = &yesterday }), []SmartLack{LackDeadline}},
		{"deadline yesterday, not started", with(func(g *SubGoal) { g.Deadline, g.Status = &yesterday, SubGoalNotStarted }), []SmartLack{LackDeadline}},
		{"deadline yesterday, adjusted", with(func(g *SubGoal) { g.Deadline, g.Status = &yesterday, SubGoalAdjusted }), []SmartLack{LackDeadline}},
		{"deadline yesterday, achieved", with(func(g *SubGoal) { g.Deadline, g.Status = &yesterday, SubGoalAchieved }), nil},
		{"deadline yesterday, dropped", with(func(g *SubGoal) { g.Deadline, g.Status = &yesterday, SubGoalDropped }), nil},
		{"deadline today", with(func(g *SubGoal) { g.Deadline = &sameDay }), nil},
		{"everything missing, in S-M-A-R-T order", SubGoal{Status: SubGoalNotStarted},
			[]SmartLack{LackSpecific, LackMeasurable, LackOwner, LackRelevant, LackDeadline}},
		{"M and T missing keep their order", with(func(g *SubGoal) { g.Measure, g.Deadline = "", nil }),
			[]SmartLack{LackMeasurable, LackDeadline}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := SmartCheck(c.g, today); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("SmartCheck = %v, want %v", got, c.want)
			}
		})
	}
}

func TestSubGoalStatusOpen(t *testing.T) {
	open := map[SubGoalStatus]bool{SubGoalNotStarted: true, SubGoalInProgress: true, SubGoalAdjusted: true,
		SubGoalAchieved: false, SubGoalDropped: false}
	if len(open) != len(SubGoalStatuses) {
		t.Fatalf("table covers %d statuses, there are %d", len(open), len(SubGoalStatuses))
	}
	for _, s := range SubGoalStatuses {
		if s.Open() != open[s] {
			t.Errorf("%s.Open() = %v, want %v", s, s.Open(), open[s])
		}
	}
}
