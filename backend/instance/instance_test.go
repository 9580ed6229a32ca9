//go:build !windows

package instance

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The helper process: with ICM_INSTANCE_HELPER set, the test binary claims the instance lock
// for ICM_INSTANCE_DB as a second start of the app would, and reports what happened.
//   - "claim": claim once and print "refused pid=N focused=B" or "claimed"; exit.
//   - "hold": claim, print "holding", answer focus requests by printing "focus", and wait until
//     killed or until its stdin closes.
func TestMain(m *testing.M) {
	if mode := os.Getenv("ICM_INSTANCE_HELPER"); mode != "" {
		os.Exit(instanceHelper(mode, os.Getenv("ICM_INSTANCE_DB")))
	}
	os.Exit(m.Run())
}

func instanceHelper(mode, db string) int {
	in, err := Claim(db)
	var running *AlreadyRunningError
	switch {
	case errors.As(err, &running):
		fmt.Printf("refused pid=%d focused=%v\n", running.PID, running.Focused)
		return 0
	case err != nil:
		fmt.Println("error", err)
		return 2
	}
	if mode == "claim" {
		fmt.Println("claimed")
		_ = in.Close()
		return 0
	}
	in.OnFocus(func() { fmt.Println("focus") })
	fmt.Println("holding")
	// Until killed; and never longer than the test that started it, whatever that test does.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(3)
	}()
	time.Sleep(time.Minute)
	return 4
}

func helperCmd(t *testing.T, mode, db string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ICM_INSTANCE_HELPER="+mode, "ICM_INSTANCE_DB="+db)
	cmd.Stderr = os.Stderr
	return cmd
}

// runHelper runs a "claim" helper to the end and returns its one line of output.
func runHelper(t *testing.T, db string) string {
	t.Helper()
	out, err := helperCmd(t, "claim", db).Output()
	if err != nil {
		t.Fatalf("helper: %v (%s)", err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestSecondStartIsRefusedAndFocusesTheFirst: this test process is the running app; a
// second process started on the same database is refused and the first gets its request.
func TestSecondStartIsRefusedAndFocusesTheFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	in, err := Claim(db)
	if err != nil {
		t.Fatalf("first claim: %v", err)
	}
	defer in.Close()
	focused := make(chan struct{}, 4)
	in.OnFocus(func() { focused <- struct{}{} })

	got := runHelper(t, db)
	if want := fmt.Sprintf("refused pid=%d focused=true", os.Getpid()); got != want {
		t.Fatalf("second start said %q, want %q", got, want)
	}
	select {
	case <-focused:
	case <-time.After(2 * time.Second):
		t.Fatal("the first instance got no focus request")
	}
	fi, err := os.Stat(socketPath(db))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode = %v, want a 0600 socket", fi.Mode())
	}

	// Another database is another instance: both may be open side by side.
	if got := runHelper(t, filepath.Join(t.TempDir(), "other.db")); got != "claimed" {
		t.Fatalf("start on another database said %q, want claimed", got)
	}
	// After the first closes, a new start gets the database.
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	if got := runHelper(t, db); got != "claimed" {
		t.Fatalf("start after close said %q, want claimed", got)
	}
}

// TestLockOfAKilledProcessIsFree: a process killed with SIGKILL leaves its lock file and
// socket behind; the kernel has dropped the flock, so the next start claims the database,
// replaces the stale socket, and answers the start after it.
func TestLockOfAKilledProcessIsFree(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	holder := helperCmd(t, "hold", db)
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := holder.StdinPipe() // closed when this test ends: the holder then exits
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = holder.Process.Kill()
		_ = holder.Wait()
	})
	lines := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(5 * time.Second):
			return "(nothing within 5 s)"
		}
	}
	if got := next(); got != "holding" {
		t.Fatalf("holder said %q", got)
	}

	// While it holds the lock, this process is the second start.
	_, err = Claim(db)
	var running *AlreadyRunningError
	if !errors.As(err, &running) || !running.Focused || running.PID != holder.Process.Pid {
		t.Fatalf("claim while held = %v, want refused and focused by pid %d", err, holder.Process.Pid)
	}
	if got := next(); got != "focus" {
		t.Fatalf("holder did not report the focus request: %q", got)
	}

	if err := holder.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := holder.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("holder ended with %v, want killed", err)
	}
	if _, err := os.Stat(socketPath(db)); err != nil {
		t.Fatalf("expected the killed holder's socket to be left behind: %v", err)
	}

	in, err := Claim(db)
	if err != nil {
		t.Fatalf("claim after the holder was killed: %v", err)
	}
	defer in.Close()
	focused := make(chan struct{}, 1)
	in.OnFocus(func() { focused <- struct{}{} })
	if got := runHelper(t, db); !strings.HasSuffix(got, "focused=true") {
		t.Fatalf("start after takeover said %q, want refused and focused", got)
	}
	select {
	case <-focused:
	case <-time.After(2 * time.Second):
		t.Fatal("the new holder got no focus request")
	}
}

// TestSocketPathFallback: a data folder too deep for a unix socket path uses the private
// runtime folder, and the two starts agree on it.
func TestSocketPathFallback(t *testing.T) {
	short := "/home/anna/.local/share/icm/icm.db"
	if got := socketPath(short); got != short+".sock" {
		t.Fatalf("socketPath(short) = %q", got)
	}
	long := "/" + strings.Repeat("d", 120) + "/icm.db"
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	got := socketPath(long)
	if !strings.HasPrefix(got, "/run/user/1000/dk.icm.desktop.") || len(got) > maxSocketPath || got != socketPath(long) {
		t.Fatalf("socketPath(long) = %q", got)
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	if got := socketPath(long); got != "" {
		t.Fatalf("socketPath(long) without a runtime folder = %q, want none", got)
	}
}

// A command holding the database (a headless restore) has no window: a start meanwhile is
// told so, instead of being told that a window came forward.
func TestStartWhileACommandHoldsTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	holder, err := Claim(db)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	holder.Headless()
	_, err = Claim(db)
	var running *AlreadyRunningError
	if !errors.As(err, &running) || !running.Busy || running.Focused {
		t.Fatalf("second claim = %v (%+v), want busy", err, running)
	}
	if !strings.Contains(running.Error(), "command line") {
		t.Fatalf("message %q", running.Error())
	}
}

// TestALinkToTheDatabaseIsTheSameInstance: a second start through a symbolic link to the
// database file (or its folder) is refused as a second writer and focuses the first;
// before, the lock was per path, and the link opened a second writer.
func TestALinkToTheDatabaseIsTheSameInstance(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "icm.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fileLink, dirLink := filepath.Join(dir, "link.db"), filepath.Join(dir, "datalink")
	if err := os.Symlink(db, fileLink); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(db), dirLink); err != nil {
		t.Fatal(err)
	}
	in, err := Claim(db)
	if err != nil {
		t.Fatalf("first claim: %v", err)
	}
	defer in.Close()
	for _, second := range []string{fileLink, filepath.Join(dirLink, "icm.db")} {
		if got, want := runHelper(t, second), fmt.Sprintf("refused pid=%d focused=true", os.Getpid()); got != want {
			t.Errorf("start through %s said %q, want %q", second, got, want)
		}
	}
	// The lock file lies beside the real file, not beside the link.
	if _, err := os.Lstat(fileLink + ".lock"); err == nil {
		t.Error("a lock file beside the link")
	}
}
