package service

import (
	"strconv"

	"icm/backend/domain"
)

// TeamSettingsDTO holds how the team runs the method day to day.
type TeamSettingsDTO struct {
	ContactGapDays int `json:"contactGapDays"`
}

// GetSettings returns the team's settings.
func (s *TeamService) GetSettings() (TeamSettingsDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	n, err := contactGapLimit(s.ctx(), st)
	return TeamSettingsDTO{ContactGapDays: n}, err
}

// SaveSettings stores the team's settings; the contact-gap limit is 1 to 90 days.
func (s *TeamService) SaveSettings(in TeamSettingsDTO) (TeamSettingsDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TeamSettingsDTO{}, err
	}
	if in.ContactGapDays < 1 || in.ContactGapDays > 90 {
		var p domain.Problems
		p.Add("contactGapDays", domain.CodeOutOfRange, "min", "1", "max", "90")
		return TeamSettingsDTO{}, p.Err()
	}
	if err := st.SetSetting(s.ctx(), SettingContactGapDays, strconv.Itoa(in.ContactGapDays)); err != nil {
		return TeamSettingsDTO{}, err
	}
	return s.GetSettings()
}
