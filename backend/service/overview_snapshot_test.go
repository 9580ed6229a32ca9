package service

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"icm/backend/domain"
)

// Every count the triggers keep (note_stats for the journal, assessment_latest for the
// assessment, the citizen's housing now from the housing history) equals the count made
// from the base tables, after each of many random changes through the services; and the
// overview's figures built on them agree with the same base-table counts (issue 16).
func TestTriggerKeptCountsFollowRandomChanges(t *testing.T) {
	w := newWizard(t) // 2026-12-01
	rng := rand.New(rand.NewPCG(16, 2026))
	var courses []CourseDTO
	for i, name := range []string{"Åse Ærø", "Bo Berg", "Cai Ek"} {
		courses = append(courses, w.courseFrom(t, name, fmt.Sprintf("2026-0%d-10", 6+i)))
	}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	kinds, places := strs(domain.NoteKinds), strs(domain.NoteLocations)
	housings := append(strs(domain.Housings), "")
	var notes []NoteDTO
	db := w.d.Store.Gorm()
	query := func(q string) string {
		t.Helper()
		rows, err := db.Raw(q).Rows()
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		out := ""
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintln(vals...)
		}
		return out
	}
	check := func(step int) {
		t.Helper()
		if kept, base := query(`SELECT course_id, kind, location, n, last FROM note_stats WHERE n > 0 ORDER BY 1, 2, 3`),
			query(`SELECT course_id, kind, location, COUNT(*), MAX(occurred_at) FROM notes GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`); kept != base {
			t.Fatalf("step %d: note_stats\n%s\nnotes\n%s", step, kept, base)
		}
		if kept, base := query(`SELECT course_id, topic, filled FROM assessment_latest ORDER BY 1, 2`),
			query(`SELECT course_id, topic, (citizen_view || worker_view || resources || needs || barriers) <> ''
				FROM assessment_entries e WHERE revision_date = (SELECT MAX(revision_date) FROM assessment_entries
				WHERE course_id = e.course_id AND topic = e.topic) ORDER BY 1, 2`); kept != base {
			t.Fatalf("step %d: assessment_latest\n%s\nentries\n%s", step, kept, base)
		}
		if kept, base := query(`SELECT id, housing FROM citizens ORDER BY id`),
			query(`SELECT c.id, COALESCE((SELECT housing FROM housing_events h WHERE h.citizen_id = c.id AND h.kind <> 'withdrawal'
				AND h.id NOT IN (SELECT corrects_id FROM housing_events WHERE corrects_id IS NOT NULL)
				ORDER BY h.date DESC, h.id DESC LIMIT 1), '') FROM citizens c ORDER BY c.id`); kept != base {
			t.Fatalf("step %d: citizens' housing\n%s\nhistory\n%s", step, kept, base)
		}
		ov := mustFn[OverviewDTO](t)(NewOverviewService(asLead(t, w.d)).TeamOverview())
		for _, f := range ov.Fidelity {
			var total, local int
			for _, n := range notes {
				if n.CourseID == f.CourseID && domain.NoteKind(n.Kind).IsContact() {
					total++
					if domain.NoteKind(n.Kind).IsWhereCitizenIs(domain.NoteLocation(n.Location)) {
						local++
					}
				}
			}
			for _, r := range f.Results {
				if r.Rule == string(domain.RuleLocal) && (r.Params["total"] != itoa(total) || r.Params["local"] != itoa(local)) {
					t.Fatalf("step %d: course %d local rule %v, want local %d of %d", step, f.CourseID, r.Params, local, total)
				}
			}
		}
		own := 0
		for _, c := range courses {
			if domain.IsOwnHome(domain.Housing(mustFn[CitizenDTO](t)(w.citizens.GetCitizen(IDInput{ID: c.CitizenID})).Housing)) {
				own++
			}
		}
		if ov.Housing.OwnHomeNow != own {
			t.Fatalf("step %d: overview says %d in their own home, the citizens %d", step, ov.Housing.OwnHomeNow, own)
		}
	}
	for step := range 60 {
		c := courses[rng.IntN(len(courses))]
		day := fmt.Sprintf("2026-11-%02d", 1+rng.IntN(30))
		switch op := rng.IntN(4); {
		case op == 0 || len(notes) == 0:
			notes = append(notes, mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: c.ID, OccurredAt: day + "T10:00",
				DurationMinutes: rng.IntN(90), Location: pick(places), Kind: pick(kinds), Text: "Notat"})))
		case op == 1: // a correction may move the note's kind, place and date
			i := rng.IntN(len(notes))
			n := notes[i]
			notes[i] = mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{ID: n.ID, CourseID: n.CourseID, OccurredAt: day + "T11:00",
				DurationMinutes: n.DurationMinutes, Location: pick(places), Kind: pick(kinds), Text: n.Text + ".", Reason: "Rettet"}))
		case op == 2:
			text := ""
			if rng.IntN(3) > 0 {
				text = "Borgerens egne ord"
			}
			w.at(t, day)
			mustFn[AssessmentDTO](t)(w.assess.SaveTopic(SaveTopicInput{CourseID: c.ID, Topic: pick(strs(domain.AssessmentTopics)), CitizenView: text}))
			w.at(t, "2026-12-01")
		default:
			if h := pick(housings); h != "" {
				mustFn[HousingHistoryDTO](t)(w.citizens.RecordHousing(HousingInput{CitizenID: c.CitizenID, Date: day, Housing: h}))
			}
		}
		check(step)
	}
}

