package service

import (
	"context"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// FollowUpService keeps the follow-up (opfølgning): three-monthly evaluations, WHO-5,
// the weekly check of substance use and mental state, and closing the course.
type FollowUpService struct{ base }

// NewFollowUpService builds the service.
func NewFollowUpService(d Deps) *FollowUpService { return &FollowUpService{base{d}} }

// GetFollowUp returns the follow-up step with the next evaluation date and contact gap.
func (s *FollowUpService) GetFollowUp(in IDInput) (FollowUpDTO, error) {
	if _, err := s.viewCourse(in.ID, "follow_up"); err != nil {
		return FollowUpDTO{}, err
	}
	return s.getFollowUp(in)
}

func (s *FollowUpService) getFollowUp(in IDInput) (FollowUpDTO, error) {
	st, err := s.ready()
	if err != nil {
		return FollowUpDTO{}, err
	}
	c, err := st.GetCourse(s.ctx(), in.ID)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return loadFollowUp(s.ctx(), st, c, s.now())
}

// SaveEvaluation stores an evaluation, its due date from the course's rhythm, and moves
// each evaluated sub-goal to the status given.
func (s *FollowUpService) SaveEvaluation(in EvaluationInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "evaluation", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return s.saveEvaluation(ch, in)
}

func (s *FollowUpService) saveEvaluation(ch *change, in EvaluationInput) (FollowUpDTO, error) {
	var p domain.Problems
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, s.today())
	e := store.Evaluation{ID: in.ID, CourseID: in.CourseID,
		Summary:     domain.CleanText(&p, "summary", in.Summary, 8000, false),
		PlanChanges: domain.CleanText(&p, "planChanges", in.PlanChanges, 8000, false)}
	if len(in.Items) > 500 {
		// Refused as a whole rather than with one error per item.
		p.Add("items", domain.CodeTooLong, "max", "500", "length", strconv.Itoa(len(in.Items)))
		in.Items = nil
	}
	items := make([]store.EvaluationItem, 0, len(in.Items))
	seen := map[uint]bool{}
	for i, it := range in.Items {
		f := "items." + strconv.Itoa(i) + "."
		status := domain.OneOf(&p, f+"status", domain.SubGoalStatus(it.Status), domain.SubGoalStatuses, true)
		comment := domain.CleanText(&p, f+"comment", it.Comment, 4000, false)
		if it.SubGoalID == 0 || seen[it.SubGoalID] {
			p.Add(f+"subGoalId", domain.CodeInvalidChoice)
		}
		seen[it.SubGoalID] = true
		items = append(items, store.EvaluationItem{SubGoalID: it.SubGoalID, Status: string(status), Comment: comment})
	}
	if err := p.Err(); err != nil {
		return FollowUpDTO{}, err
	}
	var out FollowUpDTO
	err := ch.commit(func(_ context.Context, tx *store.Store) error {
		ctx := s.ctx()
		c, err := writableCourse(ctx, tx, in.CourseID)
		if err != nil {
			return err
		}
		start, _ := time.Parse(domain.DateLayout, c.StartDate)
		if date.Before(start) {
			var p domain.Problems
			p.Add("date", domain.CodeDateOrder)
			return p.Err()
		}
		evals, err := tx.ListEvaluations(ctx, in.CourseID)
		if err != nil {
			return err
		}
		var prev *time.Time
		for _, ev := range evals {
			d, _ := time.Parse(domain.DateLayout, ev.Date)
			if ev.ID != in.ID && !d.After(*date) && (prev == nil || d.After(*prev)) {
				dd := d
				prev = &dd
			}
		}
		now := s.now()
		e.Date = date.Format(domain.DateLayout)
		e.DueDate = domain.NextEvaluationDue(start, prev).Format(domain.DateLayout)
		e.CreatedAt = now
		if in.ID != 0 {
			old, err := tx.GetEvaluation(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			e.CreatedAt = old.CreatedAt
		}
		e.UpdatedAt = now
		if err := tx.Save(ctx, &e); err != nil {
			return err
		}
		for i := range items {
			sg, err := tx.GetSubGoal(ctx, items[i].SubGoalID)
			if err != nil {
				return err
			}
			g, err := tx.GetGoal(ctx, sg.GoalID)
			if err != nil {
				return err
			}
			if err := owned(g.CourseID, in.CourseID); err != nil {
				return err
			}
			items[i].EvaluationID = e.ID
			sg.Status, sg.UpdatedAt = items[i].Status, now
			if err := tx.Save(ctx, sg); err != nil {
				return err
			}
		}
		if err := tx.ReplaceEvaluationItems(ctx, e.ID, items); err != nil {
			return err
		}
		out, err = loadFollowUp(ctx, tx, c, now)
		return err
	})
	return out, err
}

// SaveWHO5 records a WHO-5 answer set.
func (s *FollowUpService) SaveWHO5(in WHO5Input) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "who5", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return s.saveWHO5(ch, in)
}

