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
// sets the connection back as it was afterwards. Its commit does not copy the write-ahead
// log into the database (SQLite's automatic checkpoint, hundreds of MiB after a snapshot's
// load): with checkpoint that is done right after, without waiting for readers; without, the
// next transaction's commit does it (loading a snapshot leaves it to the search index's
// build that follows, so that the screens are told to reload the sooner).
func (e *Engine) bulkTransaction(ctx context.Context, checkpoint bool, fn func(tx *gorm.DB) error) error {
	return e.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		var cache, temp, auto int64
		for q, v := range map[string]*int64{`PRAGMA cache_size`: &cache, `PRAGMA temp_store`: &temp, `PRAGMA wal_autocheckpoint`: &auto} {
			if err := conn.Raw(q).Scan(v).Error; err != nil {
				return err
			}
		}
		for _, q := range []string{fmt.Sprintf(`PRAGMA cache_size = %d`, -bulkCacheKiB), `PRAGMA temp_store = MEMORY`,
			`PRAGMA wal_autocheckpoint = 0`} {
			if err := conn.Exec(q).Error; err != nil {
				return err
			}
		}
		err := conn.Transaction(fn)
		// Back as it was, also after a failed transaction (the connection returns to the pool).
		restore := conn.Session(&gorm.Session{Context: context.Background()})
		for _, q := range []string{fmt.Sprintf(`PRAGMA cache_size = %d`, cache), fmt.Sprintf(`PRAGMA temp_store = %d`, temp),
			fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, auto)} {
			if rerr := restore.Exec(q).Error; err == nil {
				err = rerr
			}
		}
		if err == nil && checkpoint {
			err = restore.Exec(`PRAGMA wal_checkpoint(PASSIVE)`).Error
		}
		return err
	})
}
