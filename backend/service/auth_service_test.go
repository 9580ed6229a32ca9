package service

import (
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

const leadPassword = "en lang adgangskode"

// signedIn is a team whose lead is signed in to a real session, with a clock tests move.
type signedIn struct {
	d        Deps
	path     string
	clock    *time.Time
	auth     *AuthService
	audit    *AuditService
	teams    *TeamService
	citizens *CitizenService
	courses  *CourseService
	planning *PlanningService
	notes    *NoteService
	lead     WorkerDTO
}

func newSignedIn(t *testing.T) *signedIn {
	t.Helper()
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	now := testNow
	f := &signedIn{clock: &now, path: path}
	f.d = Deps{Store: st, Clock: func() time.Time { return *f.clock }, Session: NewSession()}
	f.audit = NewAuditService(f.d, &fakeDesktop{path: filepath.Join(t.TempDir(), "log.pdf")})
	f.auth = NewAuthService(f.d, f.audit)
	f.teams, f.citizens, f.courses = NewTeamService(f.d), NewCitizenService(f.d), NewCourseService(f.d)
	f.planning, f.notes = NewPlanningService(f.d), NewNoteService(f.d)
	if _, err := f.teams.SetupTeam(SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1, LeadUsername: "Mette", LeadPassword: leadPassword}); err != nil {
		t.Fatalf("SetupTeam: %v", err)
	}
	ws := mustFn[[]WorkerDTO](t)(f.teams.ListWorkers())
	f.lead = ws[0]
	return f
}

func (f *signedIn) advance(d time.Duration) { *f.clock = f.clock.Add(d) }

// auditAs reads the audit log as the team lead and signs back in as username afterwards
// (every worker in these tests has the first password the lead gave them).
func (f *signedIn) auditAs(t *testing.T, username string, in AuditFilter) (AuditPageDTO, error) {
	t.Helper()
	f.signIn(t, "mette", leadPassword)
	defer f.signIn(t, username, "første kode 123")
	return f.audit.List(in)
}

