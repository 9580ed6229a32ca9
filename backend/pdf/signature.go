package pdf

import (
	"strings"

	"icm/backend/plandoc"
)

// signatureBlock prints who signed a version, how and when, or, for a draft,
// empty lines to sign on at the meeting.
func (d *doc) signatureBlock(p plandoc.Plan) {
	s := p.Signature
	if s == nil {
		d.signatureLines(p)
		return
	}
	d.heading(d.t("signatures"), 30)
	named := func(name, date string) string {
		return strings.Join(nonEmpty(name, d.date(date)), " – ")
	}
	fields := []field{
		{d.t("signedCitizen"), named(s.CitizenName, s.CitizenDate)},
		{d.t("signedWorker"), named(s.WorkerName, s.WorkerDate)},
		{d.t("how"), s.Method},
	}
	if strings.TrimSpace(s.LeadName) != "" {
		fields = append(fields, field{d.t("leadApproval"), named(s.LeadName, s.LeadDate)})
	}
	fields = append(fields, field{d.t("recorded"), d.dateTime(s.SignedAt)})
	d.infoBlock(fields)
	if strings.TrimSpace(s.CitizenComment) != "" {
		d.subheading(d.t("citizenComment"), 14)
		d.quoteBlock(s.CitizenComment)
	}
}

// signatureLines prints a line to sign on and a date line for the citizen, the
// ICM worker and the team lead, kept together on one page.
func (d *doc) signatureLines(p plandoc.Plan) {
	const rowH = 19.0
	d.heading(d.t("signatures"), 8+3*rowH)
	d.note(d.t("draftSignNote"))
	roles := []struct{ role, name string }{
		{d.t("citizen"), p.Citizen},
		{d.t("worker"), p.Worker},
		{d.t("teamLead"), ""},
	}
	d.ensure(3 * rowH)
	sigW, gapW := contentW*0.64, contentW*0.06
	dateW := contentW - sigW - gapW
	for _, r := range roles {
		top := d.y()
		y := top + 11 // the line sits low so there is room to write above it
		d.drawColor(colText)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(marginX, y, marginX+sigW, y)
		d.pdf.Line(marginX+sigW+gapW, y, marginX+contentW, y)
		caption := d.t("signature") + " – " + r.role
		if strings.TrimSpace(r.name) != "" {
			caption += ": " + r.name
		}
		d.font("", 8)
		d.textColor(colMuted)
		d.put(marginX, y+1, sigW, 4, d.fit(d.oneLine(caption), sigW), "L")
		d.put(marginX+sigW+gapW, y+1, dateW, 4, d.t("date"), "L")
		d.pdf.SetY(top + rowH)
	}
}
