package service

import (
	"testing"

	"icm/backend/domain"
)

// blockAudit makes every append to the audit log fail, as a full disk or a crash between
// the change and its entry would.
func blockAudit(t *testing.T, f *signedIn) func() {
	t.Helper()
	db := rawDB(t, f.path)
	if err := db.Exec(`CREATE TRIGGER test_block_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'blocked'); END`).Error; err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := db.Exec(`DROP TRIGGER test_block_audit`).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// A change and its audit entry commit together: when the entry cannot be written, the change
// is not written either (before, the change committed first and its entry came after).
func TestChangeNeverCommitsWithoutItsAuditEntry(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	plan := mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig", Area: "housing"}))
	other := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Carl Dahl"}))
	coord, advocacy := NewCoordinationService(f.d), NewAdvocacyService(f.d)
	assess, follow := NewAssessmentService(f.d), NewFollowUpService(f.d)
	calls := map[string]func() error{
		"SaveGoal": func() error {
			_, err := f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Et job", Area: "employment"})
			return err
		},
		"SaveSubGoal": func() error {
			_, err := f.planning.SaveSubGoal(SubGoalInput{CourseID: co.ID, GoalID: plan.Goals[0].ID, What: "Søge boligstøtte"})
			return err
		},
		"SaveActivity": func() error {
			_, err := f.planning.SaveActivity(ActivityInput{CourseID: co.ID, What: "Besøg hver tirsdag"})
			return err
		},
		"DeleteGoal": func() error {
			_, err := f.planning.DeleteGoal(ChildInput{CourseID: co.ID, ID: plan.Goals[0].ID})
			return err
		},
		"SaveContact": func() error {
			_, err := coord.SaveContact(ContactInput{CourseID: co.ID, Kind: "caseworker", Name: "Jens Holm", Active: true})
			return err
		},
		"SaveCase": func() error {
			_, err := advocacy.SaveCase(AdvocacyCaseInput{CourseID: co.ID, Opened: "2026-11-10", Barrier: "Afslag på boligstøtte"})
			return err
		},
		"SaveTopic": func() error {
			_, err := assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "housing", CitizenView: "Vil gerne bo selv"})
			return err
		},
		"SaveNote": func() error {
			_, err := f.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", Location: "home", Kind: "visit", Text: "Besøg"})
			return err
		},
		"SaveWHO5": func() error {
			_, err := follow.SaveWHO5(WHO5Input{CourseID: co.ID, Date: "2026-11-20", Items: []int{3, 3, 3, 3, 3}})
			return err
		},
	}
	more := map[string]func() error{
		"SaveCitizen_new": func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{Name: "Bo Berg", Housing: "shelter"})
			return err
		},
		"SaveCitizen_change": func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Åse Ærø Hansen"})
			return err
		},
		"RecordHousing": func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-25", Housing: "own"})
			return err
		},
		"CreateCourse": func() error {
			_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: other.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"})
			return err
		},
		"UpdateCourse": func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: f.lead.ID, StartDate: "2026-11-02", Status: "active"})
			return err
		},
		"SaveVisitation": func() error {
			_, err := f.courses.SaveVisitation(SaveVisitationInput{CourseID: co.ID, HousingAtStart: "shelter"})
			return err
		},
		"SignPlan": func() error {
			_, err := NewPlanVersionService(f.d).SignPlan(SignPlanInput{CourseID: co.ID, CitizenDate: "2026-11-30",
				Method: string(domain.SignPaper), WorkerDate: "2026-11-30"})
			return err
		},
		"CloseCourse": func() error {
			_, err := follow.CloseCourse(CloseCourseInput{CourseID: co.ID, EndDate: "2026-11-30", Reason: "goals_reached",
				AfterSupport: "none", HousingAtClose: "own"})
			return err
		},
		"SaveWorker": func() error {
			_, err := f.teams.SaveWorker(WorkerInput{Name: "Dina Holm", Initials: "DH", Role: "icm_worker", FTE: 1, Active: true})
			return err
		},
		"UpdateTeam": func() error {
			_, err := f.teams.UpdateTeam(UpdateTeamInput{Municipality: "Solvang Kommune", TeamName: "Nyt navn"})
			return err
		},
		"SaveSettings": func() error {
			_, err := f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 10, ColleagueAccess: ColleagueNone, LockMinutes: 15})
			return err
		},
		"SaveElement": func() error {
			_, err := NewTemplateService(f.d, nil).SaveElement(TemplateElementInput{Element: "target_group", Answer: "Hjemløse", Status: "agreed"})
			return err
		},
	}
	for k, v := range more {
		calls[k] = v
	}
	wantAllOrNothing(t, f, calls)
}

// wantAllOrNothing runs each call with the audit log blocked: it must fail because of the
// blocked log (not a refused input) and leave the whole file as it was.
func wantAllOrNothing(t *testing.T, f *signedIn, calls map[string]func() error) {
	t.Helper()
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			before := dumpOf(t, f.d.Store)
			unblock := blockAudit(t, f)
			err := call()
			unblock()
			if err == nil {
				t.Fatal("the call succeeded although its audit entry could not be written")
			}
			if domain.CodeOf(err) != domain.CodeInternal { // the blocked log, not a refused input
				t.Fatalf("failed for another reason: %v", err)
			}
			if after := dumpOf(t, f.d.Store); after != before {
				t.Fatal("the change committed without its audit entry")
			}
		})
	}
}
