package teamsync_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"icm/backend/store"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// remoteHead is the last entry laptop l holds of another laptop's audit chain.
func remoteHead(t *testing.T, l *laptop, of string) (uint, string) {
	t.Helper()
	var h struct {
		OriginID uint
		Hash     string
	}
	l.st.Gorm().Raw(`SELECT origin_id, hash FROM audit_remote WHERE laptop = ? ORDER BY origin_id DESC LIMIT 1`, of).Scan(&h)
	return h.OriginID, h.Hash
}

// TestABatchCannotFileAuditEntriesUnderAnotherLaptop: only a lead's snapshot carries other
// laptops' audit entries. A batch whose entries claim another laptop (a modified app on
// Anna's laptop linking an entry to the head of Bo's chain) is refused everywhere, and Bo's
// log at the lead stays as Bo wrote it.
func TestABatchCannotFileAuditEntriesUnderAnotherLaptop(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t, faulty.Options{Seed: 5}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	appendAudit := func(detail string) {
		t.Helper()
		if err := bo.st.AppendAudit(ctx, tm.clock.now(), store.AuditEntry{WorkerID: bo.actor.WorkerID,
			WorkerName: bo.actor.Name, Action: "view", Object: "citizen", Detail: detail}); err != nil {
			t.Fatal(err)
		}
	}
	appendAudit("Bo's own")
	tm.settle(t)
	boID := bo.eng.LaptopID()
	id, hash := remoteHead(t, anna, boID)
	if id == 0 {
		t.Fatal("anna holds nothing of Bo's log")
	}
	if err := anna.eng.ReviewForgeAudit(ctx, []teamsync.ReviewAudit{{Laptop: boID, ID: id + 1,
		WorkerName: bo.actor.Name, Action: "view", Detail: "forged by anna", PrevHash: hash,
		Hash: strings.Repeat("ab", 32)}}); err != nil {
		t.Fatal(err)
	}
	appendAudit("Bo's real next")
	tm.settle(t)
	for _, l := range []*laptop{lead, bo} {
		if n := value(t, l, `SELECT COUNT(*) FROM audit_remote WHERE detail = 'forged by anna'`); n != "0" {
			t.Errorf("%s keeps Anna's forged entry", l.name)
		}
	}
	st := must[teamsync.Status](t, "Status")(lead.eng.Status(ctx))
	refused := false
	for _, p := range st.Waiting {
		refused = refused || (p.Laptop == anna.eng.LaptopID() && strings.Contains(p.Reason, "another laptop"))
	}
	if !refused {
		t.Errorf("the lead's status does not show Anna's batch refused: %+v", st.Waiting)
	}
	for _, c := range must[[]teamsync.RemoteChain](t, "RemoteAuditChains")(lead.eng.RemoteAuditChains(ctx)) {
		if c.Laptop == boID && (len(c.Broken) > 0 || len(c.Rewritten) > 0 || c.Entries < 2) {
			t.Errorf("Bo's log at the lead: %+v", c)
		}
	}
}

// TestARewrittenAuditLogIsReported: a laptop that sends other entries under numbers it had
// used (its log rewritten: made-up entries, or a database put back from a backup and synced
// anyway) neither replaces nor hides what the team holds: the lead's check reports the
// numbers as rewritten, and keeps one of each aside, however many arrive.
func TestARewrittenAuditLogIsReported(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t, faulty.Options{Seed: 6}, "AA")
	lead, anna := tm.laptops[0], tm.laptops[1]
	for i := 0; i < 3; i++ {
		if err := anna.st.AppendAudit(ctx, tm.clock.now(), store.AuditEntry{WorkerID: anna.actor.WorkerID,
			WorkerName: anna.actor.Name, Action: "view", Object: "citizen", Detail: fmt.Sprint("real ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	tm.settle(t)
	before := must[[]teamsync.RemoteChain](t, "RemoteAuditChains")(lead.eng.RemoteAuditChains(ctx))
	var forged []teamsync.ReviewAudit
	for i := 0; i < 20; i++ {
		forged = append(forged, teamsync.ReviewAudit{ID: 2, WorkerName: anna.actor.Name, Action: "view",
			Detail: fmt.Sprint("made up ", i), PrevHash: fmt.Sprintf("%064x", i+1), Hash: fmt.Sprintf("%064x", 1000+i)})
	}
	if err := anna.eng.ReviewForgeAudit(ctx, forged); err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	after := must[[]teamsync.RemoteChain](t, "RemoteAuditChains")(lead.eng.RemoteAuditChains(ctx))
	if len(after) != len(before) {
		t.Fatalf("chains before %d, after %d: %+v", len(before), len(after), after)
	}
	for i, c := range after {
		if c.Laptop != anna.eng.LaptopID() {
			continue
		}
		if c.Entries != before[i].Entries || c.LastHash != before[i].LastHash || len(c.Broken) > 0 {
			t.Errorf("anna's chain changed: before %+v, after %+v", before[i], c)
		}
		if fmt.Sprint(c.Rewritten) != "[2]" {
			t.Errorf("rewritten numbers %v, want [2]", c.Rewritten)
		}
	}
	if n := value(t, lead, `SELECT COUNT(*) FROM audit_remote WHERE detail LIKE 'made up %'`); n != "1" {
		t.Errorf("%s made-up entries kept aside, want the first only", n)
	}
}
