package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/auth"
	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/instance"
	"icm/backend/service"
	"icm/backend/store"
)

const cliPass = "en passphrase til IT-afdelingen"

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

// testIO is a terminal-less command line with the given environment.
func testIO(env map[string]string) (cliIO, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return cliIO{stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}, &out, &errb
}

// tables dumps a database file table by table (name -> rows in the store's dump form).
func tables(t *testing.T, path string) map[string]string {
	t.Helper()
	snap, err := store.OpenSnapshot(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	return tablesOf(t, snap)
}

// tablesOf dumps an open database table by table.
func tablesOf(t *testing.T, st *store.Store) map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "schema "):
			out["(schema)"] += line
		case strings.HasPrefix(line, "table "):
			name = strings.Fields(line)[1]
			out[name] += ""
		case strings.HasPrefix(line, "  "):
			out[name] += line
		}
	}
	return out
}

func withDB(t *testing.T, db string, fn func(st *store.Store)) {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

func execSQL(t *testing.T, st *store.Store, q string) {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// IT's way: icm backup, changes, icm restore. Every table is then as it was at backup time;
// the audit log also holds the restore itself, appended after the backup's entries.
func TestBackupAndRestoreCommands(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "nat")
	io, stdout, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("backup", []string{"-db", db, "-out", out}, io); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	file := out + service.BackupExtension
	if !strings.Contains(stdout.String(), "Encrypted backup written to "+file) || !strings.Contains(stdout.String(), "12 citizens") {
		t.Fatalf("backup said %q", stdout)
	}
	atBackup := tables(t, db)
	// The backup's own audit entry was written after the snapshot: drop it from the comparison.
	withDB(t, db, func(st *store.Store) {
		es, err := st.ListAudit(context.Background(), store.FindAudit{Limit: 1})
		if err != nil || len(es) != 1 || es[0].Action != service.AuditBackup || !strings.HasPrefix(es[0].WorkerName, "Kommandolinje (IT): ") {
			t.Fatalf("backup audit entry %v %v", es, err)
		}
		execSQL(t, st, `UPDATE citizens SET name = 'Ændret Efter Kopien' WHERE id = 1`)
		execSQL(t, st, `UPDATE notes SET text = 'Ændret efter kopien', revision_no = revision_no + 1`)
	})
	atBackup["audit_log"] = atBackup["audit_log"][:strings.LastIndex(strings.TrimSuffix(atBackup["audit_log"], "\n"), "\n")+1]

	passFile := filepath.Join(t.TempDir(), "pass.txt")
	if err := os.WriteFile(passFile, []byte(cliPass+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	io, stdout, stderr = testIO(nil)
	if code := runBackupCommand("restore", []string{"-db", db, "-in", file, "-passphrase-file", passFile}, io); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout.String(), "12 citizens") || !strings.Contains(stdout.String(), "kept as "+db+".before-restore-") {
		t.Fatalf("restore said %q", stdout)
	}
	restored := tables(t, db)
	for name, rows := range atBackup {
		if name == "audit_log" {
			continue
		}
		if restored[name] != rows {
			t.Errorf("table %s differs after the restore", name)
		}
	}
	if len(restored) != len(atBackup) {
		t.Errorf("%d tables after the restore, %d at backup time", len(restored), len(atBackup))
	}
	log := restored["audit_log"]
	if !strings.HasPrefix(log, atBackup["audit_log"]) || strings.Count(log, "\n") != strings.Count(atBackup["audit_log"], "\n")+1 {
		t.Fatalf("the restored audit log is not the backup's plus one entry")
	}
	withDB(t, db, func(st *store.Store) {
		es, _ := st.ListAudit(context.Background(), store.FindAudit{Limit: 1})
		if es[0].Action != service.AuditRestore || !strings.HasPrefix(es[0].Detail, "applied: backup of ") {
			t.Fatalf("restore audit entry %+v", es[0])
		}
		if chain, err := st.VerifyAudit(context.Background()); err != nil || chain.BrokenAt != 0 {
			t.Fatalf("chain %+v %v", chain, err)
		}
	})
	t.Logf("%d tables equal to the backup; audit_log = the backup's %d entries + the restore",
		len(atBackup)-2, strings.Count(atBackup["audit_log"], "\n")) // keys: the tables and "(schema)"
}

func TestBackupCommandRefuses(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "b")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{"no -out", []string{"-db", db}, map[string]string{envBackupPassphrase: cliPass}, 2},
		{"no passphrase and no terminal", []string{"-db", db, "-out", out}, nil, 2},
		{"short passphrase", []string{"-db", db, "-out", out}, map[string]string{envBackupPassphrase: "kort"}, 2},
		{"guessable passphrase", []string{"-db", db, "-out", out}, map[string]string{envBackupPassphrase: "1234567890123"}, 2},
		{"unknown flag", []string{"-db", db, "-out", out, "-x"}, map[string]string{envBackupPassphrase: cliPass}, 2},
		{"no database", []string{"-db", filepath.Join(t.TempDir(), "none.db"), "-out", out}, map[string]string{envBackupPassphrase: cliPass}, 1},
		{"a folder that does not exist", []string{"-db", db, "-out", filepath.Join(t.TempDir(), "no", "b")}, map[string]string{envBackupPassphrase: cliPass}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			io, _, stderr := testIO(c.env)
			if code := runBackupCommand("backup", c.args, io); code != c.want {
				t.Fatalf("exit %d, want %d: %s", code, c.want, stderr)
			}
			if _, err := os.Stat(out + service.BackupExtension); err == nil {
				t.Fatal("a backup was written")
			}
		})
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "none.db")); err == nil {
		t.Fatal("the backup command created a database")
	}
}

