package service

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"icm/backend/auditanchor"
	"icm/backend/domain"
	"icm/backend/store"
)

// journalOf is the anchor journal beside the store's file; ok is false for a store with no
// file of its own.
func journalOf(st *store.Store) (auditanchor.Journal, bool) {
	if st.Path() == "" || st.Path() == ":memory:" {
		return auditanchor.Journal{}, false
	}
	return auditanchor.For(st.Path()), true
}

// keepAnchor adds a point of the chain to the journal beside the database. It is a second
// line of defence: a journal that cannot be written (a full disk) costs only that anchor,
// and the use that asked for it goes through.
func keepAnchor(st *store.Store, a auditanchor.Anchor) {
	j, ok := journalOf(st)
	if !ok || !a.Valid() {
		return
	}
	if prev, err := j.Read(); err == nil && len(prev) > 0 {
		last := prev[len(prev)-1]
		if last.ID == a.ID && last.Hash == a.Hash && last.Source == a.Source {
			return // nothing new since the last anchor of this kind
		}
	}
	_ = j.Append(a)
}

// headAnchor is the chain's last entry now, as an anchor from source (zero when the log is
// empty). Taken before a backup, it is a point the backup holds.
func headAnchor(ctx context.Context, st *store.Store, source string, now time.Time) (auditanchor.Anchor, error) {
	id, hash, err := st.AuditHead(ctx)
	if err != nil {
		return auditanchor.Anchor{}, err
	}
	return auditanchor.Anchor{ID: id, Hash: hash, At: now, Source: source}, nil
}

// AnchorHead keeps the chain's head in the journal: at sign-out and when the window closes,
// so that the entries of the session just ended are covered by an anchor too, and cannot be
// cut from the end of the log unseen. Like keepAnchor it never fails the caller. A function,
// not a method, so that it is not callable from the UI.
func AnchorHead(ctx context.Context, st *store.Store, source string, now time.Time) {
	if st == nil {
		return
	}
	if a, err := headAnchor(ctx, st, source, now); err == nil {
		keepAnchor(st, a)
	}
}

// compareAnchors checks the checkpoint in the database and every anchor of the journal
// against the chain and returns the oldest that no longer matches (nil: all match). A
// journal that cannot be read is no finding: the checkpoint and the walk still run.
func compareAnchors(ctx context.Context, st *store.Store, cp auditCheckpoint) (*auditanchor.Anchor, error) {
	var anchors []auditanchor.Anchor
	if j, ok := journalOf(st); ok {
		if read, err := j.Read(); err == nil {
			anchors = read
		}
	}
	if cp.ID > 0 {
		anchors = append(anchors, auditanchor.Anchor{ID: cp.ID, Hash: cp.Hash, Source: "checkpoint"})
	}
	bad, err := auditanchor.Compare(anchors, func(ids []uint) (map[uint]string, error) { return st.AuditHashes(ctx, ids) })
	if err != nil || len(bad) == 0 {
		return nil, err
	}
	return &bad[0].Anchor, nil
}

// AnchorInput is a point of the chain typed back from a printed log: the entry's number
// and its hash (spaces allowed, as printed in groups).
type AnchorInput struct {
	ID   uint   `json:"id"`
	Hash string `json:"hash"`
}

// AnchorCheckDTO says whether the chain still has the typed point.
type AnchorCheckDTO struct {
	Matches bool `json:"matches"`
	// Missing is set when the log has no entry with that number any more.
	Missing bool `json:"missing"`
}

// CheckAnchor compares a point printed on an exported log (or noted down) with the chain,
// for the team lead, and logs the comparison. The answer is not kept as an alarm: one
// mistyped digit would otherwise raise a lasting false one. A point that does not match is
// in the audit log ("anchor N differs"), and the screen tells the lead to check the digits
// and then call IT or the data protection officer.
func (s *AuditService) CheckAnchor(in AnchorInput) (AnchorCheckDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return AnchorCheckDTO{}, err
	}
	var p domain.Problems
	hash := strings.ToLower(strings.Join(strings.Fields(in.Hash), ""))
	if in.ID == 0 {
		p.Add("id", domain.CodeRequired)
	} else if in.ID > math.MaxInt64 {
		p.Add("id", domain.CodeOutOfRange, "min", "1", "max", strconv.FormatInt(math.MaxInt64, 10))
	}
	if hash == "" {
		p.Add("hash", domain.CodeRequired)
	} else if len(hash) > 200 || !(auditanchor.Anchor{ID: 1, Hash: hash}).Valid() {
		p.Add("hash", domain.CodeInvalidInput)
	}
	if err := p.Err(); err != nil {
		return AnchorCheckDTO{}, err
	}
	found, err := st.AuditHashes(s.ctx(), []uint{in.ID})
	if err != nil {
		return AnchorCheckDTO{}, err
	}
	h, ok := found[in.ID]
	out := AnchorCheckDTO{Matches: h == hash, Missing: !ok}
	detail := "anchor " + itoa(int(in.ID)) + " matches"
	if !out.Matches {
		detail = "anchor " + itoa(int(in.ID)) + " differs"
	}
	return out, s.audit(st, a, AuditVerify, "audit_log", 0, 0, detail)
}
