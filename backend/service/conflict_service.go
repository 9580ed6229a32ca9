package service

import (
	"context"
	"fmt"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/syncstore"
)

// ConflictService shows the fields two laptops changed at once while offline (the value
// every laptop agrees on and the values that lost, kept by the team folder sync) and lets
// the course's owner, the colleague covering for them or a team lead decide them.
type ConflictService struct{ base }

// NewConflictService builds the service.
func NewConflictService(d Deps) *ConflictService { return &ConflictService{base{d}} }

// List gives the conflicts the signed-in worker may resolve: a worker those of the
// citizens they may change (their own courses' and those they cover for today), a team
// lead every one, team-level data included. It is logged as one list entry per citizen.
func (s *ConflictService) List(in ConflictListInput) ([]ConflictDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	a, _ := s.actor()
	out, err := s.list(st, a, in)
	if err != nil {
		return nil, err
	}
	var entries []store.AuditEntry
	seen := map[uint]bool{}
	for _, c := range out {
		if c.CitizenID != 0 && !seen[c.CitizenID] {
			seen[c.CitizenID] = true
			entries = append(entries, auditEntry(a, AuditList, "conflict", c.CitizenID, c.CourseID, ""))
		}
	}
	return out, st.AppendAudit(s.ctx(), s.now(), entries...)
}

// Count is how many conflicts the signed-in worker may resolve (no citizen data: not logged).
func (s *ConflictService) Count() (ConflictCountDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ConflictCountDTO{}, err
	}
	a, _ := s.actor()
	out, err := s.list(st, a, ConflictListInput{})
	return ConflictCountDTO{Count: len(out)}, err
}

// CountConflicts is the number of fields in conflict on this laptop, whoever may resolve
// them (a kept value equal to the current one is not counted): for the sync status page.
func CountConflicts(ctx context.Context, st *store.Store) (int, error) {
	fs, err := keptFields(ctx, st)
	return len(fs), err
}

// Resolve decides one conflict through the ordinary write path: the chosen or merged value
// is written (captured, published and winning on every laptop by its newer stamp) and a
// resolution row removes the kept values of the field here and on every laptop it reaches.
// Only those who may change the citizen's data resolve; team-level data only a team lead.
func (s *ConflictService) Resolve(in ResolveConflictInput) (ConflictCountDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ConflictCountDTO{}, err
	}
	a, _ := s.actor()
	var p domain.Problems
	if in.ID == 0 {
		p.Add("id", domain.CodeRequired)
	}
	switch in.Choice {
	case ConflictKeepCurrent, ConflictTakeKept, ConflictMerge:
	default:
		p.Add("choice", domain.CodeInvalidChoice)
	}
	if err := p.Err(); err != nil {
		return ConflictCountDTO{}, err
	}
	ctx := s.ctx()
	kv, err := st.KeptValueByID(ctx, in.ID)
	if err != nil {
		return ConflictCountDTO{}, err
	}
	t, ok := syncTable(kv.Table)
	if !ok {
		return ConflictCountDTO{}, domain.E(domain.CodeNotFound, "not a synced table")
	}
	sc, err := scopeOf(ctx, st, kv)
	if err != nil {
		return ConflictCountDTO{}, err
	}
	if err := mayResolve(newAccessCheck(ctx, st, a), st, a, sc); err != nil {
		return ConflictCountDTO{}, err
	}
	if leadOnlyColumns[kv.Table+"."+kv.Column] && in.Choice != ConflictKeepCurrent && !a.IsLead() {
		return ConflictCountDTO{}, domain.E(domain.CodeForbidden, "only a team lead changes this field")
	}
	var value any
	write := in.Choice != ConflictKeepCurrent
	switch in.Choice {
	case ConflictTakeKept:
		if value, err = localValue(ctx, st, t, kv.Column, kv.Value); err != nil {
			return ConflictCountDTO{}, err
		}
	case ConflictMerge:
		typ, err := st.ColumnType(ctx, kv.Table, kv.Column)
		if err != nil {
			return ConflictCountDTO{}, err
		}
		rule, _ := mergeRuleOf(kv.Table, kv.Column)
		if !mergeable(t, kv.Column, typ) {
			p.Add("choice", domain.CodeInvalidChoice)
			return ConflictCountDTO{}, p.Err()
		}
		value = domain.CleanText(&p, "text", in.Text, rule.max, rule.required)
		if err := p.Err(); err != nil {
			return ConflictCountDTO{}, err
		}
	}
	err = st.Tx(ctx, func(tx *store.Store) error {
		all, err := tx.KeptValuesOf(ctx, kv.UID, kv.Column)
		if err != nil {
			return err
		}
		if len(all) == 0 {
			return domain.E(domain.CodeNotFound, "resolved meanwhile")
		}
		if write {
			if err := tx.SetColumn(ctx, kv.Table, kv.Column, kv.RowID, value, s.now()); err != nil {
				return err
			}
		}
		for _, k := range all {
			if err := tx.AddConflictResolution(ctx, store.ConflictResolution{CitizenID: sc.citizenID, CourseID: sc.courseID,
				Table: k.Table, RowUID: k.UID, Column: k.Column, HLC: k.HLC, Choice: in.Choice, WorkerID: a.WorkerID,
				At: s.now()}); err != nil {
				return err
			}
		}
		return tx.AppendAudit(ctx, s.now(), auditEntry(a, AuditChange, "conflict", sc.citizenID, sc.courseID,
			fmt.Sprintf("%s.%s: %s", kv.Table, kv.Column, in.Choice)))
	})
	if err != nil {
		return ConflictCountDTO{}, err
	}
	return s.Count()
}

