package service

import (
	"context"
	"slices"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CoverDTO is a colleague covering for a worker over a period: for all the worker's
// citizens, or for some of them.
type CoverDTO struct {
	ID              uint   `json:"id"`
	WorkerID        uint   `json:"workerId"`
	WorkerName      string `json:"workerName"`
	CoverWorkerID   uint   `json:"coverWorkerId"`
	CoverWorkerName string `json:"coverWorkerName"`
	From            string `json:"from"`
	To              string `json:"to"`
	Note            string `json:"note"`
	Withdrawn       bool   `json:"withdrawn"`
	Current         bool   `json:"current"` // the period covers today and is not withdrawn
	// All is a cover for all the worker's citizens; otherwise CitizenCount of them, named in
	// Citizens for the team lead, the worker and the colleague (hidden from the others).
	All          bool              `json:"all"`
	CitizenCount int               `json:"citizenCount"`
	Citizens     []CoverCitizenDTO `json:"citizens"`
}

// CoverCitizenDTO is one citizen a cover is for.
type CoverCitizenDTO struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// CoverInput sets a colleague (CoverWorkerID) to cover for a worker from From to To: for
// all the worker's citizens, or (Some) for the citizens of the worker's open courses listed
// in CitizenIDs.
type CoverInput struct {
	WorkerID      uint   `json:"workerId"`
	CoverWorkerID uint   `json:"coverWorkerId"`
	From          string `json:"from"`
	To            string `json:"to"`
	Note          string `json:"note"`
	Some          bool   `json:"some"`
	CitizenIDs    []uint `json:"citizenIds"`
}

// maxCoverDays is the longest cover period: a longer absence is a new responsible worker.
const maxCoverDays = 366

// ListCovers lists the cover periods that have not ended (the team's holidays and
// illness): every worker sees them, as they decide who may change which citizens. The
// citizens a cover is for are named to the team lead and the two workers it concerns, and
// that is logged as a use of each named citizen's data.
func (s *TeamService) ListCovers() ([]CoverDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	a, _ := s.actor()
	today := s.today().Format(domain.DateLayout)
	rows, err := st.ListCovers(s.ctx(), today)
	if err != nil {
		return nil, err
	}
	names, err := workerNames(s.ctx(), st)
	if err != nil {
		return nil, err
	}
	out, err := coverSets(s.ctx(), st, a, rows, names, today)
	if err != nil {
		return nil, err
	}
	var entries []store.AuditEntry
	for _, c := range out {
		for _, z := range c.Citizens {
			entries = append(entries, auditEntry(a, AuditList, "cover", z.ID, 0, ""))
		}
	}
	if len(entries) == 0 {
		return out, nil
	}
	return out, st.AppendAudit(s.ctx(), s.now(), entries...)
}

// SaveCover lets a colleague cover for a worker over a period (team lead only): during it
// the colleague may change the worker's citizens (all, or the ones chosen), on every
// laptop of the team. A cover for some citizens is one row per citizen, written together.
func (s *TeamService) SaveCover(in CoverInput) (CoverDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return CoverDTO{}, err
	}
	var p domain.Problems
	today := s.today()
	from := domain.ParseDate(&p, "from", in.From, true, today.AddDate(-1, 0, 0), domain.LatestCourseDate(today))
	to := domain.ParseDate(&p, "to", in.To, true, today.AddDate(-1, 0, 0), domain.LatestCourseDate(today).AddDate(0, 0, maxCoverDays))
	switch {
	case from == nil || to == nil:
	case to.Before(*from):
		p.Add("to", domain.CodeDateOrder)
	case to.Sub(*from) > maxCoverDays*24*time.Hour:
		p.Add("to", domain.CodeOutOfRange, "max", itoa(maxCoverDays))
	}
	if in.WorkerID == 0 {
		p.Add("workerId", domain.CodeRequired)
	}
	if in.CoverWorkerID == 0 {
		p.Add("coverWorkerId", domain.CodeRequired)
	} else if in.CoverWorkerID == in.WorkerID {
		p.Add("coverWorkerId", domain.CodeInvalidChoice)
	}
	citizens := slices.Compact(slices.Sorted(slices.Values(in.CitizenIDs)))
	if in.Some && len(citizens) == 0 {
		p.Add("citizenIds", domain.CodeRequired)
	}
	if !in.Some {
		citizens = nil
	}
	note := domain.CleanLine(&p, "note", in.Note, 200, false)
	if err := p.Err(); err != nil {
		return CoverDTO{}, err
	}
	now := s.now()
	var out CoverDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		if err := checkCoverWorkers(ctx, tx, in); err != nil {
			return nil, err
		}
		for _, id := range citizens {
			owners, err := tx.CitizenOwners(ctx, id)
			if err != nil || !slices.Contains(owners.Open, in.WorkerID) {
				var p domain.Problems
				p.Add("citizenIds", domain.CodeInvalidChoice)
				return nil, p.Err()
			}
		}
		createdBy := a.WorkerID
		rows := make([]store.Cover, 0, max(1, len(citizens)))
		for i := 0; i < max(1, len(citizens)); i++ {
			c := store.Cover{WorkerID: in.WorkerID, CoverWorkerID: in.CoverWorkerID, FromDate: in.From, ToDate: in.To,
				Note: note, CreatedBy: createdBy, CreatedAt: now}
			if len(citizens) > 0 {
				c.CitizenID = &citizens[i]
			}
			if err := tx.CreateCover(ctx, &c); err != nil {
				return nil, err
			}
			rows = append(rows, c)
		}
		names, err := workerNames(ctx, tx)
		if err != nil {
			return nil, err
		}
		sets, err := coverSets(ctx, tx, a, rows, names, today.Format(domain.DateLayout))
		if err != nil || len(sets) != 1 {
			return nil, errOr(err, "cover rows written as more than one set")
		}
		out = sets[0]
		entries := []store.AuditEntry{auditEntry(a, AuditCreate, "cover", 0, 0,
			out.CoverWorkerName+" covers for "+out.WorkerName+" "+in.From+" to "+in.To)}
		for _, z := range citizens {
			entries = append(entries, auditEntry(a, AuditCreate, "cover", z, 0, ""))
		}
		return entries, nil
	})
	return out, err
}

