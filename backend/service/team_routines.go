package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// TeamMeetingsShown is how many of the team's latest meetings the routines list shows.
const TeamMeetingsShown = 50

// TeamMeetingDTO is one of the team's weekly status meetings or external supervisions.
type TeamMeetingDTO struct {
	ID           uint   `json:"id"`
	Kind         string `json:"kind"`
	Date         string `json:"date"`
	Participants string `json:"participants"`
	Note         string `json:"note"`
}

// TeamRoutinesDTO is the team's record of its routines: the latest meetings, newest
// first, the latest status meeting and supervision ("" for none), and whether a weekly
// status meeting is missing (none in the last StatusMeetingMaxDays days).
type TeamRoutinesDTO struct {
	Meetings          []TeamMeetingDTO `json:"meetings"`
	LastStatus        string           `json:"lastStatus"`
	LastSupervision   string           `json:"lastSupervision"`
	StatusMeetingLate bool             `json:"statusMeetingLate"`
}

// TeamMeetingInput records (ID 0) or corrects a status meeting or a supervision. The note
// is about the meeting, not about citizens: a citizen's review belongs to their course.
type TeamMeetingInput struct {
	ID           uint   `json:"id"`
	Kind         string `json:"kind"`
	Date         string `json:"date"`
	Participants string `json:"participants"`
	Note         string `json:"note"`
}

// TeamRoutines lists the team's status meetings and supervisions (team leads).
func (s *TeamService) TeamRoutines() (TeamRoutinesDTO, error) {
	st, _, err := s.leadReady()
	if err != nil {
		return TeamRoutinesDTO{}, err
	}
	return teamRoutines(s.ctx(), st, s.now())
}

// SaveTeamMeeting records a weekly status meeting or an external supervision (team leads:
// it is team data).
func (s *TeamService) SaveTeamMeeting(in TeamMeetingInput) (TeamRoutinesDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamRoutinesDTO{}, err
	}
	var p domain.Problems
	kind := domain.OneOf(&p, "kind", domain.TeamMeetingKind(in.Kind), domain.TeamMeetingKinds, true)
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, s.today())
	participants := domain.CleanText(&p, "participants", in.Participants, 500, false)
	note := domain.CleanText(&p, "note", in.Note, 2000, false)
	if err := p.Err(); err != nil {
		return TeamRoutinesDTO{}, err
	}
	now := s.now()
	var out TeamRoutinesDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		team, err := tx.GetTeam(ctx)
		if err != nil {
			return nil, err
		}
		m := &store.TeamMeeting{TeamID: team.ID, CreatedAt: now}
		action := AuditCreate
		if in.ID != 0 {
			if m, err = tx.GetTeamMeeting(ctx, in.ID); err != nil {
				return nil, err
			}
			action = AuditChange
		}
		m.Kind, m.Date, m.Participants, m.Note, m.UpdatedAt = string(kind), date.Format(domain.DateLayout), participants, note, now
		if err := tx.Save(ctx, m); err != nil {
			return nil, err
		}
		if out, err = teamRoutines(ctx, tx, now); err != nil {
			return nil, err
		}
		return []store.AuditEntry{auditEntry(a, action, "team_meeting", 0, 0, itoa(int(m.ID)))}, nil
	})
	return out, err
}

// teamRoutines reads the team's routines as of now.
func teamRoutines(ctx context.Context, st *store.Store, now time.Time) (TeamRoutinesDTO, error) {
	ms, err := st.ListTeamMeetings(ctx, TeamMeetingsShown)
	if err != nil {
		return TeamRoutinesDTO{}, err
	}
	last, err := st.LastTeamMeetings(ctx)
	if err != nil {
		return TeamRoutinesDTO{}, err
	}
	out := TeamRoutinesDTO{Meetings: make([]TeamMeetingDTO, 0, len(ms)), LastStatus: last[string(domain.MeetingStatus)],
		LastSupervision: last[string(domain.MeetingSupervision)]}
	for _, m := range ms {
		out.Meetings = append(out.Meetings, TeamMeetingDTO{ID: m.ID, Kind: m.Kind, Date: m.Date, Participants: m.Participants, Note: m.Note})
	}
	d := parseStoredDate(&out.LastStatus)
	out.StatusMeetingLate = d == nil || domain.Day(now).Sub(*d) > domain.StatusMeetingMaxDays*24*time.Hour
	return out, nil
}

// DeleteTeamMeeting removes a status meeting or supervision entered by mistake (team leads).
func (s *TeamService) DeleteTeamMeeting(in IDInput) (TeamRoutinesDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamRoutinesDTO{}, err
	}
	now := s.now()
	var out TeamRoutinesDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		if err := tx.Delete(ctx, &store.TeamMeeting{}, in.ID); err != nil {
			return nil, err
		}
		if out, err = teamRoutines(ctx, tx, now); err != nil {
			return nil, err
		}
		return []store.AuditEntry{auditEntry(a, AuditDelete, "team_meeting", 0, 0, itoa(int(in.ID)))}, nil
	})
	return out, err
}
