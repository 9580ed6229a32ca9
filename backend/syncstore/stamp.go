package syncstore

import (
	"fmt"
	"sort"

	"gorm.io/gorm"
)

// Stamp records the HLCs the engine assigned to changes that Pending returned (every
// column of Cols must have one) and deletes the outbox rows up to upTo, in tx: call it in
// the transaction that records the batch as published. The first publication of a row
// sets its row clock (the smallest of its columns' HLCs) and remembers its course and
// citizen for its later delete. upTo 0 deletes nothing (for stamping a snapshot's rows
// that were never published).
func Stamp(tx *gorm.DB, changes []Change, upTo int64) error {
	c, err := newConn(tx, true)
	if err != nil {
		return err
	}
	for i := range changes {
		if err := c.stamp(&changes[i]); err != nil {
			return err
		}
	}
	if upTo > 0 {
		return c.exec(`DELETE FROM sync_outbox WHERE seq <= ?`, upTo)
	}
	return nil
}

func (c *conn) stamp(ch *Change) error {
	if ch.Op != OpPut {
		return nil // a delete's tombstone is there already
	}
	id, ok, err := c.byUID(ch.UID)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("syncstore: stamp %s %s: no such row", ch.Table, ch.UID)
	}
	cols := make([]string, 0, len(ch.Cols))
	for col := range ch.Cols {
		if ch.HLC[col] == "" {
			return fmt.Errorf("syncstore: stamp %s %s: column %s has no HLC", ch.Table, ch.UID, col)
		}
		cols = append(cols, col)
	}
	sort.Strings(cols)
	if id.HLC == "" {
		first := minHLC(ch.HLC, cols)
		if err := c.exec(`UPDATE sync_ids SET hlc = ?, course = ?, citizen = ? WHERE uid = ?`,
			first, nullable(ch.Course), nullable(ch.Citizen), ch.UID); err != nil {
			return err
		}
		if err := c.exec(`DELETE FROM sync_cols WHERE uid = ?`, ch.UID); err != nil {
			return err
		}
		c.forget(ch.UID)
		return c.setCols(ch.UID, cols, ch.HLC, ch.Base, first)
	}
	if err := c.exec(`UPDATE sync_ids SET course = ?, citizen = ? WHERE uid = ?`,
		nullable(ch.Course), nullable(ch.Citizen), ch.UID); err != nil {
		return err
	}
	c.forget(ch.UID)
	return c.setCols(ch.UID, cols, ch.HLC, ch.Base, "")
}

// setCols records the clock of columns cols, but not of those whose HLC is the row's own
// (rowHLC).
func (c *conn) setCols(uid string, cols []string, hlc, base map[string]string, rowHLC string) error {
	for _, col := range cols {
		if hlc[col] == rowHLC {
			continue
		}
		if err := c.exec(`INSERT INTO sync_cols(uid, col, hlc, base) VALUES (?, ?, ?, ?)
			ON CONFLICT (uid, col) DO UPDATE SET hlc = excluded.hlc, base = excluded.base`,
			uid, col, hlc[col], base[col]); err != nil {
			return err
		}
	}
	return nil
}

// minHLC is the smallest HLC of cols.
func minHLC(hlc map[string]string, cols []string) string {
	first := ""
	for _, col := range cols {
		if h := hlc[col]; first == "" || h < first {
			first = h
		}
	}
	return first
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
