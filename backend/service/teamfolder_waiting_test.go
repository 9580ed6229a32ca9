package service

import (
	"testing"
	"time"
)

// A fresh laptop has asked to join and waits for the team lead to enroll it. Every pass
// of its engine tries the team's snapshot (which it cannot open yet), and while it reads
// the file the service reports the first load as running: JoinStatus says "loading" with
// a load's progress, and a "load done" event follows at the end of the pass. The first-
// start screen switches from "waiting for the team lead" to "loading the team's data" on
// the first such answer and never goes back, so the worker reads "loading" while in truth
// nobody has let the laptop in (and the indicator flickers between waiting and loading).
func TestAWaitingLaptopIsNotLoading(t *testing.T) {
	f := newSignedIn(t)
	folder := t.TempDir()
	lead, _ := newTeamFolder(t, f.d, f.path, f.teams)
	codes := mustFn[TeamCodesDTO](t)(lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "Lederens"}))
	d2, path2 := freshLaptop(t)
	joiner, events := newTeamFolder(t, d2, path2, NewTeamService(d2))
	mustFn[TeamCodesDTO](t)(joiner.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar 2"}))
	seen := map[string]int{}
	for end := time.Now().Add(1500 * time.Millisecond); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		js, err := joiner.JoinStatus()
		if err != nil {
			t.Fatalf("JoinStatus: %v", err)
		}
		seen[js.State]++
	}
	if seen[SyncLoading] > 0 || events.states()[SyncLoading] || len(events.progress("load")) > 0 {
		t.Fatalf("a laptop nobody enrolled: JoinStatus states %v, indicator states %v, load progress %v; want only waiting",
			seen, events.states(), events.progress("load"))
	}
}