// worker adds an ICM worker with an account the lead set up, who has since chosen their
// own password (the same words, to keep the tests short), and returns them.
func (f *signedIn) worker(t *testing.T, name, initials, username string) WorkerDTO {
	t.Helper()
	w := f.newcomer(t, name, initials, username)
	c, err := f.d.Store.GetCredential(context.Background(), w.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.MustChange = false
	if err := f.d.Store.SaveCredential(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return w
}

// newcomer adds an ICM worker with the first password the lead gave, still to be replaced.
func (f *signedIn) newcomer(t *testing.T, name, initials, username string) WorkerDTO {
	t.Helper()
	w := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: name, Initials: initials,
		Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
	acc := mustFn[AccountDTO](t)(f.auth.SaveAccount(AccountInput{WorkerID: w.ID, Username: username, Password: "første kode 123"}))
	if !acc.HasAccount || !acc.MustChange || acc.Username != username {
		t.Fatalf("account = %+v", acc)
	}
	return w
}

func (f *signedIn) signIn(t *testing.T, username, password string) AuthStatusDTO {
	t.Helper()
	return mustFn[AuthStatusDTO](t)(f.auth.SignIn(SignInInput{Username: username, Password: password}))
}

func TestSetupTeamSignsTheLeadIn(t *testing.T) {
	f := newSignedIn(t)
	s := mustFn[AuthStatusDTO](t)(f.auth.Status())
	if !s.SignedIn || s.Locked || s.User == nil || s.User.Name != "Mette Lund" || s.User.Role != string(domain.RoleTeamLead) ||
		!s.HasTeam || !s.HasAccount || s.MustChange {
		t.Fatalf("status after setup = %+v", s)
	}
	// The username is stored in lower case and found whatever the case typed.
	mustFn[AuthStatusDTO](t)(f.auth.SignOut())
	if _, err := f.citizens.ListCitizens(CitizenListInput{}); domain.CodeOf(err) != domain.CodeNotSignedIn {
		t.Fatalf("ListCitizens signed out: %v, want not_signed_in", err)
	}
	if s := f.signIn(t, "  METTE ", leadPassword); !s.SignedIn {
		t.Fatalf("sign-in = %+v", s)
	}
	// A second setup is refused, and the password rules hold at setup.
	_, err := f.teams.SetupTeam(SetupTeamInput{Municipality: "X", TeamName: "Y", LeadName: "Z Z", LeadInitials: "ZZ",
		LeadFTE: 1, LeadUsername: "zz", LeadPassword: leadPassword})
	wantCode(t, err, domain.CodeTeamExists)
}

func TestPasswordAndUsernameRules(t *testing.T) {
	f := newSignedIn(t)
	w := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: "Jonas Ørnberg", Initials: "JØ",
		Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
	cases := []struct {
		user, pw, field string
		code            domain.Code
	}{
		{"jonas", "kort", "password", domain.CodeWeakPassword},
		{"jonasjonas", "jonasjonas", "password", domain.CodeWeakPassword}, // long enough, but the username
		{"jonasjonas", "JonasJonas", "password", domain.CodeWeakPassword},
		{"jonas", "god kode\x00123", "password", domain.CodeInvalidCharacters},
		{"jonas", strings.Repeat("x", 201), "password", domain.CodeTooLong},
		{"jonas", "", "password", domain.CodeRequired},
		{"", "en god kode 1", "username", domain.CodeRequired},
		{"jo nas", "en god kode 1", "username", domain.CodeInvalidCharacters},
		{"j", "en god kode 1", "username", domain.CodeInvalidChoice},
		{"mette", "en god kode 1", "username", domain.CodeUsernameTaken},
	}
	for _, c := range cases {
		_, err := f.auth.SaveAccount(AccountInput{WorkerID: w.ID, Username: c.user, Password: c.pw})
		wantField(t, err, c.field, c.code)
	}
	// Emoji and right-to-left letters are fine in a password: every character counts.
	mustFn[AccountDTO](t)(f.auth.SaveAccount(AccountInput{WorkerID: w.ID, Username: "jonas", Password: "🙂 שלום adgang 12"}))
	f.signIn(t, "jonas", "🙂 שלום adgang 12")
}

func TestLockoutAfterFailedAttempts(t *testing.T) {
	f := newSignedIn(t)
	w := f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	for i := 1; i < MaxFailedSignIns; i++ {
		_, err := f.auth.SignIn(SignInInput{Username: "jonas", Password: "forkert kode"})
		wantCode(t, err, domain.CodeWrongCredentials)
	}
	_, err := f.auth.SignIn(SignInInput{Username: "jonas", Password: "forkert kode"})
	de := wantCode(t, err, domain.CodeAccountLocked)
	if de.Params["until"] == "" {
		t.Fatal("account_locked without the time it opens again")
	}
	// Locked: even the right password is refused until the time has passed...
	_, err = f.auth.SignIn(SignInInput{Username: "jonas", Password: "første kode 123"})
	wantCode(t, err, domain.CodeAccountLocked)
	// ...and the lead is still signed in (a failed sign-in does not end the session).
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); s.User == nil || s.User.WorkerID != f.lead.ID {
		t.Fatalf("status = %+v", s)
	}
	accs := mustFn[[]AccountDTO](t)(f.auth.ListAccounts())
	for _, a := range accs {
		if a.WorkerID == w.ID && a.LockedUntil == "" {
			t.Fatalf("account list does not show the lock: %+v", a)
		}
	}
	f.advance(lockoutFor + time.Minute)
	if s := f.signIn(t, "jonas", "første kode 123"); s.User.WorkerID != w.ID {
		t.Fatalf("after the lockout: %+v", s)
	}
	// The lead can lift a lockout at once.
	mustFn[AuthStatusDTO](t)(f.auth.SignOut())
	for i := 0; i < MaxFailedSignIns; i++ {
		_, _ = f.auth.SignIn(SignInInput{Username: "jonas", Password: "forkert kode"})
	}
	f.signIn(t, "mette", leadPassword)
	mustFn[AccountDTO](t)(f.auth.UnlockAccount(IDInput{ID: w.ID}))
	f.signIn(t, "jonas", "første kode 123")
	// Unknown usernames answer exactly like wrong passwords.
	_, err = f.auth.SignIn(SignInInput{Username: "findes-ikke", Password: "hvad som helst"})
	wantCode(t, err, domain.CodeWrongCredentials)
}

func TestMustChangeAndChangePassword(t *testing.T) {
	f := newSignedIn(t)
	f.newcomer(t, "Jonas Ørnberg", "JØ", "jonas")
	if s := f.signIn(t, "jonas", "første kode 123"); !s.MustChange {
		t.Fatalf("a first password need not be changed: %+v", s)
	}
	// Until Jonas has chosen his own password, the services refuse him, whatever the UI shows.
	_, err := f.citizens.ListCitizens(CitizenListInput{})
	wantCode(t, err, domain.CodePasswordChange)
	_, err = f.auth.ListAccounts()
	wantCode(t, err, domain.CodePasswordChange)
	_, err = f.auth.ChangePassword(ChangePasswordInput{Current: "forkert", New: "min egen kode 1"})
	wantField(t, err, "current", domain.CodeWrongCredentials)
	_, err = f.auth.ChangePassword(ChangePasswordInput{Current: "første kode 123", New: "kort"})
	wantField(t, err, "new", domain.CodeWeakPassword)
	if s := mustFn[AuthStatusDTO](t)(f.auth.ChangePassword(ChangePasswordInput{Current: "første kode 123",
		New: "min egen kode 1"})); s.MustChange {
		t.Fatalf("must change after changing: %+v", s)
	}
	mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{}))
	mustFn[AuthStatusDTO](t)(f.auth.SignOut())
	_, err = f.auth.SignIn(SignInInput{Username: "jonas", Password: "første kode 123"})
	wantCode(t, err, domain.CodeWrongCredentials)
	f.signIn(t, "jonas", "min egen kode 1")
	// A worker may not manage accounts or team settings.
	_, err = f.auth.ListAccounts()
	wantCode(t, err, domain.CodeForbidden)
	_, err = f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueNone, LockMinutes: 5})
	wantCode(t, err, domain.CodeForbidden)
	_, err = f.audit.List(AuditFilter{})
	wantCode(t, err, domain.CodeForbidden)
}

