package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// latestRows lists assessment_latest as the query gives it.
func latestRows(t *testing.T, st *Store, q string) string {
	t.Helper()
	var rows []struct {
		CourseID            uint
		Topic, RevisionDate string
		Filled              bool
	}
	if err := st.db.Raw(q).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d/%s@%s=%v ", r.CourseID, r.Topic, r.RevisionDate, r.Filled)
	}
	return b.String()
}

// TestAssessmentLatestFollowsTheRevisions saves, refines, re-dates and deletes assessment
// revisions at random and checks after every step that the table kept by the triggers
// holds, for every topic, its latest revision and whether that has any text.
func TestAssessmentLatestFollowsTheRevisions(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted")
	rng := rand.New(rand.NewPCG(11, 13))
	topics := []string{"housing", "network", "wishes"}
	text := func() string { return []string{"", "", "Vil have egen bolig"}[rng.IntN(3)] }
	day := func() string { return fmt.Sprintf("2026-%02d-%02d", 1+rng.IntN(4), 1+rng.IntN(28)) }
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	want := func() string {
		return latestRows(t, st, `SELECT course_id, topic, MAX(revision_date) AS revision_date,
			citizen_view <> '' OR worker_view <> '' OR resources <> '' OR needs <> '' OR barriers <> '' AS filled
			FROM assessment_entries GROUP BY course_id, topic ORDER BY 1, 2`)
	}
	for step := 0; step < 400; step++ {
		var ids []uint
		if err := st.db.Raw("SELECT id FROM assessment_entries").Scan(&ids).Error; err != nil {
			t.Fatal(err)
		}
		switch r := rng.IntN(10); {
		case r < 5 || len(ids) == 0: // a revision of the day, or a refinement of it (upsert)
			e := &AssessmentEntry{CourseID: uint(1 + rng.IntN(2)), Topic: topics[rng.IntN(3)], RevisionDate: day(),
				CitizenView: text(), WorkerView: text(), Barriers: text(), CreatedAt: now, UpdatedAt: now}
			if err := st.SaveAssessmentRevision(ctx, e); err != nil {
				t.Fatal(err)
			}
		case r < 8: // a change of texts, date or topic
			id := ids[rng.IntN(len(ids))]
			col, val := "worker_view", text()
			switch rng.IntN(3) {
			case 0:
				col, val = "revision_date", day()
			case 1:
				col, val = "topic", topics[rng.IntN(3)]
			}
			// A change that would make two revisions of one topic on one day is refused.
			_ = st.db.Exec("UPDATE assessment_entries SET "+col+" = ? WHERE id = ?", val, id).Error
		default:
			if err := st.db.Exec("DELETE FROM assessment_entries WHERE id = ?", ids[rng.IntN(len(ids))]).Error; err != nil {
				t.Fatal(err)
			}
		}
		if got := latestRows(t, st, "SELECT * FROM assessment_latest ORDER BY 1, 2"); got != want() {
			t.Fatalf("step %d: assessment_latest\n %s\nwant\n %s", step, got, want())
		}
	}
}
