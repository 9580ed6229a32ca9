package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// benchWords is a small vocabulary of fictional journal sentences. "borgeren" opens every
// note (the common word); "tandlæge" is added to one note in a thousand (the rare word).
var benchWords = strings.Fields(`sover spiste talte ringede mødte gik hjemme herberget kommunen
	jobcenteret lægen psykiatrien misbrug gæld budget husleje lejlighed netværk søster bror datter
	søvnløs træt glad urolig bekymret aftale møde ansøgning boligstøtte medicin behandling
	stoffer alkohol økonomi dagligdagen indkøb rengøring vasketøj bussen cyklen parken åen
	kaffe frokost ønsker håb drømme fremtiden støtte hjælp kontakt brev mail telefonen
	sagsbehandleren udredning handleplan mål delmål aktivitet ugen weekenden morgen aften`)

const (
	benchNotes     = 50_000
	benchCourses   = 50
	benchRareEvery = 1000
)

// seedBenchNotes fills st with benchNotes generated notes over benchCourses courses, the
// same every run (fixed seed).
func seedBenchNotes(b *testing.B, st *Store) {
	b.Helper()
	names := make([]string, benchCourses)
	for i := range names {
		names[i] = fmt.Sprintf("Borger %02d Ærø", i+1)
	}
	seedCourses(b, st, names...)
	rng := rand.New(rand.NewPCG(20261201, 141))
	start := time.Date(2020, 1, 1, 8, 0, 0, 0, time.UTC)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	batch := make([]Note, 0, 1000)
	err := st.db.Transaction(func(tx *gorm.DB) error {
		for i := 0; i < benchNotes; i++ {
			var sb strings.Builder
			sb.WriteString("Borgeren")
			for w := 8 + rng.IntN(25); w > 0; w-- {
				sb.WriteByte(' ')
				sb.WriteString(benchWords[rng.IntN(len(benchWords))])
			}
			if i%benchRareEvery == 0 {
				sb.WriteString(" tandlæge")
			}
			sb.WriteByte('.')
			at := start.Add(time.Duration(i) * 75 * time.Minute)
			batch = append(batch, Note{CourseID: uint(1 + rng.IntN(benchCourses)), OccurredAt: at.Format("2006-01-02T15:04"),
				DurationMinutes: 30, Location: "home", Kind: "visit", Text: sb.String(), CreatedAt: now, UpdatedAt: now,
				AuthorWorkerID: 1, AuthorName: "Mette Lund", RevisionNo: 1, RevisionWorkerID: 1, RevisionWorkerName: "Mette Lund"})
			if len(batch) == cap(batch) || i == benchNotes-1 {
				if err := tx.Create(&batch).Error; err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSearchNotes searches 50 000 notes for a rare and a common word, 200 hits at most.
func BenchmarkSearchNotes(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "icm.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = st.Close() })
	began := time.Now()
	seedBenchNotes(b, st)
	b.Logf("seeded %d notes in %v", benchNotes, time.Since(began).Round(time.Millisecond))

	cases := []struct {
		name, query string
		courseID    uint
		want        int
	}{
		{"rare word", "tandlæge", 0, benchNotes / benchRareEvery},
		{"rare prefix upper case", "TANDL", 0, benchNotes / benchRareEvery},
		{"common word", "borgeren", 0, 200},
		{"common word in one course", "borgeren", 7, 200},
		{"two common prefixes", "borg sov", 0, 200},
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
			for b.Loop() {
				hits, err := st.SearchNotes(ctx, c.query, c.courseID, 200)
				if err != nil || len(hits) != c.want {
					b.Fatalf("SearchNotes(%q) = %d hits, %v; want %d", c.query, len(hits), err, c.want)
				}
			}
		})
	}
}
