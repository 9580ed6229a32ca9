package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// HousingEvent is one dated entry of a citizen's housing history (migration 0011). Entries
// are added, not changed: only a course's start and close entries follow their step.
type HousingEvent struct {
	ID         uint
	CitizenID  uint
	CourseID   *uint  // the course whose start or closing made it; nil for a move
	Date       string // the day the situation began, ISO
	Housing    string
	Note       string
	Kind       string
	CorrectsID *uint `gorm:"column:corrects_id"` // the entry this one corrects or withdraws
	RecordedBy *uint // the worker who made it; nil for carried-over, imported and demo entries
	CreatedAt  time.Time
}

// TableName pins the table name.
func (HousingEvent) TableName() string { return "housing_events" }

// HousingEventRow is an entry with the name of the worker who made it, for the history list.
type HousingEventRow struct {
	HousingEvent
	RecordedByName     string
	RecordedByInitials string
}

// ListHousingEvents returns a citizen's housing history in the order it is in force: by
// date, then in the order the entries were made.
func (s *Store) ListHousingEvents(ctx context.Context, citizenID uint) ([]HousingEventRow, error) {
	var out []HousingEventRow
	err := s.db.WithContext(ctx).Raw(`SELECT e.*, COALESCE(w.name, '') AS recorded_by_name,
			COALESCE(w.initials, '') AS recorded_by_initials
		FROM housing_events e LEFT JOIN workers w ON w.id = e.recorded_by
		WHERE e.citizen_id = ? ORDER BY e.date, e.id`, citizenID).Scan(&out).Error
	return out, storageErr(err)
}

// AllHousingEvents returns every citizen's housing history, by citizen, for the overview.
func (s *Store) AllHousingEvents(ctx context.Context) (map[uint][]HousingEvent, error) {
	var rows []HousingEvent
	if err := s.db.WithContext(ctx).Order("citizen_id, date, id").Find(&rows).Error; err != nil {
		return nil, storageErr(err)
	}
	out := map[uint][]HousingEvent{}
	for _, r := range rows {
		out[r.CitizenID] = append(out[r.CitizenID], r)
	}
	return out, nil
}

// GetHousingEvent loads one entry.
func (s *Store) GetHousingEvent(ctx context.Context, id uint) (*HousingEvent, error) {
	var e HousingEvent
	if err := s.first(ctx, &e, id); err != nil {
		return nil, err
	}
	return &e, nil
}

// HousingCorrected reports whether an entry has been corrected or withdrawn.
func (s *Store) HousingCorrected(ctx context.Context, id uint) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&HousingEvent{}).Where("corrects_id = ?", id).Count(&n).Error
	return n > 0, storageErr(err)
}

// AddHousingEvent inserts an entry.
func (s *Store) AddHousingEvent(ctx context.Context, e *HousingEvent) error {
	return storageErr(s.writer(ctx).Create(e).Error)
}

// StepHousingEvent loads a course's start or close entry, nil when it has none.
func (s *Store) StepHousingEvent(ctx context.Context, courseID uint, kind string) (*HousingEvent, error) {
	var e HousingEvent
	err := s.db.WithContext(ctx).Where("course_id = ? AND kind = ?", courseID, kind).First(&e).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, storageErr(err)
	}
	return &e, nil
}

// UpdateStepHousingEvent changes the date, situation and note of a course's start or close
// entry, which follow their step.
func (s *Store) UpdateStepHousingEvent(ctx context.Context, e *HousingEvent) error {
	return storageErr(s.writer(ctx).Model(e).Where("kind IN ('start', 'close')").
		Select("date", "housing", "note", "recorded_by").Updates(e).Error)
}

// DeleteStepHousingEvent removes a course's start entry when the visitation step no longer
// says anything about the housing at the start.
func (s *Store) DeleteStepHousingEvent(ctx context.Context, courseID uint, kind string) error {
	return storageErr(s.db.WithContext(ctx).Where("course_id = ? AND kind = ? AND kind IN ('start', 'close')", courseID, kind).
		Delete(&HousingEvent{}).Error)
}

// DomainEntry gives an entry to the domain's rules.
func (e *HousingEvent) DomainEntry() domain.HousingEntry {
	d, _ := time.Parse(domain.DateLayout, e.Date)
	out := domain.HousingEntry{ID: e.ID, Date: d, Housing: domain.Housing(e.Housing), Kind: domain.HousingKind(e.Kind)}
	if e.CourseID != nil {
		out.CourseID = *e.CourseID
	}
	if e.CorrectsID != nil {
		out.Corrects = *e.CorrectsID
	}
	return out
}

// SyncCitizenHousing sets the citizen's copy of the housing to the entry in force last
// (domain.CurrentHousing); every write to the history calls it in the same transaction.
func (s *Store) SyncCitizenHousing(ctx context.Context, citizenID uint, now time.Time) error {
	rows, err := s.ListHousingEvents(ctx, citizenID)
	if err != nil {
		return err
	}
	entries := make([]domain.HousingEntry, len(rows))
	for i := range rows {
		entries[i] = rows[i].DomainEntry()
	}
	housing, note := "", ""
	if cur, ok := domain.CurrentHousing(entries); ok {
		for _, r := range rows {
			if r.ID == cur.ID {
				housing, note = r.Housing, r.Note
			}
		}
	}
	return s.SetCitizenHousing(ctx, citizenID, housing, note, now)
}

// SetCitizenHousing keeps the citizen's copy of the housing in force (citizens.housing and
// housing_note) in step with the history; updated_at moves only when the copy changes.
func (s *Store) SetCitizenHousing(ctx context.Context, citizenID uint, housing, note string, now time.Time) error {
	return storageErr(s.writer(ctx).Model(&Citizen{}).
		Where("id = ? AND (housing <> ? OR housing_note <> ?)", citizenID, housing, note).
		Updates(map[string]any{"housing": housing, "housing_note": note, "updated_at": now}).Error)
}
