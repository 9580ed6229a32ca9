package service

import (
	"context"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// wizard is a fixture with every step service and a clock the test can move. It starts at
// testNow (2026-12-01 10:00 UTC).
type wizard struct {
	*fixture
	clock    time.Time
	assess   *AssessmentService
	planning *PlanningService
	coord    *CoordinationService
	advocacy *AdvocacyService
	followUp *FollowUpService
	notes    *NoteService
}

func newWizard(t *testing.T) *wizard {
	t.Helper()
	w := &wizard{fixture: newFixture(t), clock: testNow}
	d := Deps{Store: w.d.Store, Clock: func() time.Time { return w.clock }}
	w.d, w.teams, w.citizens, w.courses = d, NewTeamService(d), NewCitizenService(d), NewCourseService(d)
	w.assess, w.planning, w.coord = NewAssessmentService(d), NewPlanningService(d), NewCoordinationService(d)
	w.advocacy, w.followUp, w.notes = NewAdvocacyService(d), NewFollowUpService(d), NewNoteService(asWorker(d, w.lead))
	return w
}

// asWorker is d acting as the worker (without a session): a journal note needs a worker
// as its author, which the command line is not.
func asWorker(d Deps, w WorkerDTO) Deps {
	d.As = &Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
	return d
}

// asLead is d acting as the team's first team lead, who may write on every course.
func asLead(tb testing.TB, d Deps) Deps {
	tb.Helper()
	role := string(domain.RoleTeamLead)
	ws, err := d.Store.ListWorkers(context.Background(), store.FindWorker{Role: &role})
	if err != nil || len(ws) == 0 {
		tb.Fatalf("no team lead: %v", err)
	}
	d.As = &Actor{WorkerID: ws[0].ID, Name: ws[0].Name, Initials: ws[0].Initials, Role: domain.RoleTeamLead}
	return d
}

// at moves the clock to 10:00 UTC on an ISO date.
func (w *wizard) at(t *testing.T, day string) {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	w.clock = d.Add(10 * time.Hour)
}

// courseFrom starts a course for a new citizen with the team lead, from the given date.
func (w *wizard) courseFrom(t *testing.T, citizenName, start string) CourseDTO {
	t.Helper()
	c := w.citizen(t, citizenName)
	co, err := w.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: w.lead.ID, StartDate: start})
	if err != nil {
		t.Fatalf("CreateCourse(%s, %s): %v", citizenName, start, err)
	}
	return co
}

// step finds one step's status on the course page.
func (w *wizard) step(t *testing.T, courseID uint, step string) StepStatusDTO {
	t.Helper()
	co, err := w.courses.GetCourse(IDInput{ID: courseID})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range co.Steps {
		if s.Step == step {
			return s
		}
	}
	t.Fatalf("step %s not on course %d", step, courseID)
	return StepStatusDTO{}
}

// mustFn gives a function that fails t on an error and returns the value, so that
// must(svc.Call(in)) reads as one step. Make a new one in each subtest.
func mustFn[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}

// wantDone checks a step's completeness: done of total, with exactly these missing.
func wantDone(t *testing.T, s StepStatusDTO, done, total int, missing ...string) {
	t.Helper()
	if s.Done != done || s.Total != total || len(s.Missing) != len(missing) {
		t.Fatalf("%s completeness = %d/%d missing %v, want %d/%d missing %v", s.Step, s.Done, s.Total, s.Missing,
			done, total, missing)
	}
	for i := range missing {
		if s.Missing[i] != missing[i] {
			t.Fatalf("%s missing = %v, want %v", s.Step, s.Missing, missing)
		}
	}
}
