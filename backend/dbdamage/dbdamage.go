// Package dbdamage damages a closed ICM database file on purpose, for the tests of a file
// found damaged after the window opened (app_integrity_test.go, and the end-to-end phase
// through its command damagedb). Never point it at real data.
package dbdamage

import (
	"context"
	"errors"
	"fmt"
	"os"

	"icm/backend/store"
)

// Table writes garbage over the end of table's root page in the database at path, where a
// small table keeps its rows (its root page is then its only leaf), so that SQLite's
// quick_check reports the file. The file is closed cleanly first: no write-ahead log is left
// beside it, as after a session that ended well.
func Table(path, table string) error {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	db, err := st.SQLDB()
	if err != nil {
		_ = st.Close()
		return err
	}
	var root, pageSize int64
	err = db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&root)
	if err == nil {
		err = db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	}
	if cerr := st.Close(); err == nil { // the close checkpoints the log into the file
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("table %s: %w", table, err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return errors.New("the write-ahead log is still there after closing")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	junk := make([]byte, 256)
	for i := range junk {
		junk[i] = byte(0xA5 ^ (i * 31))
	}
	if _, err := f.WriteAt(junk, root*pageSize-int64(len(junk))-8); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
