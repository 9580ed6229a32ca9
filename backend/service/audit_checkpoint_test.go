package service

import (
	"context"
	"testing"
	"time"

	"icm/backend/store"
)

func appendViews(t *testing.T, f *signedIn, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if err := f.d.Store.AppendAudit(context.Background(), *f.clock, store.AuditEntry{Action: AuditView, Object: "citizen", CitizenID: 1}); err != nil {
			t.Fatal(err)
		}
	}
}

func startCheck(t *testing.T, f *signedIn) AuditCheckDTO {
	t.Helper()
	c, err := CheckChainAtStart(context.Background(), f.audit)
	if err != nil {
		t.Fatal(err)
	}
	if s := mustFn[AuthStatusDTO](t)(f.auth.Status()); s.Audit != c {
		t.Fatalf("status reports %+v, the check found %+v", s.Audit, c)
	}
	return c
}

// The check at start walks only what was written since the last check, from a checkpoint the
// last sound walk left; the whole chain is walked the first time, when the checkpoint does
// not match, when the last full walk is a month old, and whenever a team lead asks.
func TestAuditCheckAtStartWalksFromTheCheckpoint(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 20)
	first := startCheck(t, f)
	if !first.OK || !first.Full || first.Entries < 20 || first.NewEntries != 0 {
		t.Fatalf("first check = %+v, want the whole chain", first)
	}

	f.advance(time.Hour)
	appendViews(t, f, 5)
	second := startCheck(t, f)
	if !second.OK || second.Full || second.NewEntries != 5 || second.Entries != first.Entries+5 || second.FullAt != first.FullAt {
		t.Fatalf("second check = %+v after %+v, want the 5 new entries only", second, first)
	}
	// Nothing new: nothing walked, the chain still reported whole.
	if third := startCheck(t, f); !third.OK || third.Full || third.NewEntries != 0 || third.Entries != second.Entries {
		t.Fatalf("third check = %+v", third)
	}

	// A month after the last full walk, the start walks everything again.
	f.advance(fullCheckEvery)
	if c := startCheck(t, f); !c.OK || !c.Full || c.Entries != second.Entries {
		t.Fatalf("check a month on = %+v, want the whole chain", c)
	}

	// An unreadable checkpoint means a full walk, which writes a good one.
	if err := f.d.Store.SetSetting(context.Background(), SettingChainCheckpoint, "7:not-a-hash:x"); err != nil {
		t.Fatal(err)
	}
	if c := startCheck(t, f); !c.OK || !c.Full {
		t.Fatalf("check with an unreadable checkpoint = %+v", c)
	}
	if cp := readCheckpoint(context.Background(), f.d.Store); cp.ID != uint(second.Entries) || len(cp.Hash) != 64 {
		t.Fatalf("checkpoint after the full walk = %+v", cp)
	}
}

func TestAuditCheckpointEntryChangedMeansAFullWalk(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 10)
	first := startCheck(t, f)
	db := rawDB(t, f.path)
	cp := readCheckpoint(context.Background(), f.d.Store)
	// Someone drops the trigger and edits the checkpoint entry and one before it.
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`,
		`UPDATE audit_log SET worker_name = 'Nogen Andre' WHERE id = 2`,
		`UPDATE audit_log SET detail = 'ændret' WHERE id = ` + itoa(int(cp.ID))} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	c := startCheck(t, f)
	if c.OK || !c.Full || c.BrokenAt != 2 {
		t.Fatalf("check after editing the checkpoint entry = %+v (first %+v), want a full walk broken at 2", c, first)
	}
	// A broken chain leaves the checkpoint where it was.
	if after := readCheckpoint(context.Background(), f.d.Store); after != cp {
		t.Fatalf("checkpoint moved on a broken chain: %+v, was %+v", after, cp)
	}
}

// An edit of an entry before the checkpoint is not seen by the quick check at start (it
// reads only new entries), but by the team lead's check and by the next full walk.
func TestAuditOldEntryChangedIsFoundByTheFullWalk(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 10)
	startCheck(t, f)
	db := rawDB(t, f.path)
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET worker_name = 'Nogen Andre' WHERE id = 3`} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if c := startCheck(t, f); !c.OK || c.Full {
		t.Fatalf("start check = %+v, want the quick check (old entries are not read)", c)
	}
	v := mustFn[AuditCheckDTO](t)(f.audit.Verify())
	if v.OK || !v.Full || v.BrokenAt != 3 {
		t.Fatalf("the team lead's check = %+v, want broken at 3", v)
	}
	f.advance(fullCheckEvery + time.Hour)
	if c := startCheck(t, f); c.OK || c.BrokenAt != 3 {
		t.Fatalf("start check a month on = %+v, want broken at 3", c)
	}
}
