package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/teamfolder"
	"icm/backend/teamsync"
)

// maxLaptopLabel is the longest name of a computer in the team folder.
const maxLaptopLabel = 60

// CheckFolder says whether a folder can be the team folder: it exists, the app can write
// there (a probe file is made and removed), it is not the app's own data folder and holds
// no database, and whether a team is there already.
func (s *TeamFolderService) CheckFolder(in FolderInput) (FolderCheckDTO, error) {
	if err := s.maySetUp(); err != nil {
		return FolderCheckDTO{}, err
	}
	return s.checkFolder(in.Path), nil
}

// ChooseFolder opens the system's folder dialog and checks the folder chosen.
func (s *TeamFolderService) ChooseFolder() (FolderCheckDTO, error) {
	if err := s.maySetUp(); err != nil {
		return FolderCheckDTO{}, err
	}
	if s.desk == nil {
		return FolderCheckDTO{}, domain.E(domain.CodeOpenFailed, "no folder dialog")
	}
	path, err := s.desk.ChooseFolder("Teammappe")
	if err != nil {
		return FolderCheckDTO{}, domain.Wrap(domain.CodeOpenFailed, "folder dialog", err)
	}
	if path == "" {
		return FolderCheckDTO{Cancelled: true}, nil
	}
	return s.checkFolder(path), nil
}

// maySetUp allows the folder checks to a signed-in team lead, and before anyone can sign in
// to a fresh laptop that is about to join a team.
func (s *TeamFolderService) maySetUp() error {
	_, _, err := s.leadReady()
	if err == nil {
		return nil
	}
	if s.fresh() != nil {
		return err
	}
	return nil
}

// fresh refuses unless this laptop holds no team data and has joined no team folder: only
// then may the calls before sign-in set it up.
func (s *TeamFolderService) fresh() error {
	st, err := s.open()
	if err != nil {
		return err
	}
	if s.current() != nil {
		return domain.E(domain.CodeTeamFolderJoined, "this laptop is part of a team folder")
	}
	has, err := teamsync.HasData(st.Gorm())
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "read the database", err)
	}
	if has {
		return domain.E(domain.CodeTeamFolderData, "this laptop holds data of its own")
	}
	return nil
}

// beforeSignIn allows a call of the first start to a laptop without data of its own (or
// while its first load runs); on any other laptop the caller must be signed in.
func (s *TeamFolderService) beforeSignIn() error {
	st, err := s.open()
	if err != nil {
		return err
	}
	s.mu.Lock()
	loading := s.progress != nil && s.progress.Operation == "load"
	s.mu.Unlock()
	has, err := teamsync.HasData(st.Gorm())
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "read the database", err)
	}
	if has && !loading {
		_, err := s.ready()
		return err
	}
	return nil
}

// checkFolder runs the checks of CheckFolder.
func (s *TeamFolderService) checkFolder(path string) FolderCheckDTO {
	out := FolderCheckDTO{Path: strings.TrimSpace(path)}
	abs, err := teamfolder.Check(out.Path)
	if err != nil {
		out.Reason = folderReason(err)
		return out
	}
	out.Path = abs
	if insideDataFolder(abs, s.dbPath) || teamfolder.CheckDatabaseOutside(abs, s.dbPath) != nil {
		out.Reason = "data_folder"
		return out
	}
	if tf, err := teamfolder.ReadTeamFile(abs); err == nil {
		out.HasTeam, out.TeamID, out.TeamCreated = true, tf.TeamID, tf.CreatedAt.UTC().Format(time.RFC3339)
	}
	if entries, err := os.ReadDir(abs); err == nil {
		out.Empty = len(entries) == 0
	}
	probe, err := os.CreateTemp(abs, ".icm-probe-*.tmp")
	if err != nil {
		out.Reason = "not_writable"
		return out
	}
	_, werr := probe.WriteString("icm")
	cerr := probe.Close()
	rerr := os.Remove(probe.Name())
	if werr != nil || cerr != nil || rerr != nil {
		out.Reason = "not_writable"
		return out
	}
	out.Usable = true
	return out
}

// folderReason is the reason teamfolder gives for refusing a folder.
func folderReason(err error) string {
	var de *domain.Error
	if errors.As(err, &de) {
		for _, f := range de.Fields {
			if r := f.Params["reason"]; r != "" {
				return r
			}
		}
	}
	return teamfolder.ReasonMissing
}

// insideDataFolder says whether dir is the folder of the database at dbPath or lies in it.
func insideDataFolder(dir, dbPath string) bool {
	data, err := filepath.Abs(filepath.Dir(dbPath))
	if err != nil {
		return false
	}
	if d, err := filepath.EvalSymlinks(data); err == nil {
		data = d
	}
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	rel, err := filepath.Rel(data, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// folderProblem is the error for a folder that cannot serve: the reason on the folder field.
func folderProblem(reason string) error {
	var p domain.Problems
	p.Add("folder", domain.CodeInvalidChoice, "reason", reason)
	return p.Err()
}

// laptopLabel validates a computer's name for the team folder.
func laptopLabel(p *domain.Problems, label string) string {
	return domain.CleanLine(p, "label", label, maxLaptopLabel, true)
}
