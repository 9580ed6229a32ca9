package pdf

import (
	"io"
	"strconv"
	"strings"

	"icm/backend/plandoc"
)

// templateLabels are the texts of the method template PDF, merged into labels so that the
// same-keys check covers them.
var templateLabels = map[string]map[string]string{
	"da": {
		"tplTitle":          "Metodeskabelon for ICM",
		"tplIntro":          "Metodeskabelonen beskriver, hvordan teamet arbejder med ICM i praksis: for hvert element står, hvad metoden kræver eller lægger vægt på, de spørgsmål teamet kan drøfte, og teamets beskrivelse af, hvordan det bliver gjort.",
		"tplMunicipality":   "Kommune",
		"tplTeam":           "Team",
		"tplProgress":       "Aftalte elementer",
		"tplProgressValue":  "%d af %d",
		"tplRequirement":    "Fast krav til metoden",
		"tplImportant":      "Det lægger metoden vægt på",
		"tplAdvice":         "Metodens forslag",
		"tplQuestions":      "Spørgsmål at drøfte",
		"tplAnswer":         "Sådan gør vi i praksis",
		"tplNoAnswer":       "Ikke beskrevet endnu.",
		"tplStatus":         "Status",
		"tplSignedBy":       "Underskrevet af teamleder",
		"tplSignature":      "Underskrift",
		"tplNote":           "Bemærkning",
		"tplDraftNote":      "Skabelonen er en kladde og er ikke underskrevet. Teamlederen underskriver den, når teamet er enigt om den.",
		"tplSt_not_started": "Ikke startet",
		"tplSt_draft":       "Udkast",
		"tplSt_agreed":      "Aftalt",
	},
	"en": {
		"tplTitle":          "ICM method template",
		"tplIntro":          "The method template describes how the team works with ICM in practice: for each element, what the method requires or stresses, the questions the team can discuss, and the team's description of how it is done.",
		"tplMunicipality":   "Municipality",
		"tplTeam":           "Team",
		"tplProgress":       "Agreed elements",
		"tplProgressValue":  "%d of %d",
		"tplRequirement":    "Fixed requirement of the method",
		"tplImportant":      "What the method stresses",
		"tplAdvice":         "What the method suggests",
		"tplQuestions":      "Questions to discuss",
		"tplAnswer":         "How we do it in practice",
		"tplNoAnswer":       "Not described yet.",
		"tplStatus":         "Status",
		"tplSignedBy":       "Signed by the team lead",
		"tplSignature":      "Signature",
		"tplNote":           "Note",
		"tplDraftNote":      "The template is a draft and has not been signed. The team lead signs it when the team agrees on it.",
		"tplSt_not_started": "Not started",
		"tplSt_draft":       "Draft",
		"tplSt_agreed":      "Agreed",
	},
}

func init() {
	for lang, m := range templateLabels {
		for k, v := range m {
			labels[lang][k] = v
		}
	}
}

// RenderTemplate writes the team's method template as a PDF: per element its name, the
// fixed requirement of the method, the team's answer and its status. A signed version
// shows who signed it and when; the live template is printed as a draft, marked on
// every page.
func RenderTemplate(w io.Writer, t plandoc.Template, o Options) (err error) {
	defer recoverRender(&err)
	draft := t.Signature == nil
	d, err := newDoc(o, plandoc.CourseHeader{Municipality: t.Municipality, Team: t.Team}, "tplTitle", draft)
	if err != nil {
		return err
	}
	d.title(d.t("tplTitle"), d.templateStatus(t), draft)
	fields := []field{
		{d.t("tplMunicipality"), t.Municipality},
		{d.t("tplTeam"), t.Team},
		{d.t("tplProgress"), d.tf("tplProgressValue", t.Agreed(), len(t.Elements))},
	}
	if s := t.Signature; s != nil {
		fields = append(fields, field{d.t("tplSignedBy"), strings.Join(nonEmpty(s.LeadName, d.date(s.Date)), " – ")})
	}
	d.infoBlock(fields)
	d.note(d.t("tplIntro"))
	for i, e := range t.Elements {
		d.templateElement(i+1, e)
	}
	d.templateSignature(t)
	return d.finish(w)
}

