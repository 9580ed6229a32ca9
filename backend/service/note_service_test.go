package service

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
)

func TestSaveNoteValidation(t *testing.T) {
	w := newWizard(t) // 2026-12-01 10:00
	co := w.course(t, w.lead.ID, "Åse Ærø")
	ok := NoteInput{CourseID: co.ID, OccurredAt: "2026-12-01T09:30", DurationMinutes: 45, Location: "home", Kind: "visit",
		Text: "Besøg i hjemmet. Åse sov dårligt."}
	with := func(f func(in *NoteInput)) NoteInput { in := ok; f(&in); return in }
	valid := []struct {
		name string
		in   NoteInput
	}{
		{"this morning", ok},
		{"late today (the clock's day is what counts)", with(func(in *NoteInput) { in.OccurredAt = "2026-12-01T23:59" })},
		{"no duration", with(func(in *NoteInput) { in.DurationMinutes = 0 })},
		{"a whole day", with(func(in *NoteInput) { in.DurationMinutes = 1440 })},
		{"20 000 characters", with(func(in *NoteInput) { in.Text = strings.Repeat("ø", 20000) })},
		{"several lines and tabs", with(func(in *NoteInput) { in.Text = "Linje 1\n\tLinje 2\r\nLinje 3" })},
	}
	for _, v := range valid {
		t.Run("ok: "+v.name, func(t *testing.T) {
			n := mustFn[NoteDTO](t)(w.notes.SaveNote(v.in))
			if n.ID == 0 || n.OccurredAt != v.in.OccurredAt || n.CourseID != co.ID {
				t.Fatalf("note = %+v", n)
			}
		})
	}
	invalid := []struct {
		name  string
		in    NoteInput
		field string
		code  domain.Code
	}{
		{"tomorrow at midnight", with(func(in *NoteInput) { in.OccurredAt = "2026-12-02T00:00" }), "occurredAt", domain.CodeDateOutOfRange},
		{"Danish date", with(func(in *NoteInput) { in.OccurredAt = "01.12.2026" }), "occurredAt", domain.CodeInvalidDate},
		{"date without time", with(func(in *NoteInput) { in.OccurredAt = "2026-12-01" }), "occurredAt", domain.CodeInvalidDate},
		{"with seconds", with(func(in *NoteInput) { in.OccurredAt = "2026-12-01T09:30:00" }), "occurredAt", domain.CodeInvalidDate},
		{"before 1990", with(func(in *NoteInput) { in.OccurredAt = "1989-12-31T23:59" }), "occurredAt", domain.CodeDateOutOfRange},
		{"no time", with(func(in *NoteInput) { in.OccurredAt = "" }), "occurredAt", domain.CodeRequired},
		{"duration -1", with(func(in *NoteInput) { in.DurationMinutes = -1 }), "durationMinutes", domain.CodeOutOfRange},
		{"duration 1441", with(func(in *NoteInput) { in.DurationMinutes = 1441 }), "durationMinutes", domain.CodeOutOfRange},
		{"unknown location", with(func(in *NoteInput) { in.Location = "moon" }), "location", domain.CodeInvalidChoice},
		{"no location", with(func(in *NoteInput) { in.Location = "" }), "location", domain.CodeRequired},
		{"unknown kind", with(func(in *NoteInput) { in.Kind = "chat" }), "kind", domain.CodeInvalidChoice},
		{"empty text", with(func(in *NoteInput) { in.Text = "" }), "text", domain.CodeRequired},
		{"blank text", with(func(in *NoteInput) { in.Text = " \n\t " }), "text", domain.CodeRequired},
		{"20 001 characters", with(func(in *NoteInput) { in.Text = strings.Repeat("ø", 20001) }), "text", domain.CodeTooLong},
		{"bell character", with(func(in *NoteInput) { in.Text = "Ding\a" }), "text", domain.CodeInvalidCharacters},
		{"no course", with(func(in *NoteInput) { in.CourseID = 0 }), "courseId", domain.CodeRequired},
	}
	for _, c := range invalid {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.notes.SaveNote(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	if ns := mustFn[[]NoteDTO](t)(w.notes.ListNotes(IDInput{ID: co.ID})); len(ns) != len(valid) {
		t.Fatalf("%d notes stored, want the %d valid ones", len(ns), len(valid))
	}
	_, err := w.notes.SaveNote(with(func(in *NoteInput) { in.CourseID = 4242 }))
	wantCode(t, err, domain.CodeNotFound)
	_, err = w.notes.ListNotes(IDInput{ID: 4242})
	wantCode(t, err, domain.CodeNotFound)
}

func TestEditNoteAndListNewestFirst(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	other := w.course(t, w.lead.ID, "Bjørn Ørsted")
	must := mustFn[NoteDTO](t)
	created := w.clock
	first := must(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", Location: "street", Kind: "visit", Text: "Mødt på gaden"}))
	must(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-28T14:15", Location: "phone", Kind: "phone_call", Text: "Ringede"}))
	must(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-25T08:00", Location: "office", Kind: "collaboration", Text: "Talte med jobcentret"}))
	must(w.notes.SaveNote(NoteInput{CourseID: other.ID, OccurredAt: "2026-11-30T08:00", Location: "home", Kind: "visit", Text: "Anden borger"}))

	w.clock = w.clock.Add(48 * time.Hour)
	edited := must(w.notes.SaveNote(NoteInput{ID: first.ID, CourseID: co.ID, OccurredAt: "2026-11-20T10:30", DurationMinutes: 20,
		Location: "street", Kind: "visit", Text: "Mødt på gaden ved banegården"}))
	if edited.ID != first.ID || edited.Text != "Mødt på gaden ved banegården" || edited.OccurredAt != "2026-11-20T10:30" || edited.DurationMinutes != 20 {
		t.Fatalf("edited = %+v", edited)
	}
	stored, err := w.d.Store.GetNote(w.notes.ctx(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !stored.CreatedAt.Equal(created) || stored.Text != edited.Text {
		t.Fatalf("stored note created %v text %q, want created %v (kept) and the new text", stored.CreatedAt, stored.Text, created)
	}
	if !stored.UpdatedAt.Equal(w.clock) || edited.UpdatedAt != "2026-12-03T10:00:00Z" {
		t.Fatalf("updated_at stored %v, returned %s; want the service clock %v", stored.UpdatedAt, edited.UpdatedAt, w.clock)
	}
	_, err = w.notes.SaveNote(NoteInput{ID: first.ID, CourseID: other.ID, OccurredAt: "2026-11-20T10:30", Location: "street", Kind: "visit", Text: "Kapret"})
	wantCode(t, err, domain.CodeNotFound)
	_, err = w.notes.SaveNote(NoteInput{ID: 4242, CourseID: co.ID, OccurredAt: "2026-11-20T10:30", Location: "street", Kind: "visit", Text: "Ukendt"})
	wantCode(t, err, domain.CodeNotFound)

	list := mustFn[[]NoteDTO](t)(w.notes.ListNotes(IDInput{ID: co.ID}))
	var got []string
	for _, n := range list {
		got = append(got, n.OccurredAt+" "+n.Kind)
	}
	if want := "[2026-11-28T14:15 phone_call 2026-11-25T08:00 collaboration 2026-11-20T10:30 visit]"; fmt.Sprint(got) != want {
		t.Fatalf("ListNotes = %v, want %s", got, want)
	}
}

func TestSearchNotesService(t *testing.T) {
	w := newWizard(t)
	a := w.course(t, w.lead.ID, "Åse Ærø")
	b := w.course(t, w.lead.ID, "Bjørn Ørsted")
	must := mustFn[NoteDTO](t)
	na := must(w.notes.SaveNote(NoteInput{CourseID: a.ID, OccurredAt: "2026-11-20T10:00", Location: "home", Kind: "visit",
		Text: "Åse har søvnproblemer og går ture ved a\u030aen"})) // å typed as a + combining ring
	nb := must(w.notes.SaveNote(NoteInput{CourseID: b.ID, OccurredAt: "2026-11-21T10:00", Location: "shelter", Kind: "visit",
		Text: "Bjørn sover på herberget, søvnen er bedre"}))
	search := func(t *testing.T, q string, course uint) []NoteHitDTO {
		t.Helper()
		return mustFn[[]NoteHitDTO](t)(w.notes.SearchNotes(NoteSearchInput{Query: q, CourseID: course}))
	}
	cases := []struct {
		name, query string
		course      uint
		want        string // citizen names, newest first
	}{
		{"across citizens", "SØVN", 0, "[Bjørn Ørsted Åse Ærø]"},
		{"within one course", "søvn", a.ID, "[Åse Ærø]"},
		{"within the other course", "søvn", b.ID, "[Bjørn Ørsted]"},
		{"stored å is one letter", "åen", 0, "[Åse Ærø]"},
		{"query å typed as a + ring", "a\u030aen", 0, "[Åse Ærø]"},
		{"ø is not o", "sover søvnp", 0, "[]"},
		{"empty query", "  ", 0, "[]"},
		{"FTS syntax is text", `søvn" OR "bjørn`, 0, "[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits := search(t, c.query, c.course)
			var got []string
			for _, h := range hits {
				got = append(got, h.CitizenName)
			}
			if hits == nil || fmt.Sprint(got) != c.want && !(c.want == "[]" && len(got) == 0) {
				t.Fatalf("search %q = %v, want %s", c.query, got, c.want)
			}
		})
	}
	hits := search(t, "søvn", 0)
	if h := hits[0]; h.Note.ID != nb.ID || h.CitizenID != b.CitizenID || h.Note.Location != "shelter" ||
		h.Snippet != "Bjørn sover på herberget, [søvnen] er bedre" {
		t.Fatalf("hit = %+v", h)
	}
	if h := hits[1]; h.Note.ID != na.ID || h.CitizenID != a.CitizenID || !strings.Contains(h.Snippet, "[søvnproblemer]") {
		t.Fatalf("hit = %+v", h)
	}
	_, err := w.notes.SearchNotes(NoteSearchInput{Query: strings.Repeat("a", 201)})
	wantField(t, err, "query", domain.CodeTooLong)
	_, err = w.notes.SearchNotes(NoteSearchInput{Query: "søvn\x00"})
	wantField(t, err, "query", domain.CodeInvalidCharacters)
}

func TestContactGapThroughNotes(t *testing.T) {
	w := newWizard(t) // 2026-12-01
	co := w.courseFrom(t, "Åse Ærø", "2026-11-11")
	gap := func(t *testing.T) ContactGapDTO {
		t.Helper()
		return mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID})).ContactGap
	}
	note := func(t *testing.T, at, kind string) {
		t.Helper()
		mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: at, Location: "home", Kind: kind, Text: "Notat"}))
	}
	if g := gap(t); g != (ContactGapDTO{Days: 20, LimitDays: 14, Over: true, Since: "2026-11-11", NoneYet: true}) {
		t.Fatalf("no notes: gap = %+v", g)
	}
	fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
	if fu.ContactGap != gap(t) || !strings.Contains(fmt.Sprint(fu.Completeness.Missing), "contact_kept") {
		t.Fatalf("follow-up gap %+v missing %v", fu.ContactGap, fu.Completeness.Missing)
	}

	note(t, "2026-11-21T15:00", "visit")
	want := ContactGapDTO{Days: 10, LimitDays: 14, Over: false, Since: "2026-11-21", NoneYet: false}
	if g := gap(t); g != want {
		t.Fatalf("after a visit 10 days ago: gap = %+v, want %+v", g, want)
	}
	note(t, "2026-12-01T08:00", "collaboration")
	note(t, "2026-12-01T08:30", "other")
	if g := gap(t); g != want {
		t.Fatalf("collaboration and other notes count as contact: gap = %+v", g)
	}
	fu = mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID}))
	if strings.Contains(fmt.Sprint(fu.Completeness.Missing), "contact_kept") {
		t.Fatalf("contact kept but follow-up misses %v", fu.Completeness.Missing)
	}

	for _, bad := range []int{0, 91, -7} {
		_, err := w.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: bad})
		wantField(t, err, "contactGapDays", domain.CodeOutOfRange)
	}
	if s := mustFn[TeamSettingsDTO](t)(w.teams.GetSettings()); s.ContactGapDays != 14 {
		t.Fatalf("settings after refused saves = %+v", s)
	}
	for _, limit := range []int{1, 90, 7} {
		if s := mustFn[TeamSettingsDTO](t)(w.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: limit, ColleagueAccess: ColleagueReadOnly, LockMinutes: 10})); s.ContactGapDays != limit {
			t.Fatalf("SaveSettings(%d) = %+v", limit, s)
		}
	}
	want.LimitDays, want.Over = 7, true
	if g := gap(t); g != want {
		t.Fatalf("with limit 7: gap = %+v, want %+v", g, want)
	}
	// Persistence: an attempt nobody answered keeps the contact (issue 16), and so does a
	// meeting the citizen cancelled.
	for _, kind := range []string{"attempt", "cancelled"} {
		note(t, "2026-11-30T09:00", kind)
		want := ContactGapDTO{Days: 1, LimitDays: 7, Over: false, Since: "2026-11-30", NoneYet: false}
		if g := gap(t); g != want {
			t.Fatalf("after a note of kind %s yesterday: gap = %+v, want %+v", kind, g, want)
		}
	}
	// A phone call today closes the gap again.
	note(t, "2026-12-01T09:45", "phone_call")
	if g := gap(t); g.Days != 0 || g.Over || g.Since != "2026-12-01" {
		t.Fatalf("after a call today: gap = %+v", g)
	}
}
