package service

import (
	"context"

	"icm/backend/domain"
	"icm/backend/store"
)

// AdvocacyService keeps the advocacy (fortalerrolle): barriers between the citizen and
// services, what was done and towards whom, the rights argued and the outcome.
type AdvocacyService struct{ base }

// NewAdvocacyService builds the service.
func NewAdvocacyService(d Deps) *AdvocacyService { return &AdvocacyService{base{d}} }

// GetAdvocacy returns the course's advocacy cases.
func (s *AdvocacyService) GetAdvocacy(in IDInput) (AdvocacyDTO, error) {
	if _, err := s.viewCourse(in.ID, "advocacy"); err != nil {
		return AdvocacyDTO{}, err
	}
	return s.getAdvocacy(in)
}

func (s *AdvocacyService) getAdvocacy(in IDInput) (AdvocacyDTO, error) {
	st, err := s.ready()
	if err != nil {
		return AdvocacyDTO{}, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return AdvocacyDTO{}, err
	}
	return loadAdvocacy(s.ctx(), st, in.ID)
}

// SaveCase creates or updates an advocacy case.
func (s *AdvocacyService) SaveCase(in AdvocacyCaseInput) (AdvocacyDTO, error) {
	ch, err := s.changing(in.CourseID, "advocacy", AuditChange)
	if err != nil {
		return AdvocacyDTO{}, err
	}
	return s.saveCase(ch, in)
}

func (s *AdvocacyService) saveCase(ch *change, in AdvocacyCaseInput) (AdvocacyDTO, error) {
	var p domain.Problems
	opened := domain.ParseDate(&p, "opened", in.Opened, true, domain.MinCourseDate, s.today())
	status := domain.OneOf(&p, "status", domain.AdvocacyStatus(in.Status), domain.AdvocacyStatuses, false)
	if status == "" {
		status = domain.AdvocacyOpen
	}
	const max = 4000
	c := store.AdvocacyCase{ID: in.ID, CourseID: in.CourseID, Status: string(status),
		Barrier: domain.CleanText(&p, "barrier", in.Barrier, max, true),
		Towards: domain.CleanLine(&p, "towards", in.Towards, domain.MaxShortText, false),
		Actions: domain.CleanText(&p, "actions", in.Actions, max, false),
		Rights:  domain.CleanText(&p, "rights", in.Rights, max, false),
		Outcome: domain.CleanText(&p, "outcome", in.Outcome, max, false)}
	if opened != nil {
		c.Opened = opened.Format(domain.DateLayout)
	}
	return stepChange(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		now := s.now()
		c.CreatedAt = now
		if in.ID != 0 {
			old, err := tx.GetAdvocacyCase(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			c.CreatedAt = old.CreatedAt
		}
		c.UpdatedAt = now
		return tx.Save(ctx, &c)
	}, loadAdvocacyStep)
}

// DeleteCase removes an advocacy case entered by mistake.
func (s *AdvocacyService) DeleteCase(in ChildInput) (AdvocacyDTO, error) {
	ch, err := s.changing(in.CourseID, "advocacy", AuditDelete)
	if err != nil {
		return AdvocacyDTO{}, err
	}
	return s.deleteCase(ch, in)
}

func (s *AdvocacyService) deleteCase(ch *change, in ChildInput) (AdvocacyDTO, error) {
	return stepChange(ch, nil, func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetAdvocacyCase(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(c.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.AdvocacyCase{}, in.ID)
	}, loadAdvocacyStep)
}

func loadAdvocacyStep(ctx context.Context, st *store.Store, c *store.Course) (AdvocacyDTO, error) {
	return loadAdvocacy(ctx, st, c.ID)
}

func loadAdvocacy(ctx context.Context, st *store.Store, courseID uint) (AdvocacyDTO, error) {
	cases, err := st.ListAdvocacy(ctx, courseID)
	if err != nil {
		return AdvocacyDTO{}, err
	}
	return advocacyDTO(courseID, cases), nil
}

// advocacyDTO builds the advocacy step from its rows (see planDTO).
func advocacyDTO(courseID uint, cases []store.AdvocacyCase) AdvocacyDTO {
	out := AdvocacyDTO{CourseID: courseID, Cases: make([]AdvocacyCaseDTO, 0, len(cases))}
	openWithout := 0
	for _, c := range cases {
		if c.Status != string(domain.AdvocacyResolved) && c.Actions == "" {
			openWithout++
		}
		out.Cases = append(out.Cases, AdvocacyCaseDTO{ID: c.ID, Opened: c.Opened, Barrier: c.Barrier, Towards: c.Towards,
			Actions: c.Actions, Rights: c.Rights, Outcome: c.Outcome, Status: c.Status})
	}
	out.Completeness = completenessDTO(domain.StepAdvocacy, domain.AdvocacyCompleteness(len(cases), openWithout))
	return out
}
