package teamsync_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/teamfolder"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// A join whose record of the team cannot be written leaves no request in the team folder
// (the request is written only once the record is in, in its transaction), and the laptop
// may try again: the second try leaves the one request, with the code it returned.
func TestJoinWritesItsRequestOnlyAfterItsRecord(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t, faulty.Options{})
	lead := tm.laptops[0]
	l := newLaptop(t, "ny", tm.clock)
	db := l.st.Gorm()
	if err := db.Exec(`CREATE TRIGGER no_record BEFORE INSERT ON sync_local BEGIN SELECT RAISE(ABORT, 'disk full'); END`).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := teamsync.Join(ctx, db, l.dbPath, lead.dir, "ny", lead.eng.Fingerprint(), tm.clock.now); err == nil {
		t.Fatal("the join went through without its record")
	}
	if names, _ := os.ReadDir(filepath.Join(lead.dir, teamfolder.JoinDir)); len(names) != 0 {
		t.Fatalf("requests left by a join that failed: %v", names)
	}
	if _, err := teamsync.Open(db, l.dbPath, tm.clock.now); !errors.Is(err, teamsync.ErrNotJoined) {
		t.Fatalf("Open after the failed join = %v, want not joined", err)
	}

	if err := db.Exec(`DROP TRIGGER no_record`).Error; err != nil {
		t.Fatal(err)
	}
	code, err := teamsync.Join(ctx, db, l.dbPath, lead.dir, "ny", lead.eng.Fingerprint(), tm.clock.now)
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := lead.eng.Requests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 1 || reqs[0].Fingerprint != code {
		t.Fatalf("requests = %+v, want one with code %s", reqs, code)
	}
}
