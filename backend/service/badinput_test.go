package service

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"icm/backend/domain"
)

// call runs fn and turns a panic into a test failure.
func call(t *testing.T, fn func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic: %v", r)
		}
	}()
	return fn()
}

func TestBoundMethodsRejectBadInput(t *testing.T) {
	f := newFixture(t)
	app := NewAppService(f.d, "icm.db", nil)
	co := f.course(t, f.lead.ID, "Gitte Ravn")
	huge := strings.Repeat("a", 1<<20) // 1 MB
	hugeDK := strings.Repeat("æøå", 1<<18)
	bad := "\xff\xfe\x00"
	hugeVisit := SaveVisitationInput{CourseID: co.ID, HousingAtStart: huge, HousingNote: huge, Needs: []string{huge, hugeDK},
		NeedsNote: huge, TargetGroupReason: huge, Consent: huge, ConsentForm: huge, ConsentDate: huge,
		ContactAgreement: huge, ReferralSource: huge, ReferralNote: huge, VisitationDate: huge, LegalBasis: huge,
		LegalNote: huge, ActionPlan: huge, ActionPlanDate: huge, ActionPlanCaseworker: huge, ActionPlanNote: huge}
	manyNeeds := SaveVisitationInput{CourseID: co.ID, Needs: strings.Split(strings.Repeat("x,", 10000)+"x", ",")}
	cases := []struct {
		name string
		fn   func() error
	}{
		{"SetLanguage empty", func() error { _, err := app.SetLanguage(LanguageInput{}); return err }},
		{"SetLanguage huge", func() error { _, err := app.SetLanguage(LanguageInput{Language: huge}); return err }},
		{"LoadDemoData on a database in use", func() error { _, err := app.LoadDemoData(); return err }},
		{"SetupTeam empty", func() error { _, err := f.teams.SetupTeam(SetupTeamInput{}); return err }},
		{"SetupTeam huge", func() error {
			_, err := f.teams.SetupTeam(SetupTeamInput{Municipality: huge, TeamName: huge, LeadName: huge, LeadInitials: huge, LeadFTE: 1})
			return err
		}},
		{"SetupTeam NaN FTE", func() error {
			_, err := f.teams.SetupTeam(SetupTeamInput{Municipality: "K", TeamName: "T", LeadName: "L", LeadInitials: "LL", LeadFTE: math.NaN()})
			return err
		}},
		{"SetupTeam again", func() error {
			_, err := f.teams.SetupTeam(SetupTeamInput{Municipality: "K", TeamName: "T", LeadName: "L", LeadInitials: "LL", LeadFTE: 1})
			return err
		}},
		{"UpdateTeam empty", func() error { _, err := f.teams.UpdateTeam(UpdateTeamInput{}); return err }},
		{"UpdateTeam huge", func() error {
			_, err := f.teams.UpdateTeam(UpdateTeamInput{Municipality: huge, TeamName: hugeDK})
			return err
		}},
		{"UpdateTeam invalid UTF-8", func() error {
			_, err := f.teams.UpdateTeam(UpdateTeamInput{Municipality: bad, TeamName: bad})
			return err
		}},
		{"SaveWorker empty", func() error { _, err := f.teams.SaveWorker(WorkerInput{}); return err }},
		{"SaveWorker huge", func() error {
			_, err := f.teams.SaveWorker(WorkerInput{Name: huge, Initials: huge, Role: huge, FTE: math.Inf(1)})
			return err
		}},
		{"SaveWorker unknown id", func() error {
			_, err := f.teams.SaveWorker(WorkerInput{ID: math.MaxUint32, Name: "X", Initials: "XX", Role: "icm_worker", FTE: 1})
			return err
		}},
		{"ListCitizens huge query", func() error { _, err := f.citizens.ListCitizens(CitizenListInput{Query: huge}); return err }},
		{"ListCitizens invalid UTF-8", func() error { _, err := f.citizens.ListCitizens(CitizenListInput{Query: bad}); return err }},
		{"GetCitizen zero id", func() error { _, err := f.citizens.GetCitizen(IDInput{}); return err }},
		{"GetCitizen max id", func() error { _, err := f.citizens.GetCitizen(IDInput{ID: math.MaxUint32}); return err }},
		{"SaveCitizen empty", func() error { _, err := f.citizens.SaveCitizen(CitizenInput{}); return err }},
		{"SaveCitizen huge", func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{Name: huge, CPR: huge, Phone: huge, Email: huge, Address: huge,
				ContactNote: huge, Housing: huge, HousingNote: huge})
			return err
		}},
		{"SaveCitizen invalid UTF-8", func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{Name: bad, CPR: bad, Phone: bad, Email: bad, Address: bad})
			return err
		}},
		{"SaveCitizen unknown id", func() error { _, err := f.citizens.SaveCitizen(CitizenInput{ID: 4242, Name: "X"}); return err }},
		{"CreateCourse empty", func() error { _, err := f.courses.CreateCourse(CreateCourseInput{}); return err }},
		{"CreateCourse huge", func() error {
			_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: 1, WorkerID: 1, StartDate: huge, OverrideReason: huge})
			return err
		}},
		{"CreateCourse unknown ids", func() error {
			_, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: 4242, WorkerID: 4242, StartDate: "2026-11-01"})
			return err
		}},
		{"CreateCourse unknown worker", func() error {
			c, err := f.citizens.SaveCitizen(CitizenInput{Name: "Uden forløb"})
			if err != nil {
				return err
			}
			_, err = f.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: 4242, StartDate: "2026-11-01"})
			return err
		}},
		{"UpdateCourse empty", func() error { _, err := f.courses.UpdateCourse(UpdateCourseInput{}); return err }},
		{"UpdateCourse huge", func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: 1, StartDate: huge, Status: huge,
				EndDate: huge, OverrideReason: huge})
			return err
		}},
		{"UpdateCourse unknown id", func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: 4242, WorkerID: f.lead.ID, StartDate: "2026-11-01", Status: "active"})
			return err
		}},
		{"UpdateCourse unknown worker", func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: 4242, StartDate: "2026-11-01", Status: "active"})
			return err
		}},
		{"UpdateCourse closing to unknown worker", func() error {
			_, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: 4242, StartDate: "2026-11-01",
				Status: "closed", EndDate: "2026-11-02"})
			return err
		}},
		{"GetCourse zero id", func() error { _, err := f.courses.GetCourse(IDInput{}); return err }},
		{"GetVisitation zero id", func() error { _, err := f.courses.GetVisitation(IDInput{}); return err }},
		{"SaveVisitation empty", func() error { _, err := f.courses.SaveVisitation(SaveVisitationInput{}); return err }},
		{"SaveVisitation huge", func() error { _, err := f.courses.SaveVisitation(hugeVisit); return err }},
		{"SaveVisitation 10001 unknown needs", func() error { _, err := f.courses.SaveVisitation(manyNeeds); return err }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := call(t, c.fn)
			var de *domain.Error
			if !errors.As(err, &de) {
				t.Fatalf("error = %v (%T), want a *domain.Error", err, err)
			}
			if de.Code == domain.CodeInternal {
				t.Fatalf("error = %v, want a code the UI can explain, not internal", err)
			}
			for _, fe := range de.Fields {
				if fe.Field == "" || fe.Code == "" || fe.Code == domain.CodeInternal {
					t.Errorf("field error %+v", fe)
				}
			}
			if len(de.Error()) > 1<<20 {
				t.Errorf("error text is %d bytes: input must not be echoed back", len(de.Error()))
			}
		})
	}
	// Nothing of the above reached the database.
	ov, err := f.teams.TeamOverview()
	if err != nil || ov.Team.Name != "ICM-teamet" || len(ov.Caseloads) != 1 || ov.Open != 1 {
		t.Fatalf("overview after bad input = %+v, %v", ov, err)
	}
	if got := fmt.Sprint(listNames(t, f.citizens, "")); got != "[Gitte Ravn Uden forløb]" {
		t.Fatalf("citizens after bad input = %s", got)
	}
}

