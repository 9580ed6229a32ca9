package service

import (
	"strings"
	"testing"

	"icm/backend/domain"
)

// as Jonas, a worker from whom the team hides Anna's citizen Gitte, every new
// method refuses (no_access) and answers nothing about her.
func TestHiddenCitizenNewMethods(t *testing.T) {
	f := newHiddenTeam(t)
	f.signIn(t, "anna", "første kode 123")
	note := mustFn[NoteDTO](t)(f.notes.SaveNote(NoteInput{CourseID: f.course.ID, OccurredAt: "2026-11-20T10:00",
		Location: "home", Kind: "visit", Text: "Hemmelig zebraord"}))
	hist := mustFn[HousingHistoryDTO](t)(f.citizens.RecordHousing(HousingInput{CitizenID: f.gitte.ID, Date: "2026-11-15",
		Housing: string(domain.HousingOwn)}))
	entry := hist.Entries[0].ID

	f.signIn(t, "jonas", "første kode 123")
	own := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Jonas Borger"}))
	ownCourse := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: own.ID, WorkerID: f.jonas.ID, StartDate: "2026-11-01"}))
	follow := NewFollowUpService(f.d)
	cases := []struct {
		name string
		call func() error
		want domain.Code
	}{
		{"NoteRevisions", func() error { _, err := f.notes.NoteRevisions(IDInput{ID: note.ID}); return err }, domain.CodeNoAccess},
		{"SaveNote correction", func() error {
			_, err := f.notes.SaveNote(NoteInput{ID: note.ID, CourseID: f.course.ID, OccurredAt: "2026-11-20T10:00",
				Location: "home", Kind: "visit", Text: "ændret"})
			return err
		}, domain.CodeNoAccess},
		{"SaveNote correction through own course", func() error {
			_, err := f.notes.SaveNote(NoteInput{ID: note.ID, CourseID: ownCourse.ID, OccurredAt: "2026-11-20T10:00",
				Location: "home", Kind: "visit", Text: "ændret"})
			return err
		}, domain.CodeNotFound},
		{"GetHousingHistory", func() error { _, err := f.citizens.GetHousingHistory(IDInput{ID: f.gitte.ID}); return err }, domain.CodeNoAccess},
		{"RecordHousing", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: f.gitte.ID, Date: "2026-11-20", Housing: string(domain.HousingOwn)})
			return err
		}, domain.CodeNoAccess},
		{"RecordHousing correcting hers via own citizen", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: own.ID, Date: "2026-11-20", Housing: string(domain.HousingOwn), CorrectsID: entry})
			return err
		}, domain.CodeNotFound},
		{"WithdrawHousing", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: f.gitte.ID, ID: entry, Note: "fejl"})
			return err
		}, domain.CodeNoAccess},
		{"WithdrawHousing via own citizen", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: own.ID, ID: entry, Note: "fejl"})
			return err
		}, domain.CodeNotFound},
		{"UpdateCourse", func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: f.course.ID, WorkerID: f.jonas.ID, StartDate: "2026-11-01", Status: "visitation"})
			return err
		}, domain.CodeNoAccess},
		{"CloseCourse", func() error {
			_, err := follow.CloseCourse(CloseCourseInput{CourseID: f.course.ID, EndDate: "2026-11-30", Reason: string(domain.CloseGoalsReached),
				AfterSupport: string(domain.AfterNone), HousingAtClose: string(domain.HousingOwn)})
			return err
		}, domain.CodeNoAccess},
	}
	countsBefore := tableCounts(t, f.path)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantCode(t, c.call(), c.want) })
	}
	hits := mustFn[[]NoteHitDTO](t)(f.notes.SearchNotes(NoteSearchInput{Query: "zebraord"}))
	if len(hits) != 0 {
		t.Errorf("search shows a hidden citizen's note: %+v", hits)
	}
	// Nothing but audit entries changed.
	if after := tableCounts(t, f.path); after != countsBefore {
		t.Errorf("a refused call wrote data: %s, before %s", after, countsBefore)
	}
}

// tableCounts counts the rows of the tables the calls above could write, and their last change.
func tableCounts(t *testing.T, path string) string {
	t.Helper()
	var out []string
	for _, q := range []string{"SELECT COUNT(*) FROM notes", "SELECT COUNT(*) FROM note_revisions",
		"SELECT COUNT(*) FROM housing_events", "SELECT COUNT(*) FROM closings",
		"SELECT COALESCE(MAX(updated_at), '') FROM courses", "SELECT COALESCE(MAX(updated_at), '') FROM citizens"} {
		var v string
		if err := rawDB(t, path).Raw(q).Scan(&v).Error; err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return strings.Join(out, " ")
}
