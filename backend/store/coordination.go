package store

import (
	"context"
	"time"
)

// NetworkContact is a service or person in the citizen's network.
type NetworkContact struct {
	ID           uint
	CourseID     uint
	Kind         string
	Name         string
	Organisation string
	Phone        string
	Email        string
	Role         string
	LastContact  *string
	Active       bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (NetworkContact) TableName() string { return "network_contacts" }

// Meeting is a meeting about the citizen, prepared with the citizen.
type Meeting struct {
	ID           uint
	CourseID     uint
	Date         string
	Participants string
	Purpose      string
	Preparation  string
	Outcome      string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName pins the table name.
func (Meeting) TableName() string { return "meetings" }

// MeetingAction is an agreed action from a meeting, with owner and deadline.
type MeetingAction struct {
	ID        uint
	MeetingID uint
	Action    string
	Owner     string
	Deadline  *string
	Done      bool
	Position  int
}

// TableName pins the table name.
func (MeetingAction) TableName() string { return "meeting_actions" }

// AdvocacyCase is a barrier between the citizen and a service, and what was done about it.
type AdvocacyCase struct {
	ID        uint
	CourseID  uint
	Opened    string
	Barrier   string
	Towards   string
	Actions   string
	Rights    string
	Outcome   string
	Status    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName pins the table name.
func (AdvocacyCase) TableName() string { return "advocacy_cases" }

// ListNetwork returns a course's network, active first.
func (s *Store) ListNetwork(ctx context.Context, courseID uint) ([]NetworkContact, error) {
	var out []NetworkContact
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("active DESC, id").Find(&out).Error)
}

// GetNetworkContact loads one network contact.
func (s *Store) GetNetworkContact(ctx context.Context, id uint) (*NetworkContact, error) {
	var c NetworkContact
	if err := s.first(ctx, &c, id); err != nil {
		return nil, err
	}
	return &c, nil
}

// ListMeetings returns a course's meetings, newest first.
func (s *Store) ListMeetings(ctx context.Context, courseID uint) ([]Meeting, error) {
	var out []Meeting
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("date DESC, id DESC").Find(&out).Error)
}

// GetMeeting loads one meeting.
func (s *Store) GetMeeting(ctx context.Context, id uint) (*Meeting, error) {
	var m Meeting
	if err := s.first(ctx, &m, id); err != nil {
		return nil, err
	}
	return &m, nil
}

// ListMeetingActions returns the actions of a course's meetings.
func (s *Store) ListMeetingActions(ctx context.Context, courseID uint) ([]MeetingAction, error) {
	var out []MeetingAction
	err := s.db.WithContext(ctx).Joins("JOIN meetings m ON m.id = meeting_actions.meeting_id").
		Where("m.course_id = ?", courseID).Order("meeting_actions.meeting_id, meeting_actions.position").Find(&out).Error
	return out, storageErr(err)
}

// ReplaceMeetingActions swaps a meeting's actions for the given list.
func (s *Store) ReplaceMeetingActions(ctx context.Context, meetingID uint, actions []MeetingAction) error {
	db := s.db.WithContext(ctx)
	if err := db.Where("meeting_id = ?", meetingID).Delete(&MeetingAction{}).Error; err != nil {
		return storageErr(err)
	}
	if len(actions) == 0 {
		return nil
	}
	return storageErr(db.Create(&actions).Error)
}

// ListAdvocacy returns a course's advocacy cases, newest first.
func (s *Store) ListAdvocacy(ctx context.Context, courseID uint) ([]AdvocacyCase, error) {
	var out []AdvocacyCase
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("opened DESC, id DESC").Find(&out).Error)
}

// GetAdvocacyCase loads one advocacy case.
func (s *Store) GetAdvocacyCase(ctx context.Context, id uint) (*AdvocacyCase, error) {
	var a AdvocacyCase
	if err := s.first(ctx, &a, id); err != nil {
		return nil, err
	}
	return &a, nil
}
