package service

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/printfiles"
	"icm/backend/store"
)

// fakeDesktop answers the save dialog with a fixed path and records the names it
// suggested and what was opened.
type fakeDesktop struct {
	path   string
	names  []string
	opened []string
}

func (d *fakeDesktop) SavePath(_, name string) (string, error) {
	d.names = append(d.names, name)
	return d.path, nil
}
func (d *fakeDesktop) Open(p string) error { d.opened = append(d.opened, p); return nil }

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// demoCourse loads the demo team and returns the store and the fully filled course.
func demoCourse(t *testing.T) (Deps, uint) {
	t.Helper()
	d := newTestDeps(t)
	if err := LoadDemo(context.Background(), d.Store, testNow); err != nil {
		t.Fatal(err)
	}
	list, err := NewCitizenService(d).ListCitizens(CitizenListInput{Query: "Dennis"})
	if err != nil || len(list) != 1 {
		t.Fatalf("demo citizen: %v %v", list, err)
	}
	return d, list[0].CourseID
}

func TestExportPlanDraftAndSigned(t *testing.T) {
	d, courseID := demoCourse(t)
	dir := t.TempDir()
	desk := &fakeDesktop{path: filepath.Join(dir, "plan")} // no extension: the service adds it
	exp := NewExportService(d, desk, filepath.Join(dir, "print"))

	res, err := exp.SavePlanPDF(ExportPlanInput{CourseID: courseID})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != filepath.Join(dir, "plan.pdf") {
		t.Fatalf("path = %q, want the .pdf extension added", res.Path)
	}
	draft := pdfText(t, res.Path)
	for _, want := range []string{"Dennis Møller", "KLADDE", "Jeg vil gerne se mine børn igen.", "Side 1 af"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft PDF lacks %q", want)
		}
	}
	if info, err := os.Stat(res.Path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("exported file mode = %v, %v; want 0600", info.Mode().Perm(), err)
	}

	v, err := NewPlanVersionService(d).SignPlan(SignPlanInput{CourseID: courseID, CitizenDate: "2026-11-30",
		Method: string(domain.SignPaper), WorkerDate: "2026-11-30", CitizenComment: "Vil tale om antabus næste gang."})
	if err != nil {
		t.Fatal(err)
	}
	desk.path = filepath.Join(dir, "signed.PDF")
	res, err = exp.SavePlanPDF(ExportPlanInput{CourseID: courseID, VersionID: v.Summary.ID})
	if err != nil {
		t.Fatal(err)
	}
	signed := pdfText(t, res.Path)
	if strings.Contains(signed, "KLADDE") || !strings.Contains(signed, "Vil tale om antabus") || !strings.Contains(signed, "30.11.2026") {
		t.Errorf("signed PDF should carry the signature and comment and no draft mark:\n%s", signed)
	}

	t.Run("a version of another course is not found", func(t *testing.T) {
		_, err := exp.SavePlanPDF(ExportPlanInput{CourseID: courseID + 1, VersionID: v.Summary.ID})
		if domain.CodeOf(err) != domain.CodeNotFound {
			t.Fatalf("err = %v, want not_found", err)
		}
	})
	t.Run("print opens a private file in the viewer", func(t *testing.T) {
		res, err := exp.PrintPlan(ExportPlanInput{CourseID: courseID})
		if err != nil || len(desk.opened) != 1 || desk.opened[0] != res.Path {
			t.Fatalf("print = %+v %v, opened %v", res, err, desk.opened)
		}
		if info, _ := os.Stat(filepath.Dir(res.Path)); info.Mode().Perm() != 0o700 {
			t.Errorf("print folder mode = %v, want 0700", info.Mode().Perm())
		}
	})
	t.Run("a cancelled dialog writes nothing", func(t *testing.T) {
		desk.path = ""
		res, err := exp.SavePlanPDF(ExportPlanInput{CourseID: courseID})
		if err != nil || !res.Cancelled {
			t.Fatalf("res = %+v, %v", res, err)
		}
	})
}

