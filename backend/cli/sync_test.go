package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"icm/backend/instance"
	"icm/backend/store"
)

// runSyncCmd runs `icm sync ...` and returns the exit code and both outputs.
func runSyncCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	io, out, errb := testIO(nil)
	_, code, done := run(append([]string{"icm", "sync"}, args...), io)
	if !done {
		t.Fatalf("icm sync %v did not finish as a command", args)
	}
	return code, out.String(), errb.String()
}

// emptyDB is a new database without a team (a laptop about to join).
func emptyDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "icm.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// The whole headless round: the lead founds the team folder, a new laptop asks to join,
// the lead enrolls it, the new laptop syncs the team's data in, and status says so.
func TestSyncCommandsFoundJoinEnrollOnce(t *testing.T) {
	lead, laptop := demoDB(t), emptyDB(t)
	folder := t.TempDir()

	if code, _, errs := runSyncCmd(t, "status", "-db", lead); code != exitNotJoined {
		t.Fatalf("status before founding: exit %d (%s), want %d", code, errs, exitNotJoined)
	}
	code, out, errs := runSyncCmd(t, "found", "-db", lead, "-folder", folder, "-lead", "ML", "-label", "Leders bærbare")
	if code != 0 || !strings.Contains(out, "Team folder ready") {
		t.Fatalf("found: exit %d\n%s%s", code, out, errs)
	}
	codeRE := regexp.MustCompile(`[0-9A-F]{4}(-[0-9A-F]{4}){4}`)
	leadCode := codeRE.FindString(out)
	if code, _, errs := runSyncCmd(t, "join", "-db", laptop, "-folder", folder, "-lead-code", "0000-0000-0000-0000-0000"); code != 1 || !strings.Contains(errs, "code") {
		t.Fatalf("join with a wrong lead code: exit %d (%s), want 1", code, errs)
	}
	if code, _, _ := runSyncCmd(t, "found", "-db", lead, "-folder", folder, "-lead", "ML"); code != 1 {
		t.Fatalf("a second found: exit %d, want 1", code)
	}
	code, out, errs = runSyncCmd(t, "join", "-db", laptop, "-folder", folder, "-label", "Jonas' bærbare", "-lead-code", strings.ToLower(leadCode))
	if code != 0 {
		t.Fatalf("join: exit %d\n%s%s", code, out, errs)
	}
	fp := codeRE.FindString(out)
	if fp == "" {
		t.Fatalf("join printed no code to compare: %q", out)
	}
	// The new laptop waits for its enrolment: status says so and exits 0 (nothing refused).
	if code, out, _ := runSyncCmd(t, "status", "-db", laptop); !strings.Contains(out, "waiting for the team lead") {
		t.Fatalf("status of a laptop not yet enrolled (exit %d):\n%s", code, out)
	}
	code, out, _ = runSyncCmd(t, "requests", "-db", lead)
	if code != 0 || !strings.Contains(out, fp) || !strings.Contains(out, "Jonas' bærbare") {
		t.Fatalf("requests: exit %d\n%s", code, out)
	}
	id := strings.Fields(out)[0]
	if code, out, errs := runSyncCmd(t, "enroll", "-db", lead, "-laptop", id, "-worker", "XX"); code != 1 || !strings.Contains(errs, "XX") {
		t.Fatalf("enroll for an unknown worker: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := runSyncCmd(t, "enroll", "-db", lead, "-laptop", id, "-worker", "JØ"); code != 0 {
		t.Fatalf("enroll: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := runSyncCmd(t, "once", "-db", laptop); code != 0 {
		t.Fatalf("once: exit %d\n%s%s", code, out, errs)
	}
	st, err := store.Open(context.Background(), laptop)
	if err != nil {
		t.Fatal(err)
	}
	var citizens int64
	st.Gorm().Raw(`SELECT COUNT(*) FROM citizens`).Scan(&citizens)
	st.Close()
	if citizens == 0 {
		t.Fatalf("the demo team's citizens did not reach the new laptop")
	}
	code, out, _ = runSyncCmd(t, "status", "-db", laptop)
	if code != 0 || !strings.Contains(out, "enrolled (roster 2, 2 laptops)") || !strings.Contains(out, "Applied:") {
		t.Fatalf("status after joining: exit %d\n%s", code, out)
	}
}

// `once` leaves a database alone while the app has it open: the app syncs by itself.
func TestSyncOnceLeavesARunningAppAlone(t *testing.T) {
	lead := demoDB(t)
	folder := t.TempDir()
	if code, out, errs := runSyncCmd(t, "found", "-db", lead, "-folder", folder, "-lead", "ML"); code != 0 {
		t.Fatalf("found: exit %d\n%s%s", code, out, errs)
	}
	app, err := instance.Claim(lead)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	before, _ := os.ReadDir(filepath.Join(folder, "laptops"))
	code, _, errs := runSyncCmd(t, "once", "-db", lead)
	if code != exitAppRunning || !strings.Contains(errs, "syncs by itself") {
		t.Fatalf("once while the app runs: exit %d (%s), want %d", code, errs, exitAppRunning)
	}
	after, _ := os.ReadDir(filepath.Join(folder, "laptops"))
	if len(after) != len(before) {
		t.Fatalf("once touched the team folder while the app ran")
	}
	if code, _, _ := runSyncCmd(t, "status", "-db", lead); code != 0 {
		t.Fatalf("status while the app runs: exit %d, want 0 (status only reads)", code)
	}
}

func TestSyncCommandWrongUse(t *testing.T) {
	for _, args := range [][]string{{}, {"-db", "x"}, {"nonsense"}, {"found", "-db", "x"}, {"join", "-folder", "x"}, {"enroll", "-laptop", "abc"}, {"status", "extra"}} {
		if code, _, errs := runSyncCmd(t, args...); code != 2 || !strings.Contains(errs, "usage: icmctl sync") {
			t.Errorf("icm sync %v: exit %d, want 2 with the usage\n%s", args, code, errs)
		}
	}
}

// The sync commands' foreseeable refusals print a sentence with advice in the chosen
// language and their code, not the team folder's raw English error.
func TestSyncRefusalsSpeakTheChosenLanguage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo", "team")
	cases := []struct {
		name string
		args func(db string) []string
		want string
	}{
		{"join with data", func(db string) []string {
			return []string{"join", "-db", db, "-folder", missing, "-lead-code", "XXXX", "-lang", "da"}
		}, "Databasen på denne computer indeholder allerede et teams data"},
		{"unknown initials", func(db string) []string {
			return []string{"found", "-db", db, "-folder", missing, "-lead", "ZZ", "-lang", "da"}
		}, "Der er ingen aktiv medarbejder med de initialer: ZZ."},
		{"no team folder", func(db string) []string {
			return []string{"found", "-db", db, "-folder", missing, "-lead", "ML", "-lang", "da"}
		}, "Teammappen findes ikke eller er ikke en mappe: " + missing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runSyncCmd(t, c.args(demoDB(t))...)
			if code != 1 || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "cannot") ||
				strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
		})
	}
}