// scope is whose data a kept value is, as local ids (0 for none).
type scope struct {
	citizenID, courseID uint
}

func scopeOf(ctx context.Context, st *store.Store, kv store.KeptValue) (scope, error) {
	var sc scope
	var err error
	if kv.CitizenUID != "" {
		if sc.citizenID, err = st.LocalID(ctx, kv.CitizenUID); err != nil {
			return sc, err
		}
	}
	if kv.CourseUID != "" {
		if sc.courseID, err = st.LocalID(ctx, kv.CourseUID); err != nil {
			return sc, err
		}
	}
	return sc, nil
}

// mayResolve: a team lead every conflict; a worker those of citizens they may change now;
// team-level data (no citizen) only a team lead.
func mayResolve(chk *accessCheck, st *store.Store, a Actor, sc scope) error {
	if a.IsLead() {
		return nil
	}
	if sc.citizenID == 0 {
		return domain.E(domain.CodeForbidden, "team-level data: team lead only")
	}
	owners, err := st.CitizenOwners(chk.ctx, sc.citizenID)
	if err != nil {
		return err
	}
	if chk.may(owners, writeAccess) != nil {
		return domain.E(domain.CodeForbidden, "another worker's citizen")
	}
	return nil
}

// syncTable finds a table of the sync registry.
func syncTable(name string) (syncstore.Table, bool) {
	for _, t := range syncstore.Tables() {
		if t.Name == name {
			return t, true
		}
	}
	return syncstore.Table{}, false
}

// refOf returns the reference of a column, if it is one.
func refOf(t syncstore.Table, col string) (syncstore.Ref, bool) {
	for _, r := range t.Refs {
		if r.Col == col {
			return r, true
		}
	}
	return syncstore.Ref{}, false
}

// localValue turns a kept value (references as uids) into what the column holds here.
func localValue(ctx context.Context, st *store.Store, t syncstore.Table, col string, v any) (any, error) {
	_, ok := refOf(t, col)
	uid, isUID := v.(string)
	if !ok || !isUID {
		return v, nil
	}
	id, err := st.LocalID(ctx, uid)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		var p domain.Problems
		p.Add("choice", domain.CodeNotFound) // the row the kept value names is gone
		return nil, p.Err()
	}
	return id, nil
}
