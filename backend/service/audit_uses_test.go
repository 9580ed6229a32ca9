package service

import (
	"testing"

	"icm/backend/domain"
)

// entriesOf lists the log's entries with the action and object, newest first.
func entriesOf(t *testing.T, f *signedIn, in AuditFilter, object string) []AuditEntryDTO {
	t.Helper()
	var out []AuditEntryDTO
	for _, e := range mustFn[AuditPageDTO](t)(f.audit.List(in)).Entries {
		if e.Object == object {
			out = append(out, e)
		}
	}
	return out
}

// Every use the README promises to log is logged: changes of roles and access, of the team
// and of the method template, and reading the audit log and the team's overviews, with one
// entry for each citizen an overview shows.
func TestAuditLogsTeamChangesAndOverviews(t *testing.T) {
	f := newSignedIn(t)
	jonas := f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{ID: jonas.ID, Name: "Jonas Ørnberg", Initials: "JØ",
		Role: string(domain.RoleTeamLead), FTE: 0.12, Active: true})) // a ceiling of none
	mustFn[TeamDTO](t)(f.teams.UpdateTeam(UpdateTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-team Nord"}))
	mustFn[TemplateDTO](t)(NewTemplateService(f.d, nil).SaveElement(TemplateElementInput{Element: "target_group",
		Answer: "Borgere fra herberget", Status: "draft"}))

	workers := entriesOf(t, f, AuditFilter{Action: AuditAccount}, "worker")
	if len(workers) < 2 || workers[0].Detail != "worker "+itoa(int(jonas.ID))+": role icm_worker → team_lead, fte 1 → 0.12" {
		t.Fatalf("worker entries = %+v", workers)
	}
	if e := entriesOf(t, f, AuditFilter{Action: AuditSetting}, "team"); len(e) != 1 {
		t.Fatalf("team entries = %+v", e)
	}
	if e := entriesOf(t, f, AuditFilter{Action: AuditSetting}, "template"); len(e) != 1 || e[0].Detail != "target_group: draft" {
		t.Fatalf("template entries = %+v", e)
	}
	// Each read of the audit log is itself logged, with the citizen it was filtered by.
	reads := entriesOf(t, f, AuditFilter{Action: AuditView}, "audit_log")
	if len(reads) != 3 {
		t.Fatalf("reads of the log = %+v", reads)
	}

	// The caseload overview and the team overview log one entry per citizen they show.
	gitte := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Gitte Ravn"}))
	bo := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bo Holm"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: gitte.ID, WorkerID: jonas.ID,
		StartDate: "2026-11-01", OverrideReason: "Kender Jonas"}))
	mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: bo.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[TeamOverviewDTO](t)(f.teams.TeamOverview())
	shown := entriesOf(t, f, AuditFilter{CitizenID: gitte.ID, Action: AuditList}, "caseload")
	if len(shown) != 1 || shown[0].CourseID != co.ID {
		t.Fatalf("caseload entries for the citizen with an override = %+v", shown)
	}
	if e := entriesOf(t, f, AuditFilter{CitizenID: bo.ID, Action: AuditList}, "caseload"); len(e) != 0 {
		t.Fatalf("a citizen the caseload overview does not show is logged: %+v", e)
	}
	mustFn[OverviewDTO](t)(NewOverviewService(f.d).TeamOverview())
	for _, c := range []CitizenDTO{gitte, bo} {
		if e := entriesOf(t, f, AuditFilter{CitizenID: c.ID, Action: AuditList}, "team_overview"); len(e) != 1 {
			t.Fatalf("team overview entries for %s = %+v", c.Name, e)
		}
	}
}
