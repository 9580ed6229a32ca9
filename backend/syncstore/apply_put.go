package syncstore

import (
	"database/sql"
	"sort"
	"strings"
)

// put applies a put: a new row, a row deleted here, or a column-wise merge.
func (a *applier) put(ti *tableInfo, ch *Change) (outcome, error) {
	cols := make([]string, 0, len(ch.Cols))
	fresh := 0
	for col := range ch.Cols {
		c, ok := ti.byName[col]
		if !ok {
			return skipped, refuse(RefuseUnknownColumn, "%s has no column %s", ti.Name, col)
		}
		if ti.isOwnID(c) {
			continue
		}
		h := ch.HLC[col]
		if h == "" {
			return skipped, refuse(RefuseBadChange, "column %s.%s has no HLC", ti.Name, col)
		}
		if h > a.mark {
			fresh++
		}
		cols = append(cols, col)
	}
	sort.Strings(cols)
	if fresh == 0 {
		return skipped, nil // applied from origin before (or nothing in it)
	}
	if shared, err := a.shared(ti, ch); err != nil || !shared {
		if err == nil {
			err = refuse(RefuseBadChange, "a %s row this team does not share", ti.Name)
		}
		return skipped, err
	}
	id, known, err := a.byUID(ch.UID)
	if err != nil {
		return skipped, err
	}
	switch {
	case known && id.Table != ti.Name:
		return skipped, refuse(RefuseBadChange, "uid of a %s row given as %s", id.Table, ti.Name)
	case !known:
		if !ti.full(cols) {
			return skipped, refuse(RefuseMissingRow, "some columns of a %s row that is not here", ti.Name)
		}
		return a.insert(ti, ch, cols, nil)
	case !id.live():
		if derivedUID(ch.UID) && ti.full(cols) {
			return a.insert(ti, ch, cols, &id) // the natural row written again
		}
		return a.onTombstone(ti, ch, id, cols)
	}
	return a.merge(ti, ch, id, cols)
}

// shared reports a change to a row the table's Filter selects (a setting the whole team
// shares, not one of a laptop's own such as its language or the search index's state): a
// change to any other row is refused, whoever sent it. The Filter is judged by SQLite on
// the change's values; a change without the Filter's columns names a row by its uid, which
// is only here if the row is shared.
func (a *applier) shared(ti *tableInfo, ch *Change) (bool, error) {
	if ti.Filter == "" {
		return true, nil
	}
	for _, col := range ti.filterCols() {
		if _, ok := ch.Cols[col]; !ok {
			return true, nil // the change names its row by uid alone: only a shared row has one
		}
	}
	cols := make([]string, 0, len(ch.Cols))
	for col := range ch.Cols {
		cols = append(cols, col)
	}
	sort.Strings(cols)
	sel := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, col := range cols {
		sel[i] = "? AS " + quote(col)
		args[i] = wire(ti, ch, col)
	}
	var ok bool
	err := a.queryRow(`SELECT COALESCE(`+ti.rowFilter("v")+`, 0) FROM (SELECT `+strings.Join(sel, ", ")+`) AS v`, args...).Scan(&ok)
	return ok, err
}

// full reports that cols hold every column a new row of ti travels with.
func (ti *tableInfo) full(cols []string) bool {
	have := make(map[string]bool, len(cols))
	for _, c := range cols {
		have[c] = true
	}
	for _, c := range ti.synced {
		if !have[c] {
			return false
		}
	}
	return true
}

// keepable reports a column whose losing values are kept: not the laptop's own, not a
// derived one (a note's text lives on in its revisions, which are rows of their own), not
// a quiet one and not part of a derived uid's key (the uid says it, and two laptops that
// wrote the same natural row wrote the same key).
func (ti *tableInfo) keepable(col string) bool {
	return !ti.isLocal(col) && !ti.isDerived(col) && !quiet(col) && !contains(ti.Key, col)
}

// lostCols are the columns kept when a row is lost to a delete.
func (ti *tableInfo) lostCols() []string {
	var out []string
	for _, c := range ti.synced {
		if ti.keepable(c) {
			out = append(out, c)
		}
	}
	return out
}

// resolve converts the values of cols to what the table stores, references to local ids.
// lost is set when a reference names a row deleted here (one that is not SET NULL on delete).
func (a *applier) resolve(ti *tableInfo, ch *Change, cols []string) (vals map[string]any, lost bool, err error) {
	vals = make(map[string]any, len(cols))
	for _, col := range cols {
		v, err := fromWire(ti.byName[col], ch.Cols[col])
		if err != nil {
			return nil, false, refuse(RefuseBadChange, "%s.%s: %v", ti.Name, col, err)
		}
		r, isRef := ti.ref(col)
		if !isRef || v == nil {
			vals[col] = v
			continue
		}
		uid, ok := v.(string)
		if !ok {
			return nil, false, refuse(RefuseBadChange, "%s.%s: a reference is a uid", ti.Name, col)
		}
		target, known, err := a.byUID(uid)
		if err != nil {
			return nil, false, err
		}
		switch {
		case !known:
			return nil, false, &refusal{code: RefuseMissingParent, parent: uid,
				detail: ti.Name + "." + col + " names a " + r.Table + " row that is not here"}
		case target.Table != r.Table:
			return nil, false, refuse(RefuseBadChange, "%s.%s names a %s row", ti.Name, col, target.Table)
		case !target.live() && r.OnDelete == "SET NULL":
			vals[col] = nil
		case !target.live():
			vals[col], lost = nil, true
		default:
			vals[col] = target.RowID.Int64
		}
	}
	return vals, lost, nil
}

