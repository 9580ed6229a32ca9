package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// Team is the one ICM team this installation serves.
type Team struct {
	ID           uint
	Municipality string
	Name         string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (Team) TableName() string { return "teams" }

// GetTeam returns the installation's team, or team_missing before the first setup.
func (s *Store) GetTeam(ctx context.Context) (*Team, error) {
	var t Team
	err := s.db.WithContext(ctx).Order("id").First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, domain.E(domain.CodeTeamMissing, "no team set up yet")
	}
	if err != nil {
		return nil, storageErr(err)
	}
	return &t, nil
}

// CreateTeam inserts the team.
func (s *Store) CreateTeam(ctx context.Context, t *Team) error {
	return storageErr(s.db.WithContext(ctx).Create(t).Error)
}

// UpdateTeam saves the team's names.
func (s *Store) UpdateTeam(ctx context.Context, t *Team) error {
	return storageErr(s.writer(ctx).Model(t).Select("municipality", "name", "updated_at").Updates(t).Error)
}

// IsEmpty reports whether the database holds no team, worker or citizen yet.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT (SELECT COUNT(*) FROM teams) + (SELECT COUNT(*) FROM workers)
		+ (SELECT COUNT(*) FROM citizens)`).Scan(&n).Error
	return n == 0, storageErr(err)
}
