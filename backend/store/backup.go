package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// VacuumInto writes a consistent, compacted copy of the database to path, which must not
// exist. It runs while the app reads and writes (the copy is one read transaction); it does
// not fsync the copy, which is the caller's job.
func (s *Store) VacuumInto(ctx context.Context, path string) error {
	err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", path).Error
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "vacuum into", err)
	}
	return nil
}

// Checkpoint copies the write-ahead log into the database file and empties it, so that the
// file alone holds every committed change.
func (s *Store) Checkpoint(ctx context.Context) error {
	return storageErr(s.db.WithContext(ctx).Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error)
}

// OpenSnapshot opens a copy of a database (a backup) read-only to check it: no migration,
// no change to the file or its folder, no -wal or -shm beside it. The copy must not be
// written by anyone while it is open.
func OpenSnapshot(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	q.Add("_pragma", "query_only(1)")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		if isNotADatabase(err) {
			return nil, domain.Wrap(domain.CodeDatabaseCorrupt, "the file is not a database", err)
		}
		return nil, domain.Wrap(domain.CodeInternal, "open snapshot", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "open snapshot", err)
	}
	sqlDB.SetMaxOpenConns(1)
	return &Store{db: db, path: path}, nil
}

// IntegrityCheck runs SQLite's full integrity_check (slower and more thorough than
// QuickCheck: it also compares every index with its table).
func (s *Store) IntegrityCheck(ctx context.Context) error {
	var rows []string
	err := s.db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&rows).Error
	if err != nil {
		if isNotADatabase(err) {
			return domain.Wrap(domain.CodeDatabaseCorrupt, "the file is not a database", err)
		}
		return domain.Wrap(domain.CodeDatabaseCorrupt, "integrity check failed", err)
	}
	if len(rows) != 1 || rows[0] != "ok" {
		return domain.E(domain.CodeDatabaseCorrupt, fmt.Sprintf("integrity_check: %d problems", len(rows)))
	}
	return nil
}

// Tables lists the database's ordinary tables by name (no virtual tables, no SQLite
// internals but sqlite_sequence).
func (s *Store) Tables(ctx context.Context) ([]string, error) {
	var names []string
	err := s.db.WithContext(ctx).Raw(`SELECT name FROM sqlite_schema WHERE type = 'table'
		AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')
		AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`).Scan(&names).Error
	return names, storageErr(err)
}

// RecordedVersion reads the schema version recorded in the file without creating anything;
// ok is false when the file has no migration table (it is not an ICM database).
func (s *Store) RecordedVersion(ctx context.Context) (version int, ok bool, err error) {
	var n int
	if err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).
		Scan(&n).Error; err != nil {
		return 0, false, storageErr(err)
	}
	if n == 0 {
		return 0, false, nil
	}
	err = s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version).Error
	return version, true, storageErr(err)
}

// CountRows counts the rows of one of the tables Tables lists.
func (s *Store) CountRows(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM "` + strings.ReplaceAll(table, `"`, `""`) + `"`).Scan(&n).Error
	return n, storageErr(err)
}

// Dump writes the schema and every row of every table in a stable text form: two databases
// hold the same data exactly when their dumps are equal. Values are written with their
// SQLite type and exact bytes (text and blobs in hex, reals with 17 digits), tables in
// name order and rows in rowid order (by every column for tables without rowid). It is
// for tests and for support comparing a restore with its source.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "dump", err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return storageErr(err)
	}
	defer conn.Close()
	// One read transaction, so that the dump is one consistent state.
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return storageErr(err)
	}
	defer func() { _ = tx.Rollback() }()
	bw := bufio.NewWriter(w)
	type object struct{ kind, name, sql string }
	var objects []object
	rows, err := tx.QueryContext(ctx, `SELECT type, name, COALESCE(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		return storageErr(err)
	}
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			_ = rows.Close()
			return storageErr(err)
		}
		objects = append(objects, o)
	}
	if err := rows.Close(); err != nil {
		return storageErr(err)
	}
	for _, o := range objects {
		fmt.Fprintf(bw, "schema %s %s: %s\n", o.kind, o.name, o.sql)
	}
	for _, o := range objects {
		if o.kind != "table" || strings.HasPrefix(o.sql, "CREATE VIRTUAL TABLE") ||
			(strings.HasPrefix(o.name, "sqlite_") && o.name != "sqlite_sequence") {
			continue
		}
		if err := dumpTable(ctx, tx, bw, o.name, strings.Contains(strings.ToUpper(o.sql), "WITHOUT ROWID")); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "dump", err)
	}
	return nil
}

func dumpTable(ctx context.Context, tx *sql.Tx, w io.Writer, table string, withoutRowid bool) error {
	quoted := `"` + strings.ReplaceAll(table, `"`, `""`) + `"`
	cols, err := tableColumns(ctx, tx, table)
	if err != nil {
		return err
	}
	var sel []string
	for _, c := range cols {
		q := `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		sel = append(sel, "typeof("+q+") || ':' || CASE typeof("+q+") WHEN 'real' THEN printf('%.17g', "+q+
			") WHEN 'null' THEN '' ELSE hex("+q+") END")
	}
	order := "rowid"
	if withoutRowid {
		var keys []string
		for _, c := range cols {
			keys = append(keys, `"`+strings.ReplaceAll(c, `"`, `""`)+`"`)
		}
		order = strings.Join(keys, ", ")
	}
	if len(sel) == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+strings.Join(sel, " || ' ' || ")+" FROM "+quoted+" ORDER BY "+order)
	if err != nil {
		return storageErr(err)
	}
	defer rows.Close()
	fmt.Fprintf(w, "table %s (%s)\n", table, strings.Join(cols, ", "))
	n := 0
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return storageErr(err)
		}
		fmt.Fprintf(w, "  %s\n", line)
		n++
	}
	fmt.Fprintf(w, "end %s: %d rows\n", table, n)
	return storageErr(rows.Err())
}

func tableColumns(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name, cid FROM pragma_table_info("+sqlString(table)+")")
	if err != nil {
		return nil, storageErr(err)
	}
	defer rows.Close()
	type col struct {
		name string
		cid  int
	}
	var cs []col
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.name, &c.cid); err != nil {
			return nil, storageErr(err)
		}
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].cid < cs[j].cid })
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.name
	}
	return out, storageErr(rows.Err())
}

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// CheckpointFile folds the write-ahead log of the database file at path into the file and
// empties it, without migrating or checking anything: used before the file is moved aside,
// so that it moves whole. A file that cannot be opened is reported; the caller then moves
// the -wal and -shm files along with it.
func CheckpointFile(ctx context.Context, path string) error {
	sqlDB, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "open for checkpoint", err)
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1)
	var busy, logFrames, done int
	if err := sqlDB.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return storageErr(err)
	}
	if busy != 0 {
		return domain.E(domain.CodeDatabaseLocked, "checkpoint blocked by another connection")
	}
	return nil
}
