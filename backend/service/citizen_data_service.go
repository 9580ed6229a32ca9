package service

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"icm/backend/citizenexport"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/store"
)

// HandoverExtension ends the name of a handover file.
const HandoverExtension = ".icmhandover"

// CitizenDataService moves all of one citizen's data: the answer to an access request, the
// handover of a course to a colleague's installation (and its import there), and the
// deletion at the end of retention, which keeps only the audit log.
type CitizenDataService struct {
	base
	desktop HandoverDesktop
	mu      sync.Mutex
	pending *pendingImport // the one previewed import of this window
}

// NewCitizenDataService builds the service.
func NewCitizenDataService(d Deps, desktop HandoverDesktop) *CitizenDataService {
	return &CitizenDataService{base: base{d}, desktop: desktop}
}

// citizenFor checks that the actor may act on the citizen's data and loads the citizen.
func (s *CitizenDataService) citizenFor(st *store.Store, a Actor, citizenID uint) (*store.Citizen, error) {
	if citizenID == 0 {
		var p domain.Problems
		p.Add("citizenId", domain.CodeRequired)
		return nil, p.Err()
	}
	c, err := st.GetCitizen(s.ctx(), citizenID)
	if err != nil {
		return nil, err
	}
	return c, s.citizenUse(st, a, citizenID, writeAccess)
}

// ExportAccessRequest answers an access request (GDPR art. 15): everything about the
// citizen as a PDF the citizen can read and, beside it under the same name, the same
// content as JSON (docs/file-formats.md). The audit log entries about the citizen are
// included. The citizen's own worker or a team lead may do it.
func (s *CitizenDataService) ExportAccessRequest(in CitizenIDInput) (AccessExportDTO, error) {
	st, err := s.ready()
	if err != nil {
		return AccessExportDTO{}, err
	}
	a, _ := s.actor()
	c, err := s.citizenFor(st, a, in.CitizenID)
	if err != nil {
		return AccessExportDTO{}, err
	}
	now := s.now()
	doc, err := citizenexport.Build(s.ctx(), st, citizenexport.BuildInput{CitizenID: c.ID,
		Purpose: citizenexport.PurposeAccessRequest, WithAudit: true, ExportedAt: now, AppVersion: Version})
	if err != nil {
		return AccessExportDTO{}, err
	}
	data, err := citizenexport.Marshal(doc)
	if err != nil {
		return AccessExportDTO{}, err
	}
	var report bytes.Buffer
	var replaced pdf.Report
	if err := pdf.RenderAccess(&report, accessReport(doc), pdf.Options{PrintedAt: now, Report: &replaced}); err != nil {
		return AccessExportDTO{}, domain.Wrap(domain.CodeInternal, "render access request", err)
	}
	name := SafeFileName("Indsigt " + c.Name + " " + s.today().Format(domain.DateLayout))
	path, err := s.desktop.SavePath("Gem indsigt (PDF og JSON)", name+".pdf")
	if err != nil {
		return AccessExportDTO{}, domain.Wrap(domain.CodeExportFailed, "save dialog", err)
	}
	if path == "" {
		return AccessExportDTO{Cancelled: true}, nil
	}
	out := AccessExportDTO{PDFPath: EnsurePDFExtension(path), ReplacedChars: replaced.Replaced}
	out.JSONPath = strings.TrimSuffix(out.PDFPath, filepath.Ext(out.PDFPath)) + ".json"
	if err := writeFileAtomic(out.PDFPath, report.Bytes()); err != nil {
		return AccessExportDTO{}, err
	}
	if err := writeFileAtomic(out.JSONPath, data); err != nil {
		_ = os.Remove(out.PDFPath) // the two files go together, or neither
		return AccessExportDTO{}, err
	}
	return out, s.audit(st, a, AuditExport, "access_request", c.ID, 0, exportDetail(doc))
}

// exportDetail counts what a file holds, for the audit log (counts only, never content).
func exportDetail(doc *citizenexport.Document) string {
	notes := 0
	for i := range doc.Courses {
		notes += len(doc.Courses[i].Notes)
	}
	d := "courses=" + itoa(len(doc.Courses)) + " notes=" + itoa(notes)
	if len(doc.AuditLog) > 0 {
		d += " audit_entries=" + itoa(len(doc.AuditLog))
	}
	return d
}

