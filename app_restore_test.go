package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/auth"
	"icm/backend/backup"
	"icm/backend/cli"
	"icm/backend/crypt"
	"icm/backend/service"
	"icm/backend/store"
)

// cheapCosts lowers the Argon2id cost of encrypted files and sign-in for one test; the
// costs themselves are tested in backend/crypt and backend/auth.
func cheapCosts(t *testing.T) {
	t.Helper()
	c, a := crypt.Default, auth.Default
	crypt.Default = crypt.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	auth.Default = auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	t.Cleanup(func() { crypt.Default, auth.Default = c, a })
}

// demoDB is a closed database file with the demo team.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "data", "icm.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := service.LoadDemo(context.Background(), st, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// citizenName reads one citizen's stored name straight from the table.
func citizenName(t *testing.T, st *store.Store, id uint) string {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := db.QueryRow(`SELECT name FROM citizens WHERE id = ?`, id).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

// The window's start-up applies a restore staged by the last window, logs it, and the
// backup page says so.
func TestAppStartAppliesAStagedRestore(t *testing.T) {
	cheapCosts(t)
	ctx := context.Background()
	db := demoDB(t)
	const pass = "en passphrase til IT-afdelingen"
	passFile := filepath.Join(t.TempDir(), "pass.txt")
	if err := os.WriteFile(passFile, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b")
	if _, code, _ := cli.Run([]string{"icm", "backup", "-db", db, "-out", file, "-passphrase-file", passFile}); code != 0 {
		t.Fatalf("icm backup: exit %d", code)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	want := citizenName(t, st, 2)
	sqlDB, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqlDB.Exec(`UPDATE citizens SET name = 'Efter Kopien' WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Stage(ctx, db, file+service.BackupExtension, pass,
		backup.Staged{StagedAt: time.Now(), WorkerID: 1, WorkerName: "Mette Lund"}, nil); err != nil {
		t.Fatal(err)
	}

	a := newAppWith(ctx, db, nil, testDesktop{dir: t.TempDir()})
	if a.store == nil {
		t.Fatal("the restored database did not open")
	}
	defer a.store.Close()
	if _, err := a.services.auth.SignIn(service.SignInInput{Username: service.DemoUsernames[0], Password: service.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	list, err := a.services.backup.ListBackups()
	if err != nil {
		t.Fatal(err)
	}
	if list.Restored == nil || list.Restored.StagedBy != "Mette Lund" || !strings.HasPrefix(list.Restored.Previous, "icm.db.before-restore-") {
		t.Fatalf("backup page after the start %+v", list.Restored)
	}
	if got := citizenName(t, a.store, 2); got != want {
		t.Fatalf("citizen 2 is %q after the start, the backup has %q", got, want)
	}
	es, err := a.store.ListAudit(ctx, store.FindAudit{Action: service.AuditRestore, Limit: 1})
	if err != nil || len(es) != 1 || es[0].WorkerName != "Mette Lund" || es[0].WorkerID != 1 {
		t.Fatalf("restore audit entry %v %v", es, err)
	}
}
