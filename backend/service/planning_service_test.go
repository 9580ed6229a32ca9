package service

import (
	"fmt"
	"testing"

	"icm/backend/domain"
)

func TestPlanningValidation(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[PlanDTO](t)
	goal := must(w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Jeg vil have min egen lejlighed"})).Goals[0]
	sub := func(in SubGoalInput) SubGoalInput { in.CourseID, in.GoalID = co.ID, goal.ID; return in }
	cases := []struct {
		name  string
		call  func() error
		field string
		code  domain.Code
	}{
		{"goal without citizen words", func() error {
			_, err := w.planning.SaveGoal(GoalInput{CourseID: co.ID, ActionPlanGoal: "Bolig"})
			return err
		}, "citizenWords", domain.CodeRequired},
		{"goal with blank citizen words", func() error {
			_, err := w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: " \n "})
			return err
		}, "citizenWords", domain.CodeRequired},
		{"goal with unknown area", func() error {
			_, err := w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Bo selv", Area: "wishes"})
			return err
		}, "area", domain.CodeInvalidChoice},
		{"sub-goal without what", func() error { _, err := w.planning.SaveSubGoal(sub(SubGoalInput{})); return err },
			"what", domain.CodeRequired},
		{"sub-goal deadline in Danish notation", func() error {
			_, err := w.planning.SaveSubGoal(sub(SubGoalInput{What: "Søge om bolig", Deadline: "01.03.2027"}))
			return err
		}, "deadline", domain.CodeInvalidDate},
		{"sub-goal deadline that is no date", func() error {
			_, err := w.planning.SaveSubGoal(sub(SubGoalInput{What: "Søge om bolig", Deadline: "2027-02-30"}))
			return err
		}, "deadline", domain.CodeInvalidDate},
		{"sub-goal deadline more than five years ahead", func() error {
			_, err := w.planning.SaveSubGoal(sub(SubGoalInput{What: "Søge om bolig", Deadline: "2031-12-02"}))
			return err
		}, "deadline", domain.CodeDateOutOfRange},
		{"sub-goal with unknown status", func() error {
			_, err := w.planning.SaveSubGoal(sub(SubGoalInput{What: "Søge om bolig", Status: "done"}))
			return err
		}, "status", domain.CodeInvalidChoice},
		{"activity without what", func() error { _, err := w.planning.SaveActivity(ActivityInput{CourseID: co.ID}); return err },
			"what", domain.CodeRequired},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantField(t, c.call(), c.field, c.code) })
	}
	plan := must(w.planning.GetPlan(IDInput{ID: co.ID}))
	if len(plan.Goals) != 1 || len(plan.Goals[0].SubGoals) != 0 || len(plan.Activities) != 0 {
		t.Fatalf("refused input was stored: %+v", plan)
	}
}

