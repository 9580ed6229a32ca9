package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Visitation is the stored first step of a course; Needs is a JSON array of need codes.
type Visitation struct {
	CourseID             uint `gorm:"primaryKey;autoIncrement:false"`
	HousingAtStart       string
	HousingNote          string
	Needs                string
	NeedsNote            string
	TargetGroupReason    string
	Consent              string
	ConsentForm          string
	ConsentDate          *string
	ContactAgreement     string
	ReferralSource       string
	ReferralNote         string
	VisitationDate       *string
	LegalBasis           string
	LegalNote            string
	ActionPlan           string
	ActionPlanDate       *string
	ActionPlanCaseworker string
	ActionPlanNote       string
	UpdatedAt            time.Time
}

// TableName pins the table name.
func (Visitation) TableName() string { return "visitations" }

// GetVisitation loads a course's visitation step; a course not yet started gets an empty one.
func (s *Store) GetVisitation(ctx context.Context, courseID uint) (*Visitation, error) {
	var v Visitation
	err := s.db.WithContext(ctx).Where("course_id = ?", courseID).First(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &Visitation{CourseID: courseID, Needs: "[]"}, nil
	}
	if err != nil {
		return nil, storageErr(err)
	}
	return &v, nil
}

// SaveVisitation inserts or replaces a course's visitation step as one row.
//
// The columns are named rather than UpdateAll: GORM's UpdateAll stamps updated_at with the
// wall clock on a conflict, not with the service's clock that v carries (a course's step is
// first written when the course starts, so the visitation step's save is such a conflict).
func (s *Store) SaveVisitation(ctx context.Context, v *Visitation) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "course_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"housing_at_start", "housing_note", "needs", "needs_note",
			"target_group_reason", "consent", "consent_form", "consent_date", "contact_agreement", "referral_source",
			"referral_note", "visitation_date", "legal_basis", "legal_note", "action_plan", "action_plan_date",
			"action_plan_caseworker", "action_plan_note", "updated_at"}),
	}).Create(v).Error)
}
