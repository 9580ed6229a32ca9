package store

import (
	"context"
	"time"
)

// Cover is a colleague covering for a worker over a period (holidays, illness): during it
// the colleague may change the worker's citizens as the worker may.
type Cover struct {
	ID            uint `gorm:"primaryKey"`
	WorkerID      uint
	CoverWorkerID uint
	FromDate      string
	ToDate        string
	Note          string
	Withdrawn     bool
	CreatedBy     uint
	CreatedAt     time.Time
}

// TableName is the table of cover periods (migration 0012).
func (Cover) TableName() string { return "cover_periods" }

// CreateCover inserts a cover period.
func (s *Store) CreateCover(ctx context.Context, c *Cover) error {
	return storageErr(s.db.WithContext(ctx).Create(c).Error)
}

// GetCover loads one cover period.
func (s *Store) GetCover(ctx context.Context, id uint) (*Cover, error) {
	var c Cover
	if err := s.first(ctx, &c, id); err != nil {
		return nil, err
	}
	return &c, nil
}

// WithdrawCover ends a cover period before its time; the row stays, as the record of who
// could change what when.
func (s *Store) WithdrawCover(ctx context.Context, id uint) error {
	return storageErr(s.writer(ctx).Model(&Cover{ID: id}).Update("withdrawn", true).Error)
}

// ListCovers lists the cover periods that end on or after day (ISO date), newest first.
func (s *Store) ListCovers(ctx context.Context, fromDay string) ([]Cover, error) {
	var out []Cover
	err := s.db.WithContext(ctx).Where("to_date >= ?", fromDay).Order("from_date DESC, id DESC").Find(&out).Error
	return out, storageErr(err)
}

// CoveredBy lists the workers a colleague covers for on day (ISO date).
func (s *Store) CoveredBy(ctx context.Context, coverWorker uint, day string) ([]uint, error) {
	var ids []uint
	err := s.db.WithContext(ctx).Model(&Cover{}).
		Where("cover_worker_id = ? AND from_date <= ? AND to_date >= ? AND NOT withdrawn", coverWorker, day, day).
		Pluck("worker_id", &ids).Error
	return ids, storageErr(err)
}
