package store

import (
	"context"
	"time"
)

// Worker is a member of the team: an ICM worker or a team lead.
type Worker struct {
	ID            uint
	TeamID        uint
	Name          string
	Initials      string
	Role          string
	FTEHundredths int `gorm:"column:fte_hundredths"`
	Active        bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TableName pins the table name.
func (Worker) TableName() string { return "workers" }

// FindWorker filters ListWorkers; nil fields do not filter.
type FindWorker struct {
	Active *bool
	Role   *string
}

// ListWorkers returns the team's workers by id; the service sorts them for display.
func (s *Store) ListWorkers(ctx context.Context, f FindWorker) ([]Worker, error) {
	q := s.db.WithContext(ctx).Model(&Worker{})
	if f.Active != nil {
		q = q.Where("active = ?", *f.Active)
	}
	if f.Role != nil {
		q = q.Where("role = ?", *f.Role)
	}
	var out []Worker
	return out, storageErr(q.Order("id").Find(&out).Error)
}

// GetWorker loads one worker.
func (s *Store) GetWorker(ctx context.Context, id uint) (*Worker, error) {
	var w Worker
	if err := s.first(ctx, &w, id); err != nil {
		return nil, err
	}
	return &w, nil
}

// CreateWorker inserts a worker.
func (s *Store) CreateWorker(ctx context.Context, w *Worker) error {
	return storageErr(s.db.WithContext(ctx).Create(w).Error)
}

// UpdateWorker saves every editable field of a worker.
func (s *Store) UpdateWorker(ctx context.Context, w *Worker) error {
	return storageErr(s.writer(ctx).Model(w).
		Select("name", "initials", "role", "fte_hundredths", "active", "updated_at").Updates(w).Error)
}

// InitialsTaken reports whether another worker already uses these initials.
func (s *Store) InitialsTaken(ctx context.Context, initials string, exceptID uint) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Worker{}).
		Where("initials = ? COLLATE NOCASE AND id <> ?", initials, exceptID).Count(&n).Error
	return n > 0, storageErr(err)
}

// OpenCourseCounts maps worker id to the number of open (not closed) courses.
func (s *Store) OpenCourseCounts(ctx context.Context) (map[uint]int, error) {
	var rows []struct {
		WorkerID uint
		N        int
	}
	err := s.db.WithContext(ctx).Raw(`SELECT worker_id, COUNT(*) AS n FROM courses
		WHERE status <> 'closed' GROUP BY worker_id`).Scan(&rows).Error
	out := make(map[uint]int, len(rows))
	for _, r := range rows {
		out[r.WorkerID] = r.N
	}
	return out, storageErr(err)
}

// CountOpenCourses counts one worker's open courses.
func (s *Store) CountOpenCourses(ctx context.Context, workerID uint) (int, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Course{}).
		Where("worker_id = ? AND status <> 'closed'", workerID).Count(&n).Error
	return int(n), storageErr(err)
}
