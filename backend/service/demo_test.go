package service

import (
	"context"
	"sync"
	"testing"

	"icm/backend/domain"
)

func TestLoadDemo(t *testing.T) {
	d := newTestDeps(t)
	app := NewAppService(d, "icm.db", nil)
	status, err := app.LoadDemoData()
	if err != nil {
		t.Fatalf("LoadDemoData: %v", err)
	}
	if !status.Ready || !status.HasTeam || status.SchemaVersion == 0 {
		t.Fatalf("status = %+v", status)
	}
	teams, citizens := NewTeamService(d), NewCitizenService(d)
	ws, err := teams.ListWorkers()
	if err != nil || len(ws) != 3 {
		t.Fatalf("workers = %+v, %v", ws, err)
	}
	leads := 0
	for _, w := range ws {
		if w.Role == string(domain.RoleTeamLead) {
			leads++
		}
	}
	if leads != 1 {
		t.Errorf("%d team leads, want 1", leads)
	}
	list, err := citizens.ListCitizens(CitizenListInput{})
	if err != nil || len(list) != 12 {
		t.Fatalf("citizens = %d, %v", len(list), err)
	}
	withCourse := 0
	for _, c := range list {
		if c.CourseID != 0 {
			withCourse++
		}
	}
	if withCourse != 10 { // one has no course, one course is closed
		t.Errorf("%d citizens with an open course, want 10", withCourse)
	}
	ov, err := teams.TeamOverview()
	if err != nil {
		t.Fatal(err)
	}
	var overrides []OverrideDTO
	for _, c := range ov.Caseloads {
		overrides = append(overrides, c.Overrides...)
		if c.Over != (len(c.Overrides) > 0) {
			t.Errorf("%s is over=%v with %d overrides", c.Worker.Name, c.Over, len(c.Overrides))
		}
	}
	if len(overrides) != 1 || overrides[0].ByName != "Mette Lund" || overrides[0].Reason == "" {
		t.Fatalf("overrides = %+v", overrides)
	}
	t.Run("second load refused", func(t *testing.T) {
		_, err := app.LoadDemoData()
		wantCode(t, err, domain.CodeNotEmpty)
		if list, _ := citizens.ListCitizens(CitizenListInput{}); len(list) != 12 {
			t.Fatalf("second load added citizens: %d", len(list))
		}
	})
	t.Run("refused once a team exists", func(t *testing.T) {
		d := newTestDeps(t)
		if _, err := NewTeamService(d).SetupTeam(SetupTeamInput{Municipality: "K", TeamName: "T",
			LeadName: "Lone", LeadInitials: "LO", LeadFTE: 1}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, LoadDemo(context.Background(), d.Store, testNow), domain.CodeNotEmpty)
	})
}

func TestAppStatusAndLanguage(t *testing.T) {
	d := newTestDeps(t)
	app := NewAppService(d, "/data/icm.db", nil)
	st, err := app.Status()
	if err != nil || !st.Ready || st.HasTeam || st.Language != "da" || st.ErrorCode != "" || st.DatabasePath != "/data/icm.db" {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	cases := []struct {
		lang string
		code domain.Code
	}{
		{"en", ""},
		{"da", ""},
		{"", domain.CodeRequired},
		{"sv", domain.CodeInvalidChoice},
		{"EN", domain.CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			before, _ := app.Status()
			got, err := app.SetLanguage(LanguageInput{Language: c.lang})
			if c.code != "" {
				wantField(t, err, "language", c.code)
				if after, _ := app.Status(); after.Language != before.Language {
					t.Fatalf("language changed to %q", after.Language)
				}
				return
			}
			if err != nil || got.Language != c.lang {
				t.Fatalf("SetLanguage = %+v, %v", got, err)
			}
		})
	}
}

func TestLastCaseloadPlaceUnderConcurrency(t *testing.T) {
	f := newFixture(t)
	w := f.worker(t, "Bo Berg", "BB", domain.RoleICMWorker, 0.25) // max 2
	f.course(t, w.ID, "Første")
	const n = 8
	ids := make([]uint, n)
	for i, name := range names(n, "Kandidat") {
		ids[i] = f.citizen(t, name).ID
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range ids {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = f.courses.CreateCourse(CreateCourseInput{CitizenID: ids[i], WorkerID: w.ID, StartDate: "2026-11-01"})
		}(i)
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case domain.CodeOf(err) != domain.CodeCaseloadFull:
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d concurrent assignments took the last place, want exactly 1", ok)
	}
	if c, _ := caseloadOf(t, f, w.ID); c.Open != 2 || c.Over {
		t.Fatalf("caseload = %+v", c)
	}
}
