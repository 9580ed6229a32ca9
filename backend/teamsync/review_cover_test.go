package teamsync_test

import (
	"context"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/syncstore"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// coverTeam is a team where the lead gave Bo a cover for Anna from..to, settled.
func coverTeam(t *testing.T, seed int64, from, to string) (*team, *laptop, *laptop, *laptop, service.CoverDTO) {
	t.Helper()
	tm := newTeam(t, faulty.Options{Seed: seed}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	var annaID, boID uint
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'AA'`).Scan(&annaID)
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'BO'`).Scan(&boID)
	cover := must[service.CoverDTO](t, "SaveCover")(service.NewTeamService(lead.deps()).SaveCover(service.CoverInput{
		WorkerID: annaID, CoverWorkerID: boID, From: from, To: to, Note: "Ferie"}))
	tm.settle(t)
	return tm, lead, anna, bo, cover
}

// REVIEW finding: one laptop whose clock was once years ahead moves every laptop's clock
// there (the HLC never goes back), and the cover check reads the change's time from its
// HLC: from then on every colleague's change under a current cover is judged as made years
// later and refused by the others, while the covering colleague's own laptop keeps it.
func TestReviewAClockYearsAheadBreaksEveryCover(t *testing.T) {
	tm, _, anna, bo, _ := coverTeam(t, 24, "2026-11-30", "2026-12-10")
	ctx := context.Background()
	// Anna's laptop had its clock set to 2031 for one sync: an ordinary change of her own.
	annaCitizen := uidOf(t, anna, "citizens", `x.name = 'Borger 1 Testesen'`)
	ahead := teamsync.ReviewHLC(time.Date(2031, 6, 1, 12, 0, 0, 0, time.UTC), anna.eng.LaptopID())
	if err := anna.eng.ReviewForgeBatch(ctx, []syncstore.Change{{Table: "citizens", UID: annaCitizen, Op: syncstore.OpPut,
		Cols: map[string]any{"phone": "12121212"}, Citizen: annaCitizen, Worker: workerUID(t, anna, "AA")}}, ahead); err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	// Back in December 2026, Bo covers for Anna as the lead arranged.
	var annaCourse uint
	bo.st.Gorm().Raw(`SELECT c.id FROM courses c JOIN workers w ON w.id = c.worker_id WHERE w.initials = 'AA'`).Scan(&annaCourse)
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(bo.deps()).SaveNote(service.NoteInput{
		CourseID: annaCourse, OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
		Text: "Bo dækker i ferien"}))
	tm.settle(t)
	for _, l := range tm.laptops {
		if got := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = 'Bo dækker i ferien'`); got != "1" {
			t.Errorf("%s: the covering colleague's note is not there (%s): %v", l.name, got, refusals(t, l))
		}
	}
}

// REVIEW finding: the cover check trusts the time in the change's HLC, which the writing
// laptop chooses. A cover the lead planned for a future holiday lets the colleague change
// the citizen today: the laptop stamps the change with a time inside the cover (a modified
// app, or the laptop's clock set forward), and every laptop applies it.
func TestReviewAFutureCoverIsUsableToday(t *testing.T) {
	tm, lead, anna, bo, _ := coverTeam(t, 25, "2027-07-01", "2027-07-20")
	ctx := context.Background()
	annaCitizen := uidOf(t, bo, "citizens", `x.name = 'Borger 1 Testesen'`)
	inCover := teamsync.ReviewHLC(time.Date(2027, 7, 5, 9, 0, 0, 0, time.UTC), bo.eng.LaptopID())
	if err := bo.eng.ReviewForgeBatch(ctx, []syncstore.Change{{Table: "citizens", UID: annaCitizen, Op: syncstore.OpPut,
		Cols: map[string]any{"phone": "77777777"}, Citizen: annaCitizen, Worker: workerUID(t, bo, "BO")}}, inCover); err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`); got == "77777777" {
			t.Errorf("%s applied, in December 2026, a change under a cover that starts in July 2027", l.name)
		}
	}
}
