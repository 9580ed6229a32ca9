package service

import (
	"context"
	"strconv"
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// The computer filter of the audit list: this laptop's own log (the default, and all there
// is on a laptop in no team), every laptop of the team, or one named laptop (its id).
const (
	ComputerThis = "this"
	ComputerAll  = "all"
)

// AuditComputerDTO is a laptop of the team as the audit page names it.
type AuditComputerDTO struct {
	Laptop string `json:"laptop"`
	Label  string `json:"label"` // the name the team lead gave it; "" when none was given
	This   bool   `json:"this"`  // the laptop the page runs on
}

// computerLabels are the team's laptops (this one first) and their labels by laptop id.
type computerLabels struct {
	list   []AuditComputerDTO
	label  map[string]string
	self   string
	inTeam bool
}

// teamComputers reads the newest roster's laptops: nothing on a laptop in no team.
func teamComputers(ctx context.Context, st *store.Store) (computerLabels, error) {
	cs, err := teamsync.Computers(ctx, st.Gorm())
	if err != nil {
		return computerLabels{}, domain.Wrap(domain.CodeInternal, "team computers", err)
	}
	out := computerLabels{list: []AuditComputerDTO{}, label: map[string]string{}}
	for _, c := range cs {
		out.list = append(out.list, AuditComputerDTO{Laptop: c.Laptop, Label: c.Label, This: c.This})
		out.label[c.Laptop] = c.Label
		if c.This {
			out.self, out.inTeam = c.Laptop, true
		}
	}
	return out, nil
}

// computerOf checks the filter's computer: "" for this laptop only, ComputerAll, or the id
// of another laptop of the team. On a laptop in no team "all" is this laptop's own log.
func (c computerLabels) computerOf(p *domain.Problems, v string) string {
	switch {
	case v == "" || v == ComputerThis || (c.inTeam && v == c.self) || (v == ComputerAll && !c.inTeam):
		return "" // every computer of a laptop in no team is this one
	case v == ComputerAll && c.inTeam:
		return ComputerAll
	case c.inTeam:
		if _, ok := c.label[v]; ok {
			return v
		}
	}
	p.Add("computer", domain.CodeInvalidChoice)
	return ""
}

// auditCursor is where the next page of a listing across computers starts: before this
// laptop's entry Local (0: from the newest) and before the other laptops' entry Remote
// (nil: from the newest). Each log is read in its own order and the two are merged by time,
// so no entry is shown twice or skipped, whatever the clocks did.
type auditCursor struct {
	Local  uint
	Remote *store.RemoteAuditKey
}

func (c auditCursor) String() string {
	s := strconv.FormatUint(uint64(c.Local), 10)
	if c.Remote != nil {
		s += "/" + c.Remote.At + "/" + c.Remote.Laptop + "/" + strconv.FormatUint(uint64(c.Remote.OriginID), 10)
	}
	return s
}

// parseCursor reads AuditPageDTO.Next back.
func parseCursor(p *domain.Problems, v string) auditCursor {
	if v == "" {
		return auditCursor{}
	}
	parts := strings.Split(v, "/")
	local, err := strconv.ParseUint(parts[0], 10, 63)
	if err != nil || (len(parts) != 1 && len(parts) != 4) {
		p.Add("cursor", domain.CodeInvalidInput)
		return auditCursor{}
	}
	c := auditCursor{Local: uint(local)}
	if len(parts) == 4 {
		id, err := strconv.ParseUint(parts[3], 10, 63)
		if err != nil || parts[1] == "" || parts[2] == "" {
			p.Add("cursor", domain.CodeInvalidInput)
			return auditCursor{}
		}
		c.Remote = &store.RemoteAuditKey{At: parts[1], Laptop: parts[2], OriginID: uint(id)}
	}
	return c
}

// listTeam is List across computers: this laptop's entries (unless one other laptop is
// chosen) and the other laptops' entries held here, merged newest first.
func (s *AuditService) listTeam(ctx context.Context, st *store.Store, f store.FindAudit, computer string,
	cur auditCursor, limit int, cl computerLabels) ([]AuditEntryDTO, string, bool, error) {
	var local []store.AuditEntry
	var err error
	if computer == ComputerAll {
		f.Before = cur.Local
		if local, err = st.ListAudit(ctx, f); err != nil {
			return nil, "", false, err
		}
	}
	rf := store.FindRemoteAudit{CitizenID: f.CitizenID, WorkerID: f.WorkerID, Action: f.Action, From: f.From,
		To: f.To, Before: cur.Remote, Limit: f.Limit}
	if computer != ComputerAll {
		rf.Laptop = computer
	}
	remote, err := st.ListRemoteAudit(ctx, rf)
	if err != nil {
		return nil, "", false, err
	}
	names, err := st.CitizenNames(ctx)
	if err != nil {
		return nil, "", false, err
	}
	out := make([]AuditEntryDTO, 0, limit)
	i, j := 0, 0
	for len(out) < limit && (i < len(local) || j < len(remote)) {
		if j >= len(remote) || (i < len(local) && local[i].At >= remote[j].At) {
			e := auditEntryDTO(&local[i], names)
			e.Laptop, e.Computer = cl.self, cl.label[cl.self]
			out = append(out, e)
			cur.Local = local[i].ID
			i++
			continue
		}
		r := &remote[j]
		out = append(out, remoteEntryDTO(r, names, cl.label[r.Laptop]))
		cur.Remote = &store.RemoteAuditKey{At: r.At, Laptop: r.Laptop, OriginID: r.OriginID}
		j++
	}
	more := i < len(local) || j < len(remote)
	if !more {
		return out, "", false, nil
	}
	return out, cur.String(), true, nil
}

// remoteEntryDTO is another laptop's entry as the team lead reads it: the references mapped to
// this laptop's rows, and the computer it was logged on.
func remoteEntryDTO(r *store.RemoteAuditEntry, names map[uint]string, label string) AuditEntryDTO {
	e := auditEntryDTO(&store.AuditEntry{ID: r.OriginID, At: r.At, WorkerID: r.WorkerID, WorkerName: r.WorkerName,
		Action: r.Action, Object: r.Object, CitizenID: r.CitizenID, CourseID: r.CourseID, Detail: r.Detail}, names)
	e.Laptop, e.Computer = r.Laptop, label
	return e
}
