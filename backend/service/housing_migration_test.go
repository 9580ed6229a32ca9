package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/store"
)

// TestHousingMigrationOfReleasedDemo upgrades a copy of the demo database of the last
// released version (schema 9), with a few housing changes added the way that version made
// them, and checks that the housing fields became dated entries and that the screens and
// the overview show what they showed before.
func TestHousingMigrationOfReleasedDemo(t *testing.T) {
	ctx := context.Background()
	path := releasedDemoCopy(t)

	// What version 9 shows, read from its own columns.
	raw, err := gorm.Open(sqlite.Open(store.DSN(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		// Camilla got her own flat in November; version 9 overwrote her housing field.
		`UPDATE citizens SET housing = 'own', housing_note = 'Nøgler til egen lejlighed',
			updated_at = '2026-11-20 09:00:00+00:00' WHERE id = 4`,
		`UPDATE visitations SET housing_note = 'Herberget på Åvej' WHERE course_id = 4`,
		// Emil's course closed with its closing (the demo closed it without one).
		`INSERT INTO closings(course_id, reason, after_support, after_note, housing_at_close, note, updated_at)
			VALUES (7, 'goals_reached', 'none', '', 'own', '', '2026-02-09 14:00:00+00:00')`,
	} {
		if err := raw.Exec(q).Error; err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	var version int
	raw.Raw("SELECT MAX(version) FROM schema_migrations").Scan(&version)
	if version != 9 {
		t.Fatalf("the fixture is at version %d, want 9", version)
	}
	type citizenRow struct {
		ID                   uint
		Housing, HousingNote string
		UpdatedAt            string
	}
	var citizens []citizenRow
	raw.Raw("SELECT id, housing, housing_note, substr(updated_at, 1, 10) AS updated_at FROM citizens ORDER BY id").Scan(&citizens)
	type courseRow struct {
		ID, CitizenID             uint
		Status, StartDate         string
		HousingAtStart, StartNote string
		HousingAtClose            *string
	}
	var courses []courseRow
	raw.Raw(`SELECT c.id, c.citizen_id, c.status, c.start_date, COALESCE(v.housing_at_start, '') AS housing_at_start,
			COALESCE(v.housing_note, '') AS start_note, cl.housing_at_close
		FROM courses c LEFT JOIN visitations v ON v.course_id = c.id LEFT JOIN closings cl ON cl.course_id = c.id
		ORDER BY c.id`).Scan(&courses)
	if len(citizens) != 12 || len(courses) != 11 {
		t.Fatalf("fixture: %d citizens, %d courses", len(citizens), len(courses))
	}
	startCount, nowCount := map[string]int{}, map[string]int{}
	housingOf := map[uint]citizenRow{}
	for _, c := range citizens {
		housingOf[c.ID] = c
	}
	for _, c := range courses {
		if c.Status != "closed" {
			startCount[c.HousingAtStart]++
			nowCount[housingOf[c.CitizenID].Housing]++
		}
	}
	if db, _ := raw.DB(); db != nil {
		_ = db.Close()
	}

	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	d := Deps{Store: st, Clock: func() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) }}
	cs, courseSvc, fu := NewCitizenService(d), NewCourseService(d), NewFollowUpService(d)

	for _, c := range citizens {
		got := mustFn[CitizenDTO](t)(cs.GetCitizen(IDInput{ID: c.ID}))
		if got.Housing != c.Housing || got.HousingNote != c.HousingNote {
			t.Errorf("citizen %d housing %q/%q, was %q/%q", c.ID, got.Housing, got.HousingNote, c.Housing, c.HousingNote)
		}
		h := mustFn[HousingHistoryDTO](t)(cs.GetHousingHistory(IDInput{ID: c.ID}))
		if h.Current != c.Housing || h.CurrentNote != c.HousingNote {
			t.Errorf("citizen %d history says %q/%q, was %q/%q", c.ID, h.Current, h.CurrentNote, c.Housing, c.HousingNote)
		}
	}
	for _, c := range courses {
		v := mustFn[VisitationDTO](t)(courseSvc.GetVisitation(IDInput{ID: c.ID}))
		if v.HousingAtStart != c.HousingAtStart || v.HousingNote != c.StartNote {
			t.Errorf("course %d visitation housing %q/%q, was %q/%q", c.ID, v.HousingAtStart, v.HousingNote, c.HousingAtStart, c.StartNote)
		}
		cl := mustFn[FollowUpDTO](t)(fu.GetFollowUp(IDInput{ID: c.ID})).Closing
		if (cl == nil) != (c.HousingAtClose == nil) || (cl != nil && cl.HousingAtClose != *c.HousingAtClose) {
			t.Errorf("course %d closing = %+v, was %v", c.ID, cl, c.HousingAtClose)
		}
	}
	ov := mustFn[OverviewDTO](t)(NewOverviewService(d).TeamOverview())
	for _, cat := range ov.Housing.Categories {
		if cat.Start != startCount[cat.Housing] || cat.Now != nowCount[cat.Housing] {
			t.Errorf("overview %q: start %d now %d, was %d and %d", cat.Housing, cat.Start, cat.Now,
				startCount[cat.Housing], nowCount[cat.Housing])
		}
	}

	// The dates: a course's start housing on its start, the closing's on the end date, and
	// the housing field, where it said something else, on the day the citizen was changed.
	for _, c := range []struct {
		id   uint
		want []entryLine
	}{
		{4, []entryLine{{"2026-11-20", "shelter", "own", "carried_over", true}, {"2026-05-20", "", "shelter", "start", true}}},
		{7, []entryLine{{"2026-02-09", "own", "own", "close", true}, {"2025-01-05", "", "own", "start", true}}},
		{1, []entryLine{{"2025-10-12", "", "sofa", "start", true}}},
		{6, []entryLine{{"2026-12-06", "", "shelter", "carried_over", true}}},  // a visitation not yet begun
		{11, []entryLine{{"2026-12-06", "", "shelter", "carried_over", true}}}, // no course
	} {
		wantLines(t, mustFn[HousingHistoryDTO](t)(cs.GetHousingHistory(IDInput{ID: c.id})), c.want)
	}
	if e := mustFn[HousingHistoryDTO](t)(cs.GetHousingHistory(IDInput{ID: 4})).Entries; e[0].Note != "Nøgler til egen lejlighed" ||
		e[1].Note != "Herberget på Åvej" {
		t.Errorf("notes = %q, %q", e[0].Note, e[1].Note)
	}
	// Camilla moved into her own home during her course: the outcome counts her, though
	// six months have not passed yet.
	if r := ov.Housing.Retention; r.MovedIn != 1 || r.Kept[0].Eligible != 0 {
		t.Errorf("retention = %+v", r)
	}
}

// releasedDemoCopy copies the demo database of the last released version (schema 9) into a
// temporary folder and returns its path.
func releasedDemoCopy(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "icm.db")
	src, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema9-demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
