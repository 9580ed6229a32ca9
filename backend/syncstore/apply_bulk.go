package syncstore

import (
	"bytes"
	"database/sql"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxWindow bounds the changes taken together.
const maxWindow = 2000

// position is each synced table's place in the registry (parents first).
var position = func() map[string]int {
	m := make(map[string]int, len(tables))
	for i, t := range tables {
		m[t.Name] = i
	}
	return m
}()

// bulkRun returns how many changes from i on are new rows that can be inserted with a
// few statements, one table after the other in the registry's order: what a new laptop's
// snapshot and a big batch consist of. Each of them is applied as it would be alone;
// anything unusual (a row here already, a parent missing or deleted, a partial row) ends
// the run and is applied alone.
func (a *applier) bulkRun(changes []Change, i int) int {
	window := map[string]string{} // uid → table of the new rows so far
	n := 0
	for j := i; j < len(changes) && n < maxWindow; j++ {
		ch := &changes[j]
		ti, ok := a.bulkTable(ch)
		if !ok || window[ch.UID] != "" || !a.bulkable(ti, ch, window) {
			break
		}
		window[ch.UID] = ch.Table
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// bulkTable is the table of a put into a table with its own integer id.
func (a *applier) bulkTable(ch *Change) (*tableInfo, bool) {
	if _, ok := byName[ch.Table]; !ok || ch.Op != OpPut {
		return nil, false
	}
	ti, err := a.info(ch.Table)
	if err != nil || ti.ownID() == "" {
		return nil, false
	}
	return ti, true
}

// bulkable reports a put of a new, whole row whose references all name live rows here or
// new rows of the window in a table before its own.
func (a *applier) bulkable(ti *tableInfo, ch *Change, window map[string]string) bool {
	if ch.UID == "" || ti.Filter != "" || len(ch.Cols) != len(ti.synced) {
		return false
	}
	for _, col := range ti.synced { // every column a new row travels with, and no other
		if _, ok := ch.Cols[col]; !ok {
			return false
		}
	}
	if _, known := a.rows[ch.UID]; known {
		return false
	}
	// Not cached is not the same as not here: a delete in this call forgets its row's uid.
	if !a.absent[ch.UID] {
		if _, known, err := a.byUID(ch.UID); err != nil || known {
			return false
		}
	}
	for _, col := range ti.synced {
		if h := ch.HLC[col]; h == "" || h <= a.mark {
			return false
		}
	}
	for _, r := range ti.Refs {
		v, ok := ch.Cols[r.Col]
		if !ok || v == nil {
			continue
		}
		uid, ok := v.(string)
		if !ok {
			return false
		}
		if table := window[uid]; table != "" {
			if table != r.Table || position[table] >= position[ti.Name] {
				return false
			}
			continue
		}
		target, known := a.rows[uid]
		if !known || !target.live() || target.Table != r.Table {
			return false
		}
	}
	return true
}

// ownID is the name of the table's own integer primary key ("" when it has none).
func (ti *tableInfo) ownID() string {
	for _, c := range ti.cols {
		if ti.isOwnID(c) {
			return c.Name
		}
	}
	return ""
}

// bulkInsert inserts the new rows of run, table by table in the registry's order, each
// table's with one statement, with the ids after each table's largest, in a savepoint; on
// an error nothing of it is left and the caller applies the changes one by one.
func (a *applier) bulkInsert(run []Change) (err error) {
	if err := a.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_ids_bulk (uid TEXT, tbl TEXT, row_id INTEGER, hlc TEXT,
		course TEXT, citizen TEXT)`); err != nil {
		return fatal{err}
	}
	if err := a.exec(`SAVEPOINT sync_bulk`); err != nil {
		return fatal{err}
	}
	a.startJournal()
	defer func() {
		if err != nil {
			if rerr := a.exec(`ROLLBACK TO sync_bulk`); rerr != nil {
				err = fatal{rerr}
			}
			a.undo()
		}
		a.keepJournal()
		if rerr := a.exec(`RELEASE sync_bulk`); rerr != nil {
			err = fatal{rerr}
		}
	}()
	defer func(pending int) {
		if err != nil {
			a.pendingIDs = pending // rolled back with the savepoint
		}
	}(a.pendingIDs)
	byTable := map[string][]Change{}
	for _, ch := range run {
		byTable[ch.Table] = append(byTable[ch.Table], ch)
	}
	for _, t := range tables {
		if rows := byTable[t.Name]; len(rows) > 0 {
			if err := a.insertRows(rows); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertRows inserts new rows of one table with one statement. The rows go to SQLite as
// one JSON array that the statement reads with jsonb_each: one bound value instead of one
// per column and row (the driver's matching of values to variables costs the square of
// their number, and SQLite would parse every row's placeholders anew).
func (a *applier) insertRows(run []Change) error {
	ti, err := a.info(run[0].Table)
	if err != nil {
		return err
	}
	idCol := ti.ownID()
	var last int64
	if err := a.queryRow(`SELECT COALESCE(MAX(rowid), 0) FROM ` + quote(ti.Name)).Scan(&last); err != nil {
		return err
	}
	cols := append([]string{idCol}, ti.synced...)
	type inserted struct {
		rowID                       int64
		uid, first, course, citizen string
		note                        int64
	}
	done := make([]inserted, 0, len(run))
	rows := make([][]any, 0, len(run))
	ids := make([][]any, 0, len(run))
	revs := map[int64]int64{} // the last revision number given per note
	for k := range run {
		ch := &run[k]
		vals, lost, err := a.resolve(ti, ch, ti.synced)
		if err != nil {
			return err
		}
		if lost {
			return errBulk
		}
		wireVals := make(map[string]any, len(ti.synced))
		for _, col := range ti.synced {
			wireVals[col] = wire(ti, ch, col)
		}
		course, citizen, err := a.scope(ti, ch.UID, wireVals)
		if err != nil {
			return err
		}
		rowID := last + int64(k) + 1
		row := make([]any, 0, len(cols))
		row = append(row, rowID)
		in := inserted{rowID: rowID, uid: ch.UID, first: minHLC(ch.HLC, ti.synced), course: course, citizen: citizen}
		for _, col := range ti.synced {
			v := vals[col]
			if ti.Name == "note_revisions" && col == "revision_no" {
				// Numbered after the note's revisions here; renumberNotes puts them in order.
				in.note = vals["note_id"].(int64)
				if v, err = a.nextRevision(revs, in.note); err != nil {
					return err
				}
			}
			row = append(row, v)
		}
		rows = append(rows, row)
		ids = append(ids, []any{ch.UID, ti.Name, rowID, in.first, nullable(course), nullable(citizen)})
		done = append(done, in)
	}
	if err := a.insertJSON(ti.Name, cols, rows); err != nil {
		return err
	}
	if err := a.insertJSON("sync_ids_bulk", []string{"uid", "tbl", "row_id", "hlc", "course", "citizen"}, ids); err != nil {
		return err
	}
	a.pendingIDs += len(ids)
	for k, in := range done {
		if err := a.setCols(in.uid, ti.synced, run[k].HLC, run[k].Base, in.first); err != nil {
			return err
		}
	}
	for _, in := range done {
		a.remember(ti.Name, in.rowID, in.uid)
		a.setRow(idRow{UID: in.uid, Table: ti.Name, RowID: sql.NullInt64{Int64: in.rowID, Valid: true}, HLC: in.first,
			Course: in.course, Citizen: in.citizen})
		switch ti.Name {
		case "notes":
			a.newNotes[in.rowID] = true
		case "note_revisions":
			a.noteRevs[in.note]++
			if !a.newNotes[in.note] || a.noteRevs[in.note] > 1 {
				a.notes[in.note] = true
			}
		}
	}
	return nil
}

// flushIDs writes the sync_ids rows of the bulk inserts since the last flush, in the order
// of their uids. Uids are random: written as their rows go in, each one lands on another
// page of sync_ids (a new laptop's snapshot writes a million of them), while in order they
// fill its pages one after the other. Until then the rows are known from the caches alone,
// so this runs before anything else reads or changes sync_ids (a change applied on its
// own, the renumbering of notes, the end of the call).
func (a *applier) flushIDs() error {
	if a.pendingIDs == 0 {
		return nil
	}
	if err := a.exec(`INSERT OR FAIL INTO sync_ids(uid, tbl, row_id, hlc, course, citizen)
		SELECT uid, tbl, row_id, hlc, course, citizen FROM sync_ids_bulk ORDER BY uid`); err != nil {
		return err
	}
	a.pendingIDs = 0
	if err := a.exec(`DELETE FROM sync_ids_bulk`); err != nil {
		return err
	}
	return nil
}

// nextRevision is the number of a new revision of note: after the ones given in this
// statement (revs), else after the note's revisions here (none for a note this call
// inserted).
func (a *applier) nextRevision(revs map[int64]int64, note int64) (int64, error) {
	n, ok := revs[note]
	if !ok && !a.newNotes[note] {
		if err := a.queryRow(`SELECT COALESCE(MAX(revision_no), 0) FROM note_revisions WHERE note_id = ?`, note).Scan(&n); err != nil {
			return 0, err
		}
	} else if !ok {
		n = int64(a.noteRevs[note])
	}
	revs[note] = n + 1
	return n + 1, nil
}

// insertJSON inserts rows (values in the order of cols) into table with one statement.
// OR FAIL: a broken rule stops the statement without SQLite keeping a statement journal to
// undo its earlier rows (the savepoint around the window undoes them); it would also turn an
// OR IGNORE or OR REPLACE inside a trigger into FAIL, so no trigger on a synced table may use
// one (TestNoTriggerOnASyncedTableIgnoresOrReplaces).
// A value JSON cannot carry exactly (text that is not UTF-8 or holds a NUL, a number that
// is not finite) ends the bulk insert: those rows are applied one by one.
func (a *applier) insertJSON(table string, cols []string, rows [][]any) error {
	var buf []byte
	buf = append(buf, '[')
	for i, row := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		for j, v := range row {
			if j > 0 {
				buf = append(buf, ',')
			}
			var ok bool
			if buf, ok = appendJSON(buf, v); !ok {
				return errBulk
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ']')
	names := make([]string, len(cols))
	picks := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quote(c)
		picks[i] = "value ->> " + strconv.Itoa(i)
	}
	return a.exec(`INSERT OR FAIL INTO `+quote(table)+` (`+strings.Join(names, ", ")+`) SELECT `+
		strings.Join(picks, ", ")+` FROM jsonb_each(?)`, string(buf))
}

// appendJSON appends v as JSON that SQLite reads back as the same value and type.
func appendJSON(buf []byte, v any) ([]byte, bool) {
	switch x := v.(type) {
	case nil:
		return append(buf, "null"...), true
	case int64:
		return strconv.AppendInt(buf, x, 10), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return buf, false
		}
		n := len(buf)
		buf = strconv.AppendFloat(buf, x, 'g', -1, 64)
		if !bytes.ContainsAny(buf[n:], ".e") {
			buf = append(buf, ".0"...) // read back as a real, not an integer
		}
		return buf, true
	case string:
		if !utf8.ValidString(x) || strings.IndexByte(x, 0) >= 0 {
			return buf, false
		}
		return appendJSONString(buf, x), true
	}
	return buf, false
}

// appendJSONString appends s (valid UTF-8) as a JSON string: quote, backslash and control
// characters escaped, everything else as it is.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// errBulk ends a bulk insert that one of its rows does not fit (it is applied alone).
var errBulk = &refusal{code: "bulk", detail: "applied one by one"}
