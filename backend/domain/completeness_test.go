package domain

import (
	"reflect"
	"testing"
	"time"
)

// wantCompleteness compares done, total and the missing list (nil and empty alike).
func wantCompleteness(t *testing.T, got Completeness, done, total int, missing ...Requirement) {
	t.Helper()
	if got.Done != done || got.Total != total || len(got.Missing) != len(missing) ||
		(len(missing) > 0 && !reflect.DeepEqual(got.Missing, missing)) {
		t.Fatalf("completeness = %d/%d missing %v, want %d/%d missing %v", got.Done, got.Total, got.Missing,
			done, total, missing)
	}
	if got.Missing == nil {
		t.Fatalf("Missing is nil: the UI expects a list")
	}
}

func TestAssessmentCompleteness(t *testing.T) {
	all := map[LifeArea]bool{}
	for _, a := range AssessmentTopics {
		all[a] = true
	}
	if len(AssessmentTopics) != 12 || AssessmentTopics[0] != AreaWishes || AssessmentTopics[1] != AreaHelpBarriers {
		t.Fatalf("AssessmentTopics = %v, want wishes, help_barriers and the ten life areas", AssessmentTopics)
	}
	without := func(a LifeArea) map[LifeArea]bool {
		m := map[LifeArea]bool{}
		for k, v := range all {
			m[k] = v && k != a
		}
		return m
	}
	var allReqs []Requirement
	for _, a := range AssessmentTopics {
		allReqs = append(allReqs, ReqTopicPrefix+Requirement(a))
	}
	t.Run("empty", func(t *testing.T) { wantCompleteness(t, AssessmentCompleteness(nil), 0, 12, allReqs...) })
	t.Run("full", func(t *testing.T) { wantCompleteness(t, AssessmentCompleteness(all), 12, 12) })
	for _, a := range AssessmentTopics {
		t.Run("missing "+string(a), func(t *testing.T) {
			wantCompleteness(t, AssessmentCompleteness(without(a)), 11, 12, Requirement("topic:"+string(a)))
		})
	}
	t.Run("unknown topics do not count", func(t *testing.T) {
		wantCompleteness(t, AssessmentCompleteness(map[LifeArea]bool{"hobbies": true, AreaCrime: true}), 1, 12, allReqs[:11]...)
	})
}

func TestPlanningCompleteness(t *testing.T) {
	full := PlanFacts{Goals: 1, LinkedGoals: 1, SubGoals: 2, SmartSubGoals: 2, Activities: 1}
	with := func(f func(p *PlanFacts)) PlanFacts { p := full; f(&p); return p }
	cases := []struct {
		name    string
		f       PlanFacts
		done    int
		missing []Requirement
	}{
		{"empty", PlanFacts{}, 0, []Requirement{ReqGoal, ReqSubGoal, ReqSmart, ReqActivity, ReqActionPlanLink}},
		{"full", full, 5, nil},
		{"no goal", with(func(p *PlanFacts) { p.Goals = 0 }), 4, []Requirement{ReqGoal}},
		{"no sub-goal is not SMART either", with(func(p *PlanFacts) { p.SubGoals, p.SmartSubGoals = 0, 0 }), 3,
			[]Requirement{ReqSubGoal, ReqSmart}},
		{"one of two sub-goals not SMART", with(func(p *PlanFacts) { p.SmartSubGoals = 1 }), 4, []Requirement{ReqSmart}},
		{"no activity", with(func(p *PlanFacts) { p.Activities = 0 }), 4, []Requirement{ReqActivity}},
		{"no link to the action plan", with(func(p *PlanFacts) { p.LinkedGoals = 0 }), 4, []Requirement{ReqActionPlanLink}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantCompleteness(t, PlanningCompleteness(c.f), c.done, 5, c.missing...) })
	}
}

func TestCoordinationCompleteness(t *testing.T) {
	cases := []struct {
		name                          string
		active, caseworkers, meetings int
		done                          int
		missing                       []Requirement
	}{
		{"empty", 0, 0, 0, 0, []Requirement{ReqNetwork, ReqCaseworker, ReqMeeting}},
		{"full", 2, 1, 1, 3, nil},
		{"no network", 0, 1, 1, 2, []Requirement{ReqNetwork}},
		{"no caseworker", 3, 0, 2, 2, []Requirement{ReqCaseworker}},
		{"no meeting", 1, 1, 0, 2, []Requirement{ReqMeeting}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCompleteness(t, CoordinationCompleteness(c.active, c.caseworkers, c.meetings), c.done, 3, c.missing...)
		})
	}
}

