package service

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/store"
)

func newTemplateFixture(t *testing.T) (*fixture, *TemplateService, *fakeDesktop) {
	t.Helper()
	f := newFixture(t)
	desk := &fakeDesktop{path: filepath.Join(t.TempDir(), "skabelon")}
	return f, NewTemplateService(f.as(f.leadActor()), desk), desk // the team lead signs
}

func elementOf(t *testing.T, tpl TemplateDTO, code string) TemplateElementDTO {
	t.Helper()
	for _, e := range tpl.Elements {
		if e.Element == code {
			return e
		}
	}
	t.Fatalf("element %s missing", code)
	return TemplateElementDTO{}
}

func TestTemplateStartsEmptyInTheTemplatesOrder(t *testing.T) {
	_, s, _ := newTemplateFixture(t)
	tpl, err := s.GetTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if len(tpl.Elements) != 16 || tpl.Completeness != (TemplateCompletenessDTO{Agreed: 0, Total: 16}) || len(tpl.Versions) != 0 {
		t.Fatalf("fresh template = %+v", tpl)
	}
	for i, e := range tpl.Elements {
		if e.Element != string(domain.TemplateElements[i]) || e.Status != "not_started" || e.Answer != "" || e.UpdatedAt != "" {
			t.Errorf("element %d = %+v", i, e)
		}
	}
	if tpl.Elements[0].Element != "target_group" || tpl.Elements[15].Element != "view_of_citizen" {
		t.Errorf("order: first %s, last %s", tpl.Elements[0].Element, tpl.Elements[15].Element)
	}
}

