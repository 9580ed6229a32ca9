package teamsync_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/teamfolder"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamkeys"
	"icm/backend/teamsync"
)

// value reads one text value from a laptop's database.
func value(t *testing.T, l *laptop, query string, args ...any) string {
	t.Helper()
	var v string
	if err := l.st.Gorm().Raw(query, args...).Scan(&v).Error; err != nil {
		t.Fatalf("%s: %s: %v", l.name, query, err)
	}
	return v
}

// refusals lists the codes of the changes a laptop refused.
func refusals(t *testing.T, l *laptop) []string {
	t.Helper()
	var codes []string
	l.st.Gorm().Raw(`SELECT code FROM sync_refused ORDER BY id`).Scan(&codes)
	return codes
}

// A worker's laptop that writes past its app (straight into its database) cannot change a
// colleague's citizen, team-level data, or act in a colleague's name: every other laptop
// refuses the changes and lists them for the team lead.
func TestForgedChangesAreRefusedEverywhere(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 7}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	annaCitizen := `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`
	before := value(t, lead, annaCitizen)
	db := bo.st.Gorm()
	for _, q := range []string{
		`UPDATE citizens SET phone = '99999999' WHERE name = 'Borger 1 Testesen'`, // Anna's citizen
		`UPDATE workers SET role = 'team_lead' WHERE initials = 'BO'`,             // team-level data
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	// In Anna's name, on Bo's own citizen: the capture names whoever the transaction says acts.
	err := db.Exec(`UPDATE sync_actor SET worker_id = (SELECT id FROM workers WHERE initials = 'AA')`).Error
	if err == nil {
		err = db.Exec(`UPDATE citizens SET address = 'Falsk vej 1' WHERE name = 'Borger 2 Testesen'`).Error
	}
	if err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		if got := value(t, l, annaCitizen); got != before {
			t.Fatalf("%s: the forged phone number was applied: %q", l.name, got)
		}
		if got := value(t, l, `SELECT role FROM workers WHERE initials = 'BO'`); got != "icm_worker" {
			t.Fatalf("%s: the forged role was applied: %q", l.name, got)
		}
		if got := value(t, l, `SELECT address FROM citizens WHERE name = 'Borger 2 Testesen'`); got == "Falsk vej 1" {
			t.Fatalf("%s: the change in Anna's name was applied", l.name)
		}
		got := strings.Join(refusals(t, l), ",")
		for _, want := range []string{"course_not_yours", "team_data_needs_lead", "worker_not_the_laptops"} {
			if !strings.Contains(got, want) {
				t.Fatalf("%s: refusals %q lack %s", l.name, got, want)
			}
		}
	}
	tm.converged(t, lead, anna)
}

// Files that no enrolled laptop signed, or that were changed on the way, are refused and
// reported, never applied; the genuine file is applied when it arrives.
func TestFilesNotSignedByTheTeamAreRefused(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 8}, "AA")
	lead, anna := tm.laptops[0], tm.laptops[1]
	ctx := context.Background()

	// A stranger with the folder's address writes a batch under a laptop id of its own.
	rogue, err := teamkeys.NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	st, _ := lead.eng.Status(ctx)
	data, err := teamkeys.Seal(teamkeys.Header{Kind: "batch", TeamID: st.TeamID, Seq: 1, Name: teamfolder.BatchName(1),
		Created: time.Now()}, []byte("{}"), []teamkeys.PublicKeys{rogue.Public()}, rogue)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(anna.dir, "laptops", rogue.LaptopID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, teamfolder.BatchName(1)), data, 0o600); err != nil {
		t.Fatal(err)
	}

	// The lead's next batch arrives at Anna with one byte changed.
	must[service.WorkerDTO](t, "SaveWorker")(service.NewTeamService(lead.deps()).SaveWorker(service.WorkerInput{
		Name: "Ny Medarbejder", Initials: "NM", Role: "icm_worker", FTE: 0.5, Active: true}))
	if _, err := lead.eng.PublishOnce(ctx); err != nil {
		t.Fatal(err)
	}
	st, _ = lead.eng.Status(ctx)
	name := teamfolder.BatchName(st.NextSeq - 1)
	genuine, err := os.ReadFile(filepath.Join(lead.dir, "laptops", lead.eng.LaptopID(), name))
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), genuine...)
	flipped[len(flipped)/2] ^= 0x01
	target := filepath.Join(anna.dir, "laptops", lead.eng.LaptopID(), name)
	if err := os.WriteFile(target, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	rep := anna.sync(t)
	if rep.Batches != 0 {
		t.Fatalf("Anna applied %d batches from a changed or strange file", rep.Batches)
	}
	if got := value(t, anna, `SELECT COUNT(*) FROM workers WHERE initials = 'NM'`); got != "0" {
		t.Fatalf("the changed batch was applied")
	}
	as, _ := anna.eng.Status(ctx)
	reasons := ""
	for _, p := range as.Waiting {
		reasons += p.Name + ": " + p.Reason + "\n"
	}
	if !strings.Contains(reasons, rogue.LaptopID) || !strings.Contains(reasons, "unknown laptop") ||
		!strings.Contains(reasons, name) || !strings.Contains(reasons, "signature") {
		t.Fatalf("the status does not report both files:\n%s", reasons)
	}
	// The genuine file arrives (the sync client finishes): it is applied.
	if err := os.WriteFile(target, genuine, 0o600); err != nil {
		t.Fatal(err)
	}
	anna.sync(t)
	if got := value(t, anna, `SELECT COUNT(*) FROM workers WHERE initials = 'NM'`); got != "1" {
		t.Fatalf("the genuine batch was not applied after it arrived")
	}
}

