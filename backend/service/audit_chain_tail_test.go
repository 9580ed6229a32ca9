package service

import (
	"testing"
)

// the anchors only cover the chain up to the last check (at start), a backup or an
// exported PDF. Entries written after that, a whole session's views, can be cut from the end
// of the log with a SQLite tool (delete trigger dropped and put back), and the next check
// finds the chain, the checkpoint and every anchor in order. A sign-out must leave the head
// it wrote in the journal, so that the session's entries are covered too.
func TestSessionEntriesCannotBeCutFromTheEnd(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 5)
	first := startCheck(t, f)
	if !first.OK {
		t.Fatalf("first check = %+v", first)
	}
	// The session: views of citizens, then the worker signs out and closes the app.
	appendViews(t, f, 4)
	mustFn[AuthStatusDTO](t)(f.auth.SignOut())

	db := rawDB(t, f.path)
	var triggers []struct{ Name, SQL string }
	if err := db.Raw(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).Scan(&triggers).Error; err != nil {
		t.Fatal(err)
	}
	for _, tr := range triggers {
		if err := db.Exec(`DROP TRIGGER ` + tr.Name).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec(`DELETE FROM audit_log WHERE id > ?`, first.HeadID).Error; err != nil {
		t.Fatal(err)
	}
	for _, tr := range triggers {
		if err := db.Exec(tr.SQL).Error; err != nil {
			t.Fatal(err)
		}
	}
	if c := startCheck(t, f); c.OK || !c.Rewritten {
		t.Fatalf("the session's entries were cut from the log and the next check says %+v", c)
	}
}
