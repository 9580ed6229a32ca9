package service

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/plandoc"
	"icm/backend/printfiles"
	"icm/backend/store"
)

// Desktop is what exporting needs from the operating system: the native save dialog and
// opening a file in its default program (the PDF viewer, for printing).
type Desktop interface {
	SavePath(title, defaultName string) (string, error)
	Open(path string) error
}

// ExportPlanInput names a plan to export: a signed version, or VersionID 0 for the draft.
type ExportPlanInput struct {
	CourseID  uint `json:"courseId"`
	VersionID uint `json:"versionId"`
}

// ExportSummaryInput asks for a course summary, with or without the journal notes.
type ExportSummaryInput struct {
	CourseID  uint `json:"courseId"`
	WithNotes bool `json:"withNotes"`
}

// ExportEvaluationInput names one evaluation of a course.
type ExportEvaluationInput struct {
	CourseID     uint `json:"courseId"`
	EvaluationID uint `json:"evaluationId"`
}

// ExportResultDTO tells where the PDF went; Cancelled when the user closed the dialog.
// ReplacedChars lists characters the PDF could not print as written (emoji, a script
// its font lacks): they show as a marker (□) or a close letter, and the UI says so.
type ExportResultDTO struct {
	Path          string   `json:"path"`
	Cancelled     bool     `json:"cancelled"`
	ReplacedChars []string `json:"replacedChars"`
}

// ExportService turns plans, course summaries and evaluations into PDF files.
type ExportService struct {
	base
	desktop Desktop
	prints  *printfiles.Folder
}

// NewExportService builds the service; printDir holds the files opened for printing.
func NewExportService(d Deps, desktop Desktop, printDir string) *ExportService {
	prints := d.Prints
	if prints == nil {
		prints = printfiles.New(printDir)
	}
	return &ExportService{base: base{d}, desktop: desktop, prints: prints}
}

// SavePlanPDF asks where to save and writes the plan there.
func (s *ExportService) SavePlanPDF(in ExportPlanInput) (ExportResultDTO, error) {
	done, err := s.uses(in.CourseID, "plan", AuditExport)
	if err != nil {
		return ExportResultDTO{}, err
	}
	out, err := s.savePlanPDF(in)
	return out, done(err)
}

func (s *ExportService) savePlanPDF(in ExportPlanInput) (ExportResultDTO, error) {
	return s.save(in.CourseID, "ICM-plan", func(ctx context.Context, st *store.Store, c *store.Course, buf *bytes.Buffer, o pdf.Options) (string, error) {
		doc, err := planDocFor(ctx, st, c, in.VersionID, s.now())
		if err != nil {
			return "", err
		}
		return planFileVersion(doc), pdf.RenderPlan(buf, doc, o)
	})
}

// PrintPlan opens the plan in the system's PDF viewer, from where it is printed.
func (s *ExportService) PrintPlan(in ExportPlanInput) (ExportResultDTO, error) {
	done, err := s.uses(in.CourseID, "plan", AuditPrint)
	if err != nil {
		return ExportResultDTO{}, err
	}
	out, err := s.printPlan(in)
	return out, done(err)
}

func (s *ExportService) printPlan(in ExportPlanInput) (ExportResultDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ExportResultDTO{}, err
	}
	ctx := s.ctx()
	c, err := st.GetCourse(ctx, in.CourseID)
	if err != nil {
		return ExportResultDTO{}, err
	}
	doc, err := planDocFor(ctx, st, c, in.VersionID, s.now())
	if err != nil {
		return ExportResultDTO{}, err
	}
	var buf bytes.Buffer
	var report pdf.Report
	if err := pdf.RenderPlan(&buf, doc, pdf.Options{PrintedAt: s.now(), Report: &report}); err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeInternal, "render plan", err)
	}
	path, err := s.prints.Write(c.CitizenID, c.ID, s.now(), buf.Bytes())
	if err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeExportFailed, "print folder", err)
	}
	out := ExportResultDTO{Path: path, ReplacedChars: report.Replaced}
	if err := s.desktop.Open(path); err != nil {
		return out, domain.Wrap(domain.CodeOpenFailed, "open viewer", err)
	}
	return out, nil
}

// SaveSummaryPDF asks where to save and writes a summary of the whole course there.
func (s *ExportService) SaveSummaryPDF(in ExportSummaryInput) (ExportResultDTO, error) {
	done, err := s.uses(in.CourseID, "summary", AuditExport)
	if err != nil {
		return ExportResultDTO{}, err
	}
	out, err := s.saveSummaryPDF(in)
	return out, done(err)
}

func (s *ExportService) saveSummaryPDF(in ExportSummaryInput) (ExportResultDTO, error) {
	return s.save(in.CourseID, "ICM-forløb", func(ctx context.Context, st *store.Store, c *store.Course, buf *bytes.Buffer, o pdf.Options) (string, error) {
		sum, err := buildSummary(ctx, st, c, s.now(), in.WithNotes)
		if err != nil {
			return "", err
		}
		return "", pdf.RenderSummary(buf, sum, o)
	})
}

