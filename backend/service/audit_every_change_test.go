package service

import (
	"testing"

	"icm/backend/domain"
)

// The changes outside the course steps (team, accounts, template, a course's frame) commit
// together with their audit entry too: with the log blocked, each fails and changes nothing.
func TestTeamAndAccountChangesCommitWithTheirAuditEntry(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	free := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bent Bo"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig", Area: "housing"}))
	w := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: "Anna Berg", Initials: "AB", Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
	calls := map[string]func() error{
		"CreateCourse": func() error {
			_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: free.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"})
			return err
		},
		"UpdateCourse": func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: w.ID, StartDate: "2026-11-02", Status: string(domain.CourseVisitation)})
			return err
		},
		"SignPlan": func() error {
			_, err := NewPlanVersionService(f.d).SignPlan(SignPlanInput{CourseID: co.ID, CitizenDate: "2026-11-30",
				Method: string(domain.SignPaper), WorkerDate: "2026-11-30"})
			return err
		},
		"SaveWorker": func() error {
			_, err := f.teams.SaveWorker(WorkerInput{ID: w.ID, Name: "Anna Berg", Initials: "AB", Role: string(domain.RoleTeamLead), FTE: 1, Active: true})
			return err
		},
		"UpdateTeam": func() error {
			_, err := f.teams.UpdateTeam(UpdateTeamInput{Municipality: "Andet Kommune", TeamName: "Nyt navn"})
			return err
		},
		"SaveSettings": func() error {
			_, err := f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 20, ColleagueAccess: ColleagueNone, LockMinutes: 15})
			return err
		},
		"SaveElement": func() error {
			_, err := NewTemplateService(f.d, nil).SaveElement(TemplateElementInput{Element: "target_group", Answer: "Hjemløse", Status: "agreed"})
			return err
		},
		"SignTemplate": func() error {
			_, err := NewTemplateService(f.d, nil).SignTemplate(SignTemplateInput{Date: "2026-12-01"})
			return err
		},
		"SaveAccount": func() error {
			_, err := f.auth.SaveAccount(AccountInput{WorkerID: w.ID, Username: "anna", Password: "første kode 123"})
			return err
		},
		"ChangePassword": func() error {
			_, err := f.auth.ChangePassword(ChangePasswordInput{Current: leadPassword, New: "en helt ny adgangskode"})
			return err
		},
	}
	wantAllOrNothing(t, f, calls)
}
