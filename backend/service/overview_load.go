package service

import (
	"context"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// overviewEnv is what every course's overview facts share: loaded once per overview, so
// that only the per-course step loaders run once per course.
type overviewEnv struct {
	now       time.Time
	limit     int
	workers   map[uint]*store.Worker
	open      map[uint]int      // open courses per worker
	overrides map[uint][]string // recorded override reasons per worker (open courses)
	citizens  map[uint]*store.Citizen
}

func loadOverviewEnv(ctx context.Context, st *store.Store, now time.Time) (*overviewEnv, error) {
	env := &overviewEnv{now: now, workers: map[uint]*store.Worker{}, overrides: map[uint][]string{},
		citizens: map[uint]*store.Citizen{}}
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
	ovs, err := st.ListOverrides(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range ovs {
		env.overrides[o.WorkerID] = append(env.overrides[o.WorkerID], o.CitizenName+": "+o.Reason)
	}
	rows, err := st.ListCitizens(ctx)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		env.citizens[rows[i].ID] = &rows[i].Citizen
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

// loadCourseFacts reuses the step loaders of the wizard, so that the overview and the
// course page never disagree about a step.
func loadCourseFacts(ctx context.Context, st *store.Store, env *overviewEnv, c *store.Course) (*courseFacts, error) {
	f := &courseFacts{course: c, citizen: env.citizens[c.CitizenID], worker: env.workers[c.WorkerID]}
	if f.citizen == nil {
		cit, err := st.GetCitizen(ctx, c.CitizenID)
		if err != nil {
			return nil, err
		}
		f.citizen = cit
	}
	v, err := st.GetVisitation(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	f.housingAtStart = v.HousingAtStart
	rows, err := st.ListAssessment(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	plan, err := loadPlan(ctx, st, c.ID, env.now)
	if err != nil {
		return nil, err
	}
	coord, err := loadCoordination(ctx, st, c.ID)
	if err != nil {
		return nil, err
	}
	adv, err := loadAdvocacy(ctx, st, c.ID)
	if err != nil {
		return nil, err
	}
	if f.followUp, err = loadFollowUp(ctx, st, c, env.now); err != nil {
		return nil, err
	}
	latest, err := st.LatestPlanVersion(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	locs, err := st.LocationCounts(ctx, c.ID, contactKinds())
	if err != nil {
		return nil, err
	}
	filled := assessmentFilled(rows)
	f.steps = []StepStatusDTO{
		completenessDTO(domain.StepVisitation, visitationDomain(v).Completeness()),
		completenessDTO(domain.StepAssessment, domain.AssessmentCompleteness(filled)),
		plan.Completeness, coord.Completeness, adv.Completeness, f.followUp.Completeness,
	}

	facts := domain.FidelityFacts{HasWorker: f.worker != nil, AssessmentFilled: filled,
		ActionPlan: domain.ActionPlanStatus(v.ActionPlan), ContactGapLimit: env.limit}
	if f.worker != nil {
		facts.WorkerActive = f.worker.Active
		facts.WorkerOpen = env.open[f.worker.ID]
		facts.WorkerFTE = domain.FTE(f.worker.FTEHundredths)
		facts.OverrideReason = strings.Join(env.overrides[f.worker.ID], " · ")
	}
	if latest != nil {
		f.signed = true
		facts.SignedPlanVersions = latest.VersionNo
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
	for loc, n := range locs {
		facts.Contacts += n
		if domain.NoteLocation(loc).InCitizensSurroundings() {
			facts.LocalContacts += n
		}
	}
	f.fidelity = domain.CheckFidelity(facts, env.now)
	return f, nil
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
