package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// folderNames lists the names in dir, sorted.
func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestOpenExistingAndReadOnlyRefuseAMissingFile(t *testing.T) {
	ctx := context.Background()
	for name, open := range map[string]func(context.Context, string) (*Store, error){
		"OpenExisting": OpenExisting, "OpenReadOnly": OpenReadOnly,
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			path := filepath.Join(root, "typo", "icm.db")
			st, err := open(ctx, path)
			if err == nil {
				_ = st.Close()
				t.Fatal("a missing database opened")
			}
			wantCode(t, err, "not_found")
			if !errors.Is(err, ErrNoDatabase) {
				t.Errorf("error %v does not wrap ErrNoDatabase", err)
			}
			if got := folderNames(t, root); len(got) != 0 {
				t.Errorf("made %v for a missing database", got)
			}
		})
	}
}

// TestOpenReadOnlyInAReadOnlyFolder: a database on a share the user cannot write is read,
// with nothing created beside it, where the ordinary open fails.
func TestOpenReadOnlyInAReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs POSIX modes and a user that they bind (not root)")
	}
	ctx := context.Background()
	st, path := openTemp(t)
	if err := st.SetSetting(ctx, "probe", "kept"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	before := folderNames(t, dir)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700); _ = os.Chmod(path, 0o600) })

	if Writable(path) {
		t.Fatal("Writable says yes in a read-only folder")
	}
	if w, err := Open(ctx, path); err == nil {
		_ = w.Close()
		t.Fatal("the writing open succeeded in a read-only folder: the test proves nothing")
	}
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	got, err := ro.GetSetting(ctx, "probe", "")
	if err != nil || got != "kept" {
		t.Errorf("read %q, %v; want kept", got, err)
	}
	if err := ro.SetSetting(ctx, "probe", "changed"); err == nil {
		t.Error("a read-only store wrote")
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if after := folderNames(t, dir); len(after) != len(before) {
		t.Errorf("folder changed: %v -> %v", before, after)
	}
}

// TestOpenReadOnlyNeverMigrates: a database of the previous release is refused, not
// upgraded, and its file is left byte for byte as it was.
func TestOpenReadOnlyNeverMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	copyFile(t, filepath.Join("testdata", "schema9-demo.db"), path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := OpenReadOnly(ctx, path)
	if err == nil {
		_ = st.Close()
		t.Fatal("an old schema opened read-only")
	}
	wantCode(t, err, CodeSchemaOld)
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("the read-only open changed the file")
	}
}
