package service

import (
	"fmt"
	"testing"

	"icm/backend/domain"
)

func TestSetupTeam(t *testing.T) {
	valid := SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ml", LeadFTE: 0.75}
	t.Run("happy path", func(t *testing.T) {
		d := newTestDeps(t)
		teams := NewTeamService(d)
		if _, err := teams.GetTeam(); domain.CodeOf(err) != domain.CodeTeamMissing {
			t.Fatalf("GetTeam before setup = %v, want team_missing", err)
		}
		got, err := teams.SetupTeam(valid)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == 0 || got.Municipality != "Solvang Kommune" || got.Name != "ICM-teamet" {
			t.Fatalf("team = %+v", got)
		}
		ws, err := teams.ListWorkers()
		if err != nil || len(ws) != 1 {
			t.Fatalf("workers = %+v, %v", ws, err)
		}
		w := ws[0]
		if w.Name != "Mette Lund" || w.Initials != "ML" || w.Role != string(domain.RoleTeamLead) ||
			w.FTE != 0.75 || !w.Active || w.MaxCaseload != 6 || w.OpenCourses != 0 {
			t.Fatalf("lead = %+v", w)
		}
		status, err := NewAppService(d, "x.db", nil).Status()
		if err != nil || !status.Ready || !status.HasTeam {
			t.Fatalf("Status = %+v, %v", status, err)
		}
		_, err = teams.SetupTeam(valid)
		wantCode(t, err, domain.CodeTeamExists)
	})
	cases := []struct {
		name  string
		edit  func(in *SetupTeamInput)
		field string
		code  domain.Code
	}{
		{"empty municipality", func(in *SetupTeamInput) { in.Municipality = "  " }, "municipality", domain.CodeRequired},
		{"empty team name", func(in *SetupTeamInput) { in.TeamName = "" }, "teamName", domain.CodeRequired},
		{"empty lead name", func(in *SetupTeamInput) { in.LeadName = "" }, "leadName", domain.CodeRequired},
		{"empty lead initials", func(in *SetupTeamInput) { in.LeadInitials = "" }, "leadInitials", domain.CodeRequired},
		{"one-letter initials", func(in *SetupTeamInput) { in.LeadInitials = "M" }, "leadInitials", domain.CodeInvalidInitials},
		{"FTE 0", func(in *SetupTeamInput) { in.LeadFTE = 0 }, "leadFte", domain.CodeInvalidFTE},
		{"FTE 1.5", func(in *SetupTeamInput) { in.LeadFTE = 1.5 }, "leadFte", domain.CodeInvalidFTE},
		{"bidi override in name", func(in *SetupTeamInput) { in.LeadName = "Mette\u202E" }, "leadName", domain.CodeInvalidCharacters},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			teams := NewTeamService(newTestDeps(t))
			in := valid
			c.edit(&in)
			_, err := teams.SetupTeam(in)
			wantField(t, err, c.field, c.code)
			if _, err := teams.GetTeam(); domain.CodeOf(err) != domain.CodeTeamMissing {
				t.Fatalf("a refused setup stored a team: %v", err)
			}
		})
	}
	t.Run("all empty names at once", func(t *testing.T) {
		_, err := NewTeamService(newTestDeps(t)).SetupTeam(SetupTeamInput{LeadFTE: 1})
		de := wantCode(t, err, domain.CodeInvalidInput)
		var got []string
		for _, f := range de.Fields {
			got = append(got, f.Field+":"+string(f.Code))
		}
		want := "[leadInitials:required leadName:required municipality:required teamName:required]"
		if s := fmt.Sprint(got); s != want {
			t.Fatalf("fields = %s, want %s", s, want)
		}
	})
}

