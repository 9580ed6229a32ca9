package domain

import (
	"strconv"
	"time"
)

// Coordination and advocacy are minimum requirements of their own: the worker coordinates
// the citizen's whole support and treatment (koordinering) and speaks for the citizen
// against the barriers between them and the services (fortalerrolle).

// CoordinationMeetingMonths is how often a course needs a meeting with the network: the
// method asks the worker to coordinate, and a meeting at least every half year shows it.
const CoordinationMeetingMonths = 6

// AdvocacyGraceMonths is how long a new course may go before the barriers the citizen
// meets are recorded: the planning step asks for them early, but not on the first day.
const AdvocacyGraceMonths = 3

// NetworkGraceMonths is how long a new course may go before the citizen's network is
// recorded, as for the barriers: the meeting part of the rule gives CoordinationMeetingMonths.
const NetworkGraceMonths = 3

// Reasons of the coordination and advocacy rules.
const (
	ReasonNoNetwork          FidelityReason = "no_network"            // no active contact in the network after the grace period
	ReasonNetworkNotDue      FidelityReason = "network_not_due"       // young course, no network recorded yet (passes)
	ReasonMeetingOverdue     FidelityReason = "meeting_overdue"       // no coordination meeting within the period
	ReasonFirstMeetingNotDue FidelityReason = "first_meeting_not_due" // young course, first meeting not yet due (passes)
	ReasonNoBarriers         FidelityReason = "no_barriers"           // no barrier recorded after the grace period
	ReasonBarriersNotDue     FidelityReason = "barriers_not_due"      // young course, nothing recorded yet (passes)
	ReasonBarrierNoAction    FidelityReason = "barrier_no_action"     // an open barrier has nothing done about it
)

// NextCoordinationMeetingDue is CoordinationMeetingMonths after the latest meeting, or after
// the course start when there has been none.
func NextCoordinationMeetingDue(start time.Time, lastMeeting *time.Time) time.Time {
	from := Day(start)
	if lastMeeting != nil && Day(*lastMeeting).After(from) {
		from = Day(*lastMeeting)
	}
	return addMonthsClamped(from, CoordinationMeetingMonths)
}

// CheckCoordination: the citizen's network is recorded (at least one active contact) and a
// coordination meeting has been held within the last CoordinationMeetingMonths; a course
// younger than that passes until its first meeting is due, and one younger than
// NetworkGraceMonths passes without a network. Due today still passes.
func CheckCoordination(activeNetwork int, start time.Time, lastMeeting *time.Time, today time.Time) FidelityResult {
	if activeNetwork <= 0 {
		due := addMonthsClamped(Day(start), NetworkGraceMonths)
		if Day(today).After(due) {
			return result(RuleCoordination, StepCoordination, false, ReasonNoNetwork, "due", due.Format(DateLayout))
		}
		return result(RuleCoordination, StepCoordination, true, ReasonNetworkNotDue, "due", due.Format(DateLayout))
	}
	due := NextCoordinationMeetingDue(start, lastMeeting)
	d, n := due.Format(DateLayout), strconv.Itoa(activeNetwork)
	switch {
	case Day(today).After(due):
		return result(RuleCoordination, StepCoordination, false, ReasonMeetingOverdue, "due", d, "network", n)
	case lastMeeting == nil:
		return result(RuleCoordination, StepCoordination, true, ReasonFirstMeetingNotDue, "due", d, "network", n)
	}
	return result(RuleCoordination, StepCoordination, true, ReasonOK, "due", d, "network", n)
}

// CheckAdvocacy: the barriers between the citizen and the services are recorded, and every
// barrier that is not resolved has something written about what is done about it. A course
// younger than AdvocacyGraceMonths passes while nothing is recorded yet.
func CheckAdvocacy(barriers, openWithoutActions int, start, today time.Time) FidelityResult {
	b := strconv.Itoa(barriers)
	switch {
	case barriers > 0 && openWithoutActions > 0:
		return result(RuleAdvocacy, StepAdvocacy, false, ReasonBarrierNoAction, "open", strconv.Itoa(openWithoutActions), "barriers", b)
	case barriers > 0:
		return result(RuleAdvocacy, StepAdvocacy, true, ReasonOK, "barriers", b)
	}
	due := addMonthsClamped(Day(start), AdvocacyGraceMonths)
	if Day(today).After(due) {
		return result(RuleAdvocacy, StepAdvocacy, false, ReasonNoBarriers, "due", due.Format(DateLayout))
	}
	return result(RuleAdvocacy, StepAdvocacy, true, ReasonBarriersNotDue, "due", due.Format(DateLayout))
}
