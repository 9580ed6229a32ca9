package service

import (
	"context"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// ContactWeeksShown is how many weeks the follow-up step sets against the agreed contact
// frequency: four whole weeks and the running one.
const ContactWeeksShown = 5

// ContactFrequencyDTO is a contact frequency agreed with the citizen from a day on.
type ContactFrequencyDTO struct {
	ID       uint   `json:"id"`
	FromDate string `json:"fromDate"`
	Times    int    `json:"times"`
	Per      string `json:"per"`
	Note     string `json:"note"`
}

// ContactWeekDTO is one week's actual contacts against the agreed frequency.
type ContactWeekDTO struct {
	WeekStart     string `json:"weekStart"`
	AgreedTimes   int    `json:"agreedTimes"` // 0 without an agreement
	AgreedPer     string `json:"agreedPer"`
	AgreedPerWeek int    `json:"agreedPerWeek"`
	Contacts      int    `json:"contacts"`
	Minutes       int    `json:"minutes"`
	Attempts      int    `json:"attempts"` // attempts and cancelled meetings, not counted as contacts
	State         string `json:"state"`    // met, sought, below, running, no_agreement
}

// CaseReviewDTO is a course discussed at a team meeting.
type CaseReviewDTO struct {
	ID           uint   `json:"id"`
	Date         string `json:"date"`
	Participants string `json:"participants"`
	Agreed       string `json:"agreed"`
}

// ContactFrequencyInput records the frequency agreed with the citizen from FromDate on (it
// replaces an agreement of the same day).
type ContactFrequencyInput struct {
	CourseID uint   `json:"courseId"`
	FromDate string `json:"fromDate"`
	Times    int    `json:"times"`
	Per      string `json:"per"`
	Note     string `json:"note"`
}

// CaseReviewInput records (ID 0) or corrects a case review of the course.
type CaseReviewInput struct {
	ID           uint   `json:"id"`
	CourseID     uint   `json:"courseId"`
	Date         string `json:"date"`
	Participants string `json:"participants"`
	Agreed       string `json:"agreed"`
}

// SaveContactFrequency records the contact frequency agreed with the citizen from a day on:
// the history shows how the intensity changed (daily at first, later twice a week).
func (s *FollowUpService) SaveContactFrequency(in ContactFrequencyInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "contact_frequency", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	var p domain.Problems
	from := domain.ParseDate(&p, "fromDate", in.FromDate, true, domain.MinCourseDate, domain.LatestCourseDate(s.now()))
	per := domain.OneOf(&p, "per", domain.FrequencyPer(in.Per), domain.FrequencyPers, true)
	domain.CheckAgreedTimes(&p, "times", in.Times, per)
	note := domain.CleanText(&p, "note", in.Note, 2000, false)
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetCourse(ctx, in.CourseID)
		if err != nil {
			return err
		}
		if start := parseStoredDate(&c.StartDate); start != nil && from.Before(*start) {
			var q domain.Problems
			q.Add("fromDate", domain.CodeDateOutOfRange, "min", start.Format(domain.DateLayout),
				"max", domain.LatestCourseDate(s.now()).Format(domain.DateLayout))
			return q.Err()
		}
		now := s.now()
		return tx.SaveContactFrequency(ctx, &store.ContactFrequency{CourseID: in.CourseID, FromDate: from.Format(domain.DateLayout),
			Times: in.Times, Per: string(per), Note: note, CreatedAt: now, UpdatedAt: now})
	})
}

// SaveCaseReview records that the course was discussed at a team meeting: when, who took
// part and what was agreed. Each course is to be reviewed at least three times a year.
func (s *FollowUpService) SaveCaseReview(in CaseReviewInput) (FollowUpDTO, error) {
	ch, err := s.changing(in.CourseID, "case_review", AuditChange)
	if err != nil {
		return FollowUpDTO{}, err
	}
	var p domain.Problems
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, s.today())
	participants := domain.CleanText(&p, "participants", in.Participants, 500, true)
	agreed := domain.CleanText(&p, "agreed", in.Agreed, 4000, true)
	return s.change(ch, p.Err(), func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetCourse(ctx, in.CourseID)
		if err != nil {
			return err
		}
		if start := parseStoredDate(&c.StartDate); start != nil && date.Before(*start) {
			var q domain.Problems
			q.Add("date", domain.CodeDateOutOfRange, "min", start.Format(domain.DateLayout), "max", s.today().Format(domain.DateLayout))
			return q.Err()
		}
		now := s.now()
		r := &store.CaseReview{CourseID: in.CourseID, CreatedAt: now}
		if in.ID != 0 {
			old, err := tx.GetCaseReview(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			r = old
			ch.name("case_review " + strconv.FormatUint(uint64(in.ID), 10))
		}
		r.Date, r.Participants, r.Agreed, r.UpdatedAt = date.Format(domain.DateLayout), participants, agreed, now
		others, err := tx.ListCaseReviews(ctx, in.CourseID)
		if err != nil {
			return err
		}
		for _, o := range others {
			if o.Date == r.Date && o.ID != r.ID {
				var q domain.Problems
				q.Add("date", domain.CodeDuplicateDate)
				return q.Err()
			}
		}
		return tx.Save(ctx, r)
	})
}

