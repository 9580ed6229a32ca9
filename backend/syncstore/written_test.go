package syncstore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"

	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/syncstore"
)

// A change tells when its row was last written, by the clock of the service that wrote it
// (the change is stamped only when it is published, maybe days later), and publishing it
// forgets the write times of the transactions it published.
func TestPendingTellsWhenTheRowWasWritten(t *testing.T) {
	a := newLaptop(t, "A")
	tm := setupTeam(t, a)
	later := testNow.Add(50 * time.Hour)
	d := a.deps("ML")
	d.Clock = func() time.Time { return later }
	cit := a.scalar(`SELECT citizen_id FROM courses WHERE id = ?`, tm.course)
	must[service.CitizenDTO](t)(service.NewCitizenService(d).SaveCitizen(service.CitizenInput{ID: uint(mustAtoi(t, cit)),
		Name: "Åse Ærø", Phone: "20 99 88 77"}))
	citUID := a.scalar(`SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = ?`, cit)

	var changes []syncstore.Change
	a.tx(func(tx *gorm.DB) error {
		var err error
		changes, _, err = syncstore.Pending(tx, 0)
		return err
	})
	if len(changes) == 0 {
		t.Fatal("nothing pending")
	}
	for _, ch := range changes {
		want := testNow.Format(time.RFC3339)
		if ch.UID == citUID {
			want = later.Format(time.RFC3339) // the row's latest write
		}
		if ch.Written != want {
			t.Errorf("%s %s: written %q, want %q", ch.Table, ch.UID, ch.Written, want)
		}
	}
	if got := roundTrip(t, changes[:1])[0].Written; got != changes[0].Written {
		t.Errorf("written after the JSON round trip: %q, want %q", got, changes[0].Written)
	}
	a.publish()
	var kept, outbox int64
	a.st.Gorm().Raw(`SELECT COUNT(*) FROM sync_tx_times`).Scan(&kept)
	a.st.Gorm().Raw(`SELECT COUNT(*) FROM sync_outbox`).Scan(&outbox)
	if kept != 0 || outbox != 0 {
		t.Errorf("after publishing: %d write times kept, %d outbox rows", kept, outbox)
	}
}

// The released demo (schema 9) upgrades through 0017: a write made afterwards records its
// time by the clock its context carries, and its change tells it.
func TestMigration17OnTheReleasedDemo(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema9-demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "icm.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != store.LatestVersion() || v < 17 {
		t.Fatalf("schema version %d after the upgrade, want %d (at least 17)", v, store.LatestVersion())
	}
	var pending int64
	st.Gorm().Raw(`SELECT COUNT(*) FROM sync_tx_times`).Scan(&pending)
	if pending != 0 {
		t.Fatalf("%d write times right after the upgrade", pending)
	}
	written := time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)
	wctx := store.WithClock(ctx, func() time.Time { return written })
	if err := st.Tx(wctx, func(tx *store.Store) error {
		return tx.Gorm().Exec(`UPDATE citizens SET phone = '20 30 40 50' WHERE id = (SELECT MIN(id) FROM citizens)`).Error
	}); err != nil {
		t.Fatal(err)
	}
	var changes []syncstore.Change
	if err := st.SyncTx(ctx, func(tx *gorm.DB) error {
		changes, _, err = syncstore.Pending(tx, 0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Table != "citizens" || changes[0].Written != "2026-12-01T07:30:00Z" {
		t.Fatalf("pending after the write: %+v", changes)
	}
}
