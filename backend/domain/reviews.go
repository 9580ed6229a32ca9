package domain

import "time"

// CaseReviewIntervalMonths is how often each course is discussed at a team meeting: at
// least three times a year (the Copenhagen project: "drøftes de enkelte borgere tre gange
// om året"), so at most four months apart.
const CaseReviewIntervalMonths = 4

// CaseReviewDueSoonDays is how early the overview lists a review as due.
const CaseReviewDueSoonDays = 14

// ReviewState tells whether a course's case review is due soon or overdue.
type ReviewState string

// Review states.
const (
	ReviewOK      ReviewState = "ok"
	ReviewDueSoon ReviewState = "due_soon" // within CaseReviewDueSoonDays
	ReviewOverdue ReviewState = "overdue"
)

// NextCaseReviewDue is four months after the latest case review, or after the course's
// start when there has been none (a review dated before the start does not count).
func NextCaseReviewDue(start time.Time, lastReview *time.Time) time.Time {
	from := Day(start)
	if lastReview != nil && Day(*lastReview).After(from) {
		from = Day(*lastReview)
	}
	return addMonthsClamped(from, CaseReviewIntervalMonths)
}

// CaseReviewStatus places today against the due date: due today is still on time.
func CaseReviewStatus(due, today time.Time) ReviewState {
	t := Day(today)
	switch {
	case t.After(due):
		return ReviewOverdue
	case !t.Before(due.AddDate(0, 0, -CaseReviewDueSoonDays)):
		return ReviewDueSoon
	}
	return ReviewOK
}

// TeamMeetingKind is a team routine recorded for the whole team.
type TeamMeetingKind string

// Team routines of the method and the Copenhagen project.
const (
	MeetingStatus      TeamMeetingKind = "status"      // ugentligt statusmøde
	MeetingSupervision TeamMeetingKind = "supervision" // ekstern supervision
)

// TeamMeetingKinds lists the kinds in UI order.
var TeamMeetingKinds = []TeamMeetingKind{MeetingStatus, MeetingSupervision}

// StatusMeetingMaxDays is how many days may pass between the weekly status meetings
// before the overview says one is missing.
const StatusMeetingMaxDays = 7