func TestExportSummaryAndEvaluation(t *testing.T) {
	d, courseID := demoCourse(t)
	dir := t.TempDir()
	desk := &fakeDesktop{path: filepath.Join(dir, "summary.pdf")}
	exp := NewExportService(d, desk, dir)
	res, err := exp.SaveSummaryPDF(ExportSummaryInput{CourseID: courseID, WithNotes: true})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, res.Path)
	// Each note under its own author; the team lead's note, which she corrected, marked so.
	for _, want := range []string{"Dennis Møller", "Ønsker, håb og drømme", "Antabus", "Første dag i akutboligen",
		"Besøg eller samtale af Aisha Khalil", "Besøg eller samtale af Mette Lund", "Rettet 01.12.2026 af Mette Lund",
		"Fandt ham ved torvet"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if n := strings.Count(text, "Rettet "); n != 1 {
		t.Errorf("%d notes marked as corrected, want 1:\n%s", n, text)
	}
	desk.path = filepath.Join(dir, "summary-without.pdf")
	res, err = exp.SaveSummaryPDF(ExportSummaryInput{CourseID: courseID})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(pdfText(t, res.Path), "Første dag i akutboligen") {
		t.Error("notes printed although not asked for")
	}

	st := d.Store
	evals, err := st.ListEvaluations(context.Background(), courseID)
	if err != nil || len(evals) != 2 {
		t.Fatalf("evaluations: %v %v", evals, err)
	}
	desk.path = filepath.Join(dir, "evaluation.pdf")
	res, err = exp.SaveEvaluationPDF(ExportEvaluationInput{CourseID: courseID, EvaluationID: evals[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, res.Path); !strings.Contains(text, "brevet til sønnen") {
		t.Errorf("evaluation PDF lacks its summary:\n%s", text)
	}
	_, err = exp.SaveEvaluationPDF(ExportEvaluationInput{CourseID: courseID, EvaluationID: 99999})
	if domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("unknown evaluation: %v", err)
	}
	var _ *store.Store = st
}

func TestFileNames(t *testing.T) {
	cases := map[string]string{
		"ICM-plan Åse Ørnbøl 2026-12-01": "ICM-plan Åse Ørnbøl 2026-12-01",
		"a/b\\c:d*e?f\"g<h>i|j":          "a_b_c_d_e_f_g_h_i_j",
		"  ..  ":                         "ICM",
		"Łukasz 😀":                       "Łukasz _",
	}
	for in, want := range cases {
		if got := SafeFileName(in); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"x": "x.pdf", "x.pdf": "x.pdf", "x.PDF": "x.PDF", "x.pdf.txt": "x.pdf.txt.pdf"} {
		if got := EnsurePDFExtension(in); got != want {
			t.Errorf("EnsurePDFExtension(%q) = %q", in, got)
		}
	}
}

// A plan opened for printing is gone once its reader signs out.
func TestPrintFilesGoAtSignOut(t *testing.T) {
	f := newSignedIn(t)
	prints := printfiles.New(filepath.Join(t.TempDir(), "print"))
	f.d.Prints = prints
	auth := NewAuthService(f.d, f.audit)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	mustFn[PlanDTO](t)(f.planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Min egen bolig", Area: "housing"}))
	res := mustFn[ExportResultDTO](t)(NewExportService(f.d, &fakeDesktop{}, "").PrintPlan(ExportPlanInput{CourseID: co.ID}))
	if filepath.Dir(res.Path) != prints.Dir() {
		t.Fatalf("printed to %s, want the print folder %s", res.Path, prints.Dir())
	}
	if _, err := os.Stat(res.Path); err != nil {
		t.Fatal(err)
	}
	mustFn[AuthStatusDTO](t)(auth.SignOut())
	if _, err := os.Stat(res.Path); !os.IsNotExist(err) {
		t.Fatalf("the print file outlived the sign-out: %v", err)
	}
}
