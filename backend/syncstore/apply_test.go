package syncstore_test

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"icm/backend/service"
	"icm/backend/syncstore"
)

// apply applies hand-made changes on l as coming from origin.
func applyRaw(t *testing.T, l *laptop, origin string, changes ...syncstore.Change) syncstore.Result {
	t.Helper()
	var res syncstore.Result
	l.tx(func(tx *gormDB) error {
		var err error
		res, err = syncstore.Apply(tx, roundTrip(t, changes), origin)
		return err
	})
	return res
}

// Two laptops register the same person (the same CPR number) at the same time: each
// refuses the other's citizen by the unique rule, keeps the refused change for the team
// lead with its code, and applies the rest of the batch (the savepoint rolls back that
// one change only); the applier's own writes never reach the outbox.
func TestAUniqueRuleRefusesOneChangeAndTheRestIsApplied(t *testing.T) {
	a, b := newLaptop(t, "A"), newLaptop(t, "B")
	setupTeam(t, a)
	a.publish()
	b.apply(a, 1)
	must[service.CitizenDTO](t)(service.NewCitizenService(a.deps("ML")).SaveCitizen(service.CitizenInput{Name: "Carl Dahl", CPR: "010190-1235"}))
	must[service.CitizenDTO](t)(service.NewCitizenService(a.deps("ML")).SaveCitizen(service.CitizenInput{Name: "Dina Holm"}))
	must[service.CitizenDTO](t)(service.NewCitizenService(b.deps("ML")).SaveCitizen(service.CitizenInput{Name: "Carl Dahl", CPR: "010190-1235"}))
	a.publish()
	b.publish()
	res := b.apply(a, 2)
	if len(res.Refused) != 1 || res.Refused[0].Code != syncstore.RefuseUnique || res.Refused[0].Table != "citizens" {
		t.Fatalf("B applying A's citizens: %+v", res)
	}
	if res.Applied == 0 {
		t.Fatalf("the rest of the batch was not applied: %+v", res)
	}
	if n := b.scalar(`SELECT COUNT(*) FROM citizens WHERE name = 'Dina Holm'`); n != "1" {
		t.Fatalf("the other citizen of the batch is missing on B")
	}
	kept := b.scalar(`SELECT code || ' ' || origin || ' ' || tbl || ' ' || (change LIKE '%Carl Dahl%') FROM sync_refused`)
	if kept != "unique A citizens 1" {
		t.Fatalf("sync_refused = %q", kept)
	}
	if n := b.scalar(`SELECT COUNT(*) FROM sync_outbox`); n != "0" {
		t.Fatalf("the applier's writes reached the outbox: %s rows", n)
	}
	if got := b.scalar(`SELECT active FROM sync_apply`); got != "0" {
		t.Fatalf("sync_apply.active = %s after Apply", got)
	}
	// Capture goes on after the applier: a local change is in the outbox again.
	must[service.CitizenDTO](t)(service.NewCitizenService(b.deps("ML")).SaveCitizen(service.CitizenInput{Name: "Eva Frost"}))
	if n := b.scalar(`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'citizens'`); n != "1" {
		t.Fatalf("a local change after Apply: %s outbox rows, want 1", n)
	}
}

