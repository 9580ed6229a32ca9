package teamsync

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"filippo.io/age"
	"gorm.io/gorm"

	"icm/backend/syncstore"
	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// publishLimit bounds the changes in one batch, so a batch stays a small file; a large
// import becomes several batches.
const publishLimit = 2000

// afterBatchWrite, when set by a test, runs between a batch file's rename into place and
// the commit that records it; an error it returns stands for a kill at that moment.
var afterBatchWrite func() error

// errNoTeamKey means this laptop was not given the team key yet (its enrolment has not
// arrived): it keeps its changes until it can encrypt them.
var errNoTeamKey = errors.New("no team key yet: the laptop waits for the team lead's enrolment")

// PublishOnce writes this laptop's unpublished changes as numbered batches in its own
// folder, and reports how many changes went out. A change leaves the outbox only in the
// transaction that follows the batch's rename into place; after a kill between the two, the
// next publish first takes the batch in the folder as published (adoptOrphans) and then
// publishes the changes again under the next number, which the readers apply as a no-op.
func (e *Engine) PublishOnce(ctx context.Context) (n int, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return 0, err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	return e.publish(ctx)
}

func (e *Engine) publish(ctx context.Context) (int, error) {
	total := 0
	for {
		n, more, err := e.publishBatch(ctx, false)
		total += n
		if err != nil || !more {
			return total, err
		}
	}
}

// publishBatch writes at most one batch; more says there is more to publish. With empty,
// a batch without changes is written too (a heartbeat: it tells what this laptop applied).
func (e *Engine) publishBatch(ctx context.Context, empty bool) (int, bool, error) {
	published, more := 0, false
	err := e.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		l := e.local
		changes, upTo, err := syncstore.Pending(tx, publishLimit)
		if err != nil {
			return err
		}
		audit, err := e.pendingAudit(tx, l.AuditSent, publishLimit)
		if err != nil {
			return err
		}
		if len(changes) == 0 && len(audit) == 0 && !empty {
			return nil
		}
		seq, orphans, err := e.nextSeq(l.NextSeq)
		if err != nil {
			return err
		}
		if len(orphans) > 0 {
			// Batches of this laptop that reached the folder without their commit: taken
			// as published first, the changes read again go out based on them.
			if err := e.adoptOrphans(tx, orphans); err != nil {
				return err
			}
			if changes, upTo, err = syncstore.Pending(tx, publishLimit); err != nil {
				return err
			}
		}
		ids, epoch, err := e.teamIdentities(tx)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return errNoTeamKey
		}
		h := e.clock.Next()
		for i := range changes {
			changes[i].HLC = map[string]string{}
			for col := range changes[i].Cols {
				changes[i].HLC[col] = h
			}
			if changes[i].Op == "del" {
				changes[i].HLC[""] = h
			}
		}
		deps, err := appliedVector(tx)
		if err != nil {
			return err
		}
		b := &batch{Deps: deps, MaxHLC: h}
		if err := e.fillSections(tx, b, "batch", seq, changes, audit); err != nil {
			return err
		}
		if head, ok := lastAudit(audit); ok {
			b.AuditHead = head
		} else if b.AuditHead, err = e.auditHead(tx); err != nil {
			return err
		}
		name := teamfolder.BatchName(seq)
		data, err := e.sealBatch(teamfolder.KindBatch, seq, name, b, ids[0])
		if err != nil {
			return err
		}
		_ = epoch
		if err := e.folder.WriteOwn(name, data); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		if afterBatchWrite != nil {
			if err := afterBatchWrite(); err != nil {
				return err
			}
		}
		if err := syncstore.Stamp(tx, changes, upTo); err != nil {
			return err
		}
		if err := recordAcks(tx, l.LaptopID, deps); err != nil {
			return err
		}
		l.NextSeq = seq + 1
		if len(audit) > 0 {
			l.AuditSent = audit[len(audit)-1].ID
		}
		l.HLC = h
		l.LastPublish = stamp(e.now())
		if err := e.saveLocal(tx, l); err != nil {
			return err
		}
		e.local = l
		published = len(changes)
		more = len(changes) == publishLimit || len(audit) == publishLimit
		return nil
	})
	if err != nil {
		e.reload(ctx)
	}
	return published, more, err
}

