package teamsync

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"icm/backend/store"
	"icm/backend/syncstore"
	"icm/backend/teamfolder"
)

// WriteSnapshot publishes this laptop's whole state as a snapshot, after its pending changes:
// a laptop that joins loads the newest snapshot and then only the batches after it. Only a
// team lead's laptop writes snapshots (the readers take its merge as it is).
func (e *Engine) WriteSnapshot(ctx context.Context) (err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	return e.writeSnapshot(ctx)
}

func (e *Engine) writeSnapshot(ctx context.Context) error {
	// A database put back from an older copy must not write its old state as the team's.
	if err := e.checkOwnAhead(ctx); err != nil {
		return err
	}
	if _, err := e.publish(ctx); err != nil {
		return err
	}
	// A snapshot is numbered after this laptop's last batch; when one with that number is
	// there already (nothing of its own since), an empty batch gives the new one its number.
	if e.local.NextSeq > 1 && e.hasOwn(teamfolder.SnapshotName(e.local.NextSeq-1)) {
		if _, _, err := e.publishBatch(ctx, true); err != nil {
			return err
		}
	}
	return e.bulkTransaction(ctx, true, func(tx *gorm.DB) error {
		r, err := e.roster(tx)
		if err != nil {
			return err
		}
		if r == nil || !r.canLead(e.local.LaptopID) {
			return ErrNotLead
		}
		ids, _, err := e.teamIdentities(tx)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return errNoTeamKey
		}
		seq := e.local.NextSeq - 1
		deps, err := appliedVector(tx)
		if err != nil {
			return err
		}
		h := e.clock.Next()
		var changes, unstamped []syncstore.Change
		var total int64
		if err := tx.Raw(`SELECT COUNT(*) FROM sync_ids`).Scan(&total).Error; err != nil {
			return err
		}
		report(ctx, PhaseSnapshotRead, 0, total)
		err = syncstore.Snapshot(tx, func(c syncstore.Change) error {
			if n := int64(len(changes)); n%snapshotReportEvery == 0 && n > 0 {
				report(ctx, PhaseSnapshotRead, min(n, total), total)
			}
			fresh := false
			if c.HLC == nil {
				c.HLC = map[string]string{}
			}
			for col := range c.Cols {
				if c.HLC[col] == "" {
					c.HLC[col] = h
					fresh = true
				}
			}
			if c.Op == "del" && c.HLC[""] == "" {
				c.HLC[""] = h
				fresh = true
			}
			if fresh {
				unstamped = append(unstamped, c)
			}
			changes = append(changes, c)
			return nil
		})
		if err != nil {
			return err
		}
		// Rows never published before (the data from before the team folder) get their first
		// stamp now, here as in the snapshot, so a later change replaces them cleanly.
		if err := syncstore.Stamp(tx, unstamped, 0); err != nil {
			return err
		}
		own, err := e.pendingAudit(tx, 0, 1<<31)
		if err != nil {
			return err
		}
		b := &batch{Deps: deps, MaxHLC: h}
		if err := e.fillSections(tx, b, "snapshot", seq, changes, own); err != nil {
			return err
		}
		if b.Others, err = remoteAudit(tx); err != nil {
			return err
		}
		if b.AuditHead, err = e.auditHead(tx); err != nil {
			return err
		}
		report(ctx, PhaseSnapshotWrite, 0, 0)
		name := teamfolder.SnapshotName(seq)
		data, err := e.sealBatch(teamfolder.KindSnapshot, seq, name, b, ids[0])
		if err != nil {
			return err
		}
		err = e.folder.WriteOwn(name, data)
		if errors.Is(err, teamfolder.ErrExists) {
			err = nil // a snapshot at this number exists: nothing new since
		}
		if err != nil {
			return err
		}
		return tx.Exec(`DELETE FROM settings WHERE key = ?`, snapshotDueKey).Error
	})
}

// snapshotReportEvery is how many rows a snapshot reads between two progress reports.
const snapshotReportEvery = 5000

// snapshotDueKey is the local setting that says this laptop founded the team folder and its
// first snapshot, which carries the team's data from before the folder, is not written yet.
// Like every setting outside the shared ones it never travels.
const snapshotDueKey = "sync_snapshot_due"

// beforeFoundingSnapshot, when set by a test, runs in Found between the outbox becoming
// history and the first snapshot, as a kill at that moment would.
var beforeFoundingSnapshot func() error

// writeDueSnapshot writes the founding snapshot a kill interrupted.
func (e *Engine) writeDueSnapshot(ctx context.Context) error {
	var n int64
	if err := e.db.WithContext(ctx).Raw(`SELECT COUNT(*) FROM settings WHERE key = ?`, snapshotDueKey).Scan(&n).Error; err != nil || n == 0 {
		return err
	}
	return e.writeSnapshot(ctx)
}

// remoteAudit is every other laptop's audit entry held here (citizen entries included: the
// whole snapshot is under the team key, and these entries carry no journal text).
func remoteAudit(tx *gorm.DB) ([]auditEntry, error) {
	var out []auditEntry
	err := tx.Raw(`SELECT laptop, origin_id AS id, at, worker_uid AS worker, worker_name, action, object,
		citizen_uid AS citizen, course_uid AS course, detail, prev_hash, hash FROM audit_remote ORDER BY laptop, origin_id`).Scan(&out).Error
	return out, err
}

