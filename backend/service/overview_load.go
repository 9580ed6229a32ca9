package service

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// overviewEnv is what every course's overview facts share, loaded once per overview.
type overviewEnv struct {
	now     time.Time
	limit   int
	workers map[uint]*store.Worker
	open    map[uint]int // open courses per worker
}

func loadOverviewEnv(ctx context.Context, st *store.Store, now time.Time) (*overviewEnv, error) {
	env := &overviewEnv{now: now, workers: map[uint]*store.Worker{}}
	var err error
	if env.limit, err = contactGapLimit(ctx, st); err != nil {
		return nil, err
	}
	ws, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, err
	}
	for i := range ws {
		env.workers[ws[i].ID] = &ws[i]
	}
	if env.open, err = st.OpenCourseCounts(ctx); err != nil {
		return nil, err
	}
	return env, nil
}

// courseFacts is one course as the overview sees it.
type courseFacts struct {
	course         *store.Course
	citizen        *store.Citizen
	worker         *store.Worker // nil when the course has no worker on record
	housingAtStart string
	steps          []StepStatusDTO
	followUp       FollowUpDTO
	signed         bool
	fidelity       []domain.FidelityResult
}

// loadCourseFacts gives one course's facts, as loadCoursesFacts gives them for many.
func loadCourseFacts(ctx context.Context, st *store.Store, env *overviewEnv, c *store.Course) (*courseFacts, error) {
	fs, err := loadCoursesFacts(ctx, st, env, []store.Course{*c})
	if err != nil {
		return nil, err
	}
	return fs[0], nil
}

