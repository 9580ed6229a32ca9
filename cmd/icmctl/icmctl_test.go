package main

import (
	"debug/pe"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// build compiles icmctl for goos into dir and returns the program's path.
func build(t *testing.T, goos, dir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the program")
	}
	out := filepath.Join(dir, "icmctl")
	if goos == "windows" {
		out += ".exe"
	}
	// The same settings as `make check-windows` and the tests' own builds, so that the
	// build cache they filled serves this one.
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = os.Environ()
	if goos != runtime.GOOS {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH=amd64")
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build (GOOS=%s): %v\n%s", goos, err, b)
	}
	return out
}

// The Windows build is a console program (subsystem 3): cmd and PowerShell show its output,
// wait for it and get its exit code, and it has a console for the passphrase prompt. The
// window program icm.exe is a GUI program (2), which has none of these.
func TestWindowsBuildIsAConsoleProgram(t *testing.T) {
	exe := build(t, "windows", t.TempDir())
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("not a 64-bit PE file: %T", f.OptionalHeader)
	}
	if h.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("subsystem %d, want %d (console)", h.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
}

// On this system: the output reaches the terminal, the exit codes are the commands', and
// started without a command it explains itself rather than opening a window.
func TestConsoleProgramRuns(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("built for amd64")
	}
	bin := build(t, runtime.GOOS, t.TempDir())
	missing := filepath.Join(t.TempDir(), "ikke-her", "icm.db")
	for _, c := range []struct {
		args       []string
		code       int
		out, errs  string
		noFilesFor string
	}{
		{args: []string{"-version"}, code: 0, out: "."},
		{args: nil, code: 2, errs: "usage: icmctl COMMAND"},
		{args: []string{"backup", "-db", missing, "-out", missing + ".b", "-lang", "en"}, code: 1,
			errs: "icm: The database does not exist: " + missing + ". Check the path given with -db (or ICM_DB). (not_found)\n"},
		{args: []string{"-export-template", "-db", missing, "-out", missing + ".pdf", "-lang", "da"}, code: 1,
			errs: "icm: Databasen findes ikke: " + missing + ". Kontrollér stien i -db (eller ICM_DB). (not_found)\n"},
	} {
		cmd := exec.Command(bin, c.args...)
		var out, errs strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errs
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != c.code || !strings.Contains(out.String(), c.out) || !strings.Contains(errs.String(), c.errs) {
			t.Errorf("icmctl %v: exit %d, stdout %q, stderr %q", c.args, code, out.String(), errs.String())
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("a mistyped -db made its folder")
	}
}
