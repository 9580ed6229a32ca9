package backup

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

// A restore is staged, not done at once: the running app cannot swap the database under its
// open connections. Stage decrypts and verifies the backup and leaves it as <db>.restore,
// with <db>.restore.json saying who asked for it; ApplyStaged, called at the next start
// before the store is opened, moves the current database aside as
// <db>.before-restore-<time> (kept, never deleted by the app) and renames the staged file
// into place.

// StagedPath is where a verified restore waits for the next start.
func StagedPath(dbPath string) string { return dbPath + ".restore" }

func stagedInfoPath(dbPath string) string { return dbPath + ".restore.json" }

// Staged describes a restore waiting for the next start.
type Staged struct {
	StagedAt      time.Time `json:"stagedAt"`
	BackupCreated time.Time `json:"backupCreated"` // when the backup file was sealed
	SchemaVersion int       `json:"schemaVersion"`
	Citizens      int64     `json:"citizens"`
	Workers       int64     `json:"workers"`
	AuditEntries  int       `json:"auditEntries"`
	WorkerID      uint      `json:"workerId"` // who staged it, for the audit log of the restored database
	WorkerName    string    `json:"workerName"`
}

// Applied is what ApplyStaged did.
type Applied struct {
	Done     bool   // a staged restore was swapped in
	Previous string // where the database before the restore was moved
	Staged   Staged
}

// Stage decrypts the encrypted backup at src into a temporary file beside the database,
// verifies it (integrity, an ICM database no newer than this build, an intact audit chain)
// and only then puts it in place as the staged restore. Nothing of the current database is
// touched; a failure leaves no file behind.
func Stage(ctx context.Context, dbPath, src, passphrase string, by Staged, progress Progress) (Staged, error) {
	in, err := os.Open(src)
	if err != nil {
		return Staged{}, domain.Wrap(domain.CodeNotFound, "open backup file", err)
	}
	defer in.Close()
	dir := filepath.Dir(dbPath)
	tmp, err := os.CreateTemp(dir, filepath.Base(dbPath)+leftoverInfix+"*"+leftoverSuffix)
	if err != nil {
		return Staged{}, domain.Wrap(domain.CodeWriteFailed, "temporary file", err)
	}
	tmpPath := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmpPath)
		}
	}()
	_ = tmp.Chmod(0o600)
	h, err := crypt.Open(tmp, in, passphrase, crypt.KindBackup, func(done, total int64) {
		progress.report(PhaseDecrypt, done, total)
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = domain.Wrap(domain.CodeWriteFailed, "close temporary file", cerr)
	}
	if err != nil {
		return Staged{}, err
	}
	afterDecrypt(tmpPath)
	progress.report(PhaseVerify, 0, -1)
	check, err := Verify(ctx, tmpPath)
	if err != nil {
		return Staged{}, err
	}
	info := by
	info.BackupCreated = h.Created
	info.SchemaVersion, info.Citizens, info.Workers, info.AuditEntries =
		check.SchemaVersion, check.Citizens, check.Workers, check.AuditEntries
	b, err := json.Marshal(info)
	if err != nil {
		return Staged{}, domain.Wrap(domain.CodeInternal, "restore info", err)
	}
	if err := writeSynced(stagedInfoPath(dbPath), b); err != nil {
		return Staged{}, err
	}
	if err := os.Rename(tmpPath, StagedPath(dbPath)); err != nil {
		_ = os.Remove(stagedInfoPath(dbPath))
		return Staged{}, domain.Wrap(domain.CodeWriteFailed, "stage restore", err)
	}
	ok = true
	return info, syncDir(dir)
}

// The decrypted copy Stage writes is <db>.restore-<random>.tmp: a complete, unencrypted
// database until it is verified and renamed, or removed when the stage fails.
const (
	leftoverInfix  = ".restore-"
	leftoverSuffix = ".tmp"
)

// afterDecrypt runs when Stage has decrypted the backup into tmpPath, before it verifies it;
// tests kill a restore there.
var afterDecrypt = func(tmpPath string) {}

// RemoveLeftovers deletes the decrypted copies that a restore killed midway (a power cut, a
// closed console window) left beside the database: each holds every citizen unencrypted.
// It runs at every start and at the start of a command line restore, while the process holds
// the database's instance lock, so no restore of its own is at work. It reports how many it
// removed; a file it cannot remove stays for the next time.
func RemoveLeftovers(dbPath string) int {
	pattern := filepath.Join(filepath.Dir(dbPath), globEscape(filepath.Base(dbPath))+leftoverInfix+"*"+leftoverSuffix)
	names, _ := filepath.Glob(pattern)
	n := 0
	for _, name := range names {
		if fi, err := os.Lstat(name); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if os.Remove(name) == nil {
			n++
		}
	}
	if n > 0 {
		_ = syncDir(filepath.Dir(dbPath))
	}
	return n
}