// A change that names a parent this laptop does not have is refused as missing_parent,
// unless the parent comes later in the same call (it then waits for it); malformed changes
// are refused with their own codes; nothing of a refused change is left behind.
func TestRefusedChanges(t *testing.T) {
	a := newLaptop(t, "A")
	tm := setupTeam(t, a)
	a.publish()
	course := a.uid("courses", tm.course)
	goal := func(uid, courseUID string, h string) syncstore.Change {
		return syncstore.Change{Table: "goals", UID: uid, Op: syncstore.OpPut,
			Cols: map[string]any{"course_id": courseUID, "citizen_words": "Mål", "area": "housing", "action_plan_goal": "",
				"position": 9, "created_at": "2026-12-01 10:00:00+00:00", "updated_at": "2026-12-01 10:00:00+00:00"},
			HLC: hlcs(h, "course_id", "citizen_words", "area", "action_plan_goal", "position", "created_at", "updated_at")}
	}
	sub := syncstore.Change{Table: "subgoals", UID: "5ub", Op: syncstore.OpPut,
		Cols: map[string]any{"goal_id": "g2", "what": "Delmål", "measure": "", "owner": "", "deadline": nil, "status": "not_started",
			"position": 0, "created_at": "2026-12-01 10:00:00+00:00", "updated_at": "2026-12-01 10:00:00+00:00"},
		HLC: hlcs("000000000101.X", "goal_id", "what", "measure", "owner", "deadline", "status", "position", "created_at", "updated_at")}
	res := applyRaw(t, a, "X",
		goal("g1", "no-such-course", "000000000100.X"),
		sub, // its goal comes next in the call: it waits for it
		goal("g2", course, "000000000102.X"),
		syncstore.Change{Table: "audit_log", UID: "a1", Op: syncstore.OpPut, Cols: map[string]any{"action": "x"}, HLC: hlcs("000000000103.X", "action")},
		syncstore.Change{Table: "goals", UID: "g3", Op: syncstore.OpPut, Cols: map[string]any{"citizen_words": "x"}, HLC: hlcs("000000000104.X", "citizen_words")},
		syncstore.Change{Table: "goals", UID: "g2", Op: syncstore.OpPut, Cols: map[string]any{"colour": "x"}, HLC: hlcs("000000000105.X", "colour")},
	)
	var codes []string
	for _, r := range res.Refused {
		codes = append(codes, r.Code)
	}
	want := []string{syncstore.RefuseMissingParent, syncstore.RefuseUnknownTable, syncstore.RefuseMissingRow, syncstore.RefuseUnknownColumn}
	if strings.Join(codes, " ") != strings.Join(want, " ") || res.Applied != 2 {
		t.Fatalf("result %+v, want refusals %v and two applied", res, want)
	}
	if n := a.scalar(`SELECT COUNT(*) FROM sync_ids WHERE uid IN ('g1', 'g3', 'a1')`); n != "0" {
		t.Fatalf("a refused change left %s ids behind", n)
	}
	if n := a.scalar(`SELECT COUNT(*) FROM subgoals s JOIN sync_ids i ON i.row_id = s.id AND i.tbl = 'subgoals' WHERE i.uid = '5ub'`); n != "1" {
		t.Fatal("the sub-goal that waited for its goal is not there")
	}
	if n := a.scalar(`SELECT COUNT(*) FROM sync_refused`); n != "4" {
		t.Fatalf("%s refusals kept, want 4", n)
	}
	// A journal note's revision is a record: a remote change of its text is refused too.
	rev := a.scalar(`SELECT uid FROM sync_ids WHERE tbl = 'note_revisions'`)
	res = applyRaw(t, a, "X", syncstore.Change{Table: "note_revisions", UID: rev, Op: syncstore.OpPut,
		Cols: map[string]any{"text": "Omskrevet"}, HLC: hlcs("000000000200.X", "text"), Base: map[string]string{"text": "000000000001.A"}})
	if len(res.Refused) != 1 || res.Refused[0].Code != "note_record" {
		t.Fatalf("changing a revision: %+v", res)
	}
}

func hlcs(h string, cols ...string) map[string]string {
	out := map[string]string{}
	for _, c := range cols {
		out[c] = h
	}
	return out
}