func TestAdvocacyCompleteness(t *testing.T) {
	cases := []struct {
		name                 string
		cases, openNoActions int
		done                 int
		missing              []Requirement
	}{
		{"empty: nothing reviewed, nothing acted on", 0, 0, 0, []Requirement{ReqBarrier, ReqBarrierActions}},
		{"full", 2, 0, 2, nil},
		{"an open case without actions", 2, 1, 1, []Requirement{ReqBarrierActions}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCompleteness(t, AdvocacyCompleteness(c.cases, c.openNoActions), c.done, 2, c.missing...)
		})
	}
}

func TestFollowUpCompleteness(t *testing.T) {
	today := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	full := FollowUpFacts{EvaluationState: EvaluationDueSoon, Evaluations: 1, LastWHO5: isop("2026-11-01"),
		LastWeekly: isop("2026-11-30"), ContactOver: false}
	with := func(f func(x *FollowUpFacts)) FollowUpFacts { x := full; f(&x); return x }
	cases := []struct {
		name    string
		f       FollowUpFacts
		done    int
		missing []Requirement
	}{
		{"empty", FollowUpFacts{EvaluationState: EvaluationOverdue, ContactOver: true}, 0,
			[]Requirement{ReqEvaluation, ReqWHO5, ReqWeeklyCheck, ReqContact}},
		// A new course: nothing is overdue, but nothing is followed up either (issue 16).
		{"nothing recorded on a fresh course", FollowUpFacts{EvaluationState: EvaluationOK, NoContactYet: true}, 0,
			[]Requirement{ReqEvaluation, ReqWHO5, ReqWeeklyCheck, ReqContact}},
		{"no evaluation yet, not due", with(func(x *FollowUpFacts) { x.Evaluations = 0; x.EvaluationState = EvaluationOK }), 3, []Requirement{ReqEvaluation}},
		{"no contact yet, gap not over", with(func(x *FollowUpFacts) { x.NoContactYet = true }), 3, []Requirement{ReqContact}},
		{"full", full, 4, nil},
		{"evaluation ok counts", with(func(x *FollowUpFacts) { x.EvaluationState = EvaluationOK }), 4, nil},
		{"evaluation overdue", with(func(x *FollowUpFacts) { x.EvaluationState = EvaluationOverdue }), 3, []Requirement{ReqEvaluation}},
		{"WHO-5 exactly 3 months old counts", with(func(x *FollowUpFacts) { x.LastWHO5 = isop("2026-09-01") }), 4, nil},
		{"WHO-5 one day older does not", with(func(x *FollowUpFacts) { x.LastWHO5 = isop("2026-08-31") }), 3, []Requirement{ReqWHO5}},
		{"no WHO-5", with(func(x *FollowUpFacts) { x.LastWHO5 = nil }), 3, []Requirement{ReqWHO5}},
		// The weekly check counts as missing after one week, not two (issue 16).
		{"weekly check 7 days old counts", with(func(x *FollowUpFacts) { x.LastWeekly = isop("2026-11-24") }), 4, nil},
		{"weekly check 8 days old does not", with(func(x *FollowUpFacts) { x.LastWeekly = isop("2026-11-23") }), 3, []Requirement{ReqWeeklyCheck}},
		{"weekly check 14 days old does not", with(func(x *FollowUpFacts) { x.LastWeekly = isop("2026-11-17") }), 3, []Requirement{ReqWeeklyCheck}},
		{"no weekly check", with(func(x *FollowUpFacts) { x.LastWeekly = nil }), 3, []Requirement{ReqWeeklyCheck}},
		{"contact gap over", with(func(x *FollowUpFacts) { x.ContactOver = true }), 3, []Requirement{ReqContact}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCompleteness(t, FollowUpCompleteness(c.f, today), c.done, 4, c.missing...)
		})
	}
	t.Run("WHO-5 window clamps at month ends", func(t *testing.T) {
		// 31 May minus three months is 28 February, so a WHO-5 of 28 February still counts.
		may31 := time.Date(2026, 5, 31, 8, 0, 0, 0, time.UTC)
		ok := with(func(x *FollowUpFacts) { x.LastWHO5, x.LastWeekly = isop("2026-02-28"), isop("2026-05-25") })
		wantCompleteness(t, FollowUpCompleteness(ok, may31), 4, 4)
		old := with(func(x *FollowUpFacts) { x.LastWHO5, x.LastWeekly = isop("2026-02-27"), isop("2026-05-25") })
		wantCompleteness(t, FollowUpCompleteness(old, may31), 3, 4, ReqWHO5)
	})
}