func TestServicesWithoutDatabase(t *testing.T) {
	startErr := domain.E(domain.CodeDatabaseCorrupt, "quick_check: 3 problems").With("path", "/data/icm.db")
	d := Deps{} // the database could not be opened
	app := NewAppService(d, "/data/icm.db", startErr)
	st, err := app.Status()
	if err != nil || st.Ready || st.ErrorCode != "database_corrupt" || st.ErrorParams["path"] != "/data/icm.db" ||
		st.DatabasePath != "/data/icm.db" {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	if v, err := app.Vocabulary(); err != nil || len(v.Needs) != len(domain.Needs) || v.Steps[0] != "visitation" {
		t.Fatalf("Vocabulary = %+v, %v", v, err)
	}
	teams, citizens, courses := NewTeamService(d), NewCitizenService(d), NewCourseService(d)
	for name, fn := range map[string]func() error{
		"GetTeam":      func() error { _, err := teams.GetTeam(); return err },
		"TeamOverview": func() error { _, err := teams.TeamOverview(); return err },
		"ListWorkers":  func() error { _, err := teams.ListWorkers(); return err },
		"ListCitizens": func() error { _, err := citizens.ListCitizens(CitizenListInput{}); return err },
		"GetCourse":    func() error { _, err := courses.GetCourse(IDInput{ID: 1}); return err },
		"LoadDemoData": func() error { _, err := app.LoadDemoData(); return err },
		"SetLanguage":  func() error { _, err := app.SetLanguage(LanguageInput{Language: "da"}); return err },
		"SaveCitizen":  func() error { _, err := citizens.SaveCitizen(CitizenInput{Name: "X"}); return err },
		"CreateCourse": func() error {
			_, err := courses.CreateCourse(CreateCourseInput{CitizenID: 1, WorkerID: 1, StartDate: "2026-01-01"})
			return err
		},
		"SaveVisitation": func() error { _, err := courses.SaveVisitation(SaveVisitationInput{CourseID: 1}); return err },
	} {
		t.Run(name, func(t *testing.T) {
			var de *domain.Error
			if err := call(t, fn); !errors.As(err, &de) {
				t.Fatalf("error = %v, want a *domain.Error", err)
			}
		})
	}
}
