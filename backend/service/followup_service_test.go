package service

import (
	"fmt"
	"testing"

	"icm/backend/domain"
)

func TestFirstEvaluationDue(t *testing.T) {
	w := newWizard(t)
	cases := []struct {
		start, due, state string
	}{
		{"2026-11-01", "2027-02-01", "ok"},
		{"2026-08-31", "2026-11-30", "overdue"},
		{"2026-09-15", "2026-12-15", "due_soon"}, // exactly 14 days ahead
		{"2026-09-16", "2026-12-16", "ok"},       // 15 days ahead
	}
	for i, c := range cases {
		t.Run("start "+c.start, func(t *testing.T) {
			co := w.courseFrom(t, fmt.Sprintf("Borger %d", i), c.start)
			fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
			if co.NextEvaluationDue != c.due || fu.NextEvaluationDue != c.due ||
				co.EvaluationState != c.state || fu.EvaluationState != c.state {
				t.Fatalf("course says %s %s, follow-up says %s %s; want %s %s", co.NextEvaluationDue, co.EvaluationState,
					fu.NextEvaluationDue, fu.EvaluationState, c.due, c.state)
			}
		})
	}
}

func TestEvaluationsInOrder(t *testing.T) {
	w := newWizard(t)
	co := w.courseFrom(t, "Åse Ærø", "2026-01-15")
	must := mustFn[FollowUpDTO](t)
	if co.NextEvaluationDue != "2026-04-15" || co.EvaluationState != "overdue" {
		t.Fatalf("course = %s %s", co.NextEvaluationDue, co.EvaluationState)
	}
	_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: "2026-01-14"})
	wantField(t, err, "date", domain.CodeDateOrder)
	_, err = w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: "2026-12-02"})
	wantField(t, err, "date", domain.CodeDateOutOfRange)
	_, err = w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID})
	wantField(t, err, "date", domain.CodeRequired)

	steps := []struct {
		date, dueDate string
		onTime        bool
		next, state   string
	}{
		{"2026-04-20", "2026-04-15", false, "2026-07-20", "overdue"}, // five days late
		{"2026-07-20", "2026-07-20", true, "2026-10-20", "overdue"},  // on the due date itself
		{"2026-11-25", "2026-10-20", false, "2027-02-25", "ok"},
	}
	for i, s := range steps {
		fu := must(w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: s.date, Summary: fmt.Sprint("Evaluering ", i+1)}))
		if len(fu.Evaluations) != i+1 {
			t.Fatalf("after %s: %d evaluations", s.date, len(fu.Evaluations))
		}
		e := fu.Evaluations[i] // oldest first
		if e.Date != s.date || e.DueDate != s.dueDate || e.OnTime != s.onTime || e.Summary != fmt.Sprint("Evaluering ", i+1) {
			t.Errorf("evaluation %d = %+v, want due %s on time %v", i+1, e, s.dueDate, s.onTime)
		}
		got := must(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
		c := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID}))
		if fu.NextEvaluationDue != s.next || got.NextEvaluationDue != s.next || c.NextEvaluationDue != s.next ||
			fu.EvaluationState != s.state || c.EvaluationState != s.state {
			t.Errorf("after %s next due = %s / %s / %s (%s, %s), want %s (%s)", s.date, fu.NextEvaluationDue,
				got.NextEvaluationDue, c.NextEvaluationDue, fu.EvaluationState, c.EvaluationState, s.next, s.state)
		}
	}
	// Correcting the first evaluation keeps its due date from the course start.
	fu := must(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
	first := fu.Evaluations[0]
	fu = must(w.followUp.SaveEvaluation(EvaluationInput{ID: first.ID, CourseID: co.ID, Date: "2026-04-14", Summary: "Rettet"}))
	if e := fu.Evaluations[0]; e.ID != first.ID || e.DueDate != "2026-04-15" || !e.OnTime || e.Summary != "Rettet" || len(fu.Evaluations) != 3 {
		t.Fatalf("corrected evaluation = %+v", e)
	}
	// Correcting the last one on its own date does not count it as its own predecessor.
	last := fu.Evaluations[2]
	fu = must(w.followUp.SaveEvaluation(EvaluationInput{ID: last.ID, CourseID: co.ID, Date: last.Date, Summary: "Rettet igen"}))
	if e := fu.Evaluations[2]; e.ID != last.ID || e.DueDate != "2026-10-20" || e.OnTime || fu.NextEvaluationDue != "2027-02-25" {
		t.Fatalf("corrected last evaluation = %+v, next due %s", e, fu.NextEvaluationDue)
	}
}

