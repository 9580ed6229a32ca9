package service

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"icm/backend/citizenexport"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

func init() { crypt.Default = crypt.Params{MemoryKiB: 1024, Time: 1, Threads: 1} } // the cost is tested in backend/crypt

const passphrase = "hest batteri hæfteklamme"

// dataDesktop answers the dialogs with files in a folder and remembers what it was asked.
type dataDesktop struct {
	dir   string
	open  string // the file the open dialog picks
	names []string
}

func (d *dataDesktop) SavePath(_, name string) (string, error) {
	d.names = append(d.names, name)
	return filepath.Join(d.dir, name), nil
}
func (d *dataDesktop) SaveHandoverPath(_, name string) (string, error) { return d.SavePath("", name) }
func (d *dataDesktop) OpenHandoverPath(string) (string, error)         { return d.open, nil }
func (d *dataDesktop) Open(string) error                               { return nil }

// dataFixture is a team with a worker and one citizen with a closed course and an active
// course in which every step of the method is filled and the plan is signed.
type dataFixture struct {
	*fixture
	svc     *CitizenDataService
	desk    *dataDesktop
	worker  WorkerDTO
	citizen CitizenDTO
	closed  CourseDTO
	active  CourseDTO
}

const markerNote = "Borgeren fortalte om Zylofonvej 12 og sin hund Trofast."

