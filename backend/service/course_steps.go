package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// courseSteps computes the completeness of all six method steps of a course, plus the
// contact gap and evaluation rhythm the course page warns about.
func courseSteps(ctx context.Context, st *store.Store, c *store.Course, now time.Time) ([]StepStatusDTO, courseSignals, error) {
	v, err := st.GetVisitation(ctx, c.ID)
	if err != nil {
		return nil, courseSignals{}, err
	}
	rows, err := st.ListAssessment(ctx, c.ID)
	if err != nil {
		return nil, courseSignals{}, err
	}
	plan, err := loadPlan(ctx, st, c.ID, now)
	if err != nil {
		return nil, courseSignals{}, err
	}
	coord, err := loadCoordination(ctx, st, c.ID)
	if err != nil {
		return nil, courseSignals{}, err
	}
	adv, err := loadAdvocacy(ctx, st, c.ID)
	if err != nil {
		return nil, courseSignals{}, err
	}
	fu, sig, err := loadFollowUpSignals(ctx, st, c, now)
	if err != nil {
		return nil, courseSignals{}, err
	}
	steps := []StepStatusDTO{
		completenessDTO(domain.StepVisitation, visitationDomain(v).Completeness()),
		completenessDTO(domain.StepAssessment, domain.AssessmentCompleteness(assessmentFilled(rows))),
		plan.Completeness, coord.Completeness, adv.Completeness, fu.Completeness,
	}
	return steps, sig, nil
}
