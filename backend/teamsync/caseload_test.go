package teamsync_test

import (
	"fmt"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
)

// assign registers a citizen on the laptop and starts a course for the worker (local id).
func assign(t *testing.T, l *laptop, name string, worker uint) {
	t.Helper()
	c := must[service.CitizenDTO](t, l.name+": SaveCitizen")(service.NewCitizenService(l.deps()).SaveCitizen(service.CitizenInput{Name: name}))
	must[service.CourseDTO](t, l.name+": CreateCourse")(service.NewCourseService(l.deps()).CreateCourse(service.CreateCourseInput{
		CitizenID: c.ID, WorkerID: worker, StartDate: "2026-11-15"}))
}

// Two laptops each give Anna a citizen offline while she has room for one more: each keeps
// the ceiling on its own, together they break it. After syncing, the team lead sees a
// warning naming Anna, one over, and both assignments with who made them on which laptop.
func TestTwoOfflineAssignmentsTogetherBreakTheCeiling(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 21}, "AA")
	lead, anna := tm.laptops[0], tm.laptops[1]
	var annaOnLead uint
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'AA'`).Scan(&annaOnLead)
	for i := 2; i <= 7; i++ { // Anna has 1 course: now 7 of 8
		assign(t, lead, fmt.Sprintf("Borger %d Testesen", i), annaOnLead)
	}
	tm.settle(t)
	cs := service.NewConflictService(lead.deps())
	if w := must[[]service.CaseloadWarningDTO](t, "CaseloadWarnings")(cs.CaseloadWarnings()); len(w) != 0 {
		t.Fatalf("warnings at 7 of 8: %+v", w)
	}
	// Offline: one assignment on each laptop, each within the ceiling there.
	assign(t, lead, "Borger Otte Nielsen", annaOnLead)
	assign(t, anna, "Borger Ni Hansen", anna.actor.WorkerID)
	tm.settle(t)
	tm.converged(t)
	if _, err := service.NewConflictService(anna.deps()).CaseloadWarnings(); domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("a worker asking for the team's warnings: %v, want forbidden", err)
	}
	// The team lead sees the same on either laptop (Mette's local id there).
	for _, l := range []*laptop{lead, anna} {
		lead := *l
		lead.actor = tm.laptops[0].actor
		l.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'ML'`).Scan(&lead.actor.WorkerID)
		w := must[[]service.CaseloadWarningDTO](t, l.name+": CaseloadWarnings")(service.NewConflictService(lead.deps()).CaseloadWarnings())
		if len(w) != 1 || w[0].WorkerName != "Medarbejder AA" || w[0].Open != 9 || w[0].Max != 8 || w[0].Over != 1 {
			t.Fatalf("%s: warnings %+v", l.name, w)
		}
		got := map[string]string{}
		for _, a := range w[0].Assignments {
			got[a.CitizenName] = a.ByName + "@" + a.Laptop
			if a.At == "" || a.ThisLaptop {
				t.Fatalf("%s: assignment %+v", l.name, a)
			}
		}
		want := map[string]string{"Borger Otte Nielsen": "Mette Lund@lead", "Borger Ni Hansen": "Medarbejder AA@AA"}
		if len(got) != 2 || got["Borger Otte Nielsen"] != want["Borger Otte Nielsen"] || got["Borger Ni Hansen"] != want["Borger Ni Hansen"] {
			t.Fatalf("%s: assignments %v, want %v", l.name, got, want)
		}
	}
}
