package service

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"icm/backend/citizenexport"
	"icm/backend/crypt"
	"icm/backend/domain"
)

// handoverFile exports the fixture's citizen (one course, or all) into a handover file.
func handoverFile(t *testing.T, f *dataFixture, courseID uint) string {
	t.Helper()
	res, err := f.svc.ExportHandover(HandoverExportInput{CitizenID: f.citizen.ID, CourseID: courseID, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	return res.Path
}

// target is an installation that receives handovers.
type target struct {
	*fixture
	svc    *CitizenDataService
	worker WorkerDTO
}

func newTarget(t *testing.T) *target {
	t.Helper()
	to := &target{fixture: newFixture(t)}
	to.svc = NewCitizenDataService(to.d, &dataDesktop{dir: t.TempDir()})
	to.worker = to.fixture.worker(t, "Aisha Berg", "AB", domain.RoleICMWorker, 1)
	return to
}

func (to *target) choices(n int) []ImportCourseChoice {
	out := make([]ImportCourseChoice, n)
	for i := range out {
		out[i] = ImportCourseChoice{Index: i, WorkerID: to.worker.ID}
	}
	return out
}

func TestImportToAnExistingCitizen(t *testing.T) {
	from := newDataFixture(t)
	path := handoverFile(t, from, from.active.ID)

	t.Run("refused while the citizen here has an open course", func(t *testing.T) {
		to := newTarget(t)
		here, err := to.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", CPR: "0101901234", Phone: "11 22 33 44"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := to.courses.CreateCourse(CreateCourseInput{CitizenID: here.ID, WorkerID: to.worker.ID, StartDate: "2026-10-01"}); err != nil {
			t.Fatal(err)
		}
		pre, err := to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
		if err != nil {
			t.Fatal(err)
		}
		if !pre.Blocked || pre.Citizen.ExistingID != here.ID || pre.Citizen.ExistingName != "Åse Ærø" {
			t.Fatalf("preview = %+v", pre)
		}
		if got := conflictKinds(pre); !reflect.DeepEqual(got, []string{"citizen_exists", "citizen_open_course"}) {
			t.Errorf("conflicts = %v", got)
		}
		before := allRows(t, to.d.Store)
		_, err = to.svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
		wantCode(t, err, domain.CodeImportCitizenOpen)
		if after := allRows(t, to.d.Store); !reflect.DeepEqual(after, before) {
			t.Errorf("a refused import changed rows:\n%v\nwas\n%v", after, before)
		}
	})

	t.Run("adds the course when the citizen here has none open, and changes nothing of theirs", func(t *testing.T) {
		to := newTarget(t)
		here, err := to.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", CPR: "010190-1234", Phone: "11 22 33 44"})
		if err != nil {
			t.Fatal(err)
		}
		pre, err := to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
		if err != nil {
			t.Fatal(err)
		}
		if pre.Blocked || !pre.Courses[0].WorkerFound || pre.Courses[0].SuggestedWorkerID != to.worker.ID {
			t.Fatalf("preview = %+v", pre)
		}
		if got := conflictKinds(pre); !reflect.DeepEqual(got, []string{"citizen_exists"}) {
			t.Errorf("conflicts = %v", got)
		}
		out, err := to.svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
		if err != nil {
			t.Fatal(err)
		}
		after, err := to.citizens.GetCitizen(IDInput{ID: here.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !out.Existing || out.CitizenID != here.ID || after.Name != "Åse Ærø" || after.Phone != "11 22 33 44" ||
			after.UpdatedAt != here.UpdatedAt || len(after.Courses) != 1 || after.Courses[0].Status != "active" {
			t.Fatalf("import = %+v, citizen after = %+v", out, after)
		}
		// The same file once more: the course is here already.
		if _, err := NewFollowUpService(to.d).CloseCourse(CloseCourseInput{CourseID: out.CourseIDs[0], EndDate: "2026-11-30",
			Reason: "moved", AfterSupport: "none", HousingAtClose: "own"}); err != nil {
			t.Fatal(err)
		}
		pre, err = to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
		if err != nil {
			t.Fatal(err)
		}
		if got := conflictKinds(pre); !pre.Blocked || !reflect.DeepEqual(got, []string{"citizen_exists", "course_exists"}) {
			t.Errorf("conflicts = %v", got)
		}
		before := allRows(t, to.d.Store)
		_, err = to.svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
		de := wantCode(t, err, domain.CodeImportCourseExists)
		if de.Params["start"] != "2026-03-02" {
			t.Errorf("params = %v", de.Params)
		}
		if after := allRows(t, to.d.Store); !reflect.DeepEqual(after, before) {
			t.Errorf("a refused import changed rows")
		}
	})

	t.Run("a citizen with the same name and no CPR is pointed out", func(t *testing.T) {
		to := newTarget(t)
		if _, err := to.citizens.SaveCitizen(CitizenInput{Name: "åse ærø łukasz"}); err != nil {
			t.Fatal(err)
		}
		pre, err := to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
		if err != nil {
			t.Fatal(err)
		}
		if got := conflictKinds(pre); pre.Blocked || !reflect.DeepEqual(got, []string{"same_name"}) {
			t.Errorf("conflicts = %v, blocked %v", got, pre.Blocked)
		}
	})
}

func TestImportCaseloadAndChoices(t *testing.T) {
	from := newDataFixture(t)
	path := handoverFile(t, from, from.active.ID)
	to := newTarget(t)
	half := to.fixture.worker(t, "Bo Berg", "BB", domain.RoleICMWorker, 0.25) // a ceiling of two citizens
	for _, name := range []string{"Carl Dahl", "Dorte Eg"} {
		if _, err := to.courses.CreateCourse(CreateCourseInput{CitizenID: to.citizen(t, name).ID, WorkerID: half.ID,
			StartDate: "2026-10-01"}); err != nil {
			t.Fatal(err)
		}
	}
	pre, err := to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		choices []ImportCourseChoice
		code    domain.Code
		field   string
	}{
		{"no choice", nil, domain.CodeRequired, "courses.0.workerId"},
		{"no worker", []ImportCourseChoice{{Index: 0}}, domain.CodeRequired, "courses.0.workerId"},
		{"a course the file does not have", []ImportCourseChoice{{Index: 0, WorkerID: to.worker.ID}, {Index: 3, WorkerID: to.worker.ID}},
			domain.CodeInvalidChoice, "courses.1.index"},
		{"unknown worker", []ImportCourseChoice{{Index: 0, WorkerID: 999}}, domain.CodeNotFound, ""},
		{"caseload full", []ImportCourseChoice{{Index: 0, WorkerID: half.ID}}, domain.CodeCaseloadFull, ""},
		{"override recorded by the command line", []ImportCourseChoice{{Index: 0, WorkerID: half.ID,
			OverrideReason: "Kender borgeren"}}, domain.CodeOverrideByLead, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := to.svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: tc.choices})
			if tc.field != "" {
				wantField(t, err, tc.field, tc.code)
				return
			}
			wantCode(t, err, tc.code)
		})
	}
	if n := countRows(t, to.d.Store, "notes"); n != 0 {
		t.Fatalf("refused imports wrote %d notes", n)
	}
	// An ICM worker cannot record an override either.
	worker := Actor{WorkerID: to.worker.ID, Name: to.worker.Name, Role: domain.RoleICMWorker}
	bySvc := NewCitizenDataService(to.as(worker), &dataDesktop{dir: t.TempDir()})
	byPre := mustFn[ImportPreviewDTO](t)(bySvc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase}))
	_, err = bySvc.ConfirmImport(ConfirmImportInput{Token: byPre.Token, Courses: []ImportCourseChoice{{Index: 0, WorkerID: half.ID,
		OverrideReason: "Kender borgeren fra herberget"}}})
	wantCode(t, err, domain.CodeOverrideByLead)
	// The team lead's override lets the full worker take the course.
	leadSvc := NewCitizenDataService(to.as(to.leadActor()), &dataDesktop{dir: t.TempDir()})
	leadPre := mustFn[ImportPreviewDTO](t)(leadSvc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase}))
	out, err := leadSvc.ConfirmImport(ConfirmImportInput{Token: leadPre.Token, Courses: []ImportCourseChoice{{Index: 0, WorkerID: half.ID,
		OverrideReason: "Kender borgeren fra herberget"}}})
	if err != nil {
		t.Fatal(err)
	}
	co, err := to.courses.GetCourse(IDInput{ID: out.CourseIDs[0]})
	if err != nil || co.Worker.ID != half.ID || co.Override == nil || co.Override.Reason != "Kender borgeren fra herberget" {
		t.Fatalf("course after an import over the ceiling: %+v, %v", co, err)
	}
}

