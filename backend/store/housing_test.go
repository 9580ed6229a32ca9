package store

import (
	"context"
	"path/filepath"
	"testing"

	"icm/backend/domain"
)

// TestHousingHistoryMigration upgrades a version 9 file whose housing fields cover the
// cases of migration 0011 and checks the dated entries it makes.
func TestHousingHistoryMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	old := openUnmigrated(t, path)
	if err := old.MigrateTo(ctx, 9); err != nil {
		t.Fatal(err)
	}
	at := func(day string) string { return "'" + day + " 10:00:00.5+00:00'" }
	for _, q := range []string{
		`INSERT INTO teams(id, municipality, name, created_at, updated_at) VALUES (1, 'Solvang', 'ICM', ` + at("2025-01-01") + `, ` + at("2025-01-01") + `)`,
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, created_at, updated_at)
			VALUES (1, 1, 'Mette Lund', 'ML', 'team_lead', 100, ` + at("2025-01-01") + `, ` + at("2025-01-01") + `)`,
		// 1: housing unchanged since the start; 2: moved on since the closing, with a note;
		// 3: no course, housing only; 4: nothing recorded; 5: housing only on the course.
		`INSERT INTO citizens(id, team_id, name, housing, housing_note, created_at, updated_at) VALUES
			(1, 1, 'Anna', 'shelter', '', ` + at("2025-01-01") + `, ` + at("2025-03-01") + `),
			(2, 1, 'Bo', 'own_at_risk', 'Huslejerestance', ` + at("2025-01-01") + `, ` + at("2026-02-01") + `),
			(3, 1, 'Carl', 'sofa', 'Hos søsteren', ` + at("2025-01-01") + `, ` + at("2025-04-01") + `),
			(4, 1, 'Dorte', '', '', ` + at("2025-01-01") + `, ` + at("2025-01-01") + `),
			(5, 1, 'Erik', '', '', ` + at("2025-01-01") + `, ` + at("2025-01-01") + `)`,
		`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, end_date, created_at, updated_at) VALUES
			(1, 1, 1, '2025-02-01', 'active', NULL, ` + at("2025-02-01") + `, ` + at("2025-02-01") + `),
			(2, 2, 1, '2025-01-10', 'closed', '2025-12-15', ` + at("2025-01-10") + `, ` + at("2025-12-15") + `),
			(3, 5, 1, '2025-05-01', 'visitation', NULL, ` + at("2025-05-01") + `, ` + at("2025-05-01") + `)`,
		`INSERT INTO visitations(course_id, housing_at_start, housing_note, needs, updated_at) VALUES
			(1, 'shelter', '', '[]', ` + at("2025-02-02") + `),
			(2, 'street', 'Sov i opgange', '[]', ` + at("2025-01-11") + `),
			(3, 'temporary', '', '[]', ` + at("2025-05-02") + `)`,
		`INSERT INTO closings(course_id, reason, after_support, housing_at_close, updated_at)
			VALUES (2, 'goals_reached', 'cti', 'own', ` + at("2025-12-16") + `)`,
	} {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	type entry struct{ date, housing, note, kind string }
	want := map[uint][]entry{
		1: {{"2025-02-01", "shelter", "", "start"}},
		2: {{"2025-01-10", "street", "Sov i opgange", "start"}, {"2025-12-15", "own", "", "close"},
			{"2026-02-01", "own_at_risk", "Huslejerestance", "carried_over"}},
		3: {{"2025-04-01", "sofa", "Hos søsteren", "carried_over"}},
		4: nil,
		5: {{"2025-05-01", "temporary", "", "start"}},
	}
	for id, w := range want {
		rows, err := st.ListHousingEvents(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(w) {
			t.Fatalf("citizen %d: %d entries %+v, want %+v", id, len(rows), rows, w)
		}
		for i, r := range rows {
			if got := (entry{r.Date, r.Housing, r.Note, r.Kind}); got != w[i] {
				t.Errorf("citizen %d entry %d = %+v, want %+v", id, i, got, w[i])
			}
			if (r.CourseID != nil) != (r.Kind == "start" || r.Kind == "close") || r.RecordedBy != nil {
				t.Errorf("citizen %d entry %d: course %v, recorded by %v", id, i, r.CourseID, r.RecordedBy)
			}
		}
	}
	// The citizens' housing is the entry in force last: unchanged where it was recorded,
	// the course's start where the citizen had none.
	for id, h := range map[uint][2]string{1: {"shelter", ""}, 2: {"own_at_risk", "Huslejerestance"}, 3: {"sofa", "Hos søsteren"},
		4: {"", ""}, 5: {"temporary", ""}} {
		c, err := st.GetCitizen(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Housing != h[0] || c.HousingNote != h[1] {
			t.Errorf("citizen %d housing = %q/%q, want %q/%q", id, c.Housing, c.HousingNote, h[0], h[1])
		}
	}
	// The step copies stay as they were.
	if v, _ := st.GetVisitation(ctx, 2); v.HousingAtStart != "street" || v.HousingNote != "Sov i opgange" {
		t.Errorf("visitation = %+v", v)
	}
	if cl, _ := st.GetClosing(ctx, 2); cl == nil || cl.HousingAtClose != "own" {
		t.Errorf("closing = %+v", cl)
	}
}

// TestCourseClosesOnlyWithClosing: the trigger of migration 0011 refuses to close a course
// that has no closing, whatever writes the status.
func TestCourseClosesOnlyWithClosing(t *testing.T) {
	ctx := context.Background()
	st, _ := openTemp(t)
	for _, v := range []int{1} {
		for _, q := range seedAt[v] {
			if err := st.db.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
	c, err := st.GetCourse(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	end := "2025-06-30"
	c.Status, c.EndDate = "closed", &end
	wantCode(t, st.UpdateCourse(ctx, c), domain.CodeCloseThroughClosing)
	if got, _ := st.GetCourse(ctx, 1); got.Status != "active" {
		t.Fatalf("status = %s after a refused closing", got.Status)
	}
	if err := st.SaveClosing(ctx, &Closing{CourseID: 1, Reason: "moved", AfterSupport: "none", HousingAtClose: "own"}); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateCourse(ctx, c); err != nil {
		t.Fatalf("closing with its closing: %v", err)
	}
}
