package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"
)

// TemplateElement is the team's answer to one element of the method template.
type TemplateElement struct {
	Element   string `gorm:"primaryKey"`
	Answer    string
	Status    string
	UpdatedAt time.Time
}

// TableName pins the table name.
func (TemplateElement) TableName() string { return "template_elements" }

// TemplateVersion is one signed version of the method template. Rows are only ever
// inserted; the database refuses updates and deletes.
type TemplateVersion struct {
	ID        uint
	VersionNo int
	Snapshot  string // JSON of plandoc.Template
	SignedAt  time.Time
	LeadID    uint
	SignDate  string
	Note      string
	CreatedAt time.Time
}

// TableName pins the table name.
func (TemplateVersion) TableName() string { return "template_versions" }

// ListTemplateElements returns the elements the team has written anything about; an
// element without a row has not been started.
func (s *Store) ListTemplateElements(ctx context.Context) ([]TemplateElement, error) {
	var out []TemplateElement
	err := s.db.WithContext(ctx).Order("element").Find(&out).Error
	return out, storageErr(err)
}

// SaveTemplateElement writes one element's answer and status, replacing what was there.
func (s *Store) SaveTemplateElement(ctx context.Context, e *TemplateElement) error {
	return storageErr(s.writer(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "element"}},
		DoUpdates: clause.AssignmentColumns([]string{"answer", "status", "updated_at"}),
	}).Create(e).Error)
}

// NextTemplateVersionNo gives the number the next signed version gets (1 for the first).
// Call it in the write transaction that inserts the version.
func (s *Store) NextTemplateVersionNo(ctx context.Context) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version_no), 0) + 1 FROM template_versions").Scan(&n).Error
	return n, storageErr(err)
}

// CreateTemplateVersion inserts a signed version. There is no update or delete.
func (s *Store) CreateTemplateVersion(ctx context.Context, v *TemplateVersion) error {
	return storageErr(s.writer(ctx).Create(v).Error)
}

// ListTemplateVersions returns the signed versions with their snapshots, newest first.
func (s *Store) ListTemplateVersions(ctx context.Context) ([]TemplateVersion, error) {
	var out []TemplateVersion
	err := s.db.WithContext(ctx).Order("version_no DESC").Find(&out).Error
	return out, storageErr(err)
}

// GetTemplateVersion loads one signed version with its snapshot.
func (s *Store) GetTemplateVersion(ctx context.Context, id uint) (*TemplateVersion, error) {
	var v TemplateVersion
	if err := s.first(ctx, &v, id); err != nil {
		return nil, err
	}
	return &v, nil
}
