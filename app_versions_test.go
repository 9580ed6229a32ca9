package main

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"icm/backend/auth"
	"icm/backend/service"
)

// signedApp builds the app on a fresh database with a fixed clock, one course with a plan
// and one signed plan version.
func signedApp(t *testing.T) (a *App, courseID, versionID uint) {
	t.Helper()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	auth.Default = auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1} // the cost is tested in backend/auth
	a = newAppWithClock(context.Background(), filepath.Join(t.TempDir(), "icm.db"), func() time.Time { return now })
	if a.store == nil {
		t.Fatal("the database did not open")
	}
	t.Cleanup(func() { _ = a.store.Close() })
	s := a.services
	if _, err := s.team.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1, LeadUsername: "mette", LeadPassword: "en lang adgangskode"}); err != nil {
		t.Fatal(err)
	}
	ws, err := s.team.ListWorkers()
	if err != nil {
		t.Fatal(err)
	}
	cit, err := s.citizens.SaveCitizen(service.CitizenInput{Name: "Åse Ærø", CPR: "010190-1234"})
	if err != nil {
		t.Fatal(err)
	}
	co, err := s.courses.CreateCourse(service.CreateCourseInput{CitizenID: cit.ID, WorkerID: ws[0].ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.planning.SaveGoal(service.GoalInput{CourseID: co.ID, CitizenWords: "Jeg vil have min egen lejlighed", Area: "housing"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.planning.SaveSubGoal(service.SubGoalInput{CourseID: co.ID, GoalID: plan.Goals[0].ID,
		What: "Søge om boligstøtte", Owner: "Åse", Deadline: "2026-12-15", Status: "in_progress"}); err != nil {
		t.Fatal(err)
	}
	v, err := s.versions.SignPlan(service.SignPlanInput{CourseID: co.ID, CitizenDate: "2026-12-01", Method: "paper",
		WorkerDate: "2026-12-01", LeadApproval: true, LeadDate: "2026-12-01", CitizenComment: "Uenig i fristen"})
	if err != nil {
		t.Fatal(err)
	}
	return a, co.ID, v.Summary.ID
}

// fingerprint is every column of one plan_versions row as SQLite quotes it, so two
// fingerprints are equal only if the stored bytes are.
func fingerprint(t *testing.T, a *App, id uint) string {
	t.Helper()
	db, err := a.store.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	cols := []string{"id", "course_id", "version_no", "snapshot", "signed_at", "citizen_name", "citizen_date", "method",
		"worker_id", "worker_date", "lead_id", "lead_date", "citizen_comment", "created_at"}
	for i, c := range cols {
		cols[i] = "quote(" + c + ")"
	}
	var fp string
	if err := db.QueryRow("SELECT "+strings.Join(cols, " || '|' || ")+" FROM plan_versions WHERE id = ?", id).Scan(&fp); err != nil {
		t.Fatalf("read version %d: %v", id, err)
	}
	return fp
}

// fillStrings gives string fields values the forms could send, so that calls get past
// validation and really write where they can.
var fillStrings = map[string]string{
	"Topic": "wishes", "Kind": "gp", "Area": "housing", "Method": "in_person", "Reason": "goals_reached",
	"AfterSupport": "cti", "HousingAtClose": "own", "Housing": "own", "Role": "team_lead", "Language": "da",
	"Location": "home", "Consent": "yes", "Status": "achieved",
}

// inputs builds the argument variants for a bound method's one input struct: empty; every
// id the course's; every id the signed version's (course ids the course's); and both of
// those again with text and dates filled in.
func inputs(typ reflect.Type, courseID, versionID uint) []reflect.Value {
	build := func(ids func(field string) uint, strs bool) reflect.Value {
		v := reflect.New(typ).Elem()
		for i := 0; i < typ.NumField(); i++ {
			f, fv := typ.Field(i), v.Field(i)
			if !f.IsExported() {
				continue
			}
			switch fv.Kind() {
			case reflect.Uint:
				fv.SetUint(uint64(ids(f.Name)))
			case reflect.Bool:
				fv.SetBool(strs)
			case reflect.String:
				if !strs {
					continue
				}
				switch {
				case fillStrings[f.Name] != "":
					fv.SetString(fillStrings[f.Name])
				case strings.Contains(f.Name, "Date") || strings.Contains(f.Name, "Deadline") || f.Name == "Opened" ||
					f.Name == "LastContact" || f.Name == "Week" || f.Name == "Date":
					fv.SetString("2026-11-15")
				default:
					fv.SetString("Ændret tekst")
				}
			}
		}
		return v
	}
	course := func(string) uint { return courseID }
	version := func(name string) uint {
		if name == "CourseID" {
			return courseID
		}
		return versionID
	}
	return []reflect.Value{reflect.New(typ).Elem(), build(course, false), build(version, false), build(course, true), build(version, true)}
}

// TestNoBoundMethodChangesASignedVersion calls every exported method of every bound
// service with inputs aimed at the course and at the signed version, and checks that the
// signed row is byte for byte what it was.
func TestNoBoundMethodChangesASignedVersion(t *testing.T) {
	a, courseID, versionID := signedApp(t)
	before := fingerprint(t, a, versionID)

	// Changing the live plan and signing again leaves version 1 alone.
	s := a.services
	if _, err := s.planning.SaveGoal(service.GoalInput{CourseID: courseID, CitizenWords: "Jeg vil se min datter"}); err != nil {
		t.Fatal(err)
	}
	v2, err := s.versions.SignPlan(service.SignPlanInput{CourseID: courseID, CitizenDate: "2026-12-01", Method: "in_person", WorkerDate: "2026-12-01"})
	if err != nil || v2.Summary.VersionNo != 2 {
		t.Fatalf("second signing = %+v, %v", v2.Summary, err)
	}
	second := fingerprint(t, a, v2.Summary.ID)

	// Closing the course goes last: once it is closed, every other write is refused early.
	last := map[string]bool{"CloseCourse": true}
	// Exports hand the file to the operating system (the native save dialog, the PDF
	// viewer), which needs a running window; they only read the database.
	handsToOS := func(name string) bool { return strings.HasSuffix(name, "PDF") || strings.HasPrefix(name, "Print") }
	type bound struct {
		typ reflect.Type
		m   reflect.Method
		fn  reflect.Value
	}
	var first, final []bound
	for _, b := range a.bindings() {
		val := reflect.ValueOf(b)
		for i := 0; i < val.Type().NumMethod(); i++ {
			bm := bound{val.Type(), val.Type().Method(i), val.Method(i)}
			if handsToOS(bm.m.Name) {
				continue
			}
			if last[bm.m.Name] {
				final = append(final, bm)
			} else {
				first = append(first, bm)
			}
		}
	}
	calls, succeeded := 0, 0
	for _, bm := range append(first, final...) {
		name := bm.typ.Elem().Name() + "." + bm.m.Name
		for _, args := range variants(t, name, bm.fn, courseID, versionID) {
			calls++
			if call(t, name, bm.fn, args) {
				succeeded++
			}
			if got := fingerprint(t, a, versionID); got != before {
				t.Fatalf("%s(%+v) changed signed version 1:\nbefore %s\nafter  %s", name, args, before, got)
			}
			if got := fingerprint(t, a, v2.Summary.ID); got != second {
				t.Fatalf("%s(%+v) changed signed version 2", name, args)
			}
		}
	}
	// Enough calls got through validation to have written to the course.
	t.Logf("calls %d succeeded %d", calls, succeeded)
	if calls < 200 || succeeded < 60 {
		t.Fatalf("%d calls, %d succeeded: the bindings were not all reached", calls, succeeded)
	}
}

// variants gives the argument lists to call a bound method with.
func variants(t *testing.T, name string, fn reflect.Value, courseID, versionID uint) [][]reflect.Value {
	t.Helper()
	switch fn.Type().NumIn() {
	case 0:
		return [][]reflect.Value{nil}
	case 1:
		in := fn.Type().In(0)
		if in.Kind() != reflect.Struct {
			t.Fatalf("%s takes a %s; bound methods take one input struct", name, in)
		}
		var out [][]reflect.Value
		for _, v := range inputs(in, courseID, versionID) {
			out = append(out, []reflect.Value{v})
		}
		return out
	}
	t.Fatalf("%s takes %d arguments; bound methods take one input struct", name, fn.Type().NumIn())
	return nil
}

// call runs one bound method and reports whether it returned no error; a panic fails the test.
func call(t *testing.T, name string, fn reflect.Value, args []reflect.Value) (ok bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", name, r)
			ok = false
		}
	}()
	out := fn.Call(args)
	return out[len(out)-1].IsNil()
}

// TestPlanVersionServiceOnlyReadsAndSigns pins the bound surface of signed versions: the
// plan-version service only reads and signs, and no bound method anywhere is named like a
// change to a version or a signature. A new one must be a deliberate change to this test.
func TestPlanVersionServiceOnlyReadsAndSigns(t *testing.T) {
	a, _, _ := signedApp(t)
	var got, changers []string
	verbs := []string{"Save", "Update", "Delete", "Remove", "Edit", "Change", "Set", "Replace", "Unsign", "Revoke", "Amend"}
	for _, b := range a.bindings() {
		typ := reflect.TypeOf(b)
		for i := 0; i < typ.NumMethod(); i++ {
			name := typ.Method(i).Name
			if typ == reflect.TypeOf(&service.PlanVersionService{}) {
				got = append(got, name)
			}
			if !strings.Contains(name, "Version") && !strings.Contains(name, "Sign") {
				continue
			}
			for _, v := range verbs {
				if strings.HasPrefix(name, v) {
					changers = append(changers, typ.Elem().Name()+"."+name)
				}
			}
		}
	}
	sort.Strings(got)
	if want := []string{"Compare", "Draft", "GetVersion", "ListVersions", "SignPlan"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("PlanVersionService binds %v, want %v", got, want)
	}
	if len(changers) > 0 {
		t.Fatalf("bound methods that look like changing a signed version: %v", changers)
	}
}
