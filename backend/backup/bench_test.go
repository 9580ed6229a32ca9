package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/store"
)

// largeStore is a database of about mb megabytes: the demo team and citizens with long
// contact notes of random text.
func largeStore(b *testing.B, mb int) (*store.Store, string, int64) {
	b.Helper()
	st, db := demoStore(b)
	exec(b, st, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO citizens(team_id, name, contact_note, created_at, updated_at)
		SELECT 1, 'Borger ' || i, hex(randomblob(1000)), '2026-01-01', '2026-01-01' FROM n`, mb*1024*1024/4000)
	if err := st.Checkpoint(context.Background()); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(db)
	if err != nil {
		b.Fatal(err)
	}
	return st, db, fi.Size()
}

// BenchmarkSnapshot is the automatic backup: VACUUM INTO, integrity check, fsync, rename.
func BenchmarkSnapshot(b *testing.B) {
	st, _, size := largeStore(b, 100)
	dir := b.TempDir()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dest := filepath.Join(dir, "copy.db")
		if _, err := backup.Snapshot(context.Background(), st, dest); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/(1<<20), "db_MiB")
}

// BenchmarkEncryptedBackupAndRestore is the manual backup and the staging of its restore,
// with the app's real Argon2id cost (derived three times: seal, read-back, stage).
func BenchmarkEncryptedBackupAndRestore(b *testing.B) {
	crypt.Default = realCost
	b.Cleanup(func() { crypt.Default = crypt.Params{MemoryKiB: 64, Time: 1, Threads: 1} })
	ctx := context.Background()
	st, db, size := largeStore(b, 100)
	dest := filepath.Join(b.TempDir(), "b.icmbackup")
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		if _, err := backup.WriteEncrypted(ctx, st, dest, passphrase, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := backup.Stage(ctx, db, dest, passphrase, backup.Staged{}, nil); err != nil {
			b.Fatal(err)
		}
		if err := backup.CancelStaged(db); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/(1<<20), "db_MiB")
}