// globEscape makes a file name match itself in filepath.Glob.
func globEscape(name string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	if runtime.GOOS == "windows" {
		// Windows has no escape character in Glob; these are not valid in its file names but [.
		r = strings.NewReplacer("[", "[[]")
	}
	return r.Replace(name)
}

// Pending reports a staged restore that has not been applied yet.
func Pending(dbPath string) (Staged, bool) {
	if _, err := os.Stat(StagedPath(dbPath)); err != nil {
		return Staged{}, false
	}
	return readStaged(dbPath), true
}

func readStaged(dbPath string) Staged {
	var s Staged
	if b, err := os.ReadFile(stagedInfoPath(dbPath)); err == nil {
		_ = json.Unmarshal(b, &s)
	}
	return s
}

// CancelStaged removes a staged restore, so the next start opens the database as it is.
func CancelStaged(dbPath string) error {
	err := os.Remove(StagedPath(dbPath))
	if err != nil && !os.IsNotExist(err) {
		return domain.Wrap(domain.CodeWriteFailed, "remove staged restore", err)
	}
	_ = os.Remove(stagedInfoPath(dbPath))
	return syncDir(filepath.Dir(dbPath))
}

// ApplyStaged swaps a staged restore in, when there is one. It must run before the store is
// opened, while this process holds the database's instance lock. The staged file is
// verified again (it may have waited for days); one that fails is renamed
// <db>.restore-failed-<time> and the current database stays. The current database is
// checkpointed and moved aside with any -wal, -shm and -journal file of its own, so that
// no stale write-ahead log is ever read against the restored file. Decrypted copies left by
// a restore that was killed midway are removed first (RemoveLeftovers).
func ApplyStaged(ctx context.Context, dbPath string, now time.Time) (Applied, error) {
	RemoveLeftovers(dbPath)
	staged := StagedPath(dbPath)
	if _, err := os.Stat(staged); err != nil {
		if os.IsNotExist(err) {
			return Applied{}, nil
		}
		return Applied{}, domain.Wrap(domain.CodeInternal, "staged restore", err)
	}
	info := readStaged(dbPath)
	stamp := now.Local().Format(nameTime)
	if _, err := Verify(ctx, staged); err != nil {
		_ = os.Rename(staged, dbPath+".restore-failed-"+stamp)
		_ = os.Remove(stagedInfoPath(dbPath))
		return Applied{}, err
	}
	previous := dbPath + ".before-restore-" + stamp
	if _, err := os.Stat(dbPath); err == nil {
		// Best effort: a damaged database (often the reason for the restore) may not open;
		// its -wal then moves along with it below.
		_ = store.CheckpointFile(ctx, dbPath)
	} else if errors.Is(err, os.ErrNotExist) {
		previous = ""
	} else {
		return Applied{}, domain.Wrap(domain.CodeInternal, "current database", err)
	}
	// Move the current database and its companions aside; on a failure, put back what moved.
	var moved [][2]string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			_ = os.Rename(moved[i][1], moved[i][0])
		}
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		from := dbPath + suffix
		if _, err := os.Lstat(from); err != nil {
			continue
		}
		to := dbPath + ".before-restore-" + stamp + suffix
		if err := os.Rename(from, to); err != nil {
			undo()
			return Applied{}, domain.Wrap(domain.CodeWriteFailed, "move the current database aside", err)
		}
		moved = append(moved, [2]string{from, to})
	}
	if err := os.Rename(staged, dbPath); err != nil {
		undo()
		return Applied{}, domain.Wrap(domain.CodeWriteFailed, "put the restored database in place", err)
	}
	_ = os.Remove(stagedInfoPath(dbPath))
	if err := syncDir(filepath.Dir(dbPath)); err != nil {
		return Applied{}, err
	}
	return Applied{Done: true, Previous: previous, Staged: info}, nil
}

// writeSynced writes a small file under a temporary name, fsyncs it and renames it into place.
func writeSynced(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "create file", err)
	}
	tmp := f.Name()
	_ = f.Chmod(0o600)
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return domain.Wrap(domain.CodeWriteFailed, "write file", err)
	}
	return nil
}
