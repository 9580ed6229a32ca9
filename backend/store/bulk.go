package store

import (
	"context"

	"gorm.io/gorm"
)

// bulkBatch is how many rows one INSERT carries: well under SQLite's limit of 32 766 bound
// values for the widest model (about 20 columns).
const bulkBatch = 400

// InsertBatch inserts a slice of step models (or citizens, courses, notes …) in multi-row
// INSERTs and fills in their ids. It is for filling a database in bulk, such as the
// ten-year benchmark database; run it inside Tx so the rows commit together. Timestamps are
// written as the caller set them. It only ever inserts, so it may also add signed plan and
// template versions.
func (s *Store) InsertBatch(ctx context.Context, rows any) error {
	return storageErr(s.db.WithContext(ctx).Session(&gorm.Session{SkipHooks: true}).CreateInBatches(rows, bulkBatch).Error)
}
