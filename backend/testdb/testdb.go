// Package testdb writes another program's SQLite database for tests: a sound SQLite file made
// with the project's own driver (rollback journal, no ICM mark), which ICM must refuse and
// leave byte for byte as it was. Only tests import it (the root package's too, which is why
// it is not under backend/internal).
package testdb

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// otherApp is what another program's database holds when a test names nothing: one table
// with one row.
var otherApp = []string{`CREATE TABLE t(x)`, `INSERT INTO t VALUES ('en anden app')`}

// Write makes another program's database at path, holding what stmts make (nothing named:
// one table with one row), and returns the file's bytes as written.
func Write(t testing.TB, path string, stmts ...string) []byte {
	t.Helper()
	if len(stmts) == 0 {
		stmts = otherApp
	}
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if err := db.Exec(s).Error; err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlDB.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Foreign makes another program's database in a new temporary folder, as Write does, and
// returns its path.
func Foreign(t testing.TB, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.sqlite")
	Write(t, path, stmts...)
	return path
}
