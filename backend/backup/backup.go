// Package backup makes and checks copies of the database: verified snapshots (VACUUM INTO a
// temporary file, check, fsync, rename), the rotating automatic backups beside the
// database, encrypted backup files for safekeeping elsewhere, and restore, which is staged
// beside the database and swapped in at the next start, before the store is opened.
package backup

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"icm/backend/domain"
	"icm/backend/store"
)

// Progress is told what a long task is doing: the phase ("snapshot", "encrypt", "verify",
// "decrypt") and, where it can be counted, bytes done of total (total -1 or 0: unknown).
type Progress func(phase string, done, total int64)

// Phases reported to Progress.
const (
	PhaseSnapshot = "snapshot"
	PhaseEncrypt  = "encrypt"
	PhaseDecrypt  = "decrypt"
	PhaseVerify   = "verify"
)

func (p Progress) report(phase string, done, total int64) {
	if p != nil {
		p(phase, done, total)
	}
}

// Check is what verifying a database file found. Counts, never contents.
type Check struct {
	SchemaVersion int
	AuditEntries  int
	Citizens      int64
	Workers       int64
	Size          int64
}

// coreTables must exist in every ICM database, from the first schema version on.
var coreTables = []string{"teams", "workers", "citizens", "courses"}

// Snapshot writes a verified copy of the open database to dest: VACUUM INTO a temporary
// file in dest's folder, a full integrity check and schema check of the copy, fsync, rename
// into place and fsync of the folder. A crash at any point leaves dest as it was, or whole.
func Snapshot(ctx context.Context, st *store.Store, dest string) (Check, error) {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Check{}, domain.Wrap(domain.CodeWriteFailed, "backup folder", err)
	}
	tmp, err := freshName(dir, ".snapshot-*.db")
	if err != nil {
		return Check{}, err
	}
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp)
		}
	}()
	if err := st.VacuumInto(ctx, tmp); err != nil {
		return Check{}, err
	}
	if err := os.Chmod(tmp, 0o600); err != nil && runtime.GOOS != "windows" {
		return Check{}, domain.Wrap(domain.CodeWriteFailed, "restrict snapshot", err)
	}
	check, err := Verify(ctx, tmp)
	if err != nil {
		return check, err
	}
	if err := syncFile(tmp); err != nil {
		return check, err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return check, domain.Wrap(domain.CodeWriteFailed, "rename snapshot", err)
	}
	ok = true
	return check, syncDir(dir)
}

// Verify checks that a file is a sound ICM database this build can use: SQLite's full
// integrity check, ICM's mark (another program's database is not_icm_database), the
// migration table, a schema version no newer than this build's (an older one is migrated
// when it is opened), the core tables and an intact audit chain.
func Verify(ctx context.Context, path string) (Check, error) {
	var c Check
	fi, err := os.Stat(path)
	if err != nil {
		return c, domain.Wrap(domain.CodeBackupInvalid, "no file", err)
	}
	c.Size = fi.Size()
	snap, err := store.OpenSnapshot(ctx, path)
	if err != nil {
		return c, invalid(err)
	}
	defer snap.Close()
	if err := snap.IntegrityCheck(ctx); err != nil {
		return c, invalid(err)
	}
	switch id, err := snap.Identity(ctx); {
	case err != nil:
		return c, invalid(err)
	case id == store.IdentityForeign:
		return c, domain.E(domain.CodeNotICMDatabase, "the backup holds another program's database")
	}
	v, ok, err := snap.RecordedVersion(ctx)
	if err != nil {
		return c, invalid(err)
	}
	if !ok || v < 1 {
		return c, domain.E(domain.CodeBackupInvalid, "no ICM schema")
	}
	c.SchemaVersion = v
	if latest := store.LatestVersion(); v > latest {
		return c, domain.E(domain.CodeDatabaseNewer, "backup written by a newer version").
			With("version", strconv.Itoa(v)).With("supported", strconv.Itoa(latest))
	}
	tables, err := snap.Tables(ctx)
	if err != nil {
		return c, invalid(err)
	}
	has := map[string]bool{}
	for _, t := range tables {
		has[t] = true
	}
	for _, t := range coreTables {
		if !has[t] {
			return c, domain.E(domain.CodeBackupInvalid, "core table missing")
		}
	}
	if c.Citizens, err = snap.CountRows(ctx, "citizens"); err != nil {
		return c, invalid(err)
	}
	if c.Workers, err = snap.CountRows(ctx, "workers"); err != nil {
		return c, invalid(err)
	}
	if has["audit_log"] {
		res, err := snap.VerifyAudit(ctx)
		if err != nil {
			return c, invalid(err)
		}
		if res.BrokenAt != 0 {
			return c, domain.E(domain.CodeAuditChainBroken, "the backup's audit log is broken").
				With("entry", strconv.FormatUint(uint64(res.BrokenAt), 10))
		}
		c.AuditEntries = res.Entries
	}
	return c, nil
}

func invalid(err error) error {
	return domain.Wrap(domain.CodeBackupInvalid, "not a sound database", err)
}

// freshName returns a path in dir, matching pattern, where no file exists: VACUUM INTO and
// the final rename need a name of their own. The folder is private, so the moment between
// choosing the name and using it is not a race anyone else can enter.
func freshName(dir, pattern string) (string, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", domain.Wrap(domain.CodeWriteFailed, "temporary file", err)
	}
	name := f.Name()
	_ = f.Close()
	if err := os.Remove(name); err != nil {
		return "", domain.Wrap(domain.CodeWriteFailed, "temporary file", err)
	}
	return name, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "open for fsync", err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "fsync", err)
	}
	return nil
}

// syncDir makes a rename in dir durable. Windows cannot open a folder for fsync; NTFS
// journals the rename itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "open folder for fsync", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "fsync folder", err)
	}
	return nil
}
