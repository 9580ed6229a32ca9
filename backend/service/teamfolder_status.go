package service

import (
	"context"
	"sort"
	"strconv"
	"time"

	"icm/backend/teamsync"
)

// Status is where this laptop stands with its team folder: the shell's indicator and the
// sync page. Any signed-in worker may read it; the team's code only a team lead.
func (s *TeamFolderService) Status() (TeamFolderStatusDTO, error) {
	if _, err := s.ready(); err != nil {
		return TeamFolderStatusDTO{}, err
	}
	st, err := s.status(s.ctx())
	if err != nil {
		return st, err
	}
	if a, _ := s.actor(); !a.IsLead() {
		st.TeamCode = ""
	}
	return st, nil
}

// JoinStatus is what the first-start screen shows while a new laptop waits to be enrolled
// and loads the team's data. It needs no sign-in (nobody can sign in yet) and says nothing
// of the team: the state, this laptop's code and the progress.
func (s *TeamFolderService) JoinStatus() (JoinStatusDTO, error) {
	if err := s.beforeSignIn(); err != nil {
		return JoinStatusDTO{}, err
	}
	st, err := s.status(context.Background())
	if err != nil {
		return JoinStatusDTO{}, err
	}
	return JoinStatusDTO{State: st.State, LaptopCode: st.LaptopCode, Progress: st.Progress}, nil
}

// status builds the whole status; callers decide what of it the caller may see.
func (s *TeamFolderService) status(ctx context.Context) (TeamFolderStatusDTO, error) {
	s.mu.Lock()
	e, openErr, founding := s.engine, s.openErr, s.founding
	var progress *SyncProgressDTO
	if s.progress != nil {
		p := *s.progress
		progress = &p
	}
	s.mu.Unlock()
	out := TeamFolderStatusDTO{State: SyncNone, Laptops: []TeamLaptopDTO{}, Problems: []SyncProblemDTO{}, Progress: progress}
	if e == nil {
		switch {
		case founding:
			out.State = SyncLoading
		case openErr != "":
			out.State = SyncOffline
			out.Problems = append(out.Problems, SyncProblemDTO{Code: openErr, Params: map[string]string{}})
		}
		return out, nil
	}
	if progress != nil {
		// The first load holds the engine for a minute or more: its status waits.
		out.State, out.LaptopCode = SyncLoading, e.Fingerprint()
		return out, nil
	}
	st, err := e.Status(ctx)
	if err != nil {
		return out, err
	}
	out.Folder, out.LaptopCode, out.TeamCode, out.Lead, out.Pending = st.Folder, st.Fingerprint, st.TeamCode, st.Lead, st.Pending
	out.LastSync = isoStamp(st.LastApply)
	laptops, err := s.laptops(ctx, st)
	if err != nil {
		return out, err
	}
	out.Laptops = laptops
	out.Problems = s.problems(st, laptops)
	out.State = syncState(st, progress != nil || founding, len(out.Problems) > 0)
	return out, nil
}

// syncState is the indicator's state, the most urgent first.
func syncState(st teamsync.Status, loading, problems bool) string {
	switch {
	case st.Restored:
		return SyncProblem
	case st.Revoked:
		return SyncRevoked
	case loading:
		return SyncLoading
	case !st.Enrolled:
		return SyncWaiting
	case st.LastError == teamsync.ErrorFolder:
		return SyncOffline
	case problems:
		return SyncProblem
	case st.Pending > 0:
		return SyncSending
	}
	return SyncOK
}

// laptops lists the roster's laptops with their workers as this laptop knows them.
func (s *TeamFolderService) laptops(ctx context.Context, st teamsync.Status) ([]TeamLaptopDTO, error) {
	out := make([]TeamLaptopDTO, 0, len(st.Roster))
	db := s.deps.Store.Gorm().WithContext(ctx)
	for _, m := range st.Roster {
		d := TeamLaptopDTO{Laptop: m.Laptop, Label: m.Label, Lead: m.Lead, Revoked: m.RevokedFrom != 0, This: m.Laptop == st.LaptopID}
		var w struct {
			ID   uint
			Name string
		}
		if err := db.Raw(`SELECT w.id, w.name FROM sync_ids s JOIN workers w ON w.id = s.row_id
			WHERE s.tbl = 'workers' AND s.uid = ? AND s.deleted = 0`, m.Worker).Scan(&w).Error; err != nil {
			return nil, err
		}
		d.WorkerID, d.WorkerName = w.ID, w.Name
		if t, ok := st.LastSeen[m.Laptop]; ok {
			d.LastSeen = t.UTC().Format(time.RFC3339)
		}
		if d.This {
			d.LastSeen = isoStamp(st.LastPublish)
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].This != out[j].This {
			return out[i].This
		}
		return out[i].Label < out[j].Label
	})
	return out, nil
}

// problems turns the engine's status into coded problems the UI explains with advice.
func (s *TeamFolderService) problems(st teamsync.Status, laptops []TeamLaptopDTO) []SyncProblemDTO {
	out := []SyncProblemDTO{}
	add := func(code string, kv ...string) {
		p := SyncProblemDTO{Code: code, Params: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			p.Params[kv[i]] = kv[i+1]
		}
		out = append(out, p)
	}
	if st.Restored {
		add("restored")
	}
	if st.Revoked {
		add("revoked")
	}
	if st.LastError != "" {
		add(st.LastError)
	}
	label := map[string]string{}
	for _, l := range laptops {
		label[l.Laptop] = l.Label
		if l.This || l.Revoked || l.LastSeen == "" {
			continue
		}
		if seen, err := time.Parse(time.RFC3339, l.LastSeen); err == nil {
			if days := int(s.now().Sub(seen).Hours() / 24); days > notSeenDays {
				add("laptop_not_seen", "label", l.Label, "days", strconv.Itoa(days), "seen", l.LastSeen)
			}
		}
	}
	for _, p := range st.Waiting {
		kind := p.Kind()
		if kind == teamsync.ProblemWaiting {
			// Files wait for one another all the time; only a long wait is worth telling.
			first, err := time.Parse(time.RFC3339Nano, p.FirstSeen)
			if err != nil || s.now().Sub(first) < time.Hour {
				continue
			}
		}
		add(kind, "label", label[p.Laptop], "count", strconv.Itoa(p.Count), "since", isoStamp(p.FirstSeen))
	}
	if st.Refused > 0 {
		add("changes_refused", "count", strconv.FormatInt(st.Refused, 10))
	}
	return out
}

// isoStamp turns one of the engine's stamps into the ISO time the UI formats ("" stays "").
func isoStamp(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
