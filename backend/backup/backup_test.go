package backup_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/testdb"
)

var testNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)

const passphrase = "sommerfugl over Limfjorden"

// realCost is the Argon2id cost the app uses; the tests lower it, the benchmarks keep it.
var realCost = crypt.Default

func TestMain(m *testing.M) {
	crypt.Default = crypt.Params{MemoryKiB: 64, Time: 1, Threads: 1}
	os.Exit(m.Run())
}

// demoStore is a database in a fresh folder with the demo team and a few audit entries.
func demoStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", "icm.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := service.LoadDemo(ctx, st, testNow); err != nil {
		t.Fatal(err)
	}
	if err := st.AppendAudit(ctx, testNow, store.AuditEntry{Action: "view", Object: "citizen", CitizenID: 1},
		store.AuditEntry{Action: "change", Object: "plan", CitizenID: 1, CourseID: 1}); err != nil {
		t.Fatal(err)
	}
	return st, path
}

func dump(t testing.TB, st *store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func dumpFile(t testing.TB, path string) string {
	t.Helper()
	snap, err := store.OpenSnapshot(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	return dump(t, snap)
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// exec runs statements in order on one connection (so that a PRAGMA holds for the rest).
func exec(t testing.TB, st *store.Store, q string, args ...any) {
	t.Helper()
	execAll(t, st, []string{q}, args...)
}

func execAll(t testing.TB, st *store.Store, qs []string, args ...any) {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i, q := range qs {
		var a []any
		if i == len(qs)-1 {
			a = args
		}
		if _, err := conn.ExecContext(context.Background(), q, a...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func wantCode(t *testing.T, err error, code domain.Code) {
	t.Helper()
	if domain.CodeOf(err) != code || err == nil {
		t.Fatalf("error %v, want %s", err, code)
	}
}

func wantMode(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != mode {
		t.Fatalf("%s has mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), mode)
	}
}

// onlyFiles fails when dir holds other files than want (temporary files left behind).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, de := range des {
		got = append(got, de.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("%s holds %v, want %v", dir, got, want)
	}
}

func TestSnapshotIsAVerifiedExactCopy(t *testing.T) {
	st, _ := demoStore(t)
	want := dump(t, st)
	dir := t.TempDir()
	dest := filepath.Join(dir, "copy.db")
	check, err := backup.Snapshot(context.Background(), st, dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := dumpFile(t, dest); got != want {
		t.Fatalf("snapshot differs from the database (%s vs %s)", digest(got), digest(want))
	}
	chain, err := st.VerifyAudit(context.Background())
	if err != nil || chain.Entries < 2 {
		t.Fatalf("source chain %+v, %v", chain, err)
	}
	if check.SchemaVersion != store.LatestVersion() || check.Citizens != 12 || check.Workers != 3 || check.AuditEntries != chain.Entries {
		t.Fatalf("check %+v", check)
	}
	if fi, _ := os.Stat(dest); check.Size != fi.Size() {
		t.Fatalf("check size %d, file %d", check.Size, fi.Size())
	}
	wantMode(t, dest, 0o600)
	onlyFiles(t, dir, "copy.db")
}

// A snapshot that cannot be written leaves nothing behind and says so.
func TestSnapshotIntoAMissingOrReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		t.Skip("needs POSIX permissions and a non-root user")
	}
	st, _ := demoStore(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
	_, err := backup.Snapshot(context.Background(), st, filepath.Join(dir, "copy.db"))
	wantCode(t, err, domain.CodeWriteFailed)
	onlyFiles(t, dir)
}

// Verify refuses every kind of file a restore must not put in place.
func TestVerifyRefuses(t *testing.T) {
	ctx := context.Background()
	st, _ := demoStore(t)
	good := filepath.Join(t.TempDir(), "good.db")
	if _, err := backup.Snapshot(ctx, st, good); err != nil {
		t.Fatal(err)
	}
	variant := func(t *testing.T, change func(st *store.Store)) string {
		t.Helper()
		path := filepath.Join(t.TempDir(), "variant.db")
		b, err := os.ReadFile(good)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		rw, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		change(rw)
		if err := rw.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cases := []struct {
		name string
		file func(t *testing.T) string
		want domain.Code
	}{
		{"not a database", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "text.db")
			_ = os.WriteFile(p, bytes.Repeat([]byte("ikke en database "), 500), 0o600)
			return p
		}, domain.CodeBackupInvalid},
		{"an empty file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "empty.db")
			_ = os.WriteFile(p, nil, 0o600)
			return p
		}, domain.CodeBackupInvalid},
		{"no such file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "none.db") }, domain.CodeBackupInvalid},
		{"another program's database", func(t *testing.T) string {
			return variant(t, func(s *store.Store) {
				exec(t, s, `DROP TABLE schema_migrations`)
			})
		}, domain.CodeNotICMDatabase},
		{"a plain SQLite file of another program", func(t *testing.T) string {
			return testdb.Foreign(t)
		}, domain.CodeNotICMDatabase},
		{"a core table missing", func(t *testing.T) string {
			return variant(t, func(s *store.Store) {
				execAll(t, s, []string{`PRAGMA foreign_keys = OFF`, `DROP TABLE teams`})
			})
		}, domain.CodeBackupInvalid},
		{"a newer schema", func(t *testing.T) string {
			return variant(t, func(s *store.Store) {
				exec(t, s, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, 'future.sql', '2030-01-01')`,
					store.LatestVersion()+1)
			})
		}, domain.CodeDatabaseNewer},
		{"a changed audit entry", func(t *testing.T) string {
			return variant(t, func(s *store.Store) {
				execAll(t, s, []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET citizen_id = 2 WHERE id = 1`})
			})
		}, domain.CodeAuditChainBroken},
		{"a damaged page", func(t *testing.T) string {
			p := variant(t, func(*store.Store) {})
			b, _ := os.ReadFile(p)
			page := 4096
			for i := 2 * page; i < len(b)-page; i += page {
				if b[i] == 0x0D { // a table leaf: scramble its cell pointers
					for j := 8; j < 40; j++ {
						b[i+j] ^= 0x5A
					}
					break
				}
			}
			_ = os.WriteFile(p, b, 0o600)
			return p
		}, domain.CodeBackupInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := backup.Verify(ctx, c.file(t))
			wantCode(t, err, c.want)
		})
	}
	if _, err := backup.Verify(ctx, good); err != nil {
		t.Fatalf("the good copy: %v", err)
	}
}