func TestSaveElementRoundTrip(t *testing.T) {
	_, s, _ := newTemplateFixture(t)
	answer := "Vi tager borgere fra herberget på Åvej 🙂\nHøjst 40 borgere."
	tpl, err := s.SaveElement(TemplateElementInput{Element: "target_group", Answer: "  " + answer + "  ", Status: "agreed"})
	if err != nil {
		t.Fatal(err)
	}
	e := elementOf(t, tpl, "target_group")
	if e.Answer != answer || e.Status != "agreed" || e.UpdatedAt != "2026-12-01T10:00:00Z" {
		t.Fatalf("saved = %+v", e)
	}
	if tpl.Completeness.Agreed != 1 {
		t.Errorf("agreed = %d, want 1", tpl.Completeness.Agreed)
	}
	if _, err := s.SaveElement(TemplateElementInput{Element: "target_group", Answer: "Ny tekst", Status: "draft"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if e := elementOf(t, got, "target_group"); e.Answer != "Ny tekst" || e.Status != "draft" {
		t.Fatalf("after second save = %+v", e)
	}
	if got.Completeness.Agreed != 0 {
		t.Errorf("agreed = %d after going back to draft", got.Completeness.Agreed)
	}
}

func TestSaveElementValidation(t *testing.T) {
	_, s, _ := newTemplateFixture(t)
	for _, tc := range []struct {
		name  string
		in    TemplateElementInput
		field string
		code  domain.Code
	}{
		{"unknown element", TemplateElementInput{Element: "caseload", Status: "draft"}, "element", domain.CodeInvalidChoice},
		{"no element", TemplateElementInput{Status: "draft"}, "element", domain.CodeInvalidChoice},
		{"unknown status", TemplateElementInput{Element: "intensity", Status: "done"}, "status", domain.CodeInvalidChoice},
		{"no status", TemplateElementInput{Element: "intensity"}, "status", domain.CodeRequired},
		{"control character", TemplateElementInput{Element: "intensity", Answer: "ugentligt\x00", Status: "draft"}, "answer", domain.CodeInvalidCharacters},
		{"bidi override", TemplateElementInput{Element: "intensity", Answer: "a\u202eb", Status: "draft"}, "answer", domain.CodeInvalidCharacters},
		{"too long", TemplateElementInput{Element: "intensity", Answer: strings.Repeat("æ", domain.MaxTemplateAnswer+1), Status: "draft"}, "answer", domain.CodeTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveElement(tc.in)
			wantField(t, err, tc.field, tc.code)
		})
	}
	// Nothing of the refused saves was stored; the longest allowed answer is.
	tpl, _ := s.GetTemplate()
	if e := elementOf(t, tpl, "intensity"); e.Status != "not_started" || e.Answer != "" {
		t.Fatalf("refused saves stored %+v", e)
	}
	if _, err := s.SaveElement(TemplateElementInput{Element: "intensity", Answer: strings.Repeat("æ", domain.MaxTemplateAnswer), Status: "draft"}); err != nil {
		t.Fatalf("answer of the maximum length: %v", err)
	}
}

func TestSignTemplateSnapshotsAndStaysUnchanged(t *testing.T) {
	f, s, _ := newTemplateFixture(t)
	for _, in := range []TemplateElementInput{
		{Element: "target_group", Answer: "Borgere fra herberget", Status: "agreed"},
		{Element: "availability", Answer: "Hverdage 8-16 og vagttelefon", Status: "agreed"},
		{Element: "location", Answer: "I borgerens hjem", Status: "draft"},
	} {
		if _, err := s.SaveElement(in); err != nil {
			t.Fatal(err)
		}
	}
	v, err := s.SignTemplate(SignTemplateInput{Date: "2026-11-30", Note: "Aftalt på teammødet"})
	if err != nil {
		t.Fatal(err)
	}
	sum := v.Summary
	if sum.VersionNo != 1 || sum.LeadID != f.lead.ID || sum.LeadName != "Mette Lund" || sum.Date != "2026-11-30" ||
		sum.SignedAt != "2026-12-01T10:00:00Z" || sum.Note != "Aftalt på teammødet" || sum.Agreed != 2 || sum.Total != 16 {
		t.Fatalf("summary = %+v", sum)
	}
	if len(v.Elements) != 16 {
		t.Fatalf("%d elements in the snapshot", len(v.Elements))
	}
	if e := v.Elements[4]; e.Element != "availability" || e.Answer != "Hverdage 8-16 og vagttelefon" || e.Status != "agreed" {
		t.Fatalf("snapshot element = %+v", e)
	}

	// Editing the live template afterwards leaves version 1 as it was signed.
	if _, err := s.SaveElement(TemplateElementInput{Element: "availability", Answer: "Døgnet rundt", Status: "draft"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetTemplateVersion(IDInput{ID: sum.ID})
	if err != nil || !reflect.DeepEqual(got, v) {
		t.Fatalf("version 1 after editing = %+v, %v; want %+v", got, err, v)
	}
	tpl, _ := s.GetTemplate()
	if len(tpl.Versions) != 1 || tpl.Versions[0] != sum || elementOf(t, tpl, "availability").Answer != "Døgnet rundt" {
		t.Fatalf("template after editing = %+v", tpl)
	}

	// The database refuses to change or delete the signed row.
	sqlDB, err := f.d.Store.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE template_versions SET snapshot = '{}' WHERE id = ?`,
		`UPDATE template_versions SET note = 'ændret' WHERE id = ?`,
		`DELETE FROM template_versions WHERE id = ?`,
	} {
		if _, err := sqlDB.ExecContext(context.Background(), q, sum.ID); err == nil || !strings.Contains(err.Error(), "template_signed") {
			t.Errorf("%s: err = %v, want the trigger's template_signed", q, err)
		}
	}
	wantCode(t, f.d.Store.Delete(context.Background(), &store.TemplateVersion{}, sum.ID), domain.CodeTemplateSigned)

	// Signing again makes version 2 with the edited answer.
	v2, err := s.SignTemplate(SignTemplateInput{Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if v2.Summary.VersionNo != 2 || v2.Elements[4].Answer != "Døgnet rundt" || v2.Summary.Agreed != 1 {
		t.Fatalf("version 2 = %+v", v2.Summary)
	}
	tpl, _ = s.GetTemplate()
	if len(tpl.Versions) != 2 || tpl.Versions[0].VersionNo != 2 || tpl.Versions[1].VersionNo != 1 {
		t.Fatalf("versions = %+v, want newest first", tpl.Versions)
	}
}

func TestSignTemplateRefusals(t *testing.T) {
	f, s, _ := newTemplateFixture(t)
	worker := f.worker(t, "Ole Berg", "OB", domain.RoleICMWorker, 1)
	former := f.worker(t, "Lis Holm", "LH", domain.RoleTeamLead, 1)
	former.Active = false
	if _, err := f.teams.SaveWorker(WorkerInput{ID: former.ID, Name: former.Name, Initials: former.Initials,
		Role: former.Role, FTE: former.FTE, Active: false}); err != nil {
		t.Fatal(err)
	}
	// The signer is the acting team lead: not an ICM worker, a lead made inactive, an
	// unknown worker or the command line, whatever they send.
	for name, by := range map[string]Actor{
		"an ICM worker":    {WorkerID: worker.ID, Name: worker.Name, Role: domain.RoleICMWorker},
		"an inactive lead": {WorkerID: former.ID, Name: former.Name, Role: domain.RoleTeamLead},
		"an unknown lead":  {WorkerID: 999, Name: "Ukendt", Role: domain.RoleTeamLead},
		"the command line": commandLine,
	} {
		t.Run("signed by "+name, func(t *testing.T) {
			_, err := NewTemplateService(f.as(by), nil).SignTemplate(SignTemplateInput{Date: "2026-12-01"})
			wantCode(t, err, domain.CodeForbidden)
		})
	}
	for _, tc := range []struct {
		name  string
		in    SignTemplateInput
		field string
		code  domain.Code
	}{
		{"a future date", SignTemplateInput{Date: "2026-12-02"}, "date", domain.CodeDateOutOfRange},
		{"no date", SignTemplateInput{}, "date", domain.CodeRequired},
		{"a bad date", SignTemplateInput{Date: "1.12.2026"}, "date", domain.CodeInvalidDate},
		{"a control character", SignTemplateInput{Date: "2026-12-01", Note: "ok\x07"}, "note", domain.CodeInvalidCharacters},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SignTemplate(tc.in)
			wantField(t, err, tc.field, tc.code)
		})
	}
	if tpl, _ := s.GetTemplate(); len(tpl.Versions) != 0 {
		t.Fatalf("refused signatures stored %d versions", len(tpl.Versions))
	}
	_, err := s.GetTemplateVersion(IDInput{ID: 1})
	wantCode(t, err, domain.CodeNotFound)
}

func TestTemplatePDF(t *testing.T) {
	_, s, desk := newTemplateFixture(t)
	if _, err := s.SaveElement(TemplateElementInput{Element: "target_group", Answer: "Borgere fra herberget på Åvej", Status: "agreed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveElement(TemplateElementInput{Element: "view_of_citizen", Answer: "Vi ser på ressourcerne først", Status: "draft"}); err != nil {
		t.Fatal(err)
	}

	// The live template is a draft.
	res, err := s.SaveTemplatePDF(ExportTemplateInput{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != desk.path+".pdf" || res.Cancelled {
		t.Fatalf("result = %+v", res)
	}
	draft := squash(pdfText(t, res.Path))
	for _, want := range []string{"Solvang Kommune · ICM-teamet", "FORTROLIGT", "Metodeskabelon for ICM",
		"KLADDE – ikke underskrevet", "Aftalte elementer", "1 af 16", "1. Målgruppe", "Fast krav til metoden",
		"borgere med sammensatte problemer", "Sådan gør vi i praksis", "Borgere fra herberget på Åvej",
		"Status: Aftalt", "Status: Udkast", "Status: Ikke startet", "Ikke beskrevet endnu.",
		"2. Tilknytning af borger til case manager", "12. Afvejning af støttebehov og risiko for at passivere borgeren",
		"16. Syn på borgeren", "Vi ser på ressourcerne først", "er ikke underskrevet", "Side 1 af",
		// the guiding questions, element 3 as the method names it, and "important" is not "must"
		"Spørgsmål at drøfte", "Hvor mange borgere regner I med, at målgruppen omfatter?",
		"Hvordan sørger I for, at udredningen fortsætter, mens borgeren er i ICM",
		"3. Udredning Status", "Det lægger metoden vægt på Det er vigtigt, at case manageren ved så meget som muligt",
		"Det lægger metoden vægt på Det er vigtigt, at borgeren kan få hjælp", "Metodens forslag ICM består af indsatserne"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft PDF lacks %q", want)
		}
	}
	if n := strings.Count(draft, "Spørgsmål at drøfte"); n != 16 {
		t.Errorf("%d elements have their questions, want 16", n)
	}
	if n := strings.Count(draft, "Fast krav til metoden"); n != 13 {
		t.Errorf("%d requirements printed as a must, want 13", n)
	}
	if strings.Contains(draft, "Udredning før visitation") {
		t.Error("element 3 keeps its old name")
	}

	// A signed version names its signer and date, and is not a draft.
	v, err := s.SignTemplate(SignTemplateInput{Date: "2026-11-30", Note: "Første udgave"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveElement(TemplateElementInput{Element: "target_group", Answer: "Ændret bagefter", Status: "draft"}); err != nil {
		t.Fatal(err)
	}
	desk.path = filepath.Join(t.TempDir(), "v1.pdf")
	res, err = s.SaveTemplatePDF(ExportTemplateInput{VersionID: v.Summary.ID})
	if err != nil {
		t.Fatal(err)
	}
	signed := squash(pdfText(t, res.Path))
	for _, want := range []string{"Metodeskabelon for ICM", "Version 1, underskrevet 30.11.2026", "Underskrevet af teamleder",
		"Mette Lund – 30.11.2026", "Borgere fra herberget på Åvej", "Første udgave", "Side 1 af"} {
		if !strings.Contains(signed, want) {
			t.Errorf("signed PDF lacks %q", want)
		}
	}
	for _, not := range []string{"KLADDE", "Ændret bagefter"} {
		if strings.Contains(signed, not) {
			t.Errorf("signed PDF has %q", not)
		}
	}
	if info, err := os.Stat(res.Path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, %v", info, err)
	}

	// Cancelling the dialog writes nothing; an unknown version is not found.
	desk.path = ""
	if res, err := s.SaveTemplatePDF(ExportTemplateInput{}); err != nil || !res.Cancelled {
		t.Fatalf("cancelled = %+v, %v", res, err)
	}
	_, err = s.SaveTemplatePDF(ExportTemplateInput{VersionID: 99})
	wantCode(t, err, domain.CodeNotFound)
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
