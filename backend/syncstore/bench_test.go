package syncstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"icm/backend/store"
	"icm/backend/syncstore"
)

// benchNotes is how many journal notes the benchmarks publish and apply (each is two rows:
// the note and its first revision).
const benchNotes = 10000

// notesLaptop is a laptop with a team whose setup is published, and benchNotes notes on
// its course written in one transaction and not yet published.
func notesLaptop(b *testing.B) (*laptop, *laptop) {
	b.Helper()
	a, peer := newLaptop(b, "A"), newLaptop(b, "B")
	tm := setupTeam(b, a)
	a.publish()
	peer.apply(a, 1)
	ctx := context.Background()
	author := a.deps("AB").As
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	err := a.st.Tx(store.WithWorker(ctx, author.WorkerID), func(tx *store.Store) error {
		for i := 0; i < benchNotes; i++ {
			n := &store.Note{CourseID: tm.course, OccurredAt: at.Add(time.Duration(i) * time.Hour).Format("2006-01-02T15:04"),
				DurationMinutes: 30, Location: "home", Kind: "visit", Text: fmt.Sprintf("Besøg nummer %d, borgeren havde det godt.", i),
				AuthorWorkerID: author.WorkerID, AuthorName: author.Name, RevisionWorkerID: author.WorkerID,
				RevisionWorkerName: author.Name, CreatedAt: at, UpdatedAt: at}
			if err := tx.AddNote(ctx, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return a, peer
}

// BenchmarkPending10000Notes reads the outbox of 10 000 new notes into changes.
func BenchmarkPending10000Notes(b *testing.B) {
	a, _ := notesLaptop(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.tx(func(tx *gormDB) error {
			changes, _, err := syncstore.Pending(tx, 0)
			if err == nil && len(changes) != 2*benchNotes {
				err = fmt.Errorf("%d changes, want %d", len(changes), 2*benchNotes)
			}
			return err
		})
	}
}

// BenchmarkApply10000Notes applies 10 000 new notes (with their revisions) in one
// transaction on a laptop that has the team.
func BenchmarkApply10000Notes(b *testing.B) {
	a, _ := notesLaptop(b)
	a.publish()
	changes := a.batches[1].changes(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		peer := newLaptop(b, fmt.Sprintf("B%d", i))
		peer.apply(a, 1)
		b.StartTimer()
		peer.tx(func(tx *gormDB) error {
			res, err := syncstore.Apply(tx, changes, "A")
			if err == nil && res.Applied != 2*benchNotes {
				err = fmt.Errorf("applied %+v", res)
			}
			return err
		})
	}
}
