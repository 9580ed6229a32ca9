package teamsync_test

import (
	"context"
	"testing"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
)

// Every laptop's audit log reaches the team lead entry by entry, linked as its laptop chained
// it, ending at the head the laptop has now: the lead holds each log outside its own file.
func TestEveryLaptopsAuditLogReachesTheLead(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 14, Delay: 0.3, Reorder: 0.3}, "AA", "BO")
	lead := tm.laptops[0]
	for _, l := range tm.laptops[1:] {
		must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(l.deps()).SaveNote(service.NoteInput{
			CourseID: l.ownCourse(t), OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
			Text: "Besøg, skrevet på " + l.name}))
		if _, err := service.NewNoteService(l.deps()).ListNotes(service.IDInput{ID: l.ownCourse(t)}); err != nil {
			t.Fatal(err)
		}
	}
	tm.settle(t)
	chains, err := lead.eng.RemoteAuditChains(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(chains) != 2 {
		t.Fatalf("the lead holds the logs of %d laptops, want 2: %+v", len(chains), chains)
	}
	for i, l := range tm.laptops[1:] {
		var head struct {
			ID   uint
			Hash string
		}
		l.st.Gorm().Raw(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&head)
		c := chains[0]
		if chains[1].Laptop == l.eng.LaptopID() {
			c = chains[1]
		}
		if c.Laptop != l.eng.LaptopID() || len(c.Broken) != 0 || c.Last != head.ID || c.LastHash != head.Hash {
			t.Fatalf("laptop %d: the lead holds %+v, its log ends at %d %s", i, c, head.ID, head.Hash)
		}
		var views int64
		lead.st.Gorm().Raw(`SELECT COUNT(*) FROM audit_remote WHERE laptop = ? AND action = 'view'`, l.eng.LaptopID()).Scan(&views)
		if views == 0 {
			t.Fatalf("the lead does not see what %s's worker looked at", l.name)
		}
	}
}