// Pending returns the same until Stamp, never splits one transaction over two batches,
// and leaves out a row written and deleted before it was published.
func TestPendingKeepsTransactionsWhole(t *testing.T) {
	a := newLaptop(t, "A")
	tm := setupTeam(t, a)
	a.publish()
	plan := service.NewPlanningService(a.deps("ML"))
	// One transaction with three outbox rows: a meeting with two actions.
	must[service.CoordinationDTO](t)(service.NewCoordinationService(a.deps("AB")).SaveMeeting(service.MeetingInput{CourseID: tm.course,
		Date: "2026-11-12", Purpose: "Møde", Actions: []service.MeetingActionDTO{{Action: "En"}, {Action: "To"}}}))
	p := must[service.PlanDTO](t)(plan.SaveGoal(service.GoalInput{CourseID: tm.course, CitizenWords: "Kortvarigt", Area: "housing"}))
	must[service.PlanDTO](t)(plan.DeleteGoal(service.ChildInput{CourseID: tm.course, ID: p.Goals[len(p.Goals)-1].ID}))
	var first, again []syncstore.Change
	var upTo1, upTo2 int64
	a.tx(func(tx *gormDB) error {
		var err error
		if first, upTo1, err = syncstore.Pending(tx, 1); err != nil {
			return err
		}
		again, upTo2, err = syncstore.Pending(tx, 1)
		return err
	})
	if len(first) != 3 || upTo1 != upTo2 || len(again) != len(first) {
		t.Fatalf("Pending(limit 1) = %d changes up to %d, again %d up to %d; want the meeting's whole transaction (3)",
			len(first), upTo1, len(again), upTo2)
	}
	for _, ch := range first {
		if ch.Worker == "" || ch.Course == "" || ch.Citizen == "" {
			t.Errorf("change %s %s without worker, course or citizen: %+v", ch.Table, ch.UID, ch)
		}
	}
	all := a.publish()
	for _, ch := range all {
		if ch.Table == "goals" {
			t.Errorf("a goal written and deleted before it was published is published: %+v", ch)
		}
	}
}

// At the end of retention a citizen's data leaves every laptop, the values kept from
// merges and the refused changes included; a change of the citizen's data that another
// laptop made offline and that arrives after the deletion leaves nothing behind either.
func TestRetentionDeletionLeavesNoKeptValuesBehind(t *testing.T) {
	a, b, c := newLaptop(t, "A"), newLaptop(t, "B"), newLaptop(t, "C")
	tm := setupTeam(t, a)
	a.publish()
	b.apply(a, 1)
	c.apply(a, 1)
	g1, g2 := a.uid("goals", tm.goal1), a.uid("goals", tm.goal2)
	courseUID := a.uid("courses", tm.course)
	citizenUID := a.scalar(`SELECT citizen FROM sync_ids WHERE uid = ?`, courseUID)
	saveGoal(t, a, "ML", tm.course, tm.goal1, "Egen bolig med have", "housing", "")
	saveGoal(t, b, "ML", b.localID(courseUID), b.localID(g1), "Egen bolig i byen", "housing", "")
	a.publish()
	b.publish()
	a.apply(b, 1)
	b.apply(a, 2)
	b.tx(func(tx *gormDB) error {
		return syncstore.Refuse(tx, syncstore.Change{Table: "goals", UID: "x1", Op: syncstore.OpPut, Citizen: citizenUID,
			Cols: map[string]any{"citizen_words": "Fortroligt"}}, "A", "forbidden", "no right")
	})
	if n := a.scalar(`SELECT COUNT(*) FROM sync_conflicts`); n == "0" {
		t.Fatal("the concurrent change kept nothing: the test tests nothing")
	}
	// C changes the other goal offline; A closes the course and deletes the citizen.
	saveGoal(t, c, "ML", c.localID(courseUID), c.localID(g2), "Et arbejde på havnen", "employment", "")
	lead := a.deps("ML")
	must[service.CourseDTO](t)(service.NewCourseService(lead).UpdateCourse(service.UpdateCourseInput{ID: tm.course,
		WorkerID: a.deps("AB").As.WorkerID, StartDate: "2026-11-01", Status: "active"}))
	must[service.FollowUpDTO](t)(service.NewFollowUpService(lead).CloseCourse(service.CloseCourseInput{CourseID: tm.course,
		EndDate: "2026-11-30", Reason: "goals_reached", AfterSupport: "none", HousingAtClose: "own"}))
	cit := uint(mustAtoi(t, a.scalar(`SELECT citizen_id FROM courses WHERE id = ?`, tm.course)))
	must[service.DeletionResultDTO](t)(service.NewCitizenDataService(lead, nil).DeleteCitizen(service.DeleteCitizenInput{
		CitizenID: cit, ConfirmName: "Åse Ærø"}))
	a.publish()
	c.publish()
	b.apply(a, 3)
	b.apply(c, 1)
	a.apply(c, 1)
	c.apply(b, 1)
	c.apply(a, 2)
	c.apply(a, 3)
	sameDumps(t, a, b, c)
	for _, l := range []*laptop{a, b, c} {
		if n := l.scalar(`SELECT COUNT(*) FROM sync_conflicts`); n != "0" {
			t.Errorf("%s keeps %s values of the deleted citizen", l.name, n)
		}
		if n := l.scalar(`SELECT COUNT(*) FROM sync_refused WHERE change LIKE '%Fortroligt%' OR change LIKE '%havnen%'`); n != "0" {
			t.Errorf("%s keeps %s refused changes with the deleted citizen's data", l.name, n)
		}
		if n := l.scalar(`SELECT COUNT(*) FROM citizens`); n != "0" {
			t.Errorf("%s still has the citizen", l.name)
		}
	}
}

