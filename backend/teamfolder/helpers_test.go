package teamfolder

import (
	"os"
	"path/filepath"
	"testing"
)

// Fictional laptop and citizen ids.
const (
	laptopA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	laptopB = "0123456789abcdef0123456789abcdef"
	laptopC = "cccccccccccccccccccccccccccccccc"
	citizen = "5f3c0e9a1b2d4c6e8f0a1b2c3d4e5f60"
)

// openTemp opens a fresh team folder in a temp dir as laptop id.
func openTemp(t *testing.T, id string) *Folder {
	t.Helper()
	f, err := Open(t.TempDir(), id)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return f
}

// put writes a file the way another laptop's copy arrives: plainly, at a relative path.
func put(t *testing.T, root, rel string, data []byte) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
