package service

import (
	"testing"

	"icm/backend/domain"
)

// A new course's follow-up step has nothing done before anything happened (issue 16): no
// evaluation yet and no contact yet are not "kept up", even though nothing is overdue.
func TestNewCourseFollowUpIsNotHalfDone(t *testing.T) {
	w := newWizard(t) // 2026-12-01
	co := w.courseFrom(t, "Åse Ærø", "2026-11-25")
	wantDone(t, w.step(t, co.ID, string(domain.StepFollowUp)), 0, 4, "evaluation_current", "who5_recent", "weekly_check_recent", "contact_kept")
	mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-30T10:00", Location: "home", Kind: "attempt", Text: "Ingen hjemme"}))
	// An unanswered attempt keeps the contact: the worker sought the citizen.
	wantDone(t, w.step(t, co.ID, string(domain.StepFollowUp)), 1, 4, "evaluation_current", "who5_recent", "weekly_check_recent")
}

// A new course's housing at the start is the citizen's current housing, in the visitation
// step and as the course's start entry of the housing history (issue 16).
func TestNewCourseStartHousingFromCitizen(t *testing.T) {
	w := newWizard(t)
	cases := []struct{ name, housing string }{{"Bo Berg", "shelter"}, {"Dan Dam", ""}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cit := mustFn[CitizenDTO](t)(w.citizens.SaveCitizen(CitizenInput{Name: c.name, Housing: c.housing}))
			co := mustFn[CourseDTO](t)(w.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: w.lead.ID, StartDate: "2026-11-20"}))
			v := mustFn[VisitationDTO](t)(w.courses.GetVisitation(IDInput{ID: co.ID}))
			if v.HousingAtStart != c.housing {
				t.Fatalf("housing at start %q, want %q", v.HousingAtStart, c.housing)
			}
			h := mustFn[HousingHistoryDTO](t)(w.citizens.GetHousingHistory(IDInput{ID: cit.ID}))
			starts := 0
			for _, e := range h.Entries {
				if e.Kind == string(domain.HousingKindStart) {
					starts++
					if e.Housing != c.housing || e.Date != "2026-11-20" {
						t.Errorf("start entry %+v", e)
					}
				}
			}
			if want := map[bool]int{true: 1, false: 0}[c.housing != ""]; starts != want {
				t.Fatalf("%d start entries, want %d: %+v", starts, want, h.Entries)
			}
			if got := mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: cit.ID})).Housing; got != c.housing {
				t.Fatalf("citizen's housing became %q", got)
			}
		})
	}
}

