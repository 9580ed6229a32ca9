package teamsync_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/syncstore"
)

// setDay moves the team's shared clock to 09:00 UTC on day.
func (tm *team) setDay(day string) {
	t, _ := time.Parse("2006-01-02", day)
	tm.clock.mu.Lock()
	tm.clock.t = t.Add(9 * time.Hour)
	tm.clock.mu.Unlock()
}

// A colleague covering for Anna until 1 December writes a note in her course that day with
// the team folder out of reach (a network share away from the office, a USB stick not
// plugged in), and the laptop publishes it two days later. Every laptop judges the cover on
// the day the note was written, not on its stamp: the note stays on every laptop, whether
// the cover ran out meanwhile or was withdrawn after the note was written.
func TestNoteWrittenInACoverIsKeptWhenPublishedLater(t *testing.T) {
	cases := []struct {
		name     string
		to       string
		withdraw bool
	}{
		{"the cover ends before the laptop reaches the folder", "2026-12-01", false},
		{"the cover is withdrawn two days after the note", "2026-12-10", true},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tm, lead, anna, bo, cover := coverTeam(t, int64(160+i), "2026-11-30", tc.to)
			var annaCourse uint
			bo.st.Gorm().Raw(`SELECT c.id FROM courses c JOIN workers w ON w.id = c.worker_id WHERE w.initials = 'AA'`).Scan(&annaCourse)
			// 1 December, inside the cover; Bo's laptop does not reach the folder today.
			must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(bo.deps()).SaveNote(service.NoteInput{
				CourseID: annaCourse, OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
				Text: "Bo dækker for Anna"}))
			tm.setDay("2026-12-03")
			if tc.withdraw {
				must[service.CoverDTO](t, "WithdrawCover")(service.NewTeamService(lead.deps()).WithdrawCover(service.IDInput{ID: cover.ID}))
				lead.sync(t)
				tm.cloud.Settle()
				anna.sync(t)
			}
			tm.settle(t)
			for _, l := range tm.laptops {
				if got := value(t, l, `SELECT COUNT(*) FROM notes WHERE text = 'Bo dækker for Anna'`); got != "1" {
					t.Errorf("%s: the note written inside the cover is not there (%s): refused %v", l.name, got, refusals(t, l))
				}
			}
		})
	}
}

// A laptop chooses the write time it sends, so a receiver holds it to the window since the
// laptop's previous publish: a change claiming to be written on 1 December, inside a cover
// that ended that day, is judged on 3 December when the laptop had published on 3
// December already (and refused everywhere), and on 1 December when it had not.
func TestWrittenBeforeThePreviousPublishIsJudgedAtThatPublish(t *testing.T) {
	cases := []struct {
		name        string
		publishedOn string // the day Bo's laptop publishes a change of its own first ("": none)
		refused     bool
	}{
		{"the laptop published on 3 December before", "2026-12-03", true},
		{"the laptop last published on 1 December", "", false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tm, lead, anna, bo, _ := coverTeam(t, int64(170+i), "2026-11-30", "2026-12-01")
			tm.setDay("2026-12-03")
			if tc.publishedOn != "" {
				var boCitizen uint
				bo.st.Gorm().Raw(`SELECT id FROM citizens WHERE name = 'Borger 2 Testesen'`).Scan(&boCitizen)
				cs := service.NewCitizenService(bo.deps())
				c := must[service.CitizenDTO](t, "GetCitizen")(cs.GetCitizen(service.IDInput{ID: boCitizen}))
				must[service.CitizenDTO](t, "SaveCitizen")(cs.SaveCitizen(service.CitizenInput{ID: boCitizen, Name: c.Name,
					Phone: "11223344", Address: c.Address, Email: c.Email, ContactNote: c.ContactNote}))
				tm.settle(t)
			}
			annaCitizen := uidOf(t, bo, "citizens", `x.name = 'Borger 1 Testesen'`)
			if err := bo.eng.ReviewForgeBatch(context.Background(), []syncstore.Change{{Table: "citizens", UID: annaCitizen,
				Op: syncstore.OpPut, Cols: map[string]any{"phone": "77777777"}, Citizen: annaCitizen,
				Worker: workerUID(t, bo, "BO"), Written: "2026-12-01T09:00:00Z"}}, ""); err != nil {
				t.Fatal(err)
			}
			tm.settle(t)
			for _, l := range []*laptop{lead, anna} {
				applied := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`) == "77777777"
				if applied == tc.refused {
					t.Errorf("%s: the change claiming 1 December applied %v, want %v (refused %v)", l.name, applied, !tc.refused, refusals(t, l))
				}
				if tc.refused && !slices.Contains(refusals(t, l), "course_not_yours") {
					t.Errorf("%s: refused %v, want course_not_yours", l.name, refusals(t, l))
				}
			}
		})
	}
}
