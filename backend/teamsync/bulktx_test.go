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
// cache and temporary files in memory, and the connection goes back to the pool as it was,
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
	pragmas := func(db *gorm.DB) (cache, temp int64) {
		t.Helper()
		if err := db.Raw(`PRAGMA cache_size`).Scan(&cache).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Raw(`PRAGMA temp_store`).Scan(&temp).Error; err != nil {
			t.Fatal(err)
		}
		return cache, temp
	}
	cache0, temp0 := pragmas(st.Gorm())
	e := &Engine{db: st.Gorm()}
	for _, tc := range []struct {
		name string
		fail error
	}{{"committed", nil}, {"rolled back", errors.New("stop")}} {
		t.Run(tc.name, func(t *testing.T) {
			err := e.bulkTransaction(context.Background(), func(tx *gorm.DB) error {
				if cache, temp := pragmas(tx); cache != -bulkCacheKiB || temp != 2 {
					t.Errorf("in the transaction: cache_size %d, temp_store %d; want %d and 2 (memory)", cache, temp, -bulkCacheKiB)
				}
				return tc.fail
			})
			if !errors.Is(err, tc.fail) {
				t.Fatalf("bulkTransaction: %v, want %v", err, tc.fail)
			}
			if cache, temp := pragmas(st.Gorm()); cache != cache0 || temp != temp0 {
				t.Fatalf("after: cache_size %d, temp_store %d; want %d and %d as before", cache, temp, cache0, temp0)
			}
		})
	}
}
