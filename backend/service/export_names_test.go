package service

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"icm/backend/domain"
)

// Two versions of a plan saved the same day get different suggested names, and the
// draft says it is one.
func TestExportSuggestsNamesWithTheVersion(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig", Area: "housing"}))
	desk := &fakeDesktop{path: filepath.Join(t.TempDir(), "plan.pdf")}
	exp := NewExportService(f.d, desk, "")
	versions := NewPlanVersionService(f.d)
	sign := func(words string) uint {
		t.Helper()
		mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: words, Area: "finances"}))
		v, err := versions.SignPlan(SignPlanInput{CourseID: co.ID, CitizenDate: "2026-12-01",
			Method: string(domain.SignPaper), WorkerDate: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		return v.Summary.ID
	}
	v1 := sign("Styr på regningerne")
	v2 := sign("Et job på nedsat tid")
	for _, tc := range []struct {
		name      string
		versionID uint
		want      string
	}{
		{"the draft", 0, "ICM-plan Åse Ærø kladde 2026-12-01.pdf"},
		{"version 1", v1, "ICM-plan Åse Ærø v1 2026-12-01.pdf"},
		{"version 2", v2, "ICM-plan Åse Ærø v2 2026-12-01.pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			desk.names = nil
			mustFn[ExportResultDTO](t)(exp.SavePlanPDF(ExportPlanInput{CourseID: co.ID, VersionID: tc.versionID}))
			if len(desk.names) != 1 || desk.names[0] != tc.want {
				t.Fatalf("suggested %q, want %q", desk.names, tc.want)
			}
		})
	}
}

// Characters the PDF font cannot draw are listed in the result, for the UI to show.
func TestExportReportsReplacedCharacters(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	dir := t.TempDir()
	desk := &fakeDesktop{path: filepath.Join(dir, "plan.pdf")}
	exp := NewExportService(f.d, desk, filepath.Join(dir, "print"))
	res := mustFn[ExportResultDTO](t)(exp.SavePlanPDF(ExportPlanInput{CourseID: co.ID}))
	if len(res.ReplacedChars) != 0 {
		t.Errorf("nothing to replace, got %q", res.ReplacedChars)
	}
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig 🏠 tæt på 王府井", Area: "housing"}))
	want := []string{"🏠", "王", "府", "井"}
	res = mustFn[ExportResultDTO](t)(exp.SavePlanPDF(ExportPlanInput{CourseID: co.ID}))
	if !reflect.DeepEqual(res.ReplacedChars, want) {
		t.Errorf("saved: replaced = %q, want %q", res.ReplacedChars, want)
	}
	if text := pdfText(t, res.Path); !strings.Contains(strings.Join(strings.Fields(text), " "), "Min egen bolig □ tæt på □") {
		t.Errorf("the PDF does not mark the replaced characters:\n%s", text)
	}
	res = mustFn[ExportResultDTO](t)(exp.PrintPlan(ExportPlanInput{CourseID: co.ID}))
	if !reflect.DeepEqual(res.ReplacedChars, want) {
		t.Errorf("printed: replaced = %q, want %q", res.ReplacedChars, want)
	}
}