func TestRestoreCommandRefuses(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	file := filepath.Join(t.TempDir(), "b")
	env := map[string]string{envBackupPassphrase: cliPass}
	io, _, stderr := testIO(env)
	if code := runBackupCommand("backup", []string{"-db", db, "-out", file}, io); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	file += service.BackupExtension
	before := tables(t, db)
	unchanged := func(t *testing.T) {
		t.Helper()
		after := tables(t, db)
		for name, rows := range before {
			if after[name] != rows {
				t.Fatalf("table %s changed", name)
			}
		}
		if _, ok := backup.Pending(db); ok {
			t.Fatal("a restore is left staged")
		}
	}
	t.Run("wrong passphrase", func(t *testing.T) {
		io, _, stderr := testIO(map[string]string{envBackupPassphrase: "ikke den rigtige frase"})
		if code := runBackupCommand("restore", []string{"-db", db, "-in", file}, io); code != 1 ||
			!strings.Contains(stderr.String(), "wrong_passphrase") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		unchanged(t)
	})
	t.Run("no -in", func(t *testing.T) {
		io, _, _ := testIO(env)
		if code := runBackupCommand("restore", []string{"-db", db}, io); code != 2 {
			t.Fatalf("exit %d", code)
		}
	})
	t.Run("while the app runs", func(t *testing.T) {
		// The app's own lock file, on Windows too (LockFileEx), not Wails' named mutex.
		running, err := instance.Claim(db)
		if err != nil {
			t.Fatal(err)
		}
		defer running.Close()
		io, _, stderr := testIO(env)
		if code := runBackupCommand("restore", []string{"-db", db, "-in", file}, io); code != 1 ||
			!strings.Contains(stderr.String(), "(app_running)") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		unchanged(t)
	})
}

// A database that no longer opens (the usual reason IT restores) is replaced, and kept aside.
func TestRestoreCommandReplacesADamagedDatabase(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	file := filepath.Join(t.TempDir(), "b")
	io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("backup", []string{"-db", db, "-out", file}, io); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	want := tables(t, db)
	// Damaged past SQLite's header, as a disk error leaves it: still a database file.
	garbage := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte("ødelagt "), 4096)...)
	if err := os.WriteFile(db, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	io, stdout, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("restore", []string{"-db", db, "-in", file + service.BackupExtension}, io); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr.String(), "does not open; it is kept as it is (database_corrupt).") {
		t.Fatalf("stderr %q", stderr)
	}
	got := tables(t, db)
	if got["citizens"] != want["citizens"] || got["(schema)"] != want["(schema)"] {
		t.Fatal("the restored database is not the backup")
	}
	prev := strings.TrimSpace(strings.TrimPrefix(stdout.String()[strings.Index(stdout.String(), "kept as "):], "kept as "))
	if b, err := os.ReadFile(prev); err != nil || !bytes.Equal(b, garbage) {
		t.Fatalf("the damaged database was not kept as it was at %s: %v", prev, err)
	}
	// The backup was staged without the database's services: the restored log still names
	// who ran the command, and where.
	withDB(t, db, func(st *store.Store) {
		es, err := st.ListAudit(context.Background(), store.FindAudit{Limit: 1})
		if err != nil || len(es) != 1 || es[0].Action != service.AuditRestore || es[0].WorkerName != "Kommandolinje (IT): "+operator() {
			t.Fatalf("restore audit entry %+v %v", es, err)
		}
	})
}
