package service

import (
	"testing"
)

// TestHousingOfCourseSteps: the visitation's housing at start is the course's start entry,
// dated the course start (and moved with it); the closing's housing is an entry dated the
// end date; both are in the citizen's history beside the moves.
func TestHousingOfCourseSteps(t *testing.T) {
	w := newWizard(t)
	c := mustFn[CitizenDTO](t)(w.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", Housing: "street", HousingDate: "2026-09-01"}))
	co := mustFn[CourseDTO](t)(w.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: w.lead.ID, StartDate: "2026-10-01"}))
	history := func() HousingHistoryDTO {
		t.Helper()
		return mustFn[HousingHistoryDTO](t)(w.citizens.GetHousingHistory(IDInput{ID: c.ID}))
	}

	in := SaveVisitationInput{CourseID: co.ID, HousingAtStart: "shelter", HousingNote: "Herberget på Åvej"}
	v := mustFn[VisitationDTO](t)(w.courses.SaveVisitation(in))
	if v.HousingAtStart != "shelter" || v.HousingNote != "Herberget på Åvej" {
		t.Fatalf("visitation = %+v", v)
	}
	wantLines(t, history(), []entryLine{
		{"2026-10-01", "street", "shelter", "start", true},
		{"2026-09-01", "", "street", "move", true},
	})
	// Autosave writes the whole step again: the start entry is kept, not repeated.
	in.NeedsNote = "Mange aftaler"
	mustFn[VisitationDTO](t)(w.courses.SaveVisitation(in))
	in.HousingAtStart = "sofa"
	mustFn[VisitationDTO](t)(w.courses.SaveVisitation(in))
	h := history()
	wantLines(t, h, []entryLine{
		{"2026-10-01", "street", "sofa", "start", true},
		{"2026-09-01", "", "street", "move", true},
	})
	if h.Entries[0].Correctable || h.Entries[0].CourseID != co.ID || h.Current != "sofa" {
		t.Fatalf("start entry = %+v, current %q", h.Entries[0], h.Current)
	}
	t.Run("the start entry is changed in its step", func(t *testing.T) {
		_, err := w.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: c.ID, ID: h.Entries[0].ID, Note: "x"})
		wantCode(t, err, "housing_entry_of_step")
	})

	// The course's start moves: its start entry moves with it.
	mustFn[CourseDTO](t)(w.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: w.lead.ID, StartDate: "2026-10-05", Status: "active"}))
	if got := history().Entries[0]; got.Date != "2026-10-05" || got.Kind != "start" {
		t.Fatalf("start entry after the start moved = %+v", got)
	}
	// A move during the course, then the closing with the housing at the end.
	mustFn[HousingHistoryDTO](t)(w.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: "2026-11-01", Housing: "temporary"}))
	fu := mustFn[FollowUpDTO](t)(w.followUp.CloseCourse(CloseCourseInput{CourseID: co.ID, EndDate: "2026-11-30",
		Reason: "goals_reached", AfterSupport: "cti", HousingAtClose: "own"}))
	if fu.Closing == nil || fu.Closing.HousingAtClose != "own" {
		t.Fatalf("closing = %+v", fu.Closing)
	}
	h = history()
	wantLines(t, h, []entryLine{
		{"2026-11-30", "temporary", "own", "close", true},
		{"2026-11-01", "sofa", "temporary", "move", true},
		{"2026-10-05", "street", "sofa", "start", true},
		{"2026-09-01", "", "street", "move", true},
	})
	if got := mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: c.ID})); got.Housing != "own" {
		t.Fatalf("citizen housing after closing = %q", got.Housing)
	}
	// A move registered later but dated before the closing does not change the housing now.
	mustFn[HousingHistoryDTO](t)(w.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: "2026-11-15", Housing: "own_at_risk"}))
	if got := mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: c.ID})); got.Housing != "own" {
		t.Fatalf("citizen housing after a back-dated move = %q", got.Housing)
	}

	t.Run("a visitation without housing has no start entry", func(t *testing.T) {
		c2 := mustFn[CitizenDTO](t)(w.citizens.SaveCitizen(CitizenInput{Name: "Bo Berg"}))
		co2 := mustFn[CourseDTO](t)(w.courses.CreateCourse(CreateCourseInput{CitizenID: c2.ID, WorkerID: w.lead.ID, StartDate: "2026-11-01"}))
		in := SaveVisitationInput{CourseID: co2.ID, HousingNote: "Ved ikke endnu"}
		mustFn[VisitationDTO](t)(w.courses.SaveVisitation(in)) // a note only: kept, not a situation
		h := mustFn[HousingHistoryDTO](t)(w.citizens.GetHousingHistory(IDInput{ID: c2.ID}))
		if len(h.Entries) != 1 || h.Entries[0].InForce || h.Current != "" || h.Entries[0].Note != "Ved ikke endnu" {
			t.Fatalf("history with a note only = %+v", h)
		}
		in.HousingNote = ""
		mustFn[VisitationDTO](t)(w.courses.SaveVisitation(in))
		if h := mustFn[HousingHistoryDTO](t)(w.citizens.GetHousingHistory(IDInput{ID: c2.ID})); len(h.Entries) != 0 {
			t.Fatalf("history after the step was emptied = %+v", h)
		}
	})
}
