package teamsync_test

import (
	"context"
	"fmt"
	"testing"

	"icm/backend/store"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// TestALeadsSnapshotAfterARewrittenLogStillLoads: Anna's laptop sends an entry
// under a number it had used (a rewritten log, or a laptop put back from a backup that
// published before it stopped). The lead keeps it aside under "<anna>!rewritten", and its
// next snapshot carries every remote entry it holds, that one included, with that key as
// the entry's laptop. A laptop joining afterwards must still load the snapshot (and see
// the rewrite in its own check); a snapshot refused as "an audit entry of no laptop" leaves
// every later joiner, the restored laptop joining again among them, without the team's data
// once the batches before it are tidied away.
func TestALeadsSnapshotAfterARewrittenLogStillLoads(t *testing.T) {
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
	if err := anna.eng.ReviewForgeAudit(ctx, []teamsync.ReviewAudit{{ID: 2, WorkerName: anna.actor.Name, Action: "view",
		Detail: "rewritten", PrevHash: fmt.Sprintf("%064x", 1), Hash: fmt.Sprintf("%064x", 1000)}}); err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	if n := value(t, lead, `SELECT COUNT(*) FROM audit_remote WHERE detail = 'rewritten'`); n != "1" {
		t.Fatalf("setup: the lead keeps %s rewritten entries", n)
	}
	if err := lead.eng.WriteSnapshot(ctx); err != nil {
		t.Fatal(err)
	}

	late := newLaptop(t, "AA", tm.clock)
	tm.cloud = faulty.NewCloud(faulty.Options{Seed: 7}, lead.dir, anna.dir, late.dir)
	tm.cloud.Settle()
	if _, err := teamsync.Join(ctx, late.st.Gorm(), late.dbPath, late.dir, "ny", lead.eng.Fingerprint(), tm.clock.now); err != nil {
		t.Fatal(err)
	}
	var err error
	if late.eng, err = teamsync.Open(late.st.Gorm(), late.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
	tm.cloud.Settle()
	if err := lead.eng.Enroll(ctx, late.eng.LaptopID(), workerUID(t, lead, "AA"), false); err != nil {
		t.Fatal(err)
	}
	tm.cloud.Settle()
	rep := late.sync(t)
	st := must[teamsync.Status](t, "Status")(late.eng.Status(ctx))
	if rep.Snapshots != 1 || len(st.Waiting) > 0 {
		t.Errorf("the joining laptop loaded %d snapshots; waiting or refused: %+v", rep.Snapshots, st.Waiting)
	}
	for _, c := range must[[]teamsync.RemoteChain](t, "RemoteAuditChains")(late.eng.RemoteAuditChains(ctx)) {
		if c.Laptop == anna.eng.LaptopID() && fmt.Sprint(c.Rewritten) != "[2]" {
			t.Errorf("the joined laptop's check of Anna's log: rewritten %v, want [2]", c.Rewritten)
		}
	}
}
