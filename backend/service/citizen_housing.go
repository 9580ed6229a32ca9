package service

import (
	"context"
	"icm/backend/domain"
	"icm/backend/store"
)

// GetHousingHistory returns a citizen's housing history, newest first.
func (s *CitizenService) GetHousingHistory(in IDInput) (HousingHistoryDTO, error) {
	st, a, err := s.viewCitizen(in.ID, "housing")
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	return s.housingHistory(st, a, in.ID)
}

func (s *CitizenService) housingHistory(st *store.Store, a Actor, citizenID uint) (HousingHistoryDTO, error) {
	rows, err := st.ListHousingEvents(s.ctx(), citizenID)
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	out := housingHistoryDTO(citizenID, rows)
	out.ReadOnly = s.citizenUse(st, a, citizenID, writeAccess) != nil
	return out, nil
}

// RecordHousing registers a move or a new housing situation in the citizen's history, dated
// the day it began (today at the latest). With CorrectsID it corrects an earlier move
// instead: the new entry replaces it, and the old one stays visible as corrected.
func (s *CitizenService) RecordHousing(in HousingInput) (HousingHistoryDTO, error) {
	st, a, err := s.changeCitizen(in.CitizenID)
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	var p domain.Problems
	date := domain.ParseDate(&p, "date", in.Date, true, domain.MinCourseDate, s.today())
	housing := domain.OneOf(&p, "housing", domain.Housing(in.Housing), domain.Housings, true)
	note := domain.CleanText(&p, "note", in.Note, domain.MaxHousingNote, false)
	if err := p.Err(); err != nil {
		return HousingHistoryDTO{}, err
	}
	now := s.now()
	e := &store.HousingEvent{CitizenID: in.CitizenID, Date: date.Format(domain.DateLayout), Housing: string(housing),
		Note: note, Kind: string(domain.HousingKindMove), RecordedBy: workerRef(a.WorkerID), CreatedAt: now}
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		if in.CorrectsID != 0 {
			if err := s.correctable(tx, in.CitizenID, in.CorrectsID); err != nil {
				return nil, err
			}
			id := in.CorrectsID
			e.CorrectsID = &id
		}
		if err := tx.AddHousingEvent(ctx, e); err != nil {
			return nil, err
		}
		action, detail := AuditCreate, "entry "+itoa(int(e.ID))
		if in.CorrectsID != 0 {
			action, detail = AuditChange, detail+" corrects entry "+itoa(int(in.CorrectsID))
		}
		return []store.AuditEntry{auditEntry(a, action, "housing", in.CitizenID, 0, detail)},
			syncCitizenHousing(ctx, tx, in.CitizenID, now)
	})
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	return s.housingHistory(st, a, in.CitizenID)
}

// WithdrawHousing takes back a move registered by mistake. The entry stays in the list,
// marked as withdrawn with the reason given, and no longer counts.
func (s *CitizenService) WithdrawHousing(in HousingWithdrawInput) (HousingHistoryDTO, error) {
	st, a, err := s.changeCitizen(in.CitizenID)
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	var p domain.Problems
	note := domain.CleanText(&p, "note", in.Note, domain.MaxHousingNote, true)
	if err := p.Err(); err != nil {
		return HousingHistoryDTO{}, err
	}
	now := s.now()
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		if err := s.correctable(tx, in.CitizenID, in.ID); err != nil {
			return nil, err
		}
		id := in.ID
		e := &store.HousingEvent{CitizenID: in.CitizenID, Date: s.today().Format(domain.DateLayout), Note: note,
			Kind: string(domain.HousingKindWithdrawal), CorrectsID: &id, RecordedBy: workerRef(a.WorkerID), CreatedAt: now}
		if err := tx.AddHousingEvent(ctx, e); err != nil {
			return nil, err
		}
		return []store.AuditEntry{auditEntry(a, AuditChange, "housing", in.CitizenID, 0,
			"entry "+itoa(int(e.ID))+" withdraws entry "+itoa(int(in.ID)))}, syncCitizenHousing(ctx, tx, in.CitizenID, now)
	})
	if err != nil {
		return HousingHistoryDTO{}, err
	}
	return s.housingHistory(st, a, in.CitizenID)
}

// changeCitizen checks that the actor may change the citizen's data.
func (s *CitizenService) changeCitizen(citizenID uint) (*store.Store, Actor, error) {
	st, err := s.ready()
	if err != nil {
		return nil, Actor{}, err
	}
	a, _ := s.actor()
	if citizenID == 0 {
		var p domain.Problems
		p.Add("citizenId", domain.CodeRequired)
		return nil, a, p.Err()
	}
	if _, err := st.GetCitizen(s.ctx(), citizenID); err != nil {
		return nil, a, err
	}
	return st, a, s.citizenUse(st, a, citizenID, writeAccess)
}

// correctable checks that an entry of the citizen's may be corrected or withdrawn: a move
// (or the carried-over housing) that nothing has corrected yet.
func (s *CitizenService) correctable(tx *store.Store, citizenID, id uint) error {
	old, err := tx.GetHousingEvent(s.ctx(), id)
	if err != nil {
		return err
	}
	if old.CitizenID != citizenID {
		return domain.E(domain.CodeNotFound, "the entry is another citizen's")
	}
	if !domain.HousingKind(old.Kind).Correctable() {
		return domain.E(domain.CodeHousingEntryOfStep, "a course step's entry is changed in its step")
	}
	if done, err := tx.HousingCorrected(s.ctx(), id); err != nil {
		return err
	} else if done {
		return domain.E(domain.CodeHousingCorrected, "the entry has been corrected already")
	}
	return nil
}