func TestPlanningSubGoalsAndSmartLacks(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[PlanDTO](t)
	goal := must(w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Jeg vil have min egen lejlighed",
		Area: "housing"})).Goals[0]
	cases := []struct {
		name   string
		in     SubGoalInput
		status string
		lacks  []string
	}{
		{"no measure, no deadline", SubGoalInput{What: "Søge om boligstøtte sammen", Owner: "Åse"}, "not_started",
			[]string{"no_measure", "no_deadline"}},
		{"two words, no owner", SubGoalInput{What: "Søge bolig", Measure: "Sendt", Deadline: "2027-03-01"}, "not_started",
			[]string{"not_specific", "no_owner"}},
		{"deadline passed while in progress", SubGoalInput{What: "Åbne post hver uge", Measure: "Ingen rykkere",
			Owner: "Åse", Deadline: "2026-11-30", Status: "in_progress"}, "in_progress", []string{"no_deadline"}},
		{"deadline today is fine", SubGoalInput{What: "Åbne post hver uge", Measure: "Ingen rykkere", Owner: "Åse",
			Deadline: "2026-12-01", Status: "adjusted"}, "adjusted", []string{}},
		{"achieved after its deadline is fine", SubGoalInput{What: "Skrive sig op til bolig", Measure: "Kvittering",
			Owner: "Mette", Deadline: "2026-11-01", Status: "achieved"}, "achieved", []string{}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.in
			in.CourseID, in.GoalID = co.ID, goal.ID
			plan := mustFn[PlanDTO](t)(w.planning.SaveSubGoal(in))
			subs := plan.Goals[0].SubGoals
			if len(subs) != i+1 {
				t.Fatalf("%d sub-goals, want %d", len(subs), i+1)
			}
			sg := subs[i] // in the order they were added
			if sg.What != c.in.What || sg.Deadline != c.in.Deadline || sg.Status != c.status || sg.GoalID != goal.ID ||
				fmt.Sprint(sg.SmartLacks) != fmt.Sprint(c.lacks) || sg.SmartLacks == nil {
				t.Fatalf("sub-goal = %+v, want status %s lacks %v", sg, c.status, c.lacks)
			}
		})
	}
	// The SMART check is computed against the clock: a week later the open deadline of today has passed.
	w.at(t, "2026-12-08")
	plan := must(w.planning.GetPlan(IDInput{ID: co.ID}))
	if l := plan.Goals[0].SubGoals[3].SmartLacks; fmt.Sprint(l) != "[no_deadline]" {
		t.Fatalf("a week later the adjusted sub-goal lacks %v", l)
	}
	// Updating keeps the position and may change the status.
	first := plan.Goals[0].SubGoals[0]
	plan = must(w.planning.SaveSubGoal(SubGoalInput{ID: first.ID, CourseID: co.ID, GoalID: goal.ID, What: first.What,
		Measure: "Ansøgning sendt", Owner: "Åse", Deadline: "2027-01-15", Status: "in_progress"}))
	if got := plan.Goals[0].SubGoals[0]; got.ID != first.ID || got.Status != "in_progress" || len(got.SmartLacks) != 0 {
		t.Fatalf("updated sub-goal = %+v", got)
	}
}

func TestPlanningBelongsToItsCourse(t *testing.T) {
	w := newWizard(t)
	a := w.course(t, w.lead.ID, "Åse Ærø")
	b := w.course(t, w.lead.ID, "Bjørn Ørsted")
	must := mustFn[PlanDTO](t)
	goalA := must(w.planning.SaveGoal(GoalInput{CourseID: a.ID, CitizenWords: "Egen bolig"})).Goals[0]
	planB := must(w.planning.SaveGoal(GoalInput{CourseID: b.ID, CitizenWords: "Komme ud af gælden"}))
	goalB := planB.Goals[0]
	planB = must(w.planning.SaveSubGoal(SubGoalInput{CourseID: b.ID, GoalID: goalB.ID, What: "Lave et budget sammen"}))
	subB := planB.Goals[0].SubGoals[0]
	planA := must(w.planning.SaveSubGoal(SubGoalInput{CourseID: a.ID, GoalID: goalA.ID, What: "Søge om boligstøtte"}))
	subA := planA.Goals[0].SubGoals[0]

	refusals := []struct {
		name string
		call func() error
	}{
		{"sub-goal under another course's goal", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{CourseID: a.ID, GoalID: goalB.ID, What: "Snyde sig ind"})
			return err
		}},
		{"moving another course's sub-goal", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{ID: subB.ID, CourseID: a.ID, GoalID: goalA.ID, What: "Flyttet"})
			return err
		}},
		{"editing another course's goal", func() error {
			_, err := w.planning.SaveGoal(GoalInput{ID: goalB.ID, CourseID: a.ID, CitizenWords: "Overskrevet"})
			return err
		}},
		{"deleting another course's goal", func() error {
			_, err := w.planning.DeleteGoal(ChildInput{CourseID: a.ID, ID: goalB.ID})
			return err
		}},
		{"deleting another course's sub-goal", func() error {
			_, err := w.planning.DeleteSubGoal(ChildInput{CourseID: a.ID, ID: subB.ID})
			return err
		}},
		{"activity linked to another course's sub-goal", func() error {
			_, err := w.planning.SaveActivity(ActivityInput{CourseID: a.ID, What: "Besøg", SubGoalID: subB.ID})
			return err
		}},
		{"activity linked to an unknown sub-goal", func() error {
			_, err := w.planning.SaveActivity(ActivityInput{CourseID: a.ID, What: "Besøg", SubGoalID: 4242})
			return err
		}},
		{"unknown goal", func() error {
			_, err := w.planning.SaveGoal(GoalInput{ID: 4242, CourseID: a.ID, CitizenWords: "x"})
			return err
		}},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) { wantCode(t, r.call(), domain.CodeNotFound) })
	}
	if p := must(w.planning.GetPlan(IDInput{ID: b.ID})); p.Goals[0].CitizenWords != "Komme ud af gælden" ||
		len(p.Goals[0].SubGoals) != 1 || p.Goals[0].SubGoals[0].What != "Lave et budget sammen" {
		t.Fatalf("course B's plan changed: %+v", p)
	}

	t.Run("deleting a goal removes its sub-goals and unlinks activities", func(t *testing.T) {
		must := mustFn[PlanDTO](t)
		p := must(w.planning.SaveActivity(ActivityInput{CourseID: a.ID, What: "Ugentligt besøg", Frequency: "ugentligt",
			SubGoalID: subA.ID}))
		if len(p.Activities) != 1 || p.Activities[0].SubGoalID != subA.ID {
			t.Fatalf("activities = %+v", p.Activities)
		}
		p = must(w.planning.DeleteGoal(ChildInput{CourseID: a.ID, ID: goalA.ID}))
		if len(p.Goals) != 0 || len(p.Activities) != 1 || p.Activities[0].SubGoalID != 0 {
			t.Fatalf("plan after delete = %+v", p)
		}
		if _, err := w.d.Store.GetSubGoal(w.planning.ctx(), subA.ID); domain.CodeOf(err) != domain.CodeNotFound {
			t.Fatalf("sub-goal of the deleted goal: %v", err)
		}
		_, err := w.planning.DeleteGoal(ChildInput{CourseID: a.ID, ID: goalA.ID})
		wantCode(t, err, domain.CodeNotFound)
	})
}

