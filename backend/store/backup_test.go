package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/domain"
)

func dump(t *testing.T, st *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return b.String()
}

// A VACUUM INTO copy holds exactly the source's data, opens read-only without leaving files
// beside it, and passes the checks a restore makes.
func TestVacuumIntoAndSnapshot(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	seedCourses(t, st, "Åse Ørum", "Bo Æbelø")
	addNote(t, st, 1, "2026-11-02T10:00", "Hjemmebesøg, talte om søvn")
	if err := st.db.Exec(`INSERT INTO settings(key, value) VALUES ('x', ?)`, "1.5").Error; err != nil {
		t.Fatal(err)
	}
	want := dump(t, st)

	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := st.VacuumInto(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	if err := st.VacuumInto(ctx, copyPath); domain.CodeOf(err) != domain.CodeWriteFailed {
		t.Fatalf("VACUUM INTO an existing file: %v", err)
	}
	snap, err := OpenSnapshot(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	if got := dump(t, snap); got != want {
		t.Fatalf("the copy's dump differs from the source's:\n%s\n---\n%s", got, want)
	}
	if err := snap.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	v, ok, err := snap.RecordedVersion(ctx)
	if err != nil || !ok || v != LatestVersion() {
		t.Fatalf("RecordedVersion = %d, %v, %v", v, ok, err)
	}
	if n, err := snap.CountRows(ctx, "citizens"); err != nil || n != 2 {
		t.Fatalf("CountRows(citizens) = %d, %v", n, err)
	}
	if err := snap.db.Exec(`DELETE FROM citizens`).Error; err == nil {
		t.Fatal("a snapshot opened for checking accepted a write")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(copyPath + suffix); err == nil {
			t.Fatalf("checking the copy left %s beside it", suffix)
		}
	}
	tables, err := snap.Tables(ctx)
	if err != nil || len(tables) < 10 || !contains(tables, "audit_log") || contains(tables, "notes_fts") {
		t.Fatalf("Tables = %v, %v", tables, err)
	}
	_ = path
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The dump changes with any change of a value, its type, a row's order or the schema.
func TestDumpSeesEveryChange(t *testing.T) {
	ctx := context.Background()
	st, _ := openTemp(t)
	seedCourses(t, st, "Åse Ørum", "Bo Æbelø")
	base := dump(t, st)
	if !strings.Contains(base, "table citizens") || !strings.Contains(base, "end citizens: 2 rows") {
		t.Fatalf("dump has no citizens:\n%s", base)
	}
	changes := []struct{ name, do, undo string }{
		{"one letter", `UPDATE citizens SET name = 'Åse Ørun' WHERE id = 1`, `UPDATE citizens SET name = 'Åse Ørum' WHERE id = 1`},
		{"text to integer", `UPDATE teams SET name = 7 WHERE id = 1`, `UPDATE teams SET name = 'ICM' WHERE id = 1`},
		{"NFD instead of NFC", `UPDATE citizens SET name = 'A` + "\u030a" + `se Ørum' WHERE id = 1`, `UPDATE citizens SET name = 'Åse Ørum' WHERE id = 1`},
		{"an index", `CREATE INDEX extra ON citizens(name)`, `DROP INDEX extra`},
		{"a row", `INSERT INTO settings(key, value) VALUES ('k', 'v')`, `DELETE FROM settings WHERE key = 'k'`},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			var seq int64
			if err := st.db.WithContext(ctx).Raw(`SELECT COALESCE(MAX(seq), 0) FROM sync_outbox`).Scan(&seq).Error; err != nil {
				t.Fatal(err)
			}
			if err := st.db.WithContext(ctx).Exec(c.do).Error; err != nil {
				t.Fatal(err)
			}
			if dump(t, st) == base {
				t.Fatal("the dump did not change")
			}
			// The sync capture keeps both the change and its undoing in the outbox (that is
			// data too): they are taken out with the undo.
			if err := st.db.WithContext(ctx).Exec(c.undo).Error; err != nil {
				t.Fatal(err)
			}
			if err := st.db.WithContext(ctx).Exec(`DELETE FROM sync_outbox WHERE seq > ?`, seq).Error; err != nil {
				t.Fatal(err)
			}
			if got := dump(t, st); got != base {
				t.Fatalf("undone, the dump still differs:\n%s\n---\n%s", got, base)
			}
		})
	}
}

// A file without the migration table is not an ICM database.
func TestRecordedVersionOfAForeignDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "other.db")
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.db.Exec(`DROP TABLE schema_migrations`).Error; err != nil {
		t.Fatal(err)
	}
	other.Close()
	snap, err := OpenSnapshot(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	if _, ok, err := snap.RecordedVersion(ctx); ok || err != nil {
		t.Fatalf("RecordedVersion ok=%v err=%v, want no migration table", ok, err)
	}
}

// A damaged page is found by the full integrity check of a snapshot.
func TestIntegrityCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	path, pageSize, leaf := corruptible(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	off := (leaf-1)*pageSize + 3 // the cell count of the leaf page
	b[off], b[off+1] = 0xFF, 0xFF
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	snap, err := OpenSnapshot(ctx, path)
	if err == nil {
		defer snap.Close()
		err = snap.IntegrityCheck(ctx)
	}
	if domain.CodeOf(err) != domain.CodeDatabaseCorrupt {
		t.Fatalf("damaged page: %v", err)
	}
}
