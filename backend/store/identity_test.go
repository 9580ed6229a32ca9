package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
	"icm/backend/testdb"
)

// icmFile is a migrated ICM database, closed.
func icmFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// schema9Copy is a copy of the last released version's demo database.
func schema9Copy(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "schema9-demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "icm.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The foreign files every test below uses: each is a sound SQLite database ICM must not take
// for its own.
var foreignFiles = []struct {
	name  string
	stmts []string
}{
	{"one table", []string{`CREATE TABLE t(x)`, `INSERT INTO t VALUES (1)`}},
	{"golang-migrate's own schema_migrations", []string{
		`CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (20230101120000, 0)`, `CREATE TABLE users(id INTEGER PRIMARY KEY)`}},
	{"a schema_migrations like ICM's, another first migration", []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', '2026-01-01')`, `CREATE TABLE teams(id INTEGER PRIMARY KEY)`}},
	{"ICM's tables but an application id", []string{`CREATE TABLE t(x)`, `PRAGMA application_id = 1179208773`}},
	{"only a user_version", []string{`PRAGMA user_version = 7`}},
}

func TestIdentify(t *testing.T) {
	ctx := context.Background()
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		path string
		want Identity
	}{
		{"an ICM database", icmFile(t), IdentityICM},
		{"the released schema 9", schema9Copy(t), IdentityICM},
		{"a 0-byte file", empty, IdentityEmpty},
		{"a SQLite file without objects", testdb.Foreign(t, `CREATE TABLE t(x)`, `DROP TABLE t`), IdentityEmpty},
		{"no file", filepath.Join(t.TempDir(), "none.db"), IdentityUnknown},
		{"a text file", func() string {
			p := filepath.Join(t.TempDir(), "notes.txt")
			_ = os.WriteFile(p, bytes.Repeat([]byte("ikke en database "), 500), 0o600)
			return p
		}(), IdentityUnknown},
	}
	for _, f := range foreignFiles {
		cases = append(cases, struct {
			name string
			path string
			want Identity
		}{f.name, testdb.Foreign(t, f.stmts...), IdentityForeign})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Identify(ctx, c.path); got != c.want {
				t.Fatalf("Identify = %v, want %v", got, c.want)
			}
		})
	}
}

// Opening another program's database (to write, or read-only) is refused with
// not_icm_database, and the file is left byte for byte as it was: no ICM table, no WAL mode,
// no -wal or -shm beside it. Before the check, Open migrated it into an ICM database.
func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	ctx := context.Background()
	for _, f := range foreignFiles {
		t.Run(f.name, func(t *testing.T) {
			path := testdb.Foreign(t, f.stmts...)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			opens := map[string]func() (*Store, error){
				"Open":         func() (*Store, error) { return Open(ctx, path) },
				"OpenExisting": func() (*Store, error) { return OpenExisting(ctx, path) },
				"OpenReadOnly": func() (*Store, error) { return OpenReadOnly(ctx, path) },
				"OpenChecked":  func() (*Store, error) { return OpenChecked(ctx, path, CheckAfterCleanEnd) },
			}
			for name, open := range opens {
				st, err := open()
				if st != nil {
					st.Close()
				}
				if domain.CodeOf(err) != domain.CodeNotICMDatabase {
					t.Fatalf("%s: err = %v, want not_icm_database", name, err)
				}
				after, _ := os.ReadFile(path)
				if !bytes.Equal(before, after) {
					t.Fatalf("%s changed the file", name)
				}
				names, _ := filepath.Glob(path + "*")
				if len(names) != 1 {
					t.Fatalf("%s left files beside it: %v", name, names)
				}
			}
		})
	}
}

// MigrateTo refuses another program's database on its own too (a store opened some other
// way), before the migration table is made.
func TestMigrateRefusesAnotherProgramsDatabase(t *testing.T) {
	ctx := context.Background()
	path := testdb.Foreign(t, `CREATE TABLE t(x)`)
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: path}
	defer s.Close()
	err = s.Migrate(ctx)
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.CodeNotICMDatabase {
		t.Fatalf("Migrate = %v, want not_icm_database", err)
	}
	var n int
	if err := db.Raw(`SELECT count(*) FROM sqlite_schema`).Scan(&n).Error; err != nil || n != 1 {
		t.Fatalf("objects after the refusal: %d, %v", n, err)
	}
}

// What ICM accepts still opens: a new file, an empty SQLite file, a 0-byte file, the
// released schema 9 (migrated), an ICM database read-only.
func TestOpenStillAcceptsICMAndNewFiles(t *testing.T) {
	ctx := context.Background()
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{
		"new":                filepath.Join(t.TempDir(), "new.db"),
		"0 bytes":            empty,
		"no objects":         testdb.Foreign(t, `CREATE TABLE t(x)`, `DROP TABLE t`),
		"schema 9 (upgrade)": schema9Copy(t),
	} {
		t.Run(name, func(t *testing.T) {
			st, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if v, err := st.SchemaVersion(ctx); err != nil || v != LatestVersion() {
				t.Fatalf("version %d, %v", v, err)
			}
		})
	}
	ro, err := OpenReadOnly(ctx, icmFile(t))
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
}

// A read-only open of an empty SQLite file says it is no ICM database, not that it is an old
// one that needs an upgrade.
func TestOpenReadOnlyOfAnEmptySQLiteFile(t *testing.T) {
	_, err := OpenReadOnly(context.Background(), testdb.Foreign(t, `CREATE TABLE t(x)`, `DROP TABLE t`))
	if domain.CodeOf(err) != domain.CodeNotICMDatabase {
		t.Fatalf("err = %v, want not_icm_database", err)
	}
}
