package service

import (
	"context"
	"sort"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// housingEntries gives the stored entries to the domain's rules.
func housingEntries(rows []store.HousingEvent) []domain.HousingEntry {
	out := make([]domain.HousingEntry, 0, len(rows))
	for i := range rows {
		out = append(out, housingEntry(&rows[i]))
	}
	return out
}

// housingRowEntries is housingEntries for the rows of the history list.
func housingRowEntries(rows []store.HousingEventRow) []domain.HousingEntry {
	out := make([]domain.HousingEntry, 0, len(rows))
	for i := range rows {
		out = append(out, housingEntry(&rows[i].HousingEvent))
	}
	return out
}

func housingEntry(e *store.HousingEvent) domain.HousingEntry { return e.DomainEntry() }

func idOf(p *uint) uint {
	if p == nil {
		return 0
	}
	return *p
}

// syncCitizenHousing keeps the citizen's copy of the housing in force in step with the
// history; every write to the history calls it in the same transaction.
func syncCitizenHousing(ctx context.Context, tx *store.Store, citizenID uint, now time.Time) error {
	return tx.SyncCitizenHousing(ctx, citizenID, now)
}

// writeStepHousing keeps a course's start or close entry as its step says: dated the course
// start or end, with the step's situation and note. A start without either has no entry.
func writeStepHousing(ctx context.Context, tx *store.Store, c *store.Course, kind domain.HousingKind,
	date, housing, note string, by uint, now time.Time) error {
	old, err := tx.StepHousingEvent(ctx, c.ID, string(kind))
	if err != nil {
		return err
	}
	switch {
	case housing == "" && note == "":
		if old == nil {
			return nil
		}
		if err := tx.DeleteStepHousingEvent(ctx, c.ID, string(kind)); err != nil {
			return err
		}
	case old == nil:
		id := c.ID
		e := &store.HousingEvent{CitizenID: c.CitizenID, CourseID: &id, Date: date, Housing: housing, Note: note,
			Kind: string(kind), RecordedBy: workerRef(by), CreatedAt: now}
		if err := tx.AddHousingEvent(ctx, e); err != nil {
			return err
		}
	case old.Date != date || old.Housing != housing || old.Note != note:
		old.Date, old.Housing, old.Note, old.RecordedBy = date, housing, note, workerRef(by)
		if err := tx.UpdateStepHousingEvent(ctx, old); err != nil {
			return err
		}
	default:
		return nil
	}
	return syncCitizenHousing(ctx, tx, c.CitizenID, now)
}

// moveStartHousing dates a course's start entry anew when the course's start date changes.
func moveStartHousing(ctx context.Context, tx *store.Store, c *store.Course, now time.Time) error {
	old, err := tx.StepHousingEvent(ctx, c.ID, string(domain.HousingKindStart))
	if err != nil || old == nil || old.Date == c.StartDate {
		return err
	}
	old.Date = c.StartDate
	if err := tx.UpdateStepHousingEvent(ctx, old); err != nil {
		return err
	}
	return syncCitizenHousing(ctx, tx, c.CitizenID, now)
}

// workerRef is the worker who made an entry; the command line and the demo data are none.
func workerRef(id uint) *uint {
	if id == 0 {
		return nil
	}
	return &id
}

// housingHistoryDTO builds the history as the UI lists it, newest first.
func housingHistoryDTO(citizenID uint, rows []store.HousingEventRow) HousingHistoryDTO {
	entries := housingRowEntries(rows)
	before := domain.HousingBefore(entries)
	inForce := map[uint]bool{}
	for _, e := range domain.EffectiveHousing(entries) {
		inForce[e.ID] = true
	}
	out := HousingHistoryDTO{CitizenID: citizenID, Entries: make([]HousingEntryDTO, 0, len(rows))}
	var curID uint
	if cur, ok := domain.CurrentHousing(entries); ok {
		curID, out.Current, out.Since = cur.ID, string(cur.Housing), cur.Date.Format(domain.DateLayout)
	}
	byCorrected := map[uint]*store.HousingEventRow{}
	for i := range rows {
		if rows[i].CorrectsID != nil {
			byCorrected[*rows[i].CorrectsID] = &rows[i]
		}
	}
	for _, r := range rows {
		if r.Kind == string(domain.HousingKindWithdrawal) {
			continue // shown on the entry it withdraws
		}
		if r.ID == curID {
			out.CurrentNote = r.Note
		}
		d := HousingEntryDTO{ID: r.ID, Date: r.Date, Housing: r.Housing, Note: r.Note, Kind: r.Kind,
			CourseID: idOf(r.CourseID), CorrectsID: idOf(r.CorrectsID), InForce: inForce[r.ID],
			RecordedBy: r.RecordedByInitials, CreatedAt: isoTime(&r.CreatedAt)}
		if d.InForce {
			d.From = string(before[r.ID])
			d.Correctable = domain.HousingKind(r.Kind).Correctable()
		}
		if c := byCorrected[r.ID]; c != nil {
			if c.Kind == string(domain.HousingKindWithdrawal) {
				d.Withdrawn, d.WithdrawnNote, d.WithdrawnAt, d.WithdrawnBy = true, c.Note, isoTime(&c.CreatedAt), c.RecordedByInitials
			} else {
				d.CorrectedBy = c.ID
			}
		}
		out.Entries = append(out.Entries, d)
	}
	sort.SliceStable(out.Entries, func(i, j int) bool {
		a, b := out.Entries[i], out.Entries[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.ID > b.ID
	})
	return out
}
