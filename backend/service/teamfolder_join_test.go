package service

import (
	"sync/atomic"
	"testing"
	"time"

	"icm/backend/domain"
)

// Two JoinTeam calls at once on a fresh laptop (a double click): the second is answered
// team_folder_busy while the first runs, and the folder holds the one request, whose code
// is the one the first call gave; afterwards the laptop has joined.
func TestJoinTeamTwiceAtOnce(t *testing.T) {
	f := newSignedIn(t)
	folder := t.TempDir()
	lead, _ := newTeamFolder(t, f.d, f.path, f.teams)
	codes := mustFn[TeamCodesDTO](t)(lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "Teamleder"}))
	d, path := freshLaptop(t)
	joiner, _ := newTeamFolder(t, d, path, NewTeamService(d))
	in := JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar 2"}

	// The first call waits, its checks done, until the second has its answer.
	held, release := make(chan struct{}), make(chan struct{})
	var holding atomic.Bool
	beforeJoinRequest = func() {
		if holding.CompareAndSwap(false, true) {
			close(held)
			<-release
		}
	}
	t.Cleanup(func() { beforeJoinRequest = nil })
	type answer struct {
		codes TeamCodesDTO
		err   error
	}
	first, second := make(chan answer, 1), make(chan answer, 1)
	go func() {
		c, err := joiner.JoinTeam(in)
		first <- answer{c, err}
	}()
	<-held
	go func() {
		c, err := joiner.JoinTeam(in)
		second <- answer{c, err}
	}()
	var b answer
	select {
	case b = <-second:
	case <-time.After(30 * time.Second):
		t.Fatal("the second join did not answer")
	}
	close(release)
	a := <-first
	if a.err != nil {
		t.Fatalf("the first join: %v", a.err)
	}
	wantCode(t, b.err, domain.CodeTeamFolderBusy)
	reqs := mustFn[[]JoinRequestDTO](t)(lead.JoinRequests())
	if len(reqs) != 1 || reqs[0].Code != a.codes.LaptopCode {
		t.Fatalf("join requests = %+v, want the first call's %s only", reqs, a.codes.LaptopCode)
	}
	_, err := joiner.JoinTeam(in)
	wantCode(t, err, domain.CodeTeamFolderJoined)
}

// A laptop in a team whose screen is locked, or where nobody is signed in, answers JoinTeam
// with the session's state, not with team_folder_joined: nothing about the laptop is said
// before sign-in.
func TestJoinTeamChecksTheSessionFirst(t *testing.T) {
	cases := []struct {
		name  string
		leave func(t *testing.T, f *signedIn)
		want  domain.Code
	}{
		{"locked", func(t *testing.T, f *signedIn) { mustFn[AuthStatusDTO](t)(f.auth.Lock()) }, domain.CodeSessionLocked},
		{"signed out", func(t *testing.T, f *signedIn) { mustFn[AuthStatusDTO](t)(f.auth.SignOut()) }, domain.CodeNotSignedIn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newSignedIn(t)
			folder := t.TempDir()
			lead, _ := newTeamFolder(t, f.d, f.path, f.teams)
			codes := mustFn[TeamCodesDTO](t)(lead.FoundTeam(FoundTeamInput{Folder: folder, Label: "Teamleder"}))
			c.leave(t, f)
			_, err := lead.JoinTeam(JoinTeamInput{Folder: folder, LeadCode: codes.TeamCode, Label: "Bærbar"})
			wantCode(t, err, c.want)
		})
	}
}