// A lost laptop is revoked: what it writes afterwards is refused by every other laptop, the
// files written after the revocation are encrypted to a new team key it does not hold, and
// the rest of the team stays in step.
func TestARevokedLaptopIsShutOut(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 9}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	ctx := context.Background()
	if err := lead.eng.Revoke(ctx, bo.eng.LaptopID(), 0); err != nil {
		t.Fatalf("Revoke: %v", err)
	}
	tm.settle(t)
	if st, _ := bo.eng.Status(ctx); !st.Revoked {
		t.Fatalf("the revoked laptop does not know it: %+v", st)
	}
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(bo.deps()).SaveNote(service.NoteInput{
		CourseID: bo.ownCourse(t), OccurredAt: "2026-12-01T07:00", DurationMinutes: 10, Location: "home", Kind: "visit",
		Text: "Skrevet på en mistet computer"}))
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(anna.deps()).SaveNote(service.NoteInput{
		CourseID: anna.ownCourse(t), OccurredAt: "2026-12-01T07:30", DurationMinutes: 10, Location: "home", Kind: "visit",
		Text: "Skrevet efter tilbagekaldelsen"}))
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		if got := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = 'Skrevet på en mistet computer'`); got != "0" {
			t.Fatalf("%s applied a batch of the revoked laptop", l.name)
		}
		st, _ := l.eng.Status(ctx)
		found := false
		for _, p := range st.Waiting {
			found = found || (p.Laptop == bo.eng.LaptopID() && strings.Contains(p.Reason, "revoked"))
		}
		if !found {
			t.Fatalf("%s does not report the revoked laptop's file: %+v", l.name, st.Waiting)
		}
	}
	if got := value(t, bo, `SELECT COUNT(*) FROM notes WHERE text = 'Skrevet efter tilbagekaldelsen'`); got != "0" {
		t.Fatalf("the revoked laptop could read a file written after its revocation")
	}
	tm.converged(t, lead, anna)
}

// A colleague who covers for a worker may change the worker's citizen from their own laptop
// while the cover lasts; once the team lead withdraws it, the same kind of change is refused
// by every laptop. A worker's laptop cannot delete a journal note past its app either.
func TestCoverAcrossLaptops(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 10}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	teams := service.NewTeamService(lead.deps())
	var annaID, boID uint
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'AA'`).Scan(&annaID)
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'BO'`).Scan(&boID)
	cover := must[service.CoverDTO](t, "SaveCover")(teams.SaveCover(service.CoverInput{WorkerID: annaID, CoverWorkerID: boID,
		From: "2026-11-30", To: "2026-12-10", Note: "Ferie"}))
	tm.settle(t)
	var annaCourse uint
	bo.st.Gorm().Raw(`SELECT c.id FROM courses c JOIN workers w ON w.id = c.worker_id WHERE w.initials = 'AA'`).Scan(&annaCourse)
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(bo.deps()).SaveNote(service.NoteInput{
		CourseID: annaCourse, OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
		Text: "Bo dækker for Anna"}))
	tm.settle(t)
	tm.converged(t)
	for _, l := range tm.laptops {
		if got := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = 'Bo dækker for Anna'`); got != "1" {
			t.Fatalf("%s: the covering colleague's note is not there", l.name)
		}
	}
	must[service.CoverDTO](t, "WithdrawCover")(teams.WithdrawCover(service.IDInput{ID: cover.ID}))
	tm.settle(t)
	// Bo's app now refuses; a change past it is refused by the others.
	if err := bo.st.Gorm().Exec(`UPDATE citizens SET phone = '11223344' WHERE name = 'Borger 1 Testesen'`).Error; err != nil {
		t.Fatal(err)
	}
	if err := anna.st.Gorm().Exec(`DELETE FROM notes WHERE text = 'Bo dækker for Anna'`).Error; err == nil {
		t.Fatalf("a note could be deleted locally")
	}
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`); got == "11223344" {
			t.Fatalf("%s applied a change made after the cover was withdrawn", l.name)
		}
	}
	tm.converged(t, lead, anna)
}

// A laptop without a team folder does not keep its changes for a team that does not exist;
// one that has joined keeps every one of them until it has published it.
func TestForgetUnsharedOnlyWithoutATeam(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 13}, "AA")
	anna := tm.laptops[1]
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(anna.deps()).SaveNote(service.NoteInput{
		CourseID: anna.ownCourse(t), OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
		Text: "Ikke udgivet endnu"}))
	if err := teamsync.ForgetUnshared(anna.st.Gorm()); err != nil {
		t.Fatal(err)
	}
	if got := value(t, anna, `SELECT COUNT(*) FROM sync_outbox`); got == "0" {
		t.Fatalf("a joined laptop's unpublished changes were cleared")
	}
	alone := newLaptop(t, "alone", tm.clock)
	must[service.TeamDTO](t, "SetupTeam")(service.NewTeamService(service.Deps{Store: alone.st, Clock: tm.clock.now}).SetupTeam(
		service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "Alene", LeadName: "Ane Alene", LeadInitials: "AA", LeadFTE: 1}))
	if got := value(t, alone, `SELECT COUNT(*) FROM sync_outbox`); got == "0" {
		t.Fatal("the capture recorded nothing")
	}
	if err := teamsync.ForgetUnshared(alone.st.Gorm()); err != nil {
		t.Fatal(err)
	}
	if got := value(t, alone, `SELECT COUNT(*) FROM sync_outbox`); got != "0" {
		t.Fatalf("%s changes kept on a laptop without a team", got)
	}
}