// The overview reads every figure from one snapshot: while other connections write, the
// caseloads beside the headline always add up to the open courses and the courses the
// fidelity table lists, and a course's contacts counted from the journal's trigger-kept
// counts equal those counted from the notes of the same weeks (issue 16: "0 of 1" beside a
// chart showing 1).
func TestOverviewIsOneSnapshot(t *testing.T) {
	w := newWizard(t) // Tuesday 2026-12-01
	lead := asLead(t, w.d)
	co := w.courseFrom(t, "Åse Ærø", "2026-11-02")
	mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 1, Per: "week"}))
	mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-24T09:00", Location: "home", Kind: "visit", Text: "Besøg"}))
	// The writers pause a moment between writes, so that the overview's own audit entry
	// gets the write lock on a busy machine too; they stop (and are waited for) however the
	// test ends, and report an error only while the test runs.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() { close(stop); wg.Wait() }()
	write := func(name string, step func(i int) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(2 * time.Millisecond):
				}
				if err := step(i); err != nil {
					select {
					case <-stop:
					default:
						t.Errorf("%s: %v", name, err)
					}
					return
				}
			}
		}()
	}
	write("visits", func(i int) error { // visits in the last whole week, the only notes of the course
		_, err := w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: fmt.Sprintf("2026-11-%02dT10:00", 23+i%7),
			Location: "home", Kind: "visit", Text: "Besøg"})
		return err
	})
	courses, follow := NewCourseService(w.d), NewFollowUpService(w.d)
	write("courses", func(i int) error { // a course opened and closed again
		cit, err := w.citizens.SaveCitizen(CitizenInput{Name: fmt.Sprintf("Borger %d", i)})
		if err != nil {
			return err
		}
		c, err := courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: w.lead.ID, StartDate: "2026-11-01"})
		if err != nil {
			return err
		}
		_, err = follow.CloseCourse(CloseCourseInput{CourseID: c.ID, EndDate: "2026-11-30", Reason: "moved", AfterSupport: "none",
			HousingAtClose: "own"})
		return err
	})
	deadline := time.Now().Add(3 * time.Second)
	for n := 0; n < 40 && time.Now().Before(deadline); n++ {
		ov := mustFn[OverviewDTO](t)(NewOverviewService(lead).TeamOverview())
		sum := 0
		for _, c := range ov.Caseloads {
			sum += c.Open
		}
		if sum != ov.OpenCourses || len(ov.Fidelity) != ov.OpenCourses || ov.Housing.Total != ov.OpenCourses {
			t.Fatalf("overview %d: caseloads add up to %d, open courses %d, fidelity rows %d, housing total %d", n, sum,
				ov.OpenCourses, len(ov.Fidelity), ov.Housing.Total)
		}
		var fromStats, fromNotes string
		for _, f := range ov.Fidelity {
			for _, r := range f.Results {
				if f.CourseID == co.ID && r.Rule == string(domain.RuleLocal) {
					fromStats = r.Params["total"]
				}
			}
		}
		for _, r := range ov.ContactIntensity {
			if r.CourseID == co.ID && r.LastWeek != nil {
				fromNotes = itoa(r.LastWeek.Contacts)
			}
		}
		if fromStats == "" || fromStats != fromNotes {
			t.Fatalf("overview %d: %s contacts by the journal's counts, %s by its notes", n, fromStats, fromNotes)
		}
	}
}
