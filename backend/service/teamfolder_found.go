package service

import (
	"context"
	"errors"
	"log"
	"strings"

	"icm/backend/domain"
	"icm/backend/teamfolder"
	"icm/backend/teamsync"
)

// FoundTeam makes the signed-in team lead's laptop the first of a new team folder. The data
// the laptop holds goes out as the team's first snapshot (minutes for years of data): the
// call returns when it is written, and the window hears the steps as sync:progress events.
// It returns the team's code, which the workers' laptops type when they join.
func (s *TeamFolderService) FoundTeam(in FoundTeamInput) (TeamCodesDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamCodesDTO{}, err
	}
	var p domain.Problems
	label := laptopLabel(&p, in.Label)
	if strings.TrimSpace(in.Folder) == "" {
		p.Add("folder", domain.CodeRequired)
	}
	if err := p.Err(); err != nil {
		return TeamCodesDTO{}, err
	}
	check, err := s.usableFolder(in.Folder, false)
	if err != nil {
		return TeamCodesDTO{}, err
	}
	uid, err := s.workerUID(a.WorkerID)
	if err != nil {
		return TeamCodesDTO{}, err
	}
	if err := s.begin(); err != nil {
		return TeamCodesDTO{}, err
	}
	ctx := teamsync.WithProgress(s.ctx(), func(p teamsync.Progress) {
		s.setProgress(&SyncProgressDTO{Operation: "found", Phase: p.Phase, Done: p.Done, Total: p.Total})
	})
	s.setProgress(&SyncProgressDTO{Operation: "found", Phase: teamsync.PhaseSnapshotRead})
	e, err := teamsync.Found(ctx, st.Gorm(), s.dbPath, check.Path, uid, label, s.now)
	s.mu.Lock()
	s.founding, s.progress = false, nil
	s.mu.Unlock()
	if err != nil {
		s.sendStatus()
		return TeamCodesDTO{}, syncError(err)
	}
	s.emit(EventSyncProgress, SyncProgressDTO{Operation: "found", Phase: "done", Done: 1, Total: 1})
	if err := s.audit(st, a, AuditSetting, "team_folder", 0, 0, "founded the team folder as laptop "+e.LaptopID()); err != nil {
		log.Printf("team folder: founding not logged: %v", domain.CodeOf(err))
	}
	s.run(e)
	codes := TeamCodesDTO{LaptopCode: e.Fingerprint(), TeamCode: e.Fingerprint()}
	return codes, nil
}

// JoinTeam asks, from a fresh laptop (no team data, nobody to sign in), to join the team
// folder founded by the laptop whose code the team lead gave. It leaves a request in the
// folder and returns this laptop's code, which the team lead compares before enrolling.
// The team's data then arrives by itself (JoinStatus and sync:progress tell how far).
func (s *TeamFolderService) JoinTeam(in JoinTeamInput) (TeamCodesDTO, error) {
	st, err := s.open()
	if err != nil {
		return TeamCodesDTO{}, err
	}
	// On a laptop with data (its own, or a team's), the caller must be signed in even to hear
	// that it cannot join: the session is checked before anything else is said.
	if err := s.beforeSignIn(); err != nil {
		return TeamCodesDTO{}, err
	}
	if err := s.fresh(); err != nil {
		return TeamCodesDTO{}, err
	}
	var p domain.Problems
	label := laptopLabel(&p, in.Label)
	if strings.TrimSpace(in.Folder) == "" {
		p.Add("folder", domain.CodeRequired)
	}
	code := domain.CleanLine(&p, "leadCode", in.LeadCode, 80, true)
	if err := p.Err(); err != nil {
		return TeamCodesDTO{}, err
	}
	check, err := s.usableFolder(in.Folder, true)
	if err != nil {
		return TeamCodesDTO{}, err
	}
	if err := s.beginJoin(); err != nil {
		return TeamCodesDTO{}, err
	}
	// Cleared after the engine is adopted, so that a later call hears "joined".
	defer func() {
		s.mu.Lock()
		s.joining = false
		s.mu.Unlock()
	}()
	if beforeJoinRequest != nil {
		beforeJoinRequest()
	}
	mine, err := teamsync.Join(context.Background(), st.Gorm(), s.dbPath, check.Path, label, code, s.now)
	if err != nil {
		return TeamCodesDTO{}, syncError(err)
	}
	e, err := teamsync.Open(st.Gorm(), s.dbPath, s.now)
	if err != nil {
		return TeamCodesDTO{}, syncError(err)
	}
	if err := s.audit(st, Actor{}, AuditSetting, "team_folder", 0, 0, "asked to join the team folder as laptop "+e.LaptopID()); err != nil {
		log.Printf("team folder: joining not logged: %v", domain.CodeOf(err))
	}
	s.run(e)
	return TeamCodesDTO{LaptopCode: mine}, nil
}

