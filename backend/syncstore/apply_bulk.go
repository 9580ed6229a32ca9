package syncstore

import (
	"database/sql"
	"strings"
)

// maxBulk bounds the rows of one insert statement (times the columns, the bound
// variables); maxWindow the changes taken together.
const (
	maxBulk   = 200
	maxWindow = 2000
)

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
	if ch.UID == "" || len(ch.Cols) != len(ti.synced) || !ti.full(keys(ch.Cols)) {
		return false
	}
	if _, known := a.rows[ch.UID]; known {
		return false
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

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
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

// bulkInsert inserts the new rows of run, table by table in the registry's order, a few
// hundred rows a statement, with the ids after each table's largest, in a savepoint; on
// an error nothing of it is left and the caller applies the changes one by one.
func (a *applier) bulkInsert(run []Change) (err error) {
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
	byTable := map[string][]Change{}
	for _, ch := range run {
		byTable[ch.Table] = append(byTable[ch.Table], ch)
	}
	for _, t := range tables {
		rows := byTable[t.Name]
		for start := 0; start < len(rows); start += maxBulk {
			if err := a.insertRows(rows[start:min(start+maxBulk, len(rows))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertRows inserts new rows of one table with one statement.
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
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quote(c)
	}
	rowMarks := make([]string, len(cols))
	for i := range rowMarks {
		rowMarks[i] = "?"
		if ti.Name == "note_revisions" && cols[i] == "revision_no" {
			rowMarks[i] = "(SELECT COALESCE(MAX(revision_no), 0) + 1 FROM note_revisions WHERE note_id = ?)"
		}
	}
	one := "(" + strings.Join(rowMarks, ", ") + ")"
	var values, ids []string
	var args, idArgs []any
	type inserted struct {
		rowID                       int64
		uid, first, course, citizen string
		note                        int64
	}
	var done []inserted
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
		args = append(args, rowID)
		for _, col := range ti.synced {
			if ti.Name == "note_revisions" && col == "revision_no" {
				args = append(args, vals["note_id"])
				continue
			}
			args = append(args, vals[col])
		}
		values = append(values, one)
		first := minHLC(ch.HLC, ti.synced)
		ids = append(ids, "(?, ?, ?, ?, 0, ?, ?)")
		idArgs = append(idArgs, ch.UID, ti.Name, rowID, first, nullable(course), nullable(citizen))
		in := inserted{rowID: rowID, uid: ch.UID, first: first, course: course, citizen: citizen}
		if ti.Name == "note_revisions" {
			in.note = vals["note_id"].(int64)
		}
		done = append(done, in)
	}
	if err := a.exec(`INSERT INTO `+quote(ti.Name)+` (`+strings.Join(names, ", ")+`) VALUES `+strings.Join(values, ", "), args...); err != nil {
		return err
	}
	if err := a.exec(`INSERT INTO sync_ids(uid, tbl, row_id, hlc, deleted, course, citizen) VALUES `+strings.Join(ids, ", "), idArgs...); err != nil {
		return err
	}
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

// errBulk ends a bulk insert that one of its rows does not fit (it is applied alone).
var errBulk = &refusal{code: "bulk", detail: "applied one by one"}