// wire is a change's value of col as kept in sync_conflicts.
func wire(ti *tableInfo, ch *Change, col string) any {
	v, err := fromWire(ti.byName[col], ch.Cols[col])
	if err != nil {
		return nil
	}
	return v
}

// insert writes a new row, or a natural row again under its tombstone (revive). A row
// under a parent deleted here is lost instead: its values are kept and its uid becomes a
// tombstone.
func (a *applier) insert(ti *tableInfo, ch *Change, cols []string, revive *idRow) (outcome, error) {
	vals, lost, err := a.resolve(ti, ch, cols)
	if err != nil {
		return skipped, err
	}
	wireVals := make(map[string]any, len(cols))
	for _, col := range cols {
		wireVals[col] = wire(ti, ch, col)
	}
	course, citizen, err := a.scope(ti, ch.UID, wireVals)
	if err != nil {
		return skipped, err
	}
	first := minHLC(ch.HLC, cols)
	if lost {
		if revive != nil {
			return a.onTombstone(ti, ch, *revive, cols)
		}
		if err := a.exec(`INSERT INTO sync_ids(uid, tbl, row_id, hlc, deleted, course, citizen) VALUES (?, ?, NULL, ?, 1, ?, ?)`,
			ch.UID, ti.Name, first, nullable(course), nullable(citizen)); err != nil {
			return skipped, err
		}
		a.forget(ch.UID)
		if err := a.setCols(ch.UID, cols, ch.HLC, ch.Base, first); err != nil {
			return skipped, err
		}
		if gone, err := a.citizenGone(citizen); err != nil || gone {
			return skipped, err // the citizen's data is deleted here: nothing of it is kept
		}
		for _, col := range ti.lostCols() {
			if err := a.keepLoser(ti.Name, ch.UID, col, ch.HLC[col], wireVals[col]); err != nil {
				return skipped, err
			}
		}
		return conflicted, nil
	}
	names := make([]string, len(cols))
	marks := make([]string, len(cols))
	args := make([]any, 0, len(cols)+1)
	for i, col := range cols {
		names[i], marks[i] = quote(col), "?"
		args = append(args, vals[col])
		if ti.Name == "note_revisions" && col == "revision_no" {
			// Numbered after the note's revisions here; renumberNotes puts them in order.
			marks[i] = "(SELECT COALESCE(MAX(revision_no), 0) + 1 FROM note_revisions WHERE note_id = ?)"
			args[len(args)-1] = vals["note_id"]
		}
	}
	var rowID int64
	if err := a.queryRow(`INSERT INTO `+quote(ti.Name)+` (`+strings.Join(names, ", ")+`) VALUES (`+
		strings.Join(marks, ", ")+`) RETURNING rowid`, args...).Scan(&rowID); err != nil {
		return skipped, err
	}
	if revive != nil {
		if err := a.exec(`UPDATE sync_ids SET row_id = ?, hlc = ?, deleted = 0, course = ?, citizen = ? WHERE uid = ?`,
			rowID, first, nullable(course), nullable(citizen), ch.UID); err != nil {
			return skipped, err
		}
		if err := a.exec(`DELETE FROM sync_cols WHERE uid = ?`, ch.UID); err != nil {
			return skipped, err
		}
		a.forget(ch.UID)
	} else if err := a.exec(`INSERT INTO sync_ids(uid, tbl, row_id, hlc, deleted, course, citizen) VALUES (?, ?, ?, ?, 0, ?, ?)`,
		ch.UID, ti.Name, rowID, first, nullable(course), nullable(citizen)); err != nil {
		return skipped, err
	}
	a.remember(ti.Name, rowID, ch.UID)
	a.setRow(idRow{UID: ch.UID, Table: ti.Name, RowID: sql.NullInt64{Int64: rowID, Valid: true}, HLC: first,
		Course: course, Citizen: citizen})
	if err := a.setCols(ch.UID, cols, ch.HLC, ch.Base, first); err != nil {
		return skipped, err
	}
	switch ti.Name {
	case "notes":
		a.newNotes[rowID] = true
	case "note_revisions":
		// A note's first revision that comes with the note changes nothing of it; any other
		// revision puts the note's revisions in order again (renumberNotes).
		note := vals["note_id"].(int64)
		a.noteRevs[note]++
		if !a.newNotes[note] || a.noteRevs[note] > 1 {
			a.notes[note] = true
		}
	}
	return applied, nil
}