// A new laptop's rows go in a few statements at a time; a row whose text JSON cannot carry
// to SQLite exactly (a NUL character) is applied on its own instead, with every byte kept,
// and the rest of the batch still arrives.
func TestBulkApplyKeepsTextJSONCannotCarry(t *testing.T) {
	a, b := newLaptop(t, "A"), newLaptop(t, "B")
	tm := setupTeam(t, a)
	a.publish()
	body := string(a.batches[0].body)
	if !strings.Contains(body, "Første besøg.") {
		t.Fatal("the note is not in the batch")
	}
	a.batches[0].body = []byte(strings.ReplaceAll(body, "Første besøg.", `Første\u0000besøg.`))
	if res := b.apply(a, 1); len(res.Refused) != 0 || res.Applied == 0 {
		t.Fatalf("applied %+v", res)
	}
	uid := a.uid("notes", tm.note)
	id := b.localID(uid)
	want := strings.ToUpper(hex.EncodeToString([]byte("Første\x00besøg.")))
	for _, q := range []string{`SELECT hex(text) FROM notes WHERE id = ?`, `SELECT hex(text) FROM note_revisions WHERE note_id = ?`} {
		if got := b.scalar(q, id); got != want {
			t.Errorf("%s: %s, want %s", q, got, want)
		}
	}
	if got, want := b.scalar(`SELECT COUNT(*) FROM sync_ids`), a.scalar(`SELECT COUNT(*) FROM sync_ids`); got != want {
		t.Errorf("B holds %s rows, A %s", got, want)
	}
}

