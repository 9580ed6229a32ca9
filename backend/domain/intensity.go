package domain

import (
	"sort"
	"strconv"
	"time"
)

// FrequencyPer is the period an agreed contact frequency counts in.
type FrequencyPer string

// Frequency periods: "once a day at first, later twice a week", as in the case stories.
const (
	PerDay  FrequencyPer = "day"
	PerWeek FrequencyPer = "week"
)

// FrequencyPers lists the periods in UI order.
var FrequencyPers = []FrequencyPer{PerDay, PerWeek}

// MaxAgreedTimes bounds the times a week a worker can agree with a citizen (three a day);
// more is a typing mistake.
const MaxAgreedTimes = 21

// MaxAgreedTimesPerDay bounds the times a day a worker can agree with a citizen.
const MaxAgreedTimesPerDay = 6

// MaxAgreedTimesFor is the most times that can be agreed per the period (per week when
// the period is unknown).
func MaxAgreedTimesFor(per FrequencyPer) int {
	if per == PerDay {
		return MaxAgreedTimesPerDay
	}
	return MaxAgreedTimes
}

// CheckAgreedTimes refuses times outside 1 to the period's maximum as out_of_range.
func CheckAgreedTimes(p *Problems, field string, times int, per FrequencyPer) {
	if m := MaxAgreedTimesFor(per); times < 1 || times > m {
		p.Add(field, CodeOutOfRange, "min", "1", "max", strconv.Itoa(m))
	}
}

// ContactAgreement is the contact frequency agreed with the citizen from a day on, until
// the next agreement.
type ContactAgreement struct {
	From  time.Time
	Times int
	Per   FrequencyPer
}

// TimesPerWeek is the agreement as contacts per week (daily counts seven days).
func (a ContactAgreement) TimesPerWeek() int {
	if a.Per == PerDay {
		return a.Times * 7
	}
	return a.Times
}

// AgreementOn returns the agreement in force on day: the latest that starts on or before
// it (on the same day the later in the list wins), nil when none does.
func AgreementOn(agreements []ContactAgreement, day time.Time) *ContactAgreement {
	d := Day(day)
	var best *ContactAgreement
	for i := range agreements {
		a := &agreements[i]
		if Day(a.From).After(d) {
			continue
		}
		if best == nil || !Day(a.From).Before(Day(best.From)) {
			best = a
		}
	}
	return best
}

// ContactEvent is one journal note as the contact intensity counts it.
type ContactEvent struct {
	At      time.Time
	Minutes int
	Kind    NoteKind
}

// WeekState is how a week's contacts compare with the agreement.
type WeekState string

// Week states.
const (
	WeekMet WeekState = "met" // at least as many contacts as agreed
	// WeekSought is a week kept only thanks to attempts and cancellations by the citizen:
	// contacts alone fall short, with them the worker did what the persistence duty asks.
	WeekSought      WeekState = "sought"
	WeekBelow       WeekState = "below"        // fewer contacts, attempts and cancellations than agreed
	WeekRunning     WeekState = "running"      // the week is not over (or began after the start): not judged
	WeekNoAgreement WeekState = "no_agreement" // no frequency agreed for the week
)

// ContactWeek is one week (Monday to Sunday) of contacts set against the agreement.
type ContactWeek struct {
	WeekStart time.Time
	// Agreed is the agreement in force on the week's last day counted (nil: none).
	Agreed *ContactAgreement
	// AgreedPerWeek is what the week is judged against: the agreements in force on each of
	// its days prorated (see ExpectedInWeek); 0 without an agreement.
	AgreedPerWeek int
	// Contacts and Minutes count the notes where the worker met or spoke with the citizen;
	// Attempts counts attempts and cancelled meetings, shown apart: they keep the contact
	// but are no meeting.
	Contacts, Minutes, Attempts int
	State                       WeekState
}

// WeekStart is the Monday of t's week.
func WeekStart(t time.Time) time.Time {
	d := Day(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// ExpectedInWeek is the number of contacts expected in the week starting on monday: the
// sum over its seven days of the agreement in force that day (a weekly count / 7, a daily
// count whole), rounded down, and at least 1 when an agreement was in force on any day. An
// agreement that starts or changes mid-week is so judged by the days it covered.
func ExpectedInWeek(agreements []ContactAgreement, monday time.Time) int {
	sevenths, any := 0, false
	for i := 0; i < 7; i++ {
		a := AgreementOn(agreements, monday.AddDate(0, 0, i))
		if a == nil {
			continue
		}
		any = true
		if a.Per == PerDay {
			sevenths += a.Times * 7
		} else {
			sevenths += a.Times
		}
	}
	if !any {
		return 0
	}
	return max(sevenths/7, 1)
}

// ContactIntensity sets the last n weeks up to today's week (oldest first, none before
// the course's start week) against the frequency agreed in each (ExpectedInWeek). A week
// is kept when its contacts, attempts and cancellations reach the expectation (the
// persistence duty); kept only thanks to the attempts it is WeekSought. A week that is
// still running, or that the course began in after its Monday, is counted but not judged.
func ContactIntensity(agreements []ContactAgreement, events []ContactEvent, start, today time.Time, n int) []ContactWeek {
	if n <= 0 {
		return nil
	}
	t, first := Day(today), WeekStart(start)
	from := WeekStart(t).AddDate(0, 0, -7*(n-1))
	if from.Before(first) {
		from = first
	}
	var out []ContactWeek
	for w := from; !w.After(t); w = w.AddDate(0, 0, 7) {
		end := w.AddDate(0, 0, 6)
		last := end
		if last.After(t) {
			last = t
		}
		cw := ContactWeek{WeekStart: w, Agreed: AgreementOn(agreements, last)}
		if cw.Agreed != nil {
			cw.AgreedPerWeek = ExpectedInWeek(agreements, w)
		}
		for _, e := range events {
			d := Day(e.At)
			if d.Before(w) || d.After(end) {
				continue
			}
			switch {
			case e.Kind.IsContact():
				cw.Contacts++
				cw.Minutes += max(e.Minutes, 0)
			case e.Kind.IsPersistence():
				cw.Attempts++
			}
		}
		switch {
		case cw.Agreed == nil:
			cw.State = WeekNoAgreement
		case end.After(t) || w.Before(Day(start)):
			cw.State = WeekRunning
		case cw.Contacts >= cw.AgreedPerWeek:
			cw.State = WeekMet
		case cw.Contacts+cw.Attempts >= cw.AgreedPerWeek:
			cw.State = WeekSought
		default:
			cw.State = WeekBelow
		}
		out = append(out, cw)
	}
	return out
}

// Judged tells whether a week state is a judgement (met, sought or below).
func (s WeekState) Judged() bool {
	return s == WeekMet || s == WeekSought || s == WeekBelow
}

// LastJudgedWeek returns the newest week that is judged (met, sought or below), nil when none is.
func LastJudgedWeek(weeks []ContactWeek) *ContactWeek {
	for i := len(weeks) - 1; i >= 0; i-- {
		if weeks[i].State.Judged() {
			return &weeks[i]
		}
	}
	return nil
}

// SortAgreements orders agreements by their first day, oldest first (stable).
func SortAgreements(a []ContactAgreement) {
	sort.SliceStable(a, func(i, j int) bool { return Day(a[i].From).Before(Day(a[j].From)) })
}
