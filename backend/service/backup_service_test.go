package service

import (
	"bytes"
	"context"
	"errors"
	"icm/backend/auditanchor"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

const backupPass = "tolv tegn eller flere, gerne en sætning"

// The encrypted files of these tests use a cheap Argon2id cost, as the sign-in tests do
// (main_test.go); the cost itself is tested in backend/crypt.
func init() { crypt.Default = crypt.Params{MemoryKiB: 1024, Time: 1, Threads: 1} }

// fakeBackupDesktop answers the backup dialogs with fixed paths ("" is a cancelled dialog).
type fakeBackupDesktop struct{ save, open string }

func (d *fakeBackupDesktop) SaveBackupPath(string, string) (string, error) { return d.save, nil }
func (d *fakeBackupDesktop) OpenBackupPath(string) (string, error)         { return d.open, nil }

// progressLog records the progress events the UI would get.
type progressLog struct {
	mu     sync.Mutex
	events []BackupProgressDTO
}

func (p *progressLog) add(e BackupProgressDTO) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events = append(p.events, e)
}

// phases are the operation:phase pairs seen, each once, in order; it empties the log.
func (p *progressLog) phases() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, e := range p.events {
		s := e.Operation + ":" + e.Phase
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	p.events = nil
	return out
}

// backupFixture is the demo team with its lead signed in, and the backup services.
type backupFixture struct {
	d        Deps
	path     string
	auth     *AuthService
	audit    *AuditService
	citizens *CitizenService
	desk     *fakeBackupDesktop
	progress *progressLog
	svc      *BackupService
	sched    *BackupScheduler
}

func newBackupFixture(t *testing.T) *backupFixture {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := LoadDemo(ctx, st, testNow); err != nil {
		t.Fatal(err)
	}
	f := &backupFixture{path: path, desk: &fakeBackupDesktop{}, progress: &progressLog{}}
	f.d = Deps{Store: st, Clock: func() time.Time { return testNow }, Session: NewSession()}
	f.audit = NewAuditService(f.d, &fakeDesktop{path: filepath.Join(t.TempDir(), "log.pdf")})
	f.auth = NewAuthService(f.d, f.audit)
	f.citizens = NewCitizenService(f.d)
	f.svc, f.sched = NewBackupServices(f.d, f.desk, f.progress.add, backup.Applied{}, nil)
	f.signIn(t, DemoUsernames[0])
	return f
}

func (f *backupFixture) signIn(t *testing.T, username string) {
	t.Helper()
	if _, err := f.auth.SignIn(SignInInput{Username: username, Password: DemoPassword}); err != nil {
		t.Fatalf("sign in %s: %v", username, err)
	}
}

func dumpOf(t *testing.T, st *store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func wantErrCode(t *testing.T, err error, code domain.Code) *domain.Error {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != code {
		t.Fatalf("error %v, want %s", err, code)
	}
	return de
}

// lastAudit is the newest audit entry with the given action.
func lastAudit(t *testing.T, st *store.Store, action string) store.AuditEntry {
	t.Helper()
	es, err := st.ListAudit(context.Background(), store.FindAudit{Action: action, Limit: 1})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit %s: %v %v", action, es, err)
	}
	return es[0]
}

func TestAutomaticBackupOncePerDay(t *testing.T) {
	f := newBackupFixture(t)
	list := mustFn[BackupListDTO](t)(f.svc.ListBackups())
	if len(list.Entries) != 0 || !list.Due || list.MinPassphrase != crypt.MinPassphrase || list.KeepDaily != 7 {
		t.Fatalf("before any backup: %+v", list)
	}
	if made, err := f.sched.RunIfDue(); err != nil || !made {
		t.Fatalf("first start: made=%v %v", made, err)
	}
	if made, err := f.sched.RunIfDue(); err != nil || made {
		t.Fatalf("second start the same day: made=%v %v", made, err)
	}
	list = mustFn[BackupListDTO](t)(f.svc.ListBackups())
	if len(list.Entries) != 1 || list.Due || list.Entries[0].Taken != stampOf(testNow) || list.Entries[0].Size == 0 {
		t.Fatalf("after one backup: %+v", list)
	}
	if e := lastAudit(t, f.d.Store, AuditBackup); e.Object != "automatic" || e.Detail != list.Entries[0].Name || e.WorkerID != 0 {
		t.Fatalf("audit entry %+v", e)
	}
	// The manual "back up now" goes to the same folder.
	e := mustFn[BackupEntryDTO](t)(f.svc.BackupNow())
	if e.Name == list.Entries[0].Name || e.Size == 0 {
		t.Fatalf("backup now %+v", e)
	}
	if a := lastAudit(t, f.d.Store, AuditBackup); a.Object != "local" || a.WorkerName != "Mette Lund" {
		t.Fatalf("audit entry %+v", a)
	}
	if got := f.progress.phases(); !slices.Equal(got, []string{"backup:snapshot"}) {
		t.Fatalf("progress %v", got)
	}
}

