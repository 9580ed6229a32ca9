package printfiles

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestPrintFilesGoWithinMinutesAndByCitizen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "icm", "print")
	f := New(dir)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	a, err := f.Write(7, 70, now, []byte("%PDF a"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Write(8, 80, now, []byte("%PDF b"))
	c, _ := f.Write(7, 71, now.Add(time.Second), []byte("%PDF c"))
	if len(files(t, dir)) != 3 {
		t.Fatalf("files = %v", files(t, dir))
	}
	// Deleting citizen 7's data takes their two files and leaves citizen 8's.
	f.RemoveCitizen(7)
	if got := files(t, dir); len(got) != 1 || got[0] != filepath.Base(b) {
		t.Fatalf("after removing citizen 7: %v (had %s, %s)", got, a, c)
	}
	// The sweep removes what is older than KeepFor, by the file's time.
	old := time.Now().Add(-KeepFor - time.Minute)
	if err := os.Chtimes(b, old, old); err != nil {
		t.Fatal(err)
	}
	fresh, _ := f.Write(9, 90, now, []byte("%PDF d"))
	f.Sweep(time.Now(), KeepFor)
	if got := files(t, dir); len(got) != 1 || got[0] != filepath.Base(fresh) {
		t.Fatalf("after the sweep: %v", got)
	}
	// Sign-out and shutdown take everything, and leave other files alone.
	other := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(other, []byte("x"), 0o600)
	f.RemoveAll()
	if got := files(t, dir); len(got) != 1 || got[0] != "notes.txt" {
		t.Fatalf("after RemoveAll: %v", got)
	}
}

func TestPrintFolderIsTightenedEveryTime(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX modes")
	}
	dir := filepath.Join(t.TempDir(), "print")
	f := New(dir)
	if _, err := f.Write(1, 1, time.Now(), []byte("x")); err != nil {
		t.Fatal(err)
	}
	for _, loosen := range []func(){func() { _ = os.Chmod(dir, 0o755) }, func() { _ = os.Chmod(dir, 0o777) }} {
		loosen()
		if _, err := f.Write(1, 2, time.Now(), []byte("x")); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
			t.Fatalf("folder mode after a write = %v", fi.Mode().Perm())
		}
		loosen()
		f.Sweep(time.Now(), KeepFor)
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
			t.Fatalf("folder mode after a sweep = %v", fi.Mode().Perm())
		}
	}
	for _, n := range files(t, dir) {
		if fi, _ := os.Stat(filepath.Join(dir, n)); fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode = %v", n, fi.Mode().Perm())
		}
	}
}

func TestJanitorStops(t *testing.T) {
	f := New(t.TempDir())
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { f.Janitor(stop, time.Millisecond, time.Now); close(done) }()
	time.Sleep(5 * time.Millisecond)
	close(stop)
	<-done
	var nilFolder *Folder
	nilFolder.RemoveAll() // the command line has none
	nilFolder.Janitor(stop, time.Millisecond, time.Now)
}
