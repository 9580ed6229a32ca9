package service

import (
	"context"
	"sort"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// OverviewService gives team leads the team overview and the ICM fidelity check computed
// from the data.
type OverviewService struct{ base }

// NewOverviewService builds the service.
func NewOverviewService(d Deps) *OverviewService { return &OverviewService{base{d}} }

// TeamOverview gives the whole team's picture over its open courses: caseloads, method
// steps, what is due, housing and WHO-5 outcomes, and the fidelity check per course and rule.
// It is logged as one view and one entry for each citizen it shows.
func (s *OverviewService) TeamOverview() (OverviewDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return OverviewDTO{}, err
	}
	ctx, now := s.ctx(), s.now()
	// Every figure comes from one read transaction: one consistent snapshot, so that the
	// headline and the charts beside it cannot disagree while a laptop or the sync writes.
	var out OverviewDTO
	var facts []*courseFacts
	err = st.ReadTx(ctx, func(tx *store.Store) error {
		var err error
		out, facts, err = s.teamOverview(ctx, tx, a, now)
		return err
	})
	if err != nil {
		return OverviewDTO{}, err
	}
	entries := []store.AuditEntry{auditEntry(a, AuditView, "team_overview", 0, 0, itoa(len(facts))+" open courses")}
	for _, f := range facts {
		entries = append(entries, auditEntry(a, AuditList, "team_overview", f.citizen.ID, f.course.ID, ""))
	}
	return out, st.AppendAudit(ctx, now, entries...)
}

// teamOverview reads the overview through st, which TeamOverview binds to one read
// transaction.
func (s *OverviewService) teamOverview(ctx context.Context, st *store.Store, a Actor, now time.Time) (OverviewDTO, []*courseFacts, error) {
	fail := func(err error) (OverviewDTO, []*courseFacts, error) { return OverviewDTO{}, nil, err }
	team, err := (&TeamService{s.base}).teamOverview(st, a)
	if err != nil {
		return fail(err)
	}
	env, err := loadOverviewEnv(ctx, st, now)
	if err != nil {
		return fail(err)
	}
	open := true
	courses, err := st.ListCourses(ctx, store.FindCourse{Open: &open})
	if err != nil {
		return fail(err)
	}
	facts, err := loadCoursesFacts(ctx, st, env, courses)
	if err != nil {
		return fail(err)
	}
	sort.SliceStable(facts, func(i, j int) bool { return domain.DanishLess(facts[i].citizen.Name, facts[j].citizen.Name) })

	out := OverviewDTO{Today: domain.Day(now).Format(domain.DateLayout), Team: team.Team, OpenCourses: len(facts),
		Capacity: team.Capacity, ContactGapLimit: env.limit, Caseloads: team.Caseloads,
		Evaluations: []EvaluationDueDTO{}, ContactGaps: []ContactGapRowDTO{}, Unsigned: []CourseRefDTO{},
		Fidelity: make([]CourseFidelityDTO, 0, len(facts))}
	out.Steps = stepCounts(facts)
	out.Housing = housingOverview(facts)
	if out.Housing.Retention, err = housingRetention(ctx, st, now); err != nil {
		return fail(err)
	}
	if out.Routines, err = teamRoutines(ctx, st, now); err != nil {
		return fail(err)
	}
	out.WHO5 = who5Overview(facts)
	for _, f := range facts {
		fu := f.followUp
		if fu.EvaluationState == string(domain.EvaluationDueSoon) || fu.EvaluationState == string(domain.EvaluationOverdue) {
			due, _ := time.Parse(domain.DateLayout, fu.NextEvaluationDue)
			out.Evaluations = append(out.Evaluations, EvaluationDueDTO{CourseRefDTO: f.ref(), DueDate: fu.NextEvaluationDue,
				State: fu.EvaluationState, Days: int(due.Sub(domain.Day(now)).Hours() / 24)})
		}
		if fu.ContactGap.Over {
			out.ContactGaps = append(out.ContactGaps, ContactGapRowDTO{CourseRefDTO: f.ref(), Days: fu.ContactGap.Days,
				LimitDays: fu.ContactGap.LimitDays, Since: fu.ContactGap.Since, NoneYet: fu.ContactGap.NoneYet})
		}
		if !f.signed {
			out.Unsigned = append(out.Unsigned, f.ref())
		}
		out.Fidelity = append(out.Fidelity, fidelityDTO(f))
	}
	out.ContactIntensity = contactIntensityRows(facts)
	out.CaseReviews = caseReviewRows(facts, now)
	sort.SliceStable(out.Evaluations, func(i, j int) bool { return out.Evaluations[i].Days < out.Evaluations[j].Days })
	sort.SliceStable(out.ContactGaps, func(i, j int) bool { return out.ContactGaps[i].Days > out.ContactGaps[j].Days })
	out.FidelityTotals = fidelityTotals(out.Fidelity)
	return out, facts, nil
}

// CourseFidelity gives the fidelity check of one course, as the team overview computes it.
func (s *OverviewService) CourseFidelity(in IDInput) (CourseFidelityDTO, error) {
	if _, err := s.viewCourse(in.ID, "fidelity"); err != nil {
		return CourseFidelityDTO{}, err
	}
	return s.courseFidelity(in)
}

