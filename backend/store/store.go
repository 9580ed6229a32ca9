// Package store keeps the ICM data in one SQLite file through GORM. It owns the connection
// settings, the versioned migrations and one file per aggregate; GORM models never leave it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// maxOpenConns is the size of the connection pool: one writer at a time (the write
// transactions take the lock up front) and readers beside it.
const maxOpenConns = 4

// Store is the open database.
type Store struct {
	db   *gorm.DB
	path string
	// checkLater is set by OpenChecked when it left the integrity check for after the first
	// screen; damage holds what that check (or any later one) found wrong with the file.
	checkLater bool
	damage     atomic.Pointer[domain.Error]
	// capture is set once the schema has the sync capture (migration 0013): every write
	// transaction then names its worker in sync_actor (see setActor).
	capture bool
	// readOnly is set by OpenReadOnly: the file is opened with mode=ro and nothing is written.
	readOnly bool
	// cleanup removes the private copy OpenReadOnly read instead of the file, if any.
	cleanup func()
}

// CheckMode says when Open checks the file's integrity.
type CheckMode int

const (
	// CheckBeforeUse runs quick_check before the store is returned (the command line, tests,
	// restores: anything that reads the whole file or changes it unattended).
	CheckBeforeUse CheckMode = iota
	// CheckAfterCleanEnd skips the check before use when the last session ended cleanly and
	// the schema is current, and leaves it to the caller to run CheckDeferred once the window
	// is up. A session that did not end cleanly (its write-ahead log is still beside the
	// file), a pending migration, a new file or one written by another version are checked
	// before use, as with CheckBeforeUse.
	CheckAfterCleanEnd
)

// DSN builds the connection string. Pragmas must be in the DSN so that every pooled
// connection gets them; _txlock=immediate makes write transactions take the lock up front.
func DSN(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(5000)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database file at path, restricts its folder to the
// current OS user, checks integrity and applies pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenChecked(ctx, path, CheckBeforeUse)
}

// OpenChecked is Open with the moment of the integrity check chosen (see CheckMode).
func OpenChecked(ctx context.Context, path string, mode CheckMode) (*Store, error) {
	// Read before SQLite opens the file: a clean close removes the write-ahead log, so one
	// left beside the file with content means the last session was killed or lost power.
	uncleanEnd := false
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		uncleanEnd = true
	}
	// Another program's database is refused before anything touches it: opening it here
	// would switch it to WAL mode and change its file mode.
	if Identify(ctx, path) == IdentityForeign {
		return nil, refuseForeign(path)
	}
	if err := restrictToUser(path); err != nil {
		return nil, err
	}
	db, err := gorm.Open(sqlite.Open(DSN(path)), &gorm.Config{
		Logger:                 logger.Discard, // SQL may carry personal data: never log it
		SkipDefaultTransaction: true,
		TranslateError:         false,
	})
	if err != nil {
		// The DSN pragmas run when the first connection opens, so a file that is not a
		// database (or is locked) is already reported here rather than by QuickCheck.
		if isNotADatabase(err) {
			return nil, domain.Wrap(domain.CodeDatabaseCorrupt, "the file is not a database", err).With("path", path)
		}
		if isLocked(err) {
			return nil, domain.Wrap(domain.CodeDatabaseLocked, "database is locked", err).With("path", path)
		}
		return nil, domain.Wrap(domain.CodeInternal, "open database", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "open database", err)
	}
	sqlDB.SetMaxOpenConns(maxOpenConns)
	s := &Store{db: db, path: path}
	checkNow := mode == CheckBeforeUse || uncleanEnd
	if !checkNow {
		// An upgrade rewrites tables: it runs only on a file known to be sound. (A new file
		// is at version 0 and so is checked too, which costs nothing.)
		v, err := s.readSchemaVersion(ctx)
		checkNow = err != nil || v != LatestVersion()
	}
	if checkNow {
		if err := s.QuickCheck(ctx); err != nil {
			_ = sqlDB.Close()
			return nil, err
		}
	} else {
		s.checkLater = true
	}
	if err := s.Migrate(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	// A search index suspended by a load the process did not live to finish is built now.
	// Should that fail (the file locked by another process, say), the store opens all the
	// same: a search answers that the index is being built, and the team folder's next pass
	// tries again.
	if suspended, err := SearchIndexSuspended(s.db.WithContext(ctx)); err == nil && suspended {
		_, _ = s.ResumeSearchIndex(ctx)
	}
	s.capture = true
	return s, nil
}

