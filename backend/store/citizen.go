package store

import (
	"context"
	"time"
)

// Citizen is a person the team supports.
type Citizen struct {
	ID          uint
	TeamID      uint
	Name        string
	CPR         *string `gorm:"column:cpr"`
	Phone       string
	Email       string
	Address     string
	ContactNote string
	Housing     string // the housing history's entry in force last (see SetCitizenHousing)
	HousingNote string // that entry's note
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// TableName pins the table name.
func (Citizen) TableName() string { return "citizens" }

// CitizenRow is a citizen with their open course, for the citizen list.
type CitizenRow struct {
	Citizen
	CourseID       *uint
	CourseStatus   *string
	WorkerID       *uint
	WorkerName     *string
	WorkerInitials *string
}

// ListCitizens returns every citizen with the open course, if any. The service sorts
// in Danish order and filters; a team has hundreds of citizens, not millions.
func (s *Store) ListCitizens(ctx context.Context) ([]CitizenRow, error) {
	var out []CitizenRow
	err := s.db.WithContext(ctx).Raw(`SELECT c.*, co.id AS course_id, co.status AS course_status,
			w.id AS worker_id, w.name AS worker_name, w.initials AS worker_initials
		FROM citizens c
		LEFT JOIN courses co ON co.citizen_id = c.id AND co.status <> 'closed'
		LEFT JOIN workers w ON w.id = co.worker_id
		ORDER BY c.id`).Scan(&out).Error
	return out, storageErr(err)
}

// GetCitizen loads one citizen.
func (s *Store) GetCitizen(ctx context.Context, id uint) (*Citizen, error) {
	var c Citizen
	if err := s.first(ctx, &c, id); err != nil {
		return nil, err
	}
	return &c, nil
}

// CreateCitizen inserts a citizen.
func (s *Store) CreateCitizen(ctx context.Context, c *Citizen) error {
	return storageErr(s.db.WithContext(ctx).Create(c).Error)
}

// UpdateCitizen saves the personal and contact details of a citizen. The housing is not
// among them: it follows the housing history (SetCitizenHousing).
func (s *Store) UpdateCitizen(ctx context.Context, c *Citizen) error {
	return storageErr(s.writer(ctx).Model(c).Select("name", "cpr", "phone", "email",
		"address", "contact_note", "updated_at").Updates(c).Error)
}

// CPRHolder returns the other citizen who already has this CPR number, or 0.
func (s *Store) CPRHolder(ctx context.Context, cpr string, exceptID uint) (uint, error) {
	var ids []uint
	err := s.db.WithContext(ctx).Model(&Citizen{}).Where("cpr = ? AND id <> ?", cpr, exceptID).Limit(1).Pluck("id", &ids).Error
	if err != nil || len(ids) == 0 {
		return 0, storageErr(err)
	}
	return ids[0], nil
}
