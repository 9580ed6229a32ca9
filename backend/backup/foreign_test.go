package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/testdb"
)

// sealedAsBackup encrypts any file as an ICM backup file, as a changed program or a
// mistake could: the envelope is right, the content is not ICM's.
func sealedAsBackup(t *testing.T, plain string) string {
	t.Helper()
	in, err := os.Open(plain)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dest := filepath.Join(t.TempDir(), "other.icmbackup")
	out, err := os.Create(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := crypt.Seal(out, in, passphrase, crypt.KindBackup, nil); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dest
}

// An encrypted backup that holds another program's database is refused with
// not_icm_database when it is staged: nothing pending, nothing new beside the database, the
// database as it was.
func TestStageRefusesAnotherProgramsDatabase(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	want := dump(t, st)
	file := sealedAsBackup(t, testdb.Foreign(t))
	before := dirNames(t, filepath.Dir(db))
	_, err := backup.Stage(ctx, db, file, passphrase, backup.Staged{}, nil)
	wantCode(t, err, domain.CodeNotICMDatabase)
	if _, ok := backup.Pending(db); ok {
		t.Fatal("the refused restore is pending")
	}
	if got := dirNames(t, filepath.Dir(db)); !slices.Equal(got, before) {
		t.Fatalf("files beside the database changed: %v, was %v", got, before)
	}
	if got := dump(t, st); got != want {
		t.Fatal("the database changed")
	}
}

// A staged file replaced by another program's database before the next start is set aside
// and not swapped in; the database stays.
func TestApplyRefusesAStagedForeignDatabase(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	file, _ := encrypted(t, st)
	if _, err := backup.Stage(ctx, db, file, passphrase, backup.Staged{}, nil); err != nil {
		t.Fatal(err)
	}
	current := dump(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(testdb.Foreign(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(backup.StagedPath(db), other, 0o600); err != nil {
		t.Fatal(err)
	}
	applied, err := backup.ApplyStaged(ctx, db, testNow)
	wantCode(t, err, domain.CodeNotICMDatabase)
	if applied.Done {
		t.Fatal("applied another program's database")
	}
	if got := dumpFile(t, db); got != current {
		t.Fatal("the database changed")
	}
}
