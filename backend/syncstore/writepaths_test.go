package syncstore_test

import (
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/syncstore"
)

// fillEveryTable writes at least one row of every synced table through the services on
// laptop a (after setupTeam), ending with the course closed.
func fillEveryTable(t *testing.T, a *laptop, tm team) {
	t.Helper()
	lead, anna := a.deps("ML"), a.deps("AB")
	audit := service.NewAuditService(lead, nil)
	must[service.AccountDTO](t)(service.NewAuthService(lead, audit).SaveAccount(service.AccountInput{
		WorkerID: anna.As.WorkerID, Username: "anna", Password: "første kode 123"}))
	must[service.CoverDTO](t)(service.NewTeamService(lead).SaveCover(service.CoverInput{WorkerID: anna.As.WorkerID,
		CoverWorkerID: lead.As.WorkerID, From: "2026-12-20", To: "2027-01-03", Note: "Jul"}))
	tpl := service.NewTemplateService(lead, nil)
	must[service.TemplateDTO](t)(tpl.SaveElement(service.TemplateElementInput{Element: "target_group", Answer: "Hjemløse borgere", Status: "agreed"}))
	must[service.TemplateVersionDTO](t)(tpl.SignTemplate(service.SignTemplateInput{Date: "2026-12-01"}))

	co := tm.course
	courses := service.NewCourseService(anna)
	must[service.VisitationDTO](t)(courses.SaveVisitation(service.SaveVisitationInput{CourseID: co, HousingAtStart: "shelter",
		Needs: []string{"substance"}, Consent: "yes", ConsentDate: "2026-11-01"}))
	must[service.AssessmentDTO](t)(service.NewAssessmentService(anna).SaveTopic(service.SaveTopicInput{CourseID: co,
		Topic: "housing", CitizenView: "Vil bo selv"}))
	plan := service.NewPlanningService(anna)
	p := must[service.PlanDTO](t)(plan.GetPlan(service.IDInput{ID: co}))
	sub := p.Goals[0].SubGoals[0].ID
	must[service.PlanDTO](t)(plan.SaveActivity(service.ActivityInput{CourseID: co, What: "Besøg hver tirsdag", SubGoalID: sub}))
	coord := service.NewCoordinationService(anna)
	must[service.CoordinationDTO](t)(coord.SaveContact(service.ContactInput{CourseID: co, Kind: "caseworker", Name: "Jens Holm", Active: true}))
	must[service.CoordinationDTO](t)(coord.SaveMeeting(service.MeetingInput{CourseID: co, Date: "2026-11-10", Purpose: "Netværksmøde",
		Actions: []service.MeetingActionDTO{{Action: "Sende ansøgning", Owner: "Jens"}, {Action: "Ringe til udlejer", Owner: "Anna"}}}))
	must[service.AdvocacyDTO](t)(service.NewAdvocacyService(anna).SaveCase(service.AdvocacyCaseInput{CourseID: co,
		Opened: "2026-11-10", Barrier: "Afslag på boligstøtte"}))
	follow := service.NewFollowUpService(anna)
	must[service.FollowUpDTO](t)(follow.SaveEvaluation(service.EvaluationInput{CourseID: co, Date: "2026-11-28", Summary: "God start",
		Items: []service.EvaluationItemInput{{SubGoalID: sub, Status: "in_progress", Comment: "Ansøgt"}}}))
	must[service.FollowUpDTO](t)(follow.SaveWHO5(service.WHO5Input{CourseID: co, Date: "2026-11-28", Items: []int{3, 2, 3, 2, 3}}))
	must[service.FollowUpDTO](t)(follow.SaveWeeklyCheck(service.WeeklyCheckInput{CourseID: co, Week: "2026-11-23", Substance: 2, Mental: 1}))
	must[service.FollowUpDTO](t)(follow.SaveContactFrequency(service.ContactFrequencyInput{CourseID: co, FromDate: "2026-11-01",
		Times: 1, Per: "day", Note: "Dagligt den første tid"}))
	must[service.FollowUpDTO](t)(follow.SaveCaseReview(service.CaseReviewInput{CourseID: co, Date: "2026-11-25",
		Participants: "ML, AB", Agreed: "Fortsæt dagligt besøg"}))
	must[service.TeamRoutinesDTO](t)(service.NewTeamService(lead).SaveTeamMeeting(service.TeamMeetingInput{Kind: "status",
		Date: "2026-11-26", Participants: "Hele teamet"}))
	must[service.CourseDTO](t)(courses.UpdateCourse(service.UpdateCourseInput{ID: co, WorkerID: anna.As.WorkerID,
		StartDate: "2026-11-01", Status: string(domain.CourseActive)}))
	must[service.PlanVersionDTO](t)(service.NewPlanVersionService(anna).SignPlan(service.SignPlanInput{CourseID: co,
		CitizenDate: "2026-11-30", Method: "paper", WorkerDate: "2026-11-30"}))
	cit := uint(mustAtoi(t, a.scalar(`SELECT citizen_id FROM courses WHERE id = ?`, co)))
	must[service.HousingHistoryDTO](t)(service.NewCitizenService(anna).RecordHousing(service.HousingInput{CitizenID: cit,
		Date: "2026-11-25", Housing: "own", Note: "Egen lejlighed"}))
	// A value kept from a merge (as Apply keeps one), decided by the team lead.
	cuid := a.scalar(`SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = ?`, cit)
	if err := a.st.Gorm().Exec(`INSERT INTO sync_conflicts(tbl, uid, col, hlc, value) VALUES ('citizens', ?, 'phone', ?, '20202020')`,
		cuid, "000000000001.X").Error; err != nil {
		t.Fatal(err)
	}
	cs := service.NewConflictService(lead)
	kept := must[[]service.ConflictDTO](t)(cs.List(service.ConflictListInput{CitizenID: cit}))
	if len(kept) != 1 {
		t.Fatalf("conflicts: %+v", kept)
	}
	must[service.ConflictCountDTO](t)(cs.Resolve(service.ResolveConflictInput{ID: kept[0].ID, Choice: service.ConflictTakeKept}))
	must[service.FollowUpDTO](t)(follow.CloseCourse(service.CloseCourseInput{CourseID: co, EndDate: "2026-11-30",
		Reason: string(domain.CloseGoalsReached), AfterSupport: string(domain.AfterNone), HousingAtClose: string(domain.HousingOwn)}))
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// Every synced table is written by some service, each write reaches the outbox in its own
// transaction, and a second laptop that applies the batch ends identical, every table
// included; a third that joins from a snapshot too.
func TestEveryServiceWritePathReachesTheOtherLaptops(t *testing.T) {
	a, b := newLaptop(t, "A"), newLaptop(t, "B")
	tm := setupTeam(t, a)
	fillEveryTable(t, a, tm)
	for _, tb := range syncstore.Tables() {
		if n := a.scalar(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = ?`, tb.Name); n == "0" {
			t.Errorf("no change of %s reached the outbox", tb.Name)
		}
		if n := a.scalar(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = ? AND worker = 0`, tb.Name); n != "0" &&
			tb.Name != "teams" && tb.Name != "workers" && tb.Name != "settings" {
			t.Errorf("%s changes of %s were captured without their worker", n, tb.Name)
		}
	}
	a.publish()
	res := b.apply(a, 1)
	if len(res.Refused) != 0 {
		t.Fatalf("refused: %+v", res.Refused)
	}
	dump := sameDumps(t, a, b)
	for _, tb := range syncstore.Tables() {
		if !strings.Contains(dump, "\n"+tb.Name+" ") && !strings.HasPrefix(dump, tb.Name+" ") {
			t.Errorf("no %s row reached B", tb.Name)
		}
	}
	// B's copy works for the services: the course, its closing and the note read back.
	bCourse := b.localID(a.uid("courses", tm.course))
	fu := must[service.FollowUpDTO](t)(service.NewFollowUpService(b.deps("AB")).GetFollowUp(service.IDInput{ID: bCourse}))
	if fu.Closing == nil || fu.Closing.HousingAtClose != string(domain.HousingOwn) {
		t.Fatalf("B's follow-up = %+v", fu.Closing)
	}
	hits := must[[]service.NoteHitDTO](t)(service.NewNoteService(b.deps("AB")).SearchNotes(service.NoteSearchInput{Query: "besøg"}))
	if len(hits) != 1 {
		t.Fatalf("B's note search found %d notes, want 1", len(hits))
	}

	// The changes after: the meeting's actions and the evaluation's items are replaced, rows
	// are deleted, the course is reopened and closed again (its closing comes back under
	// its natural uid).
	anna := a.deps("AB")
	coord := service.NewCoordinationService(anna)
	cd := must[service.CoordinationDTO](t)(coord.GetCoordination(service.IDInput{ID: tm.course}))
	_ = cd
	courses := service.NewCourseService(a.deps("ML"))
	must[service.CourseDTO](t)(courses.UpdateCourse(service.UpdateCourseInput{ID: tm.course, WorkerID: anna.As.WorkerID,
		StartDate: "2026-11-01", Status: string(domain.CourseActive)}))
	must[service.CoordinationDTO](t)(coord.SaveMeeting(service.MeetingInput{ID: cd.Meetings[0].ID, CourseID: tm.course, Date: "2026-11-10",
		Purpose: "Netværksmøde om bolig", Actions: []service.MeetingActionDTO{{Action: "Sende ansøgning", Owner: "Jens", Done: true}}}))
	must[service.CoordinationDTO](t)(coord.DeleteContact(service.ChildInput{CourseID: tm.course, ID: cd.Contacts[0].ID}))
	follow := service.NewFollowUpService(anna)
	fa := must[service.FollowUpDTO](t)(follow.GetFollowUp(service.IDInput{ID: tm.course}))
	plan := must[service.PlanDTO](t)(service.NewPlanningService(anna).GetPlan(service.IDInput{ID: tm.course}))
	sub := plan.Goals[0].SubGoals[0].ID
	must[service.FollowUpDTO](t)(follow.SaveEvaluation(service.EvaluationInput{ID: fa.Evaluations[0].ID, CourseID: tm.course,
		Date: "2026-11-28", Summary: "God start, bolig på vej",
		Items: []service.EvaluationItemInput{{SubGoalID: sub, Status: "achieved", Comment: "Bevilget"}}}))
	must[service.FollowUpDTO](t)(follow.DeleteWHO5(service.ChildInput{CourseID: tm.course, ID: fa.WHO5[0].ID}))
	must[service.PlanDTO](t)(service.NewPlanningService(anna).DeleteActivity(service.ChildInput{CourseID: tm.course, ID: plan.Activities[0].ID}))
	must[service.FollowUpDTO](t)(follow.CloseCourse(service.CloseCourseInput{CourseID: tm.course, EndDate: "2026-12-01",
		Reason: string(domain.CloseGoalsReached), AfterSupport: string(domain.AfterNone), HousingAtClose: string(domain.HousingOwn),
		Note: "Lukket igen"}))
	a.publish()
	if res := b.apply(a, 2); len(res.Refused) != 0 {
		t.Fatalf("refused: %+v", res.Refused)
	}
	sameDumps(t, a, b)
	if got := b.scalar(`SELECT note FROM closings WHERE course_id = ?`, bCourse); got != "Lukket igen" {
		t.Errorf("B's closing note = %q", got)
	}

	// The deletion at the end of retention reaches B: the citizen and everything of theirs
	// goes there too, signed plan and journal included.
	cit := a.scalar(`SELECT citizen_id FROM courses WHERE id = ?`, tm.course)
	must[service.DeletionResultDTO](t)(service.NewCitizenDataService(a.deps("ML"), nil).DeleteCitizen(service.DeleteCitizenInput{
		CitizenID: uint(mustAtoi(t, cit)), ConfirmName: "Åse Ærø"}))
	a.publish()
	if res := b.apply(a, 3); len(res.Refused) != 0 || res.Conflicts != 0 {
		t.Fatalf("applying the deletion: %+v", res)
	}
	dump = sameDumps(t, a, b)
	for _, table := range []string{"citizens", "courses", "notes", "note_revisions", "plan_versions", "housing_events"} {
		if n := b.scalar(`SELECT COUNT(*) FROM ` + table); n != "0" {
			t.Errorf("B still has %s rows of %s", n, table)
		}
	}
	if n := b.scalar(`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH 'besøg'`); n != "0" {
		t.Errorf("B's search index still finds the deleted notes")
	}

	// A new laptop joins from a snapshot of A's state.
	c := newLaptop(t, "C")
	var snap []syncstore.Change
	a.tx(func(tx *gormDB) error {
		return syncstore.Snapshot(tx, func(ch syncstore.Change) error { snap = append(snap, ch); return nil })
	})
	var res3 syncstore.Result
	c.tx(func(tx *gormDB) error {
		var err error
		res3, err = syncstore.Apply(tx, roundTrip(t, snap), "A")
		return err
	})
	if len(res3.Refused) != 0 {
		t.Fatalf("snapshot refused: %+v", res3.Refused)
	}
	if got := c.dump(); got != dump {
		t.Fatalf("C from the snapshot differs:\n%s", diff(dump, got))
	}
}
