package teamsync

import (
	"fmt"

	"gorm.io/gorm"

	"icm/backend/syncstore"
)

// registry is the synced tables by name.
var registry = func() map[string]syncstore.Table {
	m := map[string]syncstore.Table{}
	for _, t := range syncstore.Tables() {
		m[t.Name] = t
	}
	return m
}()

// denyWrongCitizen: a change filed under another citizen than the row belongs to.
const denyWrongCitizen = "citizen_mismatch"

// trueCitizen is the citizen a change's row belongs to, worked out here from the registry,
// the row as this laptop has it and, for a row new in the batch, the rows it references
// (never from what the change claims). ok is false when it cannot be worked out.
func trueCitizen(tx *gorm.DB, c syncstore.Change, batch map[string]syncstore.Change, depth int) (string, bool) {
	t, known := registry[c.Table]
	if !known || depth > 8 {
		return "", false
	}
	if t.Scope == syncstore.ScopeTeam {
		return "", true
	}
	if c.Table == "citizens" {
		return c.UID, true
	}
	var row struct {
		Tbl   string
		RowID *int64
	}
	tx.Raw(`SELECT tbl, row_id FROM sync_ids WHERE uid = ?`, c.UID).Scan(&row)
	for _, col := range parentCols(t) {
		ref := refTable(t, col)
		var parent string
		if v, ok := c.Cols[col]; ok {
			parent, _ = v.(string)
		} else if row.RowID != nil && row.Tbl == c.Table {
			var local *int64
			tx.Raw(fmt.Sprintf(`SELECT %q FROM %q WHERE rowid = ?`, col, c.Table), *row.RowID).Scan(&local)
			if local != nil {
				tx.Raw(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, ref, *local).Scan(&parent)
			}
		}
		if parent == "" {
			continue
		}
		return citizenOf(tx, ref, parent, batch, depth+1)
	}
	return "", false
}

// citizenOf is the citizen of the row uid of table tbl.
func citizenOf(tx *gorm.DB, tbl, uid string, batch map[string]syncstore.Change, depth int) (string, bool) {
	if tbl == "citizens" {
		return uid, true
	}
	if c, ok := batch[uid]; ok && c.Table == tbl && c.Op == syncstore.OpPut {
		return trueCitizen(tx, c, batch, depth)
	}
	return trueCitizen(tx, syncstore.Change{Table: tbl, UID: uid}, batch, depth)
}

// parentCols are the columns that lead to a row's course or citizen, in the registry's order.
func parentCols(t syncstore.Table) []string {
	if len(t.Parents) > 0 {
		return t.Parents
	}
	for _, r := range t.Refs {
		if r.Table == "citizens" || r.Table == "courses" {
			return []string{r.Col}
		}
	}
	return nil
}

// refTable is the table a reference column names.
func refTable(t syncstore.Table, col string) string {
	for _, r := range t.Refs {
		if r.Col == col {
			return r.Table
		}
	}
	return ""
}
