package syncstore_test

import (
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/syncstore"
)

// team is a team set up on laptop a through the services: the lead Mette (ML), the worker
// Anna (AB), a citizen with a course of Anna's with three goals (the first with a
// sub-goal) and a journal note.
type team struct {
	course, goal1, goal2, goal3, note uint
}

func setupTeam(t testing.TB, a *laptop) team {
	t.Helper()
	d := a.deps("")
	teams := service.NewTeamService(d)
	must[service.TeamDTO](t)(teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}))
	anna := must[service.WorkerDTO](t)(teams.SaveWorker(service.WorkerInput{Name: "Anna Berg", Initials: "AB",
		Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
	must[service.TeamSettingsDTO](t)(teams.SaveSettings(service.TeamSettingsDTO{ContactGapDays: 14,
		ColleagueAccess: service.ColleagueReadOnly, LockMinutes: 15}))
	lead := a.deps("ML")
	cit := must[service.CitizenDTO](t)(service.NewCitizenService(lead).SaveCitizen(service.CitizenInput{Name: "Åse Ærø", Phone: "20 11 22 33"}))
	co := must[service.CourseDTO](t)(service.NewCourseService(lead).CreateCourse(service.CreateCourseInput{
		CitizenID: cit.ID, WorkerID: anna.ID, StartDate: "2026-11-01"}))
	plan := service.NewPlanningService(lead)
	var tm team
	tm.course = co.ID
	for i, words := range []string{"Egen bolig", "Et arbejde", "Tandlæge"} {
		p := must[service.PlanDTO](t)(plan.SaveGoal(service.GoalInput{CourseID: co.ID, CitizenWords: words, Area: "housing"}))
		id := p.Goals[len(p.Goals)-1].ID
		switch i {
		case 0:
			tm.goal1 = id
		case 1:
			tm.goal2 = id
		default:
			tm.goal3 = id
		}
	}
	must[service.PlanDTO](t)(plan.SaveSubGoal(service.SubGoalInput{CourseID: co.ID, GoalID: tm.goal1, What: "Søge boligstøtte"}))
	n := must[service.NoteDTO](t)(service.NewNoteService(a.deps("AB")).SaveNote(service.NoteInput{CourseID: co.ID,
		OccurredAt: "2026-11-20T10:00", DurationMinutes: 30, Location: "home", Kind: "visit", Text: "Første besøg."}))
	tm.note = n.ID
	return tm
}

// goal saves a goal's three texts through the planning service.
func saveGoal(t *testing.T, l *laptop, initials string, course, id uint, words, area, apg string) {
	t.Helper()
	must[service.PlanDTO](t)(service.NewPlanningService(l.deps(initials)).SaveGoal(service.GoalInput{ID: id, CourseID: course,
		CitizenWords: words, Area: area, ActionPlanGoal: apg}))
}

func correctNote(t *testing.T, l *laptop, initials string, course, id uint, text, reason string) {
	t.Helper()
	must[service.NoteDTO](t)(service.NewNoteService(l.deps(initials)).SaveNote(service.NoteInput{ID: id, CourseID: course,
		OccurredAt: "2026-11-20T10:00", DurationMinutes: 30, Location: "home", Kind: "visit", Text: text, Reason: reason}))
}

// revisions lists a note's revision texts, oldest first.
func revisions(t *testing.T, l *laptop, id uint) []string {
	t.Helper()
	revs := must[[]service.NoteRevisionDTO](t)(service.NewNoteService(l.deps("ML")).NoteRevisions(service.IDInput{ID: id}))
	out := make([]string, len(revs))
	for i, r := range revs {
		out[len(revs)-1-i] = r.Text
		if r.RevisionNo != len(revs)-i {
			t.Fatalf("%s: revisions numbered %v", l.name, revs)
		}
	}
	return out
}

// Two laptops change the same course at the same time through the services, each
// publishes and applies the other's batch: they end identical, with the same winner of a
// field both changed and its loser kept on both, both changes of different fields of one
// row, both corrections of a note (numbered the same), and a goal one deleted and the
// other changed gone on both with the change kept.
func TestTwoLaptopsConvergeOnConcurrentChanges(t *testing.T) {
	for _, order := range []string{"a first", "b first"} {
		t.Run(order, func(t *testing.T) {
			a, b := newLaptop(t, "A"), newLaptop(t, "B")
			tm := setupTeam(t, a)
			if ch := a.publish(); len(ch) == 0 {
				t.Fatal("nothing to publish after the setup")
			}
			if res := b.apply(a, 1); len(res.Refused) != 0 || res.Applied == 0 {
				t.Fatalf("B applying the setup: %+v", res)
			}
			sameDumps(t, a, b)
			uid := func(table string, id uint) string { return a.uid(table, id) }
			g1, g2, g3, note := uid("goals", tm.goal1), uid("goals", tm.goal2), uid("goals", tm.goal3), uid("notes", tm.note)
			bCourse := b.localID(uid("courses", tm.course))

			// At the same time, offline:
			saveGoal(t, a, "ML", tm.course, tm.goal1, "Egen bolig med have", "housing", "")
			saveGoal(t, b, "ML", bCourse, b.localID(g1), "Egen bolig tæt på byen", "housing", "")
			saveGoal(t, a, "ML", tm.course, tm.goal2, "Et arbejde", "finances", "")
			saveGoal(t, b, "ML", bCourse, b.localID(g2), "Et arbejde", "housing", "Beskæftigelse")
			correctNote(t, a, "AB", tm.course, tm.note, "Første besøg i hjemmet.", "Stedet manglede")
			correctNote(t, b, "ML", bCourse, b.localID(note), "Første besøg, kort.", "For lang")
			must[service.PlanDTO](t)(service.NewPlanningService(a.deps("ML")).DeleteGoal(service.ChildInput{CourseID: tm.course, ID: tm.goal3}))
			saveGoal(t, b, "AB", bCourse, b.localID(g3), "Tandlæge hver måned", "physical", "")

			pa, pb := a.publish(), b.publish()
			if order == "a first" {
				a.apply(b, 1)
				b.apply(a, 2)
			} else {
				b.apply(a, 2)
				a.apply(b, 1)
			}
			dump := sameDumps(t, a, b)

			// The same field: the later HLC wins on both, the other value is kept on both.
			winner, loser := "Egen bolig tæt på byen", "Egen bolig med have"
			if hlcOf(pa, g1) > hlcOf(pb, g1) {
				winner, loser = loser, winner
			}
			for _, l := range []*laptop{a, b} {
				if got := l.scalar(`SELECT citizen_words FROM goals WHERE id = ?`, l.localID(g1)); got != winner {
					t.Errorf("%s: goal 1 says %q, want %q", l.name, got, winner)
				}
				if got := l.scalar(`SELECT area || '|' || action_plan_goal FROM goals WHERE id = ?`, l.localID(g2)); got != "finances|Beskæftigelse" {
					t.Errorf("%s: goal 2 = %q, want both changes", l.name, got)
				}
				if n := l.scalar(`SELECT COUNT(*) FROM goals g JOIN sync_ids s ON s.row_id = g.id AND s.tbl = 'goals' WHERE s.uid = ?`, g3); n != "0" {
					t.Errorf("%s: the deleted goal is back", l.name)
				}
			}
			if !strings.Contains(dump, "kept goals "+g1+" citizen_words ") || !strings.Contains(dump, `"`+loser+`"`) {
				t.Errorf("the losing goal text is not kept:\n%s", keptLines(dump))
			}
			if !strings.Contains(dump, "kept goals "+g3+" citizen_words ") || !strings.Contains(dump, `"Tandlæge hver måned"`) {
				t.Errorf("the change of the deleted goal is not kept:\n%s", keptLines(dump))
			}
			if strings.Contains(dump, "kept goals "+g2) {
				t.Errorf("changes of different fields were kept as conflicts:\n%s", keptLines(dump))
			}
			// Both corrections are revisions, numbered alike, and the note is the last.
			ra, rb := revisions(t, a, tm.note), revisions(t, b, b.localID(note))
			if len(ra) != 3 || strings.Join(ra, "|") != strings.Join(rb, "|") || ra[0] != "Første besøg." {
				t.Fatalf("revisions A %q, B %q", ra, rb)
			}
			for _, l := range []*laptop{a, b} {
				if got := l.scalar(`SELECT text || '|' || revision_no FROM notes WHERE id = ?`, l.localID(note)); got != ra[2]+"|3" {
					t.Errorf("%s: the note is %q, want its last revision %q", l.name, got, ra[2])
				}
			}
			// Applying a batch again changes nothing.
			res := b.apply(a, 2)
			if res.Applied != 0 || res.Conflicts != 0 || len(res.Refused) != 0 {
				t.Errorf("applying again: %+v", res)
			}
			if got := b.dump(); got != dump {
				t.Fatalf("applying again changed B:\n%s", diff(dump, got))
			}
		})
	}
}

// hlcOf is the HLC a published change of uid got.
func hlcOf(changes []syncstore.Change, uid string) string {
	for _, ch := range changes {
		if ch.UID == uid {
			for _, h := range ch.HLC {
				return h
			}
		}
	}
	return ""
}

func keptLines(dump string) string {
	var out []string
	for _, l := range strings.Split(dump, "\n") {
		if strings.HasPrefix(l, "kept ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
