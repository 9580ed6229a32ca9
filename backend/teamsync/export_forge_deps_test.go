package teamsync

import (
	"context"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
)

// RecheckForgeDeps publishes this laptop's next batch, empty but for the dependencies it
// claims: the laptop's real applied vector with the given numbers put over it, signed and
// sealed as the honest app would. It stands for a modified app or a stolen laptop key. For
// the re-check tests of issue 13.
func (e *Engine) RecheckForgeDeps(ctx context.Context, claim map[string]uint64) error {
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
		for l, s := range claim {
			deps[l] = s
		}
		b := &batch{Deps: deps, MaxHLC: e.clock.Next()}
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
