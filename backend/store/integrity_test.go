package store

import (
	"context"
	"database/sql"
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
	// The fullest leaf page of the citizens (the sync capture's bookkeeping is written
	// between them, so it is not simply the page before the last).
	if err := db.Raw(`SELECT pageno FROM dbstat WHERE name = 'citizens' AND pagetype = 'leaf' AND ncell > 0
		ORDER BY unused, pageno DESC LIMIT 1`).Scan(&leaf).Error; err != nil || leaf == 0 {
		t.Fatalf("no leaf page of citizens: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if fi, _ := os.Stat(path + "-wal"); fi.Size() > 0 {
			t.Fatal("WAL not checkpointed on close; damage to the main file would be masked")
		}
	}
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

// damagedClean is a damaged file whose last session ended cleanly (no write-ahead log).
func damagedClean(t *testing.T) string {
	t.Helper()
	path, ps, leaf := corruptible(t)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(garbage(256), (leaf-1)*ps+ps/2); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckAfterCleanEndLeavesTheCheckForLaterAndRemembersDamage(t *testing.T) {
	ctx := context.Background()
	path := damagedClean(t)
	st, err := OpenChecked(ctx, path, CheckAfterCleanEnd)
	if err != nil {
		t.Fatalf("a cleanly closed file at the current schema should open before its check: %v", err)
	}
	defer st.Close()
	if !st.CheckPending() {
		t.Fatal("CheckPending = false, want the check left for later")
	}
	if err := st.Damaged(); err != nil {
		t.Fatalf("Damaged before the check = %v", err)
	}
	wantCode(t, st.CheckDeferred(ctx), domain.CodeDatabaseCorrupt)
	wantCode(t, st.Damaged(), domain.CodeDatabaseCorrupt)
	if p := st.Damaged().(*domain.Error).Params["path"]; p != path {
		t.Errorf("path param = %q, want %q", p, path)
	}
	// The default mode still checks before use.
	again, err := Open(ctx, path)
	if again != nil {
		again.Close()
	}
	wantCode(t, err, domain.CodeDatabaseCorrupt)
}

func TestCheckAfterCleanEndChecksAtOnceAfterAnUncleanEnd(t *testing.T) {
	path := damagedClean(t)
	// What a killed session leaves: the write-ahead log beside the file. (Its content is
	// not a valid log, which SQLite ignores; only its presence tells of the unclean end.)
	if err := os.WriteFile(path+"-wal", garbage(4096), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := OpenChecked(context.Background(), path, CheckAfterCleanEnd)
	if st != nil {
		st.Close()
	}
	wantCode(t, err, domain.CodeDatabaseCorrupt)
}

func TestCheckAfterCleanEndChecksAtOnceBeforeAnUpgrade(t *testing.T) {
	ctx := context.Background()
	path := damagedClean(t)
	// Pretend the file was written by the version before this one.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = ?", LatestVersion()); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := OpenChecked(ctx, path, CheckAfterCleanEnd)
	if st != nil {
		st.Close()
	}
	wantCode(t, err, domain.CodeDatabaseCorrupt)
}

func TestCheckAfterCleanEndOnSoundFiles(t *testing.T) {
	ctx := context.Background()
	// A new file is checked at once (there is nothing to read) and nothing is left pending.
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := OpenChecked(ctx, path, CheckAfterCleanEnd)
	if err != nil {
		t.Fatal(err)
	}
	if st.CheckPending() {
		t.Error("a new file left its check pending")
	}
	if err := st.CheckDeferred(ctx); err != nil {
		t.Errorf("CheckDeferred on a new file = %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened after a clean close: the check waits, and finds nothing.
	st, err = OpenChecked(ctx, path, CheckAfterCleanEnd)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.CheckPending() {
		t.Error("a cleanly closed file was checked before use")
	}
	if err := st.CheckDeferred(ctx); err != nil || st.Damaged() != nil {
		t.Errorf("CheckDeferred on a sound file = %v, Damaged = %v", err, st.Damaged())
	}
}

func TestStoppedCheckIsNoFinding(t *testing.T) {
	path, _, _ := corruptible(t)
	st, err := OpenChecked(context.Background(), path, CheckAfterCleanEnd)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.CheckDeferred(ctx); err == nil || domain.CodeOf(err) == domain.CodeDatabaseCorrupt {
		t.Fatalf("a stopped check = %v, want an error that is not database_corrupt", err)
	}
	if err := st.Damaged(); err != nil {
		t.Fatalf("a stopped check marked the file damaged: %v", err)
	}
}
