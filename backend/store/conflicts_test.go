package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// Migration 0015 upgrades a copy of the released demo (schema 9): the demo's rows are all
// there, conflict_resolutions is empty and captured like every synced table, and a
// resolution removes the kept value it names (and only that one).
func TestMigrateSchema9DemoConflictResolutions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	copyFile(t, filepath.Join("testdata", "schema9-demo.db"), path)
	old := openUnmigrated(t, path)
	var citizensBefore int64
	old.db.Raw(`SELECT COUNT(*) FROM citizens`).Scan(&citizensBefore)
	_ = old.Close()

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var citizens, resolutions, triggers int64
	st.db.Raw(`SELECT COUNT(*) FROM citizens`).Scan(&citizens)
	st.db.Raw(`SELECT COUNT(*) FROM conflict_resolutions`).Scan(&resolutions)
	st.db.Raw(`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'conflict_resolutions'`).Scan(&triggers)
	if citizens != citizensBefore || citizens == 0 || resolutions != 0 || triggers != 4 {
		t.Fatalf("after 0015: %d citizens (before %d), %d resolutions, %d triggers", citizens, citizensBefore, resolutions, triggers)
	}
	var cuid string
	st.db.Raw(`SELECT uid FROM sync_ids WHERE tbl = 'citizens' ORDER BY row_id LIMIT 1`).Scan(&cuid)
	for _, hlc := range []string{"a", "b"} {
		if err := st.db.Exec(`INSERT INTO sync_conflicts(tbl, uid, col, hlc, value) VALUES ('citizens', ?, 'phone', ?, '12345678')`,
			cuid, hlc).Error; err != nil {
			t.Fatal(err)
		}
	}
	err = st.Tx(ctx, func(tx *Store) error {
		return tx.AddConflictResolution(ctx, ConflictResolution{Table: "citizens", RowUID: cuid, Column: "phone", HLC: "a",
			Choice: "current", At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)})
	})
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	st.db.Raw(`SELECT hlc FROM sync_conflicts`).Scan(&left)
	var outbox int64
	st.db.Raw(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'conflict_resolutions'`).Scan(&outbox)
	if len(left) != 1 || left[0] != "b" || outbox != 1 {
		t.Fatalf("kept values left %v, %d resolutions in the outbox; want [b] and 1", left, outbox)
	}
}
