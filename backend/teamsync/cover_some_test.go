package teamsync_test

import (
	"testing"

	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
)

// A cover for some of a worker's citizens gives the colleague rights on those citizens
// only, on every laptop: Bo's note in the covered citizen's course travels (and stays
// Bo's), his app refuses a note in Anna's other citizen's course, and a change of that
// citizen made past the app is refused by every other laptop.
func TestCoverForSomeCitizensAcrossLaptops(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 31}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	var annaID, boID uint
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'AA'`).Scan(&annaID)
	lead.st.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'BO'`).Scan(&boID)
	// Anna has a second citizen; the lead covers only her first one with Bo.
	d := lead.deps()
	other := must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(d).SaveCitizen(service.CitizenInput{
		Name: "Borger 3 Testesen"}))
	must[service.CourseDTO](t, "CreateCourse")(service.NewCourseService(d).CreateCourse(service.CreateCourseInput{
		CitizenID: other.ID, WorkerID: annaID, StartDate: "2026-11-01"}))
	var coveredID uint
	lead.st.Gorm().Raw(`SELECT id FROM citizens WHERE name = 'Borger 1 Testesen'`).Scan(&coveredID)
	must[service.CoverDTO](t, "SaveCover")(service.NewTeamService(d).SaveCover(service.CoverInput{WorkerID: annaID,
		CoverWorkerID: boID, From: "2026-11-30", To: "2026-12-10", Note: "Ferie", Some: true, CitizenIDs: []uint{coveredID}}))
	tm.settle(t)

	courseOf := func(citizen string) uint {
		var id uint
		bo.st.Gorm().Raw(`SELECT c.id FROM courses c JOIN citizens z ON z.id = c.citizen_id WHERE z.name = ?`, citizen).Scan(&id)
		return id
	}
	notes := service.NewNoteService(bo.deps())
	write := func(courseID uint, text string) error {
		_, err := notes.SaveNote(service.NoteInput{CourseID: courseID, OccurredAt: "2026-12-01T07:00", DurationMinutes: 15,
			Location: "home", Kind: "visit", Text: text})
		return err
	}
	if err := write(courseOf("Borger 1 Testesen"), "Bo dækker for Anna"); err != nil {
		t.Fatalf("Bo's note in the covered course: %v", err)
	}
	if err := write(courseOf("Borger 3 Testesen"), "Ikke dækket"); err == nil {
		t.Fatal("Bo's app let him write in a course of Anna's the cover is not for")
	}
	// Past the app, on Bo's laptop: a change of each of Anna's citizens.
	for _, q := range []string{`UPDATE citizens SET phone = '11111111' WHERE name = 'Borger 1 Testesen'`,
		`UPDATE citizens SET phone = '33333333' WHERE name = 'Borger 3 Testesen'`} {
		if err := bo.st.Gorm().Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		if got := value(t, l, `SELECT author_name || '/' || COUNT(*) FROM notes WHERE text = 'Bo dækker for Anna'`); got != "Medarbejder BO/1" {
			t.Errorf("%s: the covering colleague's note is %q, want it there once and Bo's", l.name, got)
		}
		if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`); got != "11111111" {
			t.Errorf("%s: the change of the covered citizen was not applied (%q): %v", l.name, got, refusals(t, l))
		}
		if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 3 Testesen'`); got == "33333333" {
			t.Errorf("%s applied Bo's change of a citizen the cover is not for", l.name)
		}
		if got := value(t, l, `SELECT COUNT(*) FROM sync_refused WHERE code = 'course_not_yours' AND tbl = 'citizens'`); got != "1" {
			t.Errorf("%s: %s refusals of Bo's change, want 1: %v", l.name, got, refusals(t, l))
		}
	}
	tm.converged(t, lead, anna)
}
