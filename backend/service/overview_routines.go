package service

import (
	"sort"
	"time"

	"icm/backend/domain"
)

// contactIntensityRows lists the courses with a contact frequency agreed today, those
// below it in their latest judged week first (then by name, as facts come).
func contactIntensityRows(facts []*courseFacts) []ContactIntensityRowDTO {
	out := []ContactIntensityRowDTO{}
	for _, f := range facts {
		fu := f.followUp
		if fu.FrequencyNow == nil {
			continue
		}
		row := ContactIntensityRowDTO{CourseRefDTO: f.ref(), Frequency: *fu.FrequencyNow}
		for i := len(fu.ContactWeeks) - 1; i >= 0; i-- {
			if w := fu.ContactWeeks[i]; domain.WeekState(w.State).Judged() {
				row.LastWeek = &w
				break
			}
		}
		out = append(out, row)
	}
	below := func(r ContactIntensityRowDTO) bool {
		return r.LastWeek != nil && r.LastWeek.State == string(domain.WeekBelow)
	}
	sort.SliceStable(out, func(i, j int) bool { return below(out[i]) && !below(out[j]) })
	return out
}

// caseReviewRows lists the courses whose case review is due soon or overdue, the most
// overdue first.
func caseReviewRows(facts []*courseFacts, now time.Time) []CaseReviewDueDTO {
	out := []CaseReviewDueDTO{}
	for _, f := range facts {
		fu := f.followUp
		if fu.CaseReviewState != string(domain.ReviewDueSoon) && fu.CaseReviewState != string(domain.ReviewOverdue) {
			continue
		}
		due, _ := time.Parse(domain.DateLayout, fu.NextCaseReviewDue)
		out = append(out, CaseReviewDueDTO{CourseRefDTO: f.ref(), LastReview: fu.LastCaseReview, DueDate: fu.NextCaseReviewDue,
			State: fu.CaseReviewState, Days: int(due.Sub(domain.Day(now)).Hours() / 24)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Days < out[j].Days })
	return out
}
