package service

import (
	"testing"

	"icm/backend/domain"
)

func TestCloseCourseValidation(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø") // starts 2026-11-01
	ok := CloseCourseInput{CourseID: co.ID, EndDate: "2026-11-30", Reason: "goals_reached", AfterSupport: "cti", HousingAtClose: "own"}
	with := func(f func(in *CloseCourseInput)) CloseCourseInput { in := ok; f(&in); return in }
	cases := []struct {
		name  string
		in    CloseCourseInput
		field string
		code  domain.Code
	}{
		{"end before start", with(func(in *CloseCourseInput) { in.EndDate = "2026-10-31" }), "endDate", domain.CodeDateOrder},
		{"end tomorrow", with(func(in *CloseCourseInput) { in.EndDate = "2026-12-02" }), "endDate", domain.CodeDateOutOfRange},
		{"no end date", with(func(in *CloseCourseInput) { in.EndDate = "" }), "endDate", domain.CodeRequired},
		{"no reason", with(func(in *CloseCourseInput) { in.Reason = "" }), "reason", domain.CodeRequired},
		{"giving up is no reason", with(func(in *CloseCourseInput) { in.Reason = "lost_contact" }), "reason", domain.CodeInvalidChoice},
		{"no support after", with(func(in *CloseCourseInput) { in.AfterSupport = "" }), "afterSupport", domain.CodeRequired},
		{"no housing at close", with(func(in *CloseCourseInput) { in.HousingAtClose = "" }), "housingAtClose", domain.CodeRequired},
		{"unknown housing", with(func(in *CloseCourseInput) { in.HousingAtClose = "castle" }), "housingAtClose", domain.CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.followUp.CloseCourse(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	c := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID}))
	if c.Status != "visitation" || c.EndDate != "" {
		t.Fatalf("a refused closing changed the course: %+v", c)
	}
	// Closing on the start date itself is allowed.
	fu := mustFn[FollowUpDTO](t)(w.followUp.CloseCourse(with(func(in *CloseCourseInput) { in.EndDate = "2026-11-01" })))
	if fu.Closing == nil || fu.Closing.EndDate != "2026-11-01" {
		t.Fatalf("closing = %+v", fu.Closing)
	}
}

