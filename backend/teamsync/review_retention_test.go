package teamsync_test

import (
	"os"
	"path/filepath"
	"testing"

	"icm/backend/service"
	"icm/backend/teamfolder"
	"icm/backend/teamfolder/faulty"
)

// REVIEW finding: the end of retention does not reach the team folder. The design says the
// citizen's key files are deleted and every laptop forgets the citizen's keys, so the
// citizen's data left in old batches can no longer be read; nothing in the engine does
// either (sync_shredded is never written, no key file is ever removed). The citizen's row
// is gone, but every laptop still holds every laptop's data key for them and the key files
// stay in the folder beside the batches they open.
func TestReviewRetentionDeletionLeavesKeysReadable(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 26}, "AA", "BO")
	lead, anna := tm.laptops[0], tm.laptops[1]
	course := anna.ownCourse(t)
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(anna.deps()).SaveNote(service.NoteInput{
		CourseID: course, OccurredAt: "2026-12-01T07:00", DurationMinutes: 15, Location: "home", Kind: "visit",
		Text: "Følsom note om helbred"}))
	tm.settle(t)
	citizen := uidOf(t, lead, "citizens", `x.name = 'Borger 1 Testesen'`)
	var leadCourse, leadCitizen uint
	lead.st.Gorm().Raw(`SELECT c.id, c.citizen_id FROM courses c JOIN citizens z ON z.id = c.citizen_id
		WHERE z.name = 'Borger 1 Testesen'`).Row().Scan(&leadCourse, &leadCitizen)
	must[service.FollowUpDTO](t, "CloseCourse")(service.NewFollowUpService(lead.deps()).CloseCourse(service.CloseCourseInput{
		CourseID: leadCourse, EndDate: "2026-12-01", Reason: "goals_reached", AfterSupport: "cti", HousingAtClose: "own"}))
	tm.settle(t)
	must[service.DeletionResultDTO](t, "DeleteCitizen")(service.NewCitizenDataService(lead.deps(), nil).DeleteCitizen(
		service.DeleteCitizenInput{CitizenID: leadCitizen, ConfirmName: "Borger 1 Testesen"}))
	tm.settle(t)
	for _, l := range tm.laptops {
		t.Run(l.name, func(t *testing.T) {
			if got := value(t, l, `SELECT COUNT(*) FROM citizens WHERE name = 'Borger 1 Testesen'`); got != "0" {
				t.Fatalf("the citizen is still here")
			}
			if got := value(t, l, `SELECT COUNT(*) FROM sync_data_keys WHERE citizen = ?`, citizen); got != "0" {
				t.Errorf("the laptop still holds %s data keys of the deleted citizen", got)
			}
			if got := value(t, l, `SELECT COUNT(*) FROM sync_shredded WHERE citizen = ?`, citizen); got != "1" {
				t.Errorf("the deleted citizen is not marked as shredded")
			}
			var left []string
			_ = filepath.Walk(l.dir, func(p string, fi os.FileInfo, err error) error {
				if err == nil && fi.Name() == teamfolder.KeyName(citizen) {
					left = append(left, p)
				}
				return nil
			})
			if len(left) > 0 {
				t.Errorf("%d key files of the deleted citizen are still in the team folder", len(left))
			}
		})
	}
}
