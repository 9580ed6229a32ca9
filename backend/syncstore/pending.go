package syncstore

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// outboxRow is one row of sync_outbox.
type outboxRow struct {
	seq    int64
	table  string
	rowID  int64
	uid    sql.NullString
	op     string
	cols   sql.NullString
	worker int64
	tx     int64
}

// group is the outbox rows of one synced row, coalesced.
type group struct {
	uid      string
	table    string
	lastSeq  int64
	inserted bool            // an insert among them: every column travels
	cols     map[string]bool // the columns updates changed
	worker   int64           // of the last of them
	tx       int64           // the transaction of the last of them (0: none recorded)
}

// Pending reads the outbox in order and returns the local changes not yet published, one
// per row (an insert and later updates are one put with every column, two updates the
// union of their columns, anything followed by the delete a delete; a row written and
// deleted before it was ever published is left out), with when the row's latest write was
// made (Written, from sync_tx_times). Values are read as they are now and
// references are given as uids. The changes come in the order they were last written,
// except that a new row comes before the rows that reference it. limit bounds the outbox
// rows read (0: all), but one transaction's rows are never split: upTo is the last seq
// read, for Stamp. Pending changes nothing: called again, it returns the same.
func Pending(tx *gorm.DB, limit int) (changes []Change, upTo int64, err error) {
	c, err := newConn(tx, false)
	if err != nil {
		return nil, 0, err
	}
	defer c.done()
	rows, err := c.readOutbox(limit)
	if err != nil || len(rows) == 0 {
		return nil, 0, err
	}
	upTo = rows[len(rows)-1].seq
	groups, err := c.coalesce(rows)
	if err != nil {
		return nil, 0, err
	}
	written, err := c.writeTimes(rows)
	if err != nil {
		return nil, 0, err
	}
	changes, err = c.changesOf(groups, written)
	if err != nil {
		return nil, 0, err
	}
	return parentsFirst(changes), upTo, nil
}

// writeTimes are the times sync_tx_times holds for the transactions of rows.
func (c *conn) writeTimes(rows []outboxRow) (map[int64]string, error) {
	out := map[int64]string{}
	first, last := rows[0].tx, rows[0].tx
	for _, r := range rows {
		first, last = min(first, r.tx), max(last, r.tx)
	}
	rs, err := c.query(`SELECT tx, at FROM sync_tx_times WHERE tx BETWEEN ? AND ?`, first, last)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var tx int64
		var at string
		if err := rs.Scan(&tx, &at); err != nil {
			return nil, err
		}
		out[tx] = at
	}
	return out, rs.Err()
}