func TestSaveWorkerRules(t *testing.T) {
	f := newFixture(t)
	jonas := f.worker(t, "Jonas Ørnberg", "jø", domain.RoleICMWorker, 1)
	if jonas.Initials != "JØ" {
		t.Fatalf("initials stored as %q, want upper case JØ", jonas.Initials)
	}
	cases := []struct {
		name  string
		in    WorkerInput
		field string
		code  domain.Code
	}{
		{"duplicate initials, other case", WorkerInput{Name: "Jens Østergaard", Initials: "jø", Role: "icm_worker", FTE: 1, Active: true}, "initials", domain.CodeDuplicateInitials},
		{"duplicate initials, same case", WorkerInput{Name: "Jens Østergaard", Initials: "JØ", Role: "icm_worker", FTE: 1, Active: true}, "initials", domain.CodeDuplicateInitials},
		{"duplicate of the lead's initials", WorkerInput{Name: "Maja Lind", Initials: "Ml", Role: "icm_worker", FTE: 1, Active: true}, "initials", domain.CodeDuplicateInitials},
		{"unknown role", WorkerInput{Name: "Ny", Initials: "NY", Role: "boss", FTE: 1, Active: true}, "role", domain.CodeInvalidChoice},
		{"initials with space", WorkerInput{Name: "Ny", Initials: "N Y", Role: "icm_worker", FTE: 1, Active: true}, "initials", domain.CodeInvalidInitials},
		{"FTE with three decimals", WorkerInput{Name: "Ny", Initials: "NY", Role: "icm_worker", FTE: 0.125, Active: true}, "fte", domain.CodeInvalidFTE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.teams.SaveWorker(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	t.Run("renaming keeps own initials", func(t *testing.T) {
		in := WorkerInput{ID: jonas.ID, Name: "Jonas Ø. Ørnberg", Initials: "JØ", Role: "icm_worker", FTE: 0.8, Active: true}
		got, err := f.teams.SaveWorker(in)
		if err != nil || got.Name != in.Name || got.MaxCaseload != 6 {
			t.Fatalf("SaveWorker = %+v, %v", got, err)
		}
	})
	leadInput := WorkerInput{ID: f.lead.ID, Name: f.lead.Name, Initials: f.lead.Initials,
		Role: string(domain.RoleTeamLead), FTE: 1, Active: true}
	t.Run("deactivating the only team lead", func(t *testing.T) {
		in := leadInput
		in.Active = false
		_, err := f.teams.SaveWorker(in)
		wantCode(t, err, domain.CodeLastTeamLead)
	})
	t.Run("demoting the only team lead", func(t *testing.T) {
		in := leadInput
		in.Role = string(domain.RoleICMWorker)
		_, err := f.teams.SaveWorker(in)
		wantCode(t, err, domain.CodeLastTeamLead)
	})
	t.Run("deactivating a worker with open courses", func(t *testing.T) {
		f.course(t, jonas.ID, "Åse Holm")
		_, err := f.teams.SaveWorker(WorkerInput{ID: jonas.ID, Name: "Jonas Ørnberg", Initials: "JØ",
			Role: "icm_worker", FTE: 1, Active: false})
		de := wantCode(t, err, domain.CodeWorkerHasCourses)
		if de.Params["open"] != "1" {
			t.Errorf("params = %v, want open=1", de.Params)
		}
		ws, _ := f.teams.ListWorkers()
		for _, w := range ws {
			if w.ID == jonas.ID && !w.Active {
				t.Fatal("the refused change was stored")
			}
		}
	})
	t.Run("a second lead lets the first step down", func(t *testing.T) {
		f.worker(t, "Aisha Khalil", "AK", domain.RoleTeamLead, 0.6)
		in := leadInput
		in.Active = false
		got, err := f.teams.SaveWorker(in)
		if err != nil || got.Active {
			t.Fatalf("SaveWorker = %+v, %v", got, err)
		}
		ws, _ := f.teams.ListWorkers()
		if last := ws[len(ws)-1]; last.ID != f.lead.ID {
			t.Fatalf("inactive workers should be listed last, got %+v", ws)
		}
	})
}

func TestSaveWorkerUnknownID(t *testing.T) {
	f := newFixture(t)
	_, err := f.teams.SaveWorker(WorkerInput{ID: 999, Name: "Ingen", Initials: "IN", Role: "icm_worker", FTE: 1, Active: true})
	wantCode(t, err, domain.CodeNotFound)
}
