package service

import (
	"testing"

	"icm/backend/domain"
)

// caseloadOf finds one worker's caseload in the team overview.
func caseloadOf(t *testing.T, f *fixture, workerID uint) (CaseloadDTO, TeamOverviewDTO) {
	t.Helper()
	ov, err := f.teams.TeamOverview()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ov.Caseloads {
		if c.Worker.ID == workerID {
			return c, ov
		}
	}
	t.Fatalf("worker %d not in overview", workerID)
	return CaseloadDTO{}, ov
}

func TestCaseloadRuleEndToEnd(t *testing.T) {
	f := newFixture(t) // lead Mette Lund, FTE 1
	aisha := f.worker(t, "Aisha Khalil", "AK", domain.RoleICMWorker, 0.5)
	jonas := f.worker(t, "Jonas Ørnberg", "JØ", domain.RoleICMWorker, 1)
	if aisha.MaxCaseload != 4 {
		t.Fatalf("FTE 0.5 gives max %d, want 4", aisha.MaxCaseload)
	}
	var aishas []CourseDTO
	for _, n := range names(4, "Borger") {
		aishas = append(aishas, f.course(t, aisha.ID, n))
	}
	if got := aishas[3].Worker.OpenCourses; got != 4 {
		t.Fatalf("open courses after four = %d", got)
	}
	henrik := f.citizen(t, "Henrik Vang")
	fifth := CreateCourseInput{CitizenID: henrik.ID, WorkerID: aisha.ID, StartDate: "2026-11-15"}

	lead := f.leadActor()
	refusals := []struct {
		name   string
		reason string
		by     Actor // who records the override
		code   domain.Code
	}{
		{"no reason", "", lead, domain.CodeCaseloadFull},
		{"blank reason counts as none", "  \n ", lead, domain.CodeCaseloadFull},
		{"lead without reason", "", lead, domain.CodeCaseloadFull},
		{"reason recorded by a plain ICM worker", "Kender borgeren",
			Actor{WorkerID: jonas.ID, Name: jonas.Name, Role: domain.RoleICMWorker}, domain.CodeOverrideByLead},
		{"reason recorded by the command line", "Kender borgeren", commandLine, domain.CodeOverrideByLead},
		{"reason by an unknown worker", "Kender borgeren", Actor{WorkerID: 9999, Role: domain.RoleTeamLead}, domain.CodeOverrideByLead},
	}
	for _, r := range refusals {
		t.Run("fifth refused: "+r.name, func(t *testing.T) {
			in := fifth
			in.OverrideReason = r.reason
			_, err := NewCourseService(f.as(r.by)).CreateCourse(in)
			de := wantCode(t, err, r.code)
			if de.Params["open"] != "4" || de.Params["max"] != "4" || de.Params["worker"] != "Aisha Khalil" {
				t.Errorf("params = %v, want open=4 max=4 worker=Aisha Khalil", de.Params)
			}
			if c, _ := caseloadOf(t, f, aisha.ID); c.Open != 4 {
				t.Fatalf("a refused course was stored: open = %d", c.Open)
			}
		})
	}

	const reason = "Borgeren kender Aisha fra herberget."
	t.Run("fifth accepted with a team lead's reason", func(t *testing.T) {
		in := fifth
		in.OverrideReason = "  " + reason + "  "
		co, err := NewCourseService(f.as(lead)).CreateCourse(in)
		if err != nil {
			t.Fatal(err)
		}
		if co.Override == nil || co.Override.Reason != reason || co.Override.ByName != "Mette Lund" ||
			co.Override.At != "2026-12-01T10:00:00Z" || co.Status != string(domain.CourseVisitation) {
			t.Fatalf("course = %+v override = %+v", co, co.Override)
		}
		c, ov := caseloadOf(t, f, aisha.ID)
		if c.Open != 5 || c.Max != 4 || !c.Over || len(c.Overrides) != 1 {
			t.Fatalf("caseload = %+v", c)
		}
		o := c.Overrides[0]
		if o.Reason != reason || o.ByName != "Mette Lund" || o.CitizenName != "Henrik Vang" || o.CourseID != co.ID {
			t.Fatalf("override = %+v", o)
		}
		if ov.Open != 5 || ov.Capacity != 8+4+8 {
			t.Fatalf("team open %d capacity %d", ov.Open, ov.Capacity)
		}
		if lead, _ := caseloadOf(t, f, f.lead.ID); lead.Over || len(lead.Overrides) != 0 {
			t.Fatalf("lead caseload = %+v", lead)
		}
	})

	t.Run("status change on a full worker's course needs no override", func(t *testing.T) {
		co := aishas[0]
		got, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: aisha.ID,
			StartDate: co.StartDate, Status: string(domain.CourseActive)})
		if err != nil || got.Status != string(domain.CourseActive) || got.Override != nil {
			t.Fatalf("UpdateCourse = %+v, %v", got, err)
		}
	})

	t.Run("reassigning to a full worker is refused", func(t *testing.T) {
		mine := f.course(t, jonas.ID, "Øjvind Ravn")
		_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: mine.ID, WorkerID: aisha.ID,
			StartDate: mine.StartDate, Status: mine.Status})
		de := wantCode(t, err, domain.CodeCaseloadFull)
		if de.Params["open"] != "5" || de.Params["max"] != "4" {
			t.Errorf("params = %v", de.Params)
		}
		if got, _ := f.courses.GetCourse(IDInput{ID: mine.ID}); got.Worker.ID != jonas.ID {
			t.Fatalf("course moved to worker %d", got.Worker.ID)
		}
	})

	t.Run("a citizen with an open course cannot get a second", func(t *testing.T) {
		_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: henrik.ID, WorkerID: jonas.ID, StartDate: "2026-11-20"})
		wantCode(t, err, domain.CodeActiveCourse)
	})

	t.Run("closing courses frees places", func(t *testing.T) {
		for _, co := range aishas[1:3] {
			closeCourse(t, f.d, co.ID, "2026-11-30")
			got := mustFn[CourseDTO](t)(f.courses.GetCourse(IDInput{ID: co.ID}))
			if got.Status != "closed" || got.EndDate != "2026-11-30" {
				t.Fatalf("closed = %+v", got)
			}
		}
		c, _ := caseloadOf(t, f, aisha.ID)
		if c.Open != 3 || c.Over || len(c.Overrides) != 1 {
			t.Fatalf("caseload after closing two = %+v", c)
		}
		co, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: f.citizen(t, "Ida Sommer").ID,
			WorkerID: aisha.ID, StartDate: "2026-11-25"})
		if err != nil || co.Override != nil {
			t.Fatalf("course within the ceiling = %+v, %v", co, err)
		}
	})

	t.Run("a closed course's citizen may start anew, but not reopen beside it", func(t *testing.T) {
		closed := aishas[1]
		again, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: closed.CitizenID, WorkerID: jonas.ID, StartDate: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.courses.UpdateCourse(UpdateCourseInput{ID: closed.ID, WorkerID: jonas.ID,
			StartDate: closed.StartDate, Status: "active"})
		wantCode(t, err, domain.CodeActiveCourse)
		if again.Worker.ID != jonas.ID {
			t.Fatalf("new course = %+v", again)
		}
	})

	t.Run("handing the override course to a worker with room clears the override", func(t *testing.T) {
		c, _ := caseloadOf(t, f, aisha.ID)
		over := c.Overrides[0]
		got, err := f.courses.UpdateCourse(UpdateCourseInput{ID: over.CourseID, WorkerID: jonas.ID,
			StartDate: "2026-11-15", Status: "visitation"})
		if err != nil || got.Override != nil {
			t.Fatalf("UpdateCourse = %+v, %v", got, err)
		}
		if c, _ := caseloadOf(t, f, aisha.ID); len(c.Overrides) != 0 || c.Open != 3 {
			t.Fatalf("aisha after hand-over = %+v", c)
		}
	})
}

