package service

import (
	"encoding/json"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// snapshotLang is the language signed snapshots are written in.
const snapshotLang = "da"

// decodeSnapshot reads the plan stored with a signed version.
func decodeSnapshot(v *store.PlanVersion) (plandoc.Plan, error) {
	var doc plandoc.Plan
	if err := json.Unmarshal([]byte(v.Snapshot), &doc); err != nil {
		return plandoc.Plan{}, domain.Wrap(domain.CodeInternal, "read plan snapshot", err)
	}
	return doc, nil
}

// versionSummary gives a signed version's list entry; the names are those the snapshot's
// signature recorded, so a later change of a worker's name does not rewrite history.
func versionSummary(v *store.PlanVersion, doc plandoc.Plan) PlanVersionSummaryDTO {
	s := PlanVersionSummaryDTO{ID: v.ID, CourseID: v.CourseID, VersionNo: v.VersionNo, SignedAt: isoTime(&v.SignedAt),
		CitizenName: v.CitizenName, CitizenDate: v.CitizenDate, Method: v.Method, WorkerID: v.WorkerID,
		WorkerDate: v.WorkerDate, LeadDate: deref(v.LeadDate), CitizenComment: v.CitizenComment}
	if v.LeadID != nil {
		s.LeadID = *v.LeadID
	}
	if doc.Signature != nil {
		s.WorkerName, s.LeadName = doc.Signature.WorkerName, doc.Signature.LeadName
	}
	return s
}

// versionDTO gives a signed version with its plan.
func versionDTO(v *store.PlanVersion) (PlanVersionDTO, error) {
	doc, err := decodeSnapshot(v)
	if err != nil {
		return PlanVersionDTO{}, err
	}
	return PlanVersionDTO{Summary: versionSummary(v, doc), Signed: true, Plan: doc}, nil
}

// draftDTO gives the current plan as an unsigned version 0.
func draftDTO(courseID uint, doc plandoc.Plan) PlanVersionDTO {
	return PlanVersionDTO{Summary: PlanVersionSummaryDTO{CourseID: courseID}, Plan: doc}
}

// signedDoc completes a snapshot with its version number and signature.
func signedDoc(doc plandoc.Plan, no int, sig signature, workerName string, row *store.PlanVersion) plandoc.Plan {
	doc.VersionNo = no
	s := &plandoc.Signature{CitizenName: sig.citizenName, CitizenDate: sig.citizenDate,
		Method: label(snapshotLang, labelSignMethod, sig.method), WorkerName: workerName, WorkerDate: sig.workerDate,
		CitizenComment: sig.comment, SignedAt: isoTime(&row.SignedAt)}
	if sig.lead != nil {
		s.LeadName, s.LeadDate = sig.lead.Name, sig.leadDate
	}
	doc.Signature = s
	return doc
}
