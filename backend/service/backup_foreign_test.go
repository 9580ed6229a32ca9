package service

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/testdb"
)

// A backup file whose envelope is right but which holds another program's SQLite database
// (made here with the project's driver) is refused by the restore service with
// not_icm_database: nothing staged, nothing audited, the database as it was.
func TestRestoreRefusesAnotherProgramsDatabase(t *testing.T) {
	f := newBackupFixture(t)
	other := filepath.Join(t.TempDir(), "other.sqlite")
	plain := testdb.Write(t, other)
	var sealed bytes.Buffer
	if err := crypt.Seal(&sealed, bytes.NewReader(plain), backupPass, crypt.KindBackup, nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fremmed.icmbackup")
	if err := os.WriteFile(file, sealed.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	before := dumpOf(t, f.d.Store)
	restores, _ := f.d.Store.ListAudit(context.Background(), store.FindAudit{Action: AuditRestore})
	f.desk.open = file
	mustFn[RestoreFileDTO](t)(f.svc.ChooseRestoreFile())
	_, err := f.svc.RestoreFromFile(RestoreInput{Passphrase: backupPass})
	wantErrCode(t, err, domain.CodeNotICMDatabase)
	if _, ok := backup.Pending(f.path); ok {
		t.Fatal("the refused restore is pending")
	}
	if after, _ := f.d.Store.ListAudit(context.Background(), store.FindAudit{Action: AuditRestore}); len(after) != len(restores) {
		t.Fatalf("a refused restore was audited: %d entries, was %d", len(after), len(restores))
	}
	if dumpOf(t, f.d.Store) != before {
		t.Fatal("the database changed")
	}
	if b, _ := os.ReadFile(other); !bytes.Equal(b, plain) {
		t.Fatal("the other program's file changed")
	}
}
