package pdf

import (
	"io"
	"strings"

	"icm/backend/plandoc"
)

// RenderEvaluation writes one evaluation: when it was held against its due
// date, each sub-goal's status and comment, the summary and the plan changes,
// under the citizen, worker and course header.
func RenderEvaluation(w io.Writer, e plandoc.EvaluationDoc, o Options) (err error) {
	defer recoverRender(&err)
	d, err := newDoc(o, e.Course, "evalTitle", false)
	if err != nil {
		return err
	}
	d.title(d.evalName(e.Evaluation), "", false)
	d.infoBlock(append(d.courseFields(e.Course), d.evalFields(e.Evaluation)...))
	d.evaluationBody(e.Evaluation)
	return d.finish(w)
}

// evalName is "Evaluering 12.03.2025", or just "Evaluering" before it is held.
func (d *doc) evalName(e plandoc.Evaluation) string {
	if day := d.date(e.Date); day != "" {
		return d.tf("evalN", day)
	}
	return d.t("evalTitle")
}

// evalFields are the dates of an evaluation and whether it was on time.
func (d *doc) evalFields(e plandoc.Evaluation) []field {
	held := d.date(e.Date)
	if held == "" {
		held = d.t("notHeld")
	}
	return []field{
		{d.t("evalDate"), held},
		{d.t("due"), d.date(e.DueDate)},
		{d.t("timing"), d.timing(e)},
	}
}

// evaluationFacts prints the evaluation's dates as one muted line (used in the
// summary, where a full info block per evaluation would be too heavy).
func (d *doc) evaluationFacts(e plandoc.Evaluation) {
	var parts []string
	for _, f := range d.evalFields(e) {
		if strings.TrimSpace(f.value) != "" {
			parts = append(parts, f.label+": "+f.value)
		}
	}
	d.font("", 9)
	d.textColor(colMuted)
	d.drawLines(d.wrap(strings.Join(parts, "   ·   "), contentW), marginX, contentW, 4.6, "L")
	d.gap(1.5)
}

// timing says whether the evaluation was held by its due date.
func (d *doc) timing(e plandoc.Evaluation) string {
	held, ok1 := parseDay(e.Date)
	due, ok2 := parseDay(e.DueDate)
	switch {
	case e.Date == "":
		return d.t("notHeld")
	case !ok1 || !ok2:
		return ""
	case held.After(due):
		return d.tf("late", int(held.Sub(due).Hours()/24+0.5))
	default:
		return d.t("onTime")
	}
}

// evaluationBody prints the sub-goal statuses, the summary and the changes.
func (d *doc) evaluationBody(e plandoc.Evaluation) {
	if len(e.SubGoals) == 0 {
		d.note(d.t("noSubGoals"))
	} else {
		rows := make([][]string, len(e.SubGoals))
		for i, s := range e.SubGoals {
			rows[i] = []string{s.Goal, s.What, s.Status, s.Comment}
		}
		d.table([]column{
			{d.t("colGoal"), 25, ""}, {d.t("colSubGoal"), 28, ""}, {d.t("colStatus"), 13, ""}, {d.t("colComment"), 34, ""},
		}, rows)
	}
	d.subheading(d.t("evalSummary"), 6)
	d.textOr(e.Summary, d.t("notStated"))
	d.subheading(d.t("planChanges"), 6)
	d.textOr(e.PlanChanges, d.t("noChanges"))
}