func TestEvaluationMovesSubGoals(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	other := w.course(t, w.lead.ID, "Bjørn Ørsted")
	plan := mustFn[PlanDTO](t)
	must := mustFn[FollowUpDTO](t)
	g := plan(w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Egen bolig"})).Goals[0]
	plan(w.planning.SaveSubGoal(SubGoalInput{CourseID: co.ID, GoalID: g.ID, What: "Søge om boligstøtte sammen"}))
	subs := plan(w.planning.SaveSubGoal(SubGoalInput{CourseID: co.ID, GoalID: g.ID, What: "Se tre lejligheder"})).Goals[0].SubGoals
	og := plan(w.planning.SaveGoal(GoalInput{CourseID: other.ID, CitizenWords: "Arbejde"})).Goals[0]
	foreign := plan(w.planning.SaveSubGoal(SubGoalInput{CourseID: other.ID, GoalID: og.ID, What: "Ringe til jobcentret"})).Goals[0].SubGoals[0]

	bad := []struct {
		name  string
		items []EvaluationItemInput
		field string
		code  domain.Code
	}{
		{"no status", []EvaluationItemInput{{SubGoalID: subs[0].ID}}, "items.0.status", domain.CodeRequired},
		{"unknown status", []EvaluationItemInput{{SubGoalID: subs[0].ID, Status: "done"}}, "items.0.status", domain.CodeInvalidChoice},
		{"no sub-goal", []EvaluationItemInput{{Status: "achieved"}}, "items.0.subGoalId", domain.CodeInvalidChoice},
		{"the same sub-goal twice", []EvaluationItemInput{{SubGoalID: subs[0].ID, Status: "achieved"},
			{SubGoalID: subs[0].ID, Status: "dropped"}}, "items.1.subGoalId", domain.CodeInvalidChoice},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: "2026-11-20", Items: b.items})
			wantField(t, err, b.field, b.code)
		})
	}
	_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: "2026-11-20", Items: []EvaluationItemInput{
		{SubGoalID: subs[0].ID, Status: "achieved"}, {SubGoalID: foreign.ID, Status: "dropped"}}})
	wantCode(t, err, domain.CodeNotFound)
	// Nothing of the refused evaluation was kept: no evaluation, no status change.
	if fu := must(w.followUp.GetFollowUp(IDInput{ID: co.ID})); len(fu.Evaluations) != 0 {
		t.Fatalf("evaluations after a refused save = %+v", fu.Evaluations)
	}
	if p := plan(w.planning.GetPlan(IDInput{ID: co.ID})); p.Goals[0].SubGoals[0].Status != "not_started" {
		t.Fatalf("sub-goal after a refused save = %+v", p.Goals[0].SubGoals[0])
	}

	fu := must(w.followUp.SaveEvaluation(EvaluationInput{CourseID: co.ID, Date: "2026-11-20", Items: []EvaluationItemInput{
		{SubGoalID: subs[0].ID, Status: "achieved", Comment: "Ansøgning sendt"},
		{SubGoalID: subs[1].ID, Status: "adjusted", Comment: "Nu to lejligheder"}}}))
	items := fu.Evaluations[0].Items
	if len(items) != 2 || items[0].SubGoalWhat != "Søge om boligstøtte sammen" || items[0].Status != "achieved" ||
		items[0].Comment != "Ansøgning sendt" || items[1].Status != "adjusted" {
		t.Fatalf("items = %+v", items)
	}
	p := plan(w.planning.GetPlan(IDInput{ID: co.ID}))
	if s := p.Goals[0].SubGoals; s[0].Status != "achieved" || s[1].Status != "adjusted" {
		t.Fatalf("sub-goal statuses after the evaluation = %s, %s", s[0].Status, s[1].Status)
	}
	if op := plan(w.planning.GetPlan(IDInput{ID: other.ID})); op.Goals[0].SubGoals[0].Status != "not_started" {
		t.Fatalf("the other course's sub-goal moved: %+v", op.Goals[0].SubGoals[0])
	}
	// Correcting the evaluation replaces its items and moves the sub-goal again.
	fu = must(w.followUp.SaveEvaluation(EvaluationInput{ID: fu.Evaluations[0].ID, CourseID: co.ID, Date: "2026-11-20",
		Items: []EvaluationItemInput{{SubGoalID: subs[0].ID, Status: "in_progress"}}}))
	if len(fu.Evaluations) != 1 || len(fu.Evaluations[0].Items) != 1 || fu.Evaluations[0].Items[0].Status != "in_progress" {
		t.Fatalf("corrected evaluation = %+v", fu.Evaluations)
	}
	if s := plan(w.planning.GetPlan(IDInput{ID: co.ID})).Goals[0].SubGoals[0]; s.Status != "in_progress" {
		t.Fatalf("sub-goal after correction = %s", s.Status)
	}
	_, err = w.followUp.SaveEvaluation(EvaluationInput{ID: fu.Evaluations[0].ID, CourseID: other.ID, Date: "2026-11-20"})
	wantCode(t, err, domain.CodeNotFound)
}

