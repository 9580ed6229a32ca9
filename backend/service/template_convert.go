package service

import (
	"context"
	"encoding/json"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// buildTemplateDoc gives the live template as an unsigned snapshot: every element in the
// template's order, with the Danish name and requirement, and not_started where the team
// has written nothing yet.
func buildTemplateDoc(ctx context.Context, st *store.Store) (plandoc.Template, error) {
	team, err := st.GetTeam(ctx)
	if err != nil {
		return plandoc.Template{}, err
	}
	rows, err := st.ListTemplateElements(ctx)
	if err != nil {
		return plandoc.Template{}, err
	}
	byCode := make(map[string]*store.TemplateElement, len(rows))
	for i := range rows {
		byCode[rows[i].Element] = &rows[i]
	}
	doc := plandoc.Template{FormatVersion: plandoc.TemplateVersion, Municipality: team.Municipality, Team: team.Name,
		Elements: make([]plandoc.TemplateElement, 0, len(domain.TemplateElements))}
	for _, code := range domain.TemplateElements {
		txt := domain.TemplateTexts[code]
		e := plandoc.TemplateElement{Code: string(code), Name: txt.Name, Requirement: txt.Requirement,
			Weight: string(domain.TemplateWeight(code)), Questions: domain.TemplateQuestions[code],
			Status: string(domain.TemplateNotStarted)}
		if r := byCode[string(code)]; r != nil {
			e.Answer, e.Status, e.UpdatedAt = r.Answer, r.Status, isoTime(&r.UpdatedAt)
		}
		doc.Elements = append(doc.Elements, e)
	}
	return doc, nil
}

// decodeTemplate reads a signed version's snapshot.
func decodeTemplate(v *store.TemplateVersion) (plandoc.Template, error) {
	var doc plandoc.Template
	if err := json.Unmarshal([]byte(v.Snapshot), &doc); err != nil {
		return plandoc.Template{}, domain.Wrap(domain.CodeInternal, "read template snapshot", err)
	}
	// Versions signed before the questions and weights were kept print them from the
	// method template: they are the method's guidance, not what the team signed.
	for i := range doc.Elements {
		e, code := &doc.Elements[i], domain.TemplateElement(doc.Elements[i].Code)
		if e.Weight == "" && domain.IsTemplateElement(code) {
			e.Weight = string(domain.TemplateWeight(code))
		}
		if len(e.Questions) == 0 {
			e.Questions = domain.TemplateQuestions[code]
		}
	}
	return doc, nil
}

func templateElementDTOs(doc plandoc.Template) []TemplateElementDTO {
	out := make([]TemplateElementDTO, len(doc.Elements))
	for i, e := range doc.Elements {
		out[i] = TemplateElementDTO{Element: e.Code, Answer: e.Answer, Status: e.Status, UpdatedAt: e.UpdatedAt}
	}
	return out
}

// templateSummary gives a signed version's list entry with the names as signed.
func templateSummary(v *store.TemplateVersion, doc plandoc.Template) TemplateVersionSummaryDTO {
	s := TemplateVersionSummaryDTO{ID: v.ID, VersionNo: v.VersionNo, LeadID: v.LeadID, Date: v.SignDate,
		SignedAt: isoTime(&v.SignedAt), Note: v.Note, Agreed: doc.Agreed(), Total: len(doc.Elements)}
	if doc.Signature != nil {
		s.LeadName = doc.Signature.LeadName
	}
	return s
}

// signedTemplate stamps the draft with its version number and signature.
func signedTemplate(doc plandoc.Template, no int, lead *store.Worker, date, note string, now time.Time) plandoc.Template {
	doc.VersionNo = no
	doc.Signature = &plandoc.TemplateSignature{LeadID: lead.ID, LeadName: lead.Name, Date: date,
		SignedAt: isoTime(&now), Note: note}
	return doc
}

// validateTemplateElement checks one element's input.
func validateTemplateElement(in TemplateElementInput) (store.TemplateElement, error) {
	var p domain.Problems
	if !domain.IsTemplateElement(domain.TemplateElement(in.Element)) {
		p.Add("element", domain.CodeInvalidChoice)
	}
	status := domain.OneOf(&p, "status", domain.TemplateStatus(in.Status), domain.TemplateStatuses, true)
	answer := domain.CleanText(&p, "answer", in.Answer, domain.MaxTemplateAnswer, false)
	return store.TemplateElement{Element: in.Element, Answer: answer, Status: string(status)}, p.Err()
}

// validateTemplateSignature checks the signing form: a date between the earliest course
// date and today, and a short note. The signer is the acting team lead (see actingLead).
func validateTemplateSignature(ctx context.Context, st *store.Store, in SignTemplateInput, now time.Time, a Actor) (*store.Worker, string, string, error) {
	lead, err := actingLead(ctx, st, a)
	if err != nil {
		return nil, "", "", err
	}
	var p domain.Problems
	date := domain.FormatDate(domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, domain.Day(now)))
	note := domain.CleanText(&p, "note", in.Note, domain.MaxTemplateNote, false)
	return lead, date, note, p.Err()
}
