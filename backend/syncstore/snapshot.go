package syncstore

import (
	"strings"

	"gorm.io/gorm"
)

// liveRow is a live synced row as eachRow reads it: references as uids.
type liveRow struct {
	id   idRow
	vals map[string]any
	k    clocks
}

// eachRow calls fn for every live row of ti in rowid order (so that an entry comes after
// the entry of the same table it corrects), reading them in chunks.
func (c *conn) eachRow(ti *tableInfo, fn func(liveRow) error) error {
	clockOf, err := c.tableClocks(ti.Name)
	if err != nil {
		return err
	}
	q := liveRowsQuery(ti)
	after := int64(-1 << 62)
	for {
		var chunk []liveRow
		rows, err := c.query(q, ti.Name, after)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r liveRow
			var rowID int64
			vals := make([]any, len(ti.synced))
			ptrs := []any{&rowID, &r.id.UID, &r.id.HLC, &r.id.Course, &r.id.Citizen}
			for i := range vals {
				ptrs = append(ptrs, &vals[i])
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			r.id.Table, r.id.RowID.Int64, r.id.RowID.Valid = ti.Name, rowID, true
			r.vals = make(map[string]any, len(vals))
			for i, col := range ti.synced {
				r.vals[col] = plain(vals[i])
			}
			r.k = clocks{row: r.id.HLC, cols: clockOf[r.id.UID]}
			chunk = append(chunk, r)
			after = rowID
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(chunk) == 0 {
			return nil
		}
		for _, r := range chunk {
			if err := c.toWire(ti, r.vals); err != nil {
				return err
			}
			if err := fn(r); err != nil {
				return err
			}
		}
	}
}

// liveRowsQuery reads the next 1000 live rows of ti after a rowid, with their uids and
// clocks. It is ordered by sync_ids' row_id (the same order as the table's rowid) so that
// SQLite walks the index sync_ids_row in order and stops at the limit: ordered by t.rowid
// it gathered and sorted every row after the rowid for each chunk, which made a snapshot
// of a ten-year database quadratic in the size of its biggest table.
func liveRowsQuery(ti *tableInfo) string {
	sel := make([]string, len(ti.synced))
	for i, col := range ti.synced {
		sel[i] = "+t." + quote(col)
	}
	return `SELECT t.rowid, s.uid, COALESCE(s.hlc, ''), COALESCE(s.course, ''), COALESCE(s.citizen, ''), ` +
		strings.Join(sel, ", ") + ` FROM ` + quote(ti.Name) + ` t JOIN sync_ids s ON s.tbl = ? AND s.row_id = t.rowid
		WHERE t.rowid > ? ORDER BY s.row_id LIMIT 1000`
}

// tableClocks reads the column clocks of every row of a table.
func (c *conn) tableClocks(table string) (map[string]map[string][2]string, error) {
	rows, err := c.query(`SELECT k.uid, k.col, k.hlc, k.base FROM sync_cols k JOIN sync_ids s ON s.uid = k.uid WHERE s.tbl = ?`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string][2]string{}
	for rows.Next() {
		var uid, col, hlc, base string
		if err := rows.Scan(&uid, &col, &hlc, &base); err != nil {
			return nil, err
		}
		if out[uid] == nil {
			out[uid] = map[string][2]string{}
		}
		out[uid][col] = [2]string{hlc, base}
	}
	return out, rows.Err()
}

// Snapshot calls fn with every synced row as a put with all its columns and their current
// HLCs, in an order Apply accepts (every table after the tables it references); first the
// tombstones (as deletes) and last the kept values of sync_conflicts (Table ConflictTable),
// so that a laptop that applies it from nothing ends with the same Dump. Publish first: a
// value not yet published would travel with the HLC of the value it replaced. A row that
// was never published has no HLC (HLC is nil): the engine stamps it (Stamp with upTo 0)
// before it publishes the snapshot.
func Snapshot(tx *gorm.DB, fn func(Change) error) error {
	c, err := newConn(tx, false)
	if err != nil {
		return err
	}
	defer c.done()
	if err := c.eachTombstone(func(ch Change) error { return fn(ch) }); err != nil {
		return err
	}
	for i := range tables {
		ti, err := c.info(tables[i].Name)
		if err != nil {
			return err
		}
		err = c.eachRow(ti, func(r liveRow) error {
			ch := Change{Table: ti.Name, UID: r.id.UID, Op: OpPut, Cols: r.vals, Base: map[string]string{}}
			if r.id.HLC != "" {
				ch.HLC = make(map[string]string, len(ti.synced))
				for _, col := range ti.synced {
					ch.HLC[col], ch.Base[col] = r.k.of(col)
				}
				ch.Course, ch.Citizen = r.id.Course, r.id.Citizen
			} else {
				for _, col := range ti.synced {
					ch.Base[col] = ""
				}
				var err error
				if ch.Course, ch.Citizen, err = c.scope(ti, r.id.UID, r.vals); err != nil {
					return err
				}
			}
			return fn(ch)
		})
		if err != nil {
			return err
		}
	}
	return c.eachKept(func(tbl, uid, col, hlc string, value any) error {
		return fn(Change{Table: ConflictTable, UID: uid, Op: OpPut,
			Cols: map[string]any{"tbl": tbl, "col": col, "hlc": hlc, "value": value}})
	})
}

// eachTombstone calls fn with a delete for every published row deleted here.
func (c *conn) eachTombstone(fn func(Change) error) error {
	rows, err := c.query(`SELECT ` + idCols + ` FROM sync_ids WHERE deleted = 1 AND hlc IS NOT NULL ORDER BY tbl, uid`)
	if err != nil {
		return err
	}
	var ids []idRow
	for rows.Next() {
		r, err := scanID(rows)
		if err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		k, err := c.clocksOf(id)
		if err != nil {
			return err
		}
		if err := fn(Change{Table: id.Table, UID: id.UID, Op: OpDel, Base: deleteBase(k),
			Course: id.Course, Citizen: id.Citizen}); err != nil {
			return err
		}
	}
	return nil
}

// eachKept calls fn for every value kept in sync_conflicts, in a fixed order.
func (c *conn) eachKept(fn func(tbl, uid, col, hlc string, value any) error) error {
	rows, err := c.query(`SELECT tbl, uid, col, hlc, value FROM sync_conflicts ORDER BY uid, col, hlc`)
	if err != nil {
		return err
	}
	type kept struct {
		tbl, uid, col, hlc string
		value              any
	}
	var all []kept
	for rows.Next() {
		var k kept
		if err := rows.Scan(&k.tbl, &k.uid, &k.col, &k.hlc, &k.value); err != nil {
			rows.Close()
			return err
		}
		k.value = plain(k.value)
		all = append(all, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range all {
		if err := fn(k.tbl, k.uid, k.col, k.hlc, k.value); err != nil {
			return err
		}
	}
	return nil
}
