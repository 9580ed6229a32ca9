package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/domain"
)

// garbage returns n deterministic bytes that are no SQLite structure.
func garbage(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(0xA5 ^ (i * 31))
	}
	return b
}

func TestOpenRefusesAFileThatIsNotSQLite(t *testing.T) {
	cases := []struct {
		name    string
		content []byte
	}{
		{"8 KiB of garbage", garbage(8192)},
		{"text file", []byte(strings.Repeat("Navn;CPR\nAnna;010190-1234\n", 300))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "icm.db")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := Open(context.Background(), path)
			if st != nil {
				st.Close()
			}
			wantCode(t, err, domain.CodeDatabaseCorrupt)
			if p := err.(*domain.Error).Params["path"]; p != path {
				t.Errorf("path param = %q, want %q", p, path)
			}
			if b, _ := os.ReadFile(path); string(b) != string(c.content) {
				t.Error("Open changed the file it refused")
			}
		})
	}
}

// corruptible builds a database with enough citizens to fill many table pages, closes it
// (checkpointing the WAL into the file) and returns the path, the page size and a page
// number that is a full table leaf page of citizens.
func corruptible(t *testing.T) (path string, pageSize, leaf int64) {
	t.Helper()
	ctx := context.Background()
	st, path := openTemp(t)
	db := st.db.WithContext(ctx)
	if err := db.Exec(`INSERT INTO teams(id, municipality, name, created_at, updated_at)
		VALUES (1, 'K', 'T', '2026-01-01', '2026-01-01')`).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
		INSERT INTO citizens(team_id, name, contact_note, created_at, updated_at)
		SELECT 1, 'Borger ' || i, ?, '2026-01-01', '2026-01-01' FROM n`, strings.Repeat("note ", 20)).Error; err != nil {
		t.Fatal(err)
	}
	var pageCount int64
	db.Raw("PRAGMA page_size").Scan(&pageSize)
	db.Raw("PRAGMA page_count").Scan(&pageCount)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if fi, _ := os.Stat(path + "-wal"); fi.Size() > 0 {
			t.Fatal("WAL not checkpointed on close; damage to the main file would be masked")
		}
	}
	// The citizens were inserted last, so the page before the last is a full leaf of theirs.
	leaf = pageCount - 1
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(b)) != pageSize*pageCount || b[(leaf-1)*pageSize] != 0x0D {
		t.Fatalf("page %d is not a table leaf page (type %#x)", leaf, b[(leaf-1)*pageSize])
	}
	if !strings.Contains(string(b[(leaf-1)*pageSize:leaf*pageSize]), "Borger") {
		t.Fatalf("page %d holds no citizen rows", leaf)
	}
	// Sanity: undamaged, the file opens.
	ok, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("undamaged file: %v", err)
	}
	ok.Close()
	return path, pageSize, leaf
}

func TestOpenDetectsDamagedPages(t *testing.T) {
	cases := []struct {
		name   string
		offset func(pageSize, leaf int64) int64
	}{
		{"garbage in the middle of a table leaf page", func(ps, leaf int64) int64 { return (leaf-1)*ps + ps/2 }},
		{"garbage over a b-tree page header", func(ps, leaf int64) int64 { return (leaf - 1) * ps }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, ps, leaf := corruptible(t)
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteAt(garbage(256), c.offset(ps, leaf)); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			st, err := Open(context.Background(), path)
			if st != nil {
				st.Close()
			}
			wantCode(t, err, domain.CodeDatabaseCorrupt)
		})
	}
}
