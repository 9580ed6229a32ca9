package service

import (
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

func itoa(n int) string { return strconv.Itoa(n) }

func isoTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func teamDTO(t *store.Team) TeamDTO {
	return TeamDTO{ID: t.ID, Municipality: t.Municipality, Name: t.Name}
}

func workerDTO(w *store.Worker, open int) WorkerDTO {
	fte := domain.FTE(w.FTEHundredths)
	return WorkerDTO{ID: w.ID, Name: w.Name, Initials: w.Initials, Role: w.Role,
		FTE: fte.Fraction(), Active: w.Active, OpenCourses: open, MaxCaseload: fte.MaxCaseload()}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
