package teamsync_test

import (
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

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