func (s *OverviewService) courseFidelity(in IDInput) (CourseFidelityDTO, error) {
	st, err := s.ready()
	if err != nil {
		return CourseFidelityDTO{}, err
	}
	ctx := s.ctx()
	c, err := st.GetCourse(ctx, in.ID)
	if err != nil {
		return CourseFidelityDTO{}, err
	}
	env, err := loadOverviewEnv(ctx, st, s.now())
	if err != nil {
		return CourseFidelityDTO{}, err
	}
	f, err := loadCourseFacts(ctx, st, env, c)
	if err != nil {
		return CourseFidelityDTO{}, err
	}
	return fidelityDTO(f), nil
}

// stepCounts counts the open courses by their first method step that is not filled in.
// That says more than the course status (visitation/active): it shows where the team's
// courses are stuck in the method, and "complete" shows the courses where nothing lacks.
func stepCounts(facts []*courseFacts) []StepCountDTO {
	n := map[string]int{}
	for _, f := range facts {
		n[f.firstOpenStep()]++
	}
	out := make([]StepCountDTO, 0, len(domain.Steps)+1)
	for _, s := range domain.Steps {
		out = append(out, StepCountDTO{Step: string(s), Count: n[string(s)]})
	}
	return append(out, StepCountDTO{Step: StepComplete, Count: n[StepComplete]})
}

func isOwnHome(h string) bool { return domain.IsOwnHome(domain.Housing(h)) }

// housingOverview counts housing at the start and now in every category, the method's
// order first and "not recorded" last (only when it occurs).
func housingOverview(facts []*courseFacts) HousingOverviewDTO {
	start, now := map[string]int{}, map[string]int{}
	out := HousingOverviewDTO{Total: len(facts), Categories: []HousingCountDTO{}}
	for _, f := range facts {
		start[f.housingAtStart]++
		now[f.citizen.Housing]++
		if isOwnHome(f.housingAtStart) {
			out.OwnHomeStart++
		}
		if isOwnHome(f.citizen.Housing) {
			out.OwnHomeNow++
		}
	}
	cats := append(append([]domain.Housing{}, domain.Housings...), domain.HousingUnknownStatus)
	for _, h := range cats {
		k := string(h)
		if h == domain.HousingUnknownStatus && start[k] == 0 && now[k] == 0 {
			continue
		}
		out.Categories = append(out.Categories, HousingCountDTO{Housing: k, Start: start[k], Now: now[k]})
	}
	return out
}

// housingRetention counts the headline outcome over every citizen's housing history and
// courses, closed ones included: keeping a home is measured long after moving in.
func housingRetention(ctx context.Context, st *store.Store, now time.Time) (HousingRetentionDTO, error) {
	events, err := st.AllHousingEvents(ctx)
	if err != nil {
		return HousingRetentionDTO{}, err
	}
	courses, err := st.CoursePeriods(ctx)
	if err != nil {
		return HousingRetentionDTO{}, err
	}
	periods := map[uint][]domain.CoursePeriod{}
	for _, c := range courses {
		if start := parseStoredDate(&c.StartDate); start != nil {
			periods[c.CitizenID] = append(periods[c.CitizenID], domain.CoursePeriod{Start: *start, End: parseStoredDate(c.EndDate)})
		}
	}
	citizens := make([]domain.CitizenHousing, 0, len(events))
	for id, evs := range events {
		citizens = append(citizens, domain.CitizenHousing{Entries: housingEntries(evs), Courses: periods[id]})
	}
	r := domain.HousingRetentionOf(citizens, now)
	out := HousingRetentionDTO{MovedIn: r.MovedIn, Kept: make([]HousingKeptDTO, 0, len(r.Kept))}
	for _, k := range r.Kept {
		out.Kept = append(out.Kept, HousingKeptDTO{Months: k.Months, Eligible: k.Eligible, Kept: k.Kept})
	}
	return out, nil
}

// WHO-5 buckets: 0-28 suggests depression, 29-50 poor well-being, 51-100 good.
var who5Buckets = []WHO5BucketDTO{{Key: "low", From: 0, To: 28}, {Key: "poor", From: 29, To: 50}, {Key: "good", From: 51, To: 100}}

// WHO5ChangePoints is the change in WHO-5 points that counts as better or worse.
const WHO5ChangePoints = 10

func who5Overview(facts []*courseFacts) WHO5OverviewDTO {
	out := WHO5OverviewDTO{Buckets: append([]WHO5BucketDTO{}, who5Buckets...)}
	for _, f := range facts {
		w := f.followUp.WHO5 // oldest first
		if len(w) == 0 {
			out.NoScore++
			continue
		}
		last := w[len(w)-1].Percent
		for i := range out.Buckets {
			if last >= out.Buckets[i].From && last <= out.Buckets[i].To {
				out.Buckets[i].Count++
			}
		}
		if len(w) == 1 {
			out.SingleScore++
			continue
		}
		switch d := last - w[0].Percent; {
		case d >= WHO5ChangePoints:
			out.Improved++
		case d <= -WHO5ChangePoints:
			out.Worsened++
		default:
			out.Stable++
		}
	}
	return out
}

func fidelityTotals(rows []CourseFidelityDTO) []RuleTotalDTO {
	out := make([]RuleTotalDTO, 0, len(domain.FidelityRules))
	for i, r := range domain.FidelityRules {
		t := RuleTotalDTO{Rule: string(r), Total: len(rows)}
		for _, row := range rows {
			if i < len(row.Results) && row.Results[i].Pass {
				t.Pass++
			}
		}
		out = append(out, t)
	}
	return out
}
