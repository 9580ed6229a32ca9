package teamsync_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// TestABatchWrittenButNotCommittedIsAdopted is a kill between a batch file's rename into
// place and the commit that records it: the other laptops apply that batch, and the laptop,
// restarted, publishes the same changes again under the next number. Nothing may be kept
// on the readers as a value that lost (the publisher keeps nothing: the laptops would
// differ), and a change made after the restart must reach every laptop, also when the
// laptop's clock is then behind the stamps of the batch it lost track of.
func TestABatchWrittenButNotCommittedIsAdopted(t *testing.T) {
	for _, tc := range []struct {
		name string
		back time.Duration // how far the restarted laptop's clock is behind
	}{{"same clock", 0}, {"clock set back", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			tm := newTeam(t, faulty.Options{Seed: 7}, "AA", "BO")
			anna := tm.laptops[1]
			note := func(text string) {
				t.Helper()
				must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(anna.deps()).SaveNote(service.NoteInput{
					CourseID: anna.ownCourse(t), OccurredAt: "2026-12-01T10:00", DurationMinutes: 30, Location: "home",
					Kind: "visit", Text: text}))
			}
			note("Besøg før nedbruddet")
			killed := errors.New("killed")
			restore := teamsync.FailAfterBatchWrite(killed)
			if _, err := anna.eng.SyncOnce(ctx); !errors.Is(err, killed) {
				t.Fatalf("SyncOnce = %v, want the kill", err)
			}
			restore()
			tm.cloud.Settle()
			for _, l := range tm.laptops {
				if l != anna {
					l.sync(t) // the others apply the batch anna lost track of
				}
			}
			// The restart: the engine starts again from what the database holds.
			var err error
			anna.eng, err = teamsync.Open(anna.st.Gorm(), anna.dbPath, func() time.Time { return tm.clock.now().Add(-tc.back) })
			if err != nil {
				t.Fatal(err)
			}
			note("Besøg efter genstart")
			tm.settle(t)
			tm.converged(t)
			for _, l := range tm.laptops {
				for _, text := range []string{"Besøg før nedbruddet", "Besøg efter genstart"} {
					if n := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = ?`, text); n != "1" {
						t.Errorf("%s: %s copies of %q", l.name, n, text)
					}
				}
				if n := value(t, l, `SELECT COUNT(*) FROM sync_conflicts`); n != "0" {
					t.Errorf("%s: %s values kept as conflicts, want none", l.name, n)
				}
			}
		})
	}
}

// TestARestartedClockIsNotBehindWhatItApplied: a laptop whose clock is behind a colleague's
// applies the colleague's change, is restarted (closed, or killed), and then changes the same
// value. Its change came after the one it saw, so it must win on every laptop; a clock that
// restarted from its own last publication alone stamped it older, the colleague's laptop
// kept its own value and the two laptops differed for good.
func TestARestartedClockIsNotBehindWhatItApplied(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 8}, "AA")
	lead, anna := tm.laptops[0], tm.laptops[1]
	var err error
	anna.eng, err = teamsync.Open(anna.st.Gorm(), anna.dbPath, func() time.Time { return tm.clock.now().Add(time.Hour) })
	if err != nil {
		t.Fatal(err)
	}
	phone := func(l *laptop, number string) {
		t.Helper()
		cs := service.NewCitizenService(l.deps())
		var id uint
		l.st.Gorm().Raw(`SELECT id FROM citizens WHERE name = 'Borger 1 Testesen'`).Scan(&id)
		c := must[service.CitizenDTO](t, "GetCitizen")(cs.GetCitizen(service.IDInput{ID: id}))
		must[service.CitizenDTO](t, "SaveCitizen")(cs.SaveCitizen(service.CitizenInput{ID: id, Name: c.Name, Phone: number,
			Address: c.Address, Email: c.Email, ContactNote: c.ContactNote}))
	}
	phone(anna, "21212121")
	tm.settle(t)
	if lead.eng, err = teamsync.Open(lead.st.Gorm(), lead.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
	phone(lead, "31313131")
	tm.settle(t)
	tm.converged(t)
	for _, l := range tm.laptops {
		if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`); got != "31313131" {
			t.Errorf("%s: phone %s, want the later change 31313131", l.name, got)
		}
	}
}
