package store

import (
	"context"
	"testing"
	"time"
)

// A visitation saved again keeps the time the caller set (the service's clock), not the
// wall clock GORM's UpdateAll would stamp on the conflict; every column is replaced.
func TestSaveVisitationTwiceKeepsTheGivenTime(t *testing.T) {
	st, _ := openTemp(t)
	seedCourses(t, st, "Åse Ærø")
	ctx := context.Background()
	first := time.Date(2020, 5, 1, 10, 0, 0, 0, time.UTC)
	second := time.Date(2020, 5, 2, 11, 0, 0, 0, time.UTC)
	if err := st.SaveVisitation(ctx, &Visitation{CourseID: 1, HousingAtStart: "shelter", Needs: "[]", UpdatedAt: first}); err != nil {
		t.Fatal(err)
	}
	date := "2020-04-30"
	if err := st.SaveVisitation(ctx, &Visitation{CourseID: 1, HousingAtStart: "own", Needs: `["debt"]`, Consent: "yes",
		ConsentDate: &date, UpdatedAt: second}); err != nil {
		t.Fatal(err)
	}
	v, err := st.GetVisitation(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !v.UpdatedAt.Equal(second) || v.HousingAtStart != "own" || v.Needs != `["debt"]` || v.Consent != "yes" ||
		v.ConsentDate == nil || *v.ConsentDate != date {
		t.Fatalf("after the second save: %+v (updated %v)", v, v.UpdatedAt)
	}
}
