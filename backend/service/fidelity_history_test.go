package service

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// The partial quarter of the fidelity over time is today's check: it must agree with the
// team overview's totals, rule by rule.
func TestFidelityHistoryTodayMatchesTheOverview(t *testing.T) {
	d := newTestDeps(t)
	if err := LoadDemo(context.Background(), d.Store, testNow); err != nil {
		t.Fatal(err)
	}
	s := NewOverviewService(asLead(t, d))
	ov, err := s.TeamOverview()
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.FidelityHistory()
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Quarters) == 0 {
		t.Fatal("no quarters")
	}
	last := h.Quarters[len(h.Quarters)-1]
	if !last.Partial || last.AsOf != "2026-12-01" || last.Year != 2026 || last.Quarter != 4 || last.Courses != ov.OpenCourses {
		t.Fatalf("last quarter = %+v, want today's with %d courses", last, ov.OpenCourses)
	}
	for i, r := range ov.FidelityTotals {
		if got := last.Rules[i]; got != r {
			t.Errorf("rule %s: history %d of %d, overview %d of %d", r.Rule, got.Pass, got.Total, r.Pass, r.Total)
		}
	}
	if h.Team.Name == "" {
		t.Error("the team is not named")
	}
}

// Each quarter is judged as the records stood at its end: a course counts in the quarters it
// was open, and a meeting, a network contact or an evaluation counts from its date on.
func TestFidelityHistoryAsOfQuarterEnds(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 7, 10, 9, 0, 0, 0, time.UTC)
	f.d.Clock = func() time.Time { return now }
	lead := f.as(f.leadActor())
	courses := NewCourseService(lead)
	start := func(name, date string) uint {
		c := f.citizen(t, name)
		co, err := courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID, StartDate: date})
		if err != nil {
			t.Fatalf("CreateCourse(%s): %v", name, err)
		}
		return co.ID
	}
	a := start("Anna Historik", "2026-02-01")
	b := start("Bo Historik", "2026-04-01")
	coord, follow := NewCoordinationService(lead), NewFollowUpService(lead)
	if _, err := coord.SaveContact(ContactInput{CourseID: a, Kind: string(domain.ContactCaseworker), Name: "Sagsbehandler", Active: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := coord.SaveMeeting(MeetingInput{CourseID: a, Date: "2026-07-10", Participants: "Borger, sagsbehandler", Purpose: "Koordinering"}); err != nil {
		t.Fatal(err)
	}
	if _, err := follow.SaveEvaluation(EvaluationInput{CourseID: a, Date: "2026-05-01", Summary: "Første evaluering"}); err != nil {
		t.Fatal(err)
	}
	// Course B closed in August: it counts in the second quarter only.
	now = time.Date(2026, 8, 15, 12, 0, 0, 0, time.UTC)
	if _, err := follow.CloseCourse(CloseCourseInput{CourseID: b, EndDate: "2026-08-15", Reason: "goals_reached",
		AfterSupport: "none", HousingAtClose: "own"}); err != nil {
		t.Fatal(err)
	}

	now = testNow
	// Today's check of course A sees the network, the meeting and no barriers after the grace.
	live, err := NewOverviewService(lead).CourseFidelity(IDInput{ID: a})
	if err != nil {
		t.Fatal(err)
	}
	if r := ruleOf(t, live, domain.RuleCoordination); !r.Pass || r.Params["network"] != "1" || r.Params["due"] != "2027-01-10" {
		t.Errorf("coordination today = %+v", r)
	}
	if r := ruleOf(t, live, domain.RuleAdvocacy); r.Pass || r.Reason != string(domain.ReasonNoBarriers) || r.Step != string(domain.StepAdvocacy) {
		t.Errorf("advocacy today = %+v", r)
	}
	h, err := NewOverviewService(lead).FidelityHistory()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		asOf                string
		courses             int
		coordPass, evalPass int
	}
	wants := []want{
		{"2026-03-31", 1, 1, 1}, // no network yet, but A is under three months old; the first evaluation is not due
		{"2026-06-30", 2, 1, 2}, // still no network: A fails (over three months), B is young; A evaluated 01.05, B's first not due
		{"2026-09-30", 1, 1, 0}, // network and a meeting on 10.07; A's evaluation was due 01.08
		{"2026-12-01", 1, 1, 0}, // the meeting holds until 10.01.2027
	}
	if len(h.Quarters) != len(wants) {
		t.Fatalf("quarters = %+v", h.Quarters)
	}
	rule := func(q FidelityQuarterDTO, r domain.FidelityRule) RuleTotalDTO {
		for _, x := range q.Rules {
			if x.Rule == string(r) {
				return x
			}
		}
		t.Fatalf("no %s", r)
		return RuleTotalDTO{}
	}
	for i, w := range wants {
		q := h.Quarters[i]
		c, e := rule(q, domain.RuleCoordination), rule(q, domain.RuleEvaluation)
		if q.AsOf != w.asOf || q.Courses != w.courses || c.Pass != w.coordPass || c.Total != w.courses || e.Pass != w.evalPass {
			t.Errorf("quarter %d = as of %s, %d courses, coordination %d/%d, evaluation %d/%d; want %+v",
				i, q.AsOf, q.Courses, c.Pass, c.Total, e.Pass, e.Total, w)
		}
	}
}

