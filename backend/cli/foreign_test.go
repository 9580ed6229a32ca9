package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/testdb"
)

// Every command refuses a -db that is another program's SQLite database with
// not_icm_database, in the chosen language, and leaves it byte for byte as it was: no ICM
// table, no WAL, no file beside it. Before, they migrated it into an ICM database (and
// restore moved it aside).
func TestCommandsRefuseAnotherProgramsDatabase(t *testing.T) {
	cheapCosts(t)
	file := backupFileOf(t, demoDB(t))
	commands := map[string]func(db string) []string{
		"restore":         func(db string) []string { return []string{"restore", "-db", db, "-in", file} },
		"backup":          func(db string) []string { return []string{"backup", "-db", db, "-out", db + "-kopi"} },
		"export-template": func(db string) []string { return []string{"-export-template", "-db", db, "-out", db + ".pdf"} },
		"export-plan":     func(db string) []string { return []string{"-export-plan", "1", "-db", db, "-out", db + ".pdf"} },
		"demo":            func(db string) []string { return []string{"-demo", "-db", db} },
		"sync status":     func(db string) []string { return []string{"sync", "status", "-db", db} },
		"sync once":       func(db string) []string { return []string{"sync", "once", "-db", db} },
	}
	for name, args := range commands {
		for _, lang := range []string{"da", "en"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				dir := t.TempDir()
				db := filepath.Join(dir, "browser.sqlite")
				want := testdb.Write(t, db)
				io, stdout, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
				_, code, _ := run(append([]string{"icmctl", "-lang", lang}, args(db)...), io)
				msg := map[string]string{"da": "database fra et andet program", "en": "database of another program"}[lang]
				if code != 1 || !strings.Contains(stderr.String(), msg) || !strings.Contains(stderr.String(), "(not_icm_database)") {
					t.Fatalf("exit %d: %s%s", code, stdout, stderr)
				}
				if got, _ := os.ReadFile(db); !bytes.Equal(got, want) {
					t.Fatal("the other program's file changed")
				}
				if names := listTree(t, dir); len(names) != 1 {
					t.Fatalf("files beside it: %v", names)
				}
			})
		}
	}
}

// icmctl restore of an encrypted backup that holds another program's database is refused
// with not_icm_database: onto an ICM database (staged through the backup service) and onto
// a new laptop's path (staged directly). Nothing is replaced, staged or left beside it.
func TestRestoreCommandRefusesABackupOfAnotherProgramsDatabase(t *testing.T) {
	cheapCosts(t)
	plain := testdb.Foreign(t)
	in, err := os.Open(plain)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	file := filepath.Join(t.TempDir(), "fremmed.icmbackup")
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := crypt.Seal(out, in, cliPass, crypt.KindBackup, nil); err != nil {
		t.Fatal(err)
	}
	_ = out.Close()
	targets := map[string]func(t *testing.T) string{
		"onto an ICM database": func(t *testing.T) string { return demoDB(t) },
		"onto a new path":      func(t *testing.T) string { return filepath.Join(t.TempDir(), "icm.db") },
	}
	for name, target := range targets {
		t.Run(name, func(t *testing.T) {
			db := target(t)
			var before map[string]string
			if _, err := os.Stat(db); err == nil {
				before = tables(t, db)
			}
			// The instance lock file stays, as after every command (instance.Lock).
			lock := db + ".lock"
			withoutLock := func(names []string) []string {
				var out []string
				for _, n := range names {
					if n != filepath.Base(lock) {
						out = append(out, n)
					}
				}
				return out
			}
			names := withoutLock(listTree(t, filepath.Dir(db)))
			io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
			_, code, _ := run([]string{"icmctl", "restore", "-lang", "en", "-db", db, "-in", file}, io)
			if code != 1 || !strings.Contains(stderr.String(), "The backup holds a database of another program") ||
				!strings.Contains(stderr.String(), "(not_icm_database)") || !strings.Contains(stderr.String(), "Nothing was restored") {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, ok := backup.Pending(db); ok {
				t.Fatal("the refused restore is pending")
			}
			if got := withoutLock(listTree(t, filepath.Dir(db))); strings.Join(got, "\n") != strings.Join(names, "\n") {
				t.Fatalf("files changed:\n%v\n->\n%v", names, got)
			}
			if before != nil {
				after := tables(t, db)
				for tb, rows := range before {
					if tb != "audit_log" && after[tb] != rows {
						t.Fatalf("table %s changed", tb)
					}
				}
			}
		})
	}
}
