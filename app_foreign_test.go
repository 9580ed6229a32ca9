package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// The window started on another program's SQLite database (ICM_DB or -db pointing at the
// wrong file) shows not_icm_database and leaves the file byte for byte as it was: no ICM
// table, no WAL mode, no file beside it.
func TestTheAppRefusesAnotherProgramsDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "other.sqlite")
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`CREATE TABLE t(x)`).Error; err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	_ = sqlDB.Close()
	before, _ := os.ReadFile(path)

	app := newApp(context.Background(), path)
	defer app.shutdown(context.Background())
	if app.store != nil {
		t.Fatal("the database opened")
	}
	st, err := app.services.app.Status()
	if err != nil || st.ErrorCode != string(domain.CodeNotICMDatabase) || st.Ready {
		t.Fatalf("status %+v, %v", st, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Fatal("the other program's file changed")
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 1 {
		t.Fatalf("files beside it: %v", names)
	}
}
