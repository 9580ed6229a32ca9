package service

import (
	"context"
	"sync"
	"testing"
	"time"

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
	mustFn[AuthStatusDTO](t)(f.auth.ChangePassword(ChangePasswordInput{Current: "første kode 123", New: "lars egen kode 1"}))
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

// Parallel wrong attempts cannot get past the lockout: the attempt is counted and the lock
// checked in one transaction before the password is even looked at.
func TestLockoutHoldsUnderParallelAttempts(t *testing.T) {
	f := newSignedIn(t)
	f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	const attempts = 40
	codes := make(chan domain.Code, attempts)
	var wg sync.WaitGroup
	for i := 0; i < attempts; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.auth.SignIn(SignInInput{Username: "jonas", Password: "forkert kode"})
			codes <- domain.CodeOf(err)
		}()
	}
	wg.Wait()
	close(codes)
	count := map[domain.Code]int{}
	for c := range codes {
		count[c]++
	}
	if count[domain.CodeWrongCredentials] > MaxFailedSignIns-1 || count[domain.CodeAccountLocked] < attempts-MaxFailedSignIns+1 ||
		count[domain.CodeWrongCredentials]+count[domain.CodeAccountLocked] != attempts {
		t.Fatalf("answers to %d parallel wrong attempts: %v", attempts, count)
	}
	_, err := f.auth.SignIn(SignInInput{Username: "jonas", Password: "første kode 123"})
	wantCode(t, err, domain.CodeAccountLocked)
}

// A wrong current password in "change password" counts as a failed sign-in: someone at an
// unlocked screen cannot guess the password without end. The lockout locks the screen too.
func TestChangePasswordCountsWrongCurrentPassword(t *testing.T) {
	f := newSignedIn(t)
	f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	f.signIn(t, "jonas", "første kode 123")
	for i := 1; i < MaxFailedSignIns; i++ {
		_, err := f.auth.ChangePassword(ChangePasswordInput{Current: "gæt nummer " + itoa(i), New: "min egen kode 1"})
		wantField(t, err, "current", domain.CodeWrongCredentials)
	}
	_, err := f.auth.ChangePassword(ChangePasswordInput{Current: "gæt nummer 5", New: "min egen kode 1"})
	wantCode(t, err, domain.CodeAccountLocked)
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); !s.Locked {
		t.Fatalf("the screen stays open after the lockout: %+v", s)
	}
	_, err = f.auth.Unlock(UnlockInput{Password: "første kode 123"})
	wantCode(t, err, domain.CodeAccountLocked)
	f.signIn(t, "mette", leadPassword)
	p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Action: AuditFailed}))
	if len(p.Entries) != MaxFailedSignIns+1 || p.Entries[0].WorkerName != "Jonas Ørnberg" {
		t.Fatalf("failed attempts logged: %+v", p.Entries)
	}
	// A right current password clears the count, as a sign-in does.
	f.advance(lockoutFor + time.Minute)
	f.signIn(t, "jonas", "første kode 123")
	_, err = f.auth.ChangePassword(ChangePasswordInput{Current: "forkert", New: "min egen kode 1"})
	wantField(t, err, "current", domain.CodeWrongCredentials)
	mustFn[AuthStatusDTO](t)(f.auth.ChangePassword(ChangePasswordInput{Current: "første kode 123", New: "min egen kode 1"}))
	accs := mustFn[[]AccountDTO](t)(f.auditAccounts(t, "jonas", "min egen kode 1"))
	for _, a := range accs {
		if a.Username == "jonas" && a.FailedAttempts != 0 {
			t.Fatalf("failed attempts after a right password: %+v", a)
		}
	}
}

// auditAccounts lists the accounts as the team lead and signs back in as username.
func (f *signedIn) auditAccounts(t *testing.T, username, password string) ([]AccountDTO, error) {
	t.Helper()
	f.signIn(t, "mette", leadPassword)
	defer f.signIn(t, username, password)
	return f.auth.ListAccounts()
}
