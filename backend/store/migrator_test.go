package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// openUnmigrated opens a file like Open does but applies no migrations.
func openUnmigrated(t *testing.T, path string) *Store {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(DSN(path)), &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		t.Fatal(err)
	}
	st := &Store{db: db, path: path}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// seedAt holds representative rows that are valid SQL at the schema version they are keyed
// by. A new migration needs an entry here so that the upgrade from the version before it
// is tested with data in every table.
var seedAt = map[int][]string{
	1: {
		`INSERT INTO teams(id, municipality, name, created_at, updated_at)
			VALUES (1, 'Solvang Kommune', 'ICM-teamet', '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (1, 1, 'Mette Lund', 'ML', 'team_lead', 50, 1, '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO citizens(id, team_id, name, cpr, phone, created_at, updated_at)
			VALUES (1, 1, 'Åse Ærø 🙂', '010190-1234', '20 11 22 33', '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, override_reason, override_by_worker_id,
				override_at, created_at, updated_at)
			VALUES (1, 1, 1, '2025-01-03', 'active', 'kendt relation', 1, '2025-01-03 09:00:00+00:00',
				'2025-01-03 09:00:00+00:00', '2025-01-03 09:00:00+00:00')`,
	},
	2: {
		`INSERT INTO visitations(course_id, housing_at_start, needs, consent, consent_date, updated_at)
			VALUES (1, 'shelter', '["substance"]', 'yes', '2025-01-03', '2025-01-03 09:00:00+00:00')`,
		`INSERT INTO settings(key, value) VALUES ('language', 'en')`,
	},
}

// seedChecks are queries that must each return 1 once the rows of that version are in.
var seedChecks = map[int][]string{
	1: {
		`SELECT COUNT(*) FROM teams WHERE id = 1 AND name = 'ICM-teamet'`,
		`SELECT COUNT(*) FROM workers WHERE id = 1 AND initials = 'ML' AND fte_hundredths = 50`,
		`SELECT COUNT(*) FROM citizens WHERE id = 1 AND name = 'Åse Ærø 🙂' AND cpr = '010190-1234'`,
		`SELECT COUNT(*) FROM courses WHERE id = 1 AND status = 'active' AND override_reason = 'kendt relation'`,
	},
	2: {
		`SELECT COUNT(*) FROM visitations WHERE course_id = 1 AND needs = '["substance"]'`,
		`SELECT COUNT(*) FROM settings WHERE key = 'language' AND value = 'en'`,
	},
}

// schema lists the database's tables and indexes with their SQL, for comparing an upgraded
// file with a fresh one.
func schema(t *testing.T, st *Store) map[string]string {
	t.Helper()
	var rows []struct{ Name, SQL string }
	if err := st.db.Raw(`SELECT name, COALESCE(sql, '') AS sql FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.Name] = strings.Join(strings.Fields(r.SQL), " ")
	}
	return out
}

func TestMigrationsNumbering(t *testing.T) {
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || LatestVersion() != len(ms) {
		t.Fatalf("%d migrations, LatestVersion %d", len(ms), LatestVersion())
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d has version %d, want %d", i, m.Version, i+1)
		}
		if want := fmt.Sprintf("%04d_", m.Version); !strings.HasPrefix(m.Name, want) || !strings.HasSuffix(m.Name, ".sql") {
			t.Errorf("migration name %q, want %s….sql", m.Name, want)
		}
		if strings.TrimSpace(m.SQL) == "" {
			t.Errorf("migration %s is empty", m.Name)
		}
	}
}

func TestMigrateEmptyFileToLatestAndIdempotent(t *testing.T) {
	ctx := context.Background()
	st := openUnmigrated(t, filepath.Join(t.TempDir(), "icm.db"))
	if v, err := st.SchemaVersion(ctx); err != nil || v != 0 {
		t.Fatalf("empty file SchemaVersion = %d, %v; want 0", v, err)
	}
	for i := 0; i < 2; i++ { // the second run must be a no-op
		if err := st.Migrate(ctx); err != nil {
			t.Fatalf("Migrate run %d: %v", i+1, err)
		}
		if v, err := st.SchemaVersion(ctx); err != nil || v != LatestVersion() {
			t.Fatalf("run %d SchemaVersion = %d, %v; want %d", i+1, v, err, LatestVersion())
		}
		var n int64
		st.db.Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&n)
		if int(n) != LatestVersion() {
			t.Fatalf("run %d: %d rows in schema_migrations, want %d", i+1, n, LatestVersion())
		}
	}
	for _, table := range []string{"teams", "workers", "citizens", "courses", "visitations", "settings"} {
		if _, ok := schema(t, st)[table]; !ok {
			t.Errorf("table %s missing after Migrate", table)
		}
	}
}

func TestUpgradeFromEveryVersionKeepsData(t *testing.T) {
	ctx := context.Background()
	fresh, _ := openTemp(t)
	want := schema(t, fresh)
	latest := LatestVersion()
	for k := 1; k < latest; k++ {
		t.Run("from version "+strconv.Itoa(k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "icm.db")
			old := openUnmigrated(t, path)
			if err := old.MigrateTo(ctx, k); err != nil {
				t.Fatal(err)
			}
			if v, _ := old.SchemaVersion(ctx); v != k {
				t.Fatalf("MigrateTo(%d) left version %d", k, v)
			}
			for v := 1; v <= k; v++ {
				if len(seedAt[v]) == 0 {
					t.Fatalf("no seed rows for version %d: add them to seedAt and seedChecks", v)
				}
				for _, q := range seedAt[v] {
					if err := old.db.Exec(q).Error; err != nil {
						t.Fatalf("seed at version %d: %v\n%s", k, err, q)
					}
				}
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}

			st, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("Open after version %d: %v", k, err)
			}
			defer st.Close()
			if v, _ := st.SchemaVersion(ctx); v != latest {
				t.Fatalf("upgraded to %d, want %d", v, latest)
			}
			for v := 1; v <= k; v++ {
				for _, q := range seedChecks[v] {
					var n int
					if err := st.db.Raw(q).Scan(&n).Error; err != nil || n != 1 {
						t.Errorf("after upgrade %s = %d, %v; want 1", q, n, err)
					}
				}
			}
			got := schema(t, st)
			for name, sql := range want {
				if got[name] != sql {
					t.Errorf("after upgrade %s is\n  %q\nwant (fresh install)\n  %q", name, got[name], sql)
				}
			}
			if len(got) != len(want) {
				t.Errorf("upgraded schema has %d objects, fresh has %d", len(got), len(want))
			}
			// The upgraded data goes on working with the new tables.
			for v := k + 1; v <= latest; v++ {
				for _, q := range seedAt[v] {
					if err := st.db.Exec(q).Error; err != nil {
						t.Errorf("insert at version %d after upgrade: %v", v, err)
					}
				}
			}
		})
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	future := LatestVersion() + 1
	if err := st.db.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
		future, fmt.Sprintf("%04d_future.sql", future), "2030-01-01 00:00:00+00:00").Error; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, path)
	wantCode(t, err, domain.CodeDatabaseNewer)
	de := err.(*domain.Error)
	if de.Params["version"] != strconv.Itoa(future) || de.Params["supported"] != strconv.Itoa(LatestVersion()) {
		t.Errorf("params = %v", de.Params)
	}
	// MigrateTo on an open handle refuses too, whatever the target.
	again := openUnmigrated(t, path)
	for _, target := range []int{0, LatestVersion(), future} {
		wantCode(t, again.MigrateTo(ctx, target), domain.CodeDatabaseNewer)
	}
}
