package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CoverDTO is a colleague covering for a worker over a period.
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
}

// CoverInput sets a colleague (CoverWorkerID) to cover for a worker from From to To.
type CoverInput struct {
	WorkerID      uint   `json:"workerId"`
	CoverWorkerID uint   `json:"coverWorkerId"`
	From          string `json:"from"`
	To            string `json:"to"`
	Note          string `json:"note"`
}

// maxCoverDays is the longest cover period: a longer absence is a new responsible worker.
const maxCoverDays = 366

// ListCovers lists the cover periods that have not ended (the team's holidays and
// illness): every worker sees them, as they decide who may change which citizens.
func (s *TeamService) ListCovers() ([]CoverDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	today := domain.Day(s.now()).Format(domain.DateLayout)
	covers, err := st.ListCovers(s.ctx(), today)
	if err != nil {
		return nil, err
	}
	names, err := workerNames(s.ctx(), st)
	if err != nil {
		return nil, err
	}
	out := make([]CoverDTO, 0, len(covers))
	for _, c := range covers {
		out = append(out, coverDTO(c, names, today))
	}
	return out, nil
}

// SaveCover lets a colleague cover for a worker over a period (team lead only): during it
// the colleague may change the worker's citizens, on every laptop of the team.
func (s *TeamService) SaveCover(in CoverInput) (CoverDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return CoverDTO{}, err
	}
	var p domain.Problems
	today := domain.Day(s.now())
	from := domain.ParseDate(&p, "from", in.From, true, today.AddDate(-1, 0, 0), domain.LatestCourseDate(today))
	to := domain.ParseDate(&p, "to", in.To, true, today.AddDate(-1, 0, 0), domain.LatestCourseDate(today).AddDate(0, 0, maxCoverDays))
	if from != nil && to != nil && (to.Before(*from) || to.Sub(*from) > maxCoverDays*24*time.Hour) {
		p.Add("to", domain.CodeDateOrder)
	}
	if in.WorkerID == 0 {
		p.Add("workerId", domain.CodeRequired)
	}
	if in.CoverWorkerID == 0 {
		p.Add("coverWorkerId", domain.CodeRequired)
	} else if in.CoverWorkerID == in.WorkerID {
		p.Add("coverWorkerId", domain.CodeInvalidChoice)
	}
	note := domain.CleanLine(&p, "note", in.Note, 200, false)
	if err := p.Err(); err != nil {
		return CoverDTO{}, err
	}
	c := &store.Cover{WorkerID: in.WorkerID, CoverWorkerID: in.CoverWorkerID, FromDate: in.From, ToDate: in.To,
		Note: note, CreatedBy: a.WorkerID, CreatedAt: s.now()}
	var out CoverDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		for _, id := range []uint{in.WorkerID, in.CoverWorkerID} {
			w, err := tx.GetWorker(ctx, id)
			if err != nil || !w.Active {
				var p domain.Problems
				field := "workerId"
				if id == in.CoverWorkerID {
					field = "coverWorkerId"
				}
				p.Add(field, domain.CodeNotFound)
				return nil, p.Err()
			}
		}
		if a.WorkerID == 0 {
			c.CreatedBy = 0
		}
		if err := tx.CreateCover(ctx, c); err != nil {
			return nil, err
		}
		names, err := workerNames(ctx, tx)
		if err != nil {
			return nil, err
		}
		out = coverDTO(*c, names, today.Format(domain.DateLayout))
		return []store.AuditEntry{auditEntry(a, AuditCreate, "cover", 0, 0,
			out.CoverWorkerName+" covers for "+out.WorkerName+" "+c.FromDate+" to "+c.ToDate)}, nil
	})
	return out, err
}

// WithdrawCover ends a cover period at once (team lead only); it stays in the list as
// withdrawn until its end date has passed.
func (s *TeamService) WithdrawCover(in IDInput) (CoverDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return CoverDTO{}, err
	}
	var out CoverDTO
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		c, err := tx.GetCover(ctx, in.ID)
		if err != nil {
			return nil, err
		}
		if err := tx.WithdrawCover(ctx, c.ID); err != nil {
			return nil, err
		}
		c.Withdrawn = true
		names, err := workerNames(ctx, tx)
		if err != nil {
			return nil, err
		}
		out = coverDTO(*c, names, domain.Day(s.now()).Format(domain.DateLayout))
		return []store.AuditEntry{auditEntry(a, AuditChange, "cover", 0, 0,
			out.CoverWorkerName+" no longer covers for "+out.WorkerName)}, nil
	})
	return out, err
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

func coverDTO(c store.Cover, names map[uint]string, today string) CoverDTO {
	return CoverDTO{ID: c.ID, WorkerID: c.WorkerID, WorkerName: names[c.WorkerID], CoverWorkerID: c.CoverWorkerID,
		CoverWorkerName: names[c.CoverWorkerID], From: c.FromDate, To: c.ToDate, Note: c.Note, Withdrawn: c.Withdrawn,
		Current: !c.Withdrawn && c.FromDate <= today && today <= c.ToDate}
}
