package store

import (
	"context"
	"time"
)

// Cover is a colleague covering for a worker over a period (holidays, illness): during it
// the colleague may change the worker's citizens as the worker may. A cover names one
// citizen (CitizenID) or none for all the worker's citizens; a cover for some citizens is
// one row per citizen, set together.
type Cover struct {
	ID            uint `gorm:"primaryKey"`
	WorkerID      uint
	CoverWorkerID uint
	CitizenID     *uint // nil: all the worker's citizens
	FromDate      string
	ToDate        string
	Note          string
	Withdrawn     bool
	WithdrawnOn   *string // the day a team lead withdrew it (nil: not withdrawn, or before migration 0014)
	CreatedBy     uint
	CreatedAt     time.Time
}

// TableName is the table of cover periods (migrations 0012 and 0014).
func (Cover) TableName() string { return "cover_periods" }

// SameSet says whether two rows were set together as one cover (the same worker,
// colleague, period, note and moment): the screens show them as one.
func (c Cover) SameSet(o Cover) bool {
	return c.WorkerID == o.WorkerID && c.CoverWorkerID == o.CoverWorkerID && c.FromDate == o.FromDate &&
		c.ToDate == o.ToDate && c.Note == o.Note && c.CreatedBy == o.CreatedBy && c.CreatedAt.Equal(o.CreatedAt)
}

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

// CoverSet loads the rows set together with one cover period (itself included).
func (s *Store) CoverSet(ctx context.Context, c *Cover) ([]Cover, error) {
	var rows []Cover
	err := s.db.WithContext(ctx).Where("worker_id = ? AND cover_worker_id = ? AND from_date = ? AND to_date = ?",
		c.WorkerID, c.CoverWorkerID, c.FromDate, c.ToDate).Order("id").Find(&rows).Error
	out := rows[:0]
	for _, r := range rows {
		if r.SameSet(*c) {
			out = append(out, r)
		}
	}
	return out, storageErr(err)
}

// WithdrawCover ends a cover period on day (ISO date) before its time; the row stays, as
// the record of who could change what when.
func (s *Store) WithdrawCover(ctx context.Context, id uint, day string) error {
	return storageErr(s.writer(ctx).Model(&Cover{ID: id}).
		Updates(map[string]any{"withdrawn": true, "withdrawn_on": day}).Error)
}

// ListCovers lists the cover periods that end on or after day (ISO date), newest first.
func (s *Store) ListCovers(ctx context.Context, fromDay string) ([]Cover, error) {
	var out []Cover
	err := s.db.WithContext(ctx).Where("to_date >= ?", fromDay).Order("from_date DESC, id DESC").Find(&out).Error
	return out, storageErr(err)
}

// CoversOf lists the cover periods for a worker that started on or before today and ended
// (or were withdrawn) on or after since (ISO dates), newest end first: the worker's
// "while you were away".
func (s *Store) CoversOf(ctx context.Context, worker uint, since, today string) ([]Cover, error) {
	var out []Cover
	err := s.db.WithContext(ctx).Where("worker_id = ? AND from_date <= ? AND to_date >= ?", worker, today, since).
		Order("to_date DESC, id DESC").Find(&out).Error
	return out, storageErr(err)
}

// CoverScope is what one cover lets a colleague change: a worker's citizens, all of them
// (CitizenID 0) or one.
type CoverScope struct {
	WorkerID  uint
	CitizenID uint
}

// CoveredBy lists what a colleague covers on day (ISO date): whose citizens, all or one.
func (s *Store) CoveredBy(ctx context.Context, coverWorker uint, day string) ([]CoverScope, error) {
	var out []CoverScope
	err := s.db.WithContext(ctx).Raw(`SELECT worker_id, COALESCE(citizen_id, 0) AS citizen_id FROM cover_periods
		WHERE cover_worker_id = ? AND from_date <= ? AND to_date >= ? AND NOT withdrawn`, coverWorker, day, day).
		Scan(&out).Error
	return out, storageErr(err)
}

// Covers says whether a scope lets its colleague change the citizen of one of the owners.
func (c CoverScope) Covers(citizen uint, owners []uint) bool {
	if c.CitizenID != 0 && c.CitizenID != citizen {
		return false
	}
	for _, o := range owners {
		if o == c.WorkerID {
			return true
		}
	}
	return false
}
