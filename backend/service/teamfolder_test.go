package service

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"icm/backend/auth"
	"icm/backend/domain"
	"icm/backend/store"
)

// eventRecorder keeps the events a service sends to the window.
type eventRecorder struct {
	mu     sync.Mutex
	events []recorded
}

type recorded struct {
	name string
	data any
}

func (r *eventRecorder) emit(name string, data any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, recorded{name, data})
}

// progress lists the phases of the sync:progress events of one operation, in order.
func (r *eventRecorder) progress(op string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.events {
		if p, ok := e.data.(SyncProgressDTO); ok && e.name == EventSyncProgress && p.Operation == op {
			if len(out) == 0 || out[len(out)-1] != p.Phase {
				out = append(out, p.Phase)
			}
		}
	}
	return out
}

// states lists the states the indicator was told.
func (r *eventRecorder) states() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]bool{}
	for _, e := range r.events {
		if s, ok := e.data.(SyncIndicatorDTO); ok && e.name == EventSyncStatus {
			out[s.State] = true
		}
	}
	return out
}

// folderDesk is a folder dialog that answers with a path.
type folderDesk struct{ path string }

func (d folderDesk) ChooseFolder(string) (string, error) { return d.path, nil }

// newTeamFolder is the service of a laptop, stopped at the end of the test.
func newTeamFolder(t *testing.T, d Deps, dbPath string, team *TeamService) (*TeamFolderService, *eventRecorder) {
	t.Helper()
	rec := &eventRecorder{}
	s := NewTeamFolderService(d, dbPath, folderDesk{}, rec.emit, team, 20*time.Millisecond, 200*time.Millisecond)
	t.Cleanup(func() { StopTeamFolder(s) })
	return s, rec
}

// freshLaptop is a new laptop's database: migrated, nobody in it, nobody signed in.
func freshLaptop(t *testing.T) (Deps, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return Deps{Store: st, Clock: func() time.Time { return testNow }, Session: NewSession()}, path
}

