package domain

import (
	"testing"
	"time"
)

func TestAgreementOn(t *testing.T) {
	as := []ContactAgreement{{From: iso("2026-03-01"), Times: 1, Per: PerDay}, {From: iso("2026-04-01"), Times: 2, Per: PerWeek}}
	cases := []struct {
		day  string
		want int // per week, -1 for none
	}{
		{"2026-02-28", -1},
		{"2026-03-01", 7},
		{"2026-03-31", 7},
		{"2026-04-01", 2},
		{"2027-01-01", 2},
	}
	for _, c := range cases {
		t.Run(c.day, func(t *testing.T) {
			a := AgreementOn(as, iso(c.day))
			got := -1
			if a != nil {
				got = a.TimesPerWeek()
			}
			if got != c.want {
				t.Fatalf("per week = %d, want %d", got, c.want)
			}
		})
	}
}

func TestContactIntensity(t *testing.T) {
	// Wednesday 2 December 2026; the weeks start on Mondays 16, 23 and 30 November.
	today := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	start := iso("2026-11-01")
	twice := []ContactAgreement{{From: iso("2026-11-01"), Times: 2, Per: PerWeek}}
	at := func(s string, min int, k NoteKind) ContactEvent {
		return ContactEvent{At: iso(s).Add(10 * time.Hour), Minutes: min, Kind: k}
	}
	cases := []struct {
		name       string
		agreements []ContactAgreement
		events     []ContactEvent
		start      time.Time
		n          int
		want       []ContactWeek // WeekStart, AgreedPerWeek, Contacts, Minutes, Attempts, State
	}{
		{"exactly as agreed is met; one fewer is below", twice,
			[]ContactEvent{at("2026-11-16", 30, NoteVisit), at("2026-11-22", 45, NotePhoneCall), at("2026-11-23", 60, NoteVisit)},
			start, 3, []ContactWeek{
				{WeekStart: iso("2026-11-16"), AgreedPerWeek: 2, Contacts: 2, Minutes: 75, State: WeekMet},
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Contacts: 1, Minutes: 60, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"attempts and cancellations keep the week, marked as sought", twice,
			[]ContactEvent{at("2026-11-24", 0, NoteAttempt), at("2026-11-25", 0, NoteCancelled), at("2026-11-26", 20, NoteVisit),
				at("2026-11-27", 15, NoteCollaboration)},
			start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Contacts: 1, Minutes: 20, Attempts: 2, State: WeekSought},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"persistence boundary: attempts only reach the agreement, one short is below", twice,
			[]ContactEvent{at("2026-11-17", 0, NoteAttempt), at("2026-11-18", 0, NoteCancelled), at("2026-11-24", 0, NoteAttempt)},
			start, 3, []ContactWeek{
				{WeekStart: iso("2026-11-16"), AgreedPerWeek: 2, Attempts: 2, State: WeekSought},
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Attempts: 1, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"contacts alone reaching the agreement are met, whatever the attempts", twice,
			[]ContactEvent{at("2026-11-24", 10, NoteVisit), at("2026-11-25", 10, NoteVisit), at("2026-11-26", 0, NoteAttempt)},
			start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Contacts: 2, Minutes: 20, Attempts: 1, State: WeekMet},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"daily counts seven a week; a change on a Wednesday is prorated (2x1 + 5x2/7 = 3)",
			[]ContactAgreement{{From: iso("2026-11-01"), Times: 1, Per: PerDay}, {From: iso("2026-11-25"), Times: 2, Per: PerWeek}},
			[]ContactEvent{at("2026-11-16", 10, NoteVisit), at("2026-11-17", 10, NoteVisit), at("2026-11-23", 10, NoteVisit),
				at("2026-11-24", 10, NoteVisit), at("2026-11-25", 10, NoteVisit)},
			start, 3, []ContactWeek{
				{WeekStart: iso("2026-11-16"), AgreedPerWeek: 7, Contacts: 2, Minutes: 20, State: WeekBelow},
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 3, Contacts: 3, Minutes: 30, State: WeekMet},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"a change to daily on a Sunday is prorated (6x2/7 + 1 = 2)",
			[]ContactAgreement{{From: iso("2026-11-02"), Times: 2, Per: PerWeek}, {From: iso("2026-11-29"), Times: 1, Per: PerDay}},
			[]ContactEvent{at("2026-11-24", 10, NoteVisit), at("2026-11-26", 10, NoteVisit)},
			start, 3, []ContactWeek{
				{WeekStart: iso("2026-11-16"), AgreedPerWeek: 2, State: WeekBelow},
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Contacts: 2, Minutes: 20, State: WeekMet},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 7, State: WeekRunning},
			}},
		{"a change from daily on a Sunday is prorated (6 + 2/7 = 6)",
			[]ContactAgreement{{From: iso("2026-11-02"), Times: 1, Per: PerDay}, {From: iso("2026-11-29"), Times: 2, Per: PerWeek}},
			nil, start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 6, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"a change on a Monday judges the week by the new one",
			[]ContactAgreement{{From: iso("2026-11-02"), Times: 2, Per: PerWeek}, {From: iso("2026-11-23"), Times: 1, Per: PerDay}},
			nil, start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 7, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 7, State: WeekRunning},
			}},
		{"a first agreement from a Thursday is prorated like a change (4x2/7 = 1)",
			[]ContactAgreement{{From: iso("2026-11-26"), Times: 2, Per: PerWeek}},
			[]ContactEvent{at("2026-11-24", 10, NoteVisit)},
			start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 1, Contacts: 1, Minutes: 10, State: WeekMet},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
			}},
		{"a first agreement from a Sunday expects at least one",
			[]ContactAgreement{{From: iso("2026-11-29"), Times: 1, Per: PerWeek}},
			nil, start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 1, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 1, State: WeekRunning},
			}},
		{"no agreement", nil, []ContactEvent{at("2026-11-24", 30, NoteVisit)}, start, 2, []ContactWeek{
			{WeekStart: iso("2026-11-23"), Contacts: 1, Minutes: 30, State: WeekNoAgreement},
			{WeekStart: iso("2026-11-30"), State: WeekNoAgreement},
		}},
		{"no week before the start week; the start week is not judged", twice, nil, iso("2026-11-25"), 4, []ContactWeek{
			{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, State: WeekRunning},
			{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, State: WeekRunning},
		}},
		{"an agreement from a Monday judges that week", []ContactAgreement{{From: iso("2026-11-23"), Times: 1, Per: PerWeek}},
			nil, start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 1, State: WeekBelow},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 1, State: WeekRunning},
			}},
		{"notes on Sunday belong to the week before Monday's", twice,
			[]ContactEvent{at("2026-11-29", 5, NoteVisit), at("2026-11-29", 5, NoteVisit), at("2026-11-30", 5, NoteVisit)},
			start, 2, []ContactWeek{
				{WeekStart: iso("2026-11-23"), AgreedPerWeek: 2, Contacts: 2, Minutes: 10, State: WeekMet},
				{WeekStart: iso("2026-11-30"), AgreedPerWeek: 2, Contacts: 1, Minutes: 5, State: WeekRunning},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ContactIntensity(c.agreements, c.events, c.start, today, c.n)
			if len(got) != len(c.want) {
				t.Fatalf("%d weeks, want %d: %+v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				g := got[i]
				if !g.WeekStart.Equal(w.WeekStart) || g.AgreedPerWeek != w.AgreedPerWeek || g.Contacts != w.Contacts ||
					g.Minutes != w.Minutes || g.Attempts != w.Attempts || g.State != w.State {
					t.Errorf("week %d = %s agreed %d contacts %d min %d attempts %d %s, want %s agreed %d contacts %d min %d attempts %d %s",
						i, g.WeekStart.Format(DateLayout), g.AgreedPerWeek, g.Contacts, g.Minutes, g.Attempts, g.State,
						w.WeekStart.Format(DateLayout), w.AgreedPerWeek, w.Contacts, w.Minutes, w.Attempts, w.State)
				}
			}
		})
	}
	if got := ContactIntensity(twice, nil, start, today, 0); got != nil {
		t.Fatalf("n = 0 gives %v", got)
	}
}

