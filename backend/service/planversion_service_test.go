package service

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// signing is a wizard with the plan-version service and a course whose plan has every
// part a snapshot takes.
type signing struct {
	*wizard
	versions *PlanVersionService
	course   CourseDTO
	goal     GoalDTO
	sub      SubGoalDTO
}

func newSigning(t *testing.T) *signing {
	t.Helper()
	w := newWizard(t)
	s := &signing{wizard: w}
	s.versions = NewPlanVersionService(w.as(w.leadActor())) // the team lead signs, and may approve
	cit, err := w.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", CPR: "010190-1234"})
	if err != nil {
		t.Fatal(err)
	}
	s.course, err = w.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: w.lead.ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	id := s.course.ID
	must := mustFn[PlanDTO](t)
	if _, err := w.courses.SaveVisitation(SaveVisitationInput{CourseID: id, ActionPlan: "exists", ActionPlanDate: "2026-10-20",
		ActionPlanCaseworker: "Lone Berg"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.assess.SaveTopic(SaveTopicInput{CourseID: id, Topic: "wishes", CitizenView: "Et sted at bo og min datter tilbage.",
		WorkerView: "Not in the plan"}); err != nil {
		t.Fatal(err)
	}
	plan := must(w.planning.SaveGoal(GoalInput{CourseID: id, CitizenWords: "Jeg vil have min egen lejlighed", Area: "housing",
		ActionPlanGoal: "Mål 1"}))
	s.goal = plan.Goals[0]
	plan = must(w.planning.SaveSubGoal(SubGoalInput{CourseID: id, GoalID: s.goal.ID, What: "Søge om boligstøtte sammen",
		Measure: "Ansøgning sendt", Owner: "Åse og Mette", Deadline: "2026-12-15", Status: "in_progress"}))
	s.sub = plan.Goals[0].SubGoals[0]
	must(w.planning.SaveActivity(ActivityInput{CourseID: id, What: "Besøg i hjemmet", Frequency: "ugentligt", Owner: "Mette", SubGoalID: s.sub.ID}))
	for _, c := range []ContactInput{
		{CourseID: id, Kind: "gp", Name: "Jens Holm", Organisation: "Lægehuset", Phone: "86 12 34 56", Active: true},
		{CourseID: id, Kind: "caseworker", Name: "Gammel Sagsbehandler", Active: false},
	} {
		if _, err := w.coord.SaveContact(c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.coord.SaveMeeting(MeetingInput{CourseID: id, Date: "2026-11-20", Purpose: "Netværksmøde",
		Actions: []MeetingActionDTO{{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-12-20"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: id, Opened: "2026-11-10", Barrier: "Afslag uden begrundelse",
		Towards: "Ydelseskontoret", Status: "open"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.followUp.SaveWHO5(WHO5Input{CourseID: id, Date: "2026-11-05", Items: []int{2, 2, 2, 2, 2}}); err != nil {
		t.Fatal(err)
	}
	return s
}

// sign signs with valid defaults changed by edit.
func (s *signing) sign(t *testing.T, edit func(*SignPlanInput)) (PlanVersionDTO, error) {
	t.Helper()
	in := SignPlanInput{CourseID: s.course.ID, CitizenDate: "2026-12-01", Method: "paper", WorkerDate: "2026-12-01"}
	if edit != nil {
		edit(&in)
	}
	return s.versions.SignPlan(in)
}

func TestSignPlanTakesASelfContainedSnapshot(t *testing.T) {
	s := newSigning(t)
	v, err := s.sign(t, func(in *SignPlanInput) {
		in.LeadApproval, in.LeadDate, in.CitizenComment = true, "2026-12-01", "  Jeg er uenig i fristen.  "
	})
	if err != nil {
		t.Fatal(err)
	}
	want := plandoc.Plan{FormatVersion: plandoc.Version, Municipality: "Solvang Kommune", Team: "ICM-teamet",
		Citizen: "Åse Ærø", CitizenCPR: "010190-••••", Worker: "Mette Lund", CourseStart: "2026-11-01", VersionNo: 1,
		Wishes: "Et sted at bo og min datter tilbage.",
		Goals: []plandoc.Goal{{CitizenWords: "Jeg vil have min egen lejlighed", Area: "Bolig", ActionPlanGoal: "Mål 1",
			SubGoals: []plandoc.SubGoal{{What: "Søge om boligstøtte sammen", Measure: "Ansøgning sendt", Owner: "Åse og Mette",
				Deadline: "2026-12-15", Status: "I gang"}}}},
		Activities:     []plandoc.Activity{{What: "Besøg i hjemmet", Frequency: "ugentligt", Owner: "Mette"}},
		Network:        []plandoc.Contact{{Kind: "Egen læge", Name: "Jens Holm", Organisation: "Lægehuset", Phone: "86 12 34 56"}},
		Actions:        []plandoc.Action{{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-12-20"}},
		Advocacy:       []plandoc.AdvocacyCase{{Barrier: "Afslag uden begrundelse", Towards: "Ydelseskontoret", Status: "I gang"}},
		NextEvaluation: "2027-02-01",
		ActionPlan141:  "Der er en handleplan (20.10.2026, sagsbehandler Lone Berg)",
		WHO5:           []plandoc.WHO5Point{{Date: "2026-11-05", Percent: 40}},
		Signature: &plandoc.Signature{CitizenName: "Åse Ærø", CitizenDate: "2026-12-01", Method: "Underskrevet på papir ved et møde",
			WorkerName: "Mette Lund", WorkerDate: "2026-12-01", LeadName: "Mette Lund", LeadDate: "2026-12-01",
			CitizenComment: "Jeg er uenig i fristen.", SignedAt: "2026-12-01T10:00:00Z"},
	}
	if !reflect.DeepEqual(v.Plan, want) {
		t.Fatalf("snapshot =\n%+v\nwant\n%+v", v.Plan, want)
	}
	wantSummary := PlanVersionSummaryDTO{ID: v.Summary.ID, CourseID: s.course.ID, VersionNo: 1, SignedAt: "2026-12-01T10:00:00Z",
		CitizenName: "Åse Ærø", CitizenDate: "2026-12-01", Method: "paper", WorkerID: s.lead.ID, WorkerName: "Mette Lund",
		WorkerDate: "2026-12-01", LeadID: s.lead.ID, LeadName: "Mette Lund", LeadDate: "2026-12-01", CitizenComment: "Jeg er uenig i fristen."}
	if v.Summary != wantSummary || !v.Signed || v.Summary.ID == 0 {
		t.Fatalf("summary = %+v, want %+v", v.Summary, wantSummary)
	}
	got, err := s.versions.GetVersion(IDInput{ID: v.Summary.ID})
	if err != nil || !reflect.DeepEqual(got, v) {
		t.Fatalf("GetVersion = %+v, %v; want what SignPlan returned", got, err)
	}

	// The live plan moves on; the signed version does not.
	must := mustFn[PlanDTO](t)
	s.at(t, "2026-12-10")
	must(s.planning.SaveSubGoal(SubGoalInput{ID: s.sub.ID, CourseID: s.course.ID, GoalID: s.goal.ID, What: s.sub.What,
		Measure: s.sub.Measure, Owner: s.sub.Owner, Deadline: s.sub.Deadline, Status: "achieved"}))
	must(s.planning.SaveGoal(GoalInput{CourseID: s.course.ID, CitizenWords: "Jeg vil se min datter", Area: "network"}))
	if _, err := s.citizens.SaveCitizen(CitizenInput{ID: s.course.CitizenID, Name: "Åse Ærø Jensen", CPR: "010190-1234"}); err != nil {
		t.Fatal(err)
	}
	again, err := s.versions.GetVersion(IDInput{ID: v.Summary.ID})
	if err != nil || !reflect.DeepEqual(again, v) {
		t.Fatalf("the signed version followed the live plan: %+v, %v", again.Plan, err)
	}
	draft, err := s.versions.Draft(IDInput{ID: s.course.ID})
	if err != nil {
		t.Fatal(err)
	}
	if draft.Signed || draft.Summary.VersionNo != 0 || draft.Summary.ID != 0 || draft.Plan.Signature != nil ||
		draft.Plan.VersionNo != 0 || len(draft.Plan.Goals) != 2 || draft.Plan.Goals[0].SubGoals[0].Status != "Nået" ||
		draft.Plan.Citizen != "Åse Ærø Jensen" {
		t.Fatalf("draft = %+v", draft)
	}

	diff, err := s.versions.Compare(CompareInput{CourseID: s.course.ID, FromID: v.Summary.ID})
	if err != nil {
		t.Fatal(err)
	}
	wantChanges := []plandoc.Change{
		{Kind: plandoc.SubGoalStatusChanged, Goal: "Jeg vil have min egen lejlighed", Item: "Søge om boligstøtte sammen", From: "I gang", To: "Nået"},
		{Kind: plandoc.GoalAdded, Item: "Jeg vil se min datter"},
	}
	if !reflect.DeepEqual(diff.Changes, wantChanges) || diff.From.VersionNo != 1 || diff.To.VersionNo != 0 || diff.To.ID != 0 {
		t.Fatalf("Compare = %+v, want changes %+v", diff, wantChanges)
	}

	// Signing again makes version 2 from the plan as it is now.
	v2, err := s.sign(t, func(in *SignPlanInput) {
		in.Method, in.CitizenDate, in.WorkerDate = "in_person", "2026-12-09", "2026-12-10"
	})
	if err != nil {
		t.Fatal(err)
	}
	if v2.Summary.VersionNo != 2 || v2.Plan.VersionNo != 2 || len(v2.Plan.Goals) != 2 || v2.Summary.LeadID != 0 ||
		v2.Plan.Signature.LeadName != "" || v2.Plan.Signature.Method != "Bekræftet personligt" {
		t.Fatalf("version 2 = %+v", v2)
	}
	list, err := s.versions.ListVersions(IDInput{ID: s.course.ID})
	if err != nil || len(list) != 2 || list[0] != v2.Summary || list[1] != v.Summary {
		t.Fatalf("ListVersions = %+v, %v", list, err)
	}
	between, err := s.versions.Compare(CompareInput{CourseID: s.course.ID, FromID: v.Summary.ID, ToID: v2.Summary.ID})
	if err != nil || !reflect.DeepEqual(between.Changes, wantChanges) || between.To.VersionNo != 2 || between.To.CitizenDate != "2026-12-09" {
		t.Fatalf("Compare(1, 2) = %+v, %v", between, err)
	}
	latest, err := s.versions.Compare(CompareInput{CourseID: s.course.ID})
	if err != nil || len(latest.Changes) != 0 || latest.From.VersionNo != 2 {
		t.Fatalf("Compare(latest, draft) = %+v, %v; want no changes from version 2", latest, err)
	}
}

func TestSignPlanValidation(t *testing.T) {
	s := newSigning(t)
	gone := s.worker(t, "Pia Lind", "PL", domain.RoleTeamLead, 1)
	if _, err := s.teams.SaveWorker(WorkerInput{ID: gone.ID, Name: gone.Name, Initials: gone.Initials, Role: gone.Role, FTE: 1, Active: false}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		edit  func(*SignPlanInput)
		field string
		code  domain.Code
	}{
		{"citizen date missing", func(in *SignPlanInput) { in.CitizenDate = "" }, "citizenDate", domain.CodeRequired},
		{"citizen date in the future", func(in *SignPlanInput) { in.CitizenDate = "2026-12-02" }, "citizenDate", domain.CodeDateOutOfRange},
		{"citizen date before the course", func(in *SignPlanInput) { in.CitizenDate = "2026-10-31" }, "citizenDate", domain.CodeDateOutOfRange},
		{"citizen date not a date", func(in *SignPlanInput) { in.CitizenDate = "1.12.2026" }, "citizenDate", domain.CodeInvalidDate},
		{"worker date missing", func(in *SignPlanInput) { in.WorkerDate = "" }, "workerDate", domain.CodeRequired},
		{"worker date in the future", func(in *SignPlanInput) { in.WorkerDate = "2027-01-01" }, "workerDate", domain.CodeDateOutOfRange},
		{"method missing", func(in *SignPlanInput) { in.Method = "" }, "method", domain.CodeRequired},
		{"method unknown", func(in *SignPlanInput) { in.Method = "email" }, "method", domain.CodeInvalidChoice},
		{"approval without date", func(in *SignPlanInput) { in.LeadApproval = true }, "leadDate", domain.CodeRequired},
		{"approval dated before the course", func(in *SignPlanInput) { in.LeadApproval, in.LeadDate = true, "2026-01-01" }, "leadDate", domain.CodeDateOutOfRange},
		{"approval date without approval", func(in *SignPlanInput) { in.LeadDate = "2026-12-01" }, "leadApproval", domain.CodeRequired},
		{"citizen name too long", func(in *SignPlanInput) { in.CitizenName = strings.Repeat("Å", domain.MaxName+1) }, "citizenName", domain.CodeTooLong},
		{"citizen name with control characters", func(in *SignPlanInput) { in.CitizenName = "Åse\x00" }, "citizenName", domain.CodeInvalidCharacters},
		{"comment with a bidi override", func(in *SignPlanInput) { in.CitizenComment = "uenig \u202e" }, "citizenComment", domain.CodeInvalidCharacters},
		{"comment too long", func(in *SignPlanInput) { in.CitizenComment = strings.Repeat("x", 4001) }, "citizenComment", domain.CodeTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.sign(t, c.edit)
			wantField(t, err, c.field, c.code)
		})
	}
	// Only the acting team lead approves: not a lead made inactive, an unknown worker or the
	// command line (an ICM worker: see TestApprovalsComeFromTheSignedInLead).
	for name, by := range map[string]Actor{
		"an inactive lead": {WorkerID: gone.ID, Name: gone.Name, Role: domain.RoleTeamLead},
		"an unknown lead":  {WorkerID: 999, Name: "Ukendt", Role: domain.RoleTeamLead},
		"the command line": commandLine,
	} {
		t.Run("approval by "+name, func(t *testing.T) {
			_, err := NewPlanVersionService(s.as(by)).SignPlan(SignPlanInput{CourseID: s.course.ID, CitizenDate: "2026-12-01",
				Method: "paper", WorkerDate: "2026-12-01", LeadApproval: true, LeadDate: "2026-12-01"})
			wantField(t, err, "leadApproval", domain.CodeApprovalByLead)
		})
	}
	if list, _ := s.versions.ListVersions(IDInput{ID: s.course.ID}); len(list) != 0 {
		t.Fatalf("a refused signing stored %d versions", len(list))
	}

	t.Run("the citizen's name is the default and text is cleaned", func(t *testing.T) {
		v, err := s.sign(t, func(in *SignPlanInput) { in.CitizenName, in.CitizenComment = "   ", "Første linje\r\nAnden linje  " })
		if err != nil {
			t.Fatal(err)
		}
		if v.Summary.CitizenName != "Åse Ærø" || v.Summary.CitizenComment != "Første linje\nAnden linje" {
			t.Fatalf("summary = %+v", v.Summary)
		}
		v2, err := s.sign(t, func(in *SignPlanInput) { in.CitizenName = " Åse E. " })
		if err != nil || v2.Summary.CitizenName != "Åse E." || v2.Plan.Signature.CitizenName != "Åse E." || v2.Summary.VersionNo != 2 {
			t.Fatalf("v2 = %+v, %v", v2.Summary, err)
		}
	})
	t.Run("dates on the course's first day and today are allowed", func(t *testing.T) {
		_, err := s.sign(t, func(in *SignPlanInput) {
			in.CitizenDate, in.WorkerDate, in.LeadApproval, in.LeadDate = "2026-11-01", "2026-12-01", true, "2026-11-01"
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestSignPlanRefusals(t *testing.T) {
	t.Run("a plan without goals", func(t *testing.T) {
		w := newWizard(t)
		c := w.courseFrom(t, "Bo Berg", "2026-11-01")
		_, err := NewPlanVersionService(w.d).SignPlan(SignPlanInput{CourseID: c.ID, CitizenDate: "2026-12-01", Method: "paper", WorkerDate: "2026-12-01"})
		wantCode(t, err, domain.CodePlanEmpty)
	})
	t.Run("a closed course", func(t *testing.T) {
		s := newSigning(t)
		if _, err := s.followUp.CloseCourse(CloseCourseInput{CourseID: s.course.ID, EndDate: "2026-12-01", Reason: "goals_reached",
			AfterSupport: "cti", HousingAtClose: "own"}); err != nil {
			t.Fatal(err)
		}
		_, err := s.sign(t, nil)
		wantCode(t, err, domain.CodeCourseClosed)
		// but its plan can still be read, with no next evaluation
		d, err := s.versions.Draft(IDInput{ID: s.course.ID})
		if err != nil || d.Plan.NextEvaluation != "" || d.Plan.CourseEnd != "2026-12-01" {
			t.Fatalf("Draft of a closed course = %+v, %v", d.Plan, err)
		}
	})
	t.Run("no course", func(t *testing.T) {
		s := newSigning(t)
		_, err := s.sign(t, func(in *SignPlanInput) { in.CourseID = 0 })
		wantField(t, err, "courseId", domain.CodeRequired)
		_, err = s.sign(t, func(in *SignPlanInput) { in.CourseID = 999 })
		wantCode(t, err, domain.CodeNotFound)
	})
}

func TestPlanVersionReadsAndCompareRefusals(t *testing.T) {
	s := newSigning(t)
	if _, err := s.versions.Compare(CompareInput{CourseID: s.course.ID}); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("Compare with nothing signed: %v, want not_found", err)
	}
	v, err := s.sign(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := s.courseFrom(t, "Bo Berg", "2026-11-01")
	cases := []struct {
		name string
		call func() error
		code domain.Code
	}{
		{"version of another course as from", func() error {
			_, err := s.versions.Compare(CompareInput{CourseID: other.ID, FromID: v.Summary.ID})
			return err
		}, domain.CodeNotFound},
		{"version of another course as to", func() error {
			_, err := s.versions.Compare(CompareInput{CourseID: other.ID, FromID: 0, ToID: v.Summary.ID})
			return err
		}, domain.CodeNotFound},
		{"unknown version", func() error {
			_, err := s.versions.Compare(CompareInput{CourseID: s.course.ID, FromID: 999})
			return err
		}, domain.CodeNotFound},
		{"unknown course", func() error {
			_, err := s.versions.Compare(CompareInput{CourseID: 999})
			return err
		}, domain.CodeNotFound},
		{"GetVersion unknown", func() error { _, err := s.versions.GetVersion(IDInput{ID: 999}); return err }, domain.CodeNotFound},
		{"ListVersions unknown course", func() error { _, err := s.versions.ListVersions(IDInput{ID: 999}); return err }, domain.CodeNotFound},
		{"Draft unknown course", func() error { _, err := s.versions.Draft(IDInput{ID: 999}); return err }, domain.CodeNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantCode(t, c.call(), c.code) })
	}
	same, err := s.versions.Compare(CompareInput{CourseID: s.course.ID, FromID: v.Summary.ID, ToID: v.Summary.ID})
	if err != nil || same.Changes == nil || len(same.Changes) != 0 {
		t.Fatalf("Compare(v, v) = %+v, %v; want an empty list", same, err)
	}
	if list, err := s.versions.ListVersions(IDInput{ID: other.ID}); err != nil || list == nil || len(list) != 0 {
		t.Fatalf("ListVersions(no versions) = %#v, %v; want an empty list", list, err)
	}
	if _, err := NewPlanVersionService(Deps{}).ListVersions(IDInput{ID: 1}); domain.CodeOf(err) != domain.CodeInternal {
		t.Fatalf("without a database: %v", err)
	}
}

func TestSignedVersionRefusesChangesInTheDatabase(t *testing.T) {
	s := newSigning(t)
	v, err := s.sign(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := s.d.Store.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE plan_versions SET snapshot = '{}' WHERE id = ?`,
		`UPDATE plan_versions SET citizen_comment = 'ændret' WHERE id = ?`,
		`UPDATE plan_versions SET lead_id = NULL, lead_date = NULL WHERE id = ?`,
		`DELETE FROM plan_versions WHERE id = ?`,
	} {
		_, err := sqlDB.ExecContext(context.Background(), q, v.Summary.ID)
		if err == nil || !strings.Contains(err.Error(), "plan_signed") {
			t.Errorf("%s: err = %v, want the trigger's plan_signed", q, err)
		}
	}
	// nor through the store's generic writes
	row, err := s.d.Store.GetPlanVersion(context.Background(), v.Summary.ID)
	if err != nil {
		t.Fatal(err)
	}
	row.CitizenComment = "ændret"
	wantCode(t, s.d.Store.Save(context.Background(), row), domain.CodePlanSigned)
	wantCode(t, s.d.Store.Delete(context.Background(), &store.PlanVersion{}, v.Summary.ID), domain.CodePlanSigned)
	got, err := s.versions.GetVersion(IDInput{ID: v.Summary.ID})
	if err != nil || !reflect.DeepEqual(got, v) {
		t.Fatalf("after refused changes: %+v, %v", got, err)
	}
}

func TestSnapshotLabelsCoverTheVocabulary(t *testing.T) {
	groups := []struct {
		group  labelGroup
		values []string
	}{
		{labelLifeArea, strs(domain.AssessmentTopics)},
		{labelSubGoalStatus, strs(domain.SubGoalStatuses)},
		{labelContactKind, strs(domain.ContactKinds)},
		{labelAdvocacy, strs(domain.AdvocacyStatuses)},
		{labelActionPlan, strs(domain.ActionPlanStatuses)},
		{labelSignMethod, strs(domain.SignMethods)},
	}
	for _, g := range groups {
		t.Run(string(g.group), func(t *testing.T) {
			if len(danishLabels[g.group]) != len(g.values) {
				t.Errorf("%d labels for %d values", len(danishLabels[g.group]), len(g.values))
			}
			for _, v := range g.values {
				if l := label("da", g.group, v); l == "" || l == v {
					t.Errorf("%s has no Danish label", v)
				}
			}
		})
	}
	if label("da", labelLifeArea, "") != "" || label("da", labelLifeArea, "castle") != "castle" {
		t.Error("empty must stay empty and unknown values shown as they are")
	}
}
