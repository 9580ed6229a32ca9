package service

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"icm/backend/domain"
)

// fullVisitation fills every field of the visitation step with valid values.
func fullVisitation(courseID uint) SaveVisitationInput {
	return SaveVisitationInput{
		CourseID: courseID, HousingAtStart: "shelter", HousingNote: "Herberget på Vesterbro",
		Needs: []string{"substance", "debt", "substance", "mental_health", "debt"}, NeedsNote: "Alkohol dagligt",
		TargetGroupReason: "Har brug for vedvarende, intensiv støtte", Consent: "yes", ConsentForm: "written",
		ConsentDate: "2026-11-20", ContactAgreement: "Må ringe til søsteren", ReferralSource: "outreach",
		ReferralNote: "Gadeplansteamet", VisitationDate: "2026-11-21", LegalBasis: "sel_85", LegalNote: "§ 85",
		ActionPlan: "requested", ActionPlanDate: "2026-12-15", ActionPlanCaseworker: "Lars Ørum",
		ActionPlanNote: "Bestilt hos myndighed",
	}
}

func TestSaveVisitationRoundTrip(t *testing.T) {
	f := newFixture(t)
	co := f.course(t, f.lead.ID, "Camilla Frost")
	empty, err := f.courses.GetVisitation(IDInput{ID: co.ID})
	if err != nil {
		t.Fatal(err)
	}
	if c := empty.Completeness; c.Done != 0 || c.Total != 7 || len(c.Missing) != 7 || empty.UpdatedAt != "" ||
		empty.Needs == nil || len(empty.Needs) != 0 {
		t.Fatalf("empty visitation = %+v", empty)
	}
	in := fullVisitation(co.ID)
	saved, err := f.courses.SaveVisitation(in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.courses.GetVisitation(IDInput{ID: co.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved, got) {
		t.Errorf("SaveVisitation returned\n %+v\nbut GetVisitation gives\n %+v", saved, got)
	}
	want := VisitationDTO{CourseID: co.ID, HousingAtStart: in.HousingAtStart, HousingNote: in.HousingNote,
		Needs: []string{"substance", "debt", "mental_health"}, NeedsNote: in.NeedsNote,
		TargetGroupReason: in.TargetGroupReason, Consent: in.Consent, ConsentForm: in.ConsentForm,
		ConsentDate: in.ConsentDate, ContactAgreement: in.ContactAgreement, ReferralSource: in.ReferralSource,
		ReferralNote: in.ReferralNote, VisitationDate: in.VisitationDate, LegalBasis: in.LegalBasis,
		LegalNote: in.LegalNote, ActionPlan: in.ActionPlan, ActionPlanDate: in.ActionPlanDate,
		ActionPlanCaseworker: in.ActionPlanCaseworker, ActionPlanNote: in.ActionPlanNote,
		UpdatedAt:    "2026-12-01T10:00:00Z",
		Completeness: StepStatusDTO{Step: "visitation", Available: true, Done: 7, Total: 7, Percent: 100, Missing: []string{}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GetVisitation =\n %+v\nwant\n %+v", got, want)
	}
	course, err := f.courses.GetCourse(IDInput{ID: co.ID})
	if err != nil || len(course.Steps) != 6 || course.Steps[0].Done != 7 || !course.Steps[1].Available || course.Steps[1].Total != 12 {
		t.Fatalf("course steps = %+v, %v", course.Steps, err)
	}
}

func TestSaveVisitationStoresTextByteForByte(t *testing.T) {
	f := newFixture(t)
	co := f.course(t, f.lead.ID, "Fatima Hassan")
	texts := map[string]string{
		"emoji":      "Glad i dag 😀👍🏽 – vil gerne have egen bolig 🏠",
		"arabic":     "قالت فاطمة إنها تريد شقة",
		"hebrew":     "היא רוצה דירה",
		"decomposed": "A\u030ase og a\u030a", // a + combining ring is stored as the one letter å (NFC)
		"multiline":  "Linje 1\nLinje 2\n\tindrykket",
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			in := SaveVisitationInput{CourseID: co.ID, HousingNote: text, NeedsNote: text, ActionPlanNote: text,
				ActionPlanCaseworker: strings.ReplaceAll(strings.ReplaceAll(text, "\n", " "), "\t", "")}
			if _, err := f.courses.SaveVisitation(in); err != nil {
				t.Fatal(err)
			}
			got, err := f.courses.GetVisitation(IDInput{ID: co.ID})
			if err != nil {
				t.Fatal(err)
			}
			want := norm.NFC.String(text)
			for field, v := range map[string]string{"housingNote": got.HousingNote, "needsNote": got.NeedsNote,
				"actionPlanNote": got.ActionPlanNote} {
				if v != want {
					t.Errorf("%s = %q (% x), want %q (% x)", field, v, v, want, want)
				}
			}
			if got.ActionPlanCaseworker != norm.NFC.String(in.ActionPlanCaseworker) {
				t.Errorf("actionPlanCaseworker = %q, want %q", got.ActionPlanCaseworker, in.ActionPlanCaseworker)
			}
		})
	}
}

func TestSaveVisitationRefusesAndKeepsPrevious(t *testing.T) {
	f := newFixture(t)
	co := f.course(t, f.lead.ID, "Dennis Møller")
	previous := fullVisitation(co.ID)
	if _, err := f.courses.SaveVisitation(previous); err != nil {
		t.Fatal(err)
	}
	before, _ := f.courses.GetVisitation(IDInput{ID: co.ID})
	cases := []struct {
		name  string
		edit  func(in *SaveVisitationInput)
		field string
		code  domain.Code
	}{
		{"unknown need", func(in *SaveVisitationInput) { in.Needs = []string{"debt", "boredom"} }, "needs", domain.CodeInvalidChoice},
		{"empty need", func(in *SaveVisitationInput) { in.Needs = []string{""} }, "needs", domain.CodeRequired},
		{"consent yes without date", func(in *SaveVisitationInput) { in.ConsentDate = "" }, "consentDate", domain.CodeRequired},
		{"consent date tomorrow", func(in *SaveVisitationInput) { in.ConsentDate = "2026-12-02" }, "consentDate", domain.CodeDateOutOfRange},
		{"consent date before 1990", func(in *SaveVisitationInput) { in.ConsentDate = "1989-12-31" }, "consentDate", domain.CodeDateOutOfRange},
		{"Danish date text", func(in *SaveVisitationInput) { in.ConsentDate = "31.02.2026" }, "consentDate", domain.CodeInvalidDate},
		{"31 February", func(in *SaveVisitationInput) { in.VisitationDate = "2026-02-31" }, "visitationDate", domain.CodeInvalidDate},
		{"visitation date too far ahead", func(in *SaveVisitationInput) { in.VisitationDate = "2027-12-03" }, "visitationDate", domain.CodeDateOutOfRange},
		{"action plan date not a date", func(in *SaveVisitationInput) { in.ActionPlanDate = "snart" }, "actionPlanDate", domain.CodeInvalidDate},
		{"5000-character note", func(in *SaveVisitationInput) { in.NeedsNote = strings.Repeat("ø", 5000) }, "needsNote", domain.CodeTooLong},
		{"control character", func(in *SaveVisitationInput) { in.HousingNote = "bor på\x07 herberg" }, "housingNote", domain.CodeInvalidCharacters},
		{"bidi override", func(in *SaveVisitationInput) { in.ContactAgreement = "ok\u202Eon" }, "contactAgreement", domain.CodeInvalidCharacters},
		{"invalid UTF-8", func(in *SaveVisitationInput) { in.LegalNote = "\xff\xfe" }, "legalNote", domain.CodeInvalidCharacters},
		{"newline in one-line field", func(in *SaveVisitationInput) { in.ActionPlanCaseworker = "Lars\nØrum" }, "actionPlanCaseworker", domain.CodeInvalidCharacters},
		{"unknown housing", func(in *SaveVisitationInput) { in.HousingAtStart = "tent" }, "housingAtStart", domain.CodeInvalidChoice},
		{"unknown consent", func(in *SaveVisitationInput) { in.Consent = "maybe" }, "consent", domain.CodeInvalidChoice},
		{"unknown legal basis", func(in *SaveVisitationInput) { in.LegalBasis = "sel_107" }, "legalBasis", domain.CodeInvalidChoice},
		{"valid fields beside one bad one", func(in *SaveVisitationInput) {
			in.HousingAtStart, in.HousingNote, in.Needs = "street", "Sover i opgang", []string{"crime"}
			in.ReferralSource = "police"
		}, "referralSource", domain.CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := previous
			in.Needs = append([]string(nil), previous.Needs...)
			c.edit(&in)
			_, err := f.courses.SaveVisitation(in)
			wantField(t, err, c.field, c.code)
			after, err := f.courses.GetVisitation(IDInput{ID: co.ID})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, after) {
				t.Fatalf("a refused save changed the stored step:\n before %+v\n after  %+v", before, after)
			}
		})
	}
	t.Run("consent date today is allowed", func(t *testing.T) {
		in := previous
		in.ConsentDate = "2026-12-01"
		if _, err := f.courses.SaveVisitation(in); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("consent no and pending need no date but are not complete", func(t *testing.T) {
		for _, consent := range []string{"no", "pending"} {
			in := previous
			in.Consent, in.ConsentDate = consent, ""
			got, err := f.courses.SaveVisitation(in)
			if err != nil || got.Completeness.Done != 6 || fmtMissing(got) != "[consent]" {
				t.Fatalf("consent %s: %+v, %v", consent, got.Completeness, err)
			}
		}
	})
}

func fmtMissing(v VisitationDTO) string { return "[" + strings.Join(v.Completeness.Missing, " ") + "]" }

func TestSaveVisitationOnClosedOrMissingCourse(t *testing.T) {
	f := newFixture(t)
	co := f.course(t, f.lead.ID, "Emil Ærenlund")
	if _, err := f.courses.SaveVisitation(fullVisitation(co.ID)); err != nil {
		t.Fatal(err)
	}
	closeCourse(t, f.d, co.ID, "2026-11-30")
	in := fullVisitation(co.ID)
	in.HousingAtStart = "own"
	_, err := f.courses.SaveVisitation(in)
	wantCode(t, err, domain.CodeCourseClosed)
	if got, _ := f.courses.GetVisitation(IDInput{ID: co.ID}); got.HousingAtStart != "shelter" {
		t.Fatalf("closed course's visitation changed to %q", got.HousingAtStart)
	}
	_, err = f.courses.SaveVisitation(fullVisitation(9999))
	wantCode(t, err, domain.CodeNotFound)
	_, err = f.courses.SaveVisitation(fullVisitation(0))
	wantField(t, err, "courseId", domain.CodeRequired)
}
