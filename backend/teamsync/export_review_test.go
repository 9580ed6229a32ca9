package teamsync

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"icm/backend/syncstore"
	"icm/backend/teamfolder"
)

// forgeBatch publishes this laptop's next batch the way a modified app could: the batch is
// what fill makes of one with the laptop's real applied vector, signed with the laptop's own
// key and sealed with its own data keys, with nothing checked. The review tests' forgeries
// (ReviewForgeBatch, ReviewForgeAudit, RecheckForgeDeps) differ only in fill.
func (e *Engine) forgeBatch(ctx context.Context, fill func(tx *gorm.DB, b *batch, seq uint64) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, err := e.publish(ctx); err != nil {
		return err
	}
	return e.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		ids, _, err := e.teamIdentities(tx)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return errNoTeamKey
		}
		seq, _, err := e.nextSeq(e.local.NextSeq)
		if err != nil {
			return err
		}
		deps, err := appliedVector(tx)
		if err != nil {
			return err
		}
		b := &batch{Deps: deps, MaxHLC: e.clock.Next()}
		if err := fill(tx, b, seq); err != nil {
			return err
		}
		if b.AuditHead, err = e.auditHead(tx); err != nil {
			return err
		}
		name := teamfolder.BatchName(seq)
		data, err := e.sealBatch(teamfolder.KindBatch, seq, name, b, ids[0])
		if err != nil {
			return err
		}
		if err := e.folder.WriteOwn(name, data); err != nil {
			return err
		}
		l := e.local
		l.NextSeq = seq + 1
		if err := e.saveLocal(tx, l); err != nil {
			return err
		}
		e.local = l
		return nil
	})
}

// ReviewForgeBatch publishes changes as this laptop's next batch, filed under the citizen
// each change claims. hlc stamps every column of a change that has no HLC of its own (the
// clock's next stamp when empty). For the review tests.
func (e *Engine) ReviewForgeBatch(ctx context.Context, changes []syncstore.Change, hlc string) error {
	return e.forgeBatch(ctx, func(tx *gorm.DB, b *batch, seq uint64) error {
		if hlc != "" {
			b.MaxHLC = hlc
		}
		for i := range changes {
			if changes[i].HLC != nil {
				continue
			}
			changes[i].HLC = map[string]string{}
			for col := range changes[i].Cols {
				changes[i].HLC[col] = b.MaxHLC
			}
			if changes[i].Op == syncstore.OpDel {
				changes[i].HLC[""] = b.MaxHLC
			}
		}
		return e.fillSections(tx, b, "batch", seq, changes, nil)
	})
}

// ReviewAudit is one audit entry as a modified app could put it in its batch.
type ReviewAudit struct {
	Laptop     string // the laptop it claims to come from ("" for the writer)
	ID         uint
	WorkerName string
	Action     string
	Detail     string
	PrevHash   string
	Hash       string
}

// ReviewForgeAudit publishes this laptop's next batch carrying only the given audit entries.
// For the review tests.
func (e *Engine) ReviewForgeAudit(ctx context.Context, entries []ReviewAudit) error {
	return e.forgeBatch(ctx, func(_ *gorm.DB, b *batch, _ uint64) error {
		for _, a := range entries {
			b.Audit = append(b.Audit, auditEntry{Laptop: a.Laptop, ID: a.ID, At: "2026-12-01T09:00:00.000000000Z",
				WorkerName: a.WorkerName, Action: a.Action, Object: "citizen", Detail: a.Detail,
				PrevHash: a.PrevHash, Hash: a.Hash})
		}
		return nil
	})
}

// RecheckForgeDeps publishes this laptop's next batch, empty but for the dependencies it
// claims: the laptop's real applied vector with the given numbers put over it. It stands for
// a modified app or a stolen laptop key. For the re-check tests of issue 13.
func (e *Engine) RecheckForgeDeps(ctx context.Context, claim map[string]uint64) error {
	return e.forgeBatch(ctx, func(_ *gorm.DB, b *batch, _ uint64) error {
		for l, s := range claim {
			b.Deps[l] = s
		}
		return nil
	})
}

// ReviewHLC is a stamp of laptop at wall time t, as a laptop's clock writes it.
func ReviewHLC(t time.Time, laptop string) string {
	return fmt.Sprintf("%012x%04x-%s", t.UnixMilli(), 0, laptop)
}
