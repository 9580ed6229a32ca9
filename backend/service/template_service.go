package service

import (
	"bytes"
	"context"
	"encoding/json"

	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// TemplateService keeps the team's method template (metodeskabelon): how the team runs
// ICM in practice, element by element, with versions signed by the team lead. The live
// template is always editable; signing stores a snapshot that never changes (the database
// refuses it too), and signing again makes the next version.
type TemplateService struct {
	base
	desktop Desktop
}

// NewTemplateService builds the service; desktop gives the save dialog for the PDF.
func NewTemplateService(d Deps, desktop Desktop) *TemplateService {
	return &TemplateService{base: base{d}, desktop: desktop}
}

// GetTemplate returns every element in the template's order with the team's answer and
// status, how many are agreed, and the signed versions, newest first.
func (s *TemplateService) GetTemplate() (TemplateDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TemplateDTO{}, err
	}
	return s.load(st)
}

func (s *TemplateService) load(st *store.Store) (TemplateDTO, error) {
	ctx := s.ctx()
	doc, err := buildTemplateDoc(ctx, st)
	if err != nil {
		return TemplateDTO{}, err
	}
	rows, err := st.ListTemplateVersions(ctx)
	if err != nil {
		return TemplateDTO{}, err
	}
	out := TemplateDTO{Elements: templateElementDTOs(doc),
		Completeness: TemplateCompletenessDTO{Agreed: doc.Agreed(), Total: len(doc.Elements)},
		Versions:     make([]TemplateVersionSummaryDTO, 0, len(rows))}
	for i := range rows {
		v, err := decodeTemplate(&rows[i])
		if err != nil {
			return TemplateDTO{}, err
		}
		out.Versions = append(out.Versions, templateSummary(&rows[i], v))
	}
	return out, nil
}

// SaveElement saves one element's answer and status and returns the whole template; the
// change is logged.
func (s *TemplateService) SaveElement(in TemplateElementInput) (TemplateDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TemplateDTO{}, err
	}
	row, err := validateTemplateElement(in)
	if err != nil {
		return TemplateDTO{}, err
	}
	if _, err := st.GetTeam(s.ctx()); err != nil {
		return TemplateDTO{}, err
	}
	row.UpdatedAt = s.now()
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		return []store.AuditEntry{auditEntry(a, AuditSetting, "template", 0, 0, row.Element+": "+row.Status)},
			tx.SaveTemplateElement(ctx, &row)
	})
	if err != nil {
		return TemplateDTO{}, err
	}
	return s.load(st)
}

// SignTemplate signs the live template as the next version in the name of the signed-in
// team lead; the date may not lie in the future. The signing is logged.
func (s *TemplateService) SignTemplate(in SignTemplateInput) (TemplateVersionDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TemplateVersionDTO{}, err
	}
	var out TemplateVersionDTO
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		ctx, now := s.ctx(), s.now()
		lead, date, note, err := validateTemplateSignature(ctx, tx, in, now, a)
		if err != nil {
			return err
		}
		doc, err := buildTemplateDoc(ctx, tx)
		if err != nil {
			return err
		}
		no, err := tx.NextTemplateVersionNo(ctx)
		if err != nil {
			return err
		}
		doc = signedTemplate(doc, no, lead, date, note, now)
		snap, err := json.Marshal(doc)
		if err != nil {
			return domain.Wrap(domain.CodeInternal, "write template snapshot", err)
		}
		row := &store.TemplateVersion{VersionNo: no, Snapshot: string(snap), SignedAt: now, LeadID: lead.ID,
			SignDate: date, Note: note, CreatedAt: now}
		if err := tx.CreateTemplateVersion(ctx, row); err != nil {
			return err
		}
		out = TemplateVersionDTO{Summary: templateSummary(row, doc), Elements: templateElementDTOs(doc)}
		return tx.AppendAudit(ctx, now, auditEntry(a, AuditSign, "template", 0, 0, "version "+itoa(no)))
	})
	if err != nil {
		return TemplateVersionDTO{}, err
	}
	return out, nil
}

// GetTemplateVersion returns one signed version exactly as it was signed.
func (s *TemplateService) GetTemplateVersion(in IDInput) (TemplateVersionDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TemplateVersionDTO{}, err
	}
	v, err := st.GetTemplateVersion(s.ctx(), in.ID)
	if err != nil {
		return TemplateVersionDTO{}, err
	}
	doc, err := decodeTemplate(v)
	if err != nil {
		return TemplateVersionDTO{}, err
	}
	return TemplateVersionDTO{Summary: templateSummary(v, doc), Elements: templateElementDTOs(doc)}, nil
}

// SaveTemplatePDF asks where to save and writes the template there: a signed version, or
// for VersionID 0 the live template marked as a draft.
func (s *TemplateService) SaveTemplatePDF(in ExportTemplateInput) (ExportResultDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ExportResultDTO{}, err
	}
	doc, err := s.templateDoc(st, in.VersionID)
	if err != nil {
		return ExportResultDTO{}, err
	}
	var buf bytes.Buffer
	var report pdf.Report
	if err := pdf.RenderTemplate(&buf, doc, pdf.Options{PrintedAt: s.now(), Report: &report}); err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeInternal, "render template", err)
	}
	title := "Metodeskabelon"
	name := title + " kladde " + s.today().Format("2006-01-02")
	if doc.VersionNo > 0 {
		name = title + " v" + itoa(doc.VersionNo) + " " + doc.Signature.Date
	}
	path, err := s.desktop.SavePath(title, SafeFileName(name)+".pdf")
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

// templateDoc gives a signed version's snapshot, or the live draft for id 0.
func (s *TemplateService) templateDoc(st *store.Store, versionID uint) (plandoc.Template, error) {
	if versionID == 0 {
		return buildTemplateDoc(s.ctx(), st)
	}
	v, err := st.GetTemplateVersion(s.ctx(), versionID)
	if err != nil {
		return plandoc.Template{}, err
	}
	return decodeTemplate(v)
}
