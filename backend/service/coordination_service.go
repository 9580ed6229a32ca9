package service

import (
	"context"
	"strconv"

	"icm/backend/domain"
	"icm/backend/store"
)

// CoordinationService keeps the citizen's network of services and people and the meetings
// the ICM worker coordinates.
type CoordinationService struct{ base }

// NewCoordinationService builds the service.
func NewCoordinationService(d Deps) *CoordinationService { return &CoordinationService{base{d}} }

// GetCoordination returns the network and the meetings.
func (s *CoordinationService) GetCoordination(in IDInput) (CoordinationDTO, error) {
	if _, err := s.viewCourse(in.ID, "coordination"); err != nil {
		return CoordinationDTO{}, err
	}
	return s.getCoordination(in)
}

func (s *CoordinationService) getCoordination(in IDInput) (CoordinationDTO, error) {
	st, err := s.ready()
	if err != nil {
		return CoordinationDTO{}, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return CoordinationDTO{}, err
	}
	return loadCoordination(s.ctx(), st, in.ID)
}

// SaveContact creates or updates a contact in the network.
func (s *CoordinationService) SaveContact(in ContactInput) (CoordinationDTO, error) {
	ch, err := s.changing(in.CourseID, "network", AuditChange)
	if err != nil {
		return CoordinationDTO{}, err
	}
	return s.saveContact(ch, in)
}

func (s *CoordinationService) saveContact(ch *change, in ContactInput) (CoordinationDTO, error) {
	var p domain.Problems
	last := domain.ParseDate(&p, "lastContact", in.LastContact, false, domain.MinCourseDate, s.today())
	c := store.NetworkContact{ID: in.ID, CourseID: in.CourseID,
		Kind:         string(domain.OneOf(&p, "kind", domain.ContactKind(in.Kind), domain.ContactKinds, true)),
		Name:         domain.CleanLine(&p, "name", in.Name, domain.MaxName, false),
		Organisation: domain.CleanLine(&p, "organisation", in.Organisation, domain.MaxShortText, false),
		Phone:        domain.CleanLine(&p, "phone", in.Phone, 30, false),
		Email:        domain.CleanLine(&p, "email", in.Email, domain.MaxShortText, false),
		Role:         domain.CleanText(&p, "role", in.Role, 2000, false),
		LastContact:  strPtr(domain.FormatDate(last)), Active: in.Active}
	if c.Name == "" && c.Organisation == "" && !p.Has("name") && !p.Has("organisation") {
		p.Add("name", domain.CodeRequired)
	}
	if c.Phone != "" && !p.Has("phone") && !validPhone(c.Phone) {
		p.Add("phone", domain.CodeInvalidPhone)
	}
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		now := s.now()
		c.CreatedAt = now
		if in.ID != 0 {
			old, err := tx.GetNetworkContact(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			c.CreatedAt = old.CreatedAt
		}
		c.UpdatedAt = now
		return tx.Save(ctx, &c)
	})
}

// DeleteContact removes a contact entered by mistake; people who leave the network are
// better marked inactive.
func (s *CoordinationService) DeleteContact(in ChildInput) (CoordinationDTO, error) {
	ch, err := s.changing(in.CourseID, "network", AuditDelete)
	if err != nil {
		return CoordinationDTO{}, err
	}
	return s.deleteContact(ch, in)
}

func (s *CoordinationService) deleteContact(ch *change, in ChildInput) (CoordinationDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetNetworkContact(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(c.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.NetworkContact{}, in.ID)
	})
}

// SaveMeeting creates or updates a meeting and replaces its list of agreed actions.
func (s *CoordinationService) SaveMeeting(in MeetingInput) (CoordinationDTO, error) {
	ch, err := s.changing(in.CourseID, "meeting", AuditChange)
	if err != nil {
		return CoordinationDTO{}, err
	}
	return s.saveMeeting(ch, in)
}