// The agreed contact frequency is a history; the follow-up step sets each week's contacts
// (count and minutes) against the agreement in force, attempts apart; bad input is refused
// field by field, and nothing is written.
func TestContactFrequencyAgainstActualContacts(t *testing.T) {
	w := newWizard(t) // Tuesday 2026-12-01
	co := w.courseFrom(t, "Åse Ærø", "2026-11-02")
	bad := []struct {
		in    ContactFrequencyInput
		field string
		code  domain.Code
	}{
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 0, Per: "week"}, "times", domain.CodeOutOfRange},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 22, Per: "week"}, "times", domain.CodeOutOfRange},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 7, Per: "day"}, "times", domain.CodeOutOfRange},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 21, Per: "day"}, "times", domain.CodeOutOfRange},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 2, Per: "month"}, "per", domain.CodeInvalidChoice},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "", Times: 2, Per: "week"}, "fromDate", domain.CodeRequired},
		{ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-01", Times: 2, Per: "week"}, "fromDate", domain.CodeDateOutOfRange},
	}
	for _, b := range bad {
		_, err := w.followUp.SaveContactFrequency(b.in)
		wantField(t, err, b.field, b.code)
	}
	if fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID})); len(fu.ContactFrequencies) != 0 || fu.FrequencyNow != nil {
		t.Fatalf("refused agreements were stored: %+v", fu.ContactFrequencies)
	}
	mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 1, Per: "day", Note: "Den første tid"}))
	mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-23", Times: 3, Per: "week"}))
	// the same day again replaces that day's agreement
	mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-23", Times: 2, Per: "week"}))
	for _, n := range []NoteInput{
		{OccurredAt: "2026-11-23T10:00", DurationMinutes: 60, Location: "home", Kind: "visit"},
		{OccurredAt: "2026-11-25T10:00", DurationMinutes: 0, Location: "home", Kind: "attempt"},
		{OccurredAt: "2026-11-26T10:00", DurationMinutes: 30, Location: "other", Kind: "accompaniment"},
		{OccurredAt: "2026-11-27T10:00", DurationMinutes: 0, Location: "phone", Kind: "cancelled"},
		{OccurredAt: "2026-11-28T10:00", DurationMinutes: 20, Location: "office", Kind: "collaboration"},
		{OccurredAt: "2026-11-17T10:00", DurationMinutes: 45, Location: "street", Kind: "visit"},
		{OccurredAt: "2026-12-01T08:00", DurationMinutes: 15, Location: "phone", Kind: "phone_call"},
	} {
		n.CourseID, n.Text = co.ID, "Notat"
		mustFn[NoteDTO](t)(w.notes.SaveNote(n))
	}
	fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
	if len(fu.ContactFrequencies) != 2 || fu.FrequencyNow == nil || fu.FrequencyNow.Times != 2 || fu.FrequencyNow.Per != "week" ||
		fu.FrequencyNow.FromDate != "2026-11-23" {
		t.Fatalf("frequencies %+v now %+v", fu.ContactFrequencies, fu.FrequencyNow)
	}
	want := []ContactWeekDTO{
		{WeekStart: "2026-11-02", AgreedTimes: 1, AgreedPer: "day", AgreedPerWeek: 7, State: "below"},
		{WeekStart: "2026-11-09", AgreedTimes: 1, AgreedPer: "day", AgreedPerWeek: 7, State: "below"},
		{WeekStart: "2026-11-16", AgreedTimes: 1, AgreedPer: "day", AgreedPerWeek: 7, Contacts: 1, Minutes: 45, State: "below"},
		{WeekStart: "2026-11-23", AgreedTimes: 2, AgreedPer: "week", AgreedPerWeek: 2, Contacts: 2, Minutes: 90, Attempts: 2, State: "met"},
		{WeekStart: "2026-11-30", AgreedTimes: 2, AgreedPer: "week", AgreedPerWeek: 2, Contacts: 1, Minutes: 15, State: "running"},
	}
	if len(fu.ContactWeeks) != len(want) {
		t.Fatalf("weeks %+v", fu.ContactWeeks)
	}
	for i := range want {
		if fu.ContactWeeks[i] != want[i] {
			t.Errorf("week %d = %+v, want %+v", i, fu.ContactWeeks[i], want[i])
		}
	}
	// The overview lists the course with its agreement and latest judged week.
	ov := mustFn[OverviewDTO](t)(NewOverviewService(asLead(t, w.d)).TeamOverview())
	if len(ov.ContactIntensity) != 1 || ov.ContactIntensity[0].LastWeek == nil || ov.ContactIntensity[0].LastWeek.State != "met" ||
		ov.ContactIntensity[0].Frequency.Times != 2 {
		t.Fatalf("overview intensity %+v", ov.ContactIntensity)
	}
}

