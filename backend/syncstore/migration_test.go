package syncstore

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"

	"icm/backend/store"
)

var update = flag.Bool("update", false, "rewrite the generated migration "+MigrationName)

// schemaBefore returns the columns of the synced tables as migrations 0001-0011 leave them:
// the schema migration 0013 was generated from.
func schemaBefore(t *testing.T) map[string][]column {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "before.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == MigrationName {
			break
		}
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	schema, err := readSchema(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// schemaAround returns the columns of the synced tables before an update migration and
// after its hand-written part (a table missing from a schema is missing from its map).
func schemaAround(t *testing.T, u CaptureUpdate) (before, after map[string][]column) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "around.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		if m.Name == u.Name {
			found = true
			break
		}
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	if !found && !*update {
		t.Fatalf("%s is not in backend/store/migrations (run with -update to generate it)", u.Name)
	}
	read := func() map[string][]column {
		out := map[string][]column{}
		for _, tb := range tables {
			if cols, err := readColumns(context.Background(), db, tb.Name); err == nil {
				out[tb.Name] = cols
			}
		}
		return out
	}
	before = read()
	if _, err := db.Exec(u.Change); err != nil {
		t.Fatalf("%s (hand-written part): %v", u.Name, err)
	}
	return before, read()
}

// The committed capture migrations are what the registry generates: the two cannot drift
// apart. 0013 holds every table's capture; each later one (captureUpdates) creates anew the
// triggers of the tables whose columns it changes.
func TestMigrationFileIsGenerated(t *testing.T) {
	want, err := migrationSQL(schemaBefore(t))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, MigrationName, want)
	for _, u := range CaptureUpdates() {
		before, after := schemaAround(t, u)
		want, err := updateSQL(u, before, after)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, u.Name, want)
	}
}

// golden compares a migration file with what the registry generates (and writes it with -update).
func golden(t *testing.T, name, want string) {
	t.Helper()
	path := filepath.Join("..", "store", "migrations", name)
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to generate it)", err)
	}
	if string(got) != want {
		t.Fatalf("%s differs from what the registry generates: run go test ./backend/syncstore -run TestMigrationFileIsGenerated -update", name)
	}
}

// demoCopy copies the schema 9 demo database into a temporary folder.
func demoCopy(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema9-demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "icm.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawCopy opens a copy of the demo without migrating it.
func rawCopy(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", store.DSN(demoCopy(t)))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// rowsDump writes every row of every table but the sync's own, with each value's type.
func rowsDump(t *testing.T, db *sql.DB) string {
	t.Helper()
	ctx := context.Background()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sync\_%' ESCAPE '\'
		AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	rows.Close()
	var b []byte
	for _, n := range names {
		cols, err := readColumns(ctx, db, n)
		if err != nil {
			t.Fatal(err)
		}
		var sel []string
		for _, c := range cols {
			sel = append(sel, "quote("+quote(c.Name)+")")
		}
		rs, err := db.Query("SELECT " + strings.Join(sel, " || ' ' || ") + " FROM " + quote(n) + " ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, "table "+n+"\n"...)
		for rs.Next() {
			var line string
			if err := rs.Scan(&line); err != nil {
				t.Fatal(err)
			}
			b = append(b, line+"\n"...)
		}
		rs.Close()
	}
	return string(b)
}

// Migration 0013 on a copy of the released demo (schema 9): every synced row gets its
// team-wide id, nothing goes to the outbox and no other row changes.
func TestMigrationOnTheReleasedDemoGivesEveryRowAUID(t *testing.T) {
	db := rawCopy(t)
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	run := func(m store.Migration) {
		t.Helper()
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	var mine store.Migration
	for _, m := range ms {
		switch {
		case m.Version <= 9:
		case m.Name == MigrationName:
			mine = m
		default:
			if m.Version < 13 {
				run(m)
			}
		}
	}
	before := rowsDump(t, db)
	if !strings.Contains(before, "table notes\n") {
		t.Fatal("the demo has no notes table")
	}
	run(mine)
	if after := rowsDump(t, db); after != before {
		t.Fatal("migration 0013 changed rows outside the sync tables")
	}
	total := 0
	for _, tb := range Tables() {
		if tb.Since != "" {
			continue // created by a later migration
		}
		where := ""
		if f := tb.rowFilter("r"); f != "" {
			where = " WHERE " + f
		}
		var rowsN, ids, bad int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + tb.Name + " r" + where).Scan(&rowsN); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT COUNT(*) FROM sync_ids s JOIN `+tb.Name+` r ON r.rowid = s.row_id
			WHERE s.tbl = ? AND s.deleted = 0 AND s.hlc IS NULL`, tb.Name).Scan(&ids); err != nil {
			t.Fatal(err)
		}
		// Random uids are 32 lowercase hex characters; derived ones start with the table.
		check := `length(uid) <> 32 OR uid GLOB '*[^0-9a-f]*'`
		if tb.Identity == DerivedUID {
			derived := `(uid NOT LIKE '` + tb.Name + `:%' OR uid LIKE '%:')`
			if tb.KeyWhen != "" { // some rows random, some derived
				check = "(" + check + ") AND " + derived
			} else {
				check = derived
			}
		}
		if err := db.QueryRow(`SELECT COUNT(*) FROM sync_ids WHERE tbl = ? AND (`+check+`)`, tb.Name).Scan(&bad); err != nil {
			t.Fatal(err)
		}
		if ids != rowsN || bad != 0 {
			t.Errorf("%s: %d rows, %d with a uid, %d malformed uids", tb.Name, rowsN, ids, bad)
		}
		total += rowsN
	}
	var outbox, settingsIDs int
	db.QueryRow(`SELECT COUNT(*) FROM sync_outbox`).Scan(&outbox)
	db.QueryRow(`SELECT COUNT(*) FROM sync_ids WHERE tbl = 'settings'`).Scan(&settingsIDs)
	if outbox != 0 {
		t.Errorf("%d rows in the outbox after the migration, want none", outbox)
	}
	if total < 100 {
		t.Errorf("only %d synced rows in the demo: the test checks little", total)
	}
	var ids int
	db.QueryRow(`SELECT COUNT(*) FROM sync_ids`).Scan(&ids)
	if ids != total || settingsIDs != 0 {
		t.Errorf("%d uids for %d synced rows, %d settings with a uid (the demo's are the laptop's)", ids, total, settingsIDs)
	}
	_ = db.Close()

	// The app's own upgrade of another copy (store.Open) gives the same count.
	st, err := store.Open(context.Background(), demoCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sdb, _ := st.SQLDB()
	var opened int
	sdb.QueryRow(`SELECT COUNT(*) FROM sync_ids`).Scan(&opened)
	if opened != total {
		t.Errorf("after store.Open: %d uids, want %d", opened, total)
	}
}