func TestIdleLockKeepsTheSessionForTheSameWorker(t *testing.T) {
	f := newSignedIn(t)
	mustFn[TeamSettingsDTO](t)(f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueReadOnly,
		LockMinutes: 5}))
	f.advance(4 * time.Minute)
	mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{})) // activity keeps it open
	f.advance(4 * time.Minute)
	mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{}))
	f.advance(5*time.Minute + time.Second)
	_, err := f.citizens.ListCitizens(CitizenListInput{})
	wantCode(t, err, domain.CodeSessionLocked)
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); !s.Locked || !s.SignedIn {
		t.Fatalf("status when locked = %+v", s)
	}
	_, err = f.auth.Unlock(UnlockInput{Password: "forkert"})
	wantCode(t, err, domain.CodeWrongCredentials)
	if s := mustFn[AuthStatusDTO](t)(f.auth.Unlock(UnlockInput{Password: leadPassword})); s.Locked {
		t.Fatalf("still locked: %+v", s)
	}
	mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{}))
	// Lock on request, and another worker cannot open someone else's locked screen.
	w := f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	mustFn[AuthStatusDTO](t)(f.auth.Lock())
	_, err = f.auth.Unlock(UnlockInput{Password: "første kode 123"})
	wantCode(t, err, domain.CodeWrongCredentials)
	if s := f.signIn(t, "jonas", "første kode 123"); s.User.WorkerID != w.ID || s.Locked {
		t.Fatalf("the other worker's sign-in = %+v", s)
	}
}

