package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"
)

// AssessmentEntry is one dated revision of one assessment topic of a course.
type AssessmentEntry struct {
	ID           uint
	CourseID     uint
	Topic        string
	RevisionDate string
	CitizenView  string
	WorkerView   string
	Resources    string
	Needs        string
	Barriers     string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (AssessmentEntry) TableName() string { return "assessment_entries" }

// ListAssessment returns every revision of a course's assessment, newest first per topic.
func (s *Store) ListAssessment(ctx context.Context, courseID uint) ([]AssessmentEntry, error) {
	var out []AssessmentEntry
	err := s.db.WithContext(ctx).Where("course_id = ?", courseID).
		Order("topic, revision_date DESC").Find(&out).Error
	return out, storageErr(err)
}

// SaveAssessmentRevision writes the revision of a topic for its day: the same day's
// revision is refined in place, any earlier day's revision is left untouched.
func (s *Store) SaveAssessmentRevision(ctx context.Context, e *AssessmentEntry) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "course_id"}, {Name: "topic"}, {Name: "revision_date"}},
		DoUpdates: clause.AssignmentColumns([]string{"citizen_view", "worker_view", "resources",
			"needs", "barriers", "updated_at"}),
	}).Create(e).Error)
}