// Case reviews: recorded per course, the next due four months after the latest (or the
// start), listed by the overview when due within 14 days or overdue.
func TestCaseReviews(t *testing.T) {
	w := newWizard(t)                                // 2026-12-01
	old := w.courseFrom(t, "Åse Ærø", "2026-07-15")  // first review due 2026-11-15: overdue
	soon := w.courseFrom(t, "Bo Berg", "2026-08-10") // due 2026-12-10: due soon
	young := w.courseFrom(t, "Cai Ek", "2026-11-01") // due 2027-03-01
	for _, b := range []struct {
		in    CaseReviewInput
		field string
		code  domain.Code
	}{
		{CaseReviewInput{CourseID: old.ID, Date: "2026-12-02", Participants: "ML", Agreed: "x"}, "date", domain.CodeDateOutOfRange},
		{CaseReviewInput{CourseID: young.ID, Date: "2026-10-31", Participants: "ML", Agreed: "x"}, "date", domain.CodeDateOutOfRange},
		{CaseReviewInput{CourseID: young.ID, Date: "2020-01-01", Participants: "ML", Agreed: "x"}, "date", domain.CodeDateOutOfRange},
		{CaseReviewInput{CourseID: old.ID, Date: "2026-11-30", Participants: "", Agreed: "x"}, "participants", domain.CodeRequired},
		{CaseReviewInput{CourseID: old.ID, Date: "2026-11-30", Participants: "ML", Agreed: " "}, "agreed", domain.CodeRequired},
		{CaseReviewInput{CourseID: old.ID, Date: "2026-11-30", Participants: "\u200b", Agreed: "x"}, "participants", domain.CodeRequired},
		{CaseReviewInput{CourseID: old.ID, Date: "2026-11-30", Participants: "ML", Agreed: "\ufeff"}, "agreed", domain.CodeRequired},
	} {
		_, err := w.followUp.SaveCaseReview(b.in)
		wantField(t, err, b.field, b.code)
	}
	ov := mustFn[OverviewDTO](t)(NewOverviewService(asLead(t, w.d)).TeamOverview())
	got := map[uint]string{}
	for _, r := range ov.CaseReviews {
		got[r.CourseID] = r.State + " " + r.DueDate
	}
	if len(got) != 2 || got[old.ID] != "overdue 2026-11-15" || got[soon.ID] != "due_soon 2026-12-10" || got[young.ID] != "" {
		t.Fatalf("reviews due %v", ov.CaseReviews)
	}
	fu := mustFn[FollowUpDTO](t)(w.followUp.SaveCaseReview(CaseReviewInput{CourseID: old.ID, Date: "2026-11-30",
		Participants: "ML, JØ", Agreed: "Fortsæt daglige besøg"}))
	if len(fu.CaseReviews) != 1 || fu.LastCaseReview != "2026-11-30" || fu.NextCaseReviewDue != "2027-03-30" || fu.CaseReviewState != "ok" {
		t.Fatalf("after a review: %+v", fu)
	}
	// a second review on the same day is refused; correcting the first keeps its day
	_, err := w.followUp.SaveCaseReview(CaseReviewInput{CourseID: old.ID, Date: "2026-11-30", Participants: "ML", Agreed: "Igen"})
	wantField(t, err, "date", domain.CodeDuplicateDate)
	fu = mustFn[FollowUpDTO](t)(w.followUp.SaveCaseReview(CaseReviewInput{ID: fu.CaseReviews[0].ID, CourseID: old.ID,
		Date: "2026-11-30", Participants: "ML, JØ", Agreed: "Fortsæt daglige besøg, to gange"}))
	if len(fu.CaseReviews) != 1 {
		t.Fatalf("reviews after a correction: %+v", fu.CaseReviews)
	}
	// a review of another course cannot be changed through this one
	_, err = w.followUp.SaveCaseReview(CaseReviewInput{ID: fu.CaseReviews[0].ID, CourseID: soon.ID, Date: "2026-11-30",
		Participants: "ML", Agreed: "Andet"})
	wantCode(t, err, domain.CodeNotFound)
	ov = mustFn[OverviewDTO](t)(NewOverviewService(asLead(t, w.d)).TeamOverview())
	if len(ov.CaseReviews) != 1 || ov.CaseReviews[0].CourseID != soon.ID {
		t.Fatalf("reviews due after the review: %+v", ov.CaseReviews)
	}
}

// Status meetings and supervision are the team lead's record; the overview says when the
// weekly status meeting is missing (none in the last seven days).
func TestTeamMeetings(t *testing.T) {
	w := newWizard(t) // 2026-12-01
	lead := NewTeamService(asLead(t, w.d))
	r := mustFn[TeamRoutinesDTO](t)(lead.TeamRoutines())
	if !r.StatusMeetingLate || len(r.Meetings) != 0 {
		t.Fatalf("no meetings yet: %+v", r)
	}
	_, err := lead.SaveTeamMeeting(TeamMeetingInput{Kind: "party", Date: "2026-11-30"})
	wantField(t, err, "kind", domain.CodeInvalidChoice)
	_, err = lead.SaveTeamMeeting(TeamMeetingInput{Kind: "status", Date: "2026-12-02"})
	wantField(t, err, "date", domain.CodeDateOutOfRange)
	for _, c := range []struct {
		date string
		late bool
	}{{"2026-11-23", true}, {"2026-11-24", false}} {
		r = mustFn[TeamRoutinesDTO](t)(lead.SaveTeamMeeting(TeamMeetingInput{Kind: "status", Date: c.date, Participants: "Hele teamet"}))
		if r.StatusMeetingLate != c.late || r.LastStatus != c.date {
			t.Fatalf("after a status meeting %s: %+v", c.date, r)
		}
	}
	r = mustFn[TeamRoutinesDTO](t)(lead.SaveTeamMeeting(TeamMeetingInput{Kind: "supervision", Date: "2026-11-20", Note: "Ekstern supervisor"}))
	if r.LastSupervision != "2026-11-20" || len(r.Meetings) != 3 || r.Meetings[0].Date != "2026-11-24" {
		t.Fatalf("routines %+v", r)
	}
	// a worker cannot record team data
	worker := w.worker(t, "Jonas Ørnberg", "JØ", domain.RoleICMWorker, 1)
	_, err = NewTeamService(asWorker(w.d, worker)).SaveTeamMeeting(TeamMeetingInput{Kind: "status", Date: "2026-11-30"})
	wantCode(t, err, domain.CodeForbidden)
	ov := mustFn[OverviewDTO](t)(NewOverviewService(asLead(t, w.d)).TeamOverview())
	if ov.Routines.LastStatus != "2026-11-24" || ov.Routines.StatusMeetingLate {
		t.Fatalf("overview routines %+v", ov.Routines)
	}
}
