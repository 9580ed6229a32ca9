package service

import (
	"context"
	"strings"

	"icm/backend/citizenexport"
	"icm/backend/domain"
	"icm/backend/store"
)

// How a handover file's citizen, courses and workers are matched with the data here.

// existingCitizen finds the citizen here with the file's CPR number, if any, and whether
// they have an open course.
func existingCitizen(ctx context.Context, st *store.Store, cpr string) (*store.CitizenRow, error) {
	if cpr == "" {
		return nil, nil
	}
	rows, err := st.ListCitizens(ctx)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if rows[i].CPR != nil && *rows[i].CPR == cpr {
			return &rows[i], nil
		}
	}
	return nil, nil
}

// matchWorker suggests the active worker here for a course's worker: the same name, or
// else the same initials.
func matchWorker(workers []store.Worker, w citizenexport.Worker) *store.Worker {
	for i := range workers {
		if domain.FoldForSearch(workers[i].Name) == domain.FoldForSearch(w.Name) {
			return &workers[i]
		}
	}
	for i := range workers {
		if w.Initials != "" && strings.EqualFold(workers[i].Initials, w.Initials) {
			return &workers[i]
		}
	}
	return nil
}

// sameStart reports a course of the citizen here that starts on the same day as one in
// the file: most likely the same handover imported twice.
func sameStart(ctx context.Context, st *store.Store, citizenID uint, doc *citizenexport.Document) (string, bool, error) {
	courses, err := st.ListCourses(ctx, store.FindCourse{CitizenID: &citizenID})
	if err != nil {
		return "", false, err
	}
	for _, here := range courses {
		for _, c := range doc.Courses {
			if here.StartDate == c.StartDate {
				return c.StartDate, true, nil
			}
		}
	}
	return "", false, nil
}