// onTombstone keeps the values of a change to a row deleted here (unless the deleting
// laptop knew them: the same HLC).
func (a *applier) onTombstone(ti *tableInfo, ch *Change, id idRow, cols []string) (outcome, error) {
	if id.HLC == "" && ti.full(cols) {
		// A natural row written here and deleted before it was published: the tombstone
		// now stands for the other laptop's row.
		id.HLC = minHLC(ch.HLC, cols)
		if err := a.exec(`UPDATE sync_ids SET hlc = ? WHERE uid = ?`, id.HLC, id.UID); err != nil {
			return skipped, err
		}
		if err := a.exec(`DELETE FROM sync_cols WHERE uid = ?`, id.UID); err != nil {
			return skipped, err
		}
		if err := a.setCols(id.UID, cols, ch.HLC, ch.Base, id.HLC); err != nil {
			return skipped, err
		}
		a.forget(id.UID)
	}
	if gone, err := a.citizenGone(id.Citizen); err != nil || gone {
		return skipped, err // the citizen's data is deleted here: nothing of it is kept
	}
	k, err := a.clocksOf(id)
	if err != nil {
		return skipped, err
	}
	out := skipped
	for _, col := range cols {
		if !ti.keepable(col) {
			continue
		}
		h := ch.HLC[col]
		if have, _ := k.of(col); have == h {
			continue
		}
		if err := a.dropLoser(ch.UID, col, ch.Base[col]); err != nil {
			return skipped, err
		}
		if err := a.keepLoser(ti.Name, ch.UID, col, h, wire(ti, ch, col)); err != nil {
			return skipped, err
		}
		out = conflicted
	}
	return out, nil
}

// merge applies a put to a live row column by column: the newer HLC wins; a value that
// lost without the winner having replaced it knowingly (its base) is kept.
func (a *applier) merge(ti *tableInfo, ch *Change, id idRow, cols []string) (outcome, error) {
	k, err := a.clocksOf(id)
	if err != nil {
		return skipped, err
	}
	var cur map[string]any
	current := func() (map[string]any, error) {
		if cur != nil {
			return cur, nil
		}
		v, err := a.readRow(ti.Name, id.RowID.Int64, ti.merged)
		if err == nil {
			err = a.toWire(ti, v)
		}
		cur = v
		return v, err
	}
	var set []string
	setVals := map[string]any{}
	out := skipped
	for _, col := range cols {
		if ti.isLocal(col) || ti.isDerived(col) {
			continue
		}
		h, base := ch.HLC[col], ch.Base[col]
		have, haveBase := k.of(col)
		if h == have {
			continue
		}
		if err := a.dropLoser(ch.UID, col, base); err != nil {
			return skipped, err
		}
		if h < have {
			if haveBase != h && ti.keepable(col) {
				if err := a.keepLoser(ti.Name, ch.UID, col, h, wire(ti, ch, col)); err != nil {
					return skipped, err
				}
				out = conflicted
			}
			continue
		}
		vals, lost, err := a.resolve(ti, ch, []string{col})
		if err != nil {
			return skipped, err
		}
		if lost { // a reference to a row deleted here: the value cannot be written
			if ti.keepable(col) {
				if err := a.keepLoser(ti.Name, ch.UID, col, h, wire(ti, ch, col)); err != nil {
					return skipped, err
				}
				out = conflicted
			}
			continue
		}
		if have != "" && have != base && ti.keepable(col) {
			now, err := current()
			if err != nil {
				return skipped, err
			}
			if err := a.keepLoser(ti.Name, ch.UID, col, have, now[col]); err != nil {
				return skipped, err
			}
			out = conflicted
		}
		set = append(set, col)
		setVals[col] = vals[col]
	}
	if len(set) == 0 {
		return out, nil
	}
	assign := make([]string, len(set))
	args := make([]any, 0, len(set)+1)
	for i, col := range set {
		assign[i] = quote(col) + " = ?"
		args = append(args, setVals[col])
	}
	args = append(args, id.RowID.Int64)
	if err := a.exec(`UPDATE `+quote(ti.Name)+` SET `+strings.Join(assign, ", ")+` WHERE rowid = ?`, args...); err != nil {
		return skipped, err
	}
	if err := a.setCols(ch.UID, set, ch.HLC, ch.Base, ""); err != nil {
		return skipped, err
	}
	if out == skipped {
		out = applied
	}
	return out, nil
}

// quiet reports a column merged by last writer wins whose losing values are not kept: the
// time a row was made or last changed (two laptops that changed different columns of a
// row both set it, two that wrote the same natural row both made it, and the older time
// says nothing worth keeping).
func quiet(col string) bool { return col == "updated_at" || col == "created_at" }

// derivedUID reports a uid made of a row's key ("settings:lock_minutes"), whose row may be
// written again after its delete; a random uid is 32 hex characters.
func derivedUID(uid string) bool { return strings.Contains(uid, ":") }