// Backups and restore are for team leads; an ICM worker is refused every call.
func TestBackupIsForTeamLeads(t *testing.T) {
	f := newBackupFixture(t)
	if _, err := f.auth.SignOut(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ListBackups(); domain.CodeOf(err) != domain.CodeNotSignedIn {
		t.Fatalf("signed out: %v", err)
	}
	f.signIn(t, DemoUsernames[1])
	f.desk.save = filepath.Join(t.TempDir(), "b.icmbackup")
	calls := map[string]func() error{
		"ListBackups":         func() error { _, err := f.svc.ListBackups(); return err },
		"BackupNow":           func() error { _, err := f.svc.BackupNow(); return err },
		"SaveEncryptedBackup": func() error { _, err := f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: backupPass}); return err },
		"ChooseRestoreFile":   func() error { _, err := f.svc.ChooseRestoreFile(); return err },
		"RestoreFromFile":     func() error { _, err := f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass}); return err },
		"CancelRestore":       func() error { _, err := f.svc.CancelRestore(); return err },
	}
	for name, call := range calls {
		if err := call(); domain.CodeOf(err) != domain.CodeForbidden {
			t.Errorf("%s as an ICM worker: %v", name, err)
		}
	}
	if _, err := os.Stat(f.desk.save); err == nil {
		t.Fatal("a worker's call wrote a backup")
	}
}

