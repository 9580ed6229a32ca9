package store

import (
	"context"
	"strings"
)

// RemoteAuditEntry is an entry of another laptop's audit log as this laptop holds it
// (audit_remote), with its references mapped to this database's rows (0 where the row is not
// here: a citizen deleted at the end of retention, or no reference).
type RemoteAuditEntry struct {
	Laptop     string
	OriginID   uint // the entry's number in its own laptop's chain
	At         string
	WorkerUID  string
	WorkerName string
	Action     string
	Object     string
	CitizenUID string
	CourseUID  string
	Detail     string
	PrevHash   string
	Hash       string
	WorkerID   uint
	CitizenID  uint
	CourseID   uint
}

// FindRemoteAudit filters ListRemoteAudit; zero fields do not filter. The entries a laptop
// sent under numbers already held with other content (kept under "<laptop>!rewritten") are
// never listed: RewrittenAudit shows them.
type FindRemoteAudit struct {
	Laptop    string
	CitizenID uint // a local citizen: matched through its team-wide id
	WorkerID  uint // a local worker: likewise
	Action    string
	From, To  string // UTC times in the log's format: From inclusive, To exclusive
	// Before pages backwards: only entries that sort before this one (newest first by time,
	// then laptop, then number).
	Before *RemoteAuditKey
	Limit  int
}

// RemoteAuditKey is the place of an entry in the newest-first order of ListRemoteAudit.
type RemoteAuditKey struct {
	At       string
	Laptop   string
	OriginID uint
}

// remoteAuditCols reads an entry with its references mapped through sync_ids.
const remoteAuditCols = `SELECT r.laptop, r.origin_id, r.at, r.worker_uid, r.worker_name, r.action, r.object,
	r.citizen_uid, r.course_uid, r.detail, r.prev_hash, r.hash,
	COALESCE(w.row_id, 0) AS worker_id, COALESCE(c.row_id, 0) AS citizen_id, COALESCE(k.row_id, 0) AS course_id
	FROM audit_remote r
	LEFT JOIN sync_ids w ON r.worker_uid <> '' AND w.uid = r.worker_uid AND w.tbl = 'workers'
	LEFT JOIN sync_ids c ON r.citizen_uid <> '' AND c.uid = r.citizen_uid AND c.tbl = 'citizens'
	LEFT JOIN sync_ids k ON r.course_uid <> '' AND k.uid = r.course_uid AND k.tbl = 'courses'`

// ListRemoteAudit returns the other laptops' entries held here, newest first.
func (s *Store) ListRemoteAudit(ctx context.Context, f FindRemoteAudit) ([]RemoteAuditEntry, error) {
	q, args := remoteAuditQuery(f)
	var out []RemoteAuditEntry
	return out, storageErr(s.db.WithContext(ctx).Raw(q, args...).Scan(&out).Error)
}

// remoteAuditQuery is ListRemoteAudit's statement. The entries kept aside as rewritten sit
// under "<laptop>!rewritten" (teamsync's rewrittenMark); a laptop id has no "!".
func remoteAuditQuery(f FindRemoteAudit) (string, []any) {
	where := []string{"instr(r.laptop, '!') = 0"}
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.Laptop != "" {
		add("r.laptop = ?", f.Laptop)
	}
	if f.CitizenID != 0 {
		add("r.citizen_uid = (SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = ?)", f.CitizenID)
	}
	if f.WorkerID != 0 {
		add("r.worker_uid = (SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = ?)", f.WorkerID)
	}
	if f.Action != "" {
		add("r.action = ?", f.Action)
	}
	if f.From != "" {
		add("r.at >= ?", f.From)
	}
	if f.To != "" {
		add("r.at < ?", f.To)
	}
	if f.Before != nil {
		add("(r.at, r.laptop, r.origin_id) < (?, ?, ?)", f.Before.At, f.Before.Laptop, f.Before.OriginID)
	}
	q := remoteAuditCols + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY r.at DESC, r.laptop DESC, r.origin_id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return q, args
}

// RewrittenAudit returns, for one other laptop, the entries it sent under numbers already
// held with other content (kept aside) and the entries held under those numbers, both in
// number order.
func (s *Store) RewrittenAudit(ctx context.Context, laptop string) (held, rewritten []RemoteAuditEntry, err error) {
	db := s.db.WithContext(ctx)
	if err := db.Raw(remoteAuditCols+` WHERE r.laptop = ? ORDER BY r.origin_id`, laptop+"!rewritten").
		Scan(&rewritten).Error; err != nil {
		return nil, nil, storageErr(err)
	}
	err = db.Raw(remoteAuditCols+` WHERE r.laptop = ? AND r.origin_id IN
		(SELECT origin_id FROM audit_remote WHERE laptop = ?) ORDER BY r.origin_id`, laptop, laptop+"!rewritten").
		Scan(&held).Error
	return held, rewritten, storageErr(err)
}

// RemoteAuditAt is the time of another laptop's entry held here ("" when it is not held).
func (s *Store) RemoteAuditAt(ctx context.Context, laptop string, originID uint) (string, error) {
	var at string
	err := s.db.WithContext(ctx).Raw(`SELECT at FROM audit_remote WHERE laptop = ? AND origin_id = ?`, laptop, originID).
		Scan(&at).Error
	return at, storageErr(err)
}
