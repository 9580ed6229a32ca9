package instance

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestID(t *testing.T) {
	a, b := ID("/home/anna/.local/share/icm/icm.db"), ID("/tmp/other.db")
	if a == b || a != ID("/home/anna/.local/share/icm/icm.db") || !strings.HasPrefix(a, "dk.icm.desktop.") {
		t.Fatalf("ID: %q %q", a, b)
	}
	if strings.Contains(a, "anna") {
		t.Fatalf("ID leaks the path: %q", a)
	}
}

// A link to the database, or another spelling of its path, is the same instance.
func TestResolveAndIDFollowLinks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "icm.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fileLink := filepath.Join(dir, "link.db")
	dirLink := filepath.Join(dir, "datalink")
	if err := os.Symlink(db, fileLink); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Dir(db), dirLink); err != nil {
		t.Fatal(err)
	}
	want := Resolve(db)
	for _, p := range []string{fileLink, filepath.Join(dirLink, "icm.db"), filepath.Join(dir, "data", ".", "x", "..", "icm.db")} {
		if got := Resolve(p); got != want {
			t.Errorf("Resolve(%s) = %s, want %s", p, got, want)
		}
		if ID(p) != ID(db) {
			t.Errorf("ID(%s) differs from the database's", p)
		}
	}
	// A database not made yet, in a linked folder: the folder's link is followed.
	if got, want := Resolve(filepath.Join(dirLink, "new.db")), filepath.Join(filepath.Dir(want), "new.db"); got != want {
		t.Errorf("new file: %s, want %s", got, want)
	}
	if runtime.GOOS == "windows" && ID(strings.ToUpper(db)) != ID(db) {
		t.Error("ID depends on the case of the path on Windows")
	}
}
