package store

import (
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// ErrNoDatabase is what OpenExisting and OpenReadOnly give for a database file that does
// not exist (a mistyped -db path): nothing is created, not even the folder.
var ErrNoDatabase = errors.New("no database file")

// OpenExisting is Open for a database that must exist already: a missing file is refused
// with not_found (wrapping ErrNoDatabase) before any folder or file is made.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return Open(ctx, path)
}

// mustExist refuses a path that is not an existing regular file.
func mustExist(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return domain.Wrap(domain.CodeNotFound, "database file", ErrNoDatabase).With("path", path)
	}
	if !fi.Mode().IsRegular() {
		return domain.Wrap(domain.CodeNotFound, "database file is not a file", ErrNoDatabase).With("path", path)
	}
	return nil
}

// Writable reports whether this process may write the database file and create files in
// its folder (SQLite's -wal and -shm beside it). A database on a read-only share or a
// locked-down copy is not.
func Writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	_ = f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".probe-*")
	if err != nil {
		return false
	}
	name := probe.Name()
	_ = probe.Close()
	_ = os.Remove(name)
	return true
}

// readOnlyDSN is DSN without the settings that write: SQLite opens the file read-only
// (mode=ro) and deferred transactions only read. Where the folder cannot be written and no
// write-ahead log lies beside the file (the last writer closed it cleanly), the file is
// opened as immutable: SQLite then needs no -shm file, which it could not create there.
func readOnlyDSN(path string, immutable bool) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "query_only(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	q.Set("_txlock", "deferred")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// OpenReadOnly opens an existing database for reading only, for the commands that only
// read (the exports, `icm sync status`): it creates nothing, changes no file mode, runs no
// migration and leaves a suspended search index as it is. A database of an older schema is
// refused (it must be opened once by ICM with write access to be upgraded), as is a newer
// one. The file's integrity is checked before use.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	immutable, open, cleanup := false, path, func() {}
	if !writable(path) {
		if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
			immutable = true
		} else {
			// Copied while ICM had it open: the newest changes are in the -wal, which SQLite
			// reads only with a -shm it cannot make here. Immutable would ignore the -wal
			// (a silently stale export); read a private copy of both instead.
			var err error
			if open, cleanup, err = privateCopy(path); err != nil {
				return nil, err
			}
		}
	}
	db, err := gorm.Open(sqlite.Open(readOnlyDSN(open, immutable)), &gorm.Config{
		Logger:                 logger.Discard, // SQL may carry personal data: never log it
		SkipDefaultTransaction: true,
	})
	if err != nil {
		cleanup()
		if isNotADatabase(err) {
			return nil, domain.Wrap(domain.CodeDatabaseCorrupt, "the file is not a database", err).With("path", path)
		}
		if isLocked(err) {
			return nil, domain.Wrap(domain.CodeDatabaseLocked, "database is locked", err).With("path", path)
		}
		return nil, domain.Wrap(domain.CodeInternal, "open database read-only", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		cleanup()
		return nil, domain.Wrap(domain.CodeInternal, "open database read-only", err)
	}
	sqlDB.SetMaxOpenConns(maxOpenConns)
	s := &Store{db: db, path: path, readOnly: true, cleanup: cleanup}
	fail := func(err error) (*Store, error) {
		_ = s.Close()
		return nil, err
	}
	if err := s.QuickCheck(ctx); err != nil {
		return fail(err)
	}
	// An empty file or another program's database holds nothing to read: it is not
	// reported as an old ICM database that needs an upgrade.
	if id, err := s.identity(ctx); err != nil {
		return fail(err)
	} else if id != IdentityICM {
		return fail(refuseForeign(path))
	}
	v, err := s.readSchemaVersion(ctx)
	if err != nil {
		return fail(err)
	}
	switch latest := LatestVersion(); {
	case v > latest:
		return fail(domain.E(domain.CodeDatabaseNewer, "database was written by a newer version").With("path", path))
	case v < latest:
		return fail(domain.E(CodeSchemaOld, "database needs an upgrade, which a read-only open cannot do").With("path", path))
	}
	s.capture = true
	return s, nil
}

// CodeSchemaOld is OpenReadOnly's refusal of a database whose schema is older than this
// version's: it must be opened once with write access (by the app or a writing command).
const CodeSchemaOld domain.Code = "database_needs_upgrade"

// ReadOnly reports a store opened by OpenReadOnly: it cannot record anything, the audit
// log included.
func (s *Store) ReadOnly() bool { return s.readOnly }

// writable is Writable; a test run as root, whom file modes do not bind, replaces it.
var writable = Writable

// privateCopy copies a database and its -wal into a new folder only this user may read
// (os.MkdirTemp makes it 0700; the files are 0600), and returns the copy's path and what
// removes it again. The copy is as sensitive as the database itself; it lives only while
// the store is open (Close removes it).
func privateCopy(path string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "icm-readonly-")
	if err != nil {
		return "", nil, domain.Wrap(domain.CodeWriteFailed, "temporary folder for a read-only copy", err)
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	dst := filepath.Join(dir, "icm.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyPrivate(path+suffix, dst+suffix); err != nil {
			cleanup()
			return "", nil, err
		}
	}
	return dst, cleanup, nil
}

func copyPrivate(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return domain.Wrap(domain.CodeNotFound, "read the database", err).With("path", from)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "temporary copy", err)
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "temporary copy", err)
	}
	return nil
}