// A row deleted and written again under the same uid within one call (a natural row, or a
// batch applied anew) is not taken for a new row: the put meets the delete's tombstone and
// is kept as a conflict, and the rest of the call is applied.
func TestPutAfterDeleteInOneCallIsNotANewRow(t *testing.T) {
	a, b := newLaptop(t, "A"), newLaptop(t, "B")
	tm := setupTeam(t, a)
	a.publish()
	b.apply(a, 1)
	plan := service.NewPlanningService(a.deps("ML"))
	p := must[service.PlanDTO](t)(plan.SaveGoal(service.GoalInput{CourseID: tm.course, CitizenWords: "fire", Area: "housing"}))
	goal := p.Goals[len(p.Goals)-1].ID
	put := a.publish()
	must[service.PlanDTO](t)(plan.DeleteGoal(service.ChildInput{CourseID: tm.course, ID: goal}))
	del := a.publish()
	must[service.PlanDTO](t)(plan.SaveGoal(service.GoalInput{CourseID: tm.course, CitizenWords: "fem", Area: "housing"}))
	next := a.publish()
	if len(put) != 1 || len(del) != 1 || len(next) != 1 {
		t.Fatalf("batches of %d, %d and %d changes", len(put), len(del), len(next))
	}
	again := roundTrip(t, put)[0]
	for col := range again.HLC {
		again.HLC[col] = "000000000999.A"
	}
	res := applyRaw(t, b, "A", put[0], del[0], again, next[0])
	if len(res.Refused) != 0 || res.Conflicts != 1 {
		t.Fatalf("applied %+v", res)
	}
	if n := b.scalar(`SELECT COUNT(*) FROM goals WHERE citizen_words = 'fire'`); n != "0" {
		t.Errorf("the deleted goal is back %s times", n)
	}
	if n := b.scalar(`SELECT COUNT(*) FROM goals WHERE citizen_words = 'fem'`); n != "1" {
		t.Errorf("the next goal is there %s times", n)
	}
}

// Only the settings the team shares are applied: a laptop's own settings (its language, the
// state of its search index) cannot be written from another laptop, whoever sent it.
func TestALaptopsOwnSettingCannotArrive(t *testing.T) {
	b := newLaptop(t, "B")
	for i, key := range []string{"search_index_suspended", "language"} {
		h := fmt.Sprintf("%012d.A", 100+i)
		ch := syncstore.Change{Table: "settings", UID: "settings:" + key, Op: syncstore.OpPut,
			Cols: map[string]any{"key": key, "value": `[{"Name":"x","SQL":"CREATE TABLE pwned(x)"}]`},
			HLC:  map[string]string{"key": h, "value": h}}
		res := applyRaw(t, b, "A", ch)
		if len(res.Refused) != 1 || res.Refused[0].Code != syncstore.RefuseBadChange {
			t.Fatalf("%s: %+v", key, res)
		}
		if n := b.scalar(`SELECT COUNT(*) FROM settings WHERE key = ?`, key); n != "0" {
			t.Fatalf("%s arrived", key)
		}
	}
	shared := syncstore.Change{Table: "settings", UID: "settings:contact_gap_days", Op: syncstore.OpPut,
		Cols: map[string]any{"key": "contact_gap_days", "value": "21"},
		HLC:  map[string]string{"key": "000000000102.A", "value": "000000000102.A"}}
	if res := applyRaw(t, b, "A", shared); len(res.Refused) != 0 {
		t.Fatalf("a shared setting: %+v", res)
	}
	if v := b.scalar(`SELECT value FROM settings WHERE key = 'contact_gap_days'`); v != "21" {
		t.Fatalf("contact_gap_days is %q", v)
	}
	// A change of the value alone names its row by uid: a shared row is changed, and a
	// laptop's own setting (which has no uid) is not reached that way either.
	if err := b.st.Gorm().Exec(`INSERT INTO settings(key, value) VALUES ('language', 'da')`).Error; err != nil {
		t.Fatal(err)
	}
	for i, key := range []string{"contact_gap_days", "language"} {
		h := fmt.Sprintf("%012d.A", 200+i)
		ch := syncstore.Change{Table: "settings", UID: "settings:" + key, Op: syncstore.OpPut,
			Cols: map[string]any{"value": "en"}, HLC: map[string]string{"value": h}}
		applyRaw(t, b, "A", ch)
	}
	if v := b.scalar(`SELECT value FROM settings WHERE key = 'contact_gap_days'`); v != "en" {
		t.Fatalf("a shared setting's value alone: %q", v)
	}
	if v := b.scalar(`SELECT value FROM settings WHERE key = 'language'`); v != "da" {
		t.Fatalf("a laptop's own setting was changed by uid: %q", v)
	}
}
