package service

import (
	"fmt"
	"strings"
	"testing"

	"icm/backend/domain"
)

func TestCoordinationContactValidation(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	ok := ContactInput{CourseID: co.ID, Kind: "caseworker", Name: "Jens Holm", Active: true}
	with := func(f func(in *ContactInput)) ContactInput { in := ok; f(&in); return in }
	cases := []struct {
		name  string
		in    ContactInput
		field string
		code  domain.Code
	}{
		{"no kind", with(func(in *ContactInput) { in.Kind = "" }), "kind", domain.CodeRequired},
		{"unknown kind", with(func(in *ContactInput) { in.Kind = "priest" }), "kind", domain.CodeInvalidChoice},
		{"neither name nor organisation", with(func(in *ContactInput) { in.Name = "  " }), "name", domain.CodeRequired},
		{"letters in the phone number", with(func(in *ContactInput) { in.Phone = "20 30 ab 40" }), "phone", domain.CodeInvalidPhone},
		{"too few digits", with(func(in *ContactInput) { in.Phone = "2030 40" }), "phone", domain.CodeInvalidPhone},
		{"last contact tomorrow", with(func(in *ContactInput) { in.LastContact = "2026-12-02" }), "lastContact", domain.CodeDateOutOfRange},
		{"last contact in Danish notation", with(func(in *ContactInput) { in.LastContact = "30.11.2026" }), "lastContact", domain.CodeInvalidDate},
		{"name of 121 letters", with(func(in *ContactInput) { in.Name = strings.Repeat("Å", 121) }), "name", domain.CodeTooLong},
		{"control character in the name", with(func(in *ContactInput) { in.Name = "Jens\x00Holm" }), "name", domain.CodeInvalidCharacters},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.coord.SaveContact(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	must := mustFn[CoordinationDTO](t)
	got := must(w.coord.GetCoordination(IDInput{ID: co.ID}))
	if len(got.Contacts) != 0 {
		t.Fatalf("refused contacts were stored: %+v", got.Contacts)
	}
	got = must(w.coord.SaveContact(with(func(in *ContactInput) {
		in.Name, in.Organisation, in.Phone, in.LastContact = "", "Jobcenter Solvang", "+45 20 30 40 50", "2026-12-01"
	})))
	if c := got.Contacts[0]; c.Organisation != "Jobcenter Solvang" || c.Phone != "+45 20 30 40 50" || c.LastContact != "2026-12-01" ||
		!c.Active || c.Kind != "caseworker" {
		t.Fatalf("contact = %+v", c)
	}
	t.Run("another course's contact", func(t *testing.T) {
		other := w.course(t, w.lead.ID, "Bjørn Ørsted")
		in := ok
		in.ID, in.CourseID = got.Contacts[0].ID, other.ID
		_, err := w.coord.SaveContact(in)
		wantCode(t, err, domain.CodeNotFound)
		_, err = w.coord.DeleteContact(ChildInput{CourseID: other.ID, ID: got.Contacts[0].ID})
		wantCode(t, err, domain.CodeNotFound)
	})
}

func TestCoordinationMeetings(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[CoordinationDTO](t)

	_, err := w.coord.SaveMeeting(MeetingInput{CourseID: co.ID})
	wantField(t, err, "date", domain.CodeRequired)
	wantField(t, err, "purpose", domain.CodeRequired)
	_, err = w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2027-12-03", Purpose: "For langt ude"})
	wantField(t, err, "date", domain.CodeDateOutOfRange)
	_, err = w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-12-10", Purpose: "Netværksmøde",
		Actions: []MeetingActionDTO{{Action: "  "}, {Action: "Ringe", Deadline: "i morgen"}}})
	wantField(t, err, "actions.0.action", domain.CodeRequired)
	wantField(t, err, "actions.1.deadline", domain.CodeInvalidDate)
	_, err = w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-12-10", Purpose: "Netværksmøde",
		Actions: make([]MeetingActionDTO, 101)})
	wantField(t, err, "actions", domain.CodeTooLong)
	if de := err.(*domain.Error); len(de.Fields) != 1 {
		t.Fatalf("101 empty actions give %d field errors, want the one too_long", len(de.Fields))
	}
	full := make([]MeetingActionDTO, 100)
	for i := range full {
		full[i].Action = fmt.Sprint("Aftale ", i+1)
	}
	if got := must(w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-11-01", Purpose: "Lang liste", Actions: full})); len(got.Meetings[0].Actions) != 100 ||
		got.Meetings[0].Actions[99].Action != "Aftale 100" {
		t.Fatalf("100 actions: %+v", got.Meetings[0].Actions)
	}
	must(w.coord.DeleteMeeting(ChildInput{CourseID: co.ID, ID: must(w.coord.GetCoordination(IDInput{ID: co.ID})).Meetings[0].ID}))
	if got := must(w.coord.GetCoordination(IDInput{ID: co.ID})); len(got.Meetings) != 0 {
		t.Fatalf("refused meetings were stored: %+v", got.Meetings)
	}

	actions := func(m MeetingDTO) string {
		s := ""
		for _, a := range m.Actions {
			s += fmt.Sprintf("[%s|%s|%s|%v]", a.Action, a.Owner, a.Deadline, a.Done)
		}
		return s
	}
	got := must(w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-12-10", Purpose: "Netværksmøde om bolig",
		Participants: "Åse, Jens, Mette", Actions: []MeetingActionDTO{
			{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-12-15"},
			{Action: "Finde lønsedler", Owner: "Åse"},
			{Action: "Ringe til udlejer", Owner: "Mette", Done: true},
		}}))
	m := got.Meetings[0]
	if want := "[Sende ansøgningen|Jens|2026-12-15|false][Finde lønsedler|Åse||false][Ringe til udlejer|Mette||true]"; actions(m) != want {
		t.Fatalf("actions = %s, want %s", actions(m), want)
	}
	// Saving again replaces the whole list, in the new order.
	got = must(w.coord.SaveMeeting(MeetingInput{ID: m.ID, CourseID: co.ID, Date: m.Date, Purpose: m.Purpose,
		Outcome: "Ansøgning sendt", Actions: []MeetingActionDTO{
			{Action: "Ringe til udlejer", Owner: "Mette", Done: true},
			{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-12-15", Done: true},
		}}))
	if len(got.Meetings) != 1 || got.Meetings[0].Outcome != "Ansøgning sendt" ||
		actions(got.Meetings[0]) != "[Ringe til udlejer|Mette||true][Sende ansøgningen|Jens|2026-12-15|true]" {
		t.Fatalf("after replacing: %+v", got.Meetings)
	}
	got = must(w.coord.SaveMeeting(MeetingInput{ID: m.ID, CourseID: co.ID, Date: m.Date, Purpose: m.Purpose}))
	if got.Meetings[0].Actions == nil || len(got.Meetings[0].Actions) != 0 {
		t.Fatalf("after clearing: %+v", got.Meetings[0].Actions)
	}
	// Meetings are listed newest first; another course cannot touch them.
	got = must(w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-11-20", Purpose: "Første møde"}))
	if len(got.Meetings) != 2 || got.Meetings[0].Date != "2026-12-10" || got.Meetings[1].Date != "2026-11-20" {
		t.Fatalf("meetings = %+v", got.Meetings)
	}
	other := w.course(t, w.lead.ID, "Bjørn Ørsted")
	_, err = w.coord.SaveMeeting(MeetingInput{ID: m.ID, CourseID: other.ID, Date: m.Date, Purpose: "Kapret"})
	wantCode(t, err, domain.CodeNotFound)
	_, err = w.coord.DeleteMeeting(ChildInput{CourseID: other.ID, ID: m.ID})
	wantCode(t, err, domain.CodeNotFound)
	got = must(w.coord.DeleteMeeting(ChildInput{CourseID: co.ID, ID: m.ID}))
	if len(got.Meetings) != 1 || got.Meetings[0].Purpose != "Første møde" {
		t.Fatalf("after delete: %+v", got.Meetings)
	}
}

func TestCoordinationCompleteness(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[CoordinationDTO](t)
	got := must(w.coord.GetCoordination(IDInput{ID: co.ID}))
	wantDone(t, got.Completeness, 0, 3, "network", "caseworker_contact", "meeting")

	got = must(w.coord.SaveContact(ContactInput{CourseID: co.ID, Kind: "caseworker", Name: "Jens Holm", Active: false}))
	wantDone(t, got.Completeness, 0, 3, "network", "caseworker_contact", "meeting")
	got = must(w.coord.SaveContact(ContactInput{CourseID: co.ID, Kind: "family", Name: "Søster Birthe", Active: true}))
	wantDone(t, got.Completeness, 1, 3, "caseworker_contact", "meeting")
	if got.Contacts[0].Name != "Søster Birthe" || got.Contacts[1].Active { // active first
		t.Fatalf("contacts = %+v", got.Contacts)
	}
	jens := got.Contacts[1]
	got = must(w.coord.SaveContact(ContactInput{ID: jens.ID, CourseID: co.ID, Kind: "caseworker", Name: jens.Name, Active: true}))
	wantDone(t, got.Completeness, 2, 3, "meeting")
	got = must(w.coord.SaveMeeting(MeetingInput{CourseID: co.ID, Date: "2026-12-10", Purpose: "Netværksmøde"}))
	wantDone(t, got.Completeness, 3, 3)
	wantDone(t, w.step(t, co.ID, "coordination"), 3, 3)
	got = must(w.coord.DeleteContact(ChildInput{CourseID: co.ID, ID: jens.ID}))
	wantDone(t, got.Completeness, 2, 3, "caseworker_contact")
}

func TestAdvocacyCases(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	must := mustFn[AdvocacyDTO](t)
	ok := AdvocacyCaseInput{CourseID: co.ID, Opened: "2026-12-01", Barrier: "Afslag på boligstøtte uden begrundelse"}
	with := func(f func(in *AdvocacyCaseInput)) AdvocacyCaseInput { in := ok; f(&in); return in }
	cases := []struct {
		name  string
		in    AdvocacyCaseInput
		field string
		code  domain.Code
	}{
		{"no barrier", with(func(in *AdvocacyCaseInput) { in.Barrier = "" }), "barrier", domain.CodeRequired},
		{"no opened date", with(func(in *AdvocacyCaseInput) { in.Opened = "" }), "opened", domain.CodeRequired},
		{"opened tomorrow", with(func(in *AdvocacyCaseInput) { in.Opened = "2026-12-02" }), "opened", domain.CodeDateOutOfRange},
		{"opened before 1990", with(func(in *AdvocacyCaseInput) { in.Opened = "1989-12-31" }), "opened", domain.CodeDateOutOfRange},
		{"unknown status", with(func(in *AdvocacyCaseInput) { in.Status = "won" }), "status", domain.CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.advocacy.SaveCase(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	got := must(w.advocacy.GetAdvocacy(IDInput{ID: co.ID}))
	wantDone(t, got.Completeness, 0, 2, "barrier_reviewed", "barrier_actions")

	got = must(w.advocacy.SaveCase(ok)) // opened today, no actions yet
	c := got.Cases[0]
	if c.Status != "open" || c.Opened != "2026-12-01" || c.Barrier != ok.Barrier {
		t.Fatalf("case = %+v", c)
	}
	wantDone(t, got.Completeness, 1, 2, "barrier_actions")
	got = must(w.advocacy.SaveCase(with(func(in *AdvocacyCaseInput) {
		in.ID, in.Actions, in.Towards, in.Rights = c.ID, "Klage sendt", "Ydelseskontoret", "Serviceloven § 85"
	})))
	wantDone(t, got.Completeness, 2, 2)
	if len(got.Cases) != 1 || got.Cases[0].Towards != "Ydelseskontoret" {
		t.Fatalf("cases = %+v", got.Cases)
	}
	got = must(w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: co.ID, Opened: "2026-11-15", Barrier: "Lægen afviste", Status: "resolved"}))
	wantDone(t, got.Completeness, 2, 2)
	got = must(w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: co.ID, Opened: "2026-11-20", Barrier: "Ingen tandlæge", Status: "stuck"}))
	wantDone(t, got.Completeness, 1, 2, "barrier_actions")
	if got.Cases[0].Opened != "2026-12-01" || got.Cases[2].Opened != "2026-11-15" { // newest first
		t.Fatalf("cases = %+v", got.Cases)
	}
	wantDone(t, w.step(t, co.ID, "advocacy"), 1, 2, "barrier_actions")

	other := w.course(t, w.lead.ID, "Bjørn Ørsted")
	_, err := w.advocacy.SaveCase(AdvocacyCaseInput{ID: c.ID, CourseID: other.ID, Opened: "2026-12-01", Barrier: "x"})
	wantCode(t, err, domain.CodeNotFound)
	_, err = w.advocacy.DeleteCase(ChildInput{CourseID: other.ID, ID: c.ID})
	wantCode(t, err, domain.CodeNotFound)
	got = must(w.advocacy.DeleteCase(ChildInput{CourseID: co.ID, ID: got.Cases[1].ID})) // the stuck one
	if len(got.Cases) != 2 || got.Cases[1].Status != "resolved" {
		t.Fatalf("after delete: %+v", got.Cases)
	}
	wantDone(t, got.Completeness, 2, 2)
}
