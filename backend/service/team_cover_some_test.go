package service

import (
	"testing"

	"icm/backend/domain"
)

// A cover for some of a worker's citizens lets the colleague change those citizens and no
// other of the worker's; it shows in the colleague's citizen list as a cover, and a
// withdrawal ends it for every citizen set together.
func TestCoverForSomeCitizens(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	covered := f.course(t, anna.ID, "Gitte Test")
	other := f.course(t, anna.ID, "Hans Prøve")
	asBo := Actor{WorkerID: bo.ID, Name: bo.Name, Initials: bo.Initials, Role: domain.RoleICMWorker}
	note := func(courseID uint) error {
		_, err := NewNoteService(f.as(asBo)).SaveNote(NoteInput{CourseID: courseID, OccurredAt: "2026-11-30T10:00",
			DurationMinutes: 20, Location: "home", Kind: "visit", Text: "Besøg i Annas ferie"})
		return err
	}
	lead := NewTeamService(f.as(f.leadActor()))
	c, err := lead.SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-11-28", To: "2026-12-05",
		Some: true, CitizenIDs: []uint{covered.CitizenID, covered.CitizenID}})
	if err != nil || c.All || c.CitizenCount != 1 || len(c.Citizens) != 1 || c.Citizens[0].Name != "Gitte Test" {
		t.Fatalf("SaveCover = %+v, %v", c, err)
	}
	if err := note(covered.ID); err != nil {
		t.Fatalf("Bo in the covered citizen's course: %v", err)
	}
	wantCode(t, note(other.ID), domain.CodeReadOnlyAccess)

	list, err := NewCitizenService(f.as(asBo)).ListCitizens(CitizenListInput{})
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string][2]bool{}
	for _, it := range list {
		marks[it.Name] = [2]bool{it.Covered, it.ReadOnly}
	}
	if marks["Gitte Test"] != [2]bool{true, false} || marks["Hans Prøve"] != [2]bool{false, true} {
		t.Fatalf("Bo's list (covered, read-only): %v", marks)
	}

	// A third worker sees that Bo covers for Anna, not for whom.
	cy := f.worker(t, "Cy Dahl", "CD", domain.RoleICMWorker, 1)
	asCy := Actor{WorkerID: cy.ID, Name: cy.Name, Initials: cy.Initials, Role: domain.RoleICMWorker}
	covers, err := NewTeamService(f.as(asCy)).ListCovers()
	if err != nil || len(covers) != 1 || covers[0].CitizenCount != 1 || len(covers[0].Citizens) != 0 {
		t.Fatalf("Cy's list = %+v, %v", covers, err)
	}
	covers, err = NewTeamService(f.as(asBo)).ListCovers()
	if err != nil || len(covers) != 1 || len(covers[0].Citizens) != 1 {
		t.Fatalf("Bo's list = %+v, %v", covers, err)
	}
	// Naming the citizen is a use of their data, logged; Cy's list named nobody.
	logged := func(worker uint) int {
		var n int
		f.d.Store.Gorm().Raw(`SELECT COUNT(*) FROM audit_log WHERE action = ? AND object = 'cover' AND worker_id = ? AND citizen_id = ?`,
			AuditList, worker, covered.CitizenID).Scan(&n)
		return n
	}
	if logged(bo.ID) != 1 || logged(cy.ID) != 0 {
		t.Errorf("list entries: Bo %d, Cy %d; want 1, 0", logged(bo.ID), logged(cy.ID))
	}

	if w, err := lead.WithdrawCover(IDInput{ID: c.ID}); err != nil || !w.Withdrawn {
		t.Fatalf("WithdrawCover = %+v, %v", w, err)
	}
	wantCode(t, note(covered.ID), domain.CodeReadOnlyAccess)
}

