package service

import (
	"context"
	"testing"

	"icm/backend/domain"
	"icm/backend/store"
)

// entryLine is what a test compares of a history entry.
type entryLine struct {
	date, from, housing, kind string
	inForce                   bool
}

func historyLines(h HousingHistoryDTO) []entryLine {
	out := []entryLine{}
	for _, e := range h.Entries {
		out = append(out, entryLine{e.Date, e.From, e.Housing, e.Kind, e.InForce})
	}
	return out
}

func wantLines(t *testing.T, h HousingHistoryDTO, want []entryLine) {
	t.Helper()
	got := historyLines(h)
	if len(got) != len(want) {
		t.Fatalf("history =\n %+v\nwant\n %+v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("history entry %d = %+v, want %+v (all: %+v)", i, got[i], want[i], got)
		}
	}
}

// TestHousingHistoryMovesAndCorrections: a citizen's housing is a dated history; the
// citizen's housing is the entry in force last; a correction or withdrawal keeps the old
// entry visible; every change is logged as "housing".
func TestHousingHistoryMovesAndCorrections(t *testing.T) {
	f := newFixture(t)
	c := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", Housing: "shelter",
		HousingNote: "Herberget på Åvej", HousingDate: "2026-01-05"}))
	if c.Housing != "shelter" || c.HousingNote != "Herberget på Åvej" {
		t.Fatalf("new citizen = %+v", c)
	}
	rec := func(date, housing, note string) HousingHistoryDTO {
		t.Helper()
		return mustFn[HousingHistoryDTO](t)(f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: date, Housing: housing, Note: note}))
	}
	rec("2026-06-01", "own", "Nøgler til egen lejlighed")
	rec("2026-03-01", "temporary", "Akutbolig") // entered late: takes its place by date
	h := rec("2026-11-20", "own_at_risk", "Huslejerestance")
	wantLines(t, h, []entryLine{
		{"2026-11-20", "own", "own_at_risk", "move", true},
		{"2026-06-01", "temporary", "own", "move", true},
		{"2026-03-01", "shelter", "temporary", "move", true},
		{"2026-01-05", "", "shelter", "move", true},
	})
	if h.Current != "own_at_risk" || h.Since != "2026-11-20" || h.CurrentNote != "Huslejerestance" || h.ReadOnly {
		t.Fatalf("current = %q since %q note %q", h.Current, h.Since, h.CurrentNote)
	}
	if got := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: c.ID})); got.Housing != "own_at_risk" || got.HousingNote != "Huslejerestance" {
		t.Fatalf("citizen housing = %q / %q", got.Housing, got.HousingNote)
	}

	// The temporary flat was really from 10 March: a correction replaces it, the old entry stays.
	temp := h.Entries[2]
	h = mustFn[HousingHistoryDTO](t)(f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, CorrectsID: temp.ID,
		Date: "2026-03-10", Housing: "temporary", Note: "Akutbolig (rettet dato)"}))
	wantLines(t, h, []entryLine{
		{"2026-11-20", "own", "own_at_risk", "move", true},
		{"2026-06-01", "temporary", "own", "move", true},
		{"2026-03-10", "shelter", "temporary", "move", true},
		{"2026-03-01", "", "temporary", "move", false},
		{"2026-01-05", "", "shelter", "move", true},
	})
	if h.Entries[3].CorrectedBy != h.Entries[2].ID || h.Entries[2].CorrectsID != temp.ID || h.Entries[3].Correctable {
		t.Fatalf("correction links = %+v / %+v", h.Entries[2], h.Entries[3])
	}
	// The rent arrears were another citizen's: withdrawn, the own home is in force again.
	h = mustFn[HousingHistoryDTO](t)(f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: c.ID, ID: h.Entries[0].ID,
		Note: "Registreret på forkert borger"}))
	if h.Current != "own" || h.Since != "2026-06-01" || !h.Entries[0].Withdrawn || h.Entries[0].InForce ||
		h.Entries[0].WithdrawnNote != "Registreret på forkert borger" || len(h.Entries) != 5 {
		t.Fatalf("after withdrawal: current %q since %q, first %+v", h.Current, h.Since, h.Entries[0])
	}
	if got := mustFn[CitizenDTO](t)(f.citizens.GetCitizen(IDInput{ID: c.ID})); got.Housing != "own" {
		t.Fatalf("citizen housing after withdrawal = %q", got.Housing)
	}

	other := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Bo Berg", Housing: "street"}))
	otherEntry := mustFn[HousingHistoryDTO](t)(f.citizens.GetHousingHistory(IDInput{ID: other.ID})).Entries[0]
	if otherEntry.Date != "2026-12-01" { // no date given: today
		t.Fatalf("first entry without a date = %+v", otherEntry)
	}
	refused := []struct {
		name  string
		call  func() error
		field string
		code  domain.Code
	}{
		{"no date", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Housing: "own"})
			return err
		}, "date", domain.CodeRequired},
		{"a date ahead", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: "2026-12-02", Housing: "own"})
			return err
		}, "date", domain.CodeDateOutOfRange},
		{"no situation", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: "2026-11-01"})
			return err
		}, "housing", domain.CodeRequired},
		{"unknown situation", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: "2026-11-01", Housing: "castle"})
			return err
		}, "housing", domain.CodeInvalidChoice},
		{"withdrawn without a reason", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: c.ID, ID: h.Entries[1].ID})
			return err
		}, "note", domain.CodeRequired},
		{"the housing of a citizen here changes by a move", func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{ID: c.ID, Name: "Åse Ærø", Housing: "street"})
			return err
		}, "housing", domain.CodeHousingThroughMove},
		{"a new citizen's note needs a situation", func() error {
			_, err := f.citizens.SaveCitizen(CitizenInput{Name: "Carl", HousingNote: "Hos søsteren"})
			return err
		}, "housing", domain.CodeRequired},
	}
	for _, r := range refused {
		t.Run(r.name, func(t *testing.T) { wantField(t, r.call(), r.field, r.code) })
	}
	codes := []struct {
		name string
		call func() error
		code domain.Code
	}{
		{"correcting a corrected entry", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: c.ID, CorrectsID: temp.ID, Date: "2026-03-11", Housing: "sofa"})
			return err
		}, domain.CodeHousingCorrected},
		{"withdrawing a withdrawn entry", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: c.ID, ID: h.Entries[0].ID, Note: "igen"})
			return err
		}, domain.CodeHousingCorrected},
		{"another citizen's entry", func() error {
			_, err := f.citizens.WithdrawHousing(HousingWithdrawInput{CitizenID: c.ID, ID: otherEntry.ID, Note: "x"})
			return err
		}, domain.CodeNotFound},
		{"unknown citizen", func() error {
			_, err := f.citizens.RecordHousing(HousingInput{CitizenID: 999, Date: "2026-11-01", Housing: "own"})
			return err
		}, domain.CodeNotFound},
	}
	for _, r := range codes {
		t.Run(r.name, func(t *testing.T) { wantCode(t, r.call(), r.code) })
	}
	// Sending back what the form showed is no change of housing.
	mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{ID: c.ID, Name: "Åse Ærø Holm", Housing: "own", HousingNote: "Nøgler til egen lejlighed"}))
	if n := len(mustFn[HousingHistoryDTO](t)(f.citizens.GetHousingHistory(IDInput{ID: c.ID})).Entries); n != 5 {
		t.Fatalf("%d entries after saving the details, want 5", n)
	}

	rows, err := f.d.Store.ListAudit(context.Background(), store.FindAudit{CitizenID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, r := range rows {
		if r.Object == "housing" {
			actions[r.Action]++
		}
	}
	if actions[AuditCreate] != 4 || actions[AuditChange] != 2 || actions[AuditView] < 1 {
		t.Fatalf("housing audit entries = %v", actions)
	}
}
