package teamsync_test

import (
	"context"
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

// folderBytes is the size of every file in the team folder.
func folderBytes(tb testing.TB, dir string) int64 {
	var n int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// benchConfig is the ten-year team, or a tenth of it with ICM_SYNC_BENCH_SMALL=1 (for
// profiling).
func benchConfig(now time.Time) benchdata.Config {
	c := benchdata.TenYears(now)
	if os.Getenv("ICM_SYNC_BENCH_SMALL") == "1" {
		c.Citizens, c.Courses, c.OpenCourses, c.Notes = 30, 60, 24, 20_000
	}
	return c
}

// BenchmarkJoinTenYearTeam: a new laptop joins a team with ten years of data (300 citizens,
// 600 courses, 200 000 notes): from its first sync until its team overview is complete. The
// lead's laptop founds the team folder once (its snapshot is written then, not timed).
func BenchmarkJoinTenYearTeam(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	root := b.TempDir()
	folder := filepath.Join(root, "team")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		b.Fatal(err)
	}
	leadDB := filepath.Join(root, "lead.db")
	lead, err := store.Open(ctx, leadDB)
	if err != nil {
		b.Fatal(err)
	}
	defer lead.Close()
	sum, err := benchdata.Generate(ctx, lead, benchConfig(now))
	if err != nil {
		b.Fatal(err)
	}
	var leadUID string
	lead.Gorm().Raw(`SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = ?`, sum.Lead).Scan(&leadUID)
	start := time.Now()
	eng, err := teamsync.Found(ctx, lead.Gorm(), leadDB, folder, leadUID, "lead", clock)
	if err != nil {
		b.Fatal(err)
	}
	foundSeconds, folderMB := time.Since(start).Seconds(), float64(folderBytes(b, folder))/1e6
	b.ResetTimer()
	defer func() { // after the loop: ResetTimer drops metrics reported before it
		b.ReportMetric(foundSeconds, "found-s")
		b.ReportMetric(folderMB, "folder-MB")
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
		b.StartTimer()
		if _, err := e.SyncOnce(ctx); err != nil {
			b.Fatal(err)
		}
		var leadID uint
		st.Gorm().Raw(`SELECT row_id FROM sync_ids WHERE uid = ?`, leadUID).Scan(&leadID)
		ov, err := service.NewOverviewService(service.Deps{Store: st, Clock: clock,
			As: &service.Actor{WorkerID: leadID, Name: "Leder", Role: domain.RoleTeamLead}}).TeamOverview()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var notes int64
		st.Gorm().Raw(`SELECT COUNT(*) FROM notes`).Scan(&notes)
		if int(notes) != sum.Notes || ov.OpenCourses != sum.OpenCourses {
			b.Fatalf("the new laptop holds %d of %d notes, %d of %d open courses in its overview", notes, sum.Notes, ov.OpenCourses, sum.OpenCourses)
		}
		st.Close()
		b.StartTimer()
	}
}
