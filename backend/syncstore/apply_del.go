package syncstore

import "fmt"

// children lists, per table, the references to it that a delete must follow: those that
// delete the child with the parent (CASCADE), and under course and citizen data also those
// that forbid the delete while a child exists (RESTRICT, NO ACTION), since the deleting
// laptop deleted the children it knew first. A child SET NULL on delete is only changed.
var children = func() map[string][]struct {
	table string
	ref   Ref
} {
	out := map[string][]struct {
		table string
		ref   Ref
	}{}
	for i := range tables {
		t := &tables[i]
		for _, r := range t.Refs {
			parent := byName[r.Table]
			if r.OnDelete == "SET NULL" || (r.OnDelete != "CASCADE" && parent.Scope == ScopeTeam) {
				continue
			}
			out[r.Table] = append(out[r.Table], struct {
				table string
				ref   Ref
			}{t.Name, r})
		}
	}
	return out
}()

// node is a live row a delete takes with it.
type node struct {
	ti    *tableInfo
	rowID int64
}

// subtree returns the rows under a row that its delete takes with it, deepest first, and
// the row itself last.
func (a *applier) subtree(ti *tableInfo, rowID int64) ([]node, error) {
	var out []node
	seen := map[string]bool{}
	var walk func(ti *tableInfo, rowID int64) error
	walk = func(ti *tableInfo, rowID int64) error {
		key := fmt.Sprintf("%s/%d", ti.Name, rowID)
		if seen[key] {
			return nil
		}
		seen[key] = true
		for _, ch := range children[ti.Name] {
			cti, err := a.info(ch.table)
			if err != nil {
				return err
			}
			rows, err := a.query(`SELECT rowid FROM `+quote(ch.table)+` WHERE `+quote(ch.ref.Col)+` = ? ORDER BY rowid`, rowID)
			if err != nil {
				return err
			}
			var ids []int64
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, id := range ids {
				if err := walk(cti, id); err != nil {
					return err
				}
			}
		}
		out = append(out, node{ti, rowID})
		return nil
	}
	return out, walk(ti, rowID)
}

// del applies a delete. The row and what it takes with it are deleted (deepest first, so
// that no reference rule stands in the way); of each, the columns the deleting laptop did
// not know (another HLC than its delete's Base, or a row it never saw) are kept as lost.
func (a *applier) del(ti *tableInfo, ch *Change) (outcome, error) {
	id, known, err := a.byUID(ch.UID)
	if err != nil {
		return skipped, err
	}
	if known && id.Table != ti.Name {
		return skipped, refuse(RefuseBadChange, "uid of a %s row given as %s", id.Table, ti.Name)
	}
	if !known {
		// Never here (its insert was refused, or it is deleted before it came): the
		// tombstone keeps a later change of it from being applied.
		if err := a.exec(`INSERT INTO sync_ids(uid, tbl, row_id, hlc, deleted, course, citizen) VALUES (?, ?, NULL, ?, 1, ?, ?)`,
			ch.UID, ti.Name, nullable(ch.Base[""]), nullable(ch.Course), nullable(ch.Citizen)); err != nil {
			return skipped, err
		}
		a.forget(ch.UID)
		for col, h := range ch.Base {
			if col == "" || h == ch.Base[""] {
				continue
			}
			if err := a.exec(`INSERT INTO sync_cols(uid, col, hlc) VALUES (?, ?, ?)`, ch.UID, col, h); err != nil {
				return skipped, err
			}
		}
		return skipped, nil
	}
	if !id.live() {
		// Deleted here already (by another laptop's delete): what this deleting laptop knew
		// and replaced by its delete is not lost either.
		for _, col := range ti.lostCols() {
			if err := a.dropLoser(ch.UID, col, baseOf(ch.Base, col)); err != nil {
				return skipped, err
			}
		}
		return skipped, nil
	}
	nodes, err := a.subtree(ti, id.RowID.Int64)
	if err != nil {
		return skipped, err
	}
	out := applied
	for _, n := range nodes {
		uid, err := a.uidOf(n.ti.Name, n.rowID)
		if err != nil {
			return skipped, err
		}
		base, ok := a.dels[uid]
		if uid == ch.UID {
			base, ok = ch.Base, true
		}
		if uid != "" {
			kept, err := a.keepUnknown(n, uid, base, ok)
			if err != nil {
				return skipped, err
			}
			if kept {
				out = conflicted
			}
		}
		if err := a.exec(`DELETE FROM `+quote(n.ti.Name)+` WHERE rowid = ?`, n.rowID); err != nil {
			return skipped, err
		}
		a.forget(uid)
		delete(a.uids[n.ti.Name], n.rowID)
	}
	return out, nil
}

// keepUnknown keeps the columns of a row about to be deleted whose HLC the delete's base
// does not have (every column when the deleting laptop did not know the row: known false).
func (a *applier) keepUnknown(n node, uid string, base map[string]string, known bool) (bool, error) {
	id, _, err := a.byUID(uid)
	if err != nil {
		return false, err
	}
	k, err := a.clocksOf(id)
	if err != nil {
		return false, err
	}
	cols := n.ti.lostCols()
	vals, err := a.readRow(n.ti.Name, n.rowID, cols)
	if err != nil {
		return false, err
	}
	if err := a.toWire(n.ti, vals); err != nil {
		return false, err
	}
	kept := false
	for _, col := range cols {
		if known { // a value the deleting laptop knew and replaced by the delete is not lost
			if err := a.dropLoser(uid, col, baseOf(base, col)); err != nil {
				return false, err
			}
		}
		h, _ := k.of(col)
		if h == "" {
			continue // never published here: nobody else has it to compare
		}
		if known && baseOf(base, col) == h {
			continue
		}
		if err := a.keepLoser(n.ti.Name, uid, col, h, vals[col]); err != nil {
			return false, err
		}
		kept = true
	}
	return kept, nil
}

// baseOf is what a delete's base says the deleting laptop knew of column col.
func baseOf(base map[string]string, col string) string {
	if b, ok := base[col]; ok {
		return b
	}
	return base[""]
}
