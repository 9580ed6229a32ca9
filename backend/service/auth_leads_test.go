package service

import (
	"context"
	"testing"

	"icm/backend/domain"
)

// The last active team lead who can sign in never steps down or goes inactive, even when
// another team lead without an account is on the team: otherwise nobody could sign in as
// team lead, and the first-account screen would hand the role to whoever is at the screen.
func TestLastLeadWhoCanSignInStays(t *testing.T) {
	f := newSignedIn(t)
	lars := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: "Lars Bak", Initials: "LB",
		Role: string(domain.RoleTeamLead), FTE: 1, Active: true}))
	me := WorkerInput{ID: f.lead.ID, Name: f.lead.Name, Initials: f.lead.Initials, Role: string(domain.RoleTeamLead), FTE: 1, Active: true}
	demoted, inactive := me, me
	demoted.Role, inactive.Active = string(domain.RoleICMWorker), false
	for _, in := range []WorkerInput{demoted, inactive} {
		_, err := f.teams.SaveWorker(in)
		wantCode(t, err, domain.CodeLastTeamLead)
	}
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); !s.HasAccount || len(s.LeadsWithoutAccount) != 0 {
		t.Fatalf("status = %+v", s)
	}

	// Once Lars can sign in, Mette may step down; her own session loses the lead's rights at once.
	mustFn[AccountDTO](t)(f.auth.SaveAccount(AccountInput{WorkerID: lars.ID, Username: "lars", Password: "første kode 123"}))
	mustFn[WorkerDTO](t)(f.teams.SaveWorker(demoted))
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); s.User == nil || s.User.Role != string(domain.RoleICMWorker) {
		t.Fatalf("status after stepping down = %+v", s.User)
	}
	_, err := f.auth.ListAccounts()
	wantCode(t, err, domain.CodeForbidden)
	_, err = f.teams.SaveWorker(me)
	wantCode(t, err, domain.CodeForbidden)

	// Lars, now the only lead who can sign in, cannot make himself inactive.
	f.signIn(t, "lars", "første kode 123")
	_, err = f.teams.SaveWorker(WorkerInput{ID: lars.ID, Name: "Lars Bak", Initials: "LB", Role: string(domain.RoleTeamLead), FTE: 1})
	wantCode(t, err, domain.CodeLastTeamLead)
}

// The first account is set up only in a database where nobody can sign in at all.
func TestFirstAccountOnlyWithoutAnyAccount(t *testing.T) {
	f := newFixture(t) // a team from before sign-in: no accounts
	jonas := f.worker(t, "Jonas Ørnberg", "JØ", domain.RoleICMWorker, 1)
	d := f.d
	d.Session = NewSession()
	auth := NewAuthService(d, nil)
	s := mustFn[AuthStatusDTO](t)(auth.Status())
	if s.HasAccount || len(s.LeadsWithoutAccount) != 1 {
		t.Fatalf("status without accounts = %+v", s)
	}

	// A worker has an account (given before the lead's was lost): no first-account set-up.
	if err := saveAccount(context.Background(), d.Store, jonas.ID, "jonas", "", true, testNow, "første kode 123"); err != nil {
		t.Fatal(err)
	}
	s = mustFn[AuthStatusDTO](t)(auth.Status())
	if !s.HasAccount || len(s.LeadsWithoutAccount) != 0 {
		t.Fatalf("status with a worker's account = %+v", s)
	}
	_, err := auth.SetupFirstAccount(FirstAccountInput{WorkerID: f.lead.ID, Username: "mette", Password: leadPassword})
	wantCode(t, err, domain.CodeAccountSetUp)
	if a, _ := d.Session.current(); a != nil {
		t.Fatalf("signed in as %+v", a)
	}
}