// eventually waits until cond holds, failing after a while.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A team lead founds a team folder through the service, a fresh laptop joins it, the lead
// enrolls it for a worker, the team's data arrives with progress, the worker signs in with
// the first password and must choose their own, and both laptops show in the status.
func TestTeamFolderFoundJoinEnroll(t *testing.T) {
	f := newSignedIn(t)
	jonas := f.newcomer(t, "Jonas Ørnberg", "JØ", "jonas")
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	folder := t.TempDir()
	lead, leadEvents := newTeamFolder(t, f.d, f.path, f.teams)

	check := mustFn[FolderCheckDTO](t)(lead.CheckFolder(FolderInput{Path: folder}))
	if !check.Usable || check.HasTeam || !check.Empty {
		t.Fatalf("check of an empty folder = %+v", check)
	}
	codes := mustFn[TeamCodesDTO](t)(lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "Teamleders bærbare"}))
	if codes.TeamCode == "" {
		t.Fatal("no team code after founding")
	}
	if got := leadEvents.progress("found"); len(got) < 3 || got[0] != "snapshot_read" || got[len(got)-1] != "done" {
		t.Fatalf("founding's progress = %v, want snapshot_read ... done", got)
	}
	if check := mustFn[FolderCheckDTO](t)(lead.CheckFolder(FolderInput{Path: folder})); !check.HasTeam {
		t.Fatalf("check after founding = %+v, want the team", check)
	}
	_, err := lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "igen"})
	wantField(t, err, "folder", domain.CodeInvalidChoice)

	// The fresh laptop joins; a wrong code is refused on its field.
	d2, path2 := freshLaptop(t)
	joiner, joinEvents := newTeamFolder(t, d2, path2, NewTeamService(d2))
	_, err = joiner.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: "AAAA-BBBB", Label: "Bærbar 2"})
	wantField(t, err, "leadCode", domain.CodeLeadCodeMismatch)
	mine := mustFn[TeamCodesDTO](t)(joiner.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar 2"}))
	if js := mustFn[JoinStatusDTO](t)(joiner.JoinStatus()); js.State != SyncWaiting || js.LaptopCode != mine.LaptopCode {
		t.Fatalf("join status before the enrolment = %+v", js)
	}
	_, err = joiner.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar 2"})
	wantCode(t, err, domain.CodeTeamFolderJoined)

	reqs := mustFn[[]JoinRequestDTO](t)(lead.JoinRequests())
	if len(reqs) != 1 || reqs[0].Code != mine.LaptopCode || reqs[0].Label != "Bærbar 2" || reqs[0].Enrolled {
		t.Fatalf("join requests = %+v", reqs)
	}
	laptop2 := reqs[0].Laptop

	// A worker's session may neither enroll nor revoke.
	anna := f.worker(t, "Anna Berg", "AB", "anna")
	f.signIn(t, "anna", "første kode 123")
	_, err = lead.Enroll(EnrollInput{Laptop: laptop2, WorkerID: anna.ID})
	wantCode(t, err, domain.CodeForbidden)
	_, err = lead.RevokeLaptop(LaptopInput{Laptop: laptop2})
	wantCode(t, err, domain.CodeForbidden)
	_, err = lead.JoinRequests()
	wantCode(t, err, domain.CodeForbidden)
	f.signIn(t, "mette", leadPassword)

	// A worker without an account cannot get a laptop.
	noAccount := mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{Name: "Bo Berg", Initials: "BB", Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
	_, err = lead.Enroll(EnrollInput{Laptop: laptop2, WorkerID: noAccount.ID})
	wantField(t, err, "workerId", domain.CodeWorkerNoAccount)

	reqs = mustFn[[]JoinRequestDTO](t)(lead.Enroll(EnrollInput{Laptop: laptop2, WorkerID: jonas.ID}))
	if len(reqs) != 1 || !reqs[0].Enrolled {
		t.Fatalf("requests after enrolling = %+v", reqs)
	}

	// The joiner loads the team's data by itself; the progress ends after the search index.
	// Then the laptop holds the team's data and its status asks for a sign-in.
	eventually(t, "the first load", func() bool {
		js, err := joiner.JoinStatus()
		if domain.CodeOf(err) == domain.CodeNotSignedIn {
			return true
		}
		return err == nil && (js.State == SyncOK || js.State == SyncSending) && js.Progress == nil
	})
	// The last progress event follows the load's end by a moment (it is sent after the pass).
	eventually(t, "the first load's progress to end", func() bool {
		got := joinEvents.progress("load")
		return len(got) > 0 && got[len(got)-1] == "done"
	})
	if got := joinEvents.progress("load"); len(got) < 3 || got[0] != "snapshot_load" || got[len(got)-1] != "done" {
		t.Fatalf("first load's progress = %v, want snapshot_load ... done", got)
	}
	if st := joinEvents.states(); !st[SyncWaiting] || !st[SyncLoading] {
		t.Fatalf("indicator states told = %v, want waiting and loading among them", st)
	}

	// Jonas signs in on the new laptop with the first password and must choose his own.
	auth2 := NewAuthService(d2, NewAuditService(d2, &fakeDesktop{}))
	as := mustFn[AuthStatusDTO](t)(auth2.SignIn(SignInInput{Username: "jonas", Password: "første kode 123"}))
	if !as.SignedIn || !as.MustChange || as.User == nil || as.User.Name != "Jonas Ørnberg" {
		t.Fatalf("Jonas's sign-in on the new laptop = %+v", as)
	}
	_, err = joiner.Status()
	wantCode(t, err, domain.CodePasswordChange)
	mustFn[AuthStatusDTO](t)(auth2.ChangePassword(ChangePasswordInput{Current: "første kode 123", New: "jonas eget kodeord"}))
	st2 := mustFn[TeamFolderStatusDTO](t)(joiner.Status())
	if st2.TeamCode != "" || st2.Lead || len(st2.Laptops) != 2 {
		t.Fatalf("a worker's status = %+v (no team code, two laptops)", st2)
	}
	_, err = joiner.JoinRequests()
	wantCode(t, err, domain.CodeForbidden)
	_, err = joiner.Enroll(EnrollInput{Laptop: laptop2, WorkerID: jonas.ID})
	wantCode(t, err, domain.CodeForbidden)

	// The lead sees both laptops, the new one seen once its acknowledgement arrived.
	var st TeamFolderStatusDTO
	eventually(t, "the new laptop seen by the lead", func() bool {
		st = mustFn[TeamFolderStatusDTO](t)(lead.SyncNow())
		return len(st.Laptops) == 2 && st.Laptops[1].LastSeen != ""
	})
	if !st.Lead || st.TeamCode != codes.TeamCode || st.LaptopCode != codes.LaptopCode || !st.Laptops[0].This ||
		st.Laptops[1].WorkerName != "Jonas Ørnberg" || st.Laptops[1].Lead || st.Laptops[0].LastSeen == "" {
		t.Fatalf("lead's status = %+v", st)
	}
	// Jonas's own new password travels to the lead's laptop too (a worker may change their
	// own password, nothing else of an account); nothing is refused.
	eventually(t, "Jonas's own password on the lead's laptop", func() bool {
		mustFn[TeamFolderStatusDTO](t)(lead.SyncNow())
		var hash string
		f.d.Store.Gorm().Raw(`SELECT password_hash FROM credentials WHERE worker_id = ?`, jonas.ID).Scan(&hash)
		ok, _ := auth.Verify(hash, "jonas eget kodeord")
		return ok
	})
	st = mustFn[TeamFolderStatusDTO](t)(lead.Status())
	if st.State != SyncOK && st.State != SyncSending {
		t.Fatalf("lead's state = %s, problems %+v", st.State, st.Problems)
	}

	// Revoking the laptop shows in the lead's status.
	st = mustFn[TeamFolderStatusDTO](t)(lead.RevokeLaptop(LaptopInput{Laptop: laptop2}))
	if !st.Laptops[1].Revoked {
		t.Fatalf("status after revoking = %+v", st.Laptops)
	}
	_, err = lead.RevokeLaptop(LaptopInput{Laptop: st.Laptops[0].Laptop})
	wantCode(t, err, domain.CodeOwnLaptop)

	// A worker who leaves: only a lead may close the sign-in, not for a worker with open
	// courses (handed over first), never for themselves; then the account is inactive.
	f.signIn(t, "anna", "første kode 123")
	_, err = lead.RevokeWorker(IDInput{ID: jonas.ID})
	wantCode(t, err, domain.CodeForbidden)
	f.signIn(t, "mette", leadPassword)
	c := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bent Krog"}))
	mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: anna.ID, StartDate: "2026-11-01"}))
	_, err = lead.RevokeWorker(IDInput{ID: anna.ID})
	wantCode(t, err, domain.CodeWorkerHasCourses)
	_, err = lead.RevokeWorker(IDInput{ID: f.lead.ID})
	wantCode(t, err, domain.CodeOwnLaptop)
	mustFn[TeamFolderStatusDTO](t)(lead.RevokeWorker(IDInput{ID: jonas.ID}))
	for _, w := range mustFn[[]WorkerDTO](t)(f.teams.ListWorkers()) {
		if (w.ID == jonas.ID) == w.Active {
			t.Errorf("%s active = %v after Jonas left", w.Name, w.Active)
		}
	}
	if !leadEvents.states()[SyncOK] && !leadEvents.states()[SyncSending] {
		t.Fatalf("lead's indicator states = %v", leadEvents.states())
	}
}

