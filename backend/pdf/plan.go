// Package pdf renders ICM documents (the plan, a course summary, an
// evaluation) as A4 PDFs to be printed and read together at a meeting. It only
// draws: every input is a plandoc snapshot with texts already translated, and
// nothing here touches the database.
package pdf

import (
	"io"

	"icm/backend/plandoc"
)

// RenderPlan writes one plan version as a PDF: the citizen's wishes first,
// then goals with their SMART sub-goals, activities, coordination, advocacy,
// the next evaluation, WHO-5, the § 141 status and the signature block. A plan
// without a signature is printed as a draft, marked on every page.
func RenderPlan(w io.Writer, p plandoc.Plan, o Options) (err error) {
	defer recoverRender(&err)
	draft := p.Signature == nil
	d, err := newDoc(o, p.Header(), "planTitle", draft)
	if err != nil {
		return err
	}
	d.title(d.t("planTitle"), d.planStatus(p, true), draft)
	d.infoBlock(append(d.courseFields(p.Header()), field{d.t("nextEval"), d.nextEvalText(p.NextEvaluation)}))
	d.planContent(p)
	d.callout(d.t("nextEval"), d.nextEvalText(p.NextEvaluation))
	d.heading(d.t("who5Heading"), chartHeight+4)
	d.who5Chart(p.WHO5)
	d.heading(d.t("ap141"), 10)
	d.textOr(p.ActionPlan141, d.t("notStated"))
	d.signatureBlock(p)
	return d.finish(w)
}

// planStatus is "Version 3, underskrevet 12.03.2025" or the draft mark; long
// adds the date the citizen signed, as the signature block and the screen
// give it (not the moment it was registered in the program, which can be
// days later).
func (d *doc) planStatus(p plandoc.Plan, long bool) string {
	if p.Signature == nil {
		return d.t("draftMark")
	}
	s := d.tf("versionSigned", p.VersionNo)
	if long {
		when := p.Signature.CitizenDate
		if when == "" {
			when = p.Signature.SignedAt
		}
		if day := d.date(when); day != "" {
			s += " " + day
		}
	}
	return s
}

func (d *doc) nextEvalText(iso string) string {
	if s := d.date(iso); s != "" {
		return s
	}
	return d.t("notSet")
}

// planContent prints what was agreed, shared by the plan and the summary.
func (d *doc) planContent(p plandoc.Plan) {
	d.heading(d.t("wishesHeading"), 20)
	if p.Wishes == "" {
		d.note(d.t("wishesEmpty"))
	} else {
		d.quoteBlock(p.Wishes)
	}
	d.goals(p.Goals)
	d.activities(p.Activities)
	d.coordination(p.Network, p.Actions)
	d.advocacy(p.Advocacy)
}

// goals prints each goal in the citizen's words with its sub-goal table.
func (d *doc) goals(goals []plandoc.Goal) {
	d.heading(d.t("goalsHeading"), 30)
	if len(goals) == 0 {
		d.note(d.t("noGoals"))
		return
	}
	cols := []column{
		{d.t("colWhat"), 34, ""}, {d.t("colMeasure"), 26, ""}, {d.t("colWho"), 14, ""},
		{d.t("colBy"), 12, d.sampleDate()}, {d.t("colStatus"), 14, ""},
	}
	for i, g := range goals {
		label := d.tf("goalN", i+1)
		if g.Area != "" {
			label += " · " + d.t("area") + ": " + g.Area
		}
		words := d.wrapIn("B", 11.5, orDash(g.CitizenWords), contentW-4)
		var meta []string
		if g.ActionPlanGoal != "" {
			meta = d.wrapIn("", 9, d.t("goal141")+": "+g.ActionPlanGoal, contentW-4)
		}
		// Keep the goal's heading together with its table header and first row.
		d.ensure(5 + float64(len(words))*5.6 + float64(len(meta))*4.4 + 18)
		if i > 0 {
			d.gap(2)
		}
		d.font("B", 9)
		d.textColor(colAccent)
		d.drawLines(d.wrap(label, contentW), marginX, contentW, 4.6, "L")
		d.font("B", 11.5)
		d.textColor(colText)
		d.drawLines(words, marginX, contentW, 5.6, "L")
		if len(meta) > 0 {
			d.font("", 9)
			d.textColor(colMuted)
			d.drawLines(meta, marginX, contentW, 4.4, "L")
		}
		d.gap(1.5)
		if len(g.SubGoals) == 0 {
			d.note(d.t("noSubGoals"))
			continue
		}
		rows := make([][]string, len(g.SubGoals))
		for j, s := range g.SubGoals {
			rows[j] = []string{s.What, s.Measure, s.Owner, d.date(s.Deadline), s.Status}
		}
		d.table(cols, rows)
	}
}

// activities prints the activity plan.
func (d *doc) activities(acts []plandoc.Activity) {
	d.heading(d.t("activities"), 14)
	if len(acts) == 0 {
		d.note(d.t("none"))
		return
	}
	rows := make([][]string, len(acts))
	for i, a := range acts {
		rows[i] = []string{a.What, a.Frequency, a.Owner}
	}
	d.table([]column{{d.t("colActivity"), 52, ""}, {d.t("colFrequency"), 24, ""}, {d.t("colWho"), 24, ""}}, rows)
}

// coordination prints the network and the agreed actions.
func (d *doc) coordination(network []plandoc.Contact, actions []plandoc.Action) {
	d.heading(d.t("coordination"), 24)
	d.subheading(d.t("network"), 14)
	if len(network) == 0 {
		d.note(d.t("none"))
	} else {
		rows := make([][]string, len(network))
		for i, c := range network {
			who := c.Name
			if c.Organisation != "" {
				if who != "" {
					who += "\n"
				}
				who += c.Organisation
			}
			rows[i] = []string{c.Kind, who, c.Role, c.Phone}
		}
		d.table([]column{
			{d.t("colKind"), 16, ""}, {d.t("colNameOrg"), 29, ""}, {d.t("colRole"), 36, ""}, {d.t("colPhone"), 19, "+45 00 00 00 00"},
		}, rows)
	}
	d.subheading(d.t("actions"), 14)
	if len(actions) == 0 {
		d.note(d.t("none"))
		return
	}
	rows := make([][]string, len(actions))
	for i, a := range actions {
		status := d.t("open")
		if a.Done {
			status = d.t("done")
		}
		rows[i] = []string{a.Action, a.Owner, d.date(a.Deadline), status}
	}
	d.table([]column{
		{d.t("colAction"), 52, ""}, {d.t("colWho"), 22, ""}, {d.t("colBy"), 13, d.sampleDate()}, {d.t("colStatus"), 13, ""},
	}, rows)
}

// advocacy prints the barriers and what was done about them.
func (d *doc) advocacy(cases []plandoc.AdvocacyCase) {
	d.heading(d.t("advocacy"), 14)
	if len(cases) == 0 {
		d.note(d.t("none"))
		return
	}
	rows := make([][]string, len(cases))
	for i, c := range cases {
		rows[i] = []string{c.Barrier, c.Towards, c.Actions, c.Outcome, c.Status}
	}
	d.table([]column{
		{d.t("colBarrier"), 23, ""}, {d.t("colTowards"), 17, ""}, {d.t("colDone"), 25, ""},
		{d.t("colOutcome"), 22, ""}, {d.t("colStatus"), 13, ""},
	}, rows)
}