// SaveEvaluationPDF asks where to save and writes one evaluation there.
func (s *ExportService) SaveEvaluationPDF(in ExportEvaluationInput) (ExportResultDTO, error) {
	done, err := s.uses(in.CourseID, "evaluation", AuditExport)
	if err != nil {
		return ExportResultDTO{}, err
	}
	out, err := s.saveEvaluationPDF(in)
	return out, done(err)
}

func (s *ExportService) saveEvaluationPDF(in ExportEvaluationInput) (ExportResultDTO, error) {
	return s.save(in.CourseID, "ICM-evaluering", func(ctx context.Context, st *store.Store, c *store.Course, buf *bytes.Buffer, o pdf.Options) (string, error) {
		doc, err := buildEvaluationDoc(ctx, st, c, in.EvaluationID, s.now())
		if err != nil {
			return "", err
		}
		return doc.Evaluation.Date, pdf.RenderEvaluation(buf, doc, o)
	})
}

// renderFunc draws one document into buf and returns what tells it apart from its
// siblings in the suggested file name (a plan's version, an evaluation's date), or "".
type renderFunc func(context.Context, *store.Store, *store.Course, *bytes.Buffer, pdf.Options) (string, error)

// save renders first (so a failure never leaves a half file), then asks for the path.
func (s *ExportService) save(courseID uint, title string, render renderFunc) (ExportResultDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ExportResultDTO{}, err
	}
	ctx := s.ctx()
	c, err := st.GetCourse(ctx, courseID)
	if err != nil {
		return ExportResultDTO{}, err
	}
	var buf bytes.Buffer
	var report pdf.Report
	which, err := render(ctx, st, c, &buf, pdf.Options{PrintedAt: s.now(), Report: &report})
	if err != nil {
		if _, ok := err.(*domain.Error); ok {
			return ExportResultDTO{}, err
		}
		return ExportResultDTO{}, domain.Wrap(domain.CodeInternal, "render pdf", err)
	}
	cit, err := st.GetCitizen(ctx, c.CitizenID)
	if err != nil {
		return ExportResultDTO{}, err
	}
	name := SafeFileName(strings.Join(nonBlank(title, cit.Name, which, s.today().Format("2006-01-02")), " ")) + ".pdf"
	path, err := s.desktop.SavePath(title, name)
	if err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeExportFailed, "save dialog", err)
	}
	if path == "" {
		return ExportResultDTO{Cancelled: true}, nil
	}
	path = EnsurePDFExtension(path)
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return ExportResultDTO{}, err
	}
	return ExportResultDTO{Path: path, ReplacedChars: report.Replaced}, nil
}

// planFileVersion is how a plan's file name tells versions apart: "v3" for a signed
// version, "kladde" for the draft, so two versions saved the same day never share a name.
func planFileVersion(p plandoc.Plan) string {
	if p.Signature == nil {
		return "kladde"
	}
	return fmt.Sprintf("v%d", p.VersionNo)
}

// nonBlank drops empty parts of a file name.
func nonBlank(parts ...string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// planDocFor gives a signed version's snapshot, or the current draft for versionID 0.
func planDocFor(ctx context.Context, st *store.Store, c *store.Course, versionID uint, now time.Time) (plandoc.Plan, error) {
	if versionID == 0 {
		return buildPlanDoc(ctx, st, c, now, snapshotLang)
	}
	v, err := st.GetPlanVersion(ctx, versionID)
	if err != nil {
		return plandoc.Plan{}, err
	}
	if err := owned(v.CourseID, c.ID); err != nil {
		return plandoc.Plan{}, err
	}
	return decodeSnapshot(v)
}

// EnsurePDFExtension adds ".pdf" unless the name already ends in it (in any case).
func EnsurePDFExtension(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return path
	}
	return path + ".pdf"
}

// SafeFileName keeps letters (æøå included), digits, spaces and -_. and replaces the rest,
// so that a citizen's name makes a file name every system accepts.
func SafeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '_' || r == '.':
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	out := strings.Trim(strings.Join(strings.Fields(b.String()), " "), ". ")
	if len([]rune(out)) > 100 {
		out = string([]rune(out)[:100])
	}
	if out == "" {
		out = "ICM"
	}
	return out
}

// writeFileAtomic writes data beside path, syncs it and renames it into place, so a crash
// leaves either the old file or the whole new one. The file is readable by its owner only.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".icm-*.pdf.tmp")
	if err != nil {
		return domain.Wrap(domain.CodeExportFailed, "create file", err).With("path", path)
	}
	tmp := f.Name()
	_ = f.Chmod(0o600)
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return domain.Wrap(domain.CodeExportFailed, "write file", err).With("path", path)
	}
	return nil
}
