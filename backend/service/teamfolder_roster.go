package service

import (
	"sort"
	"strconv"
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// JoinRequests lists the laptops that asked to join, with the codes the team lead compares.
func (s *TeamFolderService) JoinRequests() ([]JoinRequestDTO, error) {
	if _, _, err := s.leadReady(); err != nil {
		return nil, err
	}
	e, err := s.engineFor()
	if err != nil {
		return nil, err
	}
	reqs, err := e.Requests(s.ctx())
	if err != nil {
		return nil, syncError(err)
	}
	out := make([]JoinRequestDTO, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, JoinRequestDTO{Laptop: r.Laptop, Label: r.Label, Code: r.Fingerprint, Enrolled: r.Enrolled})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Enrolled != out[j].Enrolled {
			return !out[i].Enrolled
		}
		return out[i].Label < out[j].Label
	})
	return out, nil
}

// Enroll lets a laptop that asked to join in, for a worker who has an account. Whether it
// becomes a team lead's laptop follows the worker's role here, never the caller.
func (s *TeamFolderService) Enroll(in EnrollInput) ([]JoinRequestDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return nil, err
	}
	var p domain.Problems
	laptop := strings.TrimSpace(in.Laptop)
	if laptop == "" {
		p.Add("laptop", domain.CodeRequired)
	}
	if in.WorkerID == 0 {
		p.Add("workerId", domain.CodeRequired)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	e, err := s.engineFor()
	if err != nil {
		return nil, err
	}
	ctx := s.ctx()
	w, err := st.GetWorker(ctx, in.WorkerID)
	if err != nil {
		return nil, err
	}
	if !w.Active {
		var p domain.Problems
		p.Add("workerId", domain.CodeInvalidChoice)
		return nil, p.Err()
	}
	if _, err := st.GetCredential(ctx, w.ID); err != nil {
		if domain.CodeOf(err) == domain.CodeNotFound {
			var p domain.Problems
			p.Add("workerId", domain.CodeWorkerNoAccount)
			return nil, p.Err()
		}
		return nil, err
	}
	uid, err := s.workerUID(w.ID)
	if err != nil {
		return nil, err
	}
	lead := domain.Role(w.Role) == domain.RoleTeamLead
	if err := e.Enroll(ctx, laptop, uid, lead); err != nil {
		return nil, syncError(err)
	}
	if err := s.audit(st, a, AuditSetting, "team_folder", 0, 0,
		"enrolled laptop "+laptop+" for worker "+strconv.FormatUint(uint64(w.ID), 10)); err != nil {
		return nil, err
	}
	s.sendStatus()
	return s.JoinRequests()
}

// RevokeLaptop takes a lost or leaving laptop out of the team: its files not yet applied
// here are refused everywhere, and later files are sealed with a new team key it never gets.
func (s *TeamFolderService) RevokeLaptop(in LaptopInput) (TeamFolderStatusDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	e, err := s.engineFor()
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	if err := s.revoke(e, st, a, strings.TrimSpace(in.Laptop)); err != nil {
		return TeamFolderStatusDTO{}, err
	}
	s.sendStatus()
	return s.Status()
}

// RevokeWorker takes a worker who left out of the team: the worker can no longer sign in
// (made inactive, as in the team's settings, which refuses while they have open courses)
// and every laptop enrolled for them is revoked.
func (s *TeamFolderService) RevokeWorker(in IDInput) (TeamFolderStatusDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	if in.ID == a.WorkerID {
		return TeamFolderStatusDTO{}, domain.E(domain.CodeOwnLaptop, "a team lead cannot revoke themselves")
	}
	e, err := s.engineFor()
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	w, err := st.GetWorker(s.ctx(), in.ID)
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	uid, err := s.workerUID(w.ID)
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	if w.Active {
		if _, err := s.team.SaveWorker(WorkerInput{ID: w.ID, Name: w.Name, Initials: w.Initials, Role: w.Role,
			FTE: float64(w.FTEHundredths) / 100, Active: false}); err != nil {
			return TeamFolderStatusDTO{}, err
		}
	}
	status, err := e.Status(s.ctx())
	if err != nil {
		return TeamFolderStatusDTO{}, syncError(err)
	}
	for _, m := range status.Roster {
		if m.Worker == uid && m.RevokedFrom == 0 && m.Laptop != status.LaptopID {
			if err := s.revoke(e, st, a, m.Laptop); err != nil {
				return TeamFolderStatusDTO{}, err
			}
		}
	}
	s.sendStatus()
	return s.Status()
}

// revoke revokes one laptop and logs it.
func (s *TeamFolderService) revoke(e *teamsync.Engine, st *store.Store, a Actor, laptop string) error {
	if laptop == "" {
		var p domain.Problems
		p.Add("laptop", domain.CodeRequired)
		return p.Err()
	}
	if err := e.Revoke(s.ctx(), laptop, 0); err != nil {
		return syncError(err)
	}
	return s.audit(st, a, AuditSetting, "team_folder", 0, 0, "revoked laptop "+laptop)
}
