package teamsync

import (
	"errors"

	"gorm.io/gorm"

	"icm/backend/syncstore"
	"icm/backend/teamfolder"
)

// adoptOrphans takes this laptop's own batches that are in the folder although the
// transaction recording them never committed (the app was killed, the power went, between
// the file's rename into place and the commit) as published. The other laptops apply such
// a batch like any other, so its stamps become the clocks of the rows it names here, as its
// commit would have made them, and the clock moves past its stamps. Its changes are still
// in the outbox and go out again under the next number, now based on those stamps: the
// readers write the same values again and keep nothing as a value that lost. Without this
// they kept the batch's values as conflicts that the writing laptop never had, and a clock
// that restarted behind the batch's stamps made the changes after it look applied before.
// A batch that does not open here is numbered past, and only the clock moves past it. One
// that was not written from this database as it is means the database was put back from an
// older copy (errRestored).
func (e *Engine) adoptOrphans(tx *gorm.DB, orphans []teamfolder.Entry) error {
	for _, en := range orphans {
		data, err := e.folder.Read(en)
		if err != nil {
			continue
		}
		h, payload, err := e.openFile(tx, data)
		if err != nil || h.Kind != teamfolder.KindBatch || h.Laptop != e.local.LaptopID || h.Seq != en.Seq || h.Name != en.Name {
			continue
		}
		b, err := decodeBatch(payload)
		if err != nil {
			continue
		}
		// The other laptops skip a change of this laptop that is not newer than its
		// batches they applied: the clock goes past each of them, adopted or not.
		e.clock.Observe(b.MaxHLC)
		if ours, err := writtenFromHere(tx, b); err != nil {
			return err
		} else if !ours {
			return ErrRestored
		}
		changes, ok, err := e.ownChanges(tx, en.Seq, b)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := syncstore.Stamp(tx, changes, 0); err != nil {
			return err
		}
	}
	return nil
}

// ownChanges opens the changes of one of this laptop's own batches whose rows are still
// here to be stamped (a row deleted since, before its delete went out, leaves no trace);
// ok is false when a citizen's part does not open.
func (e *Engine) ownChanges(tx *gorm.DB, seq uint64, b *batch) (_ []syncstore.Change, ok bool, _ error) {
	all := append([]syncstore.Change(nil), b.Team...)
	for _, s := range b.Citizens {
		if shredded, err := isShredded(tx, s.Citizen); err != nil {
			return nil, false, err
		} else if shredded {
			continue
		}
		key, err := e.remoteDataKey(tx, e.local.LaptopID, s.Citizen)
		var skip errSkip
		if errors.Is(err, errWaitKey) || errors.As(err, &skip) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		sec, err := openSection(key, sectionAD(e.local.LaptopID, "batch", seq, s.Citizen), s.Sealed, s.Citizen)
		if err != nil {
			return nil, false, nil
		}
		all = append(all, sec.Changes...)
	}
	kept := all[:0]
	for _, c := range all {
		if c.Op != syncstore.OpPut {
			continue // a delete's tombstone is here already
		}
		var n int64
		if err := tx.Raw(`SELECT COUNT(*) FROM sync_ids WHERE uid = ? AND tbl = ?`, c.UID, c.Table).Scan(&n).Error; err != nil {
			return nil, false, err
		}
		if n > 0 {
			kept = append(kept, c)
		}
	}
	return kept, true, nil
}

// writtenFromHere reports whether one of this laptop's own batches was written from this
// database's history: the audit entry it names as the head of the chain is here with the
// same hash, and it depends on no batch not applied here. A batch of the killed
// transaction always is (both were committed before it was written, and neither goes
// back); a later batch of an older copy of the database is not.
func writtenFromHere(tx *gorm.DB, b *batch) (bool, error) {
	vector, err := appliedVector(tx)
	if err != nil {
		return false, err
	}
	for l, s := range b.Deps {
		if vector[l] < s {
			return false, nil
		}
	}
	if b.AuditHead.ID == 0 {
		return true, nil
	}
	var hash string
	res := tx.Raw(`SELECT hash FROM audit_log WHERE id = ?`, b.AuditHead.ID).Scan(&hash)
	if res.Error != nil {
		return false, res.Error
	}
	return res.RowsAffected == 1 && hash == b.AuditHead.Hash, nil
}
