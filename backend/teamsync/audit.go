package teamsync

import (
	"fmt"
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
// laptop's own entries coming back in a snapshot, are skipped. A laptop whose database was
// put back from an older copy (a restore) writes its next entries under numbers it had used
// before: those are kept as a chain of their own, a fork (chainFor), never dropped, so the
// team lead sees both what the laptop wrote before the restore and what it wrote after.
func storeRemoteAudit(tx *gorm.DB, me, laptop string, entries []auditEntry) error {
	forked := map[string]bool{} // per origin: whether its log has forks here (read once)
	for _, a := range entries {
		origin := laptop
		if a.Laptop != "" {
			origin = a.Laptop
		}
		if origin == me || strings.HasPrefix(origin, me+forkSep) {
			continue
		}
		f, seen := forked[origin]
		if !seen {
			f = hasForks(tx, origin)
			forked[origin] = f
		}
		if !f {
			// The common case, one chain: the entry goes there unless its number is taken.
			res := insertRemoteAudit(tx, origin, a)
			if res.Error != nil || res.RowsAffected == 1 {
				if res.Error != nil {
					return res.Error
				}
				continue
			}
		}
		key, err := chainFor(tx, origin, a)
		if err != nil {
			return err
		}
		if key == "" {
			continue // held already
		}
		if key != origin {
			forked[origin] = true
		}
		if err := insertRemoteAudit(tx, key, a).Error; err != nil {
			return err
		}
	}
	return nil
}

// insertRemoteAudit keeps one entry in the chain key (a laptop, or a fork of its log); an
// entry whose place is taken is left (RowsAffected 0).
func insertRemoteAudit(tx *gorm.DB, key string, a auditEntry) *gorm.DB {
	return tx.Exec(`INSERT OR IGNORE INTO audit_remote(laptop, origin_id, at, worker_uid, worker_name, action, object,
		citizen_uid, course_uid, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		key, a.ID, a.At, a.Worker, a.WorkerName, a.Action, a.Object, a.Citizen, a.Course, a.Detail,
		a.PrevHash, a.Hash)
}

// forkSep joins a laptop's id and the number of a fork of its audit log: "<laptop>.2" is
// the chain it wrote after its first restore.
const forkSep = "."

// hasForks says whether the laptop's audit log has forks here.
func hasForks(tx *gorm.DB, origin string) bool {
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM (SELECT 1 FROM audit_remote WHERE laptop > ? AND laptop < ? LIMIT 1)`,
		origin+forkSep, origin+forkSep+"\xff").Scan(&n)
	return n > 0
}

// chainFor is the chain of origin's log an entry belongs to ("" when it is held already):
// the one whose entry before it is the one it links to and whose place for it is free, the
// main chain while its number is free there, else a new fork (the laptop's log was put back).
func chainFor(tx *gorm.DB, origin string, a auditEntry) (string, error) {
	var rows []struct {
		Laptop   string
		OriginID uint
		Hash     string
	}
	err := tx.Raw(`SELECT laptop, origin_id, hash FROM audit_remote
		WHERE (laptop = ? OR (laptop > ? AND laptop < ?)) AND origin_id IN (?, ?)`,
		origin, origin+forkSep, origin+forkSep+"\xff", a.ID, a.ID-1).Scan(&rows).Error
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	forks := map[string]bool{origin: true}
	for _, r := range rows {
		forks[r.Laptop] = true
		if r.OriginID == a.ID {
			if r.Hash == a.Hash {
				return "", nil
			}
			taken[r.Laptop] = true
		}
	}
	for _, r := range rows {
		if r.OriginID == a.ID-1 && r.Hash == a.PrevHash && !taken[r.Laptop] {
			return r.Laptop, nil
		}
	}
	if !taken[origin] {
		return origin, nil
	}
	var n int64
	if err := tx.Raw(`SELECT COUNT(DISTINCT laptop) FROM audit_remote WHERE laptop > ? AND laptop < ?`,
		origin+forkSep, origin+forkSep+"\xff").Scan(&n).Error; err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%s%d", origin, forkSep, n+2), nil
}
