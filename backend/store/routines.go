package store

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ContactFrequency is a contact frequency agreed with the citizen from a day on (migration
// 0018): Times contacts per Per ("day" or "week"), until the course's next agreement.
type ContactFrequency struct {
	ID        uint
	CourseID  uint
	FromDate  string
	Times     int
	Per       string
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName pins the table name.
func (ContactFrequency) TableName() string { return "contact_frequencies" }

// ListContactFrequencies returns a course's agreed frequencies, oldest first.
func (s *Store) ListContactFrequencies(ctx context.Context, courseID uint) ([]ContactFrequency, error) {
	var out []ContactFrequency
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("from_date, id").Find(&out).Error)
}

// ContactFrequenciesOf returns the agreed frequencies of many courses, oldest first, by course.
func (s *Store) ContactFrequenciesOf(ctx context.Context, ids []uint) (map[uint][]ContactFrequency, error) {
	var rows []ContactFrequency
	out := map[uint][]ContactFrequency{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.db.WithContext(ctx).Where("course_id IN ?", ids).Order("course_id, from_date, id").Find(&rows).Error
	for _, r := range rows {
		out[r.CourseID] = append(out[r.CourseID], r)
	}
	return out, storageErr(err)
}

// SaveContactFrequency inserts the agreement, or replaces the one of the same first day.
func (s *Store) SaveContactFrequency(ctx context.Context, f *ContactFrequency) error {
	return storageErr(s.writer(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "course_id"}, {Name: "from_date"}},
		DoUpdates: clause.AssignmentColumns([]string{"times", "per", "note", "updated_at"}),
	}).Create(f).Error)
}

// ContactNote is a journal note as the contact intensity counts it.
type ContactNote struct {
	OccurredAt      string
	DurationMinutes int
	Kind            string
}

// ContactNotesSince returns the notes of the given kinds of many courses dated on or after
// the day (ISO), by course: what the weeks of contact intensity count.
func (s *Store) ContactNotesSince(ctx context.Context, ids []uint, since string, kinds []string) (map[uint][]ContactNote, error) {
	out := map[uint][]ContactNote{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		CourseID uint
		ContactNote
	}
	err := s.db.WithContext(ctx).Raw(`SELECT course_id, occurred_at, duration_minutes, kind FROM notes
		WHERE course_id IN ? AND occurred_at >= ? AND kind IN ? ORDER BY course_id, occurred_at`, ids, since, kinds).Scan(&rows).Error
	for _, r := range rows {
		out[r.CourseID] = append(out[r.CourseID], r.ContactNote)
	}
	return out, storageErr(err)
}

// CaseReview is a course discussed at a team meeting (migration 0019).
type CaseReview struct {
	ID           uint
	CourseID     uint
	Date         string
	Participants string
	Agreed       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (CaseReview) TableName() string { return "case_reviews" }

// ListCaseReviews returns a course's case reviews, newest first.
func (s *Store) ListCaseReviews(ctx context.Context, courseID uint) ([]CaseReview, error) {
	var out []CaseReview
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("date DESC, id DESC").Find(&out).Error)
}

// GetCaseReview loads one case review.
func (s *Store) GetCaseReview(ctx context.Context, id uint) (*CaseReview, error) {
	var r CaseReview
	if err := s.first(ctx, &r, id); err != nil {
		return nil, err
	}
	return &r, nil
}

// LastCaseReviews returns the date of each course's latest case review, by course.
func (s *Store) LastCaseReviews(ctx context.Context, ids []uint) (map[uint]string, error) {
	out := map[uint]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		CourseID uint
		Last     string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT course_id, MAX(date) AS last FROM case_reviews WHERE course_id IN ? GROUP BY course_id`,
		ids).Scan(&rows).Error
	for _, r := range rows {
		out[r.CourseID] = r.Last
	}
	return out, storageErr(err)
}

// TeamMeeting is one of the team's status meetings or supervisions (migration 0019).
type TeamMeeting struct {
	ID           uint
	TeamID       uint
	Kind         string
	Date         string
	Participants string
	Note         string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (TeamMeeting) TableName() string { return "team_meetings" }

// ListTeamMeetings returns the team's meetings, newest first, at most limit (0 for all).
func (s *Store) ListTeamMeetings(ctx context.Context, limit int) ([]TeamMeeting, error) {
	q := s.db.WithContext(ctx).Order("date DESC, id DESC")
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []TeamMeeting
	return out, storageErr(q.Find(&out).Error)
}

// GetTeamMeeting loads one team meeting.
func (s *Store) GetTeamMeeting(ctx context.Context, id uint) (*TeamMeeting, error) {
	var m TeamMeeting
	if err := s.first(ctx, &m, id); err != nil {
		return nil, err
	}
	return &m, nil
}

// LastTeamMeetings returns the date of the latest meeting of each kind.
func (s *Store) LastTeamMeetings(ctx context.Context) (map[string]string, error) {
	var rows []struct {
		Kind string
		Last string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT kind, MAX(date) AS last FROM team_meetings GROUP BY kind`).Scan(&rows).Error
	out := map[string]string{}
	for _, r := range rows {
		out[r.Kind] = r.Last
	}
	return out, storageErr(err)
}

// ReadTx runs fn on a Store bound to one read-only transaction: everything fn reads comes
// from one consistent snapshot of the database, however many queries it takes and whatever
// other connections write meanwhile (WAL mode). fn must not write.
func (s *Store) ReadTx(ctx context.Context, fn func(tx *Store) error) error {
	tx := s.db.WithContext(ctx).Begin(&sql.TxOptions{ReadOnly: true})
	if tx.Error != nil {
		return storageErr(tx.Error)
	}
	defer tx.Rollback()
	return fn(&Store{db: tx.Session(&gorm.Session{}), path: s.path})
}
