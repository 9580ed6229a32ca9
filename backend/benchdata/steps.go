package benchdata

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// insertSteps writes the rows that hang directly under a course: the visitation, the
// assessment's revisions, goals, network, meetings, advocacy, evaluations, WHO-5, weekly
// checks and the closing.
func (g *gen) insertSteps(ctx context.Context, st *store.Store) error {
	var (
		visits   []*store.Visitation
		assess   []*store.AssessmentEntry
		goals    []*store.Goal
		contacts []*store.NetworkContact
		meetings []*store.Meeting
		advocacy []*store.AdvocacyCase
		evals    []*store.Evaluation
		who5     []*store.WHO5
		weekly   []*store.WeeklyCheck
		closings []*store.Closing
	)
	for _, c := range g.courses {
		c.visitation = g.visitation(c)
		visits = append(visits, c.visitation)
		if c.visitStage {
			continue
		}
		assess = append(assess, g.assessment(c)...)
		g.plan(c)
		for _, gr := range c.goals {
			goals = append(goals, gr.row)
		}
		g.coordination(c)
		contacts = append(contacts, c.contacts...)
		for _, m := range c.meetings {
			meetings = append(meetings, m.row)
		}
		g.advocacyCases(c)
		advocacy = append(advocacy, c.advocacy...)
		g.followUp(c)
		evals = append(evals, c.evals...)
		who5 = append(who5, c.who5...)
		weekly = append(weekly, g.weeklyChecks(c)...)
		if !c.open() {
			closings = append(closings, &store.Closing{CourseID: c.row.ID,
				Reason:       g.pick([]string{"goals_reached", "goals_reached", "citizen_ended", "moved", "institution", "other"}),
				AfterSupport: g.pick([]string{"cti", "sel_85", "sel_85", "other", "none"}), HousingAtClose: g.pick([]string{"own", "own", "own_at_risk", "temporary", "shelter"}),
				Note: "Afsluttet efter aftale med borgeren og sagsbehandleren.", UpdatedAt: g.stamp(c.end)})
		}
	}
	for _, t := range []struct {
		name string
		rows any
	}{{"visitations", visits}, {"assessment_entries", assess}, {"goals", goals}, {"network_contacts", contacts},
		{"meetings", meetings}, {"advocacy_cases", advocacy}, {"evaluations", evals}, {"who5_scores", who5},
		{"weekly_checks", weekly}, {"closings", closings}} {
		if err := g.insert(ctx, st, t.name, t.rows); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) visitation(c *course) *store.Visitation {
	needs := []string{string(domain.Needs[g.rng.IntN(4)]), string(domain.Needs[4+g.rng.IntN(4)])}
	b, _ := json.Marshal(needs)
	start := g.day(c.start)
	v := &store.Visitation{CourseID: c.row.ID, HousingAtStart: g.pick([]string{"street", "shelter", "shelter", "sofa", "temporary", "own_at_risk", "institution"}),
		Needs: string(b), ReferralSource: g.pick([]string{"caseworker", "outreach", "shelter", "psychiatry", "addiction", "self"}),
		VisitationDate: &start, UpdatedAt: g.stamp(c.start)}
	if c.visitStage && g.rng.IntN(2) == 0 {
		v.Consent = string(domain.ConsentPending)
		return v
	}
	plan := g.pick([]string{"exists", "exists", "exists", "in_progress", "requested", "declined"})
	planDate := g.day(c.at(30))
	v.Consent, v.ConsentForm, v.ConsentDate = "yes", g.pick([]string{"written", "oral"}), &start
	v.TargetGroupReason = "Har brug for vedvarende og intensiv støtte til at bo og til kontakten med behandling og myndighed."
	v.ContactAgreement = "Må kontakte søsteren og herberget, hvis der ikke har været kontakt i en uge."
	v.LegalBasis, v.ActionPlan, v.ActionPlanDate, v.ActionPlanCaseworker = g.pick([]string{"sel_85", "sel_85", "sel_99"}), plan, &planDate, "Lone Bech"
	return v
}

// assessment gives every topic one to four dated revisions across the course.
func (g *gen) assessment(c *course) []*store.AssessmentEntry {
	var out []*store.AssessmentEntry
	for _, topic := range domain.AssessmentTopics {
		revs := 1 + g.rng.IntN(1+min(3, c.days()/240))
		for r := 0; r < revs; r++ {
			day := c.at(7 + r*c.days()/revs)
			e := &store.AssessmentEntry{CourseID: c.row.ID, Topic: string(topic), RevisionDate: g.day(day),
				CitizenView: g.pick(assessmentViews), WorkerView: g.pick(workerViews), CreatedAt: g.stamp(day), UpdatedAt: g.stamp(day)}
			if topic == domain.AreaWishes {
				e.CitizenView, e.WorkerView = g.pick(goalWords)+" "+g.pick(goalWords), ""
				c.wishes = e.CitizenView
			}
			if g.rng.IntN(2) == 0 {
				e.Resources, e.Needs = "Vil gerne selv; har tidligere klaret sig i egen bolig.", "Støtte til at holde aftaler."
			}
			if g.rng.IntN(3) == 0 {
				e.Barriers = "Dårlige erfaringer med myndighederne."
			}
			out = append(out, e)
		}
	}
	return out
}

// plan gives two to four goals with one to three SMART sub-goals each; sub-goals whose
// deadline has passed are mostly reached.
func (g *gen) plan(c *course) {
	for i, n := 0, 2+g.rng.IntN(3); i < n; i++ {
		k := g.rng.IntN(len(goalWords))
		gr := &goalRows{row: &store.Goal{CourseID: c.row.ID, CitizenWords: goalWords[k], Area: goalAreas[k], Position: i,
			CreatedAt: g.stamp(c.at(21)), UpdatedAt: g.stamp(c.at(21))}}
		if g.rng.IntN(5) < 3 {
			gr.row.ActionPlanGoal = fmt.Sprintf("Handleplanens mål %d", i+1)
		}
		for j, m := 0, 1+g.rng.IntN(3); j < m; j++ {
			deadline := g.day(c.start.AddDate(0, 0, 60+g.rng.IntN(max(60, c.days()))))
			status := "in_progress"
			switch {
			case deadline < g.day(c.end):
				status = g.pick([]string{"achieved", "achieved", "achieved", "adjusted", "dropped"})
			case g.rng.IntN(3) == 0:
				status = "not_started"
			}
			gr.subs = append(gr.subs, &store.SubGoal{What: g.pick(subGoalWhats), Measure: g.pick(subGoalMeasures),
				Owner: g.pick(subGoalOwners), Deadline: &deadline, Status: status, Position: j,
				CreatedAt: g.stamp(c.at(21)), UpdatedAt: g.stamp(c.at(21))})
		}
		c.goals = append(c.goals, gr)
	}
}

// coordination gives three to seven network contacts (always a caseworker) and a meeting
// about every three months, each with one to three agreed actions.
func (g *gen) coordination(c *course) {
	kinds := []string{"caseworker"}
	for i, n := 0, 2+g.rng.IntN(5); i < n; i++ {
		kinds = append(kinds, string(domain.ContactKinds[1+g.rng.IntN(len(domain.ContactKinds)-1)]))
	}
	for _, k := range kinds {
		last := g.day(c.at(g.rng.IntN(c.days())))
		nc := &store.NetworkContact{CourseID: c.row.ID, Kind: k, Organisation: g.pick(organisations[k]),
			Role: "Fast kontakt i forløbet", LastContact: &last, Active: g.rng.IntN(7) != 0,
			CreatedAt: g.stamp(c.at(10)), UpdatedAt: g.stamp(c.at(10))}
		if k != "shelter" && k != "other" {
			nc.Name = g.pick(firstNames) + " " + g.pick(lastNames)
			nc.Phone = fmt.Sprintf("72 %02d %02d %02d", g.rng.IntN(100), g.rng.IntN(100), g.rng.IntN(100))
		}
		c.contacts = append(c.contacts, nc)
	}
	for i, n := 0, min(14, max(1, c.days()/91)); i < n; i++ {
		day := c.at(20 + i*91 + g.rng.IntN(20))
		m := &meetingRows{row: &store.Meeting{CourseID: c.row.ID, Date: g.day(day),
			Participants: "Borgeren, sagsbehandleren, behandleren og ICM-medarbejderen", Purpose: g.pick(meetingPurposes),
			Preparation: "Gennemgik dagen før, hvad borgeren gerne vil sige.", Outcome: "Enighed om de næste skridt.",
			CreatedAt: g.stamp(day), UpdatedAt: g.stamp(day)}}
		for j, k := 0, 1+g.rng.IntN(3); j < k; j++ {
			deadline := g.day(day.AddDate(0, 0, 30))
			m.actions = append(m.actions, &store.MeetingAction{Action: g.pick(meetingActions), Owner: g.pick(subGoalOwners),
				Deadline: &deadline, Done: deadline < g.day(g.today) && g.rng.IntN(5) != 0, Position: j})
		}
		c.meetings = append(c.meetings, m)
	}
}

func (g *gen) advocacyCases(c *course) {
	for i, n := 0, g.rng.IntN(1+min(3, c.days()/120)); i < n; i++ {
		day := c.at(g.rng.IntN(c.days()))
		a := &store.AdvocacyCase{CourseID: c.row.ID, Opened: g.day(day), Barrier: g.pick(barriers), Towards: g.pick(advocacyTowards),
			Status: g.pick([]string{"resolved", "resolved", "open", "stuck"}), CreatedAt: g.stamp(day), UpdatedAt: g.stamp(day)}
		if a.Status != "open" || g.rng.IntN(2) == 0 {
			a.Actions = "Skrev sammen med borgeren og bad om et møde med bisidder."
			a.Rights = "Ret til partsrepræsentation og bisidder (forvaltningsloven § 8)."
		}
		if a.Status == "resolved" {
			a.Outcome = "Mødet blev holdt, og sagen er løst."
		}
		c.advocacy = append(c.advocacy, a)
	}
}

// followUp gives an evaluation about every three months and a WHO-5 at the start and at
// every evaluation, with well-being that mostly rises over the course.
func (g *gen) followUp(c *course) {
	base := 1 + g.rng.IntN(2)
	score := func(day time.Time, k int) *store.WHO5 {
		lift := min(3, k/2)
		item := func() int { return max(0, min(5, base+lift+g.rng.IntN(3)-1)) }
		return &store.WHO5{CourseID: c.row.ID, Date: g.day(day), Item1: item(), Item2: item(), Item3: item(), Item4: item(),
			Item5: item(), CreatedAt: g.stamp(day)}
	}
	c.who5 = append(c.who5, score(c.at(7), 0))
	var last *time.Time
	for k := 1; ; k++ {
		due := domain.NextEvaluationDue(c.start, last)
		day := due.AddDate(0, 0, g.rng.IntN(25)-15)
		if !day.Before(c.end) {
			break
		}
		c.evals = append(c.evals, &store.Evaluation{CourseID: c.row.ID, Date: g.day(day), DueDate: g.day(due),
			Summary: g.pick(evaluationSummaries), PlanChanges: "Delmålene er gennemgået; nye aftaler skrevet ind.",
			CreatedAt: g.stamp(day), UpdatedAt: g.stamp(day)})
		c.who5 = append(c.who5, score(day, k))
		last = &day
	}
}

// weeklyChecks: two in five courses keep the weekly check, in most weeks.
func (g *gen) weeklyChecks(c *course) []*store.WeeklyCheck {
	if g.rng.IntN(5) >= 2 {
		return nil
	}
	var out []*store.WeeklyCheck
	week := domain.Day(c.start).AddDate(0, 0, -int((c.start.Weekday()+6)%7)) // the Monday
	for ; week.Before(c.end); week = week.AddDate(0, 0, 7) {
		if g.rng.IntN(10) < 6 {
			out = append(out, &store.WeeklyCheck{CourseID: c.row.ID, WeekStart: g.day(week), Substance: g.rng.IntN(5),
				Mental: g.rng.IntN(5), CreatedAt: g.stamp(week), UpdatedAt: g.stamp(week)})
		}
	}
	return out
}

// insertChildren writes the sub-goals and meeting actions, now that goals and meetings
// have ids.
func (g *gen) insertChildren(ctx context.Context, st *store.Store) error {
	var subs []*store.SubGoal
	var actions []*store.MeetingAction
	for _, c := range g.courses {
		for _, gr := range c.goals {
			for _, s := range gr.subs {
				s.GoalID = gr.row.ID
				subs = append(subs, s)
			}
		}
		for _, m := range c.meetings {
			for _, a := range m.actions {
				a.MeetingID = m.row.ID
				actions = append(actions, a)
			}
		}
	}
	if err := g.insert(ctx, st, "subgoals", subs); err != nil {
		return err
	}
	return g.insert(ctx, st, "meeting_actions", actions)
}

// insertGrandChildren writes the activity plans (some lines tied to a sub-goal) and every
// evaluation's status per sub-goal.
func (g *gen) insertGrandChildren(ctx context.Context, st *store.Store) error {
	var acts []*store.Activity
	var items []*store.EvaluationItem
	for _, c := range g.courses {
		if c.visitStage {
			continue
		}
		var subs []*store.SubGoal
		for _, gr := range c.goals {
			subs = append(subs, gr.subs...)
		}
		for i, n := 0, 2+g.rng.IntN(3); i < n; i++ {
			a := &store.Activity{CourseID: c.row.ID, What: g.pick(activityWhats), Frequency: g.pick(activityFreqs),
				Owner: g.pick(subGoalOwners), Position: i, CreatedAt: g.stamp(c.at(21)), UpdatedAt: g.stamp(c.at(21))}
			if len(subs) > 0 && g.rng.IntN(2) == 0 {
				id := subs[g.rng.IntN(len(subs))].ID
				a.SubGoalID = &id
			}
			acts = append(acts, a)
			c.activities = append(c.activities, a)
		}
		for _, e := range c.evals {
			for _, s := range subs {
				status := s.Status
				if s.Deadline != nil && *s.Deadline > e.Date {
					status = "in_progress"
				}
				items = append(items, &store.EvaluationItem{EvaluationID: e.ID, SubGoalID: s.ID, Status: status,
					Comment: g.pick([]string{"", "", "Går efter planen.", "Skal justeres ved næste møde."})})
			}
		}
	}
	if err := g.insert(ctx, st, "activities", acts); err != nil {
		return err
	}
	return g.insert(ctx, st, "evaluation_items", items)
}
