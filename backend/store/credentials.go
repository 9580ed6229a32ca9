package store

import (
	"context"
	"time"

	"icm/backend/domain"
)

// Credential is a worker's sign-in: a username and an Argon2id password hash.
type Credential struct {
	WorkerID       uint `gorm:"primaryKey;autoIncrement:false"`
	Username       string
	PasswordHash   string
	FailedAttempts int
	LockedUntil    *time.Time
	MustChange     bool
	LastSignIn     *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// TableName pins the table name.
func (Credential) TableName() string { return "credentials" }

// GetCredential loads a worker's credential; not_found when the worker has none.
func (s *Store) GetCredential(ctx context.Context, workerID uint) (*Credential, error) {
	var c Credential
	err := s.db.WithContext(ctx).Where("worker_id = ?", workerID).First(&c).Error
	if err != nil {
		return nil, storageErr(err)
	}
	return &c, nil
}

// CredentialByUsername finds a credential by username, case-insensitively.
func (s *Store) CredentialByUsername(ctx context.Context, username string) (*Credential, error) {
	var c Credential
	err := s.db.WithContext(ctx).Where("username = ? COLLATE NOCASE", username).First(&c).Error
	if err != nil {
		return nil, storageErr(err)
	}
	return &c, nil
}

// ListCredentials returns every credential, keyed by worker id.
func (s *Store) ListCredentials(ctx context.Context) (map[uint]Credential, error) {
	var rows []Credential
	if err := s.db.WithContext(ctx).Find(&rows).Error; err != nil {
		return nil, storageErr(err)
	}
	out := make(map[uint]Credential, len(rows))
	for _, r := range rows {
		out[r.WorkerID] = r
	}
	return out, nil
}

// UsernameTaken reports whether another worker already signs in with this username.
func (s *Store) UsernameTaken(ctx context.Context, username string, exceptWorkerID uint) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Credential{}).
		Where("username = ? COLLATE NOCASE AND worker_id <> ?", username, exceptWorkerID).Count(&n).Error
	return n > 0, storageErr(err)
}

// SaveCredential inserts or replaces a worker's credential.
func (s *Store) SaveCredential(ctx context.Context, c *Credential) error {
	existing, err := s.GetCredential(ctx, c.WorkerID)
	if err != nil && domain.CodeOf(err) != domain.CodeNotFound {
		return err
	}
	if existing == nil {
		return storageErr(s.db.WithContext(ctx).Create(c).Error)
	}
	c.CreatedAt = existing.CreatedAt
	return storageErr(s.writer(ctx).Model(c).Select("username", "password_hash", "failed_attempts", "locked_until",
		"must_change", "last_sign_in", "updated_at").Updates(c).Error)
}

// CountCredentials counts every worker's sign-in, active or not.
func (s *Store) CountCredentials(ctx context.Context) (int, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Credential{}).Count(&n).Error
	return int(n), storageErr(err)
}

// ActiveLeadsWithCredentials lists the active team leads who can sign in.
func (s *Store) ActiveLeadsWithCredentials(ctx context.Context) ([]uint, error) {
	var ids []uint
	err := s.db.WithContext(ctx).Raw(`SELECT c.worker_id FROM credentials c JOIN workers w ON w.id = c.worker_id
		WHERE w.active = 1 AND w.role = ? ORDER BY c.worker_id`, string(domain.RoleTeamLead)).Scan(&ids).Error
	return ids, storageErr(err)
}

// CourseCitizen returns the citizen a course belongs to.
func (s *Store) CourseCitizen(ctx context.Context, courseID uint) (uint, error) {
	var ids []uint
	if err := s.db.WithContext(ctx).Raw(`SELECT citizen_id FROM courses WHERE id = ?`, courseID).
		Scan(&ids).Error; err != nil {
		return 0, storageErr(err)
	}
	if len(ids) == 0 {
		return 0, domain.E(domain.CodeNotFound, "course not found")
	}
	return ids[0], nil
}

// Owners is who works with a citizen. Only an open course makes its worker the citizen's
// own: the worker of a closed course, or of one that went on with a colleague, is one of
// the colleagues.
type Owners struct {
	Citizen uint   // the citizen (a cover may be for some of a worker's citizens only)
	Open    []uint // the workers of the citizen's open courses
	Courses bool   // the citizen has had a course, open or closed
}

// CitizenOwners returns the workers of a citizen's open courses and whether they have any course.
func (s *Store) CitizenOwners(ctx context.Context, citizenID uint) (Owners, error) {
	var rows []struct {
		WorkerID uint
		Open     bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT DISTINCT worker_id, status <> 'closed' AS open FROM courses
		WHERE citizen_id = ?`, citizenID).Scan(&rows).Error
	out := Owners{Citizen: citizenID}
	for _, r := range rows {
		out.Courses = true
		if r.Open {
			out.Open = append(out.Open, r.WorkerID)
		}
	}
	return out, storageErr(err)
}

// WorkersByCitizen maps every citizen with a course to who works with them (see Owners).
func (s *Store) WorkersByCitizen(ctx context.Context) (map[uint]Owners, error) {
	var rows []struct {
		CitizenID, WorkerID uint
		Open                bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT DISTINCT citizen_id, worker_id, status <> 'closed' AS open
		FROM courses`).Scan(&rows).Error
	out := make(map[uint]Owners)
	for _, r := range rows {
		o := out[r.CitizenID]
		o.Citizen, o.Courses = r.CitizenID, true
		if r.Open {
			o.Open = append(o.Open, r.WorkerID)
		}
		out[r.CitizenID] = o
	}
	return out, storageErr(err)
}
