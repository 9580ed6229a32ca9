package teamsync_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// TestARestoredLaptopGetsItsLaterWorkBack: a worker's laptop is put back from a backup made
// before some of its published work (a damaged disk, a restore by IT). Its own batches after
// the backup are still in the team folder and on every other laptop: the restored laptop
// applies them too, so nothing it wrote is lost there, and its next changes go out after
// them, on top of them, never as older values stamped anew. Every laptop ends the same.
func TestARestoredLaptopGetsItsLaterWorkBack(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t, faulty.Options{Seed: 11}, "AA", "BO")
	anna := tm.laptops[1]
	notes := func() *service.NoteService { return service.NewNoteService(anna.deps()) }
	note := func(text string) {
		t.Helper()
		must[service.NoteDTO](t, "SaveNote")(notes().SaveNote(service.NoteInput{
			CourseID: anna.ownCourse(t), OccurredAt: "2026-12-01T10:00", DurationMinutes: 30, Location: "home",
			Kind: "visit", Text: text}))
	}
	citizen := value(t, anna, `SELECT citizen_id FROM courses WHERE id = ?`, anna.ownCourse(t))
	goal := func(phone string) { // a field changed twice: the later value must stay
		t.Helper()
		var in service.CitizenInput
		anna.st.Gorm().Raw(`SELECT id, name FROM citizens WHERE id = ?`, citizen).Scan(&in)
		in.Phone = phone
		must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(anna.deps()).SaveCitizen(in))
	}
	audit := func(detail string) {
		t.Helper()
		if err := anna.st.AppendAudit(ctx, tm.clock.now(), store.AuditEntry{WorkerID: anna.actor.WorkerID,
			WorkerName: anna.actor.Name, Action: "view", Object: "citizen", Detail: detail}); err != nil {
			t.Fatal(err)
		}
	}
	note("Før sikkerhedskopien")
	audit("før")
	goal("11 22 33 44")
	tm.settle(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := anna.st.Gorm().Exec(`VACUUM INTO ?`, backup).Error; err != nil {
		t.Fatal(err)
	}
	note("Efter sikkerhedskopien")
	audit("efter 1")
	audit("efter 2")
	goal("55 66 77 88")
	tm.settle(t) // published and applied by the others

	// The restore: the database file goes back to the backup; the laptop's key stays.
	if err := anna.st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(anna.dbPath + suffix)
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(anna.dbPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if anna.st, err = store.Open(ctx, anna.dbPath); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = anna.st.Close() })
	if anna.eng, err = teamsync.Open(anna.st.Gorm(), anna.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
	note("Efter genskabelsen")
	audit("genskabt")
	tm.settle(t)
	tm.converged(t) // the phone too
	if p := value(t, anna, `SELECT phone FROM citizens WHERE id = ?`, citizen); p != "55 66 77 88" {
		t.Errorf("the phone is %q, want the one written after the backup", p)
	}
	// The lead holds what anna's laptop logged before the restore and, beside it, what it
	// logged after under the same numbers: both chains whole.
	chains := must[[]teamsync.RemoteChain](t, "RemoteAuditChains")(tm.laptops[0].eng.RemoteAuditChains(ctx))
	var mine []teamsync.RemoteChain
	for _, c := range chains {
		if c.Origin == anna.eng.LaptopID() {
			mine = append(mine, c)
		}
		if len(c.Broken) > 0 {
			t.Errorf("chain %s broken at %v", c.Laptop, c.Broken)
		}
	}
	var local int64
	anna.st.Gorm().Raw(`SELECT MAX(id) FROM audit_log`).Scan(&local)
	if len(mine) != 2 || mine[0].Fork != 0 || mine[1].Fork != 2 || mine[1].Last != uint(local) || mine[1].First > mine[0].Last {
		t.Errorf("anna's chains at the lead: %+v (anna's log ends at %d)", mine, local)
	}
	for _, l := range tm.laptops {
		for _, text := range []string{"Før sikkerhedskopien", "Efter sikkerhedskopien", "Efter genskabelsen"} {
			if n := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = ?`, text); n != "1" {
				t.Errorf("%s: %s copies of %q", l.name, n, text)
			}
		}
	}
}

// TestAKilledFoundingStillPublishesTheTeamsData: the lead's laptop is killed while it founds
// the team folder, after the data from before the folder stopped being waiting changes and
// before the first snapshot carried it there. At the restart the snapshot is written first,
// and a laptop that joins gets the team's data.
func TestAKilledFoundingStillPublishesTheTeamsData(t *testing.T) {
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
	restore := teamsync.FailBeforeFoundingSnapshot(killed)
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
