package teamsync_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// ownFiles counts a laptop's files of a kind in its own copy of the team folder.
func ownFiles(t *testing.T, l *laptop, kind string) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(l.dir, "laptops", l.eng.LaptopID()))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), kind+"-") && strings.HasSuffix(e.Name(), ".icm") {
			n++
		}
	}
	return n
}

// The folder does not grow without bound: once every laptop has applied a batch and a lead's
// snapshot covers it, its writer removes it, and a laptop that joins afterwards still gets
// everything (from the snapshot and the batches after it).
func TestTheFolderIsTidiedAndALateJoinerGetsEverything(t *testing.T) {
	defer teamsync.SetTidyForTest(6, 0)()
	tm := newTeam(t, faulty.Options{Seed: 11}, "AA", "BO")
	for round := 0; round < 8; round++ {
		for _, l := range tm.laptops[1:] {
			must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(l.deps()).SaveNote(service.NoteInput{
				CourseID: l.ownCourse(t), OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
				Text: fmt.Sprintf("Runde %d hos %s", round, l.name)}))
		}
		tm.settle(t)
	}
	tm.converged(t)
	anna := tm.laptops[1]
	st, _ := anna.eng.Status(context.Background())
	if published, kept := int(st.NextSeq-1), ownFiles(t, anna, "batch"); kept >= published || published < 8 {
		t.Fatalf("Anna published %d batches and still has %d in the folder", published, kept)
	}
	if ownFiles(t, tm.laptops[0], "snapshot") != 1 {
		t.Fatalf("the lead keeps %d snapshots, want only the newest", ownFiles(t, tm.laptops[0], "snapshot"))
	}
	// A laptop that joins now starts from the snapshot.
	lead := tm.laptops[0]
	must[service.WorkerDTO](t, "SaveWorker")(service.NewTeamService(lead.deps()).SaveWorker(service.WorkerInput{
		Name: "Medarbejder CK", Initials: "CK", Role: "icm_worker", FTE: 1, Active: true}))
	tm.settle(t)
	late := newLaptop(t, "CK", tm.clock)
	ctx := context.Background()
	if err := os.RemoveAll(late.dir); err != nil {
		t.Fatal(err)
	}
	copyDir(t, lead.dir, late.dir)
	if _, err := teamsync.Join(ctx, late.st.Gorm(), late.dbPath, late.dir, late.name, lead.eng.Fingerprint(), tm.clock.now); err != nil {
		t.Fatal(err)
	}
	var err error
	if late.eng, err = teamsync.Open(late.st.Gorm(), late.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
	// The lead sees the request through the same folder (the late laptop shares the lead's
	// copy from here on).
	copyDir(t, late.dir, lead.dir)
	if err := lead.eng.Enroll(ctx, late.eng.LaptopID(), workerUID(t, lead, "CK"), false); err != nil {
		t.Fatal(err)
	}
	copyDir(t, lead.dir, late.dir)
	late.sync(t)
	if got := value(t, late, `SELECT COUNT(*) FROM notes WHERE text LIKE 'Runde %'`); got != "16" {
		t.Fatalf("the late laptop holds %s of 16 notes", got)
	}
	tm.converged(t, lead, late)
}

// copyDir copies a folder tree (a USB stick carried from one laptop to another).
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if fi.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		if _, err := os.Stat(dst); err == nil {
			return nil // a laptop's files never change once written
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A citizen deleted at the end of retention is deleted on every laptop; every laptop then
// forgets the citizen's data keys, and each writer removes its key file once every laptop
// has applied what it wrote with it, so the citizen's parts of old files cannot be read.
func TestRetentionDeletionShredsTheCitizenEverywhere(t *testing.T) {
	defer teamsync.SetTidyForTest(1000, 0)()
	tm := newTeam(t, faulty.Options{Seed: 12}, "AA")
	lead := tm.laptops[0]
	c := must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(lead.deps()).SaveCitizen(service.CitizenInput{
		Name: "Slet Mig Testesen", Phone: "12345678"}))
	tm.settle(t)
	var uid string
	lead.st.Gorm().Raw(`SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = ?`, c.ID).Scan(&uid)
	keyFile := filepath.Join(lead.dir, "laptops", lead.eng.LaptopID(), "key-"+uid+".icm")
	if _, err := os.Stat(keyFile); err != nil {
		t.Fatalf("no key file for the citizen: %v", err)
	}
	must[service.DeletionResultDTO](t, "DeleteCitizen")(service.NewCitizenDataService(lead.deps(), nil).DeleteCitizen(
		service.DeleteCitizenInput{CitizenID: c.ID, ConfirmName: "Slet Mig Testesen"}))
	tm.settle(t)
	tm.settle(t)
	tm.converged(t)
	for _, l := range tm.laptops {
		if got := value(t, l, `SELECT COUNT(*) FROM citizens WHERE name = 'Slet Mig Testesen'`); got != "0" {
			t.Fatalf("%s still holds the deleted citizen", l.name)
		}
		if got := value(t, l, `SELECT COUNT(*) FROM sync_data_keys WHERE citizen = ?`, uid); got != "0" {
			t.Fatalf("%s still holds the deleted citizen's data key", l.name)
		}
		if got := value(t, l, `SELECT COUNT(*) FROM sync_shredded WHERE citizen = ?`, uid); got != "1" {
			t.Fatalf("%s does not record the shredding", l.name)
		}
		if _, err := os.Stat(filepath.Join(l.dir, "laptops", lead.eng.LaptopID(), "key-"+uid+".icm")); !os.IsNotExist(err) {
			t.Fatalf("%s's folder still has the key file: %v", l.name, err)
		}
	}
}