// reload rereads the counters after a failed transaction.
func (e *Engine) reload(ctx context.Context) {
	var l local
	if e.db.WithContext(ctx).Raw(`SELECT team_id, laptop_id, folder, trust_root, worker_uid, next_seq, audit_sent, hlc,
		last_publish, last_apply FROM sync_local WHERE id = 1`).Scan(&l).RowsAffected == 1 {
		e.local = l
	}
}

// nextSeq is the number of the next batch: past both the counter and any batch already in
// the folder (one written just before a kill that lost the counter's update). orphans are
// those batches, in their order.
func (e *Engine) nextSeq(counter uint64) (uint64, []teamfolder.Entry, error) {
	entries, _, err := e.folder.List()
	if err != nil {
		return 0, nil, err
	}
	next := max(counter, 1)
	var orphans []teamfolder.Entry
	for _, en := range entries { // in order of their numbers
		if en.Laptop == e.local.LaptopID && en.Kind == teamfolder.KindBatch && en.Seq >= counter {
			orphans = append(orphans, en)
			next = max(next, en.Seq+1)
		}
	}
	return next, orphans, nil
}

// fillSections splits changes and audit entries into the team part and sealed citizen parts.
func (e *Engine) fillSections(tx *gorm.DB, b *batch, kind string, seq uint64, changes []syncstore.Change, audit []auditEntry) error {
	parts := map[string]*section{}
	var order []string
	part := func(citizen string) *section {
		s, ok := parts[citizen]
		if !ok {
			s = &section{}
			parts[citizen] = s
			order = append(order, citizen)
		}
		return s
	}
	for _, c := range changes {
		// A delete carries no values: it travels in the team part, so a laptop can apply a
		// citizen's deletion even after the citizen's key files are gone.
		if c.Citizen == "" || c.Op == syncstore.OpDel {
			b.Team = append(b.Team, c)
			continue
		}
		part(c.Citizen).Changes = append(part(c.Citizen).Changes, c)
	}
	for _, a := range audit {
		if a.Citizen == "" {
			b.Audit = append(b.Audit, a)
			continue
		}
		part(a.Citizen).Audit = append(part(a.Citizen).Audit, a)
	}
	sort.Strings(order)
	for _, citizen := range order {
		if shredded, err := isShredded(tx, citizen); err != nil {
			return err
		} else if shredded {
			continue
		}
		key, err := e.ownDataKey(tx, citizen)
		if err != nil {
			return err
		}
		sealed, err := sealSection(key, sectionAD(e.local.LaptopID, kind, seq, citizen), citizen, *parts[citizen])
		if err != nil {
			return err
		}
		b.Citizens = append(b.Citizens, sealedSection{Citizen: citizen, Sealed: sealed})
		if kind == "batch" {
			if err := tx.Exec(`UPDATE sync_data_keys SET last_seq = ? WHERE laptop = ? AND citizen = ?`,
				seq, e.local.LaptopID, citizen).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// appliedVector is, per other laptop, the highest batch applied here.
func appliedVector(tx *gorm.DB) (map[string]uint64, error) {
	var rows []struct {
		Laptop string
		Seq    uint64
	}
	if err := tx.Raw(`SELECT laptop, seq FROM sync_applied`).Scan(&rows).Error; err != nil {
		return nil, err
	}
	v := make(map[string]uint64, len(rows))
	for _, r := range rows {
		v[r.Laptop] = r.Seq
	}
	return v, nil
}

// isShredded says whether a citizen was deleted at the end of retention.
func isShredded(tx *gorm.DB, citizen string) (bool, error) {
	var n int64
	err := tx.Raw(`SELECT COUNT(*) FROM sync_shredded WHERE citizen = ?`, citizen).Scan(&n).Error
	return n > 0, err
}

// sealBatch encodes a batch or snapshot of this laptop and seals it for the team key id:
// the file's bytes, to be written under name.
func (e *Engine) sealBatch(kind string, seq uint64, name string, b *batch, id *age.X25519Identity) ([]byte, error) {
	payload, err := encodeBatch(b)
	if err != nil {
		return nil, err
	}
	return teamkeys.Seal(teamkeys.Header{Format: 1, Kind: kind, TeamID: e.local.TeamID, Laptop: e.local.LaptopID,
		Seq: seq, Name: name, Created: e.now().UTC()}, payload, []teamkeys.PublicKeys{{Age: id.Recipient().String()}}, e.keys)
}