func TestImportBadFiles(t *testing.T) {
	from := newDataFixture(t)
	path := handoverFile(t, from, 0)
	sealed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	damaged := bytes.Clone(sealed)
	damaged[len(damaged)-40] ^= 0x01
	var backup bytes.Buffer
	if err := crypt.Seal(&backup, bytes.NewReader([]byte("SQLite format 3")), passphrase, crypt.KindBackup, nil); err != nil {
		t.Fatal(err)
	}
	var notJSON bytes.Buffer
	if err := crypt.Seal(&notJSON, bytes.NewReader([]byte("not a document")), passphrase, crypt.KindHandover, nil); err != nil {
		t.Fatal(err)
	}
	doc, err := citizenexport.Build(t.Context(), from.d.Store, citizenexport.BuildInput{CitizenID: from.citizen.ID,
		Purpose: citizenexport.PurposeHandover})
	if err != nil {
		t.Fatal(err)
	}
	doc.Courses[1].Notes[0].Text = "ok\x00"
	bad, err := citizenexport.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var invalid bytes.Buffer
	if err := crypt.Seal(&invalid, bytes.NewReader(bad), passphrase, crypt.KindHandover, nil); err != nil {
		t.Fatal(err)
	}
	to := newTarget(t)
	for _, tc := range []struct {
		name, path, pass string
		code             domain.Code
	}{
		{"wrong passphrase", path, "forkert adgangsfrase", domain.CodeWrongPassphrase},
		{"damaged", write("damaged.icmhandover", damaged), passphrase, domain.CodeFileDamaged},
		{"cut short", write("short.icmhandover", sealed[:len(sealed)-10]), passphrase, domain.CodeFileDamaged},
		{"not encrypted", write("plain.json", []byte(`{"format":"icm-citizen-export"}`)), passphrase, domain.CodeNotEncrypted},
		{"a backup", write("backup.icmbackup", backup.Bytes()), passphrase, domain.CodeWrongFileKind},
		{"not a citizen export", write("junk.icmhandover", notJSON.Bytes()), passphrase, domain.CodeNotCitizenExport},
		{"invalid content", write("invalid.icmhandover", invalid.Bytes()), passphrase, domain.CodeCitizenExportBad},
		{"missing file", filepath.Join(dir, "gone.icmhandover"), passphrase, domain.CodeNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := to.svc.PreviewImport(PreviewImportInput{Path: tc.path, Passphrase: tc.pass})
			wantCode(t, err, tc.code)
		})
	}
	if n := countRows(t, to.d.Store, "citizens"); n != 0 {
		t.Errorf("bad files created %d citizens", n)
	}
	_, err = from.svc.ExportHandover(HandoverExportInput{CitizenID: from.citizen.ID, Passphrase: "kort"})
	wantCode(t, err, domain.CodeWeakPassphrase)
}

