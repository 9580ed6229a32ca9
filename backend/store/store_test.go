package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"icm/backend/domain"
)

// openTemp opens a fresh database in a temporary folder and closes it when the test ends.
func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "icm.db")
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st, path
}

func wantCode(t *testing.T, err error, code domain.Code) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
}

func TestPragmasOnEveryPooledConnection(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	sqlDB, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	// Hold three connections at once so that the pool must open distinct ones.
	const n = 3
	for i := 0; i < n; i++ {
		conn, err := sqlDB.Conn(ctx)
		if err != nil {
			t.Fatalf("conn %d: %v", i, err)
		}
		defer conn.Close()
		checks := []struct{ pragma, want string }{
			{"journal_mode", "wal"},
			{"foreign_keys", "1"},
			{"busy_timeout", "5000"},
			{"synchronous", "2"}, // FULL
		}
		for _, c := range checks {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
				t.Fatalf("conn %d PRAGMA %s: %v", i, c.pragma, err)
			}
			if strings.ToLower(got) != c.want {
				t.Errorf("conn %d PRAGMA %s = %q, want %q", i, c.pragma, got, c.want)
			}
		}
	}
	if open := sqlDB.Stats().OpenConnections; open < n {
		t.Fatalf("pool has %d open connections, want at least %d distinct ones", open, n)
	}
}

func TestFileModes(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("file modes are checked on Linux")
	}
	check := func(t *testing.T, path string, want os.FileMode) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("mode of %s = %o, want %o", filepath.Base(path), got, want)
		}
	}
	cases := []struct {
		name      string
		existing  bool // the folder exists (0755) before Open
		dirWanted os.FileMode
	}{
		{"fresh folder", false, 0o700},
		{"existing loose folder is tightened", true, 0o700},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data", "icm")
			if c.existing {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(dir, "icm.db")
			st, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			// A write makes sure the -wal and -shm files exist; they hold personal data too.
			if err := st.SetSetting(context.Background(), "language", "da"); err != nil {
				t.Fatal(err)
			}
			check(t, dir, c.dirWanted)
			for _, f := range []string{path, path + "-wal", path + "-shm"} {
				check(t, f, 0o600)
			}
		})
	}
}

func TestOneOpenCoursePerCitizenRawSQL(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	db := st.db.WithContext(ctx)
	seed := []string{
		`INSERT INTO teams(id, municipality, name, created_at, updated_at) VALUES (1, 'K', 'T', '2026-01-01', '2026-01-01')`,
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (1, 1, 'Mette', 'ML', 'team_lead', 100, 1, '2026-01-01', '2026-01-01')`,
		`INSERT INTO citizens(id, team_id, name, created_at, updated_at) VALUES (1, 1, 'Åse', '2026-01-01', '2026-01-01')`,
		`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, created_at, updated_at)
			VALUES (1, 1, 1, '2026-01-01', 'active', '2026-01-01', '2026-01-01')`,
	}
	for _, q := range seed {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	insert := func(id int, status string) error {
		return db.Exec(`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, created_at, updated_at)
			VALUES (?, 1, 1, '2026-02-01', ?, '2026-02-01', '2026-02-01')`, id, status).Error
	}
	cases := []struct {
		name   string
		id     int
		status string
		ok     bool
	}{
		{"second open (visitation) refused", 2, "visitation", false},
		{"second open (active) refused", 3, "active", false},
		{"closed course allowed", 4, "closed", true},
		{"another closed course allowed", 5, "closed", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := insert(c.id, c.status)
			if c.ok && err != nil {
				t.Fatalf("insert: %v", err)
			}
			if !c.ok && (err == nil || !strings.Contains(strings.ToLower(err.Error()), "unique")) {
				t.Fatalf("insert = %v, want a UNIQUE constraint failure", err)
			}
		})
	}
	// Reopening a closed course while another is open hits the same index.
	err := db.Exec(`UPDATE courses SET status = 'active' WHERE id = 4`).Error
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "unique") {
		t.Fatalf("update = %v, want a UNIQUE constraint failure", err)
	}
	// After closing the open course a new one may start (closed through its closing, 0010).
	if err := db.Exec(`INSERT INTO closings(course_id, reason, after_support, housing_at_close, updated_at)
		VALUES (1, 'moved', 'none', 'own', '2026-01-01')`).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`UPDATE courses SET status = 'closed' WHERE id = 1`).Error; err != nil {
		t.Fatal(err)
	}
	if err := insert(6, "visitation"); err != nil {
		t.Fatalf("new course after closing: %v", err)
	}
	if open, err := st.HasOpenCourse(ctx, 1); err != nil || !open {
		t.Fatalf("HasOpenCourse = %v, %v", open, err)
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	st, _ := openTemp(t)
	err := st.db.Exec(`INSERT INTO workers(team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
		VALUES (42, 'Ghost', 'GH', 'icm_worker', 100, 1, '2026-01-01', '2026-01-01')`).Error
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
		t.Fatalf("insert with unknown team = %v, want a FOREIGN KEY failure", err)
	}
}
