package service

import (
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// TeamSettingsDTO holds how the team runs the method day to day and who sees what.
type TeamSettingsDTO struct {
	ContactGapDays int `json:"contactGapDays"`
	// ColleagueAccess is what an ICM worker sees of colleagues' citizens: "read_only" or "none".
	ColleagueAccess string `json:"colleagueAccess"`
	// LockMinutes is how long the app may stand unused before the screen locks (1 to 240).
	LockMinutes int `json:"lockMinutes"`
}

// GetSettings returns the team's settings.
func (s *TeamService) GetSettings() (TeamSettingsDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	n, err := contactGapLimit(s.ctx(), st)
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	access, err := colleagueAccess(s.ctx(), st)
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	return TeamSettingsDTO{ContactGapDays: n, ColleagueAccess: access,
		LockMinutes: int(lockMinutes(s.ctx(), st) / time.Minute)}, nil
}

// SaveSettings stores the team's settings (team lead only); the contact-gap limit is 1 to
// 90 days. A new lock time applies to the current session at once.
func (s *TeamService) SaveSettings(in TeamSettingsDTO) (TeamSettingsDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	var p domain.Problems
	if in.ContactGapDays < 1 || in.ContactGapDays > 90 {
		p.Add("contactGapDays", domain.CodeOutOfRange, "min", "1", "max", "90")
	}
	if in.LockMinutes < 1 || in.LockMinutes > 240 {
		p.Add("lockMinutes", domain.CodeOutOfRange, "min", "1", "max", "240")
	}
	access := domain.OneOf(&p, "colleagueAccess", in.ColleagueAccess, []string{ColleagueReadOnly, ColleagueNone}, true)
	if err := p.Err(); err != nil {
		return TeamSettingsDTO{}, err
	}
	ctx := s.ctx()
	err = st.Tx(ctx, func(tx *store.Store) error {
		for k, v := range map[string]string{SettingContactGapDays: strconv.Itoa(in.ContactGapDays),
			SettingColleagueAccess: access, SettingLockMinutes: strconv.Itoa(in.LockMinutes)} {
			if err := tx.SetSetting(ctx, k, v); err != nil {
				return err
			}
		}
		return tx.AppendAudit(ctx, s.now(), auditEntry(a, AuditSetting, "team", 0, 0, "colleague access "+access+", lock "+
			strconv.Itoa(in.LockMinutes)+" min"))
	})
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	if s.deps.Session != nil {
		s.deps.Session.setLockAfter(time.Duration(in.LockMinutes) * time.Minute)
	}
	return s.GetSettings()
}