// restrictToUser makes the data folder and the database's files readable by the current OS
// user only, tightening a folder or file left with looser modes (by an older version, a copy
// or a restore) as well as creating new ones that way. Every file in the folder whose name
// begins with the database's (icm.db, -wal, -shm, -journal, the instance lock and backups
// named after it) becomes 0600. A folder shared by design is left as it is: one with the
// sticky bit (like /tmp), the user's home folder and the filesystem root. On Windows the
// per-user ACL of %LOCALAPPDATA% does this job and POSIX modes mean nothing.
func restrictToUser(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return domain.Wrap(domain.CodeInternal, "create data folder", err)
	}
	// Restrict the file before SQLite opens it: SQLite gives the -wal and -shm files the
	// database file's mode, and they hold the same personal data.
	if f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600); err == nil {
		_ = f.Close()
	}
	if runtime.GOOS == "windows" {
		return nil
	}
	if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 && !sharedFolder(dir, fi) {
		if err := os.Chmod(dir, fi.Mode().Perm()&^0o077); err != nil {
			return domain.Wrap(domain.CodeInternal, "restrict data folder", err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "read data folder", err)
	}
	base := filepath.Base(path)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) || e.IsDir() || e.Type()&os.ModeSymlink != 0 {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue // vanished meanwhile, or already private
		}
		if err := os.Chmod(filepath.Join(dir, e.Name()), 0o600); err != nil {
			return domain.Wrap(domain.CodeInternal, "restrict database file", err)
		}
	}
	return nil
}

// sharedFolder reports a folder that other users or programs rely on being open, so that a
// database placed there with -db does not lock them out: the sticky /tmp kind, the user's
// home folder and the root.
func sharedFolder(dir string, fi os.FileInfo) bool {
	if fi.Mode()&os.ModeSticky != 0 {
		return true
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	if abs == filepath.Dir(abs) { // the root
		return true
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := filepath.Abs(home); err == nil && h == abs {
			return true
		}
	}
	return false
}

// Path is the database file's location.
func (s *Store) Path() string { return s.path }

// SQLDB gives the underlying connection pool, for checks that need a raw *sql.DB (for
// example reading the pragmas of several pooled connections at once). Services never use it.
func (s *Store) SQLDB() (*sql.DB, error) { return s.db.DB() }

// Close closes every pooled connection.
func (s *Store) Close() error {
	if s.cleanup != nil {
		defer s.cleanup()
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// CheckPending reports that OpenChecked left the integrity check for CheckDeferred.
func (s *Store) CheckPending() bool { return s.checkLater }

// CheckDeferred runs the integrity check OpenChecked left for later (nothing when it ran at
// open) and remembers damage it finds, so that Damaged reports it from then on.
func (s *Store) CheckDeferred(ctx context.Context) error {
	if !s.checkLater {
		return s.Damaged()
	}
	return s.QuickCheck(ctx)
}

// Damaged is the damage a check found since the store was opened (nil: none found).
func (s *Store) Damaged() error {
	if e := s.damage.Load(); e != nil {
		return e
	}
	return nil
}

// QuickCheck runs SQLite's quick_check and reports a damaged file as database_corrupt; the
// damage is remembered (see Damaged).
func (s *Store) QuickCheck(ctx context.Context) error {
	err := s.quickCheck(ctx)
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.CodeDatabaseCorrupt {
		s.damage.CompareAndSwap(nil, de)
	}
	return err
}

func (s *Store) quickCheck(ctx context.Context) error {
	var rows []string
	err := s.db.WithContext(ctx).Raw("PRAGMA quick_check").Scan(&rows).Error
	if err != nil {
		if isNotADatabase(err) {
			return domain.Wrap(domain.CodeDatabaseCorrupt, "the file is not a database", err).With("path", s.path)
		}
		if isLocked(err) {
			return domain.Wrap(domain.CodeDatabaseLocked, "database is locked", err).With("path", s.path)
		}
		if ctx.Err() != nil || errors.Is(err, sql.ErrConnDone) || strings.Contains(err.Error(), "database is closed") {
			// Stopped (the app is closing), not a finding about the file.
			return domain.Wrap(domain.CodeInternal, "integrity check stopped", err)
		}
		return domain.Wrap(domain.CodeDatabaseCorrupt, "integrity check failed", err).With("path", s.path)
	}
	if len(rows) != 1 || rows[0] != "ok" {
		return domain.E(domain.CodeDatabaseCorrupt, fmt.Sprintf("quick_check: %d problems", len(rows))).With("path", s.path)
	}
	return nil
}

func isNotADatabase(err error) bool {
	m := err.Error()
	return strings.Contains(m, "not a database") || strings.Contains(m, "malformed") || strings.Contains(m, "SQLITE_NOTADB")
}

func isLocked(err error) bool {
	m := err.Error()
	return strings.Contains(m, "database is locked") || strings.Contains(m, "SQLITE_BUSY")
}

// tx runs fn in one immediate transaction. On a migrated store the transaction first
// records the acting worker of ctx (WithWorker) for the change capture and sets it back to
// nobody before it commits.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.beginWrite(ctx, tx); err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		return s.endWrite(ctx, tx)
	})
	return storageErr(err)
}

