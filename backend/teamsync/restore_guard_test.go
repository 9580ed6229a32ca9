package teamsync_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// TestOneWorkerCannotStopTheTeam: Bo's laptop (a modified app, or his stolen
// laptop key) publishes a batch, properly signed, whose dependencies claim it applied batch
// 1000 of the lead's laptop and of Anna's. Neither laptop ever wrote such a batch, and no
// laptop can apply Bo's batch (it waits for batches that do not exist). Claims in a file
// of another laptop must not make a healthy laptop give up its sync for good: the lead's
// and Anna's laptops must keep syncing, and not be told to join the team again.
func TestOneWorkerCannotStopTheTeam(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t, faulty.Options{Seed: 11}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	saveNote(t, anna, anna.ownCourse(t), "Før den falske batch")
	tm.settle(t)
	if err := bo.eng.RecheckForgeDeps(ctx, map[string]uint64{lead.eng.LaptopID(): 1000, anna.eng.LaptopID(): 1000}); err != nil {
		t.Fatal(err)
	}
	tm.cloud.Settle()
	for _, l := range []*laptop{lead, anna} {
		_, err := l.eng.SyncOnce(ctx)
		st := must[teamsync.Status](t, "Status")(l.eng.Status(ctx))
		if errors.Is(err, teamsync.ErrRestored) || st.Restored {
			t.Errorf("%s: a batch of Bo's stopped this healthy laptop for good (err %v, Restored %v)", l.name, err, st.Restored)
		}
	}
	// The lead, stopped, can no longer write a snapshot, and Anna's later work stays home.
	saveNote(t, anna, anna.ownCourse(t), "Efter den falske batch")
	tm.cloud.Settle()
	_, _ = anna.eng.SyncOnce(ctx)
	tm.cloud.Settle()
	_, _ = lead.eng.SyncOnce(ctx)
	if n := value(t, lead, `SELECT COUNT(*) FROM notes WHERE text = ?`, "Efter den falske batch"); n != "1" {
		t.Errorf("the lead holds %s copies of Anna's note written after Bo's batch", n)
	}
}

// folderFiles lists the batch and snapshot files in a laptop's copy of the team folder as
// "<who>/<file>", who being the name of the test's laptop that wrote it.
func folderFiles(t *testing.T, l *laptop, names map[string]string) []string {
	t.Helper()
	var out []string
	dirs, err := os.ReadDir(filepath.Join(l.dir, "laptops"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		files, err := os.ReadDir(filepath.Join(l.dir, "laptops", d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		who := names[d.Name()]
		if who == "" {
			who = d.Name()
		}
		for _, f := range files {
			if strings.HasPrefix(f.Name(), "batch-") || strings.HasPrefix(f.Name(), "snapshot-") {
				out = append(out, fmt.Sprintf("%s/%s", who, f.Name()))
			}
		}
	}
	sort.Strings(out)
	return out
}

// namesOf maps each laptop id of the team to the test's name for it.
func namesOf(tm *team) map[string]string {
	m := map[string]string{}
	for _, l := range tm.laptops {
		m[l.eng.LaptopID()] = l.name
	}
	return m
}

// TestAFounderKilledAfterItsRosterFile: the lead's laptop is killed while it founds
// the team folder after the first roster's file is in the folder and before the transaction
// that records it here commits (writeRoster: WriteOwn, then takeRoster). The state is made
// by founding up to the first snapshot and taking back the roster's record, as the kill
// would have left it. At the restart the pass must take the roster from the folder and
// write the due snapshot, not fail at every pass with ErrNotLead.
func TestAFounderKilledAfterItsRosterFile(t *testing.T) {
	ctx := context.Background()
	clock := &fakeTime{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	lead := newLaptop(t, "lead", clock)
	d := service.Deps{Store: lead.st, Clock: clock.now}
	teams := service.NewTeamService(d)
	must[service.TeamDTO](t, "SetupTeam")(teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune",
		TeamName: "ICM-teamet", LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}))
	must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(d).SaveCitizen(service.CitizenInput{Name: "Borger Før Mappen"}))
	killed := errors.New("killed")
	restore := teamsync.FailBeforeFoundingSnapshot(killed)
	_, err := teamsync.Found(ctx, lead.st.Gorm(), lead.dbPath, lead.dir, workerUID(t, lead, "ML"), "lead", clock.now)
	restore()
	if !errors.Is(err, killed) {
		t.Fatalf("Found = %v, want the kill", err)
	}
	// The kill came before takeRoster's commit: the file is in the folder, its record is not.
	if err := lead.st.Gorm().Exec(`DELETE FROM sync_rosters`).Error; err != nil {
		t.Fatal(err)
	}
	if lead.eng, err = teamsync.Open(lead.st.Gorm(), lead.dbPath, clock.now); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := lead.eng.SyncOnce(ctx); err != nil {
			t.Errorf("pass %d after the restart: %v", i, err)
		}
	}
	if n := ownFiles(t, lead, "snapshot"); n != 1 {
		t.Errorf("the founder's folder holds %d snapshots, want the founding one", n)
	}
}
