package syncstore_test

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/syncstore"
)

// office is one laptop's view of the shared course in the random test.
type office struct {
	*laptop
	course  uint
	citizen uint
}

// ids lists one column of a query as ids.
func (o *office) ids(q string, args ...any) []uint {
	o.t.Helper()
	var out []uint
	o.tx(func(tx *gormDB) error { return tx.Raw(q, args...).Scan(&out).Error })
	return out
}

func pick(r *rand.Rand, ids []uint) (uint, bool) {
	if len(ids) == 0 {
		return 0, false
	}
	return ids[r.Intn(len(ids))], true
}

var areas = []string{"housing", "finances", "physical", "mental", "network"}

// act does one random change through the services as the lead (or Anna) of this laptop.
func (o *office) act(t *testing.T, r *rand.Rand, step int) {
	t.Helper()
	who := "ML"
	if r.Intn(3) == 0 {
		who = "AB"
	}
	d := o.deps(who)
	plan := service.NewPlanningService(d)
	word := fmt.Sprintf("%s-%d", o.name, step)
	goals := o.ids(`SELECT id FROM goals WHERE course_id = ? ORDER BY id`, o.course)
	subs := o.ids(`SELECT s.id FROM subgoals s JOIN goals g ON g.id = s.goal_id WHERE g.course_id = ? ORDER BY s.id`, o.course)
	switch r.Intn(17) {
	case 0, 1: // change one text of a goal
		id, ok := pick(r, goals)
		if !ok {
			return
		}
		p := must[service.PlanDTO](t)(plan.GetPlan(service.IDInput{ID: o.course}))
		for _, g := range p.Goals {
			if g.ID != id {
				continue
			}
			in := service.GoalInput{ID: id, CourseID: o.course, CitizenWords: g.CitizenWords, Area: g.Area, ActionPlanGoal: g.ActionPlanGoal}
			switch r.Intn(3) {
			case 0:
				in.CitizenWords = "Mål " + word
			case 1:
				in.Area = areas[r.Intn(len(areas))]
			default:
				in.ActionPlanGoal = "Handleplan " + word
			}
			must[service.PlanDTO](t)(plan.SaveGoal(in))
		}
	case 2:
		must[service.PlanDTO](t)(plan.SaveGoal(service.GoalInput{CourseID: o.course, CitizenWords: "Nyt mål " + word, Area: "housing"}))
	case 3:
		if id, ok := pick(r, goals); ok && len(goals) > 2 && r.Intn(2) == 0 {
			must[service.PlanDTO](t)(plan.DeleteGoal(service.ChildInput{CourseID: o.course, ID: id}))
		}
	case 4: // a sub-goal: new, or a change of its status
		id, ok := pick(r, goals)
		if !ok {
			return
		}
		subs := o.ids(`SELECT id FROM subgoals WHERE goal_id = ?`, id)
		if s, ok := pick(r, subs); ok && r.Intn(2) == 0 {
			must[service.PlanDTO](t)(plan.SaveSubGoal(service.SubGoalInput{ID: s, CourseID: o.course, GoalID: id, What: "Delmål " + word,
				Status: []string{"not_started", "in_progress", "achieved"}[r.Intn(3)]}))
		} else {
			must[service.PlanDTO](t)(plan.SaveSubGoal(service.SubGoalInput{CourseID: o.course, GoalID: id, What: "Delmål " + word}))
		}
	case 5, 6: // a journal note: new, or a correction of one
		notes := service.NewNoteService(d)
		if id, ok := pick(r, o.ids(`SELECT id FROM notes WHERE course_id = ?`, o.course)); ok && r.Intn(2) == 0 {
			must[service.NoteDTO](t)(notes.SaveNote(service.NoteInput{ID: id, CourseID: o.course, OccurredAt: "2026-11-20T10:00",
				DurationMinutes: 30, Location: "home", Kind: "visit", Text: "Rettet " + word, Reason: "Rettelse"}))
		} else {
			must[service.NoteDTO](t)(notes.SaveNote(service.NoteInput{CourseID: o.course, OccurredAt: "2026-11-21T09:00",
				DurationMinutes: 15, Location: "phone", Kind: "phone_call", Text: "Opkald " + word}))
		}
	case 7: // the citizen's phone or address
		cs := service.NewCitizenService(d)
		c := must[service.CitizenDTO](t)(cs.GetCitizen(service.IDInput{ID: o.citizen}))
		in := service.CitizenInput{ID: c.ID, Name: c.Name, CPR: c.CPR, Phone: c.Phone, Email: c.Email, Address: c.Address, ContactNote: c.ContactNote}
		if r.Intn(2) == 0 {
			in.Phone = "20 " + strconv.Itoa(10+r.Intn(89)) + " 00 00"
		} else {
			in.Address = "Åvej " + strconv.Itoa(step)
		}
		must[service.CitizenDTO](t)(cs.SaveCitizen(in))
	case 8: // natural rows two laptops may write at once: the week's check, the day's assessment
		must[service.FollowUpDTO](t)(service.NewFollowUpService(d).SaveWeeklyCheck(service.WeeklyCheckInput{CourseID: o.course,
			Week: "2026-11-23", Substance: r.Intn(5), Mental: r.Intn(5), Note: word}))
	case 9:
		must[service.AssessmentDTO](t)(service.NewAssessmentService(d).SaveTopic(service.SaveTopicInput{CourseID: o.course,
			Topic: "housing", CitizenView: "Ønsker " + word, Barriers: []string{"", "Gæld"}[r.Intn(2)]}))
	case 10:
		must[service.VisitationDTO](t)(service.NewCourseService(d).SaveVisitation(service.SaveVisitationInput{CourseID: o.course,
			HousingAtStart: "shelter", Needs: []string{"substance"}, NeedsNote: "Behov " + word, Consent: "yes", ConsentDate: "2026-11-01"}))
	case 12: // an activity linked to a sub-goal (unlinked when the sub-goal goes)
		sub, _ := pick(r, subs)
		acts := o.ids(`SELECT id FROM activities WHERE course_id = ?`, o.course)
		in := service.ActivityInput{CourseID: o.course, What: "Aktivitet " + word, SubGoalID: sub}
		if id, ok := pick(r, acts); ok && r.Intn(2) == 0 {
			in.ID = id
		}
		must[service.PlanDTO](t)(plan.SaveActivity(in))
	case 13:
		if id, ok := pick(r, subs); ok && len(subs) > 1 {
			must[service.PlanDTO](t)(plan.DeleteSubGoal(service.ChildInput{CourseID: o.course, ID: id}))
		}
	case 14: // an evaluation of every sub-goal (its items are replaced on every save)
		follow := service.NewFollowUpService(d)
		in := service.EvaluationInput{CourseID: o.course, Date: "2026-11-28", Summary: "Evaluering " + word}
		if id, ok := pick(r, o.ids(`SELECT id FROM evaluations WHERE course_id = ?`, o.course)); ok && r.Intn(2) == 0 {
			in.ID = id
		} else {
			in.Date = "2026-11-" + strconv.Itoa(10+r.Intn(19))
		}
		for _, sub := range subs {
			in.Items = append(in.Items, service.EvaluationItemInput{SubGoalID: sub,
				Status: []string{"not_started", "in_progress", "achieved"}[r.Intn(3)], Comment: word})
		}
		must[service.FollowUpDTO](t)(follow.SaveEvaluation(in))
	case 15: // a meeting with its actions (replaced on every save)
		coord := service.NewCoordinationService(d)
		in := service.MeetingInput{CourseID: o.course, Date: "2026-11-12", Purpose: "Møde " + word}
		if id, ok := pick(r, o.ids(`SELECT id FROM meetings WHERE course_id = ?`, o.course)); ok && r.Intn(2) == 0 {
			in.ID = id
		}
		for n := r.Intn(3); n > 0; n-- {
			in.Actions = append(in.Actions, service.MeetingActionDTO{Action: "Opgave " + word, Owner: o.name})
		}
		must[service.CoordinationDTO](t)(coord.SaveMeeting(in))
	case 16:
		must[service.HousingHistoryDTO](t)(service.NewCitizenService(d).RecordHousing(service.HousingInput{CitizenID: o.citizen,
			Date: "2026-11-" + strconv.Itoa(10+r.Intn(19)), Housing: []string{"own", "shelter", "street"}[r.Intn(3)]}))
	case 11:
		if who == "ML" {
			must[service.TeamSettingsDTO](t)(service.NewTeamService(d).SaveSettings(service.TeamSettingsDTO{ContactGapDays: 7 + r.Intn(20),
				ColleagueAccess: service.ColleagueReadOnly, LockMinutes: 15}))
		}
	}
}