// Only who previewed a file may confirm it, and only for a while.
func TestImportToken(t *testing.T) {
	from := newDataFixture(t)
	path := handoverFile(t, from, from.closed.ID)
	to := newTarget(t)
	pre, err := to.svc.PreviewImport(PreviewImportInput{Path: path, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	_, err = to.svc.ConfirmImport(ConfirmImportInput{Token: "abc", Courses: to.choices(1)})
	wantCode(t, err, domain.CodeImportExpired)
	other := to.d
	other.As = &Actor{WorkerID: to.worker.ID, Name: to.worker.Name, Role: domain.RoleICMWorker}
	as := NewCitizenDataService(other, &dataDesktop{})
	as.pending = to.svc.pending
	_, err = as.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
	wantCode(t, err, domain.CodeImportExpired)
	later := to.d
	later.Clock = func() time.Time { return testNow.Add(importLifetime + time.Minute) }
	old := NewCitizenDataService(later, &dataDesktop{})
	old.pending = to.svc.pending
	_, err = old.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
	wantCode(t, err, domain.CodeImportExpired)
	// A closed course goes to any worker, whatever their caseload.
	out, err := to.svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: to.choices(1)})
	if err != nil || len(out.CourseIDs) != 1 {
		t.Fatalf("import = %+v, %v", out, err)
	}
}
