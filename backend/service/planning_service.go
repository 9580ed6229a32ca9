package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// PlanningService keeps the plan made with the citizen: goals in their words, SMART
// sub-goals, the activity plan and the link to the § 141 action plan.
type PlanningService struct{ base }

// NewPlanningService builds the service.
func NewPlanningService(d Deps) *PlanningService { return &PlanningService{base{d}} }

// GetPlan returns the plan with the SMART check of every sub-goal.
func (s *PlanningService) GetPlan(in IDInput) (PlanDTO, error) {
	if _, err := s.viewCourse(in.ID, "plan"); err != nil {
		return PlanDTO{}, err
	}
	return s.getPlan(in)
}

func (s *PlanningService) getPlan(in IDInput) (PlanDTO, error) {
	st, err := s.ready()
	if err != nil {
		return PlanDTO{}, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return PlanDTO{}, err
	}
	return loadPlan(s.ctx(), st, in.ID, s.now())
}

// SaveGoal creates or updates a long-term goal.
func (s *PlanningService) SaveGoal(in GoalInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "goal", AuditChange)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.saveGoal(ch, in)
}

func (s *PlanningService) saveGoal(ch *change, in GoalInput) (PlanDTO, error) {
	var p domain.Problems
	g := store.Goal{ID: in.ID, CourseID: in.CourseID,
		CitizenWords:   domain.CleanText(&p, "citizenWords", in.CitizenWords, 2000, true),
		Area:           string(domain.OneOf(&p, "area", domain.LifeArea(in.Area), domain.LifeAreas, false)),
		ActionPlanGoal: domain.CleanText(&p, "actionPlanGoal", in.ActionPlanGoal, 2000, false)}
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		now := s.now()
		if in.ID == 0 {
			pos, err := tx.NextPosition(ctx, "goals", "course_id", in.CourseID)
			if err != nil {
				return err
			}
			g.Position, g.CreatedAt = pos, now
		} else {
			old, err := tx.GetGoal(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			g.Position, g.CreatedAt = old.Position, old.CreatedAt
		}
		g.UpdatedAt = now
		return tx.Save(ctx, &g)
	})
}

// DeleteGoal removes a goal with its sub-goals.
func (s *PlanningService) DeleteGoal(in ChildInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "goal", AuditDelete)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.deleteGoal(ch, in)
}

func (s *PlanningService) deleteGoal(ch *change, in ChildInput) (PlanDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		g, err := tx.GetGoal(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(g.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.Goal{}, in.ID)
	})
}

// SaveSubGoal creates or updates a SMART sub-goal. Missing SMART properties are shown as
// advice; only invalid values are refused.
func (s *PlanningService) SaveSubGoal(in SubGoalInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "subgoal", AuditChange)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.saveSubGoal(ch, in)
}

func (s *PlanningService) saveSubGoal(ch *change, in SubGoalInput) (PlanDTO, error) {
	var p domain.Problems
	status := domain.OneOf(&p, "status", domain.SubGoalStatus(in.Status), domain.SubGoalStatuses, false)
	if status == "" {
		status = domain.SubGoalNotStarted
	}
	deadline := domain.ParseDate(&p, "deadline", in.Deadline, false, domain.MinCourseDate, domain.Day(s.now()).AddDate(5, 0, 0))
	g := store.SubGoal{ID: in.ID, GoalID: in.GoalID,
		What:     domain.CleanText(&p, "what", in.What, 2000, true),
		Measure:  domain.CleanText(&p, "measure", in.Measure, 2000, false),
		Owner:    domain.CleanLine(&p, "owner", in.Owner, domain.MaxShortText, false),
		Deadline: strPtr(domain.FormatDate(deadline)), Status: string(status)}
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		goal, err := tx.GetGoal(ctx, in.GoalID)
		if err != nil {
			return err
		}
		if err := owned(goal.CourseID, in.CourseID); err != nil {
			return err
		}
		now := s.now()
		if in.ID == 0 {
			pos, err := tx.NextPosition(ctx, "subgoals", "goal_id", in.GoalID)
			if err != nil {
				return err
			}
			g.Position, g.CreatedAt = pos, now
		} else {
			old, err := tx.GetSubGoal(ctx, in.ID)
			if err != nil {
				return err
			}
			oldGoal, err := tx.GetGoal(ctx, old.GoalID)
			if err != nil {
				return err
			}
			if err := owned(oldGoal.CourseID, in.CourseID); err != nil {
				return err
			}
			g.Position, g.CreatedAt = old.Position, old.CreatedAt
		}
		g.UpdatedAt = now
		return tx.Save(ctx, &g)
	})
}

// DeleteSubGoal removes a sub-goal.
func (s *PlanningService) DeleteSubGoal(in ChildInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "subgoal", AuditDelete)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.deleteSubGoal(ch, in)
}

func (s *PlanningService) deleteSubGoal(ch *change, in ChildInput) (PlanDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		sg, err := tx.GetSubGoal(ctx, in.ID)
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
		return tx.Delete(ctx, &store.SubGoal{}, in.ID)
	})
}