// The whole way through the real services: an encrypted backup of the demo team, changes,
// a restore from the file staged by the window and swapped in at the next start. Every
// table then holds exactly what it held when the backup was taken.
func TestEncryptedBackupAndRestoreThroughTheServices(t *testing.T) {
	ctx := context.Background()
	f := newBackupFixture(t)
	st := f.d.Store
	file := filepath.Join(t.TempDir(), "stick", "kopi")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	f.desk.save = file

	_, err := f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: "for kort"})
	de := wantErrCode(t, err, domain.CodeInvalidInput)
	if len(de.Fields) != 1 || de.Fields[0].Field != "passphrase" || de.Fields[0].Code != domain.CodeWeakPassphrase ||
		de.Fields[0].Params["min"] != "12" {
		t.Fatalf("short passphrase: %+v", de.Fields)
	}
	for pass, code := range map[string]domain.Code{"aaaaaaaaaaaaaaaa": domain.CodeGuessablePassphrase,
		"Adgangskode2026!": domain.CodeGuessablePassphrase, "tolv tegn\u200b eller flere": domain.CodeInvalidCharacters} {
		_, err := f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: pass})
		wantField(t, err, "passphrase", code)
	}

	atBackup := dumpOf(t, st)
	res := mustFn[SaveBackupResultDTO](t)(f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: backupPass}))
	if res.Path != file+BackupExtension || res.Cancelled || res.Citizens != 12 || res.Bytes == 0 {
		t.Fatalf("saved %+v", res)
	}
	if got := f.progress.phases(); !slices.Equal(got, []string{"backup:snapshot", "backup:encrypt", "backup:verify"}) {
		t.Fatalf("progress %v", got)
	}
	if e := lastAudit(t, st, AuditBackup); e.Object != "encrypted" || e.Detail != "12 citizens" || e.WorkerName != "Mette Lund" {
		t.Fatalf("audit %+v", e)
	}
	// The chain's head the backup holds is kept as an anchor outside the database.
	anchors, err := auditanchor.For(f.path).Read()
	if err != nil || len(anchors) == 0 || anchors[len(anchors)-1].Source != "backup" {
		t.Fatalf("anchors after the backup = %+v, %v", anchors, err)
	}
	backupHead := anchors[len(anchors)-1]

	// Work goes on: a citizen is renamed and a new one is added.
	list := mustFn[[]CitizenListItem](t)(f.citizens.ListCitizens(CitizenListInput{}))
	c := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: list[0].ID}))
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: c.ID, Name: "Omdøbt Borger", Housing: c.Housing}))
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Ny Borger Efter Kopien"}))
	changed := dumpOf(t, st)
	if changed == atBackup {
		t.Fatal("the changes did not change the database")
	}

	// The restore: choose the file, a wrong passphrase, then the right one.
	f.desk.open = res.Path
	chosen := mustFn[RestoreFileDTO](t)(f.svc.ChooseRestoreFile())
	if chosen.Name != filepath.Base(res.Path) || chosen.Created == "" || chosen.Cancelled {
		t.Fatalf("chosen %+v", chosen)
	}
	if _, err := f.svc.RestoreFromFile(RestoreInput{Passphrase: "en forkert frase her"}); domain.CodeOf(err) != domain.CodeWrongPassphrase {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, ok := backup.Pending(f.path); ok {
		t.Fatal("a wrong passphrase staged a restore")
	}
	f.progress.phases()
	staged := mustFn[RestoreInfoDTO](t)(f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass}))
	if staged.Citizens != 12 || staged.StagedBy != "Mette Lund" || staged.SchemaVersion != store.LatestVersion() {
		t.Fatalf("staged %+v", staged)
	}
	if got := f.progress.phases(); !slices.Equal(got, []string{"restore:decrypt", "restore:verify"}) {
		t.Fatalf("progress %v", got)
	}
	if list := mustFn[BackupListDTO](t)(f.svc.ListBackups()); list.Pending == nil || list.Pending.Citizens != 12 {
		t.Fatalf("pending %+v", list.Pending)
	}
	if e := lastAudit(t, st, AuditRestore); !strings.HasPrefix(e.Detail, "staged: backup of ") {
		t.Fatalf("audit %+v", e)
	}
	// The open database is untouched until the next start (but for the restore's own entry).
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// The next start: the swap before the store opens.
	applied, err := backup.ApplyStaged(ctx, f.path, testNow.Add(time.Minute))
	if err != nil || !applied.Done {
		t.Fatalf("apply: %+v %v", applied, err)
	}
	snap, err := store.OpenSnapshot(ctx, f.path)
	if err != nil {
		t.Fatal(err)
	}
	restored := dumpOf(t, snap)
	_ = snap.Close()
	if restored != atBackup {
		t.Fatalf("restored database is not the database at backup time (%d vs %d bytes of dump)", len(restored), len(atBackup))
	}
	tables := strings.Count(atBackup, "\ntable ")
	rows := strings.Count(atBackup, "\n  ")
	t.Logf("restored: %d tables, %d rows, %d bytes of dump, equal to the state at backup time", tables, rows, len(atBackup))

	re, err := store.Open(ctx, f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if err := LogAppliedRestore(ctx, re, applied, testNow.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if e := lastAudit(t, re, AuditRestore); e.WorkerName != "Mette Lund" || !strings.Contains(e.Detail, "previous database kept as icm.db.before-restore-") {
		t.Fatalf("audit of the restored database %+v", e)
	}
	if chain, err := re.VerifyAudit(ctx); err != nil || chain.BrokenAt != 0 {
		t.Fatalf("chain %+v %v", chain, err)
	}
	// The restored chain holds the backup's anchor; the journal starts again after the
	// restore, and the anchors kept since the backup are set aside beside it.
	if h, err := re.AuditHashes(ctx, []uint{backupHead.ID}); err != nil || h[backupHead.ID] != backupHead.Hash {
		t.Fatalf("the restored chain at the backup's anchor: %v %v", h, err)
	}
	if anchors, err := auditanchor.For(f.path).Read(); err != nil || len(anchors) != 1 || anchors[0].Source != "restore" {
		t.Fatalf("journal after the restore = %+v, %v", anchors, err)
	}
	if old, _ := filepath.Glob(f.path + ".anchors.before-restore-*"); len(old) != 1 {
		t.Fatalf("old journal set aside: %v", old)
	}
	// The window after the restart says what happened.
	d := Deps{Store: re, Clock: f.d.Clock}
	svc, _ := NewBackupServices(d, f.desk, nil, applied, nil)
	after := mustFn[BackupListDTO](t)(svc.ListBackups())
	if after.Restored == nil || after.Restored.Previous != filepath.Base(applied.Previous) || after.Pending != nil ||
		after.RestoreFailed != "" {
		t.Fatalf("after restart %+v", after)
	}
	// The database from before the restore is kept, with the changes and the staging entry.
	prev, err := store.OpenSnapshot(ctx, applied.Previous)
	if err != nil {
		t.Fatal(err)
	}
	defer prev.Close()
	if e := lastAudit(t, prev, AuditRestore); !strings.HasPrefix(e.Detail, "staged:") {
		t.Fatalf("previous database's last restore entry %+v", e)
	}
}

func TestChooseRestoreFile(t *testing.T) {
	f := newBackupFixture(t)
	dir := t.TempDir()
	// Cancelled: nothing chosen, and a restore without a file is a field error.
	if r := mustFn[RestoreFileDTO](t)(f.svc.ChooseRestoreFile()); !r.Cancelled {
		t.Fatalf("cancelled dialog: %+v", r)
	}
	_, err := f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass})
	if de := wantErrCode(t, err, domain.CodeInvalidInput); de.Fields[0].Field != "file" {
		t.Fatalf("no file: %+v", de.Fields)
	}
	// A plain file and a handover file are refused when chosen.
	plain := filepath.Join(dir, "plan.pdf")
	_ = os.WriteFile(plain, []byte("%PDF-1.4"), 0o600)
	f.desk.open = plain
	if _, err := f.svc.ChooseRestoreFile(); domain.CodeOf(err) != domain.CodeNotEncrypted {
		t.Fatalf("plain file: %v", err)
	}
	handover := filepath.Join(dir, "x.icmhandover")
	var b bytes.Buffer
	if err := crypt.Seal(&b, strings.NewReader("{}"), backupPass, crypt.KindHandover, nil); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(handover, b.Bytes(), 0o600)
	f.desk.open = handover
	_, err = f.svc.ChooseRestoreFile()
	if de := wantErrCode(t, err, domain.CodeWrongFileKind); de.Params["kind"] != crypt.KindHandover {
		t.Fatalf("handover file: %+v", de)
	}
	// The refused file did not become the choice.
	if _, err := f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass}); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("restore after refused choices: %v", err)
	}
}