// ExportHandover writes a handover file: the citizen with one course (or all of them),
// sealed with the passphrase (at least 12 characters), for a colleague's installation. The
// file holds no audit log; each installation keeps its own.
func (s *CitizenDataService) ExportHandover(in HandoverExportInput) (HandoverExportDTO, error) {
	st, err := s.ready()
	if err != nil {
		return HandoverExportDTO{}, err
	}
	if err := crypt.CheckPassphrase(in.Passphrase); err != nil {
		return HandoverExportDTO{}, err
	}
	a, _ := s.actor()
	c, err := s.citizenFor(st, a, in.CitizenID)
	if err != nil {
		return HandoverExportDTO{}, err
	}
	doc, err := citizenexport.Build(s.ctx(), st, citizenexport.BuildInput{CitizenID: c.ID, CourseID: in.CourseID,
		Purpose: citizenexport.PurposeHandover, ExportedAt: s.now(), AppVersion: Version})
	if err != nil {
		return HandoverExportDTO{}, err
	}
	data, err := citizenexport.Marshal(doc)
	if err != nil {
		return HandoverExportDTO{}, err
	}
	var sealed bytes.Buffer
	if err := crypt.Seal(&sealed, bytes.NewReader(data), in.Passphrase, crypt.KindHandover, nil); err != nil {
		return HandoverExportDTO{}, err
	}
	name := SafeFileName("Overdragelse " + c.Name + " " + s.today().Format(domain.DateLayout))
	path, err := s.desktop.SaveHandoverPath("Gem overdragelse", name+HandoverExtension)
	if err != nil {
		return HandoverExportDTO{}, domain.Wrap(domain.CodeExportFailed, "save dialog", err)
	}
	if path == "" {
		return HandoverExportDTO{Cancelled: true}, nil
	}
	if !strings.EqualFold(filepath.Ext(path), HandoverExtension) {
		path += HandoverExtension
	}
	if err := writeFileAtomic(path, sealed.Bytes()); err != nil {
		return HandoverExportDTO{}, err
	}
	out := HandoverExportDTO{Path: path, Courses: len(doc.Courses)}
	return out, s.audit(st, a, AuditExport, "handover", c.ID, in.CourseID, exportDetail(doc))
}

// DeletionPreview shows a team lead what deleting the citizen's data would remove, and
// whether it may be done now (every course closed).
func (s *CitizenDataService) DeletionPreview(in CitizenIDInput) (DeletionPreviewDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return DeletionPreviewDTO{}, err
	}
	c, err := s.citizenFor(st, a, in.CitizenID)
	if err != nil {
		return DeletionPreviewDTO{}, err
	}
	n, err := st.CountCitizenData(s.ctx(), c.ID)
	if err != nil {
		return DeletionPreviewDTO{}, err
	}
	out := DeletionPreviewDTO{CitizenID: c.ID, Name: c.Name, Courses: n.Rows["courses"], OpenCourses: n.OpenCourses,
		LastEndDate: n.LastEndDate, Counts: deletionCounts(n), AuditEntries: n.AuditEntries, Allowed: n.OpenCourses == 0}
	return out, s.audit(st, a, AuditView, "deletion", c.ID, 0, "")
}

// deletionCounts lists the rows per table in the order they are deleted, the citizen's
// own row left out.
func deletionCounts(n store.CitizenDataCounts) []DeletionCountDTO {
	out := []DeletionCountDTO{}
	for _, t := range store.RetentionTables() {
		if t != "citizens" {
			out = append(out, DeletionCountDTO{Kind: t, Rows: n.Rows[t]})
		}
	}
	return out
}

// DeleteCitizen deletes all of a citizen's data at the end of retention: every course with
// all its steps, notes (and their search index) and signed plan versions, and the citizen.
// The audit log keeps its entries about the citizen, and one more that records the
// deletion with counts. Team lead only; refused while a course is not closed. The name must
// be typed to confirm. Deleted text is overwritten in the database file (see
// store.DeleteCitizenData).
func (s *CitizenDataService) DeleteCitizen(in DeleteCitizenInput) (DeletionResultDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return DeletionResultDTO{}, err
	}
	c, err := s.citizenFor(st, a, in.CitizenID)
	if err != nil {
		return DeletionResultDTO{}, err
	}
	if !sameName(in.ConfirmName, c.Name) {
		var p domain.Problems
		p.Add("confirmName", domain.CodeNameMismatch)
		return DeletionResultDTO{}, p.Err()
	}
	res, err := st.DeleteCitizenData(s.ctx(), c.ID, s.now(), func(n store.CitizenDataCounts) store.AuditEntry {
		return auditEntry(a, AuditDelete, "citizen", c.ID, 0, deletionDetail(n))
	})
	if err != nil {
		return DeletionResultDTO{}, err
	}
	s.deps.Prints.RemoveCitizen(c.ID) // a plan still waiting in the print folder
	return DeletionResultDTO{Deleted: deletionCounts(res.Counts), AuditEntriesKept: res.Counts.AuditEntries}, nil
}

// sameName compares the typed confirmation with the name: case, surrounding and doubled
// spaces and Unicode forms do not matter.
func sameName(typed, name string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(domain.FoldForSearch(s)), " ") }
	return typed != "" && norm(typed) == norm(name)
}

// deletionDetail is the audit entry's record of a deletion: the rows per table, counts only.
func deletionDetail(n store.CitizenDataCounts) string {
	var parts []string
	for _, t := range store.RetentionTables() {
		if n.Rows[t] > 0 && t != "citizens" {
			parts = append(parts, t+"="+itoa(n.Rows[t]))
		}
	}
	return "retention " + strings.Join(parts, " ")
}
