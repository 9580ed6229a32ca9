package teamsync_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/benchdata"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamfolder"
	"icm/backend/teamsync"
)

// tenYearWrites is how many batches the team's laptops would have published over the ten
// years: one per saved change, taking a note with its first revision as one save and every
// other row written as a save of its own.
func tenYearWrites(sum benchdata.Summary) int {
	n := 0
	for table, rows := range sum.Rows {
		if table != "note_revisions" {
			n += rows
		}
	}
	return n
}

// otherLaptops is the number of laptops besides the lead's in BenchmarkIdleSyncPass: a team of
// twelve ICM workers and its lead.
const otherLaptops = 12

// keptBatches is how many batches the tidied folder holds at most between two of the lead's
// snapshots (snapshotEvery in compact.go): older ones are covered by the newest snapshot and
// removed once every laptop has applied them.
const keptBatches = 500

// idlePasses is how many passes BenchmarkIdleSyncPass times in each run.
const idlePasses = 10

// BenchmarkIdleSyncPass: the team folder of a team with ten years of data, and what a sync
// pass with nothing new (Engine.SyncOnce) costs on the lead's ten-year database.
//
// The counters are those of ten years: every laptop (the lead's and twelve others) has
// published its share of one batch per saved change (tenYearWrites), all applied here and
// acknowledged. The lead's last batch is real (a journal note saved through the service and
// published). The folder holds what the tidying leaves: the first pass writes the lead's new
// snapshot (more than keptBatches batches are new since the founding) and removes what it
// covers; each other laptop keeps its share of the last keptBatches batches (copies of the
// note's batch under its own numbers) and the key files of the citizens it wrote about (two
// laptops per citizen, copies of one of the lead's). An idle pass lists these files and reads
// none. Reported: the time of the pass that wrote the snapshot, the time, CPU time and bytes
// read per idle pass, one listing of the folder, the folder's size, one note's batch, and
// the size all ten years of batches would have had without the tidying.
func BenchmarkIdleSyncPass(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	t := newTenYearTeam(b, now)
	db := t.st.Gorm()
	_, snapshotBytes, _ := folderSize(b, t.folder)
	var workers []string
	db.Raw(`SELECT s.uid FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id
		WHERE w.role = 'icm_worker' ORDER BY w.active DESC, w.id LIMIT ?`, otherLaptops).Scan(&workers)
	if len(workers) != otherLaptops {
		b.Fatalf("%d ICM workers, want %d", len(workers), otherLaptops)
	}
	writes := tenYearWrites(t.sum)
	perLaptop := uint64(writes / (otherLaptops + 1))
	var laptops []string
	for i, w := range workers {
		path := filepath.Join(t.root, fmt.Sprintf("laptop%02d", i), "icm.db")
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := teamsync.Join(ctx, st.Gorm(), path, t.folder, "", t.eng.Fingerprint(), time.Now); err != nil {
			b.Fatal(err)
		}
		e, err := teamsync.Open(st.Gorm(), path, time.Now)
		if err != nil {
			b.Fatal(err)
		}
		laptops = append(laptops, e.LaptopID())
		_ = st.Close()
		if err := t.eng.Enroll(ctx, e.LaptopID(), w, false); err != nil {
			b.Fatal(err)
		}
		if err := db.Exec(`INSERT INTO sync_applied(laptop, seq, content) VALUES (?, ?, ?)`, e.LaptopID(), perLaptop, perLaptop).Error; err != nil {
			b.Fatal(err)
		}
	}
	// One journal note, saved and published by the lead's laptop as the app does it.
	var leadID uint
	db.Raw(`SELECT row_id FROM sync_ids WHERE uid = ?`, t.leadUID).Scan(&leadID)
	notes := service.NewNoteService(service.Deps{Store: t.st, Clock: func() time.Time { return now },
		As: &service.Actor{WorkerID: leadID, Name: "Leder", Role: domain.RoleTeamLead}})
	if _, err := notes.SaveNote(service.NoteInput{CourseID: t.sum.TypicalCourse, OccurredAt: "2026-12-01T09:00",
		DurationMinutes: 45, Location: "home", Kind: "visit",
		Text: "Besøg i hjemmet. Borgeren fortalte om ugen, vi talte om økonomi og aftalte møde med jobcentret."}); err != nil {
		b.Fatal(err)
	}
	if n, err := t.eng.PublishOnce(ctx); err != nil || n == 0 {
		b.Fatalf("publish the note: %d changes, %v", n, err)
	}
	st, err := t.eng.Status(ctx)
	if err != nil {
		b.Fatal(err)
	}
	leadDir := filepath.Join(t.folder, teamfolder.LaptopsDir, st.LaptopID)
	noteBatch, err := os.ReadFile(filepath.Join(leadDir, teamfolder.BatchName(st.NextSeq-1)))
	if err != nil {
		b.Fatal(err)
	}
	keyFiles, _ := filepath.Glob(filepath.Join(leadDir, "key-*.icm"))
	if len(keyFiles) == 0 {
		b.Fatal("the lead's laptop wrote no key files")
	}
	keyFile, err := os.ReadFile(keyFiles[0])
	if err != nil {
		b.Fatal(err)
	}
	var citizens []string
	db.Raw(`SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND deleted = 0 ORDER BY uid`).Scan(&citizens)
	window := uint64(keptBatches / (otherLaptops + 1))
	for i, l := range laptops {
		// Every other laptop has applied the lead's batches too.
		if err := db.Exec(`INSERT INTO sync_acks(laptop, of, seq) VALUES (?, ?, ?)`, l, st.LaptopID, st.NextSeq-1).Error; err != nil {
			b.Fatal(err)
		}
		dir := filepath.Join(t.folder, teamfolder.LaptopsDir, l)
		for c, uid := range citizens {
			if c%len(laptops) == i || (c+1)%len(laptops) == i {
				writeFile(b, filepath.Join(dir, teamfolder.KeyName(uid)), keyFile)
			}
		}
		for seq := perLaptop - window + 1; seq <= perLaptop; seq++ {
			writeFile(b, filepath.Join(dir, teamfolder.BatchName(seq)), noteBatch)
		}
	}
	start := time.Now()
	rep, err := t.eng.SyncOnce(ctx)
	if err != nil || rep.Batches != 0 || rep.Waiting != 0 || rep.Problems != 0 {
		b.Fatalf("the first pass: %+v, %v", rep, err)
	}
	snapshotPass := time.Since(start)
	if snaps, _ := filepath.Glob(filepath.Join(leadDir, "snapshot-*.icm")); len(snaps) != 1 || filepath.Base(snaps[0]) == teamfolder.SnapshotName(0) {
		b.Fatalf("after the first pass the lead's folder holds the snapshots %v, want one new one", snaps)
	}
	files, bytes, disk := folderSize(b, t.folder)
	f, err := teamfolder.Open(t.folder, st.LaptopID)
	if err != nil {
		b.Fatal(err)
	}
	var lists []float64
	var listed []teamfolder.Entry
	for range idlePasses {
		listStart := time.Now()
		if listed, _, err = f.List(); err != nil {
			b.Fatal(err)
		}
		lists = append(lists, ms(time.Since(listStart)))
	}
	listMS := percentile(lists, 50)
	b.Logf("%d saved changes over ten years (rows %v); %d batches per laptop; %d files listed", writes, t.sum.Rows, perLaptop, len(listed))

	var passes []float64
	before := readProcStat()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for p := 0; p < idlePasses; p++ {
			start := time.Now()
			rep, err := t.eng.SyncOnce(ctx)
			if err != nil {
				b.Fatal(err)
			}
			passes = append(passes, ms(time.Since(start)))
			if rep.Batches != 0 || rep.Changes != 0 {
				b.Fatalf("an idle pass applied something: %+v", rep)
			}
		}
	}
	b.StopTimer()
	after := readProcStat()
	n := float64(len(passes))
	b.ReportMetric(percentile(passes, 50), "pass-ms")
	b.ReportMetric(percentile(passes, 100), "pass-max-ms")
	if before.ok && after.ok {
		b.ReportMetric(float64(after.cpu-before.cpu)/float64(time.Millisecond)/n, "cpu-ms/pass")
		b.ReportMetric(float64(after.rchar-before.rchar)/1e3/n, "rchar-kB/pass")
		b.ReportMetric(float64(after.readBytes-before.readBytes)/1e3/n, "disk-read-kB/pass")
	}
	b.ReportMetric(listMS, "list-ms")
	b.ReportMetric(snapshotPass.Seconds(), "snapshot-pass-s")
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(bytes)/1e6, "folder-MB")
	b.ReportMetric(float64(disk)/1e6, "folder-disk-MB")
	b.ReportMetric(float64(len(noteBatch)), "note-batch-B")
	b.ReportMetric(float64(writes), "batches")
	b.ReportMetric(float64(snapshotBytes+int64(writes)*int64(len(noteBatch)))/1e6, "untidied-MB")
}

// writeFile writes one file of the simulated folder.
func writeFile(tb testing.TB, path string, data []byte) {
	if err := os.WriteFile(path, data, 0o600); err != nil {
		tb.Fatal(err)
	}
}