func TestWHO5Series(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[FollowUpDTO](t)
	for _, b := range []struct {
		name  string
		in    WHO5Input
		field string
		code  domain.Code
	}{
		{"four items", WHO5Input{Date: "2026-11-02", Items: []int{1, 2, 3, 4}}, "items", domain.CodeInvalidInput},
		{"no items", WHO5Input{Date: "2026-11-02"}, "items", domain.CodeInvalidInput},
		{"an item of 6", WHO5Input{Date: "2026-11-02", Items: []int{1, 2, 6, 4, 5}}, "items.2", domain.CodeOutOfRange},
		{"an item of -1", WHO5Input{Date: "2026-11-02", Items: []int{-1, 2, 3, 4, 5}}, "items.0", domain.CodeOutOfRange},
		{"no date", WHO5Input{Items: []int{1, 2, 3, 4, 5}}, "date", domain.CodeRequired},
		{"tomorrow", WHO5Input{Date: "2026-12-02", Items: []int{1, 2, 3, 4, 5}}, "date", domain.CodeDateOutOfRange},
	} {
		t.Run(b.name, func(t *testing.T) {
			in := b.in
			in.CourseID = co.ID
			_, err := w.followUp.SaveWHO5(in)
			wantField(t, err, b.field, b.code)
		})
	}
	var fu FollowUpDTO
	for _, in := range []WHO5Input{
		{Date: "2026-11-02", Items: []int{3, 3, 3, 3, 3}, Note: "Første gang"}, // 60
		{Date: "2026-11-16", Items: []int{2, 2, 1, 1, 1}},                      // 28, -32
		{Date: "2026-12-01", Items: []int{3, 3, 2, 2, 2}},                      // 48, +20
	} {
		in.CourseID = co.ID
		fu = must(w.followUp.SaveWHO5(in))
	}
	want := []struct {
		raw, pct int
		change   string
		flags    string
	}{
		{15, 60, "<nil>", "[]"},
		{7, 28, "-32", "[poor_wellbeing possible_depression worsened]"},
		{12, 48, "20", "[poor_wellbeing improved]"},
	}
	if len(fu.WHO5) != 3 {
		t.Fatalf("WHO5 = %+v", fu.WHO5)
	}
	for i, w := range want {
		s := fu.WHO5[i]
		change := "<nil>"
		if s.Change != nil {
			change = fmt.Sprint(*s.Change)
		}
		if s.Raw != w.raw || s.Percent != w.pct || change != w.change || fmt.Sprint(s.Flags) != w.flags || s.Flags == nil {
			t.Errorf("score %d = %+v (change %s), want raw %d %d%% change %s flags %s", i, s, change, w.raw, w.pct, w.change, w.flags)
		}
	}
	if fu.WHO5[0].Note != "Første gang" || fu.WHO5[2].Date != "2026-12-01" {
		t.Fatalf("WHO5 = %+v", fu.WHO5)
	}
	// A score entered late for an earlier date takes its place in the series.
	fu = must(w.followUp.SaveWHO5(WHO5Input{CourseID: co.ID, Date: "2026-11-09", Items: []int{5, 5, 5, 5, 5}}))
	if fu.WHO5[1].Percent != 100 || *fu.WHO5[1].Change != 40 || *fu.WHO5[2].Change != -72 {
		t.Fatalf("series after a late entry = %+v", fu.WHO5)
	}
	fu = must(w.followUp.DeleteWHO5(ChildInput{CourseID: co.ID, ID: fu.WHO5[1].ID}))
	if len(fu.WHO5) != 3 || *fu.WHO5[1].Change != -32 {
		t.Fatalf("series after delete = %+v", fu.WHO5)
	}
	other := w.course(t, w.lead.ID, "Bjørn Ørsted")
	_, err := w.followUp.DeleteWHO5(ChildInput{CourseID: other.ID, ID: fu.WHO5[0].ID})
	wantCode(t, err, domain.CodeNotFound)
}