func TestPlanningCompletenessEndToEnd(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[PlanDTO](t)
	p := must(w.planning.GetPlan(IDInput{ID: co.ID}))
	wantDone(t, p.Completeness, 0, 5, "goal_in_own_words", "subgoal", "smart_subgoals", "activity_plan", "action_plan_link")

	p = must(w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Jeg vil have min egen lejlighed"}))
	wantDone(t, p.Completeness, 1, 5, "subgoal", "smart_subgoals", "activity_plan", "action_plan_link")
	g := p.Goals[0]
	p = must(w.planning.SaveGoal(GoalInput{ID: g.ID, CourseID: co.ID, CitizenWords: g.CitizenWords, ActionPlanGoal: "Boligsituationen"}))
	wantDone(t, p.Completeness, 2, 5, "subgoal", "smart_subgoals", "activity_plan")
	p = must(w.planning.SaveSubGoal(SubGoalInput{CourseID: co.ID, GoalID: g.ID, What: "Søge om boligstøtte sammen",
		Measure: "Ansøgning sendt", Owner: "Åse og Mette", Deadline: "2027-01-15"}))
	wantDone(t, p.Completeness, 4, 5, "activity_plan")
	p = must(w.planning.SaveActivity(ActivityInput{CourseID: co.ID, What: "Besøg i hjemmet", Frequency: "ugentligt"}))
	wantDone(t, p.Completeness, 5, 5)
	wantDone(t, w.step(t, co.ID, "planning"), 5, 5)

	// One open sub-goal that is not SMART spoils the SMART requirement …
	p = must(w.planning.SaveSubGoal(SubGoalInput{CourseID: co.ID, GoalID: g.ID, What: "Flytte ind"}))
	wantDone(t, p.Completeness, 4, 5, "smart_subgoals")
	// … until it is closed: dropped sub-goals count as SMART.
	vague := p.Goals[0].SubGoals[1]
	p = must(w.planning.SaveSubGoal(SubGoalInput{ID: vague.ID, CourseID: co.ID, GoalID: g.ID, What: vague.What, Status: "dropped"}))
	wantDone(t, p.Completeness, 5, 5)
	p = must(w.planning.DeleteActivity(ChildInput{CourseID: co.ID, ID: p.Activities[0].ID}))
	wantDone(t, p.Completeness, 4, 5, "activity_plan")
	p = must(w.planning.DeleteSubGoal(ChildInput{CourseID: co.ID, ID: vague.ID}))
	if len(p.Goals[0].SubGoals) != 1 {
		t.Fatalf("sub-goals after delete = %+v", p.Goals[0].SubGoals)
	}
}
