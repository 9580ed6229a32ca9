package teamsync

import (
	"strings"

	"gorm.io/gorm"
)

// pendingAudit reads this laptop's audit entries after id `after`, with their references
// as team-wide ids.
func (e *Engine) pendingAudit(tx *gorm.DB, after uint, limit int) ([]auditEntry, error) {
	var rows []struct {
		ID         uint
		At         string
		WorkerID   uint
		WorkerName string
		Action     string
		Object     string
		CitizenID  uint
		CourseID   uint
		Detail     string
		PrevHash   string
		Hash       string
	}
	err := tx.Raw(`SELECT id, at, worker_id, worker_name, action, object, citizen_id, course_id, detail, prev_hash, hash
		FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, after, limit).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]auditEntry, 0, len(rows))
	for _, r := range rows {
		a := auditEntry{ID: r.ID, At: r.At, WorkerName: r.WorkerName, Action: r.Action, Object: r.Object,
			Detail: r.Detail, PrevHash: r.PrevHash, Hash: r.Hash}
		if a.Worker, err = uidOf(tx, "workers", r.WorkerID); err != nil {
			return nil, err
		}
		if a.Citizen, err = uidOf(tx, "citizens", r.CitizenID); err != nil {
			return nil, err
		}
		if a.Course, err = uidOf(tx, "courses", r.CourseID); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// uidOf is the team-wide id of a local row ("" for none or id 0).
func uidOf(tx *gorm.DB, table string, id uint) (string, error) {
	if id == 0 {
		return "", nil
	}
	var uid string
	err := tx.Raw(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, table, id).Scan(&uid).Error
	return uid, err
}

// lastAudit is the head of the chain after publishing entries.
func lastAudit(entries []auditEntry) (auditHead, bool) {
	if len(entries) == 0 {
		return auditHead{}, false
	}
	last := entries[len(entries)-1]
	return auditHead{ID: last.ID, Hash: last.Hash}, true
}

// auditHead is the current head of this laptop's audit chain.
func (e *Engine) auditHead(tx *gorm.DB) (auditHead, error) {
	var h auditHead
	err := tx.Raw(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&h).Error
	return h, err
}

// storeRemoteAudit keeps other laptops' audit entries; an entry seen before, and this
// laptop's own entries coming back in a snapshot, are skipped. An entry under a number the
// laptop's chain here already holds with other content is a rewritten log: the entry held
// stays where it is and the other one is kept beside it, under the laptop's id marked
// rewritten (the first of each number), for the team lead's check to report
// (RemoteChain.Rewritten). Only a laptop id can be an entry's origin.
func storeRemoteAudit(tx *gorm.DB, me, laptop string, entries []auditEntry) error {
	for _, a := range entries {
		origin := laptop
		if a.Laptop != "" {
			origin = a.Laptop
		}
		// A lead's snapshot carries the entries it kept aside as rewritten under the same
		// marked key (only a snapshot names a laptop: applyBatch refuses it in a batch).
		origin, aside := strings.CutSuffix(origin, rewrittenMark)
		if origin == me {
			continue
		}
		if !isHexID(origin) {
			return errSkip{"refused: an audit entry of no laptop"}
		}
		if aside {
			if err := insertRemoteAudit(tx, origin+rewrittenMark, a).Error; err != nil {
				return err
			}
			continue
		}
		res := insertRemoteAudit(tx, origin, a)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 1 {
			continue
		}
		var held string
		if err := tx.Raw(`SELECT hash FROM audit_remote WHERE laptop = ? AND origin_id = ?`, origin, a.ID).Scan(&held).Error; err != nil {
			return err
		}
		if held != a.Hash {
			if err := insertRemoteAudit(tx, origin+rewrittenMark, a).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// rewrittenMark follows a laptop's id where the entries it sent under numbers already held
// with other content are kept.
const rewrittenMark = "!rewritten"

// insertRemoteAudit keeps one entry under key; an entry whose place is taken is left
// (RowsAffected 0).
func insertRemoteAudit(tx *gorm.DB, key string, a auditEntry) *gorm.DB {
	return tx.Exec(`INSERT OR IGNORE INTO audit_remote(laptop, origin_id, at, worker_uid, worker_name, action, object,
		citizen_uid, course_uid, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		key, a.ID, a.At, a.Worker, a.WorkerName, a.Action, a.Object, a.Citizen, a.Course, a.Detail,
		a.PrevHash, a.Hash)
}
