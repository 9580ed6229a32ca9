package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// Released migrations are never edited: add a new numbered file instead.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the embedded migrations in version order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration %q: name must be NNNN_name.sql", name)
		}
		b, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %q: versions must run 1, 2, 3 … without gaps", m.Name)
		}
	}
	return out, nil
}

// LatestVersion is the schema version this build of the app expects.
func LatestVersion() int {
	ms, err := Migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// SchemaVersion reads the version recorded in the database (0 for an empty file).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	if err := s.ensureMigrationTable(ctx); err != nil {
		return 0, err
	}
	var v int
	err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v).Error
	return v, storageErr(err)
}

// readSchemaVersion is SchemaVersion without creating the migration table: 0 when there is
// none (a file that is new or not the app's).
func (s *Store) readSchemaVersion(ctx context.Context) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n).Error
	if err != nil || n == 0 {
		return 0, storageErr(err)
	}
	var v int
	err = s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v).Error
	return v, storageErr(err)
}

func (s *Store) ensureMigrationTable(ctx context.Context) error {
	return storageErr(s.db.WithContext(ctx).Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at DATETIME NOT NULL)`).Error)
}

// Migrate brings the schema to the latest version.
func (s *Store) Migrate(ctx context.Context) error { return s.MigrateTo(ctx, LatestVersion()) }

// MigrateTo applies pending migrations up to target, each in its own transaction so that a
// crash leaves the database at a whole version. A database written by a newer app is refused,
// and so is another program's database (Identity), which is left as it is.
func (s *Store) MigrateTo(ctx context.Context, target int) error {
	ms, err := Migrations()
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "read migrations", err)
	}
	// Another program's database is never turned into an ICM database: not one table is
	// added to it.
	if id, err := s.identity(ctx); err != nil {
		return err
	} else if id == IdentityForeign {
		return refuseForeign(s.path)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if current > len(ms) {
		return domain.E(domain.CodeDatabaseNewer, "database was written by a newer version").
			With("version", strconv.Itoa(current)).With("supported", strconv.Itoa(len(ms)))
	}
	for _, m := range ms {
		if m.Version <= current || m.Version > target {
			continue
		}
		err := s.tx(ctx, func(tx *gorm.DB) error {
			if err := tx.Exec(m.SQL).Error; err != nil {
				return fmt.Errorf("%s: %w", m.Name, err)
			}
			return tx.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
				m.Version, m.Name, time.Now().UTC()).Error
		})
		if err != nil {
			return domain.Wrap(domain.CodeInternal, "migration "+m.Name+" failed", err)
		}
	}
	return nil
}