func newDataFixture(t *testing.T) *dataFixture {
	t.Helper()
	f := &dataFixture{fixture: newFixture(t), desk: &dataDesktop{dir: t.TempDir()}}
	f.svc = NewCitizenDataService(f.d, f.desk)
	f.worker = f.fixture.worker(t, "Aisha Berg", "AB", domain.RoleICMWorker, 1)
	c, err := f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø Łukasz", CPR: "010190-1234", Phone: "20 11 22 33",
		Address: "Herberget, Åvej 3", ContactNote: "Ring om formiddagen.", Housing: "shelter"})
	if err != nil {
		t.Fatal(err)
	}
	f.citizen = c
	f.closed = f.startCourse(t, "2025-01-06")
	notes := NewNoteService(asWorker(f.d, f.worker))
	if _, err := notes.SaveNote(NoteInput{CourseID: f.closed.ID, OccurredAt: "2025-01-07T10:00", DurationMinutes: 30,
		Location: "office", Kind: "visit", Text: "Første samtale i det gamle forløb."}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewFollowUpService(f.d).CloseCourse(CloseCourseInput{CourseID: f.closed.ID, EndDate: "2025-02-28",
		Reason: "citizen_ended", AfterSupport: "none", HousingAtClose: "shelter", Note: "Ønskede en pause."}); err != nil {
		t.Fatal(err)
	}
	f.active = f.startCourse(t, "2026-03-02")
	if _, err := f.courses.SaveVisitation(SaveVisitationInput{CourseID: f.active.ID, HousingAtStart: "shelter",
		Needs: []string{"mental_health", "substance"}, TargetGroupReason: "Har brug for støtte over lang tid.",
		Consent: "yes", ConsentForm: "written", ConsentDate: "2026-03-02", ReferralSource: "shelter",
		VisitationDate: "2026-02-25", LegalBasis: "sel_85", ActionPlan: "exists", ActionPlanDate: "2026-02-20"}); err != nil {
		t.Fatal(err)
	}
	if err := demoFullCourse(f.d, f.active.ID, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := notes.SaveNote(NoteInput{CourseID: f.active.ID, OccurredAt: "2026-11-20T09:00", DurationMinutes: 20,
		Location: "phone", Kind: "phone_call", Text: markerNote}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewPlanVersionService(f.as(f.leadActor())).SignPlan(SignPlanInput{CourseID: f.active.ID, CitizenDate: "2026-04-01",
		Method: "paper", WorkerDate: "2026-04-01", LeadApproval: true, LeadDate: "2026-04-02",
		CitizenComment: "Uenig i fristen for ADHD-skolen."}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *dataFixture) startCourse(t *testing.T, start string) CourseDTO {
	t.Helper()
	co, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: f.citizen.ID, WorkerID: f.worker.ID, StartDate: start})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.courses.UpdateCourse(UpdateCourseInput{ID: co.ID, WorkerID: f.worker.ID, StartDate: start, Status: "active"}); err != nil {
		t.Fatal(err)
	}
	return co
}

func auditCount(t *testing.T, st *store.Store, f store.FindAudit) int {
	t.Helper()
	rows, err := st.ListAudit(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestExportAccessRequest(t *testing.T) {
	f := newDataFixture(t)
	res, err := f.svc.ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	if err != nil {
		t.Fatal(err)
	}
	if res.Cancelled || !strings.HasSuffix(res.PDFPath, ".pdf") || res.JSONPath != strings.TrimSuffix(res.PDFPath, ".pdf")+".json" {
		t.Fatalf("result = %+v", res)
	}
	if f.desk.names[0] != "Indsigt Åse Ærø Łukasz 2026-12-01.pdf" {
		t.Errorf("suggested name %q", f.desk.names[0])
	}
	for _, p := range []string{res.PDFPath, res.JSONPath} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v; want a 0600 file", p, err, fi.Mode())
		}
	}
	data, err := os.ReadFile(res.JSONPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := citizenexport.Decode(data, testNow)
	if err != nil {
		t.Fatalf("the JSON does not read back: %v", err)
	}
	if doc.Purpose != citizenexport.PurposeAccessRequest || doc.Citizen.CPR != "010190-1234" || len(doc.Courses) != 2 ||
		len(doc.AuditLog) == 0 || doc.App.Version != Version || doc.Source.Team != "ICM-teamet" {
		t.Fatalf("document: purpose %q, cpr %q, %d courses, %d audit entries, app %+v, source %+v", doc.Purpose,
			doc.Citizen.CPR, len(doc.Courses), len(doc.AuditLog), doc.App, doc.Source)
	}
	if n := len(doc.Courses[1].Assessment); n < 12 || len(doc.Courses[1].PlanVersions) != 1 || doc.Courses[0].FollowUp.Closing == nil {
		t.Errorf("course content: %d assessment revisions, %d versions, closing %v", n, len(doc.Courses[1].PlanVersions), doc.Courses[0].FollowUp.Closing)
	}
	// Every note names its author; the corrected one holds both its revisions.
	var corrected *citizenexport.Note
	for i, n := range doc.Courses[1].Notes {
		if strings.HasPrefix(n.Text, "Fandt ham ved torvet") {
			corrected = &doc.Courses[1].Notes[i]
		} else if n.AuthorName != "Aisha Berg" || len(n.Revisions) != 1 {
			t.Errorf("note %q: author %q, %d revisions", n.Text, n.AuthorName, len(n.Revisions))
		}
	}
	if c := corrected; c == nil || c.AuthorName != "Mette Lund" || len(c.Revisions) != 2 || c.Revisions[0].OccurredAt == c.OccurredAt ||
		c.Revisions[1].Reason != "Forkert klokkeslæt" || c.Revisions[1].WorkerName != "Mette Lund" {
		t.Errorf("the corrected note in the JSON: %+v", corrected)
	}
	text := strings.Join(strings.Fields(pdfText(t, res.PDFPath)), " ")
	for _, want := range []string{"skrevet af Aisha Berg", "skrevet af Mette Lund · rettet én gang", "Nr. Gemt Af Begrundelse Notatet",
		"2 01.12.2026 10:00 Mette Lund Forkert", "Indsigt i egne oplysninger", "Åse Ærø Łukasz", "010190-1234", "Forløb 06.01.2025 – 28.02.2025",
		"Forløb 02.03.2026 – igangværende", "1. Målgruppe og visitation", "Herberg eller forsorgshjem",
		"2. Udredning", "Version fra", "Mål 1: Jeg vil bo i min egen lejlighed og passe på den.", "Holde fast rengøringsdag",
		"4. Koordinering", "Lone Bech", "5. Fortalerrolle", "Pensionsafdelingen", "6. Opfølgning", "Evaluering",
		"Trivsel (WHO-5)", "Afslutning af forløbet", "Borgeren ønskede ikke støtten længere", "Journalnotater",
		"Zylofonvej 12", "Underskrevne planer", "Uenig i fristen for ADHD-skolen.", "Hvem har brugt oplysningerne",
		"Mette Lund", "Kommandolinje (IT) så"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// An evaluation names its sub-goals by what they say, not by an id.
	followUp := text[strings.LastIndex(text, "6. Opfølgning"):] // the active course, with the evaluations
	if eval := followUp[:strings.Index(followUp, "Journalnotater")]; !strings.Contains(eval, "Skrive et brev til sønnen") {
		t.Errorf("the evaluations do not name their sub-goals:\n%.600s", eval)
	}
	exports, err := f.d.Store.ListAudit(context.Background(), store.FindAudit{CitizenID: f.citizen.ID, Action: AuditExport})
	if err != nil || len(exports) != 1 || exports[0].Object != "access_request" || !strings.HasPrefix(exports[0].Detail, "courses=2 notes=") {
		t.Fatalf("audit entries of the export: %+v, %v", exports, err)
	}
}

func TestAccessRequestRules(t *testing.T) {
	f := newDataFixture(t)
	colleague := f.fixture.worker(t, "Jonas Ravn", "JR", domain.RoleICMWorker, 1)
	as := f.d
	as.As = &Actor{WorkerID: colleague.ID, Name: colleague.Name, Role: domain.RoleICMWorker}
	_, err := NewCitizenDataService(as, f.desk).ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	wantCode(t, err, domain.CodeReadOnlyAccess) // a colleague's citizen: read-only by default
	_, err = f.svc.ExportAccessRequest(CitizenIDInput{})
	wantField(t, err, "citizenId", domain.CodeRequired)
	_, err = f.svc.ExportAccessRequest(CitizenIDInput{CitizenID: 999})
	wantCode(t, err, domain.CodeNotFound)
	cancel := &cancelDesktop{}
	res, err := NewCitizenDataService(f.d, cancel).ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	if err != nil || !res.Cancelled {
		t.Fatalf("cancelled dialog: %+v, %v", res, err)
	}
	if n := auditCount(t, f.d.Store, store.FindAudit{Action: AuditExport}); n != 0 {
		t.Errorf("%d exports logged for a cancelled dialog and refusals", n)
	}
}

// cancelDesktop is a user who closes every dialog.
type cancelDesktop struct{}

func (cancelDesktop) SavePath(string, string) (string, error)         { return "", nil }
func (cancelDesktop) SaveHandoverPath(string, string) (string, error) { return "", nil }
func (cancelDesktop) OpenHandoverPath(string) (string, error)         { return "", nil }
func (cancelDesktop) Open(string) error                               { return nil }

// comparableDTO is a DTO as JSON without the installation's ids and the worker, which an
// import changes on purpose.
func comparableDTO(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	var strip func(any) any
	strip = func(x any) any {
		switch v := x.(type) {
		case map[string]any:
			for k := range v {
				if k == "id" || strings.HasSuffix(k, "Id") || k == "worker" || k == "readOnly" {
					delete(v, k)
				} else {
					v[k] = strip(v[k])
				}
			}
		case []any:
			for i := range v {
				v[i] = strip(v[i])
			}
		}
		return x
	}
	out, _ := json.MarshalIndent(strip(x), "", " ")
	return string(out)
}

// courseDTOs reads a course through every service the wizard uses.
func courseDTOs(t *testing.T, d Deps, courseID uint) map[string]any {
	t.Helper()
	id := IDInput{ID: courseID}
	out := map[string]any{}
	must := func(name string, v any, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	v, err := NewCourseService(d).GetVisitation(id)
	must("visitation", v, err)
	a, err := NewAssessmentService(d).GetAssessment(id)
	must("assessment", a, err)
	p, err := NewPlanningService(d).GetPlan(id)
	must("plan", p, err)
	c, err := NewCoordinationService(d).GetCoordination(id)
	must("coordination", c, err)
	ad, err := NewAdvocacyService(d).GetAdvocacy(id)
	must("advocacy", ad, err)
	fu, err := NewFollowUpService(d).GetFollowUp(id)
	must("followUp", fu, err)
	n, err := NewNoteService(d).ListNotes(id)
	must("notes", n, err)
	versions := NewPlanVersionService(d)
	list, err := versions.ListVersions(id)
	must("versions", list, err)
	for i, s := range list {
		full, err := versions.GetVersion(IDInput{ID: s.ID})
		must("version "+itoa(i), full, err)
	}
	co, err := NewCourseService(d).GetCourse(id)
	co.Override = nil // decided again by the caseload rule here
	must("course", co, err)
	return out
}

// A handover exported here and imported into a fresh installation gives the same course
// content, step by step, as the wizard's services read it.
func TestHandoverRoundTrip(t *testing.T) {
	from := newDataFixture(t)
	res, err := from.svc.ExportHandover(HandoverExportInput{CitizenID: from.citizen.ID, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	if res.Courses != 2 || !strings.HasSuffix(res.Path, ".icmhandover") {
		t.Fatalf("export = %+v", res)
	}
	sealed, err := os.ReadFile(res.Path)
	if err != nil || !strings.HasPrefix(string(sealed), crypt.Magic) || strings.Contains(string(sealed), "Zylofonvej") {
		t.Fatalf("the handover file is not sealed: %v", err)
	}
	if n := auditCount(t, from.d.Store, store.FindAudit{CitizenID: from.citizen.ID, Action: AuditExport}); n != 1 {
		t.Errorf("%d export entries, want 1", n)
	}

	to := newFixture(t)
	karin := to.worker(t, "Karin Holm", "KH", domain.RoleICMWorker, 1)
	desk := &dataDesktop{dir: t.TempDir(), open: res.Path}
	svc := NewCitizenDataService(to.d, desk)
	file, err := svc.ChooseHandoverFile()
	if err != nil || file.Path != res.Path || file.Name != filepath.Base(res.Path) {
		t.Fatalf("ChooseHandoverFile = %+v, %v", file, err)
	}
	pre, err := svc.PreviewImport(PreviewImportInput{Path: file.Path, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	if pre.Blocked || pre.Citizen.Name != "Åse Ærø Łukasz" || pre.Citizen.CPRMasked != "010190-••••" ||
		pre.Citizen.ExistingID != 0 || len(pre.Courses) != 2 || pre.Source != "Solvang Kommune · ICM-teamet" {
		t.Fatalf("preview = %+v", pre)
	}
	c := pre.Courses[1]
	if c.Status != "active" || c.Counts.Notes != 6 || c.Counts.Goals != 3 || c.Counts.SubGoals != 5 || c.Counts.Evaluations != 2 ||
		c.Counts.PlanVersions != 1 || c.WorkerName != "Aisha Berg" || c.WorkerFound {
		t.Errorf("course preview = %+v", c)
	}
	if got := conflictKinds(pre); !reflect.DeepEqual(got, []string{"worker_missing", "worker_missing"}) {
		t.Errorf("conflicts = %v", got)
	}
	if n := countRows(t, to.d.Store, "notes"); n != 0 {
		t.Fatalf("the preview wrote %d notes", n)
	}
	out, err := svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: []ImportCourseChoice{
		{Index: 0, WorkerID: karin.ID}, {Index: 1, WorkerID: karin.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Existing || len(out.CourseIDs) != 2 {
		t.Fatalf("import = %+v", out)
	}
	for i, id := range []uint{from.closed.ID, from.active.ID} {
		want, got := courseDTOs(t, from.d, id), courseDTOs(t, to.d, out.CourseIDs[i])
		for step := range want {
			if a, b := comparableDTO(t, got[step]), comparableDTO(t, want[step]); a != b {
				t.Errorf("course %d, %s after the import:\n%s\nwant:\n%s", i, step, a, b)
			}
		}
	}
	cit, err := to.citizens.GetCitizen(IDInput{ID: out.CitizenID})
	if err != nil || cit.Name != from.citizen.Name || cit.CPR != "010190-1234" || cit.ContactNote != "Ring om formiddagen." ||
		cit.Courses[0].WorkerName != "Karin Holm" {
		t.Fatalf("citizen after import: %+v, %v", cit, err)
	}
	imports, err := to.d.Store.ListAudit(context.Background(), store.FindAudit{CitizenID: out.CitizenID, Action: AuditImport})
	if err != nil || len(imports) != 3 {
		t.Fatalf("import entries: %+v, %v", imports, err)
	}
	// The token is spent: confirming again imports nothing twice.
	_, err = svc.ConfirmImport(ConfirmImportInput{Token: pre.Token, Courses: []ImportCourseChoice{{Index: 0, WorkerID: karin.ID}, {Index: 1, WorkerID: karin.ID}}})
	wantCode(t, err, domain.CodeImportExpired)
	// The same file again: the citizen is here with an open course now.
	again, err := svc.PreviewImport(PreviewImportInput{Path: file.Path, Passphrase: passphrase})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Blocked || again.Citizen.ExistingID != out.CitizenID {
		t.Errorf("second preview = %+v", again)
	}
}

func conflictKinds(p ImportPreviewDTO) []string {
	out := []string{}
	for _, c := range p.Conflicts {
		out = append(out, c.Kind)
	}
	return out
}

func countRows(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// allRows counts every table's rows, to show that a refused import changed nothing.
func allRows(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		tables = append(tables, n)
	}
	_ = rows.Close()
	out := map[string]int{}
	for _, name := range tables {
		out[name] = countRows(t, st, name)
	}
	return out
}

// The PDF and the JSON go together: when the JSON cannot be written, the PDF is removed
// and nothing is logged as exported.
func TestAccessRequestWritesBothFilesOrNeither(t *testing.T) {
	f := newDataFixture(t)
	if err := os.Mkdir(filepath.Join(f.desk.dir, "Indsigt Åse Ærø Łukasz 2026-12-01.json"), 0o700); err != nil {
		t.Fatal(err) // a folder where the JSON file should go
	}
	_, err := f.svc.ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	wantCode(t, err, domain.CodeExportFailed)
	if _, err := os.Stat(filepath.Join(f.desk.dir, "Indsigt Åse Ærø Łukasz 2026-12-01.pdf")); !os.IsNotExist(err) {
		t.Errorf("the PDF is left behind: %v", err)
	}
	if n := auditCount(t, f.d.Store, store.FindAudit{Action: AuditExport}); n != 0 {
		t.Errorf("%d exports logged", n)
	}
}

// The access request names the characters its PDF could not print as written.
func TestAccessRequestReportsReplacedCharacters(t *testing.T) {
	f := newDataFixture(t)
	res, err := f.svc.ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	if err != nil || len(res.ReplacedChars) != 0 {
		t.Fatalf("plain names: %+v, %v", res.ReplacedChars, err)
	}
	in := CitizenInput{ID: f.citizen.ID, Name: "Åse Ærø 🌻", CPR: f.citizen.CPR}
	if _, err := f.citizens.SaveCitizen(in); err != nil {
		t.Fatal(err)
	}
	res, err = f.svc.ExportAccessRequest(CitizenIDInput{CitizenID: f.citizen.ID})
	if err != nil || len(res.ReplacedChars) != 1 || res.ReplacedChars[0] != "🌻" {
		t.Fatalf("replaced = %q, %v; want the sunflower", res.ReplacedChars, err)
	}
}
