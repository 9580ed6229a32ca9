package syncstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// column is one column of a table as PRAGMA table_info gives it.
type column struct {
	Name    string
	Type    string // declared type, upper case
	NotNull bool
	Default bool // has a default value
	PK      bool
}

// queryer is what reading the schema needs: a *sql.Tx, *sql.DB or *sql.Conn.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readColumns reads a table's columns in their order.
func readColumns(ctx context.Context, q queryer, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, upper(type), "notnull", dflt_value IS NOT NULL, pk > 0
		FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []column
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.Name, &c.Type, &c.NotNull, &c.Default, &c.PK); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("syncstore: table %s not found", table)
	}
	return out, nil
}

// readSchema reads the columns of every synced table; with upTo13 only those of the
// generated migration 0013 (the later ones do not exist before it).
func readSchema(ctx context.Context, q queryer, upTo13 bool) (map[string][]column, error) {
	out := make(map[string][]column, len(tables))
	for _, t := range tables {
		if upTo13 && t.Since != "" {
			continue
		}
		cols, err := readColumns(ctx, q, t.Name)
		if err != nil {
			return nil, err
		}
		out[t.Name] = cols
	}
	return out, nil
}

// tableInfo is a synced table with its columns, as Pending and Apply use it.
type tableInfo struct {
	*Table
	cols   []column
	byName map[string]column
	// synced are the columns a new row travels with: all but a random-uid table's own id.
	synced []string
	// merged are the columns merged one by one on an existing row: synced minus the local
	// and derived columns.
	merged []string
}

func newTableInfo(t *Table, cols []column) *tableInfo {
	ti := &tableInfo{Table: t, cols: cols, byName: make(map[string]column, len(cols))}
	for _, c := range cols {
		ti.byName[c.Name] = c
		if t.isOwnID(c) {
			continue
		}
		ti.synced = append(ti.synced, c.Name)
		if !t.isLocal(c.Name) && !t.isDerived(c.Name) {
			ti.merged = append(ti.merged, c.Name)
		}
	}
	return ti
}

// isOwnID reports a table's own integer primary key: a local id that never travels
// (unless it is the key of a derived uid, such as a visitation's course_id).
func (t *Table) isOwnID(c column) bool {
	return c.PK && c.Type == "INTEGER" && !contains(t.Key, c.Name)
}

// integer reports a column whose values are whole numbers.
func (c column) integer() bool { return strings.Contains(c.Type, "INT") }

// quote quotes an SQL identifier.
func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }
