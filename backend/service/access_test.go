package service

import (
	"testing"

	"icm/backend/domain"
)

// closeCourse ends a course through its closing in the follow-up step (the only way), as
// whoever is signed in.
func (f *signedIn) closeCourse(t *testing.T, courseID uint) {
	t.Helper()
	mustFn[FollowUpDTO](t)(NewFollowUpService(f.d).CloseCourse(CloseCourseInput{CourseID: courseID, EndDate: f.clock.Format("2006-01-02"),
		Reason: "goals_reached", AfterSupport: "none", HousingAtClose: "own"}))
}

// Ownership of a citizen comes from an open course only: the worker of a closed course (or
// of a course that went on with a colleague) reads the citizen as any colleague does, as the
// team's setting says, and changes nothing; the team lead may always act.
func TestOwnershipComesFromAnOpenCourseOnly(t *testing.T) {
	f := newSignedIn(t)
	anna := f.worker(t, "Anna Berg", "AB", "anna")
	jonas := f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Gitte Ravn"}))
	first := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: anna.ID, StartDate: "2026-10-01"}))
	f.closeCourse(t, first.ID)

	// Anna's course is closed: she reads Gitte read-only and can neither change her details
	// nor open the course again.
	f.signIn(t, "anna", "første kode 123")
	if c := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: cit.ID})); !c.ReadOnly {
		t.Fatal("the worker of a closed course still has write access")
	}
	_, err := f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte Ravn Hansen"})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	_, err = f.courses.UpdateCourse(UpdateCourseInput{ID: first.ID, WorkerID: anna.ID, StartDate: "2026-10-01", Status: "active"})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	if list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{})); len(list) != 1 || !list[0].ReadOnly {
		t.Fatalf("list for the worker of a closed course = %+v", list)
	}

	// A new course may be started by a worker who may read the citizen; it is Jonas's now.
	f.signIn(t, "jonas", "første kode 123")
	second := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: jonas.ID, StartDate: "2026-11-25"}))
	if c := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte Ravn"})); c.ReadOnly {
		t.Fatal("the worker of the open course is read-only")
	}

	// Anna's old course does not give her back what Jonas's open course gives him.
	f.signIn(t, "anna", "første kode 123")
	_, err = f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte R."})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	if c := mustFn[CourseDTO](t)(f.courses.GetCourse(IDInput{ID: second.ID})); !c.ReadOnly {
		t.Fatal("the colleague's open course is not read-only for the former worker")
	}

	// With colleagues' citizens hidden, the former worker sees nothing of Gitte, and nobody
	// but the team lead may start a course for a citizen whose courses are all closed.
	f.signIn(t, "mette", leadPassword)
	mustFn[TeamSettingsDTO](t)(f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueNone, LockMinutes: 10}))
	f.closeCourse(t, second.ID)
	for _, u := range []string{"anna", "jonas"} {
		f.signIn(t, u, "første kode 123")
		_, err = f.citizens.GetCitizen(IDInput{ID: cit.ID})
		wantCode(t, err, domain.CodeNoAccess)
		_, err = f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: anna.ID, StartDate: "2026-11-30"})
		wantCode(t, err, domain.CodeNoAccess)
		if list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{})); len(list) != 0 {
			t.Fatalf("%s sees a citizen whose courses are all closed: %+v", u, list)
		}
	}
	f.signIn(t, "mette", leadPassword)
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte Ravn"}))
	mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: anna.ID, StartDate: "2026-11-30"}))
	f.signIn(t, "anna", "første kode 123")
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte Ravn"}))
}
