package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"icm/backend/instance"
	"icm/backend/service"
	"icm/backend/store"
)

// backupFileOf writes an encrypted backup of db and returns its path.
func backupFileOf(t *testing.T, db string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "b")
	io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("backup", []string{"-db", db, "-out", file}, io); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	return file + service.BackupExtension
}

// A -db that exists but is no database (a folder, an empty file, a text file) is refused by
// every command with its own message, and nothing is moved, migrated or created beside it.
func TestCommandsRefuseADatabasePathThatIsNoDatabase(t *testing.T) {
	cheapCosts(t)
	file := backupFileOf(t, demoDB(t))
	cases := []struct {
		name, code string
		make       func(p string) error
	}{
		{"a folder", "not_a_file", func(p string) error {
			if err := os.Mkdir(p, 0o700); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "vigtig.txt"), []byte("vigtigt"), 0o600)
		}},
		{"a loop of symbolic links", "not_a_file", func(p string) error {
			if runtime.GOOS == "windows" {
				return os.Mkdir(p, 0o700) // no links without a privilege: a folder instead
			}
			if err := os.Symlink(p+"2", p); err != nil {
				return err
			}
			return os.Symlink(p, p+"2")
		}},
		{"an empty file", "not_a_database", func(p string) error { return os.WriteFile(p, nil, 0o600) }},
		{"a text file", "not_a_database", func(p string) error {
			return os.WriteFile(p, []byte("noter om ingenting\n"), 0o600)
		}},
	}
	commands := map[string]func(db string) []string{
		"restore":         func(db string) []string { return []string{"restore", "-db", db, "-in", file} },
		"backup":          func(db string) []string { return []string{"backup", "-db", db, "-out", db + "-kopi"} },
		"export-template": func(db string) []string { return []string{"-export-template", "-db", db, "-out", db + ".pdf"} },
		"export-plan":     func(db string) []string { return []string{"-export-plan", "1", "-db", db, "-out", db + ".pdf"} },
		"demo":            func(db string) []string { return []string{"-demo", "-db", db} },
		"sync status":     func(db string) []string { return []string{"sync", "status", "-db", db} },
	}
	for _, c := range cases {
		for name, args := range commands {
			if c.name == "an empty file" && name == "demo" {
				continue // an empty file is an empty database to fill (sqlite's own view)
			}
			t.Run(c.name+"/"+name, func(t *testing.T) {
				dir := t.TempDir()
				db := filepath.Join(dir, "icm.db")
				if err := c.make(db); err != nil {
					t.Fatal(err)
				}
				before := listTree(t, dir)
				io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
				_, code, _ := run(append([]string{"icmctl"}, args(db)...), io)
				if code != 1 || !strings.Contains(stderr.String(), "("+c.code+")") {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				if after := listTree(t, dir); strings.Join(after, "\n") != strings.Join(before, "\n") {
					t.Fatalf("files changed:\n%v\n->\n%v", before, after)
				}
				if fi, err := os.Lstat(db); err != nil || (c.name == "an empty file" && fi.Size() != 0) {
					t.Fatalf("the file was changed: %v %v", fi, err)
				}
			})
		}
	}
}

// A restore through a symbolic link restores the file the link points to: the link stays a
// link, and no second database appears beside it.
func TestRestoreThroughASymbolicLinkRestoresTheRealFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need a privilege on Windows")
	}
	cheapCosts(t)
	src := demoDB(t)
	file := backupFileOf(t, src)
	want := tables(t, src)

	real := demoDB(t)
	withDB(t, real, func(st *store.Store) { execSQL(t, st, `UPDATE citizens SET name = 'Før Gendannelsen' WHERE id = 1`) })
	linkDir := t.TempDir()
	link := filepath.Join(linkDir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	// A leftover of a restore killed midway, made through the link's real file.
	leftover := real + ".restore-123.tmp"
	if err := os.WriteFile(leftover, []byte("dekrypteret"), 0o600); err != nil {
		t.Fatal(err)
	}
	io, stdout, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("restore", []string{"-db", link, "-in", file}, io); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", fi, err)
	}
	if names := listTree(t, linkDir); len(names) != 1 {
		t.Fatalf("files beside the link: %v", names)
	}
	if got := tables(t, real); got["citizens"] != want["citizens"] {
		t.Fatal("the real file does not hold the backup")
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Fatal("the leftover beside the real file stayed")
	}
	if !strings.Contains(stdout.String(), real) {
		t.Fatalf("the output does not name the real file: %s", stdout)
	}
}

// -demo takes the app's lock: it loads nothing under a running app (or a second -demo).
func TestDemoRefusesWhileTheAppRuns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	running, err := instance.Claim(db)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	io, _, stderr := testIO(nil)
	if _, code, _ := run([]string{"icmctl", "-demo", "-db", db}, io); code != 1 || !strings.Contains(stderr.String(), "(app_running)") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a database was made under the running app")
	}
}

