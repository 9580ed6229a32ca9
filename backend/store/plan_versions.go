package store

import (
	"context"
	"time"
)

// PlanVersion is one signed version of a course's plan: the snapshot as it was signed and
// the signatures. Rows are only ever inserted; the database refuses updates and deletes.
type PlanVersion struct {
	ID             uint
	CourseID       uint
	VersionNo      int
	Snapshot       string // JSON of plandoc.Plan
	SignedAt       time.Time
	CitizenName    string
	CitizenDate    string
	Method         string
	WorkerID       uint
	WorkerDate     string
	LeadID         *uint
	LeadDate       *string
	CitizenComment string
	CreatedAt      time.Time
}

// TableName pins the table name.
func (PlanVersion) TableName() string { return "plan_versions" }

// NextPlanVersionNo gives the number the course's next signed version gets (1 for the first).
// Call it in the write transaction that inserts the version, so that no other writer takes
// the same number in between.
func (s *Store) NextPlanVersionNo(ctx context.Context, courseID uint) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version_no), 0) + 1 FROM plan_versions WHERE course_id = ?", courseID).Scan(&n).Error
	return n, storageErr(err)
}

// CreatePlanVersion inserts a signed version. There is no update or delete: a signed
// version is a record.
func (s *Store) CreatePlanVersion(ctx context.Context, v *PlanVersion) error {
	return storageErr(s.writer(ctx).Create(v).Error)
}

// ListPlanVersions returns a course's signed versions with their snapshots, newest first.
// A course has a handful of versions, and the names as signed live in the snapshots.
func (s *Store) ListPlanVersions(ctx context.Context, courseID uint) ([]PlanVersion, error) {
	var out []PlanVersion
	err := s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("version_no DESC").Find(&out).Error
	return out, storageErr(err)
}

// GetPlanVersion loads one signed version with its snapshot.
func (s *Store) GetPlanVersion(ctx context.Context, id uint) (*PlanVersion, error) {
	var v PlanVersion
	if err := s.first(ctx, &v, id); err != nil {
		return nil, err
	}
	return &v, nil
}

// LatestPlanVersion loads the course's newest signed version, or nil when none is signed.
func (s *Store) LatestPlanVersion(ctx context.Context, courseID uint) (*PlanVersion, error) {
	var out []PlanVersion
	err := s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("version_no DESC").Limit(1).Find(&out).Error
	if err != nil || len(out) == 0 {
		return nil, storageErr(err)
	}
	return &out[0], nil
}
