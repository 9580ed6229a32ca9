package service

import (
	"testing"

	"icm/backend/domain"
)

// Every approval is the signed-in team lead's: a worker cannot name a lead as the one who
// allowed a caseload above the ceiling or approved a plan, and a lead signs the method
// template in their own name only.
func TestApprovalsComeFromTheSignedInLead(t *testing.T) {
	f := newSignedIn(t)
	anna := f.worker(t, "Anna Berg", "AB", "anna")
	// 0.13 FTE: a caseload of one.
	mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{ID: anna.ID, Name: "Anna Berg", Initials: "AB",
		Role: string(domain.RoleICMWorker), FTE: 0.13, Active: true}))
	lars := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: "Lars Bak", Initials: "LB",
		Role: string(domain.RoleTeamLead), FTE: 1, Active: true}))
	versions := NewPlanVersionService(f.d)
	templates := NewTemplateService(f.d, &fakeDesktop{})

	f.signIn(t, "anna", "første kode 123")
	first := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bjørn Aagaard"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: first.ID, WorkerID: anna.ID, StartDate: "2026-11-01"}))
	second := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Holm"}))
	_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: second.ID, WorkerID: anna.ID, StartDate: "2026-11-01",
		OverrideReason: "Kender borgeren fra herberget"})
	wantCode(t, err, domain.CodeOverrideByLead)

	// Anna's plan: she may sign it with the citizen, not approve it as team lead.
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen lejlighed"}))
	sign := SignPlanInput{CourseID: co.ID, CitizenDate: "2026-12-01", Method: "paper", WorkerDate: "2026-12-01",
		LeadApproval: true, LeadDate: "2026-12-01"}
	_, err = versions.SignPlan(sign)
	wantField(t, err, "leadApproval", domain.CodeApprovalByLead)
	sign.LeadApproval, sign.LeadDate = false, ""
	v1 := mustFn[PlanVersionDTO](t)(versions.SignPlan(sign))
	if v1.Summary.LeadID != 0 || v1.Summary.LeadName != "" {
		t.Fatalf("a worker's signing names a lead: %+v", v1.Summary)
	}
	_, err = templates.SignTemplate(SignTemplateInput{Date: "2026-12-01"})
	wantCode(t, err, domain.CodeForbidden)

	// Mette, signed in, approves in her own name.
	f.signIn(t, "mette", leadPassword)
	over := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: second.ID, WorkerID: anna.ID,
		StartDate: "2026-11-01", OverrideReason: "Kender borgeren fra herberget"}))
	if over.Override == nil || over.Override.ByName != "Mette Lund" {
		t.Fatalf("override = %+v", over.Override)
	}
	sign.LeadApproval, sign.LeadDate = true, "2026-12-01"
	v2 := mustFn[PlanVersionDTO](t)(versions.SignPlan(sign))
	if v2.Summary.LeadID != f.lead.ID || v2.Summary.LeadName != "Mette Lund" || v2.Summary.LeadDate != "2026-12-01" {
		t.Fatalf("approval = %+v", v2.Summary)
	}
	tv := mustFn[TemplateVersionDTO](t)(templates.SignTemplate(SignTemplateInput{Date: "2026-12-01", Note: "Aftalt"}))
	if tv.Summary.LeadID != f.lead.ID || tv.Summary.LeadName != "Mette Lund" {
		t.Fatalf("template signed by %+v", tv.Summary)
	}
	// Signing the template is logged, with the version.
	p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Action: AuditSign}))
	if len(p.Entries) == 0 || p.Entries[0].Object != "template" || p.Entries[0].Detail != "version 1" ||
		p.Entries[0].WorkerID != f.lead.ID {
		t.Fatalf("sign entries = %+v", p.Entries)
	}

	// Lars signs as Lars.
	mustFn[AccountDTO](t)(f.auth.SaveAccount(AccountInput{WorkerID: lars.ID, Username: "lars", Password: "første kode 123"}))
	f.signIn(t, "lars", "første kode 123")
	mustFn[AuthStatusDTO](t)(f.auth.ChangePassword(ChangePasswordInput{Current: "første kode 123", New: "lars egen kode 1"}))
	tv = mustFn[TemplateVersionDTO](t)(templates.SignTemplate(SignTemplateInput{Date: "2026-12-01"}))
	if tv.Summary.LeadID != lars.ID || tv.Summary.LeadName != "Lars Bak" {
		t.Fatalf("template signed by %+v", tv.Summary)
	}
}