// -demo into a folder the user may not write, and a backup of a database they may not
// write (its audit log records the backup), say so instead of "unexpected error".
func TestWritingCommandsNameAFolderTheyCannotWrite(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	readOnlyFolder(t, db) // skips as root
	io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("backup", []string{"-db", db, "-out", filepath.Join(t.TempDir(), "b")}, io); code != 1 ||
		!strings.Contains(stderr.String(), "(write_failed)") {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	io, _, stderr = testIO(nil)
	if _, code, _ := run([]string{"icmctl", "-demo", "-db", filepath.Join(filepath.Dir(db), "ny.db")}, io); code != 1 ||
		!strings.Contains(stderr.String(), "(write_failed)") {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
}

// Success lines and the missing -out speak the chosen language, like the refusals.
func TestOutcomeLinesSpeakTheChosenLanguage(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "skabelon.pdf")
	io, stdout, _ := testIO(nil)
	if _, code, _ := run([]string{"icmctl", "-export-template", "-db", db, "-out", out, "-lang", "da"}, io); code != 0 ||
		strings.TrimSpace(stdout.String()) != "Metodeskabelonen er skrevet til "+out {
		t.Fatalf("exit %d: %q", code, stdout)
	}
	io, _, stderr := testIO(nil)
	if _, code, _ := run([]string{"icmctl", "-export-plan", "1", "-db", db, "-lang", "da"}, io); code != 2 ||
		!strings.Contains(stderr.String(), "-export-plan kræver -out STI") || strings.Contains(stderr.String(), "is required") {
		t.Fatalf("exit %d: %q", code, stderr)
	}
}

// The help names the flags as they are spelt and the program IT runs, and a wrong
// top-level flag lists the commands too.
func TestHelpTextNamesTheRightFlagsAndProgram(t *testing.T) {
	for _, args := range [][]string{{"sync", "enroll", "-h"}, {"backup", "-h"}, {"restore", "-h"}, {"-nosuchflag"}} {
		io, _, stderr := testIO(nil)
		run(append([]string{"icmctl"}, args...), io)
		help := stderr.String()
		for _, bad := range []string{"[-lead]", "-laptop icm sync", "-lead-code icm sync", "usage: icm ", "Usage of"} {
			if strings.Contains(help, bad) {
				t.Errorf("%v: help holds %q:\n%s", args, bad, help)
			}
		}
		if args[0] == "-nosuchflag" && !strings.Contains(help, "icmctl backup") {
			t.Errorf("a wrong flag does not list the commands:\n%s", help)
		}
	}
}

// A backup leaves no empty backup folder beside the database (the app makes it when it
// rotates its own backups).
func TestBackupLeavesNoEmptyBackupFolder(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	backupFileOf(t, db)
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "backups")); err == nil {
		t.Fatalf("an empty backups folder was left: %v", listTree(t, filepath.Dir(db)))
	}
}

// A backup file the user may not read is named as such, not as missing.
func TestRestoreNamesABackupFileItMayNotRead(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs POSIX modes and a user that they bind (not root)")
	}
	file := filepath.Join(t.TempDir(), "b.icmbackup")
	if err := os.WriteFile(file, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	io, _, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
	if code := runBackupCommand("restore", []string{"-db", filepath.Join(t.TempDir(), "icm.db"), "-in", file}, io); code != 1 ||
		!strings.Contains(stderr.String(), "(cannot_read)") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

// The first -demo (and the first restore) on a new laptop, without -db, makes the user's
// data folder and loads into it. Under Wine (docs/windows-wine.md), -demo refused with
// write_failed: it probed the folder for writing before anyone had made it.
func TestFirstDemoAndRestoreMakeTheDataFolder(t *testing.T) {
	cheapCosts(t)
	file := backupFileOf(t, demoDB(t))
	for _, args := range [][]string{{"-demo"}, {"restore", "-in", file}} {
		t.Run(args[0], func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "xdg")
			t.Setenv("XDG_DATA_HOME", data)
			t.Setenv("LOCALAPPDATA", data)
			t.Setenv("ICM_DB", "")
			db, err := databasePath("")
			if err != nil {
				t.Fatal(err)
			}
			io, stdout, stderr := testIO(map[string]string{envBackupPassphrase: cliPass})
			if _, code, _ := run(append([]string{"icmctl", "-lang", "en"}, args...), io); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout.String(), db) {
				t.Fatalf("output %q does not name %s", stdout, db)
			}
			if _, err := os.Stat(db); err != nil {
				t.Fatal(err)
			}
		})
	}
}