// Only a team lead sees the team's fidelity over time and prints it.
func TestFidelityHistoryIsForTeamLeads(t *testing.T) {
	f := newFixture(t)
	w := f.worker(t, "Jonas Ørnberg", "JØ", domain.RoleICMWorker, 1)
	d := f.as(Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.RoleICMWorker})
	d.Desktop = &fakeDesktop{path: filepath.Join(t.TempDir(), "overblik")}
	s := NewOverviewService(d)
	_, err := s.FidelityHistory()
	wantCode(t, err, domain.CodeForbidden)
	_, err = s.SaveFidelityPDF()
	wantCode(t, err, domain.CodeForbidden)
}

// The team lead saves the overview for the management meeting: the figures per quarter and
// what each requirement measures, read back from the PDF; no citizen is named; the export
// is logged.
func TestSaveFidelityPDF(t *testing.T) {
	d := newTestDeps(t)
	if err := LoadDemo(context.Background(), d.Store, testNow); err != nil {
		t.Fatal(err)
	}
	d = asLead(t, d)
	desk := &fakeDesktop{path: filepath.Join(t.TempDir(), "overblik")}
	d.Desktop = desk
	s := NewOverviewService(d)
	res, err := s.SaveFidelityPDF()
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != desk.path+".pdf" || res.Cancelled {
		t.Fatalf("result = %+v", res)
	}
	text := squash(pdfText(t, res.Path))
	for _, want := range []string{"ICM-mindstekrav over tid", "Overblik til ledelsen", "Solvang Kommune", "Åbne forløb",
		"4. kvt. 2026 til 01.12.2026", "Netværk og koordinering", "Barrierer registreret og fulgt op", "Sådan måles kravene"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, name := range []string{"Dennis Møller", "Bjørn Aagaard"} {
		if strings.Contains(text, name) {
			t.Errorf("the management overview names %s", name)
		}
	}
	desk.path = ""
	if res, err := s.SaveFidelityPDF(); err != nil || !res.Cancelled {
		t.Fatalf("cancelled = %+v, %v", res, err)
	}
	rows, err := d.Store.ListAudit(context.Background(), store.FindAudit{})
	if err != nil {
		t.Fatal(err)
	}
	logged := 0
	for _, r := range rows {
		if r.Action == AuditExport && r.Object == "fidelity_overview" {
			logged++
		}
	}
	if logged != 1 {
		t.Errorf("%d exports logged, want 1", logged)
	}
}
