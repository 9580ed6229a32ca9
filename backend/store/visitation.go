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
func (s *Store) SaveVisitation(ctx context.Context, v *Visitation) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(v).Error)
}
