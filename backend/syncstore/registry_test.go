package syncstore

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"icm/backend/store"
)

// openStore opens a new, migrated database file in a temporary folder.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "icm.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// Every table of the schema is either synced or deliberately local: a table added by a
// later migration fails here until it is classified.
func TestEveryTableIsClassified(t *testing.T) {
	st := openStore(t)
	db, _ := st.SQLDB()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	local := LocalTables()
	seen := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		seen[name] = true
		_, synced := byName[name]
		_, isLocal := local[name]
		switch {
		case synced && isLocal:
			t.Errorf("%s is both synced and local", name)
		case !synced && !isLocal:
			t.Errorf("table %s is not classified: add it to the registry (registry.go) or to localTables", name)
		}
	}
	for _, tb := range Tables() {
		if !seen[tb.Name] {
			t.Errorf("registry table %s is not in the schema", tb.Name)
		}
	}
}

// The registry's references are the schema's foreign keys between synced tables, with their
// delete actions, and every table comes after the tables it references.
func TestRegistryReferencesMatchTheSchema(t *testing.T) {
	st := openStore(t)
	db, _ := st.SQLDB()
	pos := map[string]int{}
	for i, tb := range Tables() {
		pos[tb.Name] = i
	}
	for _, tb := range Tables() {
		rows, err := db.Query(`SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?)`, tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		var schema, registry []string
		for rows.Next() {
			var from, to, onDelete string
			if err := rows.Scan(&from, &to, &onDelete); err != nil {
				t.Fatal(err)
			}
			schema = append(schema, from+"->"+to+" "+onDelete)
		}
		rows.Close()
		for _, r := range tb.Refs {
			registry = append(registry, r.Col+"->"+r.Table+" "+r.OnDelete)
			if r.Table != tb.Name && pos[r.Table] >= pos[tb.Name] {
				t.Errorf("%s comes before %s, which it references", tb.Name, r.Table)
			}
		}
		sort.Strings(schema)
		sort.Strings(registry)
		if strings.Join(schema, ", ") != strings.Join(registry, ", ") {
			t.Errorf("%s: schema references %v, registry %v", tb.Name, schema, registry)
		}
		cols, err := readColumns(context.Background(), db, tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		has := map[string]bool{}
		for _, c := range cols {
			has[c.Name] = true
		}
		if tb.Filter != "" && len(tb.filterCols()) == 0 {
			t.Errorf("%s: its Filter names no column as {row}.name", tb.Name)
		}
		for _, list := range [][]string{tb.Key, tb.Parents, tb.LocalCols, tb.DerivedCols, tb.filterCols()} {
			for _, c := range list {
				if !has[c] {
					t.Errorf("%s has no column %s", tb.Name, c)
				}
			}
		}
		if (tb.Identity == DerivedUID) != (len(tb.Key) > 0) {
			t.Errorf("%s: a derived uid needs its key, and only it", tb.Name)
		}
	}
}

// The capture triggers in the latest schema are the ones the registry generates for the
// tables as they are now: a later migration that changes a synced table's columns must
// create its triggers anew (from triggersSQL).
func TestCaptureTriggersMatchTheRegistry(t *testing.T) {
	st := openStore(t)
	db, _ := st.SQLDB()
	schema, err := readSchema(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tables {
		for _, tr := range triggersSQL(&tables[i], schema[tables[i].Name]) {
			var got string
			if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, tr.Name).Scan(&got); err != nil {
				t.Errorf("trigger %s: %v", tr.Name, err)
				continue
			}
			if got != tr.SQL {
				t.Errorf("trigger %s is\n%s\nthe registry generates\n%s", tr.Name, got, tr.SQL)
			}
		}
	}
}

// A bulk insert runs INSERT OR FAIL, which SQLite carries into the statements of the
// table's triggers: a trigger on a synced table that relies on OR IGNORE or OR REPLACE
// would act otherwise when its row arrives in bulk than when it arrives alone.
func TestNoTriggerOnASyncedTableIgnoresOrReplaces(t *testing.T) {
	st := openStore(t)
	db, _ := st.SQLDB()
	for _, tb := range tables {
		rows, err := db.Query(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?`, tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, sql string
			if err := rows.Scan(&name, &sql); err != nil {
				t.Fatal(err)
			}
			up := strings.ToUpper(sql)
			for _, clause := range []string{"OR IGNORE", "OR REPLACE", "INSERT OR ", "REPLACE INTO"} {
				if strings.Contains(up, clause) {
					t.Errorf("trigger %s on %s uses %s", name, tb.Name, clause)
				}
			}
		}
		rows.Close()
	}
}
