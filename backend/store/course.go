package store

import (
	"context"
	"time"
)

// Course is one citizen's ICM course with its one responsible worker.
type Course struct {
	ID                 uint
	CitizenID          uint
	WorkerID           uint
	StartDate          string
	Status             string
	EndDate            *string
	OverrideReason     string
	OverrideByWorkerID *uint
	OverrideAt         *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// TableName pins the table name.
func (Course) TableName() string { return "courses" }

// FindCourse filters ListCourses; nil fields do not filter.
type FindCourse struct {
	CitizenID *uint
	WorkerID  *uint
	Open      *bool
}

// ListCourses returns courses, newest start first.
func (s *Store) ListCourses(ctx context.Context, f FindCourse) ([]Course, error) {
	q := s.db.WithContext(ctx).Model(&Course{})
	if f.CitizenID != nil {
		q = q.Where("citizen_id = ?", *f.CitizenID)
	}
	if f.WorkerID != nil {
		q = q.Where("worker_id = ?", *f.WorkerID)
	}
	if f.Open != nil {
		if *f.Open {
			q = q.Where("status <> 'closed'")
		} else {
			q = q.Where("status = 'closed'")
		}
	}
	var out []Course
	return out, storageErr(q.Order("start_date DESC, id DESC").Find(&out).Error)
}

// GetCourse loads one course.
func (s *Store) GetCourse(ctx context.Context, id uint) (*Course, error) {
	var c Course
	if err := s.first(ctx, &c, id); err != nil {
		return nil, err
	}
	return &c, nil
}

// CreateCourse inserts a course.
func (s *Store) CreateCourse(ctx context.Context, c *Course) error {
	return storageErr(s.db.WithContext(ctx).Create(c).Error)
}

// UpdateCourse saves every editable field of a course.
func (s *Store) UpdateCourse(ctx context.Context, c *Course) error {
	return storageErr(s.writer(ctx).Model(c).Select("worker_id", "start_date", "status",
		"end_date", "override_reason", "override_by_worker_id", "override_at", "updated_at").Updates(c).Error)
}

// HasOpenCourse reports whether the citizen already has an open course.
func (s *Store) HasOpenCourse(ctx context.Context, citizenID uint) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Course{}).
		Where("citizen_id = ? AND status <> 'closed'", citizenID).Count(&n).Error
	return n > 0, storageErr(err)
}

// OverrideRow is a caseload override on an open course, with the names to show.
type OverrideRow struct {
	CourseID    uint
	CitizenID   uint
	WorkerID    uint
	CitizenName string
	Reason      string
	ByName      string
	At          *time.Time
}

// ListOverrides returns the overrides recorded on open courses, oldest first.
func (s *Store) ListOverrides(ctx context.Context) ([]OverrideRow, error) {
	var out []OverrideRow
	err := s.db.WithContext(ctx).Raw(`SELECT co.id AS course_id, co.citizen_id, co.worker_id, c.name AS citizen_name,
			co.override_reason AS reason, COALESCE(l.name, '') AS by_name, co.override_at AS at
		FROM courses co JOIN citizens c ON c.id = co.citizen_id
		LEFT JOIN workers l ON l.id = co.override_by_worker_id
		WHERE co.status <> 'closed' AND co.override_reason <> ''
		ORDER BY co.override_at, co.id`).Scan(&out).Error
	return out, storageErr(err)
}

// CoursePeriod is when one of a citizen's courses ran (End nil: still open).
type CoursePeriod struct {
	CitizenID uint
	StartDate string
	EndDate   *string
}

// CoursePeriods lists every course's citizen, start and end, and nothing else: for figures
// over the whole team, where loading whole courses would cost more than the figure.
func (s *Store) CoursePeriods(ctx context.Context) ([]CoursePeriod, error) {
	var out []CoursePeriod
	err := s.db.WithContext(ctx).Raw(`SELECT citizen_id, start_date, end_date FROM courses`).Scan(&out).Error
	return out, storageErr(err)
}
