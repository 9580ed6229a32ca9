package service

import (
	"os"
	"path/filepath"
	"testing"

	"icm/backend/printfiles"
)

// on a locked screen another worker may sign in with SignIn (no SignOut first). The
// plan the previous worker opened for printing, of a citizen the team may hide from the new
// worker, must go then too, as at a sign-out.
func TestPrintFilesGoWhenAnotherWorkerSignsIn(t *testing.T) {
	f := newSignedIn(t)
	prints := printfiles.New(filepath.Join(t.TempDir(), "print"))
	f.d.Prints = prints
	auth := NewAuthService(f.d, f.audit)
	f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig", Area: "housing"}))
	res := mustFn[ExportResultDTO](t)(NewExportService(f.d, &fakeDesktop{}, "").PrintPlan(ExportPlanInput{CourseID: co.ID}))
	mustFn[AuthStatusDTO](t)(auth.Lock())
	mustFn[AuthStatusDTO](t)(auth.SignIn(SignInInput{Username: "jonas", Password: "første kode 123"}))
	if _, err := os.Stat(res.Path); !os.IsNotExist(err) {
		t.Fatalf("the lead's print file is still there after Jonas signed in in her place: %v", err)
	}
}
