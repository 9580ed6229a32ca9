package service

import (
	"context"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// buildPlanDoc takes a snapshot of a course's plan as it stands: the team and the people,
// the citizen's wishes in their own words (assessment topic "wishes"), the goals with their
// SMART sub-goals, the activity plan, the active network and the agreed actions of every
// meeting, the advocacy cases, the next evaluation date, the § 141 action plan status from
// the visitation and the WHO-5 scores for the trend chart. Every enum value is turned into
// its text in lang (Danish only so far), so the result is self-contained: a signed version
// is exactly this, and the PDF export renders the draft or a version from it without a
// database. VersionNo is 0 and Signature nil: signing fills them in. now is the moment the
// snapshot is taken; nothing in it depends on the clock yet.
//
// It only reads, so it may run inside the write transaction that stores a signed version.
func buildPlanDoc(ctx context.Context, st *store.Store, c *store.Course, now time.Time, lang string) (plandoc.Plan, error) {
	_ = now
	doc := plandoc.Plan{FormatVersion: plandoc.Version, CourseStart: c.StartDate, CourseEnd: deref(c.EndDate),
		Goals: []plandoc.Goal{}, Activities: []plandoc.Activity{}, Network: []plandoc.Contact{}, Actions: []plandoc.Action{},
		Advocacy: []plandoc.AdvocacyCase{}, WHO5: []plandoc.WHO5Point{}}
	if err := planPeople(ctx, st, c, &doc); err != nil {
		return plandoc.Plan{}, err
	}
	steps := []func(context.Context, *store.Store, *store.Course, *plandoc.Plan, string) error{
		planWishes, planGoals, planActivities, planCoordination, planAdvocacy, planFollowUp, planActionPlan,
	}
	for _, step := range steps {
		if err := step(ctx, st, c, &doc, lang); err != nil {
			return plandoc.Plan{}, err
		}
	}
	return doc, nil
}

// planPeople fills in the team, the citizen (with the CPR number masked) and the worker.
func planPeople(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan) error {
	team, err := st.GetTeam(ctx)
	if err != nil {
		return err
	}
	cit, err := st.GetCitizen(ctx, c.CitizenID)
	if err != nil {
		return err
	}
	w, err := st.GetWorker(ctx, c.WorkerID)
	if err != nil {
		return err
	}
	doc.Municipality, doc.Team = team.Municipality, team.Name
	doc.Citizen, doc.CitizenCPR, doc.Worker = cit.Name, domain.MaskCPR(deref(cit.CPR)), w.Name
	return nil
}

// planWishes takes the citizen's own view from the latest revision of the topic "wishes".
func planWishes(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, _ string) error {
	rows, err := st.ListAssessment(ctx, c.ID)
	if err != nil {
		return err
	}
	if l := latestRevision(rows, string(domain.AreaWishes)); l != nil {
		doc.Wishes = l.CitizenView
	}
	return nil
}

func planGoals(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, lang string) error {
	goals, err := st.ListGoals(ctx, c.ID)
	if err != nil {
		return err
	}
	subs, err := st.ListSubGoals(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, g := range goals {
		gd := plandoc.Goal{CitizenWords: g.CitizenWords, Area: label(lang, labelLifeArea, g.Area),
			ActionPlanGoal: g.ActionPlanGoal, SubGoals: []plandoc.SubGoal{}}
		for _, s := range subs {
			if s.GoalID == g.ID {
				gd.SubGoals = append(gd.SubGoals, plandoc.SubGoal{What: s.What, Measure: s.Measure, Owner: s.Owner,
					Deadline: deref(s.Deadline), Status: label(lang, labelSubGoalStatus, s.Status)})
			}
		}
		doc.Goals = append(doc.Goals, gd)
	}
	return nil
}

func planActivities(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, _ string) error {
	acts, err := st.ListActivities(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, a := range acts {
		doc.Activities = append(doc.Activities, plandoc.Activity{What: a.What, Frequency: a.Frequency, Owner: a.Owner})
	}
	return nil
}

// planCoordination takes the active network (people who left it are marked inactive) and
// the agreed actions of every meeting, newest meeting first.
func planCoordination(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, lang string) error {
	contacts, err := st.ListNetwork(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, n := range contacts {
		if n.Active {
			doc.Network = append(doc.Network, plandoc.Contact{Kind: label(lang, labelContactKind, n.Kind), Name: n.Name,
				Organisation: n.Organisation, Role: n.Role, Phone: n.Phone})
		}
	}
	meetings, err := st.ListMeetings(ctx, c.ID)
	if err != nil {
		return err
	}
	actions, err := st.ListMeetingActions(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, m := range meetings {
		for _, a := range actions {
			if a.MeetingID == m.ID {
				doc.Actions = append(doc.Actions, plandoc.Action{Action: a.Action, Owner: a.Owner, Deadline: deref(a.Deadline), Done: a.Done})
			}
		}
	}
	return nil
}

func planAdvocacy(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, lang string) error {
	cases, err := st.ListAdvocacy(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, a := range cases {
		doc.Advocacy = append(doc.Advocacy, plandoc.AdvocacyCase{Barrier: a.Barrier, Towards: a.Towards, Actions: a.Actions,
			Outcome: a.Outcome, Status: label(lang, labelAdvocacy, a.Status)})
	}
	return nil
}

// planFollowUp takes the next evaluation date (three months after the latest evaluation,
// or after the start; none once the course is closed) and the WHO-5 scores in date order.
func planFollowUp(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, _ string) error {
	evals, err := st.ListEvaluations(ctx, c.ID)
	if err != nil {
		return err
	}
	if domain.CourseStatus(c.Status).Open() {
		if start, err := time.Parse(domain.DateLayout, c.StartDate); err == nil {
			var last *time.Time
			for _, e := range evals {
				if d := parseStoredDate(&e.Date); d != nil && (last == nil || d.After(*last)) {
					last = d
				}
			}
			doc.NextEvaluation = domain.NextEvaluationDue(start, last).Format(domain.DateLayout)
		}
	}
	scores, err := st.ListWHO5(ctx, c.ID)
	if err != nil {
		return err
	}
	var prev *int
	for _, w := range scores {
		pct := domain.ScoreWHO5(w.Items(), prev).Percent
		prev = &pct
		doc.WHO5 = append(doc.WHO5, plandoc.WHO5Point{Date: w.Date, Percent: pct})
	}
	return nil
}

// planActionPlan words the § 141 action plan's status from the visitation, with its date
// and caseworker when known, e.g. "Der er en handleplan (01.02.2026, sagsbehandler Lone Berg)".
func planActionPlan(ctx context.Context, st *store.Store, c *store.Course, doc *plandoc.Plan, lang string) error {
	v, err := st.GetVisitation(ctx, c.ID)
	if err != nil {
		return err
	}
	text := label(lang, labelActionPlan, v.ActionPlan)
	if text == "" {
		return nil
	}
	var details []string
	if d := parseStoredDate(v.ActionPlanDate); d != nil {
		details = append(details, d.Format("02.01.2006"))
	}
	if v.ActionPlanCaseworker != "" {
		details = append(details, "sagsbehandler "+v.ActionPlanCaseworker)
	}
	if len(details) > 0 {
		text += " (" + strings.Join(details, ", ") + ")"
	}
	doc.ActionPlan141 = text
	return nil
}
