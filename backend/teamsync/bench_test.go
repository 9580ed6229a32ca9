package teamsync_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/benchdata"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// benchConfig is the ten-year team, or a tenth of it with ICM_SYNC_BENCH_SMALL=1 (for
// profiling).
func benchConfig(now time.Time) benchdata.Config {
	c := benchdata.TenYears(now)
	if os.Getenv("ICM_SYNC_BENCH_SMALL") == "1" {
		c.Citizens, c.Courses, c.OpenCourses, c.Notes = 30, 60, 24, 20_000
	}
	return c
}

// tenYearTeam is the lead's laptop of a team with ten years of data, founded on a new team
// folder.
type tenYearTeam struct {
	root, folder, dbPath string
	st                   *store.Store
	eng                  *teamsync.Engine
	sum                  benchdata.Summary
	leadUID              string
	found                time.Duration // the time Found took (its snapshot included)
}

// newTenYearTeam generates the ten-year database on the lead's laptop and founds the team
// folder with it (or a tenth of it with ICM_SYNC_BENCH_SMALL=1).
func newTenYearTeam(b *testing.B, now time.Time) *tenYearTeam {
	b.Helper()
	ctx := context.Background()
	t := &tenYearTeam{root: b.TempDir()}
	t.folder = filepath.Join(t.root, "team")
	t.dbPath = filepath.Join(t.root, "lead.db")
	if err := os.MkdirAll(t.folder, 0o700); err != nil {
		b.Fatal(err)
	}
	var err error
	if t.st, err = store.Open(ctx, t.dbPath); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = t.st.Close() })
	if t.sum, err = benchdata.Generate(ctx, t.st, benchConfig(now)); err != nil {
		b.Fatal(err)
	}
	t.st.Gorm().Raw(`SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = ?`, t.sum.Lead).Scan(&t.leadUID)
	start := time.Now()
	if t.eng, err = teamsync.Found(ctx, t.st.Gorm(), t.dbPath, t.folder, t.leadUID, "lead", func() time.Time { return now }); err != nil {
		b.Fatal(err)
	}
	t.found = time.Since(start)
	return t
}

// folderSize walks the team folder: files, their bytes, and the space they take on disk.
func folderSize(tb testing.TB, dir string) (files int, bytes, disk int64) {
	tb.Helper()
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files++
			bytes += fi.Size()
			disk += diskBytes(fi)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files, bytes, disk
}

// BenchmarkJoinTenYearTeam: a new laptop joins a team with ten years of data (300 citizens,
// 600 courses, 200 000 notes): from its first sync until its team overview is complete,
// which is when the engine tells the app's screens to reload (OnApplied) and the overview
// is read there, as the app does. The note search index is built after that, in the same
// pass: search-s is the time until it is ready (the pass's end). The lead's laptop founds
// the team folder once (its snapshot is written then, not timed).
func BenchmarkJoinTenYearTeam(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	t := newTenYearTeam(b, now)
	root, folder, eng, sum, leadUID := t.root, t.folder, t.eng, t.sum, t.leadUID
	_, snapshotBytes, _ := folderSize(b, folder)
	foundSeconds, folderMB := t.found.Seconds(), float64(snapshotBytes)/1e6
	b.ResetTimer()
	searchSeconds := 0.0
	defer func() { // after the loop: ResetTimer drops metrics reported before it
		b.ReportMetric(foundSeconds, "found-s")
		b.ReportMetric(folderMB, "folder-MB")
		b.ReportMetric(searchSeconds/float64(b.N), "search-s")
	}()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dbPath := filepath.Join(root, "laptop", time.Now().Format("150405.000000"), "icm.db")
		if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(ctx, dbPath)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := teamsync.Join(ctx, st.Gorm(), dbPath, folder, "ny", eng.Fingerprint(), clock); err != nil {
			b.Fatal(err)
		}
		e, err := teamsync.Open(st.Gorm(), dbPath, clock)
		if err != nil {
			b.Fatal(err)
		}
		if err := eng.Enroll(ctx, e.LaptopID(), leadUID, true); err != nil {
			b.Fatal(err)
		}
		var ov service.OverviewDTO
		var ovErr error
		var overviewAt time.Time
		e.OnApplied(func(teamsync.ApplyReport) {
			var leadID uint
			st.Gorm().Raw(`SELECT row_id FROM sync_ids WHERE uid = ?`, leadUID).Scan(&leadID)
			ov, ovErr = service.NewOverviewService(service.Deps{Store: st, Clock: clock,
				As: &service.Actor{WorkerID: leadID, Name: "Leder", Role: domain.RoleTeamLead}}).TeamOverview()
			overviewAt = time.Now()
			b.StopTimer() // the overview is complete; the search index is built from here
		})
		start := time.Now()
		b.StartTimer()
		if _, err := e.SyncOnce(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if ovErr != nil || overviewAt.IsZero() {
			b.Fatalf("the overview after the join: %v (read: %v)", ovErr, !overviewAt.IsZero())
		}
		searchSeconds += time.Since(start).Seconds()
		if hits, err := st.SearchNotes(ctx, "besøg", 0, 5); err != nil || len(hits) == 0 {
			b.Fatalf("search after the join: %d hits, %v (%v)", len(hits), err, errors.Unwrap(err))
		}
		var notes int64
		st.Gorm().Raw(`SELECT COUNT(*) FROM notes`).Scan(&notes)
		if int(notes) != sum.Notes || ov.OpenCourses != sum.OpenCourses {
			b.Fatalf("the new laptop holds %d of %d notes, %d of %d open courses in its overview", notes, sum.Notes, ov.OpenCourses, sum.OpenCourses)
		}
		st.Close()
		b.StartTimer()
	}
}
