package citizenexport

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"icm/backend/store"
)

// newStore opens a fresh database with a team, a team lead and a worker.
func newStore(t *testing.T) (*store.Store, *store.Team, []store.Worker) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "icm.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	team := &store.Team{Municipality: "Nordby Kommune", Name: "ICM Nord", CreatedAt: testNow, UpdatedAt: testNow}
	if err := st.CreateTeam(ctx, team); err != nil {
		t.Fatal(err)
	}
	workers := []store.Worker{
		{TeamID: team.ID, Name: "Karin Lykke", Initials: "KL", Role: "team_lead", FTEHundredths: 100, Active: true, CreatedAt: testNow, UpdatedAt: testNow},
		{TeamID: team.ID, Name: "Aisha Berg", Initials: "AB", Role: "icm_worker", FTEHundredths: 100, Active: true, CreatedAt: testNow, UpdatedAt: testNow},
	}
	for i := range workers {
		if err := st.CreateWorker(ctx, &workers[i]); err != nil {
			t.Fatal(err)
		}
	}
	return st, team, workers
}

// comparable strips what an import changes on purpose: the installation's ids, the worker
// mapping, the override (decided again here), the file's own facts and the audit log.
func comparable(t *testing.T, d *Document) string {
	t.Helper()
	c := *d
	c.ExportedAt, c.App, c.Source, c.AuditLog, c.Purpose = "", App{}, Source{}, nil, ""
	courseNo := map[uint]uint{}
	for i, co := range d.Courses {
		courseNo[co.ID] = uint(i + 1)
	}
	entryNo := map[uint]uint{}
	c.Citizen.HousingHistory = append([]HousingEntry(nil), d.Citizen.HousingHistory...)
	for i := range c.Citizen.HousingHistory {
		e := &c.Citizen.HousingHistory[i]
		entryNo[e.ID] = uint(i + 1)
		e.ID, e.CourseID, e.Corrects, e.RecordedBy = uint(i+1), courseNo[e.CourseID], entryNo[e.Corrects], nil
	}
	c.Courses = append([]Course(nil), d.Courses...)
	for i := range c.Courses {
		co := &c.Courses[i]
		co.ID, co.Worker, co.Override = 0, Worker{}, nil
		subIDs := map[uint]uint{}
		goals := append([]Goal(nil), co.Plan.Goals...)
		n := uint(0)
		for gi := range goals {
			goals[gi].SubGoals = append([]SubGoal(nil), goals[gi].SubGoals...)
			for si := range goals[gi].SubGoals {
				n++
				subIDs[goals[gi].SubGoals[si].ID] = n
				goals[gi].SubGoals[si].ID = n
			}
		}
		co.Plan.Goals = goals
		acts := append([]Activity(nil), co.Plan.Activities...)
		for ai := range acts {
			acts[ai].SubGoalID = subIDs[acts[ai].SubGoalID]
		}
		co.Plan.Activities = acts
		evals := append([]Evaluation(nil), co.FollowUp.Evaluations...)
		for ei := range evals {
			evals[ei].Items = append([]EvaluationItem(nil), evals[ei].Items...)
			for ii := range evals[ei].Items {
				evals[ei].Items[ii].SubGoalID = subIDs[evals[ei].Items[ii].SubGoalID]
			}
		}
		co.FollowUp.Evaluations = evals
		versions := append([]PlanVersion(nil), co.PlanVersions...)
		for vi := range versions {
			versions[vi].WorkerName, versions[vi].LeadName = "", ""
		}
		co.PlanVersions = versions
	}
	b, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A document written into a fresh database and read out again is the same document.
func TestApplyThenBuildGivesTheSameDocument(t *testing.T) {
	ctx := context.Background()
	st, team, workers := newStore(t)
	doc := sampleDoc()
	var got Imported
	err := st.Tx(ctx, func(tx *store.Store) error {
		var err error
		got, err = Apply(ctx, tx, doc, Target{TeamID: team.ID, LeadID: workers[0].ID, Now: testNow,
			Assign: func(c *store.Course, i int) error { c.WorkerID = workers[1].ID; return nil }})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.CitizenID == 0 || len(got.CourseIDs) != 2 {
		t.Fatalf("Apply = %+v", got)
	}
	back, err := Build(ctx, st, BuildInput{CitizenID: got.CitizenID, Purpose: PurposeHandover, ExportedAt: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := comparable(t, back), comparable(t, doc); a != b {
		t.Fatalf("read back:\n%s\nwant:\n%s", a, b)
	}
	if back.Courses[1].Worker.Name != "Aisha Berg" || back.Courses[1].PlanVersions[0].LeadName != "Karin Lykke" {
		t.Errorf("workers here: %+v, lead %q", back.Courses[1].Worker, back.Courses[1].PlanVersions[0].LeadName)
	}
	if back.Source.Team != "ICM Nord" || len(back.AuditLog) != 0 {
		t.Errorf("source %+v, audit %d", back.Source, len(back.AuditLog))
	}
	// One course only.
	one, err := Build(ctx, st, BuildInput{CitizenID: got.CitizenID, CourseID: got.CourseIDs[1], Purpose: PurposeHandover})
	if err != nil || len(one.Courses) != 1 || one.Courses[0].ID != got.CourseIDs[1] {
		t.Fatalf("one course: %v, %+v", err, one)
	}
	if _, err := Build(ctx, st, BuildInput{CitizenID: got.CitizenID, CourseID: 999}); err == nil {
		t.Error("a course that is not the citizen's was exported")
	}
	// The notes are searchable here, like typed ones.
	hits, err := st.SearchNotes(ctx, "ansøgningen", 0, 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("search after import: %d hits, %v", len(hits), err)
	}
	if !reflect.DeepEqual(doc.Courses[1].PlanVersions[0].Snapshot, back.Courses[1].PlanVersions[0].Snapshot) {
		t.Error("the signed snapshot changed on the way")
	}
}

// An existing citizen gets the courses; their own row is not touched.
func TestApplyToExistingCitizen(t *testing.T) {
	ctx := context.Background()
	st, team, workers := newStore(t)
	cpr := "010190-1234"
	old := &store.Citizen{TeamID: team.ID, Name: "Åse Ærø", CPR: &cpr, Phone: "11 22 33 44", CreatedAt: testNow, UpdatedAt: testNow}
	if err := st.CreateCitizen(ctx, old); err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc()
	err := st.Tx(ctx, func(tx *store.Store) error {
		_, err := Apply(ctx, tx, doc, Target{CitizenID: old.ID, TeamID: team.ID, LeadID: workers[0].ID, Now: testNow,
			Assign: func(c *store.Course, i int) error { c.WorkerID = workers[1].ID; return nil }})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	after, err := st.GetCitizen(ctx, old.ID)
	if err != nil || after.Name != "Åse Ærø" || after.Phone != "11 22 33 44" || !after.UpdatedAt.Equal(testNow) {
		t.Fatalf("existing citizen changed: %+v, %v", after, err)
	}
	courses, err := st.ListCourses(ctx, store.FindCourse{CitizenID: &old.ID})
	if err != nil || len(courses) != 2 {
		t.Fatalf("courses = %d, %v", len(courses), err)
	}
}

// A note keeps its author and every revision. A name that is a worker here is that worker;
// any other name stands for the importing worker, and the name of the file stays.
func TestApplyKeepsNoteAuthorsAndRevisions(t *testing.T) {
	ctx := context.Background()
	st, team, workers := newStore(t)
	lead, aisha := workers[0], workers[1]
	doc := sampleDoc()
	var got Imported
	err := st.Tx(ctx, func(tx *store.Store) error {
		var err error
		got, err = Apply(ctx, tx, doc, Target{TeamID: team.ID, LeadID: lead.ID, Now: testNow, Workers: workers,
			ImporterID: lead.ID, Assign: func(c *store.Course, i int) error { c.WorkerID = aisha.ID; return nil }})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	closedNotes, err := st.ListNotes(ctx, got.CourseIDs[0], 0)
	if err != nil || len(closedNotes) != 1 {
		t.Fatalf("notes of the closed course = %+v, %v", closedNotes, err)
	}
	// Jonas Ravn is no worker here: the importer stands for him, under his own name.
	if n := closedNotes[0]; n.AuthorWorkerID != lead.ID || n.AuthorName != "Jonas Ravn" || n.RevisionNo != 1 ||
		n.RevisionWorkerID != lead.ID || n.RevisionWorkerName != "Jonas Ravn" {
		t.Errorf("note by someone from elsewhere = %+v", n)
	}
	notes, err := st.ListNotes(ctx, got.CourseIDs[1], 0)
	if err != nil || len(notes) != 2 {
		t.Fatalf("notes = %+v, %v", notes, err)
	}
	corrected := notes[1] // newest first: the corrected note is the older one
	if corrected.AuthorWorkerID != aisha.ID || corrected.AuthorName != "Aisha Berg" || corrected.RevisionNo != 2 ||
		corrected.RevisionWorkerID != lead.ID || corrected.RevisionWorkerName != "Mette Lund" ||
		corrected.RevisionReason != "Klokkeslæt og søvn tilføjet" {
		t.Errorf("corrected note = %+v", corrected)
	}
	revs, err := st.ListNoteRevisions(ctx, corrected.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	first, second := doc.Courses[1].Notes[0].Revisions[0], doc.Courses[1].Notes[0].Revisions[1]
	if r := revs[0]; r.Text != first.Text || r.OccurredAt != first.OccurredAt || r.WorkerID != aisha.ID ||
		r.WorkerName != "Aisha Berg" || r.Reason != "" || stamp(r.CreatedAt) != first.SavedAt {
		t.Errorf("revision 1 = %+v, want %+v", r, first)
	}
	if r := revs[1]; r.Text != second.Text || r.WorkerID != lead.ID || r.WorkerName != "Mette Lund" ||
		r.Reason != second.Reason || stamp(r.CreatedAt) != second.SavedAt {
		t.Errorf("revision 2 = %+v, want %+v", r, second)
	}
}