// A laptop with data of its own cannot join a team: it founds one.
func TestJoinTeamRefusedWithData(t *testing.T) {
	f := newSignedIn(t)
	folder := t.TempDir()
	lead, _ := newTeamFolder(t, f.d, f.path, f.teams)
	codes := mustFn[TeamCodesDTO](t)(lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "Teamleder"}))

	other := newSignedIn(t)
	s, _ := newTeamFolder(t, other.d, other.path, other.teams)
	_, err := s.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar"})
	wantCode(t, err, domain.CodeTeamFolderData)
	// The lead's own laptop has joined already.
	_, err = lead.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar"})
	wantCode(t, err, domain.CodeTeamFolderJoined)
	// A fresh laptop may not found: nobody is signed in.
	d, path := freshLaptop(t)
	fresh, _ := newTeamFolder(t, d, path, NewTeamService(d))
	_, err = fresh.FoundTeam(FoundTeamInput{Folder: t.TempDir(), Label: "Ny"})
	wantCode(t, err, domain.CodeNotSignedIn)
}

// CheckFolder refuses what must never be the team folder, with the reason the UI explains.
func TestCheckFolderRefuses(t *testing.T) {
	f := newSignedIn(t)
	s, _ := newTeamFolder(t, f.d, f.path, f.teams)
	withDB := t.TempDir()
	if err := os.WriteFile(filepath.Join(withDB, "icm.db"), []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	readOnly := t.TempDir()
	if err := os.Chmod(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(readOnly, 0o700) })
	dataDir := filepath.Dir(f.path)
	sub := filepath.Join(dataDir, "team")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, path, reason string }{
		{"nonexistent", filepath.Join(t.TempDir(), "gone"), "missing"},
		{"empty path", "", "missing"},
		{"a file", file, "not_folder"},
		{"a database file", f.path, "database"},
		{"holds a database", withDB, "database"},
		{"the data folder", dataDir, "database"},
		{"inside the data folder", sub, "data_folder"},
		{"unwritable", readOnly, "not_writable"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.reason == "not_writable" && os.Geteuid() == 0 {
				t.Skip("root writes everywhere")
			}
			got := mustFn[FolderCheckDTO](t)(s.CheckFolder(FolderInput{Path: c.path}))
			if got.Usable || got.Reason != c.reason {
				t.Fatalf("CheckFolder(%s) = %+v, want reason %s", c.name, got, c.reason)
			}
		})
	}
	// A worker may not check folders (nor found).
	f.worker(t, "Anna Berg", "AB", "anna")
	f.signIn(t, "anna", "første kode 123")
	_, err := s.CheckFolder(FolderInput{Path: t.TempDir()})
	wantCode(t, err, domain.CodeForbidden)
	_, err = s.FoundTeam(FoundTeamInput{Folder: t.TempDir(), Label: "x"})
	wantCode(t, err, domain.CodeForbidden)
	_, err = s.SyncNow()
	wantCode(t, err, domain.CodeTeamFolderNone)
}