func TestCaseReviewDue(t *testing.T) {
	start := iso("2026-01-31")
	cases := []struct {
		name  string
		last  *time.Time
		today string
		due   string
		state ReviewState
	}{
		{"first due four months after the start (clamped)", nil, "2026-03-01", "2026-05-31", ReviewOK},
		{"one day before due soon", nil, "2026-05-16", "2026-05-31", ReviewOK},
		{"due soon from 14 days before", nil, "2026-05-17", "2026-05-31", ReviewDueSoon},
		{"due today is on time", nil, "2026-05-31", "2026-05-31", ReviewDueSoon},
		{"a day after is overdue", nil, "2026-06-01", "2026-05-31", ReviewOverdue},
		{"counts from the latest review", isop("2026-05-10"), "2026-06-01", "2026-09-10", ReviewOK},
		{"a review before the start does not count", isop("2025-12-01"), "2026-03-01", "2026-05-31", ReviewOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			due := NextCaseReviewDue(start, c.last)
			if got := due.Format(DateLayout); got != c.due {
				t.Fatalf("due %s, want %s", got, c.due)
			}
			if got := CaseReviewStatus(due, iso(c.today).Add(9*time.Hour)); got != c.state {
				t.Fatalf("state %s, want %s", got, c.state)
			}
		})
	}
}

func TestCheckAgreedTimes(t *testing.T) {
	cases := []struct {
		times int
		per   FrequencyPer
		max   string // "" when accepted
	}{
		{1, PerDay, ""}, {6, PerDay, ""}, {7, PerDay, "6"}, {21, PerDay, "6"}, {0, PerDay, "6"},
		{1, PerWeek, ""}, {21, PerWeek, ""}, {22, PerWeek, "21"}, {-1, PerWeek, "21"},
	}
	for _, c := range cases {
		var p Problems
		CheckAgreedTimes(&p, "times", c.times, c.per)
		var err *Error
		if e := p.Err(); e != nil {
			err = e.(*Error)
		}
		switch {
		case c.max == "" && err != nil:
			t.Errorf("%d/%s refused: %v", c.times, c.per, err)
		case c.max != "" && (err == nil || len(err.Fields) != 1 || err.Fields[0].Code != CodeOutOfRange || err.Fields[0].Params["max"] != c.max):
			t.Errorf("%d/%s = %+v, want out_of_range max %s", c.times, c.per, err, c.max)
		}
	}
}
