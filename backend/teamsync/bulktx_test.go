package teamsync

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"icm/backend/store"
)

// TestBulkTransactionSetsTheConnectionBack: a snapshot's transaction runs with a large page
// cache, temporary files in memory and no automatic checkpoint, and the connection goes back to the pool as it was,
// after a failed transaction too.
func TestBulkTransactionSetsTheConnectionBack(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "icm.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sqlDB, err := st.Gorm().DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1) // one connection: the one the transaction used is the one checked after
	pragmas := func(db *gorm.DB) (cache, temp, auto int64) {
		t.Helper()
		for q, v := range map[string]*int64{`PRAGMA cache_size`: &cache, `PRAGMA temp_store`: &temp, `PRAGMA wal_autocheckpoint`: &auto} {
			if err := db.Raw(q).Scan(v).Error; err != nil {
				t.Fatal(err)
			}
		}
		return cache, temp, auto
	}
	cache0, temp0, auto0 := pragmas(st.Gorm())
	e := &Engine{db: st.Gorm()}
	for _, tc := range []struct {
		name string
		fail error
	}{{"committed", nil}, {"rolled back", errors.New("stop")}} {
		t.Run(tc.name, func(t *testing.T) {
			err := e.bulkTransaction(context.Background(), tc.fail == nil, func(tx *gorm.DB) error {
				if cache, temp, auto := pragmas(tx); cache != -bulkCacheKiB || temp != 2 || auto != 0 {
					t.Errorf("in the transaction: cache_size %d, temp_store %d, wal_autocheckpoint %d; want %d, 2 (memory) and 0",
						cache, temp, auto, -bulkCacheKiB)
				}
				return tc.fail
			})
			if !errors.Is(err, tc.fail) {
				t.Fatalf("bulkTransaction: %v, want %v", err, tc.fail)
			}
			if cache, temp, auto := pragmas(st.Gorm()); cache != cache0 || temp != temp0 || auto != auto0 {
				t.Fatalf("after: cache_size %d, temp_store %d, wal_autocheckpoint %d; want %d, %d and %d as before",
					cache, temp, auto, cache0, temp0, auto0)
			}
		})
	}
}