// templateStatus is "Version 2, underskrevet 03.02.2026" or the draft mark.
func (d *doc) templateStatus(t plandoc.Template) string {
	if t.Signature == nil {
		return d.t("draftMark")
	}
	s := d.tf("versionSigned", t.VersionNo)
	if day := d.date(t.Signature.Date); day != "" {
		s += " " + day
	}
	return s
}

// templateElement prints one element: its heading with the status, the requirement in a
// box (labelled as firmly as the method states it), the guiding questions and the team's
// answer below them.
func (d *doc) templateElement(n int, e plandoc.TemplateElement) {
	d.heading(strconv.Itoa(n)+". "+e.Name, 30)
	d.font("B", 9)
	d.textColor(colMuted)
	d.put(marginX, d.y(), contentW, 4.6, d.t("tplStatus")+": "+d.t("tplSt_"+e.Status), "L")
	d.gap(5.6)
	d.requirementBox(d.t(requirementLabel(e.Weight)), e.Requirement)
	if len(e.Questions) > 0 {
		d.subheading(d.t("tplQuestions"), 8)
		d.bullets(e.Questions)
	}
	d.subheading(d.t("tplAnswer"), 8)
	d.textOr(e.Answer, d.t("tplNoAnswer"))
}

// requirementBox prints the method's fixed requirement in a framed, tinted box with a
// small label on top, one line at a time so a long text may continue on the next page.
func (d *doc) requirementBox(label, s string) {
	const pad, lh, size = 3.5, 4.8, 9.5
	inner := contentW - 2*pad
	lines := d.wrapIn("", size, s, inner)
	d.ensure(2*pad + 4.2 + lh*float64(min(len(lines), 3)))
	top := d.y()
	page := d.pdf.PageNo()
	frame := func(from, to float64) {
		d.drawColor(colRule)
		d.pdf.SetLineWidth(0.3)
		d.fillColor(colInfoBG)
		d.pdf.Rect(marginX, from, contentW, to-from, "FD")
	}
	// Measure the whole box first; when it fits, draw it at once.
	h := 2*pad + 4.2 + lh*float64(len(lines))
	if top+h <= contentEnd {
		frame(top, top+h)
	}
	d.pdf.SetY(top + pad)
	d.font("B", 8)
	d.textColor(colMuted)
	d.put(marginX+pad, d.y(), inner, 4.2, label, "L")
	d.gap(4.2)
	d.font("", size)
	d.textColor(colText)
	for _, l := range lines {
		if d.y()+lh > contentEnd { // too long for one page: a tinted band per line
			d.pdf.AddPage()
			d.font("", size)
			d.textColor(colText)
		}
		if top+h > contentEnd || d.pdf.PageNo() != page {
			d.fillColor(colInfoBG)
			d.pdf.Rect(marginX, d.y(), contentW, lh+0.05, "F")
		}
		d.put(marginX+pad, d.y(), inner, lh, l, "L")
		d.gap(lh)
	}
	d.gap(pad + 1)
}

// templateSignature prints who signed the version, or for the draft that it is not signed.
func (d *doc) templateSignature(t plandoc.Template) {
	d.heading(d.t("tplSignature"), 20)
	s := t.Signature
	if s == nil {
		d.note(d.t("tplDraftNote"))
		return
	}
	d.infoBlock([]field{
		{d.t("tplSignedBy"), s.LeadName},
		{d.t("date"), d.date(s.Date)},
		{d.t("recorded"), d.dateTime(s.SignedAt)},
	})
	if strings.TrimSpace(s.Note) != "" {
		d.subheading(d.t("tplNote"), 10)
		d.paragraph(s.Note)
	}
}

// requirementLabel is the label of the requirement box: only a requirement the method
// states as a must is called one.
func requirementLabel(weight string) string {
	switch weight {
	case "important":
		return "tplImportant"
	case "advice":
		return "tplAdvice"
	}
	return "tplRequirement"
}

// bullets prints a list of short texts, each with a bullet and its lines indented under it.
func (d *doc) bullets(items []string) {
	const indent, lh = 5.0, 4.8
	for _, it := range items {
		lines := d.wrapIn("", 9.5, it, contentW-indent)
		d.ensure(lh * float64(min(len(lines), 2)))
		d.textColor(colText)
		d.put(marginX+1, d.y(), indent-1, lh, "•", "L")
		d.drawLines(lines, marginX+indent, contentW-indent, lh, "L")
		d.gap(0.6)
	}
	d.gap(1)
}
