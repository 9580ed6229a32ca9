package teamsync

import (
	"context"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
)

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

// ReviewForgeAudit publishes this laptop's next batch carrying only the given audit entries,
// signed and sealed as the honest app would, with nothing checked. For the review tests.
func (e *Engine) ReviewForgeAudit(ctx context.Context, entries []ReviewAudit) error {
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
		for _, a := range entries {
			b.Audit = append(b.Audit, auditEntry{Laptop: a.Laptop, ID: a.ID, At: "2026-12-01T09:00:00.000000000Z",
				WorkerName: a.WorkerName, Action: a.Action, Object: "citizen", Detail: a.Detail,
				PrevHash: a.PrevHash, Hash: a.Hash})
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