func TestColleagueAccess(t *testing.T) {
	f := newSignedIn(t)
	anna := f.worker(t, "Anna Berg", "AB", "anna")
	f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Gitte Ravn"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: anna.ID, StartDate: "2026-11-01"}))
	goal := mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "At have mit eget sted at bo"}))
	mustFn[NoteDTO](t)(f.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", DurationMinutes: 30, Location: "home", Kind: "visit", Text: "Besøg hos Gitte, talte om køkkenet"}))

	// Anna's own citizen: full access.
	f.signIn(t, "anna", "første kode 123")
	if c := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: cit.ID})); c.ReadOnly {
		t.Fatal("the worker's own citizen is read-only")
	}
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, ID: goal.Goals[0].ID, CitizenWords: "At have mit eget sted at bo i byen"}))

	// Jonas, with the default read-only rule: may read, not change.
	f.signIn(t, "jonas", "første kode 123")
	list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{}))
	if len(list) != 1 || !list[0].ReadOnly {
		t.Fatalf("list for a colleague = %+v", list)
	}
	if c := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: cit.ID})); !c.ReadOnly {
		t.Fatal("a colleague's citizen is not marked read-only")
	}
	if c := mustFn[CourseDTO](t)(f.courses.GetCourse(IDInput{ID: co.ID})); !c.ReadOnly {
		t.Fatal("a colleague's course is not marked read-only")
	}
	mustFn[PlanDTO](t)(f.planning.GetPlan(IDInput{ID: co.ID}))
	_, err := f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Et nyt mål"})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	_, err = f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Gitte Ravn Hansen"})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	_, err = f.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-21T10:00", DurationMinutes: 30, Location: "home", Kind: "visit", Text: "x"})
	wantCode(t, err, domain.CodeReadOnlyAccess)
	if hits := mustFn[[]NoteHitDTO](t)(f.notes.SearchNotes(NoteSearchInput{Query: "køkkenet"})); len(hits) != 1 {
		t.Fatalf("search hits for a read-only colleague = %d, want 1", len(hits))
	}
	// Reading includes printing the plan for a meeting, and the print is logged as Jonas's.
	exp := NewExportService(f.d, &fakeDesktop{path: filepath.Join(t.TempDir(), "plan.pdf")}, t.TempDir())
	mustFn[ExportResultDTO](t)(exp.SavePlanPDF(ExportPlanInput{CourseID: co.ID}))
	if p := mustFn[AuditPageDTO](t)(f.auditAs(t, "jonas", AuditFilter{CitizenID: cit.ID, Action: AuditExport})); len(p.Entries) != 1 ||
		p.Entries[0].WorkerName != "Jonas Ørnberg" {
		t.Fatalf("export entries = %+v", p.Entries)
	}

	// The lead hides colleagues' citizens.
	f.signIn(t, "mette", leadPassword)
	mustFn[TeamSettingsDTO](t)(f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueNone, LockMinutes: 10}))
	f.signIn(t, "jonas", "første kode 123")
	if list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{})); len(list) != 0 {
		t.Fatalf("hidden citizens listed: %+v", list)
	}
	_, err = f.citizens.GetCitizen(IDInput{ID: cit.ID})
	wantCode(t, err, domain.CodeNoAccess)
	_, err = f.courses.GetCourse(IDInput{ID: co.ID})
	wantCode(t, err, domain.CodeNoAccess)
	_, err = f.planning.GetPlan(IDInput{ID: co.ID})
	wantCode(t, err, domain.CodeNoAccess)
	_, err = exp.SavePlanPDF(ExportPlanInput{CourseID: co.ID})
	wantCode(t, err, domain.CodeNoAccess)
	if hits := mustFn[[]NoteHitDTO](t)(f.notes.SearchNotes(NoteSearchInput{Query: "køkkenet"})); len(hits) != 0 {
		t.Fatalf("search shows a hidden citizen's note: %+v", hits)
	}
	// A citizen nobody has a course with yet is open to every worker.
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Ny Borger"}))
	if list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{})); len(list) != 1 || list[0].ReadOnly {
		t.Fatalf("a citizen without a course: %+v", list)
	}
}

