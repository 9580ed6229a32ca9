package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// testNow is the fixed clock of every service test.
var testNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// newTestDeps opens a real SQLite file in a temporary folder with a fixed clock.
func newTestDeps(t testing.TB) Deps {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "icm.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return Deps{Store: st, Clock: func() time.Time { return testNow }}
}

// fixture is a set up team with its services; lead is the first team lead's id.
type fixture struct {
	d        Deps
	teams    *TeamService
	citizens *CitizenService
	courses  *CourseService
	lead     WorkerDTO
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	d := newTestDeps(t)
	f := &fixture{d: d, teams: NewTeamService(d), citizens: NewCitizenService(d), courses: NewCourseService(d)}
	if _, err := f.teams.SetupTeam(SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}); err != nil {
		t.Fatalf("SetupTeam: %v", err)
	}
	ws, err := f.teams.ListWorkers()
	if err != nil || len(ws) != 1 {
		t.Fatalf("ListWorkers = %v, %v", ws, err)
	}
	f.lead = ws[0]
	return f
}

func (f *fixture) worker(t *testing.T, name, initials string, role domain.Role, fte float64) WorkerDTO {
	t.Helper()
	w, err := f.teams.SaveWorker(WorkerInput{Name: name, Initials: initials, Role: string(role), FTE: fte, Active: true})
	if err != nil {
		t.Fatalf("SaveWorker(%s): %v", name, err)
	}
	return w
}

func (f *fixture) citizen(t *testing.T, name string) CitizenDTO {
	t.Helper()
	c, err := f.citizens.SaveCitizen(CitizenInput{Name: name})
	if err != nil {
		t.Fatalf("SaveCitizen(%s): %v", name, err)
	}
	return c
}

// course starts a course for a new citizen with the given worker.
func (f *fixture) course(t *testing.T, workerID uint, citizenName string) CourseDTO {
	t.Helper()
	c := f.citizen(t, citizenName)
	co, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: workerID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatalf("CreateCourse(%s): %v", citizenName, err)
	}
	return co
}

// as is the fixture's deps acting as a (not signed in through a session).
func (f *fixture) as(a Actor) Deps {
	d := f.d
	d.As = &a
	return d
}

// leadActor is the fixture's team lead as the one who acts (rather than the command line).
func (f *fixture) leadActor() Actor {
	return Actor{WorkerID: f.lead.ID, Name: f.lead.Name, Initials: f.lead.Initials, Role: domain.RoleTeamLead}
}

func names(n int, prefix string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %d", prefix, i+1)
	}
	return out
}

// wantCode fails unless err is a *domain.Error with the code.
func wantCode(t *testing.T, err error, code domain.Code) *domain.Error {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("error = %v (%T), want *domain.Error with code %s", err, err, code)
	}
	if de.Code != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	return de
}

// wantField fails unless err is invalid_input naming field with code.
func wantField(t *testing.T, err error, field string, code domain.Code) {
	t.Helper()
	de := wantCode(t, err, domain.CodeInvalidInput)
	for _, f := range de.Fields {
		if f.Field == field && f.Code == code {
			return
		}
	}
	t.Fatalf("fields = %+v, want %s on %q", de.Fields, code, field)
}

// closeCourse closes a course the one way there is: the follow-up step's closing.
func closeCourse(t *testing.T, d Deps, courseID uint, endDate string) {
	t.Helper()
	if _, err := NewFollowUpService(d).CloseCourse(CloseCourseInput{CourseID: courseID, EndDate: endDate,
		Reason: string(domain.CloseGoalsReached), AfterSupport: string(domain.AfterNone), HousingAtClose: string(domain.HousingOwn)}); err != nil {
		t.Fatalf("CloseCourse(%d): %v", courseID, err)
	}
}
