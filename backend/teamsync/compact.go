package teamsync

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
)

// recordAcks keeps what laptop had applied when it wrote a batch (its dependencies).
func recordAcks(tx *gorm.DB, laptop string, deps map[string]uint64) error {
	for of, seq := range deps {
		if err := tx.Exec(`INSERT INTO sync_acks(laptop, of, seq) VALUES (?, ?, ?)
			ON CONFLICT(laptop, of) DO UPDATE SET seq = max(seq, excluded.seq)`, laptop, of, seq).Error; err != nil {
			return err
		}
	}
	return nil
}

// ackedByAll is the highest of this laptop's batches that every other enrolled, not revoked
// laptop has applied (0 when one has applied none or is unknown).
func (e *Engine) ackedByAll(tx *gorm.DB) (uint64, error) {
	r, err := e.roster(tx)
	if err != nil || r == nil {
		return 0, err
	}
	min := e.local.NextSeq - 1
	for _, m := range r.Members {
		if m.Laptop == e.local.LaptopID || m.RevokedFrom != 0 {
			continue
		}
		var seq uint64
		res := tx.Raw(`SELECT seq FROM sync_acks WHERE laptop = ? AND of = ?`, m.Laptop, e.local.LaptopID).Scan(&seq)
		if res.Error != nil {
			return 0, res.Error
		}
		if seq < min {
			min = seq
		}
	}
	return min, nil
}

// heartbeatAfter is how long a laptop that writes nothing waits before it publishes an empty
// batch, so that the others learn what it has applied and can tidy the folder.
var heartbeatAfter = 12 * time.Hour

// heartbeat publishes an empty batch when this laptop has applied batches since it last
// published and has been quiet for a while.
func (e *Engine) heartbeat(ctx context.Context) error {
	last, err := time.Parse(time.RFC3339Nano, e.local.LastPublish)
	if err == nil && e.now().Sub(last) < heartbeatAfter {
		return nil
	}
	db := e.db.WithContext(ctx)
	vector, err := appliedVector(db)
	if err != nil || len(vector) == 0 {
		return err
	}
	var acked int64
	// Only batches with changes call for one: acknowledging a heartbeat with a heartbeat
	// would never end.
	if err := db.Raw(`SELECT COUNT(*) FROM sync_applied a WHERE a.content > COALESCE((SELECT seq FROM sync_acks k
		WHERE k.laptop = ? AND k.of = a.laptop), 0)`, e.local.LaptopID).Scan(&acked).Error; err != nil || acked == 0 {
		return err
	}
	_, _, err = e.publishBatch(ctx, true)
	if errors.Is(err, errNoTeamKey) {
		return nil
	}
	return err
}

