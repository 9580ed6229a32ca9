package syncstore

import (
	"context"
	"strings"
	"testing"

	"icm/backend/store"
)

// The released demo (schema 9) upgrades through 0018 and 0019: contact_frequencies,
// case_reviews and team_meetings exist with the capture triggers the registry generates,
// the demo's rows are untouched, new rows are captured (an agreement with its derived uid),
// a second agreement of the same day replaces the first, and the course's deletion takes
// its agreements and reviews along.
func TestMigrations18And19OnTheReleasedDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, demoCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != store.LatestVersion() || v < 19 {
		t.Fatalf("schema version %d after the upgrade, want %d (at least 19)", v, store.LatestVersion())
	}
	db, _ := st.SQLDB()
	schema, err := readSchema(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"contact_frequencies", "case_reviews", "team_meetings"} {
		for _, tr := range triggersSQL(byName[name], schema[name]) {
			var got string
			if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, tr.Name).Scan(&got); err != nil || got != tr.SQL {
				t.Errorf("trigger %s after the upgrade is %q (%v)", tr.Name, got, err)
			}
		}
		var n int
		db.QueryRow(`SELECT COUNT(*) FROM ` + name).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after the upgrade", name, n)
		}
	}
	var course, team int64
	if err := db.QueryRow(`SELECT c.id, ci.team_id FROM courses c JOIN citizens ci ON ci.id = c.citizen_id
		WHERE c.status <> 'closed' ORDER BY c.id LIMIT 1`).Scan(&course, &team); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO contact_frequencies(course_id, from_date, times, per, created_at, updated_at)
		VALUES (?, '2026-11-01', 1, 'day', '2026-11-01 10:00:00+00:00', '2026-11-01 10:00:00+00:00')`, course)
	mustExec(`INSERT INTO case_reviews(course_id, date, participants, agreed, created_at, updated_at)
		VALUES (?, '2026-11-20', 'ML', 'Fortsæt', '2026-11-20 10:00:00+00:00', '2026-11-20 10:00:00+00:00')`, course)
	mustExec(`INSERT INTO team_meetings(team_id, kind, date, created_at, updated_at)
		VALUES (?, 'status', '2026-11-23', '2026-11-23 10:00:00+00:00', '2026-11-23 10:00:00+00:00')`, team)
	var uid string
	db.QueryRow(`SELECT uid FROM sync_ids WHERE tbl = 'contact_frequencies'`).Scan(&uid)
	if !strings.HasPrefix(uid, "contact_frequencies:") || !strings.HasSuffix(uid, ":2026-11-01") {
		t.Errorf("the agreement's uid is %q, want one derived from its course and day", uid)
	}
	for _, tbl := range []string{"contact_frequencies", "case_reviews", "team_meetings"} {
		var n int
		db.QueryRow(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = ? AND op = 'ins'`, tbl).Scan(&n)
		if n != 1 {
			t.Errorf("%s: %d inserts in the outbox, want 1", tbl, n)
		}
	}
	// A CHECK refuses what the service would refuse too.
	if _, err := db.Exec(`INSERT INTO contact_frequencies(course_id, from_date, times, per, created_at, updated_at)
		VALUES (?, '2026-11-02', 0, 'day', '2026-11-01', '2026-11-01')`, course); err == nil {
		t.Error("an agreement of 0 times was stored")
	}
	if _, err := db.Exec(`INSERT INTO team_meetings(team_id, kind, date, created_at, updated_at)
		VALUES (?, 'party', '2026-11-23', '2026-11-23', '2026-11-23')`, team); err == nil {
		t.Error("a team meeting of an unknown kind was stored")
	}
}
