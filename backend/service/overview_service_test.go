package service

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

func ruleOf(t *testing.T, row CourseFidelityDTO, rule domain.FidelityRule) RuleResultDTO {
	t.Helper()
	for _, r := range row.Results {
		if r.Rule == string(rule) {
			return r
		}
	}
	t.Fatalf("%s: no result for %s", row.CitizenName, rule)
	return RuleResultDTO{}
}

func rowOf(t *testing.T, ov OverviewDTO, citizen string) CourseFidelityDTO {
	t.Helper()
	for _, r := range ov.Fidelity {
		if r.CitizenName == citizen {
			return r
		}
	}
	t.Fatalf("no fidelity row for %s", citizen)
	return CourseFidelityDTO{}
}

func TestTeamOverviewDemo(t *testing.T) {
	d := newTestDeps(t)
	if err := LoadDemo(context.Background(), d.Store, testNow); err != nil {
		t.Fatal(err)
	}
	ov, err := NewOverviewService(d).TeamOverview()
	if err != nil {
		t.Fatal(err)
	}
	if ov.OpenCourses != 10 || len(ov.Fidelity) != 10 {
		t.Fatalf("open = %d, fidelity rows = %d, want 10", ov.OpenCourses, len(ov.Fidelity))
	}
	if ov.Capacity != 16 { // 4 + 8 + 4
		t.Errorf("capacity = %d, want 16", ov.Capacity)
	}
	for _, c := range ov.Caseloads {
		if c.Worker.Name == "Aisha Khalil" && (c.Open != 5 || c.Max != 4 || !c.Over) {
			t.Errorf("Aisha = %d of %d", c.Open, c.Max)
		}
	}
	steps := 0
	for _, s := range ov.Steps {
		steps += s.Count
	}
	if steps != 10 || len(ov.Steps) != len(domain.Steps)+1 {
		t.Errorf("steps = %+v", ov.Steps)
	}

	t.Run("Dennis Møller's full course", func(t *testing.T) {
		row := rowOf(t, ov, "Dennis Møller")
		for _, rule := range []domain.FidelityRule{domain.RuleNamedWorker, domain.RuleAssessment, domain.RuleActionPlan,
			domain.RuleEvaluation, domain.RuleContact, domain.RuleLocal, domain.RuleOwnWords} {
			if r := ruleOf(t, row, rule); !r.Pass {
				t.Errorf("%s fails: %+v", rule, r)
			}
		}
		if r := ruleOf(t, row, domain.RuleLocal); r.Params["local"] != "3" || r.Params["total"] != "4" {
			t.Errorf("local contacts = %+v", r.Params) // the attempt is not a contact
		}
		// Aisha is over her ceiling; the reason was recorded on Henrik Vang's course, and it
		// is shown there, not on Dennis's.
		if r := ruleOf(t, row, domain.RuleCaseload); r.Pass || r.Reason != string(domain.ReasonOverCeiling) || r.Params["reason"] != "" {
			t.Errorf("Aisha's caseload on Dennis's course = %+v", r)
		}
		if r := ruleOf(t, rowOf(t, ov, "Henrik Vang"), domain.RuleCaseload); r.Pass || r.Reason != string(domain.ReasonOverWithReason) ||
			!strings.HasPrefix(r.Params["reason"], "Borgeren kender Aisha") {
			t.Errorf("Aisha's caseload on Henrik's course = %+v", r)
		}
		if r := ruleOf(t, row, domain.RuleSignedPlan); r.Pass || r.Step != string(domain.StepPlanning) {
			t.Errorf("signed plan = %+v", r)
		}
	})
	t.Run("a course without goals or contacts", func(t *testing.T) {
		row := rowOf(t, ov, "Bjørn Aagaard")
		if r := ruleOf(t, row, domain.RuleOwnWords); r.Pass || r.Reason != string(domain.ReasonNoGoals) {
			t.Errorf("own words = %+v", r)
		}
		if r := ruleOf(t, row, domain.RuleLocal); r.Pass || r.Reason != string(domain.ReasonNoContacts) {
			t.Errorf("local = %+v", r)
		}
		if r := ruleOf(t, row, domain.RuleCaseload); !r.Pass { // Jonas: 4 of 8
			t.Errorf("caseload = %+v", r)
		}
	})
	t.Run("lists to act on", func(t *testing.T) {
		if len(ov.Unsigned) != 10 {
			t.Errorf("unsigned = %d, want 10 (the demo signs no plan)", len(ov.Unsigned))
		}
		for _, e := range ov.Evaluations {
			if e.State == string(domain.EvaluationOverdue) && e.Days >= 0 {
				t.Errorf("overdue with %d days left: %+v", e.Days, e)
			}
		}
		for i := 1; i < len(ov.Evaluations); i++ {
			if ov.Evaluations[i-1].Days > ov.Evaluations[i].Days {
				t.Errorf("evaluations not most urgent first: %+v", ov.Evaluations)
			}
		}
		if len(ov.ContactGaps) == 0 {
			t.Error("no contact gaps; the demo courses without notes are over the limit")
		}
		for _, g := range ov.ContactGaps {
			if g.CitizenName == "Dennis Møller" || g.Days <= g.LimitDays {
				t.Errorf("gap row %+v", g)
			}
		}
	})
	t.Run("housing at start and now", func(t *testing.T) {
		h := ov.Housing
		start, now := 0, 0
		for _, c := range h.Categories {
			start += c.Start
			now += c.Now
		}
		if start != 10 || now != 10 || h.Total != 10 {
			t.Fatalf("housing = %+v", h)
		}
		// own home: Åse (own_at_risk), Fatima (own_at_risk), Karsten (own); the two
		// visitations not yet started or filled in record their housing too.
		if h.OwnHomeNow != 3 {
			t.Errorf("own home now = %d, want 3", h.OwnHomeNow)
		}
		if h.OwnHomeStart > h.OwnHomeNow {
			t.Errorf("own home start %d > now %d", h.OwnHomeStart, h.OwnHomeNow)
		}
	})
	t.Run("own home kept 6 and 12 months", func(t *testing.T) {
		// Emil moved into his own flat 540 days ago, during his course, and kept it; Bjørn
		// moved in 350 days ago and lost it five months later; the others had no such move.
		want := HousingRetentionDTO{MovedIn: 2, Kept: []HousingKeptDTO{{Months: 6, Eligible: 2, Kept: 1}, {Months: 12, Eligible: 1, Kept: 1}}}
		r := ov.Housing.Retention
		if r.MovedIn != want.MovedIn || len(r.Kept) != 2 || r.Kept[0] != want.Kept[0] || r.Kept[1] != want.Kept[1] {
			t.Fatalf("retention = %+v, want %+v", r, want)
		}
	})
	t.Run("WHO-5", func(t *testing.T) {
		w := ov.WHO5
		if w.Improved != 1 || w.Worsened != 0 || w.Stable != 0 || w.NoScore != 9 {
			t.Errorf("who5 = %+v", w)
		}
		if w.Buckets[2].Key != "good" || w.Buckets[2].Count != 1 { // Dennis: 24 → 64
			t.Errorf("buckets = %+v", w.Buckets)
		}
	})
	t.Run("team totals per rule", func(t *testing.T) {
		if len(ov.FidelityTotals) != len(domain.FidelityRules) {
			t.Fatalf("totals = %+v", ov.FidelityTotals)
		}
		for _, tot := range ov.FidelityTotals {
			n := 0
			for _, row := range ov.Fidelity {
				if ruleOf(t, row, domain.FidelityRule(tot.Rule)).Pass {
					n++
				}
			}
			if tot.Pass != n || tot.Total != 10 {
				t.Errorf("%s = %d of %d, counted %d", tot.Rule, tot.Pass, tot.Total, n)
			}
		}
	})
	t.Run("CourseFidelity agrees with the overview", func(t *testing.T) {
		want := rowOf(t, ov, "Dennis Møller")
		got, err := NewOverviewService(d).CourseFidelity(IDInput{ID: want.CourseID})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("CourseFidelity = %+v\nwant %+v", got, want)
		}
		_, err = NewOverviewService(d).CourseFidelity(IDInput{ID: 9999})
		wantCode(t, err, domain.CodeNotFound)
	})
}