// compact removes this laptop's own files that no one needs any more: batches every member
// has applied and a lead's snapshot covers, snapshots older than the newest, and the key
// files of citizens deleted at the end of retention once every member has applied every
// batch that used them. The laptop then also forgets those citizens' keys.
func (e *Engine) compact(ctx context.Context) error {
	db := e.db.WithContext(ctx)
	var pending int64
	if err := db.Raw(`SELECT COUNT(*) FROM sync_outbox`).Scan(&pending).Error; err != nil || pending > 0 {
		return err // a deletion not yet published must still be published with its keys
	}
	acked, err := e.ackedByAll(db)
	if err != nil {
		return err
	}
	if err := e.shred(ctx); err != nil {
		return err
	}
	entries, _, err := e.folder.List()
	if err != nil {
		return err
	}
	covered, err := e.coveredBySnapshot(db, entries)
	if err != nil {
		return err
	}
	// The newest batch of this laptop always stays: it is the laptop's own signed word on how
	// far it has published, which a database put back from an older copy is measured against
	// (ErrRestored) even when everything before it is tidied away.
	upTo := min(acked, covered)
	if e.local.NextSeq >= 2 {
		upTo = min(upTo, e.local.NextSeq-2)
	} else {
		upTo = 0
	}
	var newestSnap uint64
	for _, en := range entries {
		if en.Laptop == e.local.LaptopID && en.Kind == "snapshot" && en.Seq > newestSnap {
			newestSnap = en.Seq
		}
	}
	for _, en := range entries {
		if en.Laptop != e.local.LaptopID {
			continue
		}
		drop := (en.Kind == "batch" && en.Seq <= upTo) || (en.Kind == "snapshot" && en.Seq < newestSnap && en.Seq <= acked)
		if drop {
			if err := e.folder.RemoveOwn(en.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// coveredBySnapshot is how far the newest snapshot of a lead laptop covers this laptop's
// batches (a joining laptop starts from such a snapshot); entries is the folder as listed.
func (e *Engine) coveredBySnapshot(tx *gorm.DB, entries []teamfolder.Entry) (uint64, error) {
	r, err := e.roster(tx)
	if err != nil || r == nil {
		return 0, err
	}
	if r.canLead(e.local.LaptopID) {
		// Our own snapshots cover our own batches up to their number.
		var best uint64
		for _, en := range entries {
			if en.Laptop == e.local.LaptopID && en.Kind == "snapshot" && en.Seq > best {
				best = en.Seq
			}
		}
		return best, nil
	}
	var seq uint64
	// Another lead's snapshot covers our batches as far as its writer had applied them when
	// it wrote it; its later batches acknowledge at least that much.
	for _, m := range r.Members {
		if m.Laptop == e.local.LaptopID || !r.canLead(m.Laptop) {
			continue
		}
		var s uint64
		tx.Raw(`SELECT seq FROM sync_acks WHERE laptop = ? AND of = ?`, m.Laptop, e.local.LaptopID).Scan(&s)
		if s > seq && hasSnapshotOf(entries, m.Laptop) {
			seq = s
		}
	}
	return seq, nil
}

// hasSnapshotOf says whether a laptop has a snapshot in the folder as listed.
func hasSnapshotOf(entries []teamfolder.Entry, laptop string) bool {
	for _, en := range entries {
		if en.Laptop == laptop && en.Kind == "snapshot" {
			return true
		}
	}
	return false
}

// shred forgets the keys of citizens deleted at the end of retention (once the deletion is
// published) and removes this laptop's key file of each: the citizen's parts of the files
// left in the folder, its backups and its version history can no longer be opened.
func (e *Engine) shred(ctx context.Context) error {
	db := e.db.WithContext(ctx)
	var rows []struct {
		Laptop  string
		Citizen string
		LastSeq uint64
	}
	if err := db.Raw(`SELECT k.laptop, k.citizen, k.last_seq FROM sync_data_keys k
		JOIN sync_ids s ON s.uid = k.citizen AND s.deleted = 1`).Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		if r.Laptop == e.local.LaptopID {
			// A laptop that has not applied an older batch with the citizen's part yet skips
			// it: it finds the deletion in a later batch (see deletedAhead).
			if err := e.folder.RemoveOwn(teamfolder.KeyName(r.Citizen)); err != nil {
				return err
			}
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(`DELETE FROM sync_data_keys WHERE laptop = ? AND citizen = ?`, r.Laptop, r.Citizen).Error; err != nil {
				return err
			}
			return tx.Exec(`INSERT OR IGNORE INTO sync_shredded(citizen, at) VALUES (?, ?)`, r.Citizen, stamp(e.now())).Error
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// snapshotEvery is how many new batches (applied and own) make a lead laptop write a new
// snapshot, so that a laptop that joins has little to apply after it.
var snapshotEvery uint64 = 500

// tidy runs after a pass: a heartbeat when due, a new snapshot on a lead laptop when enough
// happened since the last, and the removal of what no one needs.
func (e *Engine) tidy(ctx context.Context) error {
	if err := e.heartbeat(ctx); err != nil {
		return err
	}
	db := e.db.WithContext(ctx)
	r, err := e.roster(db)
	if err != nil {
		return err
	}
	if r != nil && r.canLead(e.local.LaptopID) {
		var known, mark uint64
		if err := db.Raw(`SELECT COALESCE(SUM(seq), 0) FROM sync_applied`).Scan(&known).Error; err != nil {
			return err
		}
		known += e.local.NextSeq - 1
		if err := db.Raw(`SELECT snap_mark FROM sync_local WHERE id = 1`).Scan(&mark).Error; err != nil {
			return err
		}
		if known >= mark+snapshotEvery {
			if err := e.writeSnapshot(ctx); err != nil {
				return err
			}
			if err := db.Exec(`UPDATE sync_local SET snap_mark = ? WHERE id = 1`, known).Error; err != nil {
				return err
			}
		}
	}
	return e.compact(ctx)
}
