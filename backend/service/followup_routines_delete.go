package service

import (
	"context"
	"strconv"

	"icm/backend/domain"
	"icm/backend/store"
)

// DeleteContactFrequency removes an agreed contact frequency entered by mistake (a wrong
// day or year): the agreement before it holds again from then on.
func (s *FollowUpService) DeleteContactFrequency(in ChildInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "contact_frequency", AuditDelete)
	if err != nil {
		return FollowUpDTO{}, err
	}
	ch.name("contact_frequency " + strconv.FormatUint(uint64(in.ID), 10))
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		rows, err := tx.ListContactFrequencies(ctx, in.CourseID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.ID == in.ID {
				return tx.Delete(ctx, &store.ContactFrequency{}, in.ID)
			}
		}
		return domain.E(domain.CodeNotFound, "no such contact frequency on this course")
	})
}

// DeleteCaseReview removes a case review entered by mistake or twice, text and all.
func (s *FollowUpService) DeleteCaseReview(in ChildInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "case_review", AuditDelete)
	if err != nil {
		return FollowUpDTO{}, err
	}
	ch.name("case_review " + strconv.FormatUint(uint64(in.ID), 10))
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		old, err := tx.GetCaseReview(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(old.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.CaseReview{}, in.ID)
	})
}