// SaveActivity creates or updates a line of the activity plan.
func (s *PlanningService) SaveActivity(in ActivityInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "activity", AuditChange)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.saveActivity(ch, in)
}

func (s *PlanningService) saveActivity(ch *change, in ActivityInput) (PlanDTO, error) {
	var p domain.Problems
	a := store.Activity{ID: in.ID, CourseID: in.CourseID,
		What:      domain.CleanText(&p, "what", in.What, 2000, true),
		Frequency: domain.CleanLine(&p, "frequency", in.Frequency, domain.MaxShortText, false),
		Owner:     domain.CleanLine(&p, "owner", in.Owner, domain.MaxShortText, false)}
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		if in.SubGoalID != 0 {
			sg, err := tx.GetSubGoal(ctx, in.SubGoalID)
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
			a.SubGoalID = &in.SubGoalID
		}
		now := s.now()
		if in.ID == 0 {
			pos, err := tx.NextPosition(ctx, "activities", "course_id", in.CourseID)
			if err != nil {
				return err
			}
			a.Position, a.CreatedAt = pos, now
		} else {
			old, err := tx.GetActivity(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			a.Position, a.CreatedAt = old.Position, old.CreatedAt
		}
		a.UpdatedAt = now
		return tx.Save(ctx, &a)
	})
}

// DeleteActivity removes a line of the activity plan.
func (s *PlanningService) DeleteActivity(in ChildInput) (PlanDTO, error) {
	ch, err := s.changing(in.CourseID, "activity", AuditDelete)
	if err != nil {
		return PlanDTO{}, err
	}
	return s.deleteActivity(ch, in)
}

func (s *PlanningService) deleteActivity(ch *change, in ChildInput) (PlanDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		a, err := tx.GetActivity(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(a.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.Activity{}, in.ID)
	})
}

// change runs one validated write on an open course and returns the plan after it.
func (s *PlanningService) change(ch *change, invalid error, fn func(context.Context, *store.Store) error) (PlanDTO, error) {
	return stepChange(ch, invalid, fn, func(ctx context.Context, tx *store.Store, c *store.Course) (PlanDTO, error) {
		return loadPlan(ctx, tx, c.ID, s.now())
	})
}

func loadPlan(ctx context.Context, st *store.Store, courseID uint, now time.Time) (PlanDTO, error) {
	goals, err := st.ListGoals(ctx, courseID)
	if err != nil {
		return PlanDTO{}, err
	}
	subs, err := st.ListSubGoals(ctx, courseID)
	if err != nil {
		return PlanDTO{}, err
	}
	acts, err := st.ListActivities(ctx, courseID)
	if err != nil {
		return PlanDTO{}, err
	}
	return planDTO(courseID, goals, subs, acts, now), nil
}

// planDTO builds the planning step from its rows; the team overview builds every open
// course's plan from rows loaded for all of them at once.
func planDTO(courseID uint, goals []store.Goal, subs []store.SubGoal, acts []store.Activity, now time.Time) PlanDTO {
	out := PlanDTO{CourseID: courseID, Goals: make([]GoalDTO, 0, len(goals)), Activities: make([]ActivityDTO, 0, len(acts))}
	var facts domain.PlanFacts
	for _, g := range goals {
		gd := GoalDTO{ID: g.ID, CitizenWords: g.CitizenWords, Area: g.Area, ActionPlanGoal: g.ActionPlanGoal, SubGoals: []SubGoalDTO{}}
		facts.Goals++
		if g.ActionPlanGoal != "" {
			facts.LinkedGoals++
		}
		for _, sg := range subs {
			if sg.GoalID != g.ID {
				continue
			}
			lacks := domain.SmartCheck(domain.SubGoal{What: sg.What, Measure: sg.Measure, Owner: sg.Owner,
				GoalWords: g.CitizenWords, Deadline: parseStoredDate(sg.Deadline), Status: domain.SubGoalStatus(sg.Status)}, now)
			facts.SubGoals++
			if len(lacks) == 0 || !domain.SubGoalStatus(sg.Status).Open() {
				facts.SmartSubGoals++
			}
			gd.SubGoals = append(gd.SubGoals, SubGoalDTO{ID: sg.ID, GoalID: g.ID, What: sg.What, Measure: sg.Measure,
				Owner: sg.Owner, Deadline: deref(sg.Deadline), Status: sg.Status, SmartLacks: strs(lacks)})
		}
		out.Goals = append(out.Goals, gd)
	}
	for _, a := range acts {
		ad := ActivityDTO{ID: a.ID, What: a.What, Frequency: a.Frequency, Owner: a.Owner}
		if a.SubGoalID != nil {
			ad.SubGoalID = *a.SubGoalID
		}
		out.Activities = append(out.Activities, ad)
	}
	facts.Activities = len(acts)
	out.Completeness = completenessDTO(domain.StepPlanning, domain.PlanningCompleteness(facts))
	return out
}
