package main

import (
	"context"
	"testing"

	"icm/backend/auditanchor"
	"icm/backend/service"
)

// closing the window anchors the chain's head outside the file, so that the
// session's entries cannot be cut from the end of the log unseen.
func TestShutdownAnchorsTheChainsHead(t *testing.T) {
	a, courseID, _ := signedApp(t)
	if _, err := a.services.backups.RunIfDue(); err != nil { // today's backup is made: none at close
		t.Fatal(err)
	}
	if _, err := a.services.courses.GetCourse(service.IDInput{ID: courseID}); err != nil { // a logged view
		t.Fatal(err)
	}
	id, hash, err := a.store.AuditHead(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	path := a.store.Path()
	a.shutdown(context.Background())
	anchors, err := auditanchor.For(path).Read()
	if err != nil || len(anchors) == 0 {
		t.Fatalf("journal = %v, %v", anchors, err)
	}
	if last := anchors[len(anchors)-1]; last.ID != id || last.Hash != hash {
		t.Fatalf("the journal's last anchor is %+v, the head at close was %d", last, id)
	}
}
