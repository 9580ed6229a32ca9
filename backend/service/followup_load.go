package service

import (
	"context"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// SettingContactGapDays is the settings key of the team's limit for days without contact.
const SettingContactGapDays = "contact_gap_days"

// contactGapLimit reads the team's limit, falling back to the method's default of 14 days.
func contactGapLimit(ctx context.Context, st *store.Store) (int, error) {
	v, err := st.GetSetting(ctx, SettingContactGapDays, strconv.Itoa(domain.DefaultContactGapDays))
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return domain.DefaultContactGapDays, nil
	}
	return n, nil
}

// courseSignals computes the contact gap and the evaluation rhythm of one course.
type courseSignals struct {
	gap      ContactGapDTO
	due      time.Time
	dueState domain.EvaluationState
	lastEval *time.Time
}

func loadSignals(ctx context.Context, st *store.Store, c *store.Course, evals []store.Evaluation, now time.Time) (courseSignals, error) {
	last, err := lastContactDate(ctx, st, c.ID)
	if err != nil {
		return courseSignals{}, err
	}
	limit, err := contactGapLimit(ctx, st)
	if err != nil {
		return courseSignals{}, err
	}
	return signalsOf(c, evals, last, limit, now), nil
}

// signalsOf computes the signals from the course's evaluations, the day of its latest
// contact (nil for none) and the team's contact-gap limit.
func signalsOf(c *store.Course, evals []store.Evaluation, last *time.Time, limit int, now time.Time) courseSignals {
	start, _ := time.Parse(domain.DateLayout, c.StartDate)
	var sig courseSignals
	for _, e := range evals {
		d, err := time.Parse(domain.DateLayout, e.Date)
		if err == nil && (sig.lastEval == nil || d.After(*sig.lastEval)) {
			sig.lastEval = &d
		}
	}
	sig.due = domain.NextEvaluationDue(start, sig.lastEval)
	sig.dueState = domain.EvaluationStatus(sig.due, now)
	today := now
	if c.EndDate != nil { // a closed course is judged as of its end
		if end, err := time.Parse(domain.DateLayout, *c.EndDate); err == nil {
			today = end
		}
	}
	g := domain.CheckContactGap(start, last, today, limit)
	sig.gap = ContactGapDTO{Days: g.Days, LimitDays: limit, Over: g.Over && domain.CourseStatus(c.Status).Open(),
		Since: g.Since.Format(domain.DateLayout), NoneYet: g.NoneYet}
	if !domain.CourseStatus(c.Status).Open() {
		sig.dueState = domain.EvaluationOK
	}
	return sig
}

// followUpRows are the rows the follow-up step is built from.
type followUpRows struct {
	evals    []store.Evaluation
	items    []store.EvaluationItem
	subs     []store.SubGoal
	who      []store.WHO5
	weekly   []store.WeeklyCheck
	closing  *store.Closing
	routines routineRows
}

func loadFollowUp(ctx context.Context, st *store.Store, c *store.Course, now time.Time) (FollowUpDTO, error) {
	out, _, err := loadFollowUpSignals(ctx, st, c, now)
	return out, err
}

// loadFollowUpSignals is loadFollowUp that also gives the signals it computed, for the
// course page, which shows them too.
func loadFollowUpSignals(ctx context.Context, st *store.Store, c *store.Course, now time.Time) (FollowUpDTO, courseSignals, error) {
	fail := func(err error) (FollowUpDTO, courseSignals, error) { return FollowUpDTO{}, courseSignals{}, err }
	var r followUpRows
	var err error
	if r.evals, err = st.ListEvaluations(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.items, err = st.ListEvaluationItems(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.subs, err = st.ListSubGoals(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.who, err = st.ListWHO5(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.weekly, err = st.ListWeeklyChecks(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.closing, err = st.GetClosing(ctx, c.ID); err != nil {
		return fail(err)
	}
	if r.routines, err = loadRoutineRows(ctx, st, c.ID, now); err != nil {
		return fail(err)
	}
	sig, err := loadSignals(ctx, st, c, r.evals, now)
	if err != nil {
		return fail(err)
	}
	return followUpDTO(c, r, sig, now), sig, nil
}

// followUpDTO builds the follow-up step from its rows and signals (see planDTO).
func followUpDTO(c *store.Course, r followUpRows, sig courseSignals, now time.Time) FollowUpDTO {
	evals, items, subs, who, weekly, closing := r.evals, r.items, r.subs, r.who, r.weekly, r.closing
	what := map[uint]string{}
	for _, sg := range subs {
		what[sg.ID] = sg.What
	}
	out := FollowUpDTO{CourseID: c.ID, NextEvaluationDue: sig.due.Format(domain.DateLayout), EvaluationState: string(sig.dueState),
		Evaluations: make([]EvaluationDTO, 0, len(evals)), WHO5: make([]WHO5DTO, 0, len(who)),
		WeeklyChecks: make([]WeeklyCheckDTO, 0, len(weekly)), ContactGap: sig.gap}
	for _, e := range evals {
		ed := EvaluationDTO{ID: e.ID, Date: e.Date, DueDate: e.DueDate, OnTime: e.Date <= e.DueDate, Summary: e.Summary,
			PlanChanges: e.PlanChanges, Items: []EvaluationItemDTO{}}
		for _, it := range items {
			if it.EvaluationID == e.ID {
				ed.Items = append(ed.Items, EvaluationItemDTO{SubGoalID: it.SubGoalID, SubGoalWhat: what[it.SubGoalID], Status: it.Status, Comment: it.Comment})
			}
		}
		out.Evaluations = append(out.Evaluations, ed)
	}
	var prev *int
	var lastWHO5, lastWeekly *time.Time
	for _, w := range who {
		sc := domain.ScoreWHO5(w.Items(), prev)
		pct := sc.Percent
		prev = &pct
		out.WHO5 = append(out.WHO5, WHO5DTO{ID: w.ID, Date: w.Date, Items: w.Items(), Raw: sc.Raw, Percent: sc.Percent,
			Change: sc.Change, Flags: strs(sc.Flags), Note: w.Note})
		lastWHO5 = parseStoredDate(&w.Date)
	}
	for i, w := range weekly {
		out.WeeklyChecks = append(out.WeeklyChecks, WeeklyCheckDTO{ID: w.ID, WeekStart: w.WeekStart, Substance: w.Substance, Mental: w.Mental, Note: w.Note})
		if i == 0 {
			lastWeekly = parseStoredDate(&w.WeekStart)
		}
	}
	if closing != nil {
		out.Closing = &ClosingDTO{EndDate: deref(c.EndDate), Reason: closing.Reason, AfterSupport: closing.AfterSupport,
			AfterNote: closing.AfterNote, HousingAtClose: closing.HousingAtClose, Note: closing.Note}
	}
	out.Completeness = completenessDTO(domain.StepFollowUp, domain.FollowUpCompleteness(domain.FollowUpFacts{
		EvaluationState: sig.dueState, Evaluations: len(evals), LastWHO5: lastWHO5, LastWeekly: lastWeekly,
		ContactOver: sig.gap.Over, NoContactYet: sig.gap.NoneYet}, now))
	addRoutines(&out, c, r.routines, now)
	return out
}
