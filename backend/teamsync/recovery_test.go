package teamsync_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// backupOf copies a laptop's database as IT's backup would.
func backupOf(t *testing.T, l *laptop) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := l.st.Gorm().Exec(`VACUUM INTO ?`, path).Error; err != nil {
		t.Fatal(err)
	}
	return path
}

// putBack puts a laptop's database back from a backup; its key and folder stay.
func putBack(t *testing.T, tm *team, l *laptop, backup string) {
	t.Helper()
	ctx := context.Background()
	if err := l.st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(l.dbPath + suffix)
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(l.dbPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if l.st, err = store.Open(ctx, l.dbPath); err != nil {
		t.Fatal(err)
	}
	st := l.st
	t.Cleanup(func() { _ = st.Close() })
	if l.eng, err = teamsync.Open(l.st.Gorm(), l.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
}

func saveNote(t *testing.T, l *laptop, course uint, text string) {
	t.Helper()
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(l.deps()).SaveNote(service.NoteInput{
		CourseID: course, OccurredAt: "2026-12-01T10:00", DurationMinutes: 30, Location: "home", Kind: "visit", Text: text}))
}

// TestARestoredLaptopStopsAndJoinsAgain: a worker's laptop is put back from a backup made
// before some of the work it published (its own later batches still in the folder, or
// tidied away, with or without heartbeats since). Syncing on would apply the team's changes
// on top of a past the team has left and number new batches the others have read already:
// the laptop stops with ErrRestored, whatever the pass meets first, writes nothing more to
// the folder, and says so in its status, while the rest of the team goes on. Joined again
// as a new laptop, it holds everything, its own work after the backup included.
func TestARestoredLaptopStopsAndJoinsAgain(t *testing.T) {
	for _, tc := range []struct {
		name      string
		every     uint64        // a lead's snapshot after so many batches (the folder tidied)
		heartbeat time.Duration // an idle laptop's empty batch after so long
		write     bool          // the worker writes before the first pass after the restore
	}{
		{"own batches in the folder, writes first", 0, 0, true},
		{"own batches in the folder, syncs first", 0, 0, false},
		{"own batches tidied away, heartbeats", 4, 0, true},
		{"own batches tidied away, no heartbeats", 4, 1000 * time.Hour, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			if tc.every > 0 {
				defer teamsync.SetTidyForTest(tc.every, tc.heartbeat)()
			}
			tm := newTeam(t, faulty.Options{Seed: 11}, "AA", "BO")
			lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
			saveNote(t, anna, anna.ownCourse(t), "Før sikkerhedskopien")
			tm.settle(t)
			backup := backupOf(t, anna)
			for round := 0; round < 6; round++ {
				saveNote(t, anna, anna.ownCourse(t), fmt.Sprintf("Anna efter kopien %d", round))
				saveNote(t, bo, bo.ownCourse(t), fmt.Sprintf("Bo %d", round))
				tm.settle(t)
			}
			putBack(t, tm, anna, backup)
			files := ownFiles(t, anna, "batch") + ownFiles(t, anna, "snapshot")
			if tc.write {
				saveNote(t, anna, anna.ownCourse(t), "Efter genskabelsen")
			}
			tm.laptops = []*laptop{lead, bo}
			for i := 0; i < 3; i++ {
				tm.settle(t)
				if _, err := anna.eng.SyncOnce(ctx); !errors.Is(err, teamsync.ErrRestored) {
					t.Fatalf("pass %d after the restore: %v, want ErrRestored", i, err)
				}
			}
			if n := ownFiles(t, anna, "batch") + ownFiles(t, anna, "snapshot"); n != files {
				t.Errorf("the restored laptop wrote %d files to the folder", n-files)
			}
			if st := must[teamsync.Status](t, "Status")(anna.eng.Status(ctx)); !st.Restored {
				t.Errorf("the status does not say the laptop was restored: %+v", st)
			}
			tm.converged(t)

			// Joined again as a new laptop (a new database and key), for the same worker.
			again := newLaptop(t, "AA", tm.clock)
			tm.cloud = faulty.NewCloud(faulty.Options{Seed: 12}, lead.dir, bo.dir, again.dir)
			tm.cloud.Settle()
			if _, err := teamsync.Join(ctx, again.st.Gorm(), again.dbPath, again.dir, "AA igen", lead.eng.Fingerprint(), tm.clock.now); err != nil {
				t.Fatal(err)
			}
			var err error
			if again.eng, err = teamsync.Open(again.st.Gorm(), again.dbPath, tm.clock.now); err != nil {
				t.Fatal(err)
			}
			tm.cloud.Settle()
			if err := lead.eng.Enroll(ctx, again.eng.LaptopID(), workerUID(t, lead, "AA"), false); err != nil {
				t.Fatal(err)
			}
			tm.laptops = []*laptop{lead, bo, again}
			tm.settle(t)
			tm.converged(t)
			for round := 0; round < 6; round++ {
				if n := value(t, again, `SELECT COUNT(*) FROM notes WHERE text = ?`, fmt.Sprintf("Anna efter kopien %d", round)); n != "1" {
					t.Errorf("the laptop joined again holds %s copies of Anna's note %d after the backup", n, round)
				}
			}
		})
	}
}