// readOutbox reads up to limit rows and then the rest of the last row's transaction.
func (c *conn) readOutbox(limit int) ([]outboxRow, error) {
	scan := func(q string, args ...any) ([]outboxRow, error) {
		rs, err := c.query(`SELECT seq, tbl, row_id, uid, op, cols, worker, tx FROM sync_outbox `+q, args...)
		if err != nil {
			return nil, err
		}
		defer rs.Close()
		var out []outboxRow
		for rs.Next() {
			var r outboxRow
			if err := rs.Scan(&r.seq, &r.table, &r.rowID, &r.uid, &r.op, &r.cols, &r.worker, &r.tx); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rs.Err()
	}
	if limit <= 0 {
		return scan(`ORDER BY seq`)
	}
	out, err := scan(`ORDER BY seq LIMIT ?`, limit)
	if err != nil || len(out) < limit {
		return out, err
	}
	last := out[len(out)-1]
	more, err := scan(`WHERE seq > ? ORDER BY seq LIMIT 1000`, last.seq)
	for err == nil && len(more) > 0 {
		for _, r := range more {
			if r.tx != last.tx || r.tx == 0 {
				return out, nil
			}
			out = append(out, r)
		}
		more, err = scan(`WHERE seq > ? ORDER BY seq LIMIT 1000`, out[len(out)-1].seq)
	}
	return out, err
}

// coalesce groups the outbox rows by the synced row they are about. An insert or update
// names its row by table and rowid (its uid is looked up now: a row deleted since is
// covered by its delete's row); a delete names its uid.
func (c *conn) coalesce(rows []outboxRow) ([]*group, error) {
	ids := map[string][]int64{}
	for _, r := range rows {
		if r.op != "del" {
			ids[r.table] = append(ids[r.table], r.rowID)
		}
	}
	for table, list := range ids {
		if err := c.loadUIDs(table, list); err != nil {
			return nil, err
		}
	}
	byUID := map[string]*group{}
	var out []*group
	for _, r := range rows {
		uid := r.uid.String
		if r.op != "del" {
			uid = c.uids[r.table][r.rowID]
		}
		if uid == "" {
			continue // not a synced row (a setting of the laptop), or gone since
		}
		g, ok := byUID[uid]
		if !ok {
			g = &group{uid: uid, table: r.table, cols: map[string]bool{}}
			byUID[uid] = g
			out = append(out, g)
		}
		g.lastSeq, g.worker, g.tx = r.seq, r.worker, r.tx
		switch r.op {
		case "ins":
			g.inserted = true
		case "upd":
			for _, col := range strings.Split(r.cols.String, ",") {
				if col != "" {
					g.cols[col] = true
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lastSeq < out[j].lastSeq })
	return out, nil
}

// changesOf reads the current state of every group's row, many rows per query; written
// holds the write time of each transaction (for Change.Written).
func (c *conn) changesOf(groups []*group, written map[int64]string) ([]Change, error) {
	uids := make([]string, len(groups))
	for i, g := range groups {
		uids[i] = g.uid
	}
	if err := c.loadIDs(uids); err != nil {
		return nil, err
	}
	var published []string
	live := map[string][]int64{}
	for _, g := range groups {
		id := c.rows[g.uid]
		if id.HLC != "" {
			published = append(published, g.uid)
		}
		if id.live() {
			live[g.table] = append(live[g.table], id.RowID.Int64)
		}
	}
	clockOf, err := c.loadClocks(published)
	if err != nil {
		return nil, err
	}
	// Every live row's synced columns, references as uids (kept in c.wire for the scopes).
	values := map[string]map[int64]map[string]any{}
	for table, ids := range live {
		ti, err := c.info(table)
		if err != nil {
			return nil, err
		}
		rows, err := c.readRows(table, ids, ti.synced)
		if err != nil {
			return nil, err
		}
		if err := c.loadRefs(ti, rows); err != nil {
			return nil, err
		}
		for id, vals := range rows {
			if err := c.toWire(ti, vals); err != nil {
				return nil, err
			}
			c.wire[c.uids[table][id]] = vals
		}
		values[table] = rows
	}
	workers := map[int64]string{}
	var out []Change
	for _, g := range groups {
		id, ok := c.rows[g.uid]
		if !ok || (!id.live() && id.HLC == "") {
			continue // never published and gone: nobody else knows it
		}
		ti, err := c.info(g.table)
		if err != nil {
			return nil, err
		}
		k := clocks{row: id.HLC, cols: clockOf[g.uid]}
		ch := Change{Table: g.table, UID: g.uid, Written: written[g.tx]}
		if w, ok := workers[g.worker]; ok {
			ch.Worker = w
		} else if g.worker != 0 {
			if ch.Worker, err = c.uidOf("workers", g.worker); err != nil {
				return nil, err
			}
			workers[g.worker] = ch.Worker
		}
		if !id.live() {
			ch.Op, ch.Course, ch.Citizen = OpDel, id.Course, id.Citizen
			ch.Base = deleteBase(k)
			out = append(out, ch)
			continue
		}
		cols := ti.synced
		if id.HLC != "" && !g.inserted {
			cols = nil
			for _, col := range ti.merged {
				if g.cols[col] {
					cols = append(cols, col)
				}
			}
			if len(cols) == 0 {
				continue // only columns of the laptop changed
			}
		}
		row, ok := values[g.table][id.RowID.Int64]
		if !ok {
			return nil, fmt.Errorf("syncstore: %s row %d is gone", g.table, id.RowID.Int64)
		}
		ch.Op, ch.Cols, ch.Base = OpPut, make(map[string]any, len(cols)), make(map[string]string, len(cols))
		for _, col := range cols {
			ch.Cols[col] = row[col]
			ch.Base[col], _ = k.of(col)
		}
		if ch.Course, ch.Citizen, err = c.scope(ti, g.uid, row); err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}

// deleteBase is what a delete tells of the row it deletes: its first HLC under "" and the
// HLC of every column changed since.
func deleteBase(k clocks) map[string]string {
	base := map[string]string{"": k.row}
	for col, v := range k.cols {
		base[col] = v[0]
	}
	return base
}

// parentsFirst moves every new row (a put whose Base is empty) before the first change
// that references it, keeping the order otherwise.
func parentsFirst(changes []Change) []Change {
	newRow := map[string]int{}
	for i, ch := range changes {
		if ch.Op == OpPut && isNewRow(ch) {
			newRow[ch.UID] = i
		}
	}
	done := make([]bool, len(changes))
	out := make([]Change, 0, len(changes))
	var visit func(i int)
	visit = func(i int) {
		if done[i] {
			return
		}
		done[i] = true
		ch := changes[i]
		if t, ok := byName[ch.Table]; ok && ch.Op == OpPut {
			for _, r := range t.Refs {
				if uid, ok := ch.Cols[r.Col].(string); ok {
					if j, ok := newRow[uid]; ok && j != i {
						visit(j)
					}
				}
			}
		}
		out = append(out, ch)
	}
	for i := range changes {
		visit(i)
	}
	return out
}

// isNewRow reports a put of a row that was never published.
func isNewRow(ch Change) bool {
	for _, b := range ch.Base {
		if b != "" {
			return false
		}
	}
	return true
}