func TestCancelRestore(t *testing.T) {
	f := newBackupFixture(t)
	f.desk.save = filepath.Join(t.TempDir(), "b.icmbackup")
	res := mustFn[SaveBackupResultDTO](t)(f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: backupPass}))
	f.desk.open = res.Path
	mustFn[RestoreFileDTO](t)(f.svc.ChooseRestoreFile())
	mustFn[RestoreInfoDTO](t)(f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass}))
	list := mustFn[BackupListDTO](t)(f.svc.CancelRestore())
	if list.Pending != nil {
		t.Fatalf("still pending: %+v", list.Pending)
	}
	if e := lastAudit(t, f.d.Store, AuditRestore); e.Detail != "cancelled" {
		t.Fatalf("audit %+v", e)
	}
	if _, err := os.Stat(backup.StagedPath(f.path)); err == nil {
		t.Fatal("the staged file is still there")
	}
}

// A staged restore that fails at the next start is reported on the backup page.
func TestFailedRestoreIsReported(t *testing.T) {
	ctx := context.Background()
	f := newBackupFixture(t)
	f.desk.save = filepath.Join(t.TempDir(), "b.icmbackup")
	res := mustFn[SaveBackupResultDTO](t)(f.svc.SaveEncryptedBackup(SaveBackupInput{Passphrase: backupPass}))
	f.desk.open = res.Path
	mustFn[RestoreFileDTO](t)(f.svc.ChooseRestoreFile())
	mustFn[RestoreInfoDTO](t)(f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass}))
	if err := os.WriteFile(backup.StagedPath(f.path), []byte("beskadiget"), 0o600); err != nil {
		t.Fatal(err)
	}
	applied, err := backup.ApplyStaged(ctx, f.path, testNow)
	if err == nil || applied.Done {
		t.Fatalf("a damaged staged file was applied: %+v", applied)
	}
	svc, _ := NewBackupServices(f.d, f.desk, nil, applied, err)
	list := mustFn[BackupListDTO](t)(svc.ListBackups())
	if list.RestoreFailed != string(domain.CodeBackupInvalid) || list.Restored != nil || list.Pending != nil {
		t.Fatalf("after the failed restore %+v", list)
	}
}
