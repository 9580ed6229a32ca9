package service

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"icm/backend/benchdata"
	"icm/backend/domain"
	"icm/backend/store"
)

// referenceFacts is the overview's facts of one course the plain way: every step through the
// wizard's own loaders, the contacts counted from the course's notes. The overview loads
// all courses at once with fewer columns (store.OverviewRows); the two must agree.
func referenceFacts(t *testing.T, st *store.Store, env *overviewEnv, c *store.Course) *courseFacts {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cit, err := st.GetCitizen(ctx, c.CitizenID)
	must(err)
	f := &courseFacts{course: c, citizen: cit, worker: env.workers[c.WorkerID]}
	v, err := st.GetVisitation(ctx, c.ID)
	must(err)
	f.housingAtStart = v.HousingAtStart
	rows, err := st.ListAssessment(ctx, c.ID)
	must(err)
	plan, err := loadPlan(ctx, st, c.ID, env.now)
	must(err)
	coord, err := loadCoordination(ctx, st, c.ID)
	must(err)
	adv, err := loadAdvocacy(ctx, st, c.ID)
	must(err)
	f.followUp, err = loadFollowUp(ctx, st, c, env.now)
	must(err)
	latest, err := st.LatestPlanVersion(ctx, c.ID)
	must(err)
	notes, err := st.ListNotes(ctx, c.ID, 0)
	must(err)
	filled := assessmentFilled(rows)
	facts := domain.FidelityFacts{HasWorker: f.worker != nil, AssessmentFilled: filled,
		ActionPlan: domain.ActionPlanStatus(v.ActionPlan), ContactGapLimit: env.limit}
	for _, n := range notes {
		if slices.Contains(contactKinds(), n.Kind) {
			facts.Contacts++
			if domain.NoteKind(n.Kind).IsWhereCitizenIs(domain.NoteLocation(n.Location)) {
				facts.LocalContacts++
			}
		}
	}
	f.steps = []StepStatusDTO{
		completenessDTO(domain.StepVisitation, visitationDomain(v).Completeness()),
		completenessDTO(domain.StepAssessment, domain.AssessmentCompleteness(filled)),
		plan.Completeness, coord.Completeness, adv.Completeness, f.followUp.Completeness,
	}
	if f.worker != nil {
		facts.WorkerActive, facts.WorkerOpen = f.worker.Active, env.open[f.worker.ID]
		facts.WorkerFTE = domain.FTE(f.worker.FTEHundredths)
	}
	facts.OverrideReason = c.OverrideReason
	if latest != nil {
		f.signed, facts.SignedPlanVersions = true, latest.VersionNo
	}
	for _, g := range plan.Goals {
		facts.GoalWords = append(facts.GoalWords, g.CitizenWords)
		if g.ActionPlanGoal != "" {
			facts.LinkedGoals++
		}
	}
	facts.Start, _ = time.Parse(domain.DateLayout, c.StartDate)
	for _, e := range f.followUp.Evaluations {
		if d, err := time.Parse(domain.DateLayout, e.Date); err == nil && (facts.LastEvaluation == nil || d.After(*facts.LastEvaluation)) {
			facts.LastEvaluation = &d
		}
	}
	gap := f.followUp.ContactGap
	facts.ContactGap = domain.ContactGap{Days: gap.Days, Over: gap.Over, NoneYet: gap.NoneYet}
	lastMeeting, open := "", 0
	for _, m := range coord.Meetings {
		lastMeeting = max(lastMeeting, m.Date)
	}
	for _, a := range adv.Cases {
		if a.Status != string(domain.AdvocacyResolved) && a.Actions == "" {
			open++
		}
	}
	active := 0
	for _, n := range coord.Contacts {
		if n.Active {
			active++
		}
	}
	setNetworkFacts(&facts, active, lastMeeting, len(adv.Cases), open)
	f.fidelity = domain.CheckFidelity(facts, env.now)
	return f
}

