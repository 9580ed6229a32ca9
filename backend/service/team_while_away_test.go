package service

import (
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// at is the fixture's deps acting as a on a fixed day (at 10:00 UTC).
func (f *fixture) at(a Actor, day string) Deps {
	d := f.as(a)
	t, err := time.Parse(domain.DateLayout, day)
	if err != nil {
		panic(err)
	}
	t = t.Add(10 * time.Hour)
	d.Clock = func() time.Time { return t }
	return d
}

// When Anna is back after Bo covered for her, her start screen lists what others wrote in
// her courses during the cover (not her own notes, not what came after), the notes stay
// their authors', every listed citizen is logged, and once she marks it read it is gone.
func TestWhileAwayListsWhatColleaguesWrote(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	gitte := f.course(t, anna.ID, "Gitte Test")
	hans := f.course(t, anna.ID, "Hans Prøve")
	asAnna := Actor{WorkerID: anna.ID, Name: anna.Name, Initials: anna.Initials, Role: domain.RoleICMWorker}
	asBo := Actor{WorkerID: bo.ID, Name: bo.Name, Initials: bo.Initials, Role: domain.RoleICMWorker}
	if _, err := NewTeamService(f.at(f.leadActor(), "2026-11-10")).SaveCover(CoverInput{WorkerID: anna.ID,
		CoverWorkerID: bo.ID, From: "2026-11-16", To: "2026-11-27", Note: "Ferie"}); err != nil {
		t.Fatal(err)
	}
	write := func(a Actor, day string, courseID uint, text string) {
		t.Helper()
		if _, err := NewNoteService(f.at(a, day)).SaveNote(NoteInput{CourseID: courseID, OccurredAt: day + "T09:00",
			DurationMinutes: 30, Location: "home", Kind: "visit", Text: text}); err != nil {
			t.Fatalf("%s on %s: %v", a.Name, day, err)
		}
	}
	write(asAnna, "2026-11-13", gitte.ID, "Før ferien")
	write(asBo, "2026-11-18", gitte.ID, "\nBesøg hos Gitte, alt vel\nMere tekst")
	write(asBo, "2026-11-25", hans.ID, "Telefon med Hans")
	write(asAnna, "2026-11-26", hans.ID, "Anna kiggede ind i ferien")
	write(f.leadActor(), "2026-11-30", gitte.ID, "Efter dækningen")

	away := func(day string) WhileAwayDTO {
		t.Helper()
		got, err := NewTeamService(f.at(asAnna, day)).WhileAway()
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := away("2026-12-01")
	if len(got.Periods) != 1 || got.Periods[0].CoverWorkerName != "Bo Holm" || got.Periods[0].Until != "2026-11-27" || !got.Periods[0].All {
		t.Fatalf("periods = %+v", got.Periods)
	}
	type item struct{ day, citizen, author, line string }
	var items []item
	for _, it := range got.Items {
		items = append(items, item{it.Day, it.CitizenName, it.Author, it.FirstLine})
	}
	want := []item{{"2026-11-18", "Gitte Test", "Bo Holm", "Besøg hos Gitte, alt vel"}, {"2026-11-25", "Hans Prøve", "Bo Holm", "Telefon med Hans"}}
	if len(items) != len(want) || items[0] != want[0] || items[1] != want[1] {
		t.Fatalf("items = %+v, want %+v", items, want)
	}
	var logged []store.AuditEntry
	f.d.Store.Gorm().Where("action = ? AND object = ? AND worker_id = ?", AuditList, "notes", anna.ID).Find(&logged)
	if len(logged) != 2 {
		t.Errorf("%d audit entries for the listing, want one per course: %+v", len(logged), logged)
	}
	// The cover's notes stay Bo's, also when Anna reads her course.
	notes, err := NewNoteService(f.at(asAnna, "2026-12-01")).ListNotes(IDInput{ID: gitte.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range notes {
		if strings.Contains(n.Text, "Besøg hos Gitte") {
			found = true
			if n.Author.Name != "Bo Holm" || n.Author.ID != bo.ID {
				t.Errorf("Bo's note is %s's (%d)", n.Author.Name, n.Author.ID)
			}
		}
	}
	if !found {
		t.Error("Bo's note is not in Anna's course")
	}
	// Bo was not away.
	if b, _ := NewTeamService(f.at(asBo, "2026-12-01")).WhileAway(); len(b.Periods) != 0 || len(b.Items) != 0 {
		t.Errorf("Bo's while away = %+v", b)
	}
	// Marked read, it is gone, also the next day.
	if m, err := NewTeamService(f.at(asAnna, "2026-12-01")).MarkWhileAwayRead(); err != nil || len(m.Periods) != 0 {
		t.Fatalf("MarkWhileAwayRead = %+v, %v", m, err)
	}
	if g := away("2026-12-02"); len(g.Periods) != 0 || len(g.Items) != 0 {
		t.Errorf("after marking it read: %+v", g)
	}
}

// A cover shows on the worker's start screen for 30 days after it ended; one withdrawn
// early ends on its withdrawal day; one withdrawn before it began never held.
func TestWhileAwayPeriods(t *testing.T) {
	day := func(s string) *string { return &s }
	cases := []struct {
		name  string
		c     store.Cover
		today string
		until string
		ended bool
	}{
		{"still running", store.Cover{FromDate: "2026-11-20", ToDate: "2026-12-05"}, "2026-12-01", "2026-12-05", false},
		{"ended yesterday", store.Cover{FromDate: "2026-11-20", ToDate: "2026-11-30"}, "2026-12-01", "2026-11-30", true},
		{"ends today", store.Cover{FromDate: "2026-11-20", ToDate: "2026-12-01"}, "2026-12-01", "2026-12-01", false},
		{"withdrawn today", store.Cover{FromDate: "2026-11-20", ToDate: "2026-12-20", Withdrawn: true, WithdrawnOn: day("2026-12-01")},
			"2026-12-01", "2026-12-01", true},
		{"withdrawn before it began", store.Cover{FromDate: "2026-12-10", ToDate: "2026-12-20", Withdrawn: true,
			WithdrawnOn: day("2026-12-01")}, "2026-12-01", "2026-12-01", false},
		{"withdrawn before 0014, ended", store.Cover{FromDate: "2026-11-01", ToDate: "2026-11-10", Withdrawn: true},
			"2026-12-01", "2026-11-10", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			until, ended := coverEnded(tc.c, tc.today)
			if ended != tc.ended || (ended && until != tc.until) {
				t.Errorf("coverEnded = %s, %v; want %s, %v", until, ended, tc.until, tc.ended)
			}
		})
	}

	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	f.course(t, anna.ID, "Gitte Test")
	asAnna := Actor{WorkerID: anna.ID, Name: anna.Name, Initials: anna.Initials, Role: domain.RoleICMWorker}
	lead := NewTeamService(f.at(f.leadActor(), "2026-12-01"))
	c, err := lead.SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-12-01", To: "2026-12-20"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewTeamService(f.at(f.leadActor(), "2026-12-04")).WithdrawCover(IDInput{ID: c.ID}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		today string
		shown bool
	}{{"2026-12-03", false}, {"2026-12-05", true}, {"2027-01-03", true}, {"2027-01-04", false}} {
		got, err := NewTeamService(f.at(asAnna, tc.today)).WhileAway()
		if err != nil || (len(got.Periods) == 1) != tc.shown || (tc.shown && got.Periods[0].Until != "2026-12-04") {
			t.Errorf("on %s: %+v, %v; want shown %v", tc.today, got, err, tc.shown)
		}
	}
}
