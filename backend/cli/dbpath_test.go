package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"icm/backend/store"
)

// listTree lists every path under root, relative to it.
func listTree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	_ = filepath.Walk(root, func(p string, _ os.FileInfo, err error) error {
		if err == nil && p != root {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// A mistyped -db path is refused by every command with the database's message, and nothing
// is made: no folder, no empty database, no lock file. (Before, the exports and demo made
// both, and the sync and restore commands the folder and a lock.)
func TestAMistypedDatabasePathIsRefused(t *testing.T) {
	cheapCosts(t)
	backupFile := filepath.Join(t.TempDir(), "some.icmbackup")
	if err := os.WriteFile(backupFile, []byte("not really"), 0o600); err != nil {
		t.Fatal(err)
	}
	passFile := filepath.Join(t.TempDir(), "pass.txt")
	if err := os.WriteFile(passFile, []byte(cliPass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args func(db string) []string
	}{
		{"export-plan", func(db string) []string { return []string{"-db", db, "-export-plan", "1", "-out", db + ".pdf"} }},
		{"export-template", func(db string) []string { return []string{"-db", db, "-export-template", "-out", db + ".pdf"} }},
		{"demo", func(db string) []string { return []string{"-db", db, "-demo"} }},
		{"backup", func(db string) []string {
			return []string{"backup", "-db", db, "-out", db + "-b", "-passphrase-file", passFile}
		}},
		{"restore", func(db string) []string {
			return []string{"restore", "-db", db, "-in", backupFile, "-passphrase-file", passFile}
		}},
		{"sync status", func(db string) []string { return []string{"sync", "status", "-db", db} }},
		{"sync once", func(db string) []string { return []string{"sync", "once", "-db", db} }},
		{"sync requests", func(db string) []string { return []string{"sync", "requests", "-db", db} }},
		{"sync revoke", func(db string) []string { return []string{"sync", "revoke", "-laptop", "x", "-db", db} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			db := filepath.Join(root, "Skrivefejl", "icm.db")
			io, _, stderr := testIO(map[string]string{"LANG": "da_DK.UTF-8"})
			_, code, done := run(append([]string{"icm"}, c.args(db)...), io)
			if !done || code != 1 {
				t.Errorf("exit %d (done %v), want 1", code, done)
			}
			want := "icm: Databasen findes ikke: " + db + ". Kontrollér stien i -db (eller ICM_DB). (not_found)\n"
			if stderr.String() != want {
				t.Errorf("stderr %q\nwant   %q", stderr, want)
			}
			if made := listTree(t, root); len(made) != 0 {
				t.Errorf("made %v", made)
			}
		})
	}
	// In a folder that exists, demo and restore make a new database (a new laptop);
	// the others still refuse a file that is not there.
	t.Run("demo in an existing folder", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "icm.db")
		io, _, stderr := testIO(nil)
		if _, code, _ := run([]string{"icm", "-db", db, "-demo"}, io); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	})
	t.Run("export in an existing folder", func(t *testing.T) {
		dir := t.TempDir()
		io, _, stderr := testIO(nil)
		if _, code, _ := run([]string{"icm", "-db", filepath.Join(dir, "icm.db"), "-export-template", "-out", filepath.Join(dir, "t.pdf")}, io); code != 1 ||
			!strings.Contains(stderr.String(), "(not_found)") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if made := listTree(t, dir); len(made) != 0 {
			t.Errorf("made %v", made)
		}
	})
}

// readOnlyFolder makes db's folder and file read-only for the test's duration.
func readOnlyFolder(t *testing.T, db string) {
	t.Helper()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs POSIX modes and a user that they bind (not root)")
	}
	dir := filepath.Dir(db)
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700); _ = os.Chmod(db, 0o600) })
}

// A database on a share the user cannot write is exported from, read-only, and the command
// says the export is not in its audit log; the folder is left exactly as it was.
func TestExportFromAReadOnlyFolder(t *testing.T) {
	db := demoDB(t)
	readOnlyFolder(t, db)
	before := listTree(t, filepath.Dir(db))
	out := filepath.Join(t.TempDir(), "skabelon.pdf")
	io, stdout, stderr := testIO(map[string]string{"LANG": "en_GB.UTF-8"})
	if _, code, _ := run([]string{"icm", "-db", db, "-export-template", "-out", out}, io); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout.String(), "written to "+out) || !strings.Contains(stderr.String(), "opened read-only") {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("no PDF: %v", err)
	}
	if after := listTree(t, filepath.Dir(db)); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("the folder changed: %v -> %v", before, after)
	}
}

// `sync status` only reads: in a read-only folder it answers (here: not part of a team
// folder), and it neither migrates an old database nor builds a suspended search index.
func TestSyncStatusOnlyReads(t *testing.T) {
	t.Run("read-only folder", func(t *testing.T) {
		db := emptyDB(t)
		readOnlyFolder(t, db)
		if code, _, errs := runSyncCmd(t, "status", "-db", db); code != exitNotJoined || !strings.Contains(errs, "(not_joined)") {
			t.Fatalf("exit %d, want %d: %s", code, exitNotJoined, errs)
		}
	})
	t.Run("old schema", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "icm.db")
		b, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema9-demo.db"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(db, b, 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runSyncCmd(t, "status", "-db", db)
		if code != 1 || !strings.Contains(errs, "("+string(store.CodeSchemaOld)+")") {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if after, _ := os.ReadFile(db); string(after) != string(b) {
			t.Error("status changed the old database")
		}
	})
	t.Run("suspended search index", func(t *testing.T) {
		db := emptyDB(t)
		withDB(t, db, func(st *store.Store) {
			if err := store.SuspendSearchIndex(st.Gorm()); err != nil {
				t.Fatal(err)
			}
		})
		if code, _, errs := runSyncCmd(t, "status", "-db", db); code != exitNotJoined {
			t.Fatalf("exit %d: %s", code, errs)
		}
		snap, err := store.OpenReadOnly(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer snap.Close()
		if suspended, err := store.SearchIndexSuspended(snap.Gorm()); err != nil || !suspended {
			t.Errorf("suspended = %v, %v: status built the search index", suspended, err)
		}
	})
}

// A restore first removes the decrypted copy a killed restore left (backend/backup has the
// kill itself), whether or not it then succeeds.
func TestRestoreRemovesAKilledRestoresLeftover(t *testing.T) {
	db := demoDB(t)
	left := db + ".restore-4711.tmp"
	if err := os.WriteFile(left, []byte("SQLite format 3\x00 a whole unencrypted copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	notABackup := filepath.Join(t.TempDir(), "x.icmbackup")
	if err := os.WriteFile(notABackup, []byte("nothing"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := runBackupCommand("restore", []string{"-db", db, "-in", notABackup}, io); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the leftover is still there (%v)", err)
	}
}