// TestOverviewFactsMatchTheCoursePages checks the team overview's batch loads against the
// wizard's loaders for every course of a generated team (open and closed), plus a course
// with nothing filled in and an assessment topic whose latest revision was emptied.
func TestOverviewFactsMatchTheCoursePages(t *testing.T) {
	f := newFixture(t)
	ctx, st := context.Background(), f.d.Store
	if _, err := benchdata.Generate(ctx, st, benchdata.Config{Citizens: 24, Courses: 48, OpenCourses: 12, Notes: 1200,
		Workers: 5, ActiveWorkers: 3, Years: 6, Now: testNow, Seed: 99}); err != nil {
		t.Fatal(err)
	}
	empty := f.course(t, f.lead.ID, "Ny Borger")
	all, err := st.ListCourses(ctx, store.FindCourse{})
	if err != nil {
		t.Fatal(err)
	}
	// Empty the latest revision of one topic in a few courses: the topic then counts as
	// not filled in, whatever earlier revisions hold; in others keep only its barriers.
	emptied := 0
	for i, c := range all[:12] {
		rows, err := st.ListAssessment(ctx, c.ID)
		if err != nil || len(rows) == 0 {
			continue
		}
		if l := latestRevision(rows, rows[0].Topic); l != nil {
			l.CitizenView, l.WorkerView, l.Resources, l.Needs, l.Barriers = "", "", "", "", ""
			if i%2 == 1 {
				l.Barriers = "Dårlige erfaringer med myndighederne."
			}
			if err := st.Save(ctx, l); err != nil {
				t.Fatal(err)
			}
			emptied++
		}
	}
	if emptied == 0 {
		t.Fatal("no assessment to empty")
	}
	env, err := loadOverviewEnv(ctx, st, testNow)
	if err != nil {
		t.Fatal(err)
	}
	batch, err := loadCoursesFacts(ctx, st, env, all)
	if err != nil {
		t.Fatal(err)
	}
	sawEmpty, sawUnfilled := false, false
	for i, c := range all {
		want, got := referenceFacts(t, st, env, &all[i]), batch[i]
		sawEmpty = sawEmpty || c.ID == empty.ID
		if !reflect.DeepEqual(got.steps, want.steps) {
			t.Errorf("course %d steps:\n got %+v\nwant %+v", c.ID, got.steps, want.steps)
		}
		if !reflect.DeepEqual(got.fidelity, want.fidelity) {
			t.Errorf("course %d fidelity:\n got %+v\nwant %+v", c.ID, got.fidelity, want.fidelity)
		}
		gf, wf := got.followUp, want.followUp
		// The overview loads the latest evaluation only.
		if gf.NextEvaluationDue != wf.NextEvaluationDue || gf.EvaluationState != wf.EvaluationState ||
			gf.ContactGap != wf.ContactGap || !reflect.DeepEqual(gf.Completeness, wf.Completeness) ||
			len(gf.Evaluations) != min(1, len(wf.Evaluations)) || len(gf.WHO5) != len(wf.WHO5) ||
			(len(gf.Evaluations) == 1 && gf.Evaluations[0].Date != wf.Evaluations[len(wf.Evaluations)-1].Date) {
			t.Errorf("course %d follow-up:\n got %+v\nwant %+v", c.ID, gf, wf)
		}
		for k := range gf.WHO5 {
			if gf.WHO5[k].Date != wf.WHO5[k].Date || gf.WHO5[k].Percent != wf.WHO5[k].Percent {
				t.Errorf("course %d WHO-5 %d: %+v, want %+v", c.ID, k, gf.WHO5[k], wf.WHO5[k])
			}
		}
		if got.signed != want.signed || got.housingAtStart != want.housingAtStart ||
			got.citizen.Name != want.citizen.Name || got.citizen.Housing != want.citizen.Housing {
			t.Errorf("course %d: got %+v, want %+v", c.ID, got, want)
		}
		sawUnfilled = sawUnfilled || got.steps[1].Done < got.steps[1].Total
	}
	if !sawEmpty || !sawUnfilled {
		t.Errorf("the empty course (%v) or an unfilled assessment (%v) was not among the courses", sawEmpty, sawUnfilled)
	}
}