// Three laptops change the same course at random through the services and exchange their
// batches in random causal orders, with batches applied again; when every batch has
// reached every laptop, all three are identical, nothing was refused, every note's
// revisions read back numbered 1, 2, 3, ... and a fourth laptop that joins from a snapshot
// is identical too.
func TestThreeLaptopsConvergeInAnyOrder(t *testing.T) {
	seeds := []int64{1, 2, 3, 4, 5, 6}
	if testing.Short() {
		seeds = seeds[:2]
	}
	// SYNC_SEEDS=n runs seeds 1..n (a longer search for a schedule that breaks convergence).
	if n, err := strconv.Atoi(os.Getenv("SYNC_SEEDS")); err == nil && n > 0 {
		seeds = seeds[:0]
		for i := 1; i <= n; i++ {
			seeds = append(seeds, int64(i))
		}
	}
	for _, seed := range seeds {
		t.Run("seed "+strconv.FormatInt(seed, 10), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			a, b, c := newLaptop(t, "A"), newLaptop(t, "B"), newLaptop(t, "C")
			tm := setupTeam(t, a)
			a.publish()
			b.apply(a, 1)
			c.apply(a, 1)
			all := []*laptop{a, b, c}
			courseUID := a.uid("courses", tm.course)
			citizenUID := a.scalar(`SELECT citizen FROM sync_ids WHERE uid = ?`, courseUID)
			var offices []*office
			for _, l := range all {
				offices = append(offices, &office{laptop: l, course: l.localID(courseUID), citizen: l.localID(citizenUID)})
			}
			for step := 0; step < 40; step++ {
				o := offices[r.Intn(len(offices))]
				for n := 1 + r.Intn(3); n > 0; n-- {
					o.act(t, r, step)
				}
				// A sync: the laptop publishes first, then applies some of what it can.
				o.publish()
				for n := r.Intn(4); n > 0; n-- {
					from := all[r.Intn(len(all))]
					if from == o.laptop {
						continue
					}
					if next := o.applied[from.name] + 1; o.canApply(from, next) {
						o.apply(from, next)
					} else if done := o.applied[from.name]; done > 0 && r.Intn(3) == 0 {
						if res := o.apply(from, 1+r.Intn(done)); res.Applied != 0 || res.Conflicts != 0 || len(res.Refused) != 0 {
							t.Fatalf("%s applying %s's batch again: %+v", o.name, from.name, res)
						}
					}
				}
			}
			for settled := false; !settled; {
				settled = true
				for _, l := range all {
					if len(l.publish()) > 0 {
						settled = false
					}
				}
				for _, l := range all {
					l.catchUp(all...)
				}
			}
			dump := sameDumps(t, a, b, c)
			for _, l := range all {
				if n := l.scalar(`SELECT COUNT(*) FROM sync_refused`); n != "0" {
					t.Errorf("%s refused %s changes: %s", l.name, n, l.scalar(`SELECT group_concat(code || ' ' || tbl || ' ' || detail, '; ') FROM sync_refused`))
				}
				for _, id := range (&office{laptop: l}).ids(`SELECT id FROM notes`) {
					revisions(t, l, id)
				}
			}
			d := newLaptop(t, "D")
			var snap []syncstore.Change
			b.tx(func(tx *gormDB) error {
				return syncstore.Snapshot(tx, func(ch syncstore.Change) error { snap = append(snap, ch); return nil })
			})
			d.tx(func(tx *gormDB) error {
				res, err := syncstore.Apply(tx, roundTrip(t, snap), "B")
				if err == nil && len(res.Refused) > 0 {
					t.Errorf("snapshot refused: %+v", res.Refused)
				}
				return err
			})
			if got := d.dump(); got != dump {
				t.Fatalf("D from B's snapshot differs:\n%s", diff(dump, got))
			}
			if testing.Verbose() {
				t.Logf("%d rows, %d values kept", countPrefix(dump, ""), countPrefix(dump, "kept "))
			}
		})
	}
}

func countPrefix(dump, prefix string) int {
	n := 0
	for _, l := range splitLines(dump) {
		if len(l) > 0 && (prefix == "" || len(l) >= len(prefix) && l[:len(prefix)] == prefix) {
			n++
		}
	}
	return n
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

var _ = domain.RoleTeamLead