// maybeLoadSnapshot gives a laptop that has applied nothing yet the newest snapshot of a
// lead laptop, and records the batches it covers as applied.
func (e *Engine) maybeLoadSnapshot(ctx context.Context, entries []teamfolder.Entry, rep *ApplyReport) error {
	vector, err := appliedVector(e.db.WithContext(ctx))
	if err != nil || len(vector) > 0 {
		return err
	}
	r, err := e.roster(e.db.WithContext(ctx))
	if err != nil || r == nil {
		return err
	}
	// A laptop not enrolled yet holds no team key: the snapshot is not for it to read (and
	// reading ten years of data on every pass to find that out is waste).
	if m, ok := r.member(e.local.LaptopID); !ok || m.RevokedFrom != 0 {
		return nil
	}
	if ids, _, err := e.teamIdentities(e.db.WithContext(ctx)); err != nil || len(ids) == 0 {
		return err
	}
	var snaps []teamfolder.Entry
	for _, en := range entries {
		if en.Kind == "snapshot" && en.Laptop != e.local.LaptopID && r.canLead(en.Laptop) {
			snaps = append(snaps, en)
		}
	}
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].ModTime.After(snaps[j].ModTime) })
	for _, en := range snaps {
		ok, err := e.loadSnapshot(ctx, en, rep)
		if err != nil || ok {
			return err
		}
	}
	return nil
}

// loadSnapshot applies one snapshot; ok is false when it did not verify (the next is tried).
func (e *Engine) loadSnapshot(ctx context.Context, en teamfolder.Entry, rep *ApplyReport) (bool, error) {
	report(ctx, PhaseSnapshotLoad, 0, 0) // reading and opening a big snapshot takes a while
	data, err := e.folder.Read(en)
	if err != nil {
		return false, e.problem(ctx, en, "incomplete: "+err.Error())
	}
	loaded := false
	err = e.bulkTransaction(ctx, false, func(tx *gorm.DB) error {
		h, payload, err := e.openFile(tx, data)
		if err != nil {
			return errSkip{fmt.Sprintf("refused: %v", err)}
		}
		if h.Kind != "snapshot" || h.Laptop != en.Laptop || h.Seq != en.Seq || h.Name != en.Name {
			return errSkip{"refused: the file is not the snapshot its name says"}
		}
		b, err := decodeBatch(payload)
		if err != nil {
			return errSkip{err.Error()}
		}
		if err := e.aheadOfMe(b.Deps); err != nil {
			return err
		}
		// The note search index is built once, after the snapshot is in (resumeSearchIndex),
		// rather than note by note.
		if err := store.SuspendSearchIndex(tx); err != nil {
			return err
		}
		var r ApplyReport
		if err := e.applyBatch(tx, en.Laptop, "snapshot", en.Seq, b, &r); err != nil {
			return err
		}
		if err := storeRemoteAudit(tx, e.local.LaptopID, en.Laptop, b.Others); err != nil {
			return err
		}
		vector := map[string]uint64{en.Laptop: en.Seq}
		for l, s := range b.Deps {
			vector[l] = s
		}
		for l, s := range vector {
			if l == e.local.LaptopID {
				continue
			}
			// What a snapshot brought counts as content: the joiner acknowledges it (a
			// heartbeat), so the others may tidy the batches it covers.
			if err := tx.Exec(`INSERT INTO sync_applied(laptop, seq, content) VALUES (?, ?, ?)
				ON CONFLICT(laptop) DO UPDATE SET seq = max(seq, excluded.seq), content = max(content, excluded.content)`,
				l, s, s).Error; err != nil {
				return err
			}
		}
		if err := e.markSeen(tx, en.Laptop, h.Created); err != nil {
			return err
		}
		// A try before this laptop held the team key (a pass before its enrolment) is over.
		if err := tx.Exec(`DELETE FROM sync_problems WHERE name = ?`, problemName(en)).Error; err != nil {
			return err
		}
		e.clock.Observe(b.MaxHLC)
		rep.Changes += r.Changes
		rep.Snapshots++
		loaded = true
		return nil
	})
	var skip errSkip
	if errors.As(err, &skip) {
		return false, e.problem(ctx, en, skip.reason)
	}
	return loaded, err
}

// resumeSearchIndex builds the note search index a snapshot's load suspended, in a
// transaction of its own: the screens show the team's data while it is built (a search
// meanwhile answers that the index is being built).
func (e *Engine) resumeSearchIndex(ctx context.Context) error {
	suspended, err := store.SearchIndexSuspended(e.db.WithContext(ctx))
	if err != nil || !suspended {
		return err
	}
	report(ctx, PhaseSearchIndex, 0, 0)
	return e.bulkTransaction(ctx, true, func(tx *gorm.DB) error {
		_, err := store.ResumeSearchIndex(tx)
		return err
	})
}

// hasOwn says whether this laptop's folder holds a file of that name.
func (e *Engine) hasOwn(name string) bool {
	entries, _, err := e.folder.List()
	if err != nil {
		return false
	}
	for _, en := range entries {
		if en.Laptop == e.local.LaptopID && en.Name == name {
			return true
		}
	}
	return false
}
