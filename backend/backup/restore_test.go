package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"icm/backend/backup"
	"icm/backend/domain"
	"icm/backend/store"
)

// encrypted writes an encrypted backup of st and returns its path and the dump at that time.
func encrypted(t *testing.T, st *store.Store) (string, string) {
	t.Helper()
	want := dump(t, st)
	dest := filepath.Join(t.TempDir(), "usb", "icm-backup.icmbackup")
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		t.Fatal(err)
	}
	var phases []string
	w, err := backup.WriteEncrypted(context.Background(), st, dest, passphrase, func(phase string, done, total int64) {
		if len(phases) == 0 || phases[len(phases)-1] != phase {
			phases = append(phases, phase)
		}
		if total > 0 && done > total {
			t.Errorf("%s: %d of %d", phase, done, total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(phases, []string{backup.PhaseSnapshot, backup.PhaseEncrypt, backup.PhaseVerify}) {
		t.Fatalf("phases %v", phases)
	}
	fi, err := os.Stat(dest)
	if err != nil || fi.Size() != w.Bytes || w.Path != dest || w.Citizens != 12 {
		t.Fatalf("written %+v, file %v %v", w, fi, err)
	}
	wantMode(t, dest, 0o600)
	// Nothing but the encrypted file reaches its folder, and no plaintext copy stays behind.
	onlyFiles(t, filepath.Dir(dest), filepath.Base(dest))
	// The backup folder, made only to hold the snapshot, is gone again.
	if _, err := os.Stat(backup.Dir(st.Path())); !os.IsNotExist(err) {
		t.Fatalf("the backup folder is left: %v", err)
	}
	b, _ := os.ReadFile(dest)
	if strings.Contains(string(b), "SQLite format") || strings.Contains(string(b), "Dennis") {
		t.Fatal("the encrypted file holds plaintext")
	}
	return dest, want
}

// The whole way: encrypted backup, changes, a staged restore, the swap at the next start;
// the restored database holds exactly what the database held when the backup was taken,
// and the database from before the restore is kept.
func TestEncryptedBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	file, atBackup := encrypted(t, st)

	exec(t, st, `UPDATE citizens SET name = 'Ændret Navn' WHERE id = 1`)
	exec(t, st, `UPDATE notes SET text = 'Rettet efter sikkerhedskopien', revision_no = revision_no + 1`)
	if err := st.AppendAudit(ctx, testNow, store.AuditEntry{Action: "delete", Object: "notes"}); err != nil {
		t.Fatal(err)
	}
	changed := dump(t, st)
	if changed == atBackup {
		t.Fatal("the changes did not change the dump")
	}

	staged, err := backup.Stage(ctx, db, file, passphrase, backup.Staged{StagedAt: testNow, WorkerID: 1, WorkerName: "Mette Lund"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if staged.Citizens != 12 || staged.SchemaVersion != store.LatestVersion() || staged.WorkerName != "Mette Lund" ||
		staged.BackupCreated.IsZero() {
		t.Fatalf("staged %+v", staged)
	}
	if p, ok := backup.Pending(db); !ok || p.WorkerID != 1 || p.Citizens != 12 {
		t.Fatalf("pending %+v %v", p, ok)
	}
	if got := dump(t, st); got != changed {
		t.Fatal("staging changed the open database")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	applied, err := backup.ApplyStaged(ctx, db, testNow.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !applied.Done || applied.Staged.WorkerID != 1 || applied.Previous != db+".before-restore-20261201-110000" {
		t.Fatalf("applied %+v", applied)
	}
	if got := dumpFile(t, db); got != atBackup {
		t.Fatalf("restored database differs from the backup time (%s, want %s; changed state %s)",
			digest(got), digest(atBackup), digest(changed))
	}
	t.Logf("restored dump: %d bytes, sha256 %s, equal to the state at backup time", len(atBackup), digest(atBackup))
	if got := dumpFile(t, applied.Previous); got != changed {
		t.Fatal("the database from before the restore was not kept as it was")
	}
	if _, ok := backup.Pending(db); ok {
		t.Fatal("still pending after the swap")
	}
	for _, f := range []string{backup.StagedPath(db), db + ".restore.json", db + "-wal", db + "-shm"} {
		if _, err := os.Stat(f); err == nil {
			t.Fatalf("%s left after the swap", filepath.Base(f))
		}
	}
	// The restored file opens as the app's database.
	re, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if chain, err := re.VerifyAudit(ctx); err != nil || chain.BrokenAt != 0 {
		t.Fatalf("restored audit chain %+v %v", chain, err)
	}
	if again, err := backup.ApplyStaged(ctx, db, testNow); err != nil || again.Done {
		t.Fatalf("nothing staged, but %+v %v", again, err)
	}
}

// A database that crashed with changes still in its write-ahead log moves aside whole: the
// restored file never meets the old -wal.
func TestApplyMovesAStaleWALAlong(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	file, atBackup := encrypted(t, st)
	exec(t, st, `UPDATE citizens SET name = 'Kun i loggen' WHERE id = 2`)
	// Copy the file and its -wal while the store is open: what a power cut leaves.
	crashed := filepath.Join(t.TempDir(), "icm.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(db + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(crashed+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(crashed + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no write-ahead log to test with: %v", err)
	}
	if _, err := backup.Stage(ctx, crashed, file, passphrase, backup.Staged{}, nil); err != nil {
		t.Fatal(err)
	}
	applied, err := backup.ApplyStaged(ctx, crashed, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(crashed + "-wal"); err == nil {
		t.Fatal("a -wal is beside the restored database")
	}
	if got := dumpFile(t, crashed); got != atBackup {
		t.Fatal("restored database differs from the backup")
	}
	prev, err := store.Open(ctx, applied.Previous)
	if err != nil {
		t.Fatal(err)
	}
	defer prev.Close()
	if !strings.Contains(dump(t, prev), strings.ToUpper(hexOf("Kun i loggen"))) {
		t.Fatal("the change in the old -wal was lost from the database kept before the restore")
	}
}

func hexOf(s string) string {
	const digits = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(digits[s[i]>>4])
		b.WriteByte(digits[s[i]&15])
	}
	return b.String()
}

// A wrong passphrase, a damaged file or a file of another kind stages nothing and leaves
// no file behind.
func TestStageRefuses(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	file, _ := encrypted(t, st)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write := func(t *testing.T, b []byte) string {
		p := filepath.Join(t.TempDir(), "x.icmbackup")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := slices.Clone(good)
	flipped[len(flipped)/2] ^= 1
	cases := []struct {
		name, file, pass string
		want             domain.Code
	}{
		{"wrong passphrase", file, "en helt anden frase", domain.CodeWrongPassphrase},
		{"flipped byte", write(t, flipped), passphrase, domain.CodeFileDamaged},
		{"cut short", write(t, good[:len(good)-100]), passphrase, domain.CodeFileDamaged},
		{"plain database", db, passphrase, domain.CodeNotEncrypted},
		{"missing file", filepath.Join(t.TempDir(), "none"), passphrase, domain.CodeNotFound},
	}
	before := dirNames(t, filepath.Dir(db))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := backup.Stage(ctx, db, c.file, c.pass, backup.Staged{}, nil)
			wantCode(t, err, c.want)
			if _, ok := backup.Pending(db); ok {
				t.Fatal("a refused restore is pending")
			}
			if got := dirNames(t, filepath.Dir(db)); !slices.Equal(got, before) {
				t.Fatalf("files beside the database changed: %v, was %v", got, before)
			}
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// A staged file that has gone bad before the next start is set aside; the database stays.
func TestApplyRefusesADamagedStagedFile(t *testing.T) {
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
	if err := os.WriteFile(backup.StagedPath(db), []byte("overskrevet"), 0o600); err != nil {
		t.Fatal(err)
	}
	applied, err := backup.ApplyStaged(ctx, db, testNow)
	wantCode(t, err, domain.CodeBackupInvalid)
	if applied.Done {
		t.Fatal("applied a damaged file")
	}
	if _, err := os.Stat(db + ".restore-failed-20261201-100000"); err != nil {
		t.Fatalf("the damaged staged file was not set aside: %v", err)
	}
	if got := dumpFile(t, db); got != current {
		t.Fatal("the database changed")
	}
}

func TestCancelStaged(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	file, _ := encrypted(t, st)
	if _, err := backup.Stage(ctx, db, file, passphrase, backup.Staged{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := backup.CancelStaged(db); err != nil {
		t.Fatal(err)
	}
	if _, ok := backup.Pending(db); ok {
		t.Fatal("still pending")
	}
	if applied, err := backup.ApplyStaged(ctx, db, testNow); err != nil || applied.Done {
		t.Fatalf("applied after cancel: %+v %v", applied, err)
	}
}

// An encrypted backup with a passphrase under 12 characters is refused before any work.
func TestWriteEncryptedNeedsAPassphrase(t *testing.T) {
	st, _ := demoStore(t)
	dest := filepath.Join(t.TempDir(), "b.icmbackup")
	_, err := backup.WriteEncrypted(context.Background(), st, dest, "kort", nil)
	wantCode(t, err, domain.CodeWeakPassphrase)
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("a file was written")
	}
}