// TestAKilledFoundingStillPublishesTheTeamsData: the lead's laptop is killed while it founds
// the team folder: after it recorded the new team and before the first roster, or after the
// data from before the folder stopped being waiting changes and before the first snapshot
// carried it there. At the restart what is missing is written first, and a laptop that joins
// gets the team's data.
func TestAKilledFoundingStillPublishesTheTeamsData(t *testing.T) {
	for _, tc := range []struct {
		name string
		kill func(error) func()
	}{{"before the roster", teamsync.FailBeforeFoundingRoster}, {"before the snapshot", teamsync.FailBeforeFoundingSnapshot}} {
		t.Run(tc.name, func(t *testing.T) { killedFounding(t, tc.kill) })
	}
}

func killedFounding(t *testing.T, kill func(error) func()) {
	ctx := context.Background()
	clock := &fakeTime{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	lead, anna := newLaptop(t, "lead", clock), newLaptop(t, "AA", clock)
	d := service.Deps{Store: lead.st, Clock: clock.now}
	teams := service.NewTeamService(d)
	must[service.TeamDTO](t, "SetupTeam")(teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune",
		TeamName: "ICM-teamet", LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}))
	must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(d).SaveCitizen(service.CitizenInput{Name: "Borger Før Mappen"}))
	must[service.WorkerDTO](t, "SaveWorker")(teams.SaveWorker(service.WorkerInput{Name: "Anna Andersen",
		Initials: "AA", Role: "icm_worker", FTE: 1, Active: true}))
	killed := errors.New("killed")
	restore := kill(killed)
	_, err := teamsync.Found(ctx, lead.st.Gorm(), lead.dbPath, lead.dir, workerUID(t, lead, "ML"), "lead", clock.now)
	restore()
	if !errors.Is(err, killed) {
		t.Fatalf("Found = %v, want the kill", err)
	}
	// The restart: the app opens the engine and runs its passes.
	if lead.eng, err = teamsync.Open(lead.st.Gorm(), lead.dbPath, clock.now); err != nil {
		t.Fatal(err)
	}
	lead.sync(t)
	cloud := faulty.NewCloud(faulty.Options{Seed: 3}, lead.dir, anna.dir)
	cloud.Settle()
	if _, err := teamsync.Join(ctx, anna.st.Gorm(), anna.dbPath, anna.dir, "AA", lead.eng.Fingerprint(), clock.now); err != nil {
		t.Fatal(err)
	}
	if anna.eng, err = teamsync.Open(anna.st.Gorm(), anna.dbPath, clock.now); err != nil {
		t.Fatal(err)
	}
	cloud.Settle()
	if err := lead.eng.Enroll(ctx, anna.eng.LaptopID(), workerUID(t, lead, "AA"), false); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		cloud.Settle()
		lead.sync(t)
		cloud.Settle()
		anna.sync(t)
	}
	if n := value(t, anna, `SELECT COUNT(*) FROM citizens WHERE name = 'Borger Før Mappen'`); n != "1" {
		t.Fatalf("the joined laptop holds %s copies of the citizen from before the folder", n)
	}
	tm := &team{laptops: []*laptop{lead, anna}}
	tm.converged(t)
}
