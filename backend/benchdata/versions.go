package benchdata

import (
	"context"
	"encoding/json"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// Danish labels of the enum values a plan snapshot shows, as the app words them.
var (
	areaLabels = map[string]string{"housing": "Bolig", "finances": "Økonomi, gæld og forsørgelse",
		"physical": "Fysisk helbred og tænder", "mental": "Psykisk helbred", "substance": "Rusmidler",
		"network": "Netværk og familie", "daily_living": "Dagligdagsfunktioner",
		"employment": "Beskæftigelse, uddannelse og aktiviteter", "crime": "Kriminalitet og kriminalforsorg"}
	statusLabels = map[string]string{"not_started": "Ikke startet", "in_progress": "I gang", "achieved": "Nået",
		"adjusted": "Justeret", "dropped": "Opgivet"}
	contactLabels = map[string]string{"caseworker": "Myndighedssagsbehandler", "jobcenter": "Jobcenter",
		"addiction": "Misbrugsbehandling", "psychiatry": "Psykiatri", "gp": "Egen læge", "dentist": "Tandlæge",
		"housing": "Boligorganisation", "probation": "Kriminalforsorgen", "shelter": "Herberg eller forsorgshjem",
		"family": "Familie", "friend": "Ven", "other": "Andet"}
	advocacyLabels = map[string]string{"open": "I gang", "resolved": "Løst", "stuck": "Fastlåst – arbejdes videre"}
)

// insertVersions signs the plan of every course past visitation about a month in and again
// after every second evaluation. Each snapshot shows the plan as it stood that day: later
// sub-goals' statuses differ, so versions have something to compare.
func (g *gen) insertVersions(ctx context.Context, st *store.Store) error {
	var rows []*store.PlanVersion
	for _, c := range g.courses {
		if c.visitStage || len(c.goals) == 0 {
			continue
		}
		days := []time.Time{c.at(35)}
		for i := 1; i < len(c.evals) && len(days) < 8; i += 2 {
			d, _ := time.Parse(domain.DateLayout, c.evals[i].Date)
			days = append(days, d.AddDate(0, 0, 3))
		}
		for i, day := range days {
			if day.After(c.end) {
				break
			}
			v, err := g.version(c, i+1, day)
			if err != nil {
				return err
			}
			rows = append(rows, v)
			c.versions = append(c.versions, v)
		}
	}
	return g.insert(ctx, st, "plan_versions", rows)
}

func (g *gen) version(c *course, no int, day time.Time) (*store.PlanVersion, error) {
	date := g.day(day)
	doc := plandoc.Plan{FormatVersion: plandoc.Version, Municipality: g.team.Municipality, Team: g.team.Name,
		Citizen: c.citizen.Name, Worker: c.worker.Name, CourseStart: c.row.StartDate, VersionNo: no, Wishes: c.wishes,
		Goals: []plandoc.Goal{}, Activities: []plandoc.Activity{}, Network: []plandoc.Contact{}, Actions: []plandoc.Action{},
		Advocacy: []plandoc.AdvocacyCase{}, WHO5: []plandoc.WHO5Point{}, ActionPlan141: "Der er en handleplan"}
	if c.citizen.CPR != nil {
		doc.CitizenCPR = domain.MaskCPR(*c.citizen.CPR)
	}
	for _, gr := range c.goals {
		gd := plandoc.Goal{CitizenWords: gr.row.CitizenWords, Area: areaLabels[gr.row.Area], ActionPlanGoal: gr.row.ActionPlanGoal,
			SubGoals: []plandoc.SubGoal{}}
		for _, s := range gr.subs {
			status := s.Status
			if *s.Deadline > date {
				status = "in_progress"
			}
			gd.SubGoals = append(gd.SubGoals, plandoc.SubGoal{What: s.What, Measure: s.Measure, Owner: s.Owner,
				Deadline: *s.Deadline, Status: statusLabels[status]})
		}
		doc.Goals = append(doc.Goals, gd)
	}
	for _, a := range c.activities {
		doc.Activities = append(doc.Activities, plandoc.Activity{What: a.What, Frequency: a.Frequency, Owner: a.Owner})
	}
	for _, n := range c.contacts {
		if n.Active {
			doc.Network = append(doc.Network, plandoc.Contact{Kind: contactLabels[n.Kind], Name: n.Name, Organisation: n.Organisation,
				Role: n.Role, Phone: n.Phone})
		}
	}
	for i := len(c.meetings) - 1; i >= 0; i-- { // newest meeting first
		if m := c.meetings[i]; m.row.Date <= date {
			for _, a := range m.actions {
				doc.Actions = append(doc.Actions, plandoc.Action{Action: a.Action, Owner: a.Owner, Deadline: *a.Deadline,
					Done: a.Done && *a.Deadline <= date})
			}
		}
	}
	for _, a := range c.advocacy {
		if a.Opened <= date {
			doc.Advocacy = append(doc.Advocacy, plandoc.AdvocacyCase{Barrier: a.Barrier, Towards: a.Towards, Actions: a.Actions,
				Outcome: a.Outcome, Status: advocacyLabels[a.Status]})
		}
	}
	var last *time.Time
	for _, e := range c.evals {
		if d, _ := time.Parse(domain.DateLayout, e.Date); e.Date <= date {
			last = &d
		}
	}
	doc.NextEvaluation = g.day(domain.NextEvaluationDue(c.start, last))
	var prev *int
	for _, w := range c.who5 {
		if w.Date <= date {
			pct := domain.ScoreWHO5(w.Items(), prev).Percent
			prev = &pct
			doc.WHO5 = append(doc.WHO5, plandoc.WHO5Point{Date: w.Date, Percent: pct})
		}
	}
	signedAt := g.stamp(day)
	method := g.pick([]string{"paper", "in_person"})
	doc.Signature = &plandoc.Signature{CitizenName: c.citizen.Name, CitizenDate: date, WorkerName: c.worker.Name,
		WorkerDate: date, Method: map[string]string{"paper": "Underskrevet på papir ved et møde", "in_person": "Bekræftet personligt"}[method],
		SignedAt: signedAt.Format(time.RFC3339)}
	row := &store.PlanVersion{CourseID: c.row.ID, VersionNo: no, SignedAt: signedAt, CitizenName: c.citizen.Name,
		CitizenDate: date, Method: method, WorkerID: c.worker.ID, WorkerDate: date, CreatedAt: signedAt}
	if g.rng.IntN(5) < 3 {
		row.LeadID, row.LeadDate = &g.lead.ID, &date
		doc.Signature.LeadName, doc.Signature.LeadDate = g.lead.Name, date
	}
	if g.rng.IntN(6) == 0 {
		row.CitizenComment = "Borgeren vil gerne have flere besøg i weekenden."
		doc.Signature.CitizenComment = row.CitizenComment
	}
	b, err := json.Marshal(doc)
	row.Snapshot = string(b)
	return row, err
}

// insertTemplate writes the team's method template with an answer to every element and
// three signed versions over the years.
func (g *gen) insertTemplate(ctx context.Context, st *store.Store) error {
	var elems []*store.TemplateElement
	doc := plandoc.Template{FormatVersion: plandoc.TemplateVersion, Municipality: g.team.Municipality, Team: g.team.Name}
	updated := g.today.AddDate(0, -2, 0)
	for i, code := range domain.TemplateElements {
		status := string(domain.TemplateAgreed)
		if i%5 == 4 {
			status = string(domain.TemplateDraft)
		}
		e := &store.TemplateElement{Element: string(code), Status: status, UpdatedAt: g.stamp(updated),
			Answer: "Sådan gør vi i teamet: vi aftaler det på teammødet, skriver det ind her og følger op hvert halve år."}
		elems = append(elems, e)
		txt := domain.TemplateTexts[code]
		doc.Elements = append(doc.Elements, plandoc.TemplateElement{Code: string(code), Name: txt.Name,
			Requirement: txt.Requirement, Answer: e.Answer, Status: e.Status, UpdatedAt: e.UpdatedAt.Format(time.RFC3339)})
	}
	if err := g.insert(ctx, st, "template_elements", elems); err != nil {
		return err
	}
	var versions []*store.TemplateVersion
	for no := 1; no <= 3; no++ {
		day := g.today.AddDate(-g.cfg.Years+no*3, 0, 0)
		signedAt := g.stamp(day)
		doc.VersionNo = no
		doc.Signature = &plandoc.TemplateSignature{LeadID: g.lead.ID, LeadName: g.lead.Name, Date: g.day(day),
			SignedAt: signedAt.Format(time.RFC3339), Note: "Gennemgået på teamets temadag."}
		b, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		versions = append(versions, &store.TemplateVersion{VersionNo: no, Snapshot: string(b), SignedAt: signedAt,
			LeadID: g.lead.ID, SignDate: g.day(day), Note: doc.Signature.Note, CreatedAt: signedAt})
	}
	return g.insert(ctx, st, "template_versions", versions)
}
