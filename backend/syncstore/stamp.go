package syncstore

import (
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// Stamp records the HLCs the engine assigned to changes that Pending returned (every
// column of Cols must have one) and deletes the outbox rows up to upTo, and the write times
// of their transactions (sync_tx_times), in tx: call it in
// the transaction that records the batch as published. The first publication of a row
// sets its row clock (the smallest of its columns' HLCs) and remembers its course and
// citizen for its later delete. upTo 0 deletes nothing (for stamping a snapshot's rows
// that were never published).
func Stamp(tx *gorm.DB, changes []Change, upTo int64) error {
	c, err := newConn(tx, true)
	if err != nil {
		return err
	}
	defer c.done()
	uids := make([]string, 0, len(changes))
	for i := range changes {
		if changes[i].Op == OpPut {
			uids = append(uids, changes[i].UID)
		}
	}
	if err := c.loadIDs(uids); err != nil {
		return err
	}
	var first []stamped // rows published for the first time, stamped together
	for i := range changes {
		ch := &changes[i]
		if ch.Op != OpPut {
			continue // a delete's tombstone is there already
		}
		id, ok := c.rows[ch.UID]
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
			first = append(first, stamped{ch: ch, cols: cols, hlc: minHLC(ch.HLC, cols)})
			continue
		}
		if err := c.exec(`UPDATE sync_ids SET course = ?, citizen = ? WHERE uid = ?`,
			nullable(ch.Course), nullable(ch.Citizen), ch.UID); err != nil {
			return err
		}
		if err := c.setCols(ch.UID, cols, ch.HLC, ch.Base, ""); err != nil {
			return err
		}
	}
	if err := c.stampFirst(first); err != nil {
		return err
	}
	if upTo > 0 {
		if err := c.exec(`DELETE FROM sync_outbox WHERE seq <= ?`, upTo); err != nil {
			return err
		}
		return c.exec(`DELETE FROM sync_tx_times WHERE tx <= ?`, upTo)
	}
	return nil
}

// stamped is a row published for the first time and its clock.
type stamped struct {
	ch   *Change
	cols []string
	hlc  string
}

// stampFirst sets the clock and scope of rows published for the first time, a few hundred
// with one statement.
func (c *conn) stampFirst(rows []stamped) error {
	return chunks(rows, func(part []stamped) error {
		values := make([]string, len(part))
		args := make([]any, 0, 4*len(part))
		uids := make([]any, len(part))
		for i, r := range part {
			values[i] = "(?, ?, ?, ?)"
			args = append(args, r.ch.UID, r.hlc, nullable(r.ch.Course), nullable(r.ch.Citizen))
			uids[i] = r.ch.UID
		}
		if err := c.exec(`WITH v(uid, hlc, course, citizen) AS (VALUES `+strings.Join(values, ", ")+`)
			UPDATE sync_ids SET hlc = v.hlc, course = v.course, citizen = v.citizen FROM v WHERE sync_ids.uid = v.uid`,
			args...); err != nil {
			return err
		}
		// A natural row written again after its delete may have clocks of its earlier life.
		if err := c.exec(`DELETE FROM sync_cols WHERE uid IN (`+placeholders(len(part))+`)`, uids...); err != nil {
			return err
		}
		for _, r := range part {
			c.forget(r.ch.UID)
			if err := c.setCols(r.ch.UID, r.cols, r.ch.HLC, r.ch.Base, r.hlc); err != nil {
				return err
			}
		}
		return nil
	})
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