func (s *FollowUpService) saveWHO5(ch *change, in WHO5Input) (FollowUpDTO, error) {
	var p domain.Problems
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, s.today())
	domain.ValidateWHO5(&p, "items", in.Items)
	note := domain.CleanText(&p, "note", in.Note, 2000, false)
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		w := store.WHO5{CourseID: in.CourseID, Date: date.Format(domain.DateLayout), Item1: in.Items[0], Item2: in.Items[1],
			Item3: in.Items[2], Item4: in.Items[3], Item5: in.Items[4], Note: note, CreatedAt: s.now()}
		return tx.Save(ctx, &w)
	})
}

// DeleteWHO5 removes a WHO-5 answer set entered by mistake.
func (s *FollowUpService) DeleteWHO5(in ChildInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "who5", AuditDelete)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return s.deleteWHO5(ch, in)
}

func (s *FollowUpService) deleteWHO5(ch *change, in ChildInput) (FollowUpDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		rows, err := tx.ListWHO5(ctx, in.CourseID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.ID == in.ID {
				return tx.Delete(ctx, &store.WHO5{}, in.ID)
			}
		}
		return domain.E(domain.CodeNotFound, "no such WHO-5 score on this course")
	})
}

// SaveWeeklyCheck records (or corrects) the check of the week that contains Week.
func (s *FollowUpService) SaveWeeklyCheck(in WeeklyCheckInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "weekly_check", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return s.saveWeeklyCheck(ch, in)
}

func (s *FollowUpService) saveWeeklyCheck(ch *change, in WeeklyCheckInput) (FollowUpDTO, error) {
	var p domain.Problems
	day := domain.ParseDate(&p, "week", in.Week, true, domain.MinCourseDate, s.today())
	for field, v := range map[string]int{"substance": in.Substance, "mental": in.Mental} {
		if v < 0 || v > domain.WeeklyScaleMax {
			p.Add(field, domain.CodeOutOfRange, "min", "0", "max", strconv.Itoa(domain.WeeklyScaleMax))
		}
	}
	note := domain.CleanText(&p, "note", in.Note, 2000, false)
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		now := s.now()
		return tx.SaveWeeklyCheck(ctx, &store.WeeklyCheck{CourseID: in.CourseID, WeekStart: monday.Format(domain.DateLayout),
			Substance: in.Substance, Mental: in.Mental, Note: note, CreatedAt: now, UpdatedAt: now})
	})
}

// CloseCourse ends the course: status closed, end date, why, what support follows, and
// the housing situation at closing, an entry of the housing history dated the end date. It
// is the only way a course becomes closed (UpdateCourse refuses it).
func (s *FollowUpService) CloseCourse(in CloseCourseInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "closing", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	return s.closeCourse(ch, in)
}

func (s *FollowUpService) closeCourse(ch *change, in CloseCourseInput) (FollowUpDTO, error) {
	var p domain.Problems
	end := domain.ParseDate(&p, "endDate", in.EndDate, true, domain.MinCourseDate, s.today())
	cl := store.Closing{CourseID: in.CourseID,
		Reason:         string(domain.OneOf(&p, "reason", domain.ClosingReason(in.Reason), domain.ClosingReasons, true)),
		AfterSupport:   string(domain.OneOf(&p, "afterSupport", domain.AfterSupport(in.AfterSupport), domain.AfterSupports, true)),
		AfterNote:      domain.CleanText(&p, "afterNote", in.AfterNote, 4000, false),
		HousingAtClose: string(domain.OneOf(&p, "housingAtClose", domain.Housing(in.HousingAtClose), domain.Housings, true)),
		Note:           domain.CleanText(&p, "note", in.Note, 8000, false)}
	actor, _ := s.actor()
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetCourse(ctx, in.CourseID)
		if err != nil {
			return err
		}
		if end.Format(domain.DateLayout) < c.StartDate {
			var p domain.Problems
			p.Add("endDate", domain.CodeDateOrder)
			return p.Err()
		}
		now := s.now()
		cl.UpdatedAt = now
		if err := tx.SaveClosing(ctx, &cl); err != nil {
			return err
		}
		e := end.Format(domain.DateLayout)
		c.Status, c.EndDate, c.UpdatedAt = string(domain.CourseClosed), &e, now
		if err := tx.UpdateCourse(ctx, c); err != nil {
			return err
		}
		return writeStepHousing(ctx, tx, c, domain.HousingKindClose, e, cl.HousingAtClose, "", actor.WorkerID, now)
	})
}

// change runs one validated write on an open course and returns the step after it.
func (s *FollowUpService) change(ch *change, invalid error, fn func(context.Context, *store.Store) error) (FollowUpDTO, error) {
	return stepChange(ch, invalid, fn, func(ctx context.Context, tx *store.Store, c *store.Course) (FollowUpDTO, error) {
		return loadFollowUp(ctx, tx, c, s.now())
	})
}
