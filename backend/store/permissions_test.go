package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestLooseModesAreTightenedAtOpen puts a database folder and files with the modes an older
// version, a copy or a restore could leave (0755 and 0644) and checks that Open takes them
// back to the current user: 0700 for the folder, 0600 for every file named after the database.
func TestLooseModesAreTightenedAtOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows relies on the per-user ACL of %LOCALAPPDATA%")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "icm")
	mkdirMode(t, dir, 0o755)
	path := filepath.Join(dir, "icm.db")

	// A real database with data, closed, then loosened as a careless copy would leave it.
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, "language", "da"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	named := []string{path, path + "-wal", path + "-shm", path + "-journal", path + ".lock",
		path + ".2026-01-31.bak"}
	for _, f := range named {
		writeMode(t, f, 0o644)
	}
	// The database file itself must stay a database: loosen it rather than rewrite it.
	chmod(t, dir, 0o755)
	other := filepath.Join(dir, "readme.txt") // not ours: left as it is
	writeMode(t, other, 0o644)

	st, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after loosening: %v", err)
	}
	defer st.Close()
	if v, err := st.GetSetting(ctx, "language", ""); err != nil || v != "da" {
		t.Fatalf("setting after reopen = %q, %v", v, err)
	}
	wantMode(t, dir, 0o700)
	for _, f := range named {
		wantMode(t, f, 0o600)
	}
	wantMode(t, other, 0o644)
}

// TestFreshFolderAndFilesArePrivate covers the first start: nothing exists yet.
func TestFreshFolderAndFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows relies on the per-user ACL of %LOCALAPPDATA%")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "share", "icm")
	path := filepath.Join(dir, "icm.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSetting(ctx, "language", "en"); err != nil { // makes -wal and -shm exist
		t.Fatal(err)
	}
	wantMode(t, dir, 0o700)
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		wantMode(t, f, 0o600)
	}
}

// TestSharedFoldersAreLeftOpen: a database put with -db into a folder others rely on (a
// sticky /tmp-like folder, the home folder) must not lock the others out of that folder;
// the database's own files are still made private.
func TestSharedFoldersAreLeftOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows relies on the per-user ACL of %LOCALAPPDATA%")
	}
	cases := []struct {
		name string
		mode os.FileMode
		home bool
	}{
		{"sticky folder", 0o777 | os.ModeSticky, false},
		{"home folder", 0o755, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "shared")
			mkdirMode(t, dir, c.mode)
			if c.home {
				t.Setenv("HOME", dir)
			}
			path := filepath.Join(dir, "icm.db")
			writeMode(t, path, 0o644)
			st, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			fi, err := os.Stat(dir)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode()&(os.ModePerm|os.ModeSticky) != c.mode {
				t.Errorf("folder mode = %v, want %v left as it was", fi.Mode(), c.mode)
			}
			wantMode(t, path, 0o600)
		})
	}
}

func mkdirMode(t *testing.T, dir string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	chmod(t, dir, mode)
}

// writeMode creates f if missing (empty) and gives it mode, whatever the umask.
func writeMode(t *testing.T, f string, mode os.FileMode) {
	t.Helper()
	h, err := os.OpenFile(f, os.O_WRONLY|os.O_CREATE, mode)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	chmod(t, f, mode)
}

func chmod(t *testing.T, p string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}

func wantMode(t *testing.T, p string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("mode of %s = %o, want %o", filepath.Base(p), got, want)
	}
}