// routineRows are the rows of the contact intensity and the case reviews of one course.
type routineRows struct {
	freqs      []store.ContactFrequency
	notes      []store.ContactNote // the notes of the weeks shown that keep the contact
	reviews    []store.CaseReview  // newest first; the overview loads only the latest
	lastReview string
}

// contactWeeksFrom is the first day whose notes the weeks shown count.
func contactWeeksFrom(now time.Time) string {
	return domain.WeekStart(now).AddDate(0, 0, -7*(ContactWeeksShown-1)).Format(domain.DateLayout)
}

// loadRoutineRows loads one course's agreed frequencies, recent contact notes and reviews.
func loadRoutineRows(ctx context.Context, st *store.Store, courseID uint, now time.Time) (routineRows, error) {
	var r routineRows
	var err error
	if r.freqs, err = st.ListContactFrequencies(ctx, courseID); err != nil {
		return r, err
	}
	notes, err := st.ContactNotesSince(ctx, []uint{courseID}, contactWeeksFrom(now), keepsContactKinds())
	if err != nil {
		return r, err
	}
	r.notes = notes[courseID]
	if r.reviews, err = st.ListCaseReviews(ctx, courseID); err != nil {
		return r, err
	}
	if len(r.reviews) > 0 {
		r.lastReview = r.reviews[0].Date
	}
	return r, nil
}

// addRoutines fills the follow-up step's contact frequency, weeks and case reviews.
func addRoutines(out *FollowUpDTO, c *store.Course, r routineRows, now time.Time) {
	out.ContactFrequencies = make([]ContactFrequencyDTO, 0, len(r.freqs))
	agreements := make([]domain.ContactAgreement, 0, len(r.freqs))
	for _, f := range r.freqs {
		out.ContactFrequencies = append(out.ContactFrequencies, ContactFrequencyDTO{ID: f.ID, FromDate: f.FromDate,
			Times: f.Times, Per: f.Per, Note: f.Note})
		if from := parseStoredDate(&f.FromDate); from != nil {
			agreements = append(agreements, domain.ContactAgreement{From: *from, Times: f.Times, Per: domain.FrequencyPer(f.Per)})
		}
	}
	if a := domain.AgreementOn(agreements, now); a != nil {
		out.FrequencyNow = &ContactFrequencyDTO{FromDate: a.From.Format(domain.DateLayout), Times: a.Times, Per: string(a.Per)}
	}
	events := make([]domain.ContactEvent, 0, len(r.notes))
	for _, n := range r.notes {
		if t, err := time.Parse(NoteLayout, n.OccurredAt); err == nil {
			events = append(events, domain.ContactEvent{At: t, Minutes: n.DurationMinutes, Kind: domain.NoteKind(n.Kind)})
		}
	}
	start, _ := time.Parse(domain.DateLayout, c.StartDate)
	today := now
	if end := parseStoredDate(c.EndDate); end != nil && end.Before(today) {
		today = *end
	}
	out.ContactWeeks = []ContactWeekDTO{}
	for _, w := range domain.ContactIntensity(agreements, events, start, today, ContactWeeksShown) {
		d := ContactWeekDTO{WeekStart: w.WeekStart.Format(domain.DateLayout), AgreedPerWeek: w.AgreedPerWeek,
			Contacts: w.Contacts, Minutes: w.Minutes, Attempts: w.Attempts, State: string(w.State)}
		if w.Agreed != nil {
			d.AgreedTimes, d.AgreedPer = w.Agreed.Times, string(w.Agreed.Per)
		}
		out.ContactWeeks = append(out.ContactWeeks, d)
	}
	out.CaseReviews = make([]CaseReviewDTO, 0, len(r.reviews))
	for _, v := range r.reviews {
		out.CaseReviews = append(out.CaseReviews, CaseReviewDTO{ID: v.ID, Date: v.Date, Participants: v.Participants, Agreed: v.Agreed})
	}
	due := domain.NextCaseReviewDue(start, parseStoredDate(&r.lastReview))
	out.LastCaseReview, out.NextCaseReviewDue = r.lastReview, due.Format(domain.DateLayout)
	out.CaseReviewState = string(domain.CaseReviewStatus(due, now))
	if !domain.CourseStatus(c.Status).Open() {
		out.CaseReviewState = string(domain.ReviewOK)
	}
}
