package teamsync_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// restoredBehindTidy makes a team (snapshots every 2 batches, no heartbeats), takes a backup
// of Anna's laptop, lets the team work on and tidy the folder, and puts Anna's database back.
// With annaLast, Anna writes once more after Bo's work (so her later batches are applied
// everywhere and tidied away, and so are the others' batches her backup had not applied);
// without, only Anna's own batches are tidied away.
func restoredBehindTidy(t *testing.T, annaLast bool) (tm *team, lead, anna, bo *laptop) {
	t.Helper()
	tm = newTeam(t, faulty.Options{Seed: 11}, "AA", "BO")
	lead, anna, bo = tm.laptops[0], tm.laptops[1], tm.laptops[2]
	saveNote(t, anna, anna.ownCourse(t), "Før sikkerhedskopien")
	tm.settle(t)
	backup := backupOf(t, anna)
	if !annaLast {
		for round := 0; round < 3; round++ {
			saveNote(t, anna, anna.ownCourse(t), fmt.Sprintf("Anna efter kopien %d", round))
			tm.settle(t)
		}
	}
	for round := 0; round < 4; round++ {
		saveNote(t, bo, bo.ownCourse(t), fmt.Sprintf("Bo %d", round))
		tm.settle(t)
	}
	if annaLast {
		saveNote(t, anna, anna.ownCourse(t), "Anna efter kopien")
		tm.settle(t)
		saveNote(t, bo, bo.ownCourse(t), "Bo bagefter")
		must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(lead.deps()).SaveCitizen(service.CitizenInput{Name: "Borger Bagefter"}))
		tm.settle(t)
	}
	// Everything of hers is tidied away but her newest batch, which always stays.
	if n := ownFiles(t, anna, "batch"); n != 1 {
		t.Fatalf("setup: %d of Anna's batches left, want her newest only: %v", n, folderFiles(t, anna, namesOf(tm)))
	}
	putBack(t, tm, anna, backup)
	tm.laptops = []*laptop{lead, bo}
	return tm, lead, anna, bo
}

// TestARestoreBehindATidiedFolderIsNoticed: Anna's laptop is put back from a
// backup older than what the team has tidied away: her own later batches, and the lead's
// and Bo's batches her backup had not applied, are gone (each applied everywhere and
// covered by the lead's snapshot), as in any team a day or two after the backup. Nothing
// in the folder is then "a batch of this laptop past its counter", and no batch she can
// apply next names her later batches: ErrRestored never fires. Her laptop publishes under
// numbers the others have applied (they never read them), applies nothing of the team's
// work ever again, and reports no problem.
func TestARestoreBehindATidiedFolderIsNoticed(t *testing.T) {
	defer teamsync.SetTidyForTest(2, 1000*time.Hour)()
	ctx := context.Background()
	tm, lead, anna, bo := restoredBehindTidy(t, true)
	saveNote(t, anna, anna.ownCourse(t), "Efter genskabelsen")
	stopped := false
	for round := 0; round < 3; round++ {
		saveNote(t, bo, bo.ownCourse(t), fmt.Sprintf("Bo senere %d", round))
		tm.settle(t)
		if _, err := anna.eng.SyncOnce(ctx); errors.Is(err, teamsync.ErrRestored) {
			stopped = true
		} else if err != nil {
			t.Fatal(err)
		}
		tm.cloud.Settle()
	}
	if stopped {
		return
	}
	st := must[teamsync.Status](t, "Status")(anna.eng.Status(ctx))
	t.Errorf("the restored laptop never stopped: Restored %v, %d files waiting, next batch %d", st.Restored, len(st.Waiting), st.NextSeq)
	tm.settle(t)
	if n := value(t, lead, `SELECT COUNT(*) FROM notes WHERE text = 'Efter genskabelsen'`); n != "1" {
		t.Errorf("the lead holds %s copies of the note Anna wrote after the restore (published under a number already read)", n)
	}
	if n := value(t, anna, `SELECT COUNT(*) FROM notes WHERE text LIKE 'Bo senere %'`); n != "3" {
		t.Errorf("Anna's laptop holds %s of Bo's 3 notes written after the restore", n)
	}
}

// TestARestoredLaptopDoesNotPublishBeforeItStops: Anna's own later batches are tidied
// away, the others' batches she has not applied are still there. The first pass after the
// restore publishes her waiting change first, under a number the others have applied
// already, and only then meets the batch that stops it. The README promises the laptop
// "writes nothing more to the folder".
func TestARestoredLaptopDoesNotPublishBeforeItStops(t *testing.T) {
	defer teamsync.SetTidyForTest(2, 1000*time.Hour)()
	ctx := context.Background()
	tm, _, anna, _ := restoredBehindTidy(t, false)
	names := namesOf(tm)
	names[anna.eng.LaptopID()] = anna.name
	saveNote(t, anna, anna.ownCourse(t), "Efter genskabelsen")
	if _, err := anna.eng.SyncOnce(ctx); !errors.Is(err, teamsync.ErrRestored) {
		t.Fatalf("first pass after the restore: %v, want ErrRestored", err)
	}
	if n := ownFiles(t, anna, "batch"); n != 1 {
		t.Errorf("the restored laptop wrote %d batches to the folder before it stopped: %v", n-1, folderFiles(t, anna, names))
	}
}

// TestARestoredLaptopThatPublishesFirstIsStopped: as above, but the app's
// publish tick (Run: PublishOnce whenever the outbox is not empty, no apply) sends Anna's
// next changes before a pass applies anything. Once her counter is past what the others'
// batches say they applied of her, no file looks ahead of her: she is never stopped, and
// the batches she wrote under numbers the others had applied are never read.
func TestARestoredLaptopThatPublishesFirstIsStopped(t *testing.T) {
	defer teamsync.SetTidyForTest(2, 1000*time.Hour)()
	ctx := context.Background()
	tm, lead, anna, _ := restoredBehindTidy(t, false)
	for i := 0; i < 3; i++ {
		saveNote(t, anna, anna.ownCourse(t), fmt.Sprintf("Efter genskabelsen %d", i))
		if _, err := anna.eng.PublishOnce(ctx); !errors.Is(err, teamsync.ErrRestored) {
			t.Fatalf("publish %d: %v, want ErrRestored", i, err)
		}
	}
	if n := ownFiles(t, anna, "batch"); n != 1 {
		t.Errorf("the restored laptop published %d batches", n-1)
	}
	_, err := anna.eng.SyncOnce(ctx)
	if errors.Is(err, teamsync.ErrRestored) {
		return
	}
	t.Errorf("the restored laptop was not stopped (pass: %v)", err)
	tm.cloud.Settle()
	tm.settle(t)
	if n := value(t, lead, `SELECT COUNT(*) FROM notes WHERE text LIKE 'Efter genskabelsen %'`); n != "3" {
		t.Errorf("the lead holds %s of the 3 notes Anna wrote after the restore", n)
	}
}
