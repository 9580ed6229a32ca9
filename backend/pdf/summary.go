package pdf

import (
	"io"
	"strconv"
	"strings"

	"icm/backend/plandoc"
)

// RenderSummary writes a course summary: the course facts, the visitation, the
// latest assessment per topic, the plan content, every evaluation, the WHO-5
// scores (chart and table) and, when included, the journal notes.
func RenderSummary(w io.Writer, s plandoc.Summary, o Options) (err error) {
	defer recoverRender(&err)
	p := s.Plan
	d, err := newDoc(o, p.Header(), "summaryTitle", false)
	if err != nil {
		return err
	}
	d.title(d.t("summaryTitle"), "", false)
	status := d.t("planDraft")
	if p.Signature != nil {
		status = d.planStatus(p, true)
	}
	d.infoBlock(append(d.courseFields(p.Header()),
		field{d.t("courseStatus"), s.CourseStatus},
		field{d.t("endReason"), s.EndReason},
		field{d.t("planStatus"), status},
		field{d.t("nextEval"), d.nextEvalText(p.NextEvaluation)},
	))
	d.visitation(s.Visitation)
	d.assessment(s.Assessment)
	d.planContent(p)
	d.heading(d.t("ap141"), 10)
	d.textOr(p.ActionPlan141, d.t("notStated"))
	d.heading(d.t("evaluations"), 20)
	if len(s.Evaluations) == 0 {
		d.note(d.t("noEvaluations"))
	}
	for _, e := range s.Evaluations {
		d.subheading(d.evalName(e), 20)
		d.evaluationFacts(e)
		d.evaluationBody(e)
	}
	who5 := s.WHO5
	if len(who5) == 0 {
		who5 = p.WHO5
	}
	d.heading(d.t("who5Heading"), chartHeight+4)
	d.who5Chart(who5)
	d.who5Table(who5)
	if len(s.Journal) > 0 {
		d.journal(s.Journal)
	}
	return d.finish(w)
}

// visitation prints how the citizen came into the team.
func (d *doc) visitation(v plandoc.Visitation) {
	d.heading(d.t("visitation"), 14)
	if v.Date == "" && v.ReferredBy == "" && v.Reason == "" && v.DecidedBy == "" && len(v.Criteria) == 0 {
		d.note(d.t("none"))
		return
	}
	d.infoBlock([]field{
		{d.t("visDate"), d.date(v.Date)},
		{d.t("referredBy"), v.ReferredBy},
		{d.t("decidedBy"), v.DecidedBy},
	})
	if strings.TrimSpace(v.Reason) != "" {
		d.subheading(d.t("reason"), 6)
		d.paragraph(v.Reason)
	}
	if len(v.Criteria) > 0 {
		d.subheading(d.t("criteria"), 6)
		for _, c := range v.Criteria {
			d.paragraph("•  " + c)
		}
	}
}

// assessment prints the latest text of each assessment topic.
func (d *doc) assessment(topics []plandoc.AssessmentTopic) {
	d.heading(d.t("assessment"), 14)
	if len(topics) == 0 {
		d.note(d.t("none"))
		return
	}
	for _, t := range topics {
		d.subheading(orDash(t.Topic), 10)
		meta := ""
		if day := d.date(t.UpdatedAt); day != "" {
			meta = d.tf("updated", day)
			if t.UpdatedBy != "" {
				meta += " " + d.tf("by", t.UpdatedBy)
			}
		}
		if meta != "" {
			d.font("", 8.5)
			d.textColor(colMuted)
			d.drawLines(d.wrap(meta, contentW), marginX, contentW, 4.2, "L")
			d.gap(0.5)
		}
		d.textOr(t.Text, d.t("notStated"))
	}
}

// who5Table lists the WHO-5 scores with a note on those below the references.
func (d *doc) who5Table(points []plandoc.WHO5Point) {
	if len(points) == 0 {
		return
	}
	d.gap(2)
	rows := make([][]string, len(points))
	for i, p := range points {
		note := ""
		switch {
		case p.Percent <= 28:
			note = d.t("ref28")
		case p.Percent < 50:
			note = d.t("ref50")
		}
		rows[i] = []string{d.date(p.Date), strconv.Itoa(p.Percent), note}
	}
	d.table([]column{{d.t("colDate"), 25, d.sampleDate()}, {d.t("colScore"), 20, ""}, {d.t("colNote"), 55, ""}}, rows)
}

// journal prints the included journal notes, each under its date and author, and a
// corrected one marked with the date and the worker of its latest correction.
func (d *doc) journal(notes []plandoc.JournalNote) {
	d.heading(d.t("journal"), 16)
	for _, n := range notes {
		head := strings.Join(nonEmpty(d.dateTime(n.Date), n.Kind), " · ")
		if n.Author != "" {
			head = strings.Join(nonEmpty(head, d.tf("by", n.Author)), " ")
		}
		lines := d.wrapIn("B", 9.5, head, contentW)
		d.ensure(float64(len(lines))*4.8 + 10)
		d.textColor(colText)
		d.drawLines(lines, marginX, contentW, 4.8, "L")
		if n.CorrectedOn != "" {
			d.note(d.tf("corrected", d.date(n.CorrectedOn), n.CorrectedBy))
		}
		d.textOr(n.Text, d.t("none"))
		d.gap(1)
	}
}
