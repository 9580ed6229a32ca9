package service

import (
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CaseloadAssignmentDTO is one of the assignments that took a worker over the ceiling:
// the course, when it was given to the worker and on whose laptop.
type CaseloadAssignmentDTO struct {
	CourseID    uint   `json:"courseId"`
	CitizenID   uint   `json:"citizenId"`
	CitizenName string `json:"citizenName"`
	At          string `json:"at"`         // ISO, UTC
	ByName      string `json:"byName"`     // the worker of the laptop that made it ("" when unknown)
	Laptop      string `json:"laptop"`     // that laptop's name
	ThisLaptop  bool   `json:"thisLaptop"` // made here and not yet sent to the team folder
}

// CaseloadWarningDTO says that a worker holds more citizens than the ceiling allows without
// a team lead's recorded override: by how many, and the latest assignments that together
// made it so (each laptop kept the ceiling on its own; the team folder joined them).
type CaseloadWarningDTO struct {
	WorkerID    uint                    `json:"workerId"`
	WorkerName  string                  `json:"workerName"`
	Open        int                     `json:"open"`
	Max         int                     `json:"max"`
	Over        int                     `json:"over"`
	Assignments []CaseloadAssignmentDTO `json:"assignments"`
}

// CaseloadWarnings is for the team lead: every active worker over the caseload ceiling by
// more than the lead's recorded overrides explain, counted over the whole team's courses
// (every laptop's, as the team folder brought them). The latest over+1 assignments are
// named: with the ceiling kept on each laptop, they are the ones made apart that together
// broke it. Logged as a list entry per citizen named.
func (s *ConflictService) CaseloadWarnings() ([]CaseloadWarningDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return nil, err
	}
	ctx := s.ctx()
	workers, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, err
	}
	rows, err := st.OpenAssignments(ctx)
	if err != nil {
		return nil, err
	}
	byWorker := map[uint][]store.Assignment{}
	for _, r := range rows {
		byWorker[r.WorkerID] = append(byWorker[r.WorkerID], r)
	}
	names := newConflictNames(ctx, st)
	out := []CaseloadWarningDTO{}
	var entries []store.AuditEntry
	for _, w := range workers {
		open := byWorker[w.ID]
		ceiling := domain.FTE(w.FTEHundredths).MaxCaseload()
		overrides := 0
		for _, o := range open {
			if o.Override {
				overrides++
			}
		}
		over := len(open) - ceiling
		if !w.Active || over <= overrides {
			continue
		}
		warn := CaseloadWarningDTO{WorkerID: w.ID, WorkerName: w.Name, Open: len(open), Max: ceiling, Over: over}
		latest := open[max(0, len(open)-over-1):]
		for _, o := range latest {
			as := CaseloadAssignmentDTO{CourseID: o.CourseID, CitizenID: o.CitizenID, CitizenName: o.CitizenName}
			if o.HLC == "" {
				as.ThisLaptop, as.At = true, o.CreatedAt.UTC().Format(time.RFC3339)
			} else {
				as.ByName, as.Laptop, as.At = names.writer(o.HLC)
			}
			warn.Assignments = append(warn.Assignments, as)
			entries = append(entries, auditEntry(a, AuditList, "caseload", o.CitizenID, o.CourseID, "warning"))
		}
		out = append(out, warn)
	}
	return out, st.AppendAudit(ctx, s.now(), entries...)
}
