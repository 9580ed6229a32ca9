package service

import (
	"testing"
	"time"

	"icm/backend/domain"
)

// A colleague covering for a worker (holidays, illness) may change the worker's citizens
// during the period and not outside it; only a team lead sets or withdraws a cover.
func TestCoverLetsAColleagueChangeTheWorkersCitizens(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	co := f.course(t, anna.ID, "Gitte Test")
	asBo := Actor{WorkerID: bo.ID, Name: bo.Name, Initials: bo.Initials, Role: domain.RoleICMWorker}
	note := func(d Deps) error {
		_, err := NewNoteService(d).SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-30T10:00", DurationMinutes: 20,
			Location: "home", Kind: "visit", Text: "Besøg mens Anna har ferie"})
		return err
	}
	if err := note(f.as(asBo)); domain.CodeOf(err) != domain.CodeReadOnlyAccess {
		t.Fatalf("Bo before the cover: %v, want read_only_access", err)
	}
	_, err := NewTeamService(f.as(asBo)).SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-11-28", To: "2026-12-05"})
	wantCode(t, err, domain.CodeForbidden)
	lead := NewTeamService(f.as(f.leadActor()))
	c, err := lead.SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-11-28", To: "2026-12-05", Note: "Ferie"})
	if err != nil || !c.Current || c.WorkerName != "Anna Berg" || c.CoverWorkerName != "Bo Holm" {
		t.Fatalf("SaveCover = %+v, %v", c, err)
	}
	if err := note(f.as(asBo)); err != nil {
		t.Fatalf("Bo during the cover: %v", err)
	}
	// After the period (the clock moves on) the citizen is Anna's alone again.
	later := f.as(asBo)
	later.Clock = func() time.Time { return testNow.AddDate(0, 0, 10) }
	if err := note(later); domain.CodeOf(err) != domain.CodeReadOnlyAccess {
		t.Fatalf("Bo after the cover: %v, want read_only_access", err)
	}
	if _, err := lead.WithdrawCover(IDInput{ID: c.ID}); err != nil {
		t.Fatal(err)
	}
	if err := note(f.as(asBo)); domain.CodeOf(err) != domain.CodeReadOnlyAccess {
		t.Fatalf("Bo after the withdrawal: %v, want read_only_access", err)
	}
	list, err := NewTeamService(f.as(asBo)).ListCovers()
	if err != nil || len(list) != 1 || !list[0].Withdrawn || list[0].Current {
		t.Fatalf("ListCovers = %+v, %v", list, err)
	}
}

func TestCoverRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	lead := NewTeamService(f.as(f.leadActor()))
	cases := []struct {
		name  string
		in    CoverInput
		field string
		code  domain.Code
	}{
		{"no colleague", CoverInput{WorkerID: anna.ID, From: "2026-12-01", To: "2026-12-02"}, "coverWorkerId", domain.CodeRequired},
		{"oneself", CoverInput{WorkerID: anna.ID, CoverWorkerID: anna.ID, From: "2026-12-01", To: "2026-12-02"}, "coverWorkerId", domain.CodeInvalidChoice},
		{"end before start", CoverInput{WorkerID: anna.ID, CoverWorkerID: f.lead.ID, From: "2026-12-10", To: "2026-12-02"}, "to", domain.CodeDateOrder},
		{"Danish date", CoverInput{WorkerID: anna.ID, CoverWorkerID: f.lead.ID, From: "01.12.2026", To: "2026-12-02"}, "from", domain.CodeInvalidDate},
		{"far past", CoverInput{WorkerID: anna.ID, CoverWorkerID: f.lead.ID, From: "1999-12-01", To: "2026-12-02"}, "from", domain.CodeDateOutOfRange},
		{"unknown worker", CoverInput{WorkerID: 999, CoverWorkerID: f.lead.ID, From: "2026-12-01", To: "2026-12-02"}, "workerId", domain.CodeNotFound},
		{"control characters", CoverInput{WorkerID: anna.ID, CoverWorkerID: f.lead.ID, From: "2026-12-01", To: "2026-12-02", Note: "a\x00b"}, "note", domain.CodeInvalidCharacters},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lead.SaveCover(tc.in)
			wantField(t, err, tc.field, tc.code)
		})
	}
	if list, _ := lead.ListCovers(); len(list) != 0 {
		t.Fatalf("a refused cover was saved: %+v", list)
	}
}
