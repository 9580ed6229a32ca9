package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/store"
)

// The headless export writes a course's current plan to a PDF path, for scripting and tests.
func TestRunExportPlan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "icm.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := service.LoadDemo(context.Background(), st, time.Now()); err != nil {
		t.Fatal(err)
	}
	list, err := service.NewCitizenService(service.Deps{Store: st}).ListCitizens(service.CitizenListInput{Query: "Dennis"})
	if err != nil || len(list) != 1 {
		t.Fatalf("demo citizen: %v %v", list, err)
	}
	_ = st.Close()
	course := strconv.FormatUint(uint64(list[0].CourseID), 10)

	out := filepath.Join(dir, "plan")
	io, stdout, stderr := testIO(nil)
	if _, code, done := run([]string{"icm", "-db", db, "-export-plan", course, "-out", out}, io); code != 0 || !done {
		t.Fatalf("exit code %d (done %v): %s", code, done, stderr)
	}
	if !strings.Contains(stdout.String(), "Plan written to "+out+".pdf") {
		t.Fatalf("stdout %q", stdout)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	text, err := exec.Command("pdftotext", out+".pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Dennis Møller") || !strings.Contains(string(text), "KLADDE") {
		t.Fatalf("exported plan text:\n%s", text)
	}
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"unknown course", []string{"-export-plan", "99999", "-out", out}, 1},
		{"missing -out", []string{"-export-plan", course}, 2},
		{"template without -out", []string{"-export-template"}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			io, _, stderr := testIO(nil)
			if _, code, _ := run(append([]string{"icm", "-db", db}, c.args...), io); code != c.want {
				t.Fatalf("exit code %d, want %d: %s", code, c.want, stderr)
			}
		})
	}
}

// Without a command the window starts on the database given; -version, -h and a wrong flag
// end the process as the flag package would.
func TestRunWithoutACommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	cases := []struct {
		name   string
		args   []string
		code   int
		done   bool
		stdout string
		stderr string
	}{
		{"the window", []string{"icm", "-db", db}, 0, false, "", ""},
		{"-version", []string{"icm", "-version"}, 0, true, service.Version + "\n", ""},
		{"-h", []string{"icm", "-h"}, 0, true, "", "usage: icmctl COMMAND"},
		{"unknown flag", []string{"icm", "-nope"}, 2, true, "", "The command does not know the flag -nope. See the flags it knows below. (unknown_flag)"},
		{"not a number", []string{"icm", "-export-plan", "x"}, 2, true, "", "The flag -export-plan lacks its value or has one that cannot be used (not a number, for example). See below what the flag takes. (bad_flag_value)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			io, stdout, stderr := testIO(nil)
			path, code, done := run(c.args, io)
			if code != c.code || done != c.done {
				t.Fatalf("code %d done %v, want %d %v: %s", code, done, c.code, c.done, stderr)
			}
			if !done && path != db {
				t.Fatalf("database %q, want %q", path, db)
			}
			if stdout.String() != c.stdout || !strings.Contains(stderr.String(), c.stderr) {
				t.Fatalf("stdout %q stderr %q", stdout, stderr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("the command line created the database: the window opens it")
	}
}

// Characters the PDF's font lacks are named on stderr; the export still succeeds.
func TestRunExportPlanNamesReplacedCharacters(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "icm.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := service.LoadDemo(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	list, err := service.NewCitizenService(service.Deps{Store: st}).ListCitizens(service.CitizenListInput{Query: "Dennis"})
	if err != nil || len(list) != 1 {
		t.Fatalf("demo citizen: %v %v", list, err)
	}
	c, err := st.GetCitizen(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Name = "Dennis Møller 😀"
	if err := st.UpdateCitizen(ctx, c); err != nil {
		t.Fatal(err)
	}
	_ = st.Close()
	course := strconv.FormatUint(uint64(list[0].CourseID), 10)
	io, stdout, stderr := testIO(nil)
	if _, code, _ := run([]string{"icm", "-db", db, "-export-plan", course, "-out", filepath.Join(dir, "plan.pdf")}, io); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if !strings.Contains(stdout.String(), "Plan written to") || !strings.Contains(stderr.String(), "lacks these characters") ||
		!strings.Contains(stderr.String(), "😀") {
		t.Fatalf("stdout %q, stderr %q", stdout, stderr)
	}
}
