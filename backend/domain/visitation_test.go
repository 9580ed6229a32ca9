package domain

import (
	"reflect"
	"testing"
	"time"
)

func TestVisitationCompleteness(t *testing.T) {
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	full := Visitation{HousingAtStart: HousingShelter, Needs: []Need{NeedSubstance},
		Consent: ConsentYes, ConsentForm: ConsentWritten, ConsentDate: &day,
		ReferralSource: ReferralOutreach, VisitationDate: &day, LegalBasis: LegalSEL85,
		ActionPlan: ActionPlanRequested}
	with := func(f func(v *Visitation)) Visitation { v := full; f(&v); return v }
	cases := []struct {
		name    string
		v       Visitation
		done    int
		missing []Requirement
	}{
		{"empty", Visitation{}, 0, []Requirement{ReqHousing, ReqNeeds, ReqConsent, ReqReferral,
			ReqVisitDate, ReqLegalBasis, ReqActionPlan}},
		{"full", full, 7, nil},
		{"consent yes without date", with(func(v *Visitation) { v.ConsentDate = nil }), 6, []Requirement{ReqConsent}},
		{"consent no", with(func(v *Visitation) { v.Consent = ConsentNo }), 6, []Requirement{ReqConsent}},
		{"consent pending", with(func(v *Visitation) { v.Consent = ConsentPending }), 6, []Requirement{ReqConsent}},
		{"no needs (empty slice)", with(func(v *Visitation) { v.Needs = []Need{} }), 6, []Requirement{ReqNeeds}},
		{"action plan none still answered", with(func(v *Visitation) { v.ActionPlan = ActionPlanNone }), 7, nil},
		{"notes alone count for nothing", Visitation{HousingNote: "x", NeedsNote: "y", ConsentDate: &day}, 0,
			[]Requirement{ReqHousing, ReqNeeds, ReqConsent, ReqReferral, ReqVisitDate, ReqLegalBasis, ReqActionPlan}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.v.Completeness()
			if got.Total != 7 || got.Done != c.done || !reflect.DeepEqual(got.Missing, c.missing) {
				t.Fatalf("Completeness() = %d/%d missing %v, want %d/7 missing %v",
					got.Done, got.Total, got.Missing, c.done, c.missing)
			}
		})
	}
}

func TestCompletenessPercent(t *testing.T) {
	cases := []struct {
		c    Completeness
		want int
	}{
		{Completeness{0, 7, nil}, 0},
		{Completeness{1, 7, nil}, 14},
		{Completeness{6, 7, nil}, 85},
		{Completeness{7, 7, nil}, 100},
		{Completeness{0, 0, nil}, 0},
	}
	for _, c := range cases {
		if got := c.c.Percent(); got != c.want {
			t.Errorf("%d/%d Percent() = %d, want %d", c.c.Done, c.c.Total, got, c.want)
		}
	}
}

func TestCourseStatusOpen(t *testing.T) {
	for s, want := range map[CourseStatus]bool{CourseVisitation: true, CourseActive: true, CourseClosed: false, "": false} {
		if s.Open() != want {
			t.Errorf("%q.Open() = %v", s, !want)
		}
	}
}
