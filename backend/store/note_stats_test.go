package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// noteStatsFromNotes counts the notes as note_stats should hold them.
func noteStatsFromNotes(t *testing.T, st *Store) string {
	t.Helper()
	return statsRows(t, st, `SELECT course_id, kind, location, COUNT(*) AS n, MAX(occurred_at) AS last
		FROM notes GROUP BY course_id, kind, location ORDER BY 1, 2, 3`)
}

func statsRows(t *testing.T, st *Store, q string) string {
	t.Helper()
	var rows []struct {
		CourseID       uint
		Kind, Location string
		N              int
		Last           string
	}
	if err := st.db.Raw(q).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d/%s/%s=%d@%s ", r.CourseID, r.Kind, r.Location, r.N, r.Last)
	}
	return b.String()
}

// TestNoteStatsFollowTheNotes writes, corrects and deletes notes at random and checks after
// every step that the counts kept by the triggers are the counts of the notes.
func TestNoteStatsFollowTheNotes(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted")
	rng := rand.New(rand.NewPCG(3, 5))
	kinds, places := []string{"visit", "phone_call", "attempt"}, []string{"home", "street", "phone"}
	at := func() string {
		return fmt.Sprintf("2026-%02d-%02dT%02d:00", 1+rng.IntN(3), 1+rng.IntN(28), 8+rng.IntN(3))
	}
	var ids []uint
	for step := 0; step < 400; step++ {
		switch r := rng.IntN(10); {
		case r < 5 || len(ids) == 0:
			n := &Note{CourseID: uint(1 + rng.IntN(2)), OccurredAt: at(), Location: places[rng.IntN(3)],
				Kind: kinds[rng.IntN(3)], Text: "besøg"}
			byWorker(n, 1, "Mette Lund")
			if err := st.AddNote(ctx, n); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, n.ID)
		case r < 8: // a correction of date, kind, place or course
			n, err := st.GetNote(ctx, ids[rng.IntN(len(ids))])
			if err != nil {
				t.Fatal(err)
			}
			err = nil
			switch rng.IntN(4) {
			case 0:
				n.OccurredAt = at()
			case 1:
				n.Kind = kinds[rng.IntN(3)]
			case 2:
				n.Location = places[rng.IntN(3)]
			default: // only SQL moves a note to another course: the app never does
				err = st.db.Exec("UPDATE notes SET course_id = ?, revision_no = revision_no + 1 WHERE id = ?",
					1+rng.IntN(2), n.ID).Error
				n = nil
			}
			if n != nil {
				err = st.ReviseNote(ctx, n, n.RevisionNo)
			}
			if err != nil {
				t.Fatal(err)
			}
		default:
			i := rng.IntN(len(ids))
			forgetNote(t, st, ids[i])
			ids = append(ids[:i], ids[i+1:]...)
		}
		want := noteStatsFromNotes(t, st)
		if got := statsRows(t, st, "SELECT * FROM note_stats ORDER BY 1, 2, 3"); got != want {
			t.Fatalf("step %d: note_stats\n %s\nwant\n %s", step, got, want)
		}
	}
	// LastContact and LocationCounts read them.
	last, err := st.LastContact(ctx, 1, []string{"visit", "phone_call"})
	if err != nil {
		t.Fatal(err)
	}
	var want string
	st.db.Raw("SELECT COALESCE(MAX(occurred_at), '') FROM notes WHERE course_id = 1 AND kind IN ('visit', 'phone_call')").Scan(&want)
	if last != want {
		t.Errorf("LastContact = %q, want %q", last, want)
	}
	locs, err := st.LocationCounts(ctx, 2, []string{"visit", "attempt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range places {
		var n int
		st.db.Raw("SELECT COUNT(*) FROM notes WHERE course_id = 2 AND kind IN ('visit', 'attempt') AND location = ?", p).Scan(&n)
		if locs[p] != n {
			t.Errorf("LocationCounts[%s] = %d, want %d", p, locs[p], n)
		}
	}
}
