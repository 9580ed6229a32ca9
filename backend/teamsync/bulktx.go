package teamsync

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// bulkCacheKiB is the page cache of a transaction that reads or writes the whole database
// (a snapshot written or loaded): room for a ten-year database (a few hundred MiB), so that
// SQLite neither reads the same pages again and again nor writes pages out to the log in
// the middle of loading a snapshot only to change them again (SQLite's default is 2 MiB;
// a smaller cache cost the ten-year join 8 s). SQLite takes the memory only as pages are
// used, and it is handed back when the transaction ends.
const bulkCacheKiB = 1 << 20

// bulkTransaction runs fn in a transaction on one connection with a page cache of
// bulkCacheKiB and its temporary files (the applier's savepoint journals) in memory, and
// sets the connection back as it was afterwards.
func (e *Engine) bulkTransaction(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return e.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		var cache, temp int64
		if err := conn.Raw(`PRAGMA cache_size`).Scan(&cache).Error; err != nil {
			return err
		}
		if err := conn.Raw(`PRAGMA temp_store`).Scan(&temp).Error; err != nil {
			return err
		}
		if err := conn.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, -bulkCacheKiB)).Error; err != nil {
			return err
		}
		if err := conn.Exec(`PRAGMA temp_store = MEMORY`).Error; err != nil {
			return err
		}
		err := conn.Transaction(fn)
		// Back as it was, also after a failed transaction (the connection returns to the pool).
		restore := conn.Session(&gorm.Session{Context: context.Background()})
		if rerr := restore.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, cache)).Error; err == nil {
			err = rerr
		}
		if rerr := restore.Exec(fmt.Sprintf(`PRAGMA temp_store = %d`, temp)).Error; err == nil {
			err = rerr
		}
		return err
	})
}
