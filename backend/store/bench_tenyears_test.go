package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"icm/backend/benchdata"
	"icm/backend/store"
)

// tenYearStore opens a new database filled with the fictional ten-year data.
func tenYearStore(b *testing.B) (*store.Store, benchdata.Summary) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "icm.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = st.Close() })
	sum, err := benchdata.Generate(ctx, st, benchdata.TenYears(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)))
	if err != nil {
		b.Fatal(err)
	}
	return st, sum
}

// BenchmarkSearchTenYears is the store's part of the note search over 200 000 notes, 200
// hits at most, as the search page and the course's notes panel ask for it (typing a word
// letter by letter is the prefix cases).
func BenchmarkSearchTenYears(b *testing.B) {
	st, sum := tenYearStore(b)
	ctx := context.Background()
	cases := []struct {
		name, query string
		courseID    uint
		want        int
	}{
		{"rare_word", benchdata.RareWord, 0, sum.RareHits},
		{"common_word", benchdata.CommonWord, 0, 200},
		{"common_word_in_course", benchdata.CommonWord, sum.BusiestCourse, 200},
		{"common_word_in_old_course", benchdata.CommonWord, 1, 0},
		{"rare_word_in_course", benchdata.RareWord, sum.BusiestCourse, -1},
		{"one_letter", "b", 0, 200},
		{"two_prefixes", "borg aft", 0, 200},
		{"long_common_prefix", "borgerens", 0, -1},
		{"no_match", "xylofon", 0, 0},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			hits, err := st.SearchNotes(ctx, c.query, c.courseID, 200)
			if err != nil {
				b.Fatal(err)
			}
			for i, h := range hits {
				if !strings.Contains(h.Snippet, "[") || (i > 0 && h.OccurredAt > hits[i-1].OccurredAt) ||
					(c.courseID != 0 && h.CourseID != c.courseID) {
					b.Fatalf("hit %d = %+v: want newest first, in the course, with a [match]", i, h)
				}
			}
			if c.want > 0 && len(hits) != c.want {
				b.Fatalf("%q: %d hits, want %d", c.query, len(hits), c.want)
			}
			b.ReportAllocs()
			var took []time.Duration
			for b.Loop() {
				began := time.Now()
				if _, err := st.SearchNotes(ctx, c.query, c.courseID, 200); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(began))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Nanoseconds())/1e6, "p50-ms")
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}
