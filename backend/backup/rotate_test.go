package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"icm/backend/backup"
)

// fakeBackups creates files named like automatic backups taken at the given times.
func fakeBackups(t *testing.T, dbPath string, times ...time.Time) {
	t.Helper()
	dir := backup.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tm := range times {
		if err := os.WriteFile(filepath.Join(dir, "icm-"+tm.Format("20060102-150405")+".db"), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func names(t *testing.T, dbPath string) []string {
	t.Helper()
	list, err := backup.List(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Name)
	}
	return out
}

func day(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.Local) }

func TestRotateKeepsDailyAndWeekly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	// Two backups a day from 1 to 30 November 2026 (the 30th is a Monday), except the 20th to 23rd.
	var times []time.Time
	for d := 1; d <= 30; d++ {
		if d >= 20 && d <= 23 {
			continue
		}
		times = append(times, day(d, 9), day(d, 17))
	}
	fakeBackups(t, db, times...)
	// Files that are not automatic backups of icm.db are never touched.
	dir := backup.Dir(db)
	for _, other := range []string{"demo-20261101-090000.db", "icm-notes.txt", ".snapshot-123.db", "icm-2026.db"} {
		if err := os.WriteFile(filepath.Join(dir, other), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	now := day(30, 20)
	removed, err := backup.Rotate(db, backup.Policy{Daily: 7, Weekly: 4}, now)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		// the newest of each of the last 7 days with a backup
		"icm-20261130-170000.db", "icm-20261129-170000.db", "icm-20261128-170000.db", "icm-20261127-170000.db",
		"icm-20261126-170000.db", "icm-20261125-170000.db", "icm-20261124-170000.db",
		// the newest of each of the 4 last ISO weeks: 30 Nov (week 49) is kept above; week 48
		// ends Sunday 29 Nov (kept above); week 47 ends on Sunday 22 Nov, which has no backup,
		// so its newest is Thursday 19 Nov; week 46 ends on Sunday 15 Nov.
		"icm-20261119-170000.db", "icm-20261115-170000.db",
	}
	if got := names(t, db); !slices.Equal(got, want) {
		t.Fatalf("kept %v\nwant %v", got, want)
	}
	if len(removed) != len(times)-len(want) {
		t.Fatalf("removed %d, want %d", len(removed), len(times)-len(want))
	}
	for _, other := range []string{"demo-20261101-090000.db", "icm-notes.txt", ".snapshot-123.db", "icm-2026.db"} {
		if _, err := os.Stat(filepath.Join(dir, other)); err != nil {
			t.Fatalf("%s was touched: %v", other, err)
		}
	}
	// Rotating again removes nothing.
	if again, err := backup.Rotate(db, backup.Policy{Daily: 7, Weekly: 4}, now); err != nil || len(again) != 0 {
		t.Fatalf("second rotation removed %v, %v", again, err)
	}
}

func TestRotateAlwaysKeepsTheNewest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	fakeBackups(t, db, day(1, 9), day(1, 10))
	if _, err := backup.Rotate(db, backup.Policy{}, day(3, 9)); err != nil {
		t.Fatal(err)
	}
	if got := names(t, db); !slices.Equal(got, []string{"icm-20261101-100000.db"}) {
		t.Fatalf("kept %v", got)
	}
}

// Every backup of the last day is kept, however many; older ones go down to one a day.
func TestRotateKeepsTheLastDayWhole(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	fakeBackups(t, db, day(9, 8), day(9, 9), day(9, 18), day(10, 8), day(10, 11), day(10, 12))
	p := backup.Policy{Recent: 24 * time.Hour, Daily: 7, Weekly: 4}
	if _, err := backup.Rotate(db, p, day(10, 12)); err != nil {
		t.Fatal(err)
	}
	want := []string{"icm-20261110-120000.db", "icm-20261110-110000.db", "icm-20261110-080000.db", "icm-20261109-180000.db"}
	if got := names(t, db); !slices.Equal(got, want) {
		t.Fatalf("kept %v\nwant %v", got, want)
	}
	// A day later the 10th is down to its newest.
	if _, err := backup.Rotate(db, p, day(11, 13)); err != nil {
		t.Fatal(err)
	}
	if got := names(t, db); !slices.Equal(got, []string{"icm-20261110-120000.db", "icm-20261109-180000.db"}) {
		t.Fatalf("a day later kept %v", got)
	}
}

func TestDue(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	now := day(10, 12)
	if due, err := backup.Due(db, now); err != nil || !due {
		t.Fatalf("no backups yet: due=%v %v", due, err)
	}
	fakeBackups(t, db, now.Add(-30*time.Hour), now.Add(-23*time.Hour))
	if due, _ := backup.Due(db, now); due {
		t.Fatal("due with a backup 23 hours old")
	}
	if due, _ := backup.Due(db, now.Add(time.Hour)); !due {
		t.Fatal("not due with a backup 24 hours old")
	}
}

// An automatic backup is a verified copy named after its time, in a private folder, and
// rotation runs after it.
func TestAutomatic(t *testing.T) {
	ctx := context.Background()
	st, db := demoStore(t)
	dir := backup.Dir(db)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Two old backups of the same day and a temporary file a crash left two days ago.
	fakeBackups(t, db, day(2, 9), day(2, 10))
	stale := filepath.Join(dir, ".snapshot-999.db")
	if err := os.WriteFile(stale, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 10, 30, 15, 0, time.Local)
	if err := os.Chtimes(stale, now.Add(-48*time.Hour), now.Add(-48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	e, err := backup.Automatic(ctx, st, now, backup.DefaultPolicy)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "icm-20261201-103015.db" || !e.Taken.Equal(now) || e.Size == 0 {
		t.Fatalf("entry %+v", e)
	}
	if got := dumpFile(t, e.Path); got != dump(t, st) {
		t.Fatal("the automatic backup differs from the database")
	}
	wantMode(t, dir, 0o700)
	wantMode(t, e.Path, 0o600)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("stale temporary file kept: %v", err)
	}
	if got := names(t, db); !slices.Equal(got, []string{"icm-20261201-103015.db", "icm-20261102-100000.db"}) {
		t.Fatalf("after rotation %v", got)
	}
	// A second backup in the same second takes the next one.
	e2, err := backup.Automatic(ctx, st, now, backup.DefaultPolicy)
	if err != nil || e2.Name != "icm-20261201-103016.db" {
		t.Fatalf("second backup %+v, %v", e2, err)
	}
}
