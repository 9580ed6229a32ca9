package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// fileDesktop answers the save dialog with a fixed path, for the headless export command.
type fileDesktop struct{ path string }

func (f fileDesktop) SavePath(string, string) (string, error) { return f.path, nil }
func (f fileDesktop) Open(string) error                       { return nil }

// runExportPlan writes a course's plan (the current draft, or signed version id) to out.
func runExportPlan(dbPath string, courseID, versionID uint, out string, io cliIO) int {
	if out == "" {
		fmt.Fprintln(io.stderr, "icm: -out PATH is required with -export-plan")
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot open the database:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	exp := service.NewExportService(deps(st), fileDesktop{path: out}, os.TempDir())
	res, err := exp.SavePlanPDF(service.ExportPlanInput{CourseID: courseID, VersionID: versionID})
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: plan not exported:", domain.CodeOf(err))
		return 1
	}
	fmt.Fprintln(io.stdout, "Plan written to", res.Path)
	warnReplaced(io, res.ReplacedChars)
	return 0
}

// runExportTemplate writes the method template (the current one, or signed version id) to out.
func runExportTemplate(dbPath string, versionID uint, out string, io cliIO) int {
	if out == "" {
		fmt.Fprintln(io.stderr, "icm: -out PATH is required with -export-template")
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot open the database:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	tpl := service.NewTemplateService(deps(st), fileDesktop{path: out})
	res, err := tpl.SaveTemplatePDF(service.ExportTemplateInput{VersionID: versionID})
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: template not exported:", domain.CodeOf(err))
		return 1
	}
	fmt.Fprintln(io.stdout, "Method template written to", res.Path)
	warnReplaced(io, res.ReplacedChars)
	return 0
}

// warnReplaced says which characters the PDF's font could not print as written, so a
// script's log shows it as the window would; the export still succeeded.
func warnReplaced(io cliIO, chars []string) {
	if len(chars) == 0 {
		return
	}
	fmt.Fprintf(io.stderr, "icm: the PDF's font lacks these characters; they print as □ or a similar letter: %s\n",
		strings.Join(chars, " "))
}
