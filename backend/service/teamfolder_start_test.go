package service

import (
	"testing"
	"time"
)

// A laptop that works alone clears the changes it captured, but only once the app lets the
// background work begin (its first screen is up), never on the path to it; stopping before
// that leaves them for the next start.
func TestStartTeamFolderClearsTheChangeLogAfterTheFirstScreen(t *testing.T) {
	f := newSignedIn(t)
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	outbox := func() int {
		var n int
		if err := f.d.Store.Gorm().Raw(`SELECT COUNT(*) FROM sync_outbox`).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	if outbox() == 0 {
		t.Fatal("the save captured no change")
	}

	// Stopped before the first screen: nothing cleared, and the stop does not hang.
	early, _ := newTeamFolder(t, f.d, f.path, f.teams)
	StartTeamFolder(early, make(chan struct{}))
	StopTeamFolder(early)
	if outbox() == 0 {
		t.Fatal("cleared before the first screen")
	}

	s, _ := newTeamFolder(t, f.d, f.path, f.teams)
	first := make(chan struct{})
	StartTeamFolder(s, first)
	time.Sleep(100 * time.Millisecond)
	if outbox() == 0 {
		t.Fatal("cleared before the first screen")
	}
	if st := mustFn[TeamFolderStatusDTO](t)(s.Status()); st.State != SyncNone {
		t.Fatalf("state of a laptop that works alone: %q", st.State)
	}
	close(first)
	eventually(t, "the change log cleared", func() bool { return outbox() == 0 })
}