func TestWeeklyCheck(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[FollowUpDTO](t)
	for _, b := range []struct {
		name  string
		in    WeeklyCheckInput
		field string
	}{
		{"substance 5", WeeklyCheckInput{Week: "2026-11-25", Substance: 5}, "substance"},
		{"mental -1", WeeklyCheckInput{Week: "2026-11-25", Mental: -1}, "mental"},
	} {
		t.Run(b.name, func(t *testing.T) {
			in := b.in
			in.CourseID = co.ID
			_, err := w.followUp.SaveWeeklyCheck(in)
			wantField(t, err, b.field, domain.CodeOutOfRange)
		})
	}
	_, err := w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: co.ID, Week: "2026-12-02"})
	wantField(t, err, "week", domain.CodeDateOutOfRange)

	fu := must(w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: co.ID, Week: "2026-11-25", Substance: 2, Mental: 3, Note: "Onsdag"}))
	if len(fu.WeeklyChecks) != 1 || fu.WeeklyChecks[0].WeekStart != "2026-11-23" || fu.WeeklyChecks[0].Substance != 2 {
		t.Fatalf("weekly = %+v", fu.WeeklyChecks)
	}
	// Sunday is still the week of Monday 23 November: the check is replaced, not added.
	fu = must(w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: co.ID, Week: "2026-11-29", Substance: 4, Mental: 0, Note: "Søndag"}))
	if c := fu.WeeklyChecks; len(c) != 1 || c[0].WeekStart != "2026-11-23" || c[0].Substance != 4 || c[0].Mental != 0 || c[0].Note != "Søndag" {
		t.Fatalf("weekly after the same week = %+v", c)
	}
	fu = must(w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: co.ID, Week: "2026-11-30", Substance: 1, Mental: 1}))
	if c := fu.WeeklyChecks; len(c) != 2 || c[0].WeekStart != "2026-11-30" || c[1].WeekStart != "2026-11-23" {
		t.Fatalf("weekly after a new week = %+v", c)
	}
}