// Two citizens set in one cover are one cover on the screens; a withdrawal of it ends it
// for both.
func TestCoverSetTogetherIsWithdrawnTogether(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	one := f.course(t, anna.ID, "Gitte Test")
	two := f.course(t, anna.ID, "Hans Prøve")
	lead := NewTeamService(f.as(f.leadActor()))
	c, err := lead.SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-12-01", To: "2026-12-24",
		Note: "Sygdom", Some: true, CitizenIDs: []uint{two.CitizenID, one.CitizenID}})
	if err != nil || c.CitizenCount != 2 || c.Citizens[0].Name != "Gitte Test" || c.Citizens[1].Name != "Hans Prøve" {
		t.Fatalf("SaveCover = %+v, %v", c, err)
	}
	all, err := lead.SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: f.lead.ID, From: "2026-12-27", To: "2026-12-31"})
	if err != nil || !all.All || all.CitizenCount != 0 {
		t.Fatalf("SaveCover (all) = %+v, %v", all, err)
	}
	if _, err := lead.WithdrawCover(IDInput{ID: c.ID}); err != nil {
		t.Fatal(err)
	}
	list, err := lead.ListCovers()
	if err != nil || len(list) != 2 {
		t.Fatalf("ListCovers = %+v, %v", list, err)
	}
	for _, l := range list {
		if l.Withdrawn != (l.ID == c.ID) {
			t.Errorf("cover %d (%s–%s): withdrawn %v", l.ID, l.From, l.To, l.Withdrawn)
		}
	}
	var withdrawnOn []string
	f.d.Store.Gorm().Raw(`SELECT withdrawn_on FROM cover_periods WHERE withdrawn ORDER BY id`).Scan(&withdrawnOn)
	if len(withdrawnOn) != 2 || withdrawnOn[0] != "2026-12-01" || withdrawnOn[1] != "2026-12-01" {
		t.Errorf("withdrawn_on = %v, want both rows withdrawn today", withdrawnOn)
	}
}

// Only a team lead sets or withdraws a cover, whatever the caller sends; bad input gets a
// coded error on its field and writes nothing.
func TestCoverForSomeCitizensRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	anna := f.worker(t, "Anna Berg", "AB", domain.RoleICMWorker, 1)
	bo := f.worker(t, "Bo Holm", "BH", domain.RoleICMWorker, 1)
	annas := f.course(t, anna.ID, "Gitte Test")
	bos := f.course(t, bo.ID, "Hans Prøve")
	asBo := Actor{WorkerID: bo.ID, Name: bo.Name, Initials: bo.Initials, Role: domain.RoleICMWorker}
	// Bo, an ICM worker, tries to give himself a cover for Anna's citizen.
	_, err := NewTeamService(f.as(asBo)).SaveCover(CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID,
		From: "2026-12-01", To: "2026-12-02", Some: true, CitizenIDs: []uint{annas.CitizenID}})
	wantCode(t, err, domain.CodeForbidden)
	_, err = NewTeamService(f.as(asBo)).WithdrawCover(IDInput{ID: 1})
	wantCode(t, err, domain.CodeForbidden)

	lead := NewTeamService(f.as(f.leadActor()))
	base := CoverInput{WorkerID: anna.ID, CoverWorkerID: bo.ID, From: "2026-12-01", To: "2026-12-02"}
	with := func(mod func(*CoverInput)) CoverInput { in := base; mod(&in); return in }
	cases := []struct {
		name  string
		in    CoverInput
		field string
		code  domain.Code
	}{
		{"some but none chosen", with(func(in *CoverInput) { in.Some = true }), "citizenIds", domain.CodeRequired},
		{"a citizen of another worker", with(func(in *CoverInput) { in.Some, in.CitizenIDs = true, []uint{bos.CitizenID} }),
			"citizenIds", domain.CodeInvalidChoice},
		{"an unknown citizen", with(func(in *CoverInput) { in.Some, in.CitizenIDs = true, []uint{annas.CitizenID, 9999} }),
			"citizenIds", domain.CodeInvalidChoice},
		{"over 366 days", with(func(in *CoverInput) { in.To = "2027-12-03" }), "to", domain.CodeOutOfRange},
		{"same worker", with(func(in *CoverInput) { in.CoverWorkerID = anna.ID }), "coverWorkerId", domain.CodeInvalidChoice},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lead.SaveCover(tc.in)
			wantField(t, err, tc.field, tc.code)
		})
	}
	var n int
	f.d.Store.Gorm().Raw(`SELECT COUNT(*) FROM cover_periods`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d cover rows written by refused calls", n)
	}
}
