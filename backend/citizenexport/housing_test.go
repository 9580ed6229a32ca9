package citizenexport

import (
	"context"
	"errors"
	"testing"

	"icm/backend/domain"
	"icm/backend/store"
)

// TestHousingHistoryRefused: the history is checked as the services write it.
func TestHousingHistoryRefused(t *testing.T) {
	edit := func(f func(h []HousingEntry, d *Document)) []byte {
		d := sampleDoc()
		f(d.Citizen.HousingHistory, d)
		return marshal(t, d)
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		field string
	}{
		{"unknown kind", edit(func(h []HousingEntry, _ *Document) { h[0].Kind = "visit" }), "citizen.housingHistory[0].kind"},
		{"unknown housing", edit(func(h []HousingEntry, _ *Document) { h[0].Housing = "castle" }), "citizen.housingHistory[0].housing"},
		{"a move without housing", edit(func(h []HousingEntry, _ *Document) { h[0].Housing = "" }), "citizen.housingHistory[0].housing"},
		{"a move ahead of today", edit(func(h []HousingEntry, _ *Document) { h[0].Date = "2026-12-05" }), "citizen.housingHistory[0].date"},
		{"the same id twice", edit(func(h []HousingEntry, _ *Document) { h[2].ID = 1 }), "citizen.housingHistory[2].id"},
		{"a start entry without its course", edit(func(h []HousingEntry, _ *Document) { h[1].CourseID = 0 }), "citizen.housingHistory[1].courseId"},
		{"a course not in the file", edit(func(h []HousingEntry, _ *Document) { h[1].CourseID = 99 }), "citizen.housingHistory[1].courseId"},
		{"a move with a course", edit(func(h []HousingEntry, _ *Document) { h[0].CourseID = 3 }), "citizen.housingHistory[0].courseId"},
		{"correcting a step's entry", edit(func(h []HousingEntry, _ *Document) { h[3].Corrects = 2 }), "citizen.housingHistory[3].corrects"},
		{"correcting a later entry", edit(func(h []HousingEntry, _ *Document) { h[3].Corrects = 6 }), "citizen.housingHistory[3].corrects"},
		{"correcting twice", edit(func(h []HousingEntry, _ *Document) { h[6].Corrects = 3 }), "citizen.housingHistory[6].corrects"},
		{"a withdrawal without reason", edit(func(h []HousingEntry, _ *Document) { h[6].Note = "" }), "citizen.housingHistory[6].note"},
		{"a withdrawal of nothing", edit(func(h []HousingEntry, _ *Document) { h[6].Corrects = 0 }), "citizen.housingHistory[6].corrects"},
		{"the visitation says otherwise", edit(func(_ []HousingEntry, d *Document) { d.Courses[1].Visitation.HousingAtStart = "sofa" }),
			"courses[1].visitation.housingAtStart"},
		{"the closing says otherwise", edit(func(_ []HousingEntry, d *Document) { d.Courses[0].FollowUp.Closing.HousingAtClose = "sofa" }),
			"courses[0].followUp.closing.housingAtClose"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.data, testNow)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != domain.CodeCitizenExportBad {
				t.Fatalf("error = %v, want %s", err, domain.CodeCitizenExportBad)
			}
			for _, f := range de.Fields {
				if f.Field == tc.field {
					return
				}
			}
			t.Fatalf("fields = %+v, want %s", de.Fields, tc.field)
		})
	}
}

// TestImportVersion1MakesTheHistory: a file of format version 1 has no housing history;
// its import makes the entries from the housing fields as migration 0011 did.
func TestImportVersion1MakesTheHistory(t *testing.T) {
	ctx := context.Background()
	st, team, workers := newStore(t)
	doc, err := Decode(version1(t, sampleDoc()), testNow)
	if err != nil {
		t.Fatal(err)
	}
	var got Imported
	err = st.Tx(ctx, func(tx *store.Store) error {
		got, err = Apply(ctx, tx, doc, Target{TeamID: team.ID, LeadID: workers[0].ID, Now: testNow,
			Assign: func(c *store.Course, i int) error { c.WorkerID = workers[1].ID; return nil }})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.ListHousingEvents(ctx, got.CitizenID)
	if err != nil {
		t.Fatal(err)
	}
	type line struct{ date, housing, note, kind string }
	want := []line{ // the closed course has no visitation, so no start entry
		{"2025-01-31", "own", "", "close"},
		{"2026-03-02", "shelter", "Herberget på Åvej.", "start"},
		{"2026-03-02", "shelter", "Midlertidigt.", "carried_over"},
	}
	if len(rows) != len(want) {
		t.Fatalf("entries = %+v", rows)
	}
	for i, r := range rows {
		if got := (line{r.Date, r.Housing, r.Note, r.Kind}); got != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got, want[i])
		}
	}
	c, err := st.GetCitizen(ctx, got.CitizenID)
	if err != nil || c.Housing != "shelter" || c.HousingNote != "Midlertidigt." {
		t.Fatalf("citizen = %+v, %v", c, err)
	}
}