// checkCoverWorkers checks that the worker and the colleague exist and are active.
func checkCoverWorkers(ctx context.Context, tx *store.Store, in CoverInput) error {
	for _, id := range []uint{in.WorkerID, in.CoverWorkerID} {
		w, err := tx.GetWorker(ctx, id)
		if err != nil || !w.Active {
			var p domain.Problems
			field := "workerId"
			if id == in.CoverWorkerID {
				field = "coverWorkerId"
			}
			p.Add(field, domain.CodeNotFound)
			return p.Err()
		}
	}
	return nil
}

// WithdrawCover ends a cover period at once (team lead only), with every row set together
// with it; it stays in the list as withdrawn until its end date has passed.
func (s *TeamService) WithdrawCover(in IDInput) (CoverDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return CoverDTO{}, err
	}
	today := s.today().Format(domain.DateLayout)
	var out CoverDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		c, err := tx.GetCover(ctx, in.ID)
		if err != nil {
			return nil, err
		}
		set, err := tx.CoverSet(ctx, c)
		if err != nil {
			return nil, err
		}
		for i := range set {
			if set[i].Withdrawn {
				continue // withdrawn before: its day stays
			}
			if err := tx.WithdrawCover(ctx, set[i].ID, today); err != nil {
				return nil, err
			}
			set[i].Withdrawn, set[i].WithdrawnOn = true, &today
		}
		names, err := workerNames(ctx, tx)
		if err != nil {
			return nil, err
		}
		sets, err := coverSets(ctx, tx, a, set, names, today)
		if err != nil || len(sets) != 1 {
			return nil, errOr(err, "cover rows withdrawn as more than one set")
		}
		out = sets[0]
		return []store.AuditEntry{auditEntry(a, AuditChange, "cover", 0, 0,
			out.CoverWorkerName+" no longer covers for "+out.WorkerName)}, nil
	})
	return out, err
}

// errOr is err, or an internal error saying what went wrong.
func errOr(err error, what string) error {
	if err != nil {
		return err
	}
	return domain.E(domain.CodeInternal, what)
}

// workerNames maps every worker's id to their name.
func workerNames(ctx context.Context, st *store.Store) (map[uint]string, error) {
	ws, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, err
	}
	out := make(map[uint]string, len(ws))
	for _, w := range ws {
		out[w.ID] = w.Name
	}
	return out, nil
}

// coverSets turns cover rows into the covers the screens show: the rows set together are
// one cover, in the order of their first row. The citizens are named only to the team
// lead and to the worker and colleague the cover concerns.
func coverSets(ctx context.Context, st *store.Store, a Actor, rows []store.Cover, names map[uint]string, today string) ([]CoverDTO, error) {
	var out []CoverDTO
	var firsts []store.Cover
	citizenNames := map[uint]string{}
	for _, c := range rows {
		i := slices.IndexFunc(firsts, func(f store.Cover) bool { return f.SameSet(c) })
		if i < 0 {
			firsts = append(firsts, c)
			out = append(out, coverDTO(c, names, today))
			i = len(out) - 1
		}
		d := &out[i]
		d.ID = min(d.ID, c.ID) // the set's first row names it
		d.Withdrawn = d.Withdrawn && c.Withdrawn
		d.Current = !d.Withdrawn && d.From <= today && today <= d.To
		if c.CitizenID == nil {
			d.All = true
			continue
		}
		d.CitizenCount++
		if !a.IsLead() && a.WorkerID != c.WorkerID && a.WorkerID != c.CoverWorkerID {
			continue
		}
		id := *c.CitizenID
		if _, ok := citizenNames[id]; !ok {
			z, err := st.GetCitizen(ctx, id)
			if err != nil {
				return nil, err
			}
			citizenNames[id] = z.Name
		}
		d.Citizens = append(d.Citizens, CoverCitizenDTO{ID: id, Name: citizenNames[id]})
	}
	for i := range out {
		slices.SortFunc(out[i].Citizens, func(x, y CoverCitizenDTO) int {
			switch {
			case domain.DanishLess(x.Name, y.Name):
				return -1
			case domain.DanishLess(y.Name, x.Name):
				return 1
			}
			return 0
		})
		if out[i].Citizens == nil {
			out[i].Citizens = []CoverCitizenDTO{}
		}
	}
	return out, nil
}

func coverDTO(c store.Cover, names map[uint]string, today string) CoverDTO {
	return CoverDTO{ID: c.ID, WorkerID: c.WorkerID, WorkerName: names[c.WorkerID], CoverWorkerID: c.CoverWorkerID,
		CoverWorkerName: names[c.CoverWorkerID], From: c.FromDate, To: c.ToDate, Note: c.Note, Withdrawn: c.Withdrawn,
		Current: !c.Withdrawn && c.FromDate <= today && today <= c.ToDate}
}
