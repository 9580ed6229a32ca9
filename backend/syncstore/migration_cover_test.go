package syncstore

import (
	"context"
	"testing"

	"icm/backend/store"
)

// The released demo (schema 9) upgrades through 0014: cover_periods gains citizen_id and
// withdrawn_on with the capture triggers the registry generates for them, a cover for one
// citizen is captured with its citizen, and the citizen's deletion takes the cover with it.
func TestMigration14OnTheReleasedDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, demoCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != store.LatestVersion() || v < 14 {
		t.Fatalf("schema version %d after the upgrade, want %d (at least 14)", v, store.LatestVersion())
	}
	db, _ := st.SQLDB()
	schema, err := readSchema(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, c := range schema["cover_periods"] {
		has[c.Name] = true
	}
	if !has["citizen_id"] || !has["withdrawn_on"] {
		t.Fatalf("cover_periods after the upgrade: %+v", schema["cover_periods"])
	}
	for _, tr := range triggersSQL(byName["cover_periods"], schema["cover_periods"]) {
		var got string
		if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, tr.Name).Scan(&got); err != nil || got != tr.SQL {
			t.Errorf("trigger %s after the upgrade is %q (%v)", tr.Name, got, err)
		}
	}
	var worker, colleague, citizen int64
	if err := db.QueryRow(`SELECT c.worker_id, c.citizen_id FROM courses c WHERE c.status <> 'closed' ORDER BY c.id LIMIT 1`).
		Scan(&worker, &citizen); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT id FROM workers WHERE id <> ? ORDER BY id LIMIT 1`, worker).Scan(&colleague); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO cover_periods(worker_id, cover_worker_id, from_date, to_date, note, created_at, citizen_id)
		VALUES (?, ?, '2026-12-01', '2026-12-14', 'Ferie', '2026-11-20 10:00:00+00:00', ?)`, worker, colleague, citizen)
	var outbox int
	db.QueryRow(`SELECT COUNT(*) FROM sync_outbox o JOIN cover_periods p ON p.id = o.row_id
		WHERE o.tbl = 'cover_periods' AND o.op = 'ins' AND p.citizen_id = ?`, citizen).Scan(&outbox)
	if outbox != 1 {
		t.Errorf("the new cover for one citizen is not in the outbox (%d)", outbox)
	}
	// A citizen deleted (as at the end of retention) takes the covers for them along.
	mustExec(`INSERT INTO citizens(team_id, name, created_at, updated_at)
		SELECT team_id, 'Borger Slettes', '2026-11-20 10:00:00+00:00', '2026-11-20 10:00:00+00:00' FROM citizens LIMIT 1`)
	var gone int64
	db.QueryRow(`SELECT id FROM citizens WHERE name = 'Borger Slettes'`).Scan(&gone)
	mustExec(`INSERT INTO cover_periods(worker_id, cover_worker_id, from_date, to_date, created_at, citizen_id)
		VALUES (?, ?, '2026-12-01', '2026-12-14', '2026-11-20 10:00:00+00:00', ?)`, worker, colleague, gone)
	mustExec(`DELETE FROM citizens WHERE id = ?`, gone)
	var left, tomb int
	db.QueryRow(`SELECT COUNT(*) FROM cover_periods WHERE citizen_id = ?`, gone).Scan(&left)
	db.QueryRow(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'cover_periods' AND op = 'del'`).Scan(&tomb)
	if left != 0 || tomb != 1 {
		t.Errorf("after the citizen's deletion: %d cover rows left, %d cover deletes in the outbox (want 0, 1)", left, tomb)
	}
}
