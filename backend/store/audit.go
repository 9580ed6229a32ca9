package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"time"

	"icm/backend/domain"
)

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID         uint `gorm:"primaryKey;autoIncrement:false"`
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

// TableName pins the table name.
func (AuditEntry) TableName() string { return "audit_log" }

// auditTime is the entries' fixed time format: UTC with nanoseconds, so the hash input
// reads back exactly as it was written.
const auditTime = "2006-01-02T15:04:05.000000000Z"

// AuditHash is the hash of an entry: SHA-256 over the previous hash and every field,
// each length-prefixed so that no two different entries give the same input.
func AuditHash(e *AuditEntry) string {
	h := sha256.New()
	for _, f := range []string{e.PrevHash, strconv.FormatUint(uint64(e.ID), 10), e.At,
		strconv.FormatUint(uint64(e.WorkerID), 10), e.WorkerName, e.Action, e.Object,
		strconv.FormatUint(uint64(e.CitizenID), 10), strconv.FormatUint(uint64(e.CourseID), 10), e.Detail} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AppendAudit adds entries at the end of the chain in one write transaction: it reads the
// last entry's id and hash inside it, so two writers cannot fork the chain.
func (s *Store) AppendAudit(ctx context.Context, at time.Time, entries ...AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if e.CitizenID > math.MaxInt64 || e.CourseID > math.MaxInt64 || e.WorkerID > math.MaxInt64 {
			return domain.E(domain.CodeNotFound, "no record has this id") // SQLite ids are signed 64-bit
		}
	}
	stamp := at.UTC().Format(auditTime)
	return s.Tx(ctx, func(tx *Store) error {
		var last AuditEntry
		res := tx.db.WithContext(ctx).Order("id DESC").Limit(1).Find(&last)
		if res.Error != nil {
			return storageErr(res.Error)
		}
		for i := range entries {
			e := &entries[i]
			e.ID, e.PrevHash, e.At = last.ID+1, last.Hash, stamp
			e.Hash = AuditHash(e)
			last = *e
		}
		return storageErr(tx.db.WithContext(ctx).CreateInBatches(entries, 200).Error)
	})
}

// FindAudit filters ListAudit; zero fields do not filter. Before pages backwards by id.
type FindAudit struct {
	CitizenID uint
	WorkerID  uint
	Action    string
	From, To  string // UTC times in the log's format: From inclusive, To exclusive
	Before    uint
	Limit     int
}

// ListAudit returns entries newest first.
func (s *Store) ListAudit(ctx context.Context, f FindAudit) ([]AuditEntry, error) {
	q := s.db.WithContext(ctx).Model(&AuditEntry{})
	if f.CitizenID != 0 {
		q = q.Where("citizen_id = ?", f.CitizenID)
	}
	if f.WorkerID != 0 {
		q = q.Where("worker_id = ?", f.WorkerID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.From != "" {
		q = q.Where("at >= ?", f.From)
	}
	if f.To != "" {
		q = q.Where("at < ?", f.To)
	}
	if f.Before != 0 {
		q = q.Where("id < ?", f.Before)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []AuditEntry
	return out, storageErr(q.Order("id DESC").Find(&out).Error)
}

// AuditCheck is the outcome of verifying the chain.
type AuditCheck struct {
	Entries  int  // entries walked and found sound
	BrokenAt uint // the first entry whose hash or link does not match; 0 when the chain holds
	LastID   uint // the last sound entry (0: none)
	LastHash string
}

// VerifyAudit walks the whole chain in id order, in pages, and stops at the first break.
func (s *Store) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	return s.verifyAuditAfter(ctx, 0, "")
}

// VerifyAuditFrom walks the chain after entry after, a checkpoint an earlier walk found
// sound with the hash prevHash. The checkpoint entry itself must still be there with that
// hash, and its hash must still match its content; when it is not (ok is false) nothing
// is walked and the caller walks the whole chain instead, which says where it breaks.
// Entries before the checkpoint are not read again: a full walk now and then covers them.
func (s *Store) VerifyAuditFrom(ctx context.Context, after uint, prevHash string) (out AuditCheck, ok bool, err error) {
	if after == 0 {
		out, err = s.VerifyAudit(ctx)
		return out, err == nil, err
	}
	if after > math.MaxInt64 {
		return out, false, nil
	}
	var cp []AuditEntry
	if err := s.db.WithContext(ctx).Where("id = ?", after).Limit(1).Find(&cp).Error; err != nil {
		return out, false, storageErr(err)
	}
	if len(cp) == 0 || cp[0].Hash != prevHash || AuditHash(&cp[0]) != prevHash {
		return out, false, nil
	}
	out, err = s.verifyAuditAfter(ctx, after, prevHash)
	return out, err == nil, err
}

func (s *Store) verifyAuditAfter(ctx context.Context, after uint, prev string) (AuditCheck, error) {
	out := AuditCheck{LastID: after, LastHash: prev}
	for {
		var page []AuditEntry
		err := s.db.WithContext(ctx).Where("id > ?", after).Order("id").Limit(5000).Find(&page).Error
		if err != nil {
			return out, storageErr(err)
		}
		for i := range page {
			e := &page[i]
			if e.ID != after+1 || e.PrevHash != prev || AuditHash(e) != e.Hash {
				out.BrokenAt = e.ID
				return out, nil
			}
			out.Entries++
			prev, after = e.Hash, e.ID
			out.LastID, out.LastHash = after, prev
		}
		if len(page) == 0 {
			return out, nil
		}
	}
}

// CitizenNames maps every citizen's id to their name, for reading the audit log.
func (s *Store) CitizenNames(ctx context.Context) (map[uint]string, error) {
	var rows []struct {
		ID   uint
		Name string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT id, name FROM citizens`).Scan(&rows).Error
	out := make(map[uint]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, storageErr(err)
}

// AuditHashes gives the stored hash of each entry asked for; ids with no entry are absent.
// The hashes are recomputed from the entries' content, so that an entry edited without its
// hash reads as changed too.
func (s *Store) AuditHashes(ctx context.Context, ids []uint) (map[uint]string, error) {
	out := make(map[uint]string, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		var rows []AuditEntry
		if err := s.db.WithContext(ctx).Where("id IN ?", ids[:n]).Find(&rows).Error; err != nil {
			return nil, storageErr(err)
		}
		for i := range rows {
			if h := AuditHash(&rows[i]); h == rows[i].Hash {
				out[rows[i].ID] = h
			} else {
				out[rows[i].ID] = "changed:" + rows[i].Hash
			}
		}
		ids = ids[n:]
	}
	return out, nil
}

// AuditHead is the last entry of the chain (zero when the log is empty).
func (s *Store) AuditHead(ctx context.Context) (id uint, hash string, err error) {
	var last []AuditEntry
	if err := s.db.WithContext(ctx).Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return 0, "", storageErr(err)
	}
	if len(last) == 0 {
		return 0, "", nil
	}
	return last[0].ID, last[0].Hash, nil
}
