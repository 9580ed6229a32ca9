package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestSearchOrderMatchesEveryMatchSorted checks the streamed search against the plain
// answer: every matching note sorted by date and time (then id), newest first, cut at the
// limit. The notes are written out of date order the way a team writes them: most on the
// day, some days later about an earlier visit, some corrected afterwards to another date,
// many in the same minute.
func TestSearchOrderMatchesEveryMatchSorted(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted", "Carl Øst")
	rng := rand.New(rand.NewPCG(7, 11))
	type rec struct {
		id, course uint
		at         string
		words      []string
	}
	fill := []string{"besøg", "kaffe", "natten", "herberget", "aftale", "budget"}
	var recs []*rec
	day := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 700; i++ {
		at := day.Add(time.Duration(i/3) * 6 * time.Hour) // three notes to each moment
		switch r := rng.IntN(10); {
		case r == 0:
			at = at.AddDate(0, 0, -rng.IntN(20)) // written later about an earlier day
		case r == 1:
			at = at.Add(time.Duration(rng.IntN(90)) * time.Minute)
		}
		words := []string{fill[rng.IntN(len(fill))]}
		if rng.IntN(10) < 6 {
			words = append(words, "søvn")
		}
		if rng.IntN(40) == 0 {
			words = append(words, "tandlæge")
		}
		if rng.IntN(5) == 0 {
			words = append(words, "søvnløs")
		}
		words = append(words, fill[rng.IntN(len(fill))])
		n := addNote(t, st, uint(1+rng.IntN(3)), at.Format("2006-01-02T15:04"), strings.Join(words, " "))
		recs = append(recs, &rec{id: n.ID, course: n.CourseID, at: n.OccurredAt, words: words})
	}
	// Corrections: some early notes get a late date, some late ones an early date.
	for i := 0; i < 25; i++ {
		r := recs[rng.IntN(len(recs))]
		at := day.Add(time.Duration(rng.IntN(700/3)) * 6 * time.Hour).Format("2006-01-02T15:04")
		if err := st.db.Exec("UPDATE notes SET occurred_at = ?, revision_no = revision_no + 1 WHERE id = ?", at, r.id).Error; err != nil {
			t.Fatal(err)
		}
		r.at = at
	}
	matches := func(r *rec, query string) bool {
		for _, q := range strings.Fields(query) {
			found := false
			for _, w := range r.words {
				found = found || strings.HasPrefix(w, strings.ToLower(q))
			}
			if !found {
				return false
			}
		}
		return true
	}
	for _, query := range []string{"søvn", "SØV", "tandl", "søvnl", "søvn tandlæge", "besøg søvn", "kaffe"} {
		for _, course := range []uint{0, 1, 3} {
			for _, limit := range []int{1, 3, 40, 200, 1000} {
				var want []string
				var all []*rec
				for _, r := range recs {
					if (course == 0 || r.course == course) && matches(r, query) {
						all = append(all, r)
					}
				}
				sort.Slice(all, func(i, j int) bool {
					return all[i].at > all[j].at || (all[i].at == all[j].at && all[i].id > all[j].id)
				})
				for i := 0; i < len(all) && i < limit; i++ {
					want = append(want, fmt.Sprintf("%d@%s", all[i].id, all[i].at))
				}
				hits, err := st.SearchNotes(ctx, query, course, limit)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range hits {
					got = append(got, fmt.Sprintf("%d@%s", h.ID, h.OccurredAt))
					if !strings.Contains(h.Snippet, "[") {
						t.Errorf("%q: hit %d has no highlighted match: %q", query, h.ID, h.Snippet)
					}
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Fatalf("search %q in course %d, limit %d:\n got %v\nwant %v", query, course, limit, got, want)
				}
			}
		}
	}
}
