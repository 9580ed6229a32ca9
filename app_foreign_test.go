package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/domain"
	"icm/backend/testdb"
)

// The window started on another program's SQLite database (ICM_DB or -db pointing at the
// wrong file) shows not_icm_database and leaves the file byte for byte as it was: no ICM
// table, no WAL mode, no file beside it.
func TestTheAppRefusesAnotherProgramsDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "other.sqlite")
	before := testdb.Write(t, path, `CREATE TABLE t(x)`)

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
