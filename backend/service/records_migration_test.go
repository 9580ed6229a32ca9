package service

import (
	"context"
	"testing"
	"time"

	"icm/backend/store"
)

// The released demo (schema 9) upgraded: every note keeps its text with an author and
// one revision, and the screens' calls work on every citizen and course, as the demo lead.
func TestUpgradedDemoScreens(t *testing.T) {
	ctx := context.Background()
	path := releasedDemoCopy(t)
	raw := rawDB(t, path)
	type noteRow struct {
		ID   uint
		Text string
	}
	var before []noteRow
	if err := raw.Raw(`SELECT id, text FROM notes ORDER BY id`).Scan(&before).Error; err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	var after []struct {
		ID             uint
		Text           string
		AuthorWorkerID uint
		AuthorName     string
		Revs           int
	}
	if err := raw.Raw(`SELECT n.id, n.text, n.author_worker_id, n.author_name,
		(SELECT COUNT(*) FROM note_revisions r WHERE r.note_id = n.id) AS revs FROM notes n ORDER BY n.id`).Scan(&after).Error; err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(before) == 0 {
		t.Fatalf("notes %d before, %d after", len(before), len(after))
	}
	for i := range before {
		a := after[i]
		if a.ID != before[i].ID || a.Text != before[i].Text || a.AuthorWorkerID == 0 || a.AuthorName == "" || a.Revs != 1 {
			t.Errorf("note %d after the upgrade = %+v", before[i].ID, a)
		}
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	d := Deps{Store: st, Clock: func() time.Time { return now }, Session: NewSession()}
	auth := NewAuthService(d, NewAuditService(d, &fakeDesktop{}))
	if _, err := auth.SignIn(SignInInput{Username: DemoUsernames[0], Password: DemoPassword}); err != nil {
		t.Fatal(err)
	}
	citizens, courses, notes := NewCitizenService(d), NewCourseService(d), NewNoteService(d)
	list := mustFn[[]CitizenListItem](t)(citizens.ListCitizens(CitizenListInput{}))
	if len(list) == 0 {
		t.Fatal("no citizens")
	}
	for _, c := range list {
		full := mustFn[CitizenDTO](t)(citizens.GetCitizen(IDInput{ID: c.ID}))
		mustFn[HousingHistoryDTO](t)(citizens.GetHousingHistory(IDInput{ID: c.ID}))
		for _, co := range full.Courses {
			mustFn[CourseDTO](t)(courses.GetCourse(IDInput{ID: co.ID}))
			mustFn[VisitationDTO](t)(courses.GetVisitation(IDInput{ID: co.ID}))
			for _, n := range mustFn[[]NoteDTO](t)(notes.ListNotes(IDInput{ID: co.ID})) {
				revs := mustFn[[]NoteRevisionDTO](t)(notes.NoteRevisions(IDInput{ID: n.ID}))
				if len(revs) != 1 {
					t.Errorf("note %d has %d revisions", n.ID, len(revs))
				}
			}
			mustFn[CourseFidelityDTO](t)(NewOverviewService(d).CourseFidelity(IDInput{ID: co.ID}))
		}
	}
	mustFn[OverviewDTO](t)(NewOverviewService(d).TeamOverview())
	mustFn[TeamOverviewDTO](t)(NewTeamService(d).TeamOverview())
	mustFn[[]NoteHitDTO](t)(notes.SearchNotes(NoteSearchInput{Query: "a"}))
	if c, err := CheckChainAtStart(ctx, NewAuditService(d, &fakeDesktop{})); err != nil || !c.OK {
		t.Fatalf("chain after the upgrade = %+v, %v", c, err)
	}
}