// Tx runs fn in one write transaction with a Store bound to it, so that a service can read,
// check a rule and write without another writer in between.
func (s *Store) Tx(ctx context.Context, fn func(tx *Store) error) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return fn(&Store{db: tx, path: s.path})
	})
}

// storageErr keeps domain errors and turns driver errors into coded ones.
func storageErr(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Wrap(domain.CodeNotFound, "record not found", err)
	}
	if isLocked(err) {
		return domain.Wrap(domain.CodeDatabaseLocked, "database is locked", err)
	}
	if strings.Contains(err.Error(), string(domain.CodePlanSigned)+":") { // raised by the plan_versions triggers
		return domain.Wrap(domain.CodePlanSigned, "a signed plan version cannot be changed", err)
	}
	if strings.Contains(err.Error(), string(domain.CodeTemplateSigned)+":") { // raised by the template_versions triggers
		return domain.Wrap(domain.CodeTemplateSigned, "a signed template version cannot be changed", err)
	}
	if strings.Contains(err.Error(), string(domain.CodeNoteRecord)+":") { // raised by the notes and note_revisions triggers
		return domain.Wrap(domain.CodeNoteRecord, "a journal note is corrected by a new revision", err)
	}
	if strings.Contains(err.Error(), string(domain.CodeCloseThroughClosing)+":") { // raised by the courses trigger (0011)
		return domain.Wrap(domain.CodeCloseThroughClosing, "a course is closed only through its closing", err)
	}
	if strings.Contains(err.Error(), string(domain.CodeAuditAppendOnly)+":") { // raised by the audit_log triggers
		return domain.Wrap(domain.CodeAuditAppendOnly, "the audit log cannot be changed", err)
	}
	return domain.Wrap(domain.CodeInternal, "storage", err)
}

// writer is the session for updates: timestamps are the ones the service set from its
// clock (GORM would otherwise stamp updated_at with the wall clock).
func (s *Store) writer(ctx context.Context) *gorm.DB {
	return s.db.WithContext(ctx).Session(&gorm.Session{SkipHooks: true})
}

// first loads one row by id into dst, translating "no row" to not_found.
func (s *Store) first(ctx context.Context, dst any, id uint) error {
	return storageErr(s.db.WithContext(ctx).First(dst, id).Error)
}
