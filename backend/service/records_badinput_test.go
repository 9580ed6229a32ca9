package service

import (
	"math"
	"strings"
	"testing"

	"icm/backend/domain"
)

// bad input to the new methods gets a clear code (never internal/storage) and
// writes nothing.
func TestBadInputNewMethods(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø"}))
	other := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bent Bo"}))
	co := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: cit.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	co2 := mustFn[CourseDTO](t)(f.courses.CreateCourse(CreateCourseInput{CitizenID: other.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"}))
	note := mustFn[NoteDTO](t)(f.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", Location: "home", Kind: "visit", Text: "Besøg"}))
	mustFn[VisitationDTO](t)(f.courses.SaveVisitation(SaveVisitationInput{CourseID: co.ID, HousingAtStart: string(domain.HousingShelter)}))
	hist := mustFn[HousingHistoryDTO](t)(f.citizens.GetHousingHistory(IDInput{ID: cit.ID}))
	var startEntry uint
	for _, e := range hist.Entries {
		if e.Kind == string(domain.HousingKindStart) {
			startEntry = e.ID
		}
	}
	if startEntry == 0 {
		t.Fatalf("no start entry: %+v", hist)
	}
	otherHist := mustFn[HousingHistoryDTO](t)(f.citizens.RecordHousing(HousingInput{CitizenID: other.ID, Date: "2026-11-10", Housing: string(domain.HousingOwn)}))
	otherEntry := otherHist.Entries[0].ID
	big := uint(1) << 63
	maxID := uint(math.MaxUint64)
	okNote := func(n NoteInput) NoteInput {
		if n.CourseID == 0 {
			n.CourseID = co.ID
		}
		if n.OccurredAt == "" {
			n.OccurredAt = "2026-11-21T10:00"
		}
		n.Location, n.Kind = "home", "visit"
		if n.Text == "" {
			n.Text = "tekst"
		}
		return n
	}
	cases := []struct {
		name string
		call func() error
	}{
		{"NoteRevisions 0", func() error { _, err := f.notes.NoteRevisions(IDInput{}); return err }},
		{"NoteRevisions 2^63", func() error { _, err := f.notes.NoteRevisions(IDInput{ID: big}); return err }},
		{"NoteRevisions max", func() error { _, err := f.notes.NoteRevisions(IDInput{ID: maxID}); return err }},
		{"SaveNote id 2^63", func() error { _, err := f.notes.SaveNote(okNote(NoteInput{ID: big})); return err }},
		{"SaveNote course 2^63", func() error { _, err := f.notes.SaveNote(okNote(NoteInput{CourseID: big})); return err }},
		{"SaveNote other course's note", func() error { _, err := f.notes.SaveNote(okNote(NoteInput{ID: note.ID, CourseID: co2.ID})); return err }},
		{"SaveNote RTL mark", func() error { _, err := f.notes.SaveNote(okNote(NoteInput{Text: "a\u202eb"})); return err }},
		{"SaveNote NUL", func() error { _, err := f.notes.SaveNote(okNote(NoteInput{Text: "a\x00b"})); return err }},
		{"SaveNote huge", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{Text: strings.Repeat("x", 1<<20)}))
			return err
		}},
		{"SaveNote reason huge", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{ID: note.ID, Text: "ny", Reason: strings.Repeat("x", 10000)}))
			return err
		}},
		{"SaveNote reason newline", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{ID: note.ID, Text: "ny", Reason: "a\nb"}))
			return err
		}},
		{"SaveNote year 0001", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{OccurredAt: "0001-01-01T00:00"}))
			return err
		}},
		{"SaveNote year 9999", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{OccurredAt: "9999-12-31T23:59"}))
			return err
		}},
		{"SaveNote tomorrow", func() error {
			_, err := f.notes.SaveNote(okNote(NoteInput{OccurredAt: "2026-12-02T00:00"}))
			return err
		}},
		{"RecordHousing citizen 0", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{Date: "2026-11-20", Housing: "own"})
			return err
		}},
		{"RecordHousing citizen 2^63", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: big, Date: "2026-11-20", Housing: "own"})
			return err
		}},
		{"RecordHousing year 0001", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "0001-01-01", Housing: "own"})
			return err
		}},
		{"RecordHousing year 9999", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "9999-12-31", Housing: "own"})
			return err
		}},
		{"RecordHousing tomorrow", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-12-02", Housing: "own"})
			return err
		}},
		{"RecordHousing unknown housing", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-20", Housing: "castle"})
			return err
		}},
		{"RecordHousing note RTL", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-20", Housing: "own", Note: "x\u202ey"})
			return err
		}},
		{"RecordHousing corrects start entry", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-20", Housing: "own", CorrectsID: startEntry})
			return err
		}},
		{"RecordHousing corrects other citizen's", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-20", Housing: "own", CorrectsID: otherEntry})
			return err
		}},
		{"RecordHousing corrects 2^63", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: cit.ID, Date: "2026-11-20", Housing: "own", CorrectsID: big})
			return err
		}},
		{"WithdrawHousing start entry", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: cit.ID, ID: startEntry, Note: "fejl"})
			return err
		}},
		{"WithdrawHousing no note", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: other.ID, ID: otherEntry})
			return err
		}},
		{"WithdrawHousing id 0", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: other.ID, Note: "fejl"})
			return err
		}},
		{"WithdrawHousing max id", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: other.ID, ID: maxID, Note: "fejl"})
			return err
		}},
		{"GetHousingHistory max", func() error { _, err := f.citizens.GetHousingHistory(IDInput{ID: maxID}); return err }},
	}
	before := tableCounts(t, f.path)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			code := domain.CodeOf(err)
			if err == nil {
				t.Fatal("accepted")
			}
			if code == domain.CodeInternal || code == "" || strings.Contains(string(code), "storage") {
				t.Fatalf("unclear error %v (code %q)", err, code)
			}
			t.Logf("%s: %v", c.name, err)
		})
	}
	if after := tableCounts(t, f.path); after != before {
		t.Errorf("bad input wrote data: %s, before %s", after, before)
	}
}