func TestAuditLogsEveryUseOfACitizensData(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Gitte Ravn"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: cit.ID}))
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "At have mit eget sted at bo"}))
	mustFn[PlanDTO](t)(f.planning.GetPlan(IDInput{ID: co.ID}))
	_, err := f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: ""}) // refused: not a change
	wantField(t, err, "citizenWords", domain.CodeRequired)

	page := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID}))
	var got []string
	for i := len(page.Entries) - 1; i >= 0; i-- {
		e := page.Entries[i]
		if e.WorkerName != "Mette Lund" || e.CitizenName != "Gitte Ravn" {
			t.Errorf("entry %+v", e)
		}
		got = append(got, e.Action+" "+e.Object)
	}
	want := []string{"create citizen", "create course", "view citizen", "change goal", "view plan"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Fatalf("entries for the citizen:\n got %v\nwant %v", got, want)
	}
	// Filters: action, worker, dates (local days), and paging.
	if p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Action: AuditSignIn})); len(p.Entries) != 0 {
		t.Fatalf("sign-in entries before any sign-in: %+v", p.Entries) // setup logs "account", not "sign_in"
	}
	f.signIn(t, "mette", leadPassword)
	if p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Action: AuditSignIn, WorkerID: f.lead.ID})); len(p.Entries) != 1 {
		t.Fatalf("sign-in entries = %+v", p.Entries)
	}
	// The first read of the citizen's entries is logged as a use of the citizen's data.
	day := testNow.Local().Format(domain.DateLayout)
	if p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID, From: day, To: day})); len(p.Entries) != 6 ||
		p.Entries[0].Action != AuditView || p.Entries[0].Object != "audit_log" || p.Entries[0].Detail != "5 entries" {
		t.Fatalf("entries of the day = %+v, want 5 and the read of them", p.Entries)
	}
	next := testNow.Local().AddDate(0, 0, 1).Format(domain.DateLayout)
	if p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID, From: next})); len(p.Entries) != 0 {
		t.Fatalf("entries from tomorrow = %d, want 0", len(p.Entries))
	}
	p1 := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID, Limit: 2}))
	p2 := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID, Limit: 2, Before: p1.Entries[1].ID}))
	if !p1.More || len(p2.Entries) != 2 || p2.Entries[0].ID >= p1.Entries[1].ID {
		t.Fatalf("paging: %+v then %+v", p1, p2)
	}
	_, err = f.audit.List(AuditFilter{Action: "hack", From: "31.12.2026", Limit: 501})
	de := wantCode(t, err, domain.CodeInvalidInput)
	if len(de.Fields) != 3 {
		t.Fatalf("fields = %+v", de.Fields)
	}

	// The chain holds, and the log cannot be changed through SQL.
	if c := mustFn[AuditCheckDTO](t)(f.audit.Verify()); !c.OK || c.Entries < 7 {
		t.Fatalf("chain = %+v", c)
	}
	db := rawDB(t, f.path)
	if err := db.Exec(`UPDATE audit_log SET worker_name = 'Nogen Andre' WHERE id = 3`).Error; !strings.Contains(fmtErr(err), "audit_append_only") {
		t.Fatalf("UPDATE of the audit log: %v", err)
	}
	if err := db.Exec(`DELETE FROM audit_log WHERE id = 3`).Error; !strings.Contains(fmtErr(err), "audit_append_only") {
		t.Fatalf("DELETE from the audit log: %v", err)
	}
	// Someone who drops the triggers and edits a row is found out by the chain.
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET worker_name = 'Nogen Andre' WHERE id = 3`} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	c := mustFn[AuditCheckDTO](t)(f.audit.Verify())
	if c.OK || c.BrokenAt != 3 {
		t.Fatalf("chain after tampering = %+v, want broken at 3", c)
	}
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); s.Audit.OK || s.Audit.BrokenAt != 3 {
		t.Fatalf("status does not report the broken chain: %+v", s.Audit)
	}
}

func TestAuditAppendsFromManyGoroutinesKeepOneChain(t *testing.T) {
	f := newSignedIn(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				if err := f.d.Store.AppendAudit(context.Background(), time.Now(), store.AuditEntry{Action: AuditView, Object: "citizen", CitizenID: uint(g + 1)}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	res, err := f.d.Store.VerifyAudit(context.Background())
	if err != nil || res.BrokenAt != 0 || res.Entries < 200 {
		t.Fatalf("chain after concurrent appends = %+v, %v", res, err)
	}
}

func TestAuditLogPDFForOneCitizen(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", CPR: "0101901234"}))
	mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: cit.ID}))
	res := mustFn[ExportResultDTO](t)(f.audit.SaveCitizenPDF(IDInput{ID: cit.ID}))
	text := pdfText(t, res.Path)
	for _, want := range []string{"Log over brug af borgerens data", "Åse Ærø", "010190-", "Mette Lund", "oprettede",
		"stamoplysninger", "intakt"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "1234") {
		t.Error("the PDF shows the full CPR number")
	}
	_, err := f.audit.SaveCitizenPDF(IDInput{ID: 999})
	wantCode(t, err, domain.CodeNotFound)
	// The export itself is logged.
	p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: cit.ID, Action: AuditExport}))
	if len(p.Entries) != 1 || p.Entries[0].Object != "audit_log" {
		t.Fatalf("export entries = %+v", p.Entries)
	}
}

// rawDB is a second connection to the file, for what the app itself never does.
func rawDB(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(store.DSN(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	t.Cleanup(func() { _ = sqlDB.Close() })
	return db
}

func fmtErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
