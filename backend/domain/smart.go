package domain

import (
	"strings"
	"time"
)

// SubGoalStatus is how far a SMART sub-goal has come.
type SubGoalStatus string

// Sub-goal statuses.
const (
	SubGoalNotStarted SubGoalStatus = "not_started"
	SubGoalInProgress SubGoalStatus = "in_progress"
	SubGoalAchieved   SubGoalStatus = "achieved"
	SubGoalAdjusted   SubGoalStatus = "adjusted"
	SubGoalDropped    SubGoalStatus = "dropped"
)

// SubGoalStatuses lists the statuses in UI order.
var SubGoalStatuses = []SubGoalStatus{SubGoalNotStarted, SubGoalInProgress, SubGoalAchieved,
	SubGoalAdjusted, SubGoalDropped}

// Open reports whether the sub-goal is still being worked on.
func (s SubGoalStatus) Open() bool {
	return s == SubGoalNotStarted || s == SubGoalInProgress || s == SubGoalAdjusted
}

// SmartLack names one SMART property a sub-goal lacks.
type SmartLack string

// The five SMART properties, as what is missing.
const (
	LackSpecific   SmartLack = "not_specific" // S: what will happen is not described concretely
	LackMeasurable SmartLack = "no_measure"   // M: no way to see that it is reached
	LackOwner      SmartLack = "no_owner"     // A: nobody has agreed to do it
	LackRelevant   SmartLack = "not_relevant" // R: not tied to a goal in the citizen's words
	LackDeadline   SmartLack = "no_deadline"  // T: no date, or the date has passed while open
)

// SubGoal is what the SMART check looks at.
type SubGoal struct {
	What      string
	Measure   string
	Owner     string
	GoalWords string // the parent goal in the citizen's own words
	Deadline  *time.Time
	Status    SubGoalStatus
}

// minSpecificWords is how many words "what" needs before it reads as concrete.
const minSpecificWords = 3

// SmartCheck lists what a sub-goal lacks of the five SMART properties, in S-M-A-R-T order.
// It is advice for the worker, never a reason to refuse saving.
func SmartCheck(g SubGoal, today time.Time) []SmartLack {
	var out []SmartLack
	if len(strings.Fields(g.What)) < minSpecificWords {
		out = append(out, LackSpecific)
	}
	if strings.TrimSpace(g.Measure) == "" {
		out = append(out, LackMeasurable)
	}
	if strings.TrimSpace(g.Owner) == "" {
		out = append(out, LackOwner)
	}
	if strings.TrimSpace(g.GoalWords) == "" {
		out = append(out, LackRelevant)
	}
	if g.Deadline == nil || (g.Status.Open() && g.Deadline.Before(Day(today))) {
		out = append(out, LackDeadline)
	}
	return out
}
