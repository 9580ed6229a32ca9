package store

import (
	"context"
	"os"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// How ICM knows its own databases: it sets neither SQLite's application_id nor its
// user_version (both stay 0), and its first migration creates the migration table
// schema_migrations(version, name, applied_at) whose row for version 1 names ICM's first
// migration file. A sound SQLite file without that mark is another program's database
// (a browser's history, another app's store, a golang-migrate database with a
// schema_migrations of its own): ICM never migrates, exports, backs up or restores it.

// Identity is what a SQLite file is to ICM.
type Identity int

// The identities a SQLite file can have.
const (
	IdentityUnknown Identity = iota // could not be read (damaged, locked, no access): other checks decide
	IdentityEmpty                   // no table, index, view or trigger at all: a new file
	IdentityICM                     // an ICM database of any version
	IdentityForeign                 // a sound database of another program
)

// firstMigration is the name ICM's first migration is recorded under in every ICM database.
const firstMigration = "0001_core.sql"

// identity reads the file's mark (see above) through the open connection.
func (s *Store) identity(ctx context.Context) (Identity, error) {
	db := s.db.WithContext(ctx)
	var appID, userVersion, objects int
	if err := db.Raw("PRAGMA application_id").Scan(&appID).Error; err != nil {
		return IdentityUnknown, storageErr(err)
	}
	if err := db.Raw("PRAGMA user_version").Scan(&userVersion).Error; err != nil {
		return IdentityUnknown, storageErr(err)
	}
	if err := db.Raw("SELECT count(*) FROM sqlite_schema").Scan(&objects).Error; err != nil {
		return IdentityUnknown, storageErr(err)
	}
	switch {
	case appID != 0 || userVersion != 0:
		return IdentityForeign, nil
	case objects == 0:
		return IdentityEmpty, nil
	}
	var cols []string
	if err := db.Raw("SELECT name FROM pragma_table_info('schema_migrations')").Scan(&cols).Error; err != nil {
		return IdentityUnknown, storageErr(err)
	}
	has := map[string]bool{}
	for _, c := range cols {
		has[c] = true
	}
	if !has["version"] || !has["name"] || !has["applied_at"] {
		return IdentityForeign, nil
	}
	var first []string
	if err := db.Raw("SELECT name FROM schema_migrations WHERE version = 1").Scan(&first).Error; err != nil {
		return IdentityUnknown, storageErr(err)
	}
	switch {
	case len(first) == 1 && first[0] == firstMigration:
		return IdentityICM, nil
	case len(first) == 0 && objects == 1:
		// Only ICM's migration table: its first migration was cut short (each runs in a
		// transaction, so nothing else was left).
		return IdentityICM, nil
	}
	return IdentityForeign, nil
}

// Identity reports what the database open in s is to ICM.
func (s *Store) Identity(ctx context.Context) (Identity, error) { return s.identity(ctx) }

// refuseForeign is the refusal of a database that is another program's.
func refuseForeign(path string) error {
	return domain.E(domain.CodeNotICMDatabase, "the file is another program's database").With("path", path)
}

// Identify reads what the SQLite file at path is to ICM without changing it (no -wal or
// journal mode change, no migration, no file mode change), so that a command can refuse
// another program's database before it opens it for writing. A file it cannot read as a
// database (damaged, no access, missing) is IdentityUnknown, for the caller's other checks.
func Identify(ctx context.Context, path string) Identity {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		if err == nil && fi.Mode().IsRegular() {
			return IdentityEmpty
		}
		return IdentityUnknown
	}
	// Immutable (no -shm needed, nothing written) unless a write-ahead log holds changes
	// that the file alone lacks; then SQLite reads both, read-only.
	immutable := true
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		immutable = false
	}
	db, err := gorm.Open(sqlite.Open(readOnlyDSN(path, immutable)), &gorm.Config{
		Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		return IdentityUnknown
	}
	s := &Store{db: db, path: path, readOnly: true}
	defer s.Close()
	id, err := s.identity(ctx)
	if err != nil {
		return IdentityUnknown
	}
	return id
}