func TestCreateCourseInputChecks(t *testing.T) {
	f := newFixture(t)
	away := f.worker(t, "Bo Berg", "BB", domain.RoleICMWorker, 1)
	if _, err := f.teams.SaveWorker(WorkerInput{ID: away.ID, Name: away.Name, Initials: away.Initials,
		Role: away.Role, FTE: 1, Active: false}); err != nil {
		t.Fatal(err)
	}
	c := f.citizen(t, "Anna")
	cases := []struct {
		name  string
		in    CreateCourseInput
		field string
		code  domain.Code
	}{
		{"no citizen", CreateCourseInput{WorkerID: f.lead.ID, StartDate: "2026-11-01"}, "citizenId", domain.CodeRequired},
		{"no worker", CreateCourseInput{CitizenID: c.ID, StartDate: "2026-11-01"}, "workerId", domain.CodeRequired},
		{"no start", CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID}, "startDate", domain.CodeRequired},
		{"start before 1990", CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID, StartDate: "1989-12-31"}, "startDate", domain.CodeDateOutOfRange},
		{"start more than 366 days ahead", CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID, StartDate: "2027-12-03"}, "startDate", domain.CodeDateOutOfRange},
		{"inactive worker", CreateCourseInput{CitizenID: c.ID, WorkerID: away.ID, StartDate: "2026-11-01"}, "workerId", domain.CodeInvalidChoice},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.courses.CreateCourse(tc.in)
			wantField(t, err, tc.field, tc.code)
		})
	}
	t.Run("366 days ahead is the last allowed start", func(t *testing.T) {
		co, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID, StartDate: "2027-12-02"})
		if err != nil || co.StartDate != "2027-12-02" {
			t.Fatalf("CreateCourse = %+v, %v", co, err)
		}
	})
	t.Run("unknown citizen", func(t *testing.T) {
		_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: 999, WorkerID: f.lead.ID, StartDate: "2026-11-01"})
		wantCode(t, err, domain.CodeNotFound)
	})
}
