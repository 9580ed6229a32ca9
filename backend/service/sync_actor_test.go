package service

import (
	"testing"
)

// outboxWorkers returns the worker of every outbox row of table, in order.
func outboxWorkers(t *testing.T, path, table string) []uint {
	t.Helper()
	var out []uint
	if err := rawDB(t, path).Raw(`SELECT worker FROM sync_outbox WHERE tbl = ? ORDER BY seq`, table).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// Every change a signed-in worker makes is captured in the sync outbox under that worker,
// whoever is signed in at the time; the setup before anyone signed in is nobody's (0), and
// no transaction leaves its worker behind for a later write.
func TestCapturedChangesNameTheSignedInWorker(t *testing.T) {
	f := newSignedIn(t)
	if ws := outboxWorkers(t, f.path, "teams"); len(ws) != 1 || ws[0] != 0 {
		t.Fatalf("team setup captured as %v, want one row by nobody (0)", ws)
	}
	anna := f.worker(t, "Anna Berg", "AB", "anna")
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	f.signIn(t, "anna", "første kode 123")
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: cit.ID, Name: "Åse Ærø Hansen"}))
	got := outboxWorkers(t, f.path, "citizens")
	if len(got) != 2 || got[0] != f.lead.ID || got[1] != anna.ID {
		t.Fatalf("citizen changes captured as %v, want [%d %d] (lead, then Anna)", got, f.lead.ID, anna.ID)
	}
	var left struct{ WorkerID, Tx int }
	if err := rawDB(t, f.path).Raw(`SELECT worker_id, tx FROM sync_actor`).Scan(&left).Error; err != nil {
		t.Fatal(err)
	}
	if left.WorkerID != 0 || left.Tx != 0 {
		t.Fatalf("sync_actor after the transactions = %+v, want nobody", left)
	}
}

// The headless command line acts as nobody in particular: its changes are captured as 0.
func TestCommandLineChangesAreCapturedAsNobody(t *testing.T) {
	f := newFixture(t)
	f.citizen(t, "Bo Berg")
	var ws []uint
	path := f.d.Store.Path()
	if ws = outboxWorkers(t, path, "citizens"); len(ws) != 1 || ws[0] != 0 {
		t.Fatalf("command line change captured as %v, want [0]", ws)
	}
}
