package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (setting) TableName() string { return "settings" }

// GetSetting returns a stored setting, or def when it was never set.
func (s *Store) GetSetting(ctx context.Context, key, def string) (string, error) {
	var st setting
	err := s.db.WithContext(ctx).Where("key = ?", key).First(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return def, nil
	}
	if err != nil {
		return def, storageErr(err)
	}
	return st.Value, nil
}

// SetSetting stores a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).
		Create(&setting{Key: key, Value: value}).Error)
}
