package service

import (
	"bytes"
	"context"

	"icm/backend/auditanchor"
	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// SaveCitizenPDF writes every entry about one citizen to a PDF the team lead chooses the
// place of: for an access request, or for the data protection officer. It works for a
// citizen whose data has been deleted too, since the entries outlive it.
func (s *AuditService) SaveCitizenPDF(in IDInput) (ExportResultDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return ExportResultDTO{}, err
	}
	if in.ID == 0 {
		var p domain.Problems
		p.Add("id", domain.CodeRequired)
		return ExportResultDTO{}, p.Err()
	}
	ctx := s.ctx()
	doc := pdf.AuditLog{CitizenID: in.ID}
	if t, err := st.GetTeam(ctx); err == nil {
		doc.Municipality, doc.Team = t.Municipality, t.Name
	}
	if c, err := st.GetCitizen(ctx, in.ID); err == nil {
		doc.Citizen, doc.CitizenCPR = c.Name, domain.MaskCPR(deref(c.CPR))
	} else if domain.CodeOf(err) != domain.CodeNotFound {
		return ExportResultDTO{}, err
	}
	rows, err := st.ListAudit(ctx, store.FindAudit{CitizenID: in.ID})
	if err != nil {
		return ExportResultDTO{}, err
	}
	if doc.Citizen == "" && len(rows) == 0 {
		return ExportResultDTO{}, domain.E(domain.CodeNotFound, "no such citizen")
	}
	check, err := s.checkChain(ctx, true) // the document vouches for the whole log
	if err != nil {
		return ExportResultDTO{}, err
	}
	doc.ChainOK, doc.HeadID, doc.HeadHash = check.OK, check.HeadID, check.HeadHash
	entries, err := s.citizenTeamEntries(ctx, st, in.ID, rows, &doc)
	if err != nil {
		return ExportResultDTO{}, err
	}
	for _, e := range entries {
		doc.Entries = append(doc.Entries, pdf.AuditLine{At: e.At, Worker: e.WorkerName, Action: e.Action,
			Object: e.Object, Detail: e.Detail, Computer: computerName(e)})
	}
	var buf bytes.Buffer
	var report pdf.Report
	if err := pdf.RenderAuditLog(&buf, doc, pdf.Options{PrintedAt: s.now().Local(), Report: &report}); err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeInternal, "render pdf", err)
	}
	label := doc.Citizen
	if label == "" {
		label = "borger " + itoa(int(in.ID))
	}
	name := SafeFileName("ICM-log "+label+" "+s.today().Format("2006-01-02")) + ".pdf"
	path, err := s.desktop.SavePath("ICM-log", name)
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
	if check.OK && check.HeadID > 0 {
		keepAnchor(st, auditanchor.Anchor{ID: check.HeadID, Hash: check.HeadHash, At: s.now(), Source: "pdf"})
	}
	return ExportResultDTO{Path: path, ReplacedChars: report.Replaced}, s.audit(st, a, AuditExport, "audit_log", in.ID, 0, itoa(len(entries))+" entries")
}

// citizenTeamEntries are this laptop's entries about a citizen (rows, newest first) and, on
// a laptop in a team, the other laptops' entries about them held here, merged newest first;
// doc learns whether the other laptops' logs held together.
func (s *AuditService) citizenTeamEntries(ctx context.Context, st *store.Store, citizen uint, rows []store.AuditEntry,
	doc *pdf.AuditLog) ([]AuditEntryDTO, error) {
	cl, err := teamComputers(ctx, st)
	if err != nil {
		return nil, err
	}
	var remote []store.RemoteAuditEntry
	if cl.inTeam {
		// A citizen deleted at the end of retention no longer has a team-wide id here: only
		// this laptop's entries about them can be found.
		if remote, err = st.ListRemoteAudit(ctx, store.FindRemoteAudit{CitizenID: citizen}); err != nil {
			return nil, err
		}
		chains, err := teamsync.AuditChains(ctx, st.Gorm())
		if err != nil {
			return nil, domain.Wrap(domain.CodeInternal, "team audit chains", err)
		}
		doc.InTeam, doc.TeamChainsOK = true, true
		for _, c := range chains {
			doc.TeamChainsOK = doc.TeamChainsOK && len(c.Broken) == 0 && len(c.Rewritten) == 0
		}
	}
	out := make([]AuditEntryDTO, 0, len(rows)+len(remote))
	i, j := 0, 0
	for i < len(rows) || j < len(remote) {
		if j >= len(remote) || (i < len(rows) && rows[i].At >= remote[j].At) {
			e := auditEntryDTO(&rows[i], nil)
			e.Laptop, e.Computer = cl.self, cl.label[cl.self]
			out = append(out, e)
			i++
			continue
		}
		out = append(out, remoteEntryDTO(&remote[j], nil, cl.label[remote[j].Laptop]))
		j++
	}
	return out, nil
}

// computerName is the computer an entry was logged on as a document prints it: its label,
// or the start of its id when the team lead gave it none ("" outside a team).
func computerName(e AuditEntryDTO) string {
	if e.Computer != "" || len(e.Laptop) < 8 {
		return e.Computer
	}
	return e.Laptop[:8]
}