func (s *CoordinationService) saveMeeting(ch *change, in MeetingInput) (CoordinationDTO, error) {
	var p domain.Problems
	latest := domain.LatestCourseDate(s.now())
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, latest)
	m := store.Meeting{ID: in.ID, CourseID: in.CourseID,
		Participants: domain.CleanText(&p, "participants", in.Participants, 2000, false),
		Purpose:      domain.CleanText(&p, "purpose", in.Purpose, 4000, true),
		Preparation:  domain.CleanText(&p, "preparation", in.Preparation, 4000, false),
		Outcome:      domain.CleanText(&p, "outcome", in.Outcome, 8000, false)}
	if date != nil {
		m.Date = date.Format(domain.DateLayout)
	}
	if len(in.Actions) > 100 {
		// Refused as a whole: checking each action too would answer with one error per action.
		p.Add("actions", domain.CodeTooLong, "max", "100", "length", strconv.Itoa(len(in.Actions)))
		in.Actions = nil
	}
	var actions []store.MeetingAction
	for i, a := range in.Actions {
		f := "actions." + strconv.Itoa(i) + "."
		d := domain.ParseDate(&p, f+"deadline", a.Deadline, false, domain.MinCourseDate, domain.Day(s.now()).AddDate(5, 0, 0))
		actions = append(actions, store.MeetingAction{Position: i,
			Action:   domain.CleanText(&p, f+"action", a.Action, 2000, true),
			Owner:    domain.CleanLine(&p, f+"owner", a.Owner, domain.MaxShortText, false),
			Deadline: strPtr(domain.FormatDate(d)), Done: a.Done})
	}
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		now := s.now()
		m.CreatedAt = now
		if in.ID != 0 {
			old, err := tx.GetMeeting(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			m.CreatedAt = old.CreatedAt
		}
		m.UpdatedAt = now
		if err := tx.Save(ctx, &m); err != nil {
			return err
		}
		for i := range actions {
			actions[i].MeetingID = m.ID
		}
		return tx.ReplaceMeetingActions(ctx, m.ID, actions)
	})
}

// DeleteMeeting removes a meeting and its actions.
func (s *CoordinationService) DeleteMeeting(in ChildInput) (CoordinationDTO, error) {
	ch, err := s.changing(in.CourseID, "meeting", AuditDelete)
	if err != nil {
		return CoordinationDTO{}, err
	}
	return s.deleteMeeting(ch, in)
}

func (s *CoordinationService) deleteMeeting(ch *change, in ChildInput) (CoordinationDTO, error) {
	return s.change(ch, nil, func(ctx context.Context, tx *store.Store) error {
		m, err := tx.GetMeeting(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := owned(m.CourseID, in.CourseID); err != nil {
			return err
		}
		return tx.Delete(ctx, &store.Meeting{}, in.ID)
	})
}

func (s *CoordinationService) change(ch *change, invalid error, fn func(context.Context, *store.Store) error) (CoordinationDTO, error) {
	return stepChange(ch, invalid, fn, func(ctx context.Context, tx *store.Store, c *store.Course) (CoordinationDTO, error) {
		return loadCoordination(ctx, tx, c.ID)
	})
}

func loadCoordination(ctx context.Context, st *store.Store, courseID uint) (CoordinationDTO, error) {
	contacts, err := st.ListNetwork(ctx, courseID)
	if err != nil {
		return CoordinationDTO{}, err
	}
	meetings, err := st.ListMeetings(ctx, courseID)
	if err != nil {
		return CoordinationDTO{}, err
	}
	actions, err := st.ListMeetingActions(ctx, courseID)
	if err != nil {
		return CoordinationDTO{}, err
	}
	return coordinationDTO(courseID, contacts, meetings, actions), nil
}

// coordinationDTO builds the coordination step from its rows (see planDTO).
func coordinationDTO(courseID uint, contacts []store.NetworkContact, meetings []store.Meeting, actions []store.MeetingAction) CoordinationDTO {
	out := CoordinationDTO{CourseID: courseID, Contacts: make([]ContactDTO, 0, len(contacts)), Meetings: make([]MeetingDTO, 0, len(meetings))}
	active, caseworkers := 0, 0
	for _, c := range contacts {
		if c.Active {
			active++
			if c.Kind == string(domain.ContactCaseworker) {
				caseworkers++
			}
		}
		out.Contacts = append(out.Contacts, ContactDTO{ID: c.ID, Kind: c.Kind, Name: c.Name, Organisation: c.Organisation,
			Phone: c.Phone, Email: c.Email, Role: c.Role, LastContact: deref(c.LastContact), Active: c.Active})
	}
	for _, m := range meetings {
		md := MeetingDTO{ID: m.ID, Date: m.Date, Participants: m.Participants, Purpose: m.Purpose,
			Preparation: m.Preparation, Outcome: m.Outcome, Actions: []MeetingActionDTO{}}
		for _, a := range actions {
			if a.MeetingID == m.ID {
				md.Actions = append(md.Actions, MeetingActionDTO{Action: a.Action, Owner: a.Owner, Deadline: deref(a.Deadline), Done: a.Done})
			}
		}
		out.Meetings = append(out.Meetings, md)
	}
	out.Completeness = completenessDTO(domain.StepCoordination, domain.CoordinationCompleteness(active, caseworkers, len(meetings)))
	return out
}