func TestCloseCourseEndsEveryWrite(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[FollowUpDTO](t)
	// A few rows to aim the refused deletes and edits at.
	g := mustFn[PlanDTO](t)(w.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Egen bolig"})).Goals[0]
	note := mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-30T10:00",
		Location: "home", Kind: "visit", Text: "Besøg"}))
	who := must(w.followUp.SaveWHO5(WHO5Input{CourseID: co.ID, Date: "2026-11-30", Items: []int{3, 3, 3, 3, 3}})).WHO5[0]

	fu := must(w.followUp.CloseCourse(CloseCourseInput{CourseID: co.ID, EndDate: "2026-11-30", Reason: "goals_reached",
		AfterSupport: "cti", AfterNote: "CTI i ni måneder", HousingAtClose: "own", Note: "Flyttet ind i egen lejlighed"}))
	want := ClosingDTO{EndDate: "2026-11-30", Reason: "goals_reached", AfterSupport: "cti", AfterNote: "CTI i ni måneder",
		HousingAtClose: "own", Note: "Flyttet ind i egen lejlighed"}
	if fu.Closing == nil || *fu.Closing != want {
		t.Fatalf("closing = %+v, want %+v", fu.Closing, want)
	}
	if fu.ContactGap.Over || fu.EvaluationState != "ok" {
		t.Fatalf("a closed course warns: gap %+v, evaluation %s", fu.ContactGap, fu.EvaluationState)
	}
	c := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID}))
	if c.Status != "closed" || c.EndDate != "2026-11-30" || c.ContactGap.Over {
		t.Fatalf("course after closing = %+v", c)
	}
	cit := mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: co.CitizenID}))
	if cit.Housing != "own" || len(cit.Courses) != 1 || cit.Courses[0].Status != "closed" {
		t.Fatalf("citizen after closing = %+v", cit)
	}
	if got := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID})); got.Closing == nil || *got.Closing != want {
		t.Fatalf("GetFollowUp closing = %+v", got.Closing)
	}

	id := co.ID
	child := ChildInput{CourseID: id, ID: 1}
	writes := []struct {
		name string
		call func() error
	}{
		{"SaveVisitation", func() error { _, err := w.courses.SaveVisitation(SaveVisitationInput{CourseID: id}); return err }},
		{"SaveTopic", func() error {
			_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: id, Topic: "housing", CitizenView: "x"})
			return err
		}},
		{"SaveGoal", func() error { _, err := w.planning.SaveGoal(GoalInput{CourseID: id, CitizenWords: "x"}); return err }},
		{"SaveGoal edit", func() error {
			_, err := w.planning.SaveGoal(GoalInput{ID: g.ID, CourseID: id, CitizenWords: "x"})
			return err
		}},
		{"DeleteGoal", func() error { _, err := w.planning.DeleteGoal(ChildInput{CourseID: id, ID: g.ID}); return err }},
		{"SaveSubGoal", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{CourseID: id, GoalID: g.ID, What: "x y z"})
			return err
		}},
		{"DeleteSubGoal", func() error { _, err := w.planning.DeleteSubGoal(child); return err }},
		{"SaveActivity", func() error { _, err := w.planning.SaveActivity(ActivityInput{CourseID: id, What: "x"}); return err }},
		{"DeleteActivity", func() error { _, err := w.planning.DeleteActivity(child); return err }},
		{"SaveContact", func() error {
			_, err := w.coord.SaveContact(ContactInput{CourseID: id, Kind: "gp", Name: "Lægen"})
			return err
		}},
		{"DeleteContact", func() error { _, err := w.coord.DeleteContact(child); return err }},
		{"SaveMeeting", func() error {
			_, err := w.coord.SaveMeeting(MeetingInput{CourseID: id, Date: "2026-12-01", Purpose: "x"})
			return err
		}},
		{"DeleteMeeting", func() error { _, err := w.coord.DeleteMeeting(child); return err }},
		{"SaveCase", func() error {
			_, err := w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: id, Opened: "2026-12-01", Barrier: "x"})
			return err
		}},
		{"DeleteCase", func() error { _, err := w.advocacy.DeleteCase(child); return err }},
		{"SaveEvaluation", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: id, Date: "2026-11-30"})
			return err
		}},
		{"SaveWHO5", func() error {
			_, err := w.followUp.SaveWHO5(WHO5Input{CourseID: id, Date: "2026-12-01", Items: []int{1, 1, 1, 1, 1}})
			return err
		}},
		{"DeleteWHO5", func() error { _, err := w.followUp.DeleteWHO5(ChildInput{CourseID: id, ID: who.ID}); return err }},
		{"SaveWeeklyCheck", func() error {
			_, err := w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: id, Week: "2026-12-01"})
			return err
		}},
		{"CloseCourse again", func() error {
			_, err := w.followUp.CloseCourse(CloseCourseInput{CourseID: id, EndDate: "2026-12-01", Reason: "moved",
				AfterSupport: "none", HousingAtClose: "street"})
			return err
		}},
		{"SaveNote", func() error {
			_, err := w.notes.SaveNote(NoteInput{CourseID: id, OccurredAt: "2026-12-01T09:00", Location: "home", Kind: "visit", Text: "x"})
			return err
		}},
		{"SaveNote edit", func() error {
			_, err := w.notes.SaveNote(NoteInput{ID: note.ID, CourseID: id, OccurredAt: note.OccurredAt, Location: "home",
				Kind: "visit", Text: "Rettet efter lukning"})
			return err
		}},
	}
	for _, wr := range writes {
		t.Run(wr.name, func(t *testing.T) { wantCode(t, call(t, wr.call), domain.CodeCourseClosed) })
	}
	// The record is unchanged and still readable.
	if p := mustFn[PlanDTO](t)(w.planning.GetPlan(IDInput{ID: id})); len(p.Goals) != 1 || p.Goals[0].CitizenWords != "Egen bolig" {
		t.Fatalf("plan after refused writes = %+v", p)
	}
	if ns := mustFn[[]NoteDTO](t)(w.notes.ListNotes(IDInput{ID: id})); len(ns) != 1 || ns[0].Text != "Besøg" {
		t.Fatalf("notes after refused writes = %+v", ns)
	}
	if cit := mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: co.CitizenID})); cit.Housing != "own" {
		t.Fatalf("housing after a refused second closing = %s", cit.Housing)
	}
}
