package cli

import (
	"context"
	"os"
	"strconv"
	"strings"

	"icm/backend/service"
	"icm/backend/store"
)

// fileDesktop answers the save dialog with a fixed path, for the headless export command.
type fileDesktop struct{ path string }

func (f fileDesktop) SavePath(string, string) (string, error) { return f.path, nil }
func (f fileDesktop) Open(string) error                       { return nil }

// openForReading opens an existing database for a command that only reads. A database this
// user cannot write (a read-only share, a locked-down copy) is opened read-only, and the
// command says that what it does is not recorded in the database's audit log. 0: go on.
func openForReading(ctx context.Context, dbPath string, io cliIO) (*store.Store, int) {
	if code := mustExist(dbPath, io); code != 0 {
		return nil, code
	}
	if store.Writable(dbPath) {
		st, err := store.OpenExisting(ctx, dbPath)
		if err != nil {
			return nil, fail(io, 1, err, aboutDB, dbPath)
		}
		return st, 0
	}
	st, err := store.OpenReadOnly(ctx, dbPath)
	if err != nil {
		return nil, fail(io, 1, err, aboutDB, dbPath)
	}
	notice(io, lineReadOnly)
	return st, 0
}

// runExportPlan writes a course's plan (the current draft, or signed version id) to out.
func runExportPlan(dbPath string, courseID, versionID uint, out string, io cliIO) int {
	if out == "" {
		return failCode(io, 2, codeOutRequired, "", "-export-plan")
	}
	ctx := context.Background()
	st, code := openForReading(ctx, dbPath, io)
	if st == nil {
		return code
	}
	defer st.Close()
	exp := service.NewExportService(deps(st), fileDesktop{path: out}, os.TempDir())
	res, err := exp.SavePlanPDF(service.ExportPlanInput{CourseID: courseID, VersionID: versionID})
	if err != nil {
		subject := strconv.FormatUint(uint64(courseID), 10)
		if versionID != 0 {
			subject += "/" + strconv.FormatUint(uint64(versionID), 10)
		}
		return fail(io, 1, err, aboutCourse, subjectOf(err, subject, out))
	}
	report(io, linePlanWritten, res.Path)
	warnReplaced(io, res.ReplacedChars)
	return 0
}

// runExportTemplate writes the method template (the current one, or signed version id) to out.
func runExportTemplate(dbPath string, versionID uint, out string, io cliIO) int {
	if out == "" {
		return failCode(io, 2, codeOutRequired, "", "-export-template")
	}
	ctx := context.Background()
	st, code := openForReading(ctx, dbPath, io)
	if st == nil {
		return code
	}
	defer st.Close()
	tpl := service.NewTemplateService(deps(st), fileDesktop{path: out})
	res, err := tpl.SaveTemplatePDF(service.ExportTemplateInput{VersionID: versionID})
	if err != nil {
		return fail(io, 1, err, aboutTemplate, subjectOf(err, strconv.FormatUint(uint64(versionID), 10), out))
	}
	report(io, lineTemplateWritten, res.Path)
	warnReplaced(io, res.ReplacedChars)
	return 0
}

// warnReplaced says which characters the PDF's font could not print as written, so a
// script's log shows it as the window would; the export still succeeded.
func warnReplaced(io cliIO, chars []string) {
	if len(chars) == 0 {
		return
	}
	notice(io, lineReplacedChars, strings.Join(chars, " "))
}
