package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A copy of a database taken while ICM had it open (the file and its -wal) on a share the
// user cannot write is read in full, the -wal's changes included, from a private copy that
// Close removes: nothing is made beside it (SQLite would need a -shm there).
func TestOpenReadOnlyReadsAWriteAheadLogItCannotWriteBeside(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	if err := st.SetSetting(ctx, "probe", "in the wal"); err != nil {
		t.Fatal(err)
	}
	// Copy while open: the setting is only in the -wal.
	share := t.TempDir()
	copyPath := filepath.Join(share, "icm.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(copyPath+suffix, b, 0o400); err != nil {
			t.Fatal(err)
		}
	}
	_ = st.Close()
	if fi, err := os.Stat(copyPath + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the copy has no -wal: %v", err)
	}
	old := writable
	writable = func(string) bool { return false } // as on the read-only share, even for root
	t.Cleanup(func() { writable = old })
	before := folderNames(t, share)
	temps, _ := filepath.Glob(filepath.Join(os.TempDir(), "icm-readonly-*"))

	ro, err := OpenReadOnly(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ro.GetSetting(ctx, "probe", "")
	if err != nil || v != "in the wal" {
		t.Errorf("setting %q %v: the -wal was not read", v, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if after := folderNames(t, share); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("made files beside the database: %v -> %v", before, after)
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "icm-readonly-*")); len(after) != len(temps) {
		t.Errorf("the private copy was not removed: %v", after)
	}
}
