package teamsync

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"icm/backend/syncstore"
	"icm/backend/teamfolder"
)

// ReviewForgeBatch publishes changes as this laptop's next batch the way a modified app
// could: signed with the laptop's own key, sealed with its own data keys, filed under the
// citizen each change claims, with nothing checked. hlc stamps every column of a change
// that has no HLC of its own (the clock's next stamp when empty). For the review tests.
func (e *Engine) ReviewForgeBatch(ctx context.Context, changes []syncstore.Change, hlc string) error {
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
		h := hlc
		if h == "" {
			h = e.clock.Next()
		}
		for i := range changes {
			if changes[i].HLC != nil {
				continue
			}
			changes[i].HLC = map[string]string{}
			for col := range changes[i].Cols {
				changes[i].HLC[col] = h
			}
			if changes[i].Op == syncstore.OpDel {
				changes[i].HLC[""] = h
			}
		}
		seq, _, err := e.nextSeq(e.local.NextSeq)
		if err != nil {
			return err
		}
		deps, err := appliedVector(tx)
		if err != nil {
			return err
		}
		b := &batch{Deps: deps, MaxHLC: h}
		if err := e.fillSections(tx, b, "batch", seq, changes, nil); err != nil {
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

// ReviewHLC is a stamp of laptop at wall time t, as a laptop's clock writes it.
func ReviewHLC(t time.Time, laptop string) string {
	return fmt.Sprintf("%012x%04x-%s", t.UnixMilli(), 0, laptop)
}
