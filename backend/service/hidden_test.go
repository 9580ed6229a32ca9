package service

import (
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/domain"
)

// hiddenTeam is a signed-in team that hides colleagues' citizens: Anna has Gitte Ravn (CPR
// 010190-1234), taken over her caseload ceiling with the team lead's override; Jonas is her
// colleague.
type hiddenTeam struct {
	*signedIn
	anna, jonas WorkerDTO
	gitte       CitizenDTO
	course      CourseDTO
}

func newHiddenTeam(t *testing.T) *hiddenTeam {
	t.Helper()
	f := &hiddenTeam{signedIn: newSignedIn(t)}
	f.anna = f.worker(t, "Anna Berg", "AB", "anna")
	f.jonas = f.worker(t, "Jonas Ørnberg", "JØ", "jonas")
	// 0.12 FTE: a caseload ceiling of none, so Gitte's course needs the lead's override.
	mustFn[WorkerDTO](t)(f.teams.SaveWorker(WorkerInput{ID: f.anna.ID, Name: "Anna Berg", Initials: "AB",
		Role: string(domain.RoleICMWorker), FTE: 0.12, Active: true}))
	f.gitte = mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Gitte Ravn", CPR: "010190-1234"}))
	f.course = mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: f.gitte.ID, WorkerID: f.anna.ID,
		StartDate: "2026-11-01", OverrideReason: "Gitte kender Anna fra væresteddet"}))
	mustFn[TeamSettingsDTO](t)(f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueNone, LockMinutes: 10}))
	return f
}

func overridesOf(t *testing.T, ov TeamOverviewDTO, workerID uint) []OverrideDTO {
	t.Helper()
	for _, c := range ov.Caseloads {
		if c.Worker.ID == workerID {
			return c.Overrides
		}
	}
	t.Fatalf("no caseload for worker %d", workerID)
	return nil
}

// The caseload overview shows a worker the override rows (citizen name and reason) only of
// the citizens the team lets them see; the caseload figures stay.
func TestCaseloadOverviewHidesColleaguesCitizens(t *testing.T) {
	f := newHiddenTeam(t)
	f.signIn(t, "jonas", "første kode 123")
	ov := mustFn[TeamOverviewDTO](t)(f.teams.TeamOverview())
	if rows := overridesOf(t, ov, f.anna.ID); len(rows) != 0 {
		t.Fatalf("a hidden citizen's override is shown to a colleague: %+v", rows)
	}
	for _, c := range ov.Caseloads {
		if c.Worker.ID == f.anna.ID && (c.Open != 1 || !c.Over) {
			t.Fatalf("Anna's caseload = %+v", c)
		}
	}
	f.signIn(t, "anna", "første kode 123")
	if rows := overridesOf(t, mustFn[TeamOverviewDTO](t)(f.teams.TeamOverview()), f.anna.ID); len(rows) != 1 ||
		rows[0].CitizenName != "Gitte Ravn" {
		t.Fatalf("Anna's own override rows = %+v", rows)
	}
	// With read-only access, colleagues read the row as they read the citizen.
	f.signIn(t, "mette", leadPassword)
	mustFn[TeamSettingsDTO](t)(f.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueReadOnly, LockMinutes: 10}))
	f.signIn(t, "jonas", "første kode 123")
	if rows := overridesOf(t, mustFn[TeamOverviewDTO](t)(f.teams.TeamOverview()), f.anna.ID); len(rows) != 1 {
		t.Fatalf("read-only colleague's override rows = %+v", rows)
	}
}

// "This CPR number is already here" tells a worker nothing about a citizen hidden from
// them: the answer does not say a citizen has it, and the try is logged for the team lead.
func TestCPRTakenByAHiddenCitizen(t *testing.T) {
	f := newHiddenTeam(t)
	f.signIn(t, "jonas", "første kode 123")
	_, err := f.citizens.SaveCitizen(CitizenInput{Name: "Ny Borger", CPR: "0101901234"})
	wantField(t, err, "cpr", domain.CodeCPRUnavailable)
	f.signIn(t, "anna", "første kode 123")
	_, err = f.citizens.SaveCitizen(CitizenInput{Name: "Ny Borger", CPR: "0101901234"})
	wantField(t, err, "cpr", domain.CodeDuplicateCPR)
	f.signIn(t, "mette", leadPassword)
	p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{CitizenID: f.gitte.ID, WorkerID: f.jonas.ID}))
	if len(p.Entries) != 1 || p.Entries[0].Object != "cpr" || p.Entries[0].Action != AuditSearch {
		t.Fatalf("the CPR try is not logged: %+v", p.Entries)
	}
}

// A handover file for a citizen hidden from the worker shows nothing of the citizen here,
// and only a team lead may import it.
func TestImportOfAHiddenCitizenNeedsTheLead(t *testing.T) {
	from := newDataFixture(t) // Åse Ærø Łukasz, CPR 010190-1234
	path := handoverFile(t, from, from.active.ID)
	f := newHiddenTeam(t)
	svc := NewCitizenDataService(f.d, &dataDesktop{dir: t.TempDir()})
	f.signIn(t, "jonas", "første kode 123")
	_, err := svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
	de := wantCode(t, err, domain.CodeImportNeedsLead)
	if strings.Contains(de.Error(), "Gitte") || len(de.Params) != 0 {
		t.Fatalf("the refusal tells about the citizen here: %v %v", de, de.Params)
	}
	// Anna, whose citizen it is, sees the match.
	f.signIn(t, "anna", "første kode 123")
	pre := mustFn[ImportPreviewDTO](t)(svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase}))
	if pre.Citizen.ExistingName != "Gitte Ravn" {
		t.Fatalf("preview for the citizen's own worker = %+v", pre.Citizen)
	}
	// The team lead may import it.
	f.signIn(t, "mette", leadPassword)
	pre = mustFn[ImportPreviewDTO](t)(svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase}))
	if pre.Citizen.ExistingID != f.gitte.ID {
		t.Fatalf("preview for the lead = %+v", pre.Citizen)
	}
}

// A hidden citizen with the same name as the file's citizen is not pointed out to a worker.
func TestImportSameNameOfAHiddenCitizen(t *testing.T) {
	from := newDataFixture(t)
	path := handoverFile(t, from, from.active.ID)
	f := newHiddenTeam(t)
	f.signIn(t, "mette", leadPassword)
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: f.gitte.ID, Name: "Gitte Ravn", CPR: "020290-1234"}))
	other := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø Łukasz"}))
	mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: other.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	svc := NewCitizenDataService(f.d, &dataDesktop{dir: filepath.Join(t.TempDir())})
	f.signIn(t, "jonas", "første kode 123")
	pre := mustFn[ImportPreviewDTO](t)(svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase}))
	for _, c := range pre.Conflicts {
		if c.Kind == ConflictSameName {
			t.Fatalf("a hidden citizen's name is pointed out: %+v", c)
		}
	}
}
