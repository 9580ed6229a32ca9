package domain

import "time"

// Requirements of steps 2-6. Each names one thing the method asks of the step.
const (
	ReqTopicPrefix Requirement = "topic:" // + topic code, e.g. "topic:housing"

	ReqGoal           Requirement = "goal_in_own_words"
	ReqSubGoal        Requirement = "subgoal"
	ReqSmart          Requirement = "smart_subgoals"
	ReqActivity       Requirement = "activity_plan"
	ReqActionPlanLink Requirement = "action_plan_link"

	ReqNetwork    Requirement = "network"
	ReqCaseworker Requirement = "caseworker_contact"
	ReqMeeting    Requirement = "meeting"

	ReqBarrier        Requirement = "barrier_reviewed"
	ReqBarrierActions Requirement = "barrier_actions"

	ReqEvaluation  Requirement = "evaluation_current"
	ReqWHO5        Requirement = "who5_recent"
	ReqWeeklyCheck Requirement = "weekly_check_recent"
	ReqContact     Requirement = "contact_kept"
)

// check is one requirement and whether it is met.
type check struct {
	req Requirement
	ok  bool
}

func tally(checks []check) Completeness {
	c := Completeness{Total: len(checks), Missing: []Requirement{}}
	for _, ch := range checks {
		if ch.ok {
			c.Done++
		} else {
			c.Missing = append(c.Missing, ch.req)
		}
	}
	return c
}

// AssessmentCompleteness counts the topics that have any text in their latest revision.
func AssessmentCompleteness(filled map[LifeArea]bool) Completeness {
	checks := make([]check, 0, len(AssessmentTopics))
	for _, t := range AssessmentTopics {
		checks = append(checks, check{ReqTopicPrefix + Requirement(t), filled[t]})
	}
	return tally(checks)
}

// PlanFacts is what the planning step's completeness looks at.
type PlanFacts struct {
	Goals         int
	LinkedGoals   int // goals tied to a goal of the § 141 action plan
	SubGoals      int
	SmartSubGoals int // open sub-goals that lack nothing; closed ones count as SMART
	Activities    int
}

// PlanningCompleteness checks the plan: goals in the citizen's words, SMART sub-goals, an
// activity plan and the link to the § 141 action plan.
func PlanningCompleteness(f PlanFacts) Completeness {
	return tally([]check{
		{ReqGoal, f.Goals > 0},
		{ReqSubGoal, f.SubGoals > 0},
		{ReqSmart, f.SubGoals > 0 && f.SmartSubGoals == f.SubGoals},
		{ReqActivity, f.Activities > 0},
		{ReqActionPlanLink, f.LinkedGoals > 0},
	})
}

// CoordinationCompleteness checks the network and that meetings are held.
func CoordinationCompleteness(activeContacts, caseworkers, meetings int) Completeness {
	return tally([]check{
		{ReqNetwork, activeContacts > 0},
		{ReqCaseworker, caseworkers > 0},
		{ReqMeeting, meetings > 0},
	})
}

// AdvocacyCompleteness checks that barriers are looked at and that open ones are acted on.
func AdvocacyCompleteness(cases, openWithoutActions int) Completeness {
	return tally([]check{
		{ReqBarrier, cases > 0},
		{ReqBarrierActions, cases > 0 && openWithoutActions == 0},
	})
}

// FollowUpFacts is what the follow-up step's completeness looks at.
type FollowUpFacts struct {
	EvaluationState EvaluationState
	// Evaluations is how many evaluations are recorded: none is nothing followed up yet.
	Evaluations int
	LastWHO5    *time.Time
	LastWeekly  *time.Time // the Monday of the latest week checked
	ContactOver bool
	// NoContactYet: no note shows the worker keeping the contact since the start.
	NoContactYet bool
}

// WeeklyCheckMaxAgeDays is how old the latest weekly check (its week's Monday) may be: a
// week without a check counts as missing.
const WeeklyCheckMaxAgeDays = 7

// FollowUpCompleteness checks that evaluation, WHO-5, the weekly check and contact are kept
// up. Only what has happened counts: a new course with no evaluation and no contact yet has
// nothing of its follow-up done, even though nothing is overdue.
func FollowUpCompleteness(f FollowUpFacts, today time.Time) Completeness {
	t := Day(today)
	return tally([]check{
		{ReqEvaluation, f.Evaluations > 0 && f.EvaluationState != EvaluationOverdue},
		{ReqWHO5, f.LastWHO5 != nil && !f.LastWHO5.Before(addMonthsClamped(t, -EvaluationIntervalMonths))},
		{ReqWeeklyCheck, f.LastWeekly != nil && !f.LastWeekly.Before(t.AddDate(0, 0, -WeeklyCheckMaxAgeDays))},
		{ReqContact, !f.NoContactYet && !f.ContactOver},
	})
}