// beforeJoinRequest, when set by a test, runs in JoinTeam after its checks and before the
// request is made, so that a test can start a second join meanwhile.
var beforeJoinRequest func()

// usableFolder checks a folder for founding (no team there yet) or joining (a team there).
func (s *TeamFolderService) usableFolder(path string, team bool) (FolderCheckDTO, error) {
	check := s.checkFolder(path)
	switch {
	case !check.Usable:
		return check, folderProblem(check.Reason)
	case check.HasTeam && !team:
		return check, folderProblem("has_team")
	case !check.HasTeam && team:
		return check, folderProblem("no_team")
	}
	return check, nil
}

// begin marks founding as running, refusing a second start (or one while joining).
func (s *TeamFolderService) begin() error { return s.beginSetUp(&s.founding) }

// beginJoin marks a join as running, refusing a second one (or one while founding): two
// joins at once would both pass the checks and leave two requests with two laptop codes.
func (s *TeamFolderService) beginJoin() error { return s.beginSetUp(&s.joining) }

// beginSetUp sets flag (founding or joining) under the lock, unless settingUp refuses.
func (s *TeamFolderService) beginSetUp(flag *bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.settingUp(); err != nil {
		return err
	}
	*flag = true
	return nil
}

// settingUp refuses to start founding or joining when this laptop is in a team or either
// runs. The caller holds s.mu.
func (s *TeamFolderService) settingUp() error {
	switch {
	case s.engine != nil:
		return domain.E(domain.CodeTeamFolderJoined, "this laptop is part of a team folder")
	case s.founding || s.joining:
		return domain.E(domain.CodeTeamFolderBusy, "the team folder is being set up")
	}
	return nil
}

// workerUID is a worker's team-wide id.
func (s *TeamFolderService) workerUID(workerID uint) (string, error) {
	var uid string
	res := s.deps.Store.Gorm().WithContext(s.ctx()).Raw(`SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = ? AND deleted = 0`,
		workerID).Scan(&uid)
	if res.Error != nil {
		return "", domain.Wrap(domain.CodeInternal, "read worker id", res.Error)
	}
	if res.RowsAffected == 0 || workerID == 0 {
		return "", domain.E(domain.CodeNotFound, "worker not found")
	}
	return uid, nil
}

// syncError turns the engine's errors into the codes the UI translates; the rest are
// internal (their text may name files or paths).
func syncError(err error) error {
	var de *domain.Error
	switch {
	case errors.As(err, &de):
		return err
	case errors.Is(err, teamsync.ErrAlreadyJoined):
		return domain.Wrap(domain.CodeTeamFolderJoined, "already part of a team folder", err)
	case errors.Is(err, teamsync.ErrHasData):
		return domain.Wrap(domain.CodeTeamFolderData, "this laptop holds data of its own", err)
	case errors.Is(err, teamsync.ErrLeadCode):
		var p domain.Problems
		p.Add("leadCode", domain.CodeLeadCodeMismatch)
		return p.Err()
	case errors.Is(err, teamsync.ErrNotLead):
		return domain.Wrap(domain.CodeForbidden, "not a team lead's laptop", err)
	case errors.Is(err, teamsync.ErrNoRequest):
		return domain.Wrap(domain.CodeNoJoinRequest, "no join request", err)
	case errors.Is(err, teamsync.ErrRevokedLaptop):
		return domain.Wrap(domain.CodeLaptopRevoked, "revoked laptop", err)
	case errors.Is(err, teamsync.ErrOwnLaptop):
		return domain.Wrap(domain.CodeOwnLaptop, "own laptop", err)
	case errors.Is(err, teamsync.ErrNotMember), errors.Is(err, teamsync.ErrNoWorker):
		return domain.Wrap(domain.CodeNotFound, "not in the team", err)
	case errors.Is(err, teamfolder.ErrNewerVersion):
		return domain.Wrap(domain.CodeFileNewer, "the team folder is newer", err)
	}
	if teamsync.ErrorKind(err) == teamsync.ErrorFolder {
		return domain.Wrap(domain.CodeTeamFolderOffline, "the team folder cannot be reached", err)
	}
	return domain.Wrap(domain.CodeInternal, "team folder", err)
}