// TestFidelityBoundaries builds courses at the edges of the rules through the services.
func TestFidelityBoundaries(t *testing.T) {
	s := newSigning(t)
	ovs := NewOverviewService(s.d)
	notes := NewNoteService(asLead(t, s.d))
	addNotes := func(t *testing.T, courseID uint, home, office int) {
		t.Helper()
		for i := 0; i < home+office; i++ {
			loc := "home"
			if i >= home {
				loc = "office"
			}
			if _, err := notes.SaveNote(NoteInput{CourseID: courseID, OccurredAt: fmt.Sprintf("2026-11-%02dT10:00", 10+i),
				Location: loc, Kind: "visit", Text: "Samtale"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	fid := func(t *testing.T, id uint, rule domain.FidelityRule) RuleResultDTO {
		t.Helper()
		row, err := ovs.CourseFidelity(IDInput{ID: id})
		if err != nil {
			t.Fatal(err)
		}
		return ruleOf(t, row, rule)
	}
	newCourse := func(t *testing.T, name, start string) uint {
		t.Helper()
		c := s.citizen(t, name)
		co, err := s.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: s.lead.ID, StartDate: start})
		if err != nil {
			t.Fatal(err)
		}
		return co.ID
	}

	t.Run("4 of 8 contacts at home fails, 5 of 8 passes", func(t *testing.T) {
		four, five := newCourse(t, "Fire Hjemme", "2026-11-01"), newCourse(t, "Fem Hjemme", "2026-11-01")
		addNotes(t, four, 4, 4)
		addNotes(t, five, 5, 3)
		if r := fid(t, four, domain.RuleLocal); r.Pass || r.Reason != string(domain.ReasonMostlyElsewhere) {
			t.Errorf("4 of 8 = %+v", r)
		}
		if r := fid(t, five, domain.RuleLocal); !r.Pass {
			t.Errorf("5 of 8 = %+v", r)
		}
	})
	t.Run("first evaluation due today passes, due yesterday fails", func(t *testing.T) {
		// testNow is 2026-12-01: a start on 1 September is due today, 31 August yesterday.
		today, yesterday := newCourse(t, "Frist I Dag", "2026-09-01"), newCourse(t, "Frist I Går", "2026-08-31")
		if r := fid(t, today, domain.RuleEvaluation); !r.Pass || r.Reason != string(domain.ReasonFirstNotDue) {
			t.Errorf("due today = %+v", r)
		}
		if r := fid(t, yesterday, domain.RuleEvaluation); r.Pass || r.Params["due"] != "2026-11-30" {
			t.Errorf("due yesterday = %+v", r)
		}
		ov, err := ovs.TeamOverview()
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, e := range ov.Evaluations {
			if e.CitizenName == "Frist I Går" && e.State == "overdue" && e.Days == -1 {
				found++
			}
			if e.CitizenName == "Frist I Dag" && e.State == "due_soon" && e.Days == 0 {
				found++
			}
		}
		if found != 2 {
			t.Errorf("evaluation list = %+v", ov.Evaluations)
		}
	})
	t.Run("a signed plan passes and leaves the unsigned list", func(t *testing.T) {
		if r := fid(t, s.course.ID, domain.RuleSignedPlan); r.Pass {
			t.Fatalf("before signing = %+v", r)
		}
		if _, err := s.sign(t, nil); err != nil {
			t.Fatal(err)
		}
		if r := fid(t, s.course.ID, domain.RuleSignedPlan); !r.Pass || r.Params["versions"] != "1" {
			t.Errorf("after signing = %+v", r)
		}
		ov, err := ovs.TeamOverview()
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range ov.Unsigned {
			if u.CourseID == s.course.ID {
				t.Errorf("signed course still listed as unsigned")
			}
		}
	})
	t.Run("goal linked to the § 141 plan passes, own words of 3 words pass", func(t *testing.T) {
		if r := fid(t, s.course.ID, domain.RuleActionPlan); !r.Pass {
			t.Errorf("action plan = %+v", r)
		}
		if r := fid(t, s.course.ID, domain.RuleOwnWords); !r.Pass {
			t.Errorf("own words = %+v", r)
		}
		id := newCourse(t, "Kort Mål", "2026-11-01")
		if _, err := s.planning.SaveGoal(GoalInput{CourseID: id, CitizenWords: "Egen bolig"}); err != nil {
			t.Fatal(err)
		}
		if r := fid(t, id, domain.RuleOwnWords); r.Pass || r.Reason != string(domain.ReasonTooFewOwnWords) {
			t.Errorf("two-word goal = %+v", r)
		}
	})
	t.Run("caseload at the ceiling passes, one over fails", func(t *testing.T) {
		w := s.worker(t, "Halv Tid", "HT", domain.RoleICMWorker, 0.25) // max 2
		ids := []uint{}
		for i := 0; i < 2; i++ {
			c := s.citizen(t, fmt.Sprintf("Loft %d", i))
			co, err := s.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: w.ID, StartDate: "2026-11-01"})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, co.ID)
		}
		if r := fid(t, ids[0], domain.RuleCaseload); !r.Pass || r.Params["open"] != "2" || r.Params["max"] != "2" {
			t.Errorf("2 of 2 = %+v", r)
		}
		c := s.citizen(t, "Over Loftet")
		over, err := NewCourseService(s.as(s.leadActor())).CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: w.ID,
			StartDate: "2026-11-01", OverrideReason: "Kender borgeren i forvejen"})
		if err != nil {
			t.Fatal(err)
		}
		// The course with the override shows its own reason, and the fix is on the caseload page.
		r := fid(t, over.ID, domain.RuleCaseload)
		if r.Pass || r.Reason != string(domain.ReasonOverWithReason) || r.Params["open"] != "3" ||
			r.Params["reason"] != "Kender borgeren i forvejen" || r.Step != string(domain.FixCaseload) {
			t.Errorf("3 of 2, the course with the reason = %+v", r)
		}
		// The worker's other courses are over the ceiling too, but the reason (and the other
		// citizen's name) belongs to the course it was recorded on.
		r = fid(t, ids[0], domain.RuleCaseload)
		if r.Pass || r.Reason != string(domain.ReasonOverCeiling) || r.Params["open"] != "3" || r.Params["reason"] != "" {
			t.Errorf("3 of 2, a course without a reason = %+v", r)
		}
	})
}