// loadCoursesFacts builds the courses' facts with the step builders of the wizard (planDTO,
// followUpDTO …), so that the overview and the course page never disagree about a step.
// The step DTOs are built from the overview's rows (see store.OverviewRows): complete in
// what the overview reads (completeness, dates, WHO-5, signals), not in their texts.
func loadCoursesFacts(ctx context.Context, st *store.Store, env *overviewEnv, courses []store.Course) ([]*courseFacts, error) {
	ids := make([]uint, len(courses))
	for i := range courses {
		ids[i] = courses[i].ID
	}
	rows, err := st.OverviewRowsOf(ctx, ids, overviewContactKinds()) // one query per table, not some 25 per course
	if err != nil {
		return nil, err
	}
	routines, err := loadRoutinesOf(ctx, st, ids, env.now)
	if err != nil {
		return nil, err
	}
	// Building the facts only reads the rows: the courses are shared out between the cores.
	out, errs := make([]*courseFacts, len(courses)), make([]error, len(courses))
	workers := min(runtime.GOMAXPROCS(0), len(courses))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(courses); i += workers {
				out[i], errs[i] = courseFactsOf(env, &courses[i], rows, routines[courses[i].ID])
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

func courseFactsOf(env *overviewEnv, c *store.Course, r *store.OverviewRows, rr routineRows) (*courseFacts, error) {
	f := &courseFacts{course: c, citizen: r.Citizens[c.CitizenID], worker: env.workers[c.WorkerID]}
	if f.citizen == nil {
		return nil, domain.E(domain.CodeNotFound, "the course's citizen is missing")
	}
	id := c.ID
	v := r.Visitations[id]
	f.housingAtStart = v.HousingAtStart
	plan := planDTO(id, r.Goals[id], r.SubGoals[id], r.Activities[id], env.now)
	nc := r.Network[id] // counted as coordinationDTO counts them
	coord := completenessDTO(domain.StepCoordination, domain.CoordinationCompleteness(nc.Active, nc.Caseworkers, r.Meetings[id]))
	ac := r.Advocacy[id] // counted as advocacyDTO counts them
	adv := completenessDTO(domain.StepAdvocacy, domain.AdvocacyCompleteness(ac.Cases, ac.OpenWithoutActions))
	contacts := r.Contacts[id]
	sig := signalsOf(c, r.Evaluations[id], contactDay(contacts.Last), env.limit, env.now)
	f.followUp = followUpDTO(c, followUpRows{evals: r.Evaluations[id], subs: r.SubGoals[id], who: r.WHO5[id],
		weekly: r.LastWeekly[id], routines: rr}, sig, env.now)
	latest := r.LatestVersion[id]
	filled := map[domain.LifeArea]bool{} // as assessmentFilled reads the revisions
	for _, t := range domain.AssessmentTopics {
		if r.Assessment[id][string(t)] {
			filled[t] = true
		}
	}
	f.steps = []StepStatusDTO{
		completenessDTO(domain.StepVisitation, visitationDomain(v).Completeness()),
		completenessDTO(domain.StepAssessment, domain.AssessmentCompleteness(filled)),
		plan.Completeness, coord, adv, f.followUp.Completeness,
	}

	facts := domain.FidelityFacts{HasWorker: f.worker != nil, AssessmentFilled: filled,
		ActionPlan: domain.ActionPlanStatus(v.ActionPlan), ContactGapLimit: env.limit}
	if f.worker != nil {
		facts.WorkerActive = f.worker.Active
		facts.WorkerOpen = env.open[f.worker.ID]
		facts.WorkerFTE = domain.FTE(f.worker.FTEHundredths)
	}
	// The reason shown with this course's caseload is the one recorded on this course: the
	// worker's other courses and their citizens are not this course's business.
	facts.OverrideReason = c.OverrideReason
	if latest > 0 {
		f.signed = true
		facts.SignedPlanVersions = latest
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
	facts.Contacts, facts.LocalContacts = contacts.Total, contacts.Local
	setNetworkFacts(&facts, nc.Active, r.LastMeeting[id], ac.Cases, ac.OpenWithoutActions)
	f.fidelity = domain.CheckFidelity(facts, env.now)
	return f, nil
}

// setNetworkFacts fills in what the coordination and advocacy rules look at.
func setNetworkFacts(f *domain.FidelityFacts, activeNetwork int, lastMeeting string, barriers, openWithoutActions int) {
	f.ActiveNetwork, f.Barriers, f.OpenBarriersNoAction = activeNetwork, barriers, openWithoutActions
	if d, err := time.Parse(domain.DateLayout, lastMeeting); err == nil {
		f.LastMeeting = &d
	}
}

// loadRoutinesOf loads the contact frequencies, the recent contact notes and the latest
// case review of many courses, three queries in all.
func loadRoutinesOf(ctx context.Context, st *store.Store, ids []uint, now time.Time) (map[uint]routineRows, error) {
	freqs, err := st.ContactFrequenciesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	notes, err := st.ContactNotesSince(ctx, ids, contactWeeksFrom(now), keepsContactKinds())
	if err != nil {
		return nil, err
	}
	last, err := st.LastCaseReviews(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]routineRows, len(ids))
	for _, id := range ids {
		out[id] = routineRows{freqs: freqs[id], notes: notes[id], lastReview: last[id]}
	}
	return out, nil
}

// fidelityDTO converts the fidelity results of one course.
func fidelityDTO(f *courseFacts) CourseFidelityDTO {
	out := CourseFidelityDTO{CourseID: f.course.ID, CitizenName: f.citizen.Name, Status: f.course.Status,
		StartDate: f.course.StartDate, Results: make([]RuleResultDTO, 0, len(f.fidelity)), Total: len(f.fidelity)}
	if f.worker != nil {
		out.WorkerName, out.WorkerInitials = f.worker.Name, f.worker.Initials
	}
	for _, r := range f.fidelity {
		if r.Pass {
			out.Passed++
		}
		out.Results = append(out.Results, RuleResultDTO{Rule: string(r.Rule), Pass: r.Pass, Reason: string(r.Reason),
			Step: string(r.Step), Params: r.Params})
	}
	return out
}

func (f *courseFacts) ref() CourseRefDTO {
	r := CourseRefDTO{CourseID: f.course.ID, CitizenName: f.citizen.Name}
	if f.worker != nil {
		r.WorkerInitials = f.worker.Initials
	}
	return r
}

// firstOpenStep is the first method step that is not yet filled in, "complete" when all are.
func (f *courseFacts) firstOpenStep() string {
	for _, s := range f.steps {
		if s.Total > 0 && s.Done < s.Total {
			return s.Step
		}
	}
	return StepComplete
}

// StepComplete is the step bucket of courses where every method step is filled in.
const StepComplete = "complete"

// overviewContactKinds says which notes count as contact, keep the contact and count as
// where the citizen is, as the domain rules say.
func overviewContactKinds() store.ContactKinds {
	k := store.ContactKinds{Contact: contactKinds(), Keeps: keepsContactKinds()}
	for _, l := range domain.NoteLocations {
		if l.InCitizensSurroundings() {
			k.LocalPlaces = append(k.LocalPlaces, string(l))
		}
	}
	for _, c := range domain.NoteKinds {
		if c.IsWhereCitizenIs(domain.LocationOther) {
			k.AnywhereLocal = append(k.AnywhereLocal, string(c))
		}
	}
	return k
}