// BenchmarkTeamOverview measures the overview of the demo team plus 150 generated courses
// spread over enough workers to stay within the ceiling.
func BenchmarkTeamOverview(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "icm.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = st.Close() })
	d := Deps{Store: st, Clock: func() time.Time { return testNow }}
	if err := LoadDemo(context.Background(), d.Store, testNow); err != nil {
		b.Fatal(err)
	}
	teams, citizens, courses, notes := NewTeamService(d), NewCitizenService(d), NewCourseService(d), NewNoteService(asLead(b, d))
	planning := NewPlanningService(d)
	var workerID uint
	for i := 0; i < 150; i++ {
		if i%8 == 0 {
			w, err := teams.SaveWorker(WorkerInput{Name: fmt.Sprintf("Medarbejder %d", i/8), Initials: fmt.Sprintf("M%d", i/8),
				Role: string(domain.RoleICMWorker), FTE: 1, Active: true})
			if err != nil {
				b.Fatal(err)
			}
			workerID = w.ID
		}
		c, err := citizens.SaveCitizen(CitizenInput{Name: fmt.Sprintf("Borger %d", i), Housing: "shelter"})
		if err != nil {
			b.Fatal(err)
		}
		co, err := courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: workerID, StartDate: "2026-06-01"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := planning.SaveGoal(GoalInput{CourseID: co.ID, CitizenWords: "Jeg vil have et sted at bo"}); err != nil {
			b.Fatal(err)
		}
		for j := 0; j < 5; j++ {
			if _, err := notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: fmt.Sprintf("2026-11-%02dT10:00", 1+j*5),
				Location: "home", Kind: "visit", Text: "Besøg"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	s := NewOverviewService(d)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ov, err := s.TeamOverview()
		if err != nil {
			b.Fatal(err)
		}
		if ov.OpenCourses != 160 {
			b.Fatalf("open = %d", ov.OpenCourses)
		}
	}
}
