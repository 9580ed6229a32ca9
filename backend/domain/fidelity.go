package domain

import (
	"strconv"
	"strings"
	"time"
)

// FidelityRule names one of the ICM minimum requirements (mindstekrav) that the data of a
// course can show is kept or not.
type FidelityRule string

// The fidelity rules, in the order the team overview shows them.
const (
	RuleNamedWorker  FidelityRule = "named_worker"  // én bestemt, aktiv kontaktperson
	RuleCaseload     FidelityRule = "caseload"      // højst 8 borgere pr. fuldtidsstilling
	RuleAssessment   FidelityRule = "assessment"    // udredning af alle livsområder og ønsker
	RuleSignedPlan   FidelityRule = "signed_plan"   // plan lavet med borgeren og underskrevet
	RuleActionPlan   FidelityRule = "action_plan"   // planen koordineret med § 141-handleplanen
	RuleCoordination FidelityRule = "coordination"  // netværket kendt og koordineret på møder
	RuleAdvocacy     FidelityRule = "advocacy"      // barrierer registreret og fulgt op (fortalerrolle)
	RuleEvaluation   FidelityRule = "evaluation"    // evaluering mindst hver tredje måned
	RuleContact      FidelityRule = "contact_kept"  // kontakten holdes, også når borgeren trækker sig
	RuleLocal        FidelityRule = "local_contact" // kontakten foregår, hvor borgeren opholder sig
	RuleOwnWords     FidelityRule = "own_words"     // mål med borgerens egne ord (empowerment)
)

// FidelityRules lists every rule in display order.
var FidelityRules = []FidelityRule{RuleNamedWorker, RuleCaseload, RuleAssessment, RuleSignedPlan,
	RuleActionPlan, RuleCoordination, RuleAdvocacy, RuleEvaluation, RuleContact, RuleLocal, RuleOwnWords}

// FixCaseload is where a caseload above the ceiling is fixed: not a step of the course's
// wizard but the team's caseload page, where courses are shared out between the workers.
const FixCaseload Step = "caseload"

// FidelityReason says why a rule passed or failed; the UI turns it into a sentence.
type FidelityReason string

// Reasons. A passing rule has ReasonOK unless a special case explains the pass.
const (
	ReasonOK              FidelityReason = "ok"
	ReasonNoWorker        FidelityReason = "no_worker"         // the course has no worker
	ReasonWorkerInactive  FidelityReason = "worker_inactive"   // the worker has left the team
	ReasonOverCeiling     FidelityReason = "over_ceiling"      // caseload above floor(8 × FTE)
	ReasonOverWithReason  FidelityReason = "over_with_reason"  // above the ceiling; a reason is recorded
	ReasonAreasMissing    FidelityReason = "areas_missing"     // some life areas or the wishes lack text
	ReasonNotSigned       FidelityReason = "not_signed"        // no signed plan version
	ReasonNoActionPlan    FidelityReason = "no_action_plan"    // no § 141 plan exists yet
	ReasonNotLinked       FidelityReason = "not_linked"        // a § 141 plan exists, no goal tied to it
	ReasonPlanDeclined    FidelityReason = "declined"          // the citizen declined a § 141 plan (passes)
	ReasonEvalOverdue     FidelityReason = "overdue"           // the evaluation is past its due date
	ReasonFirstNotDue     FidelityReason = "first_not_due"     // young course, first evaluation not due (passes)
	ReasonGapOver         FidelityReason = "gap_over"          // longer without contact than the team's limit
	ReasonNoContactYet    FidelityReason = "no_contact_yet"    // no contact since the start, over the limit
	ReasonNoContacts      FidelityReason = "no_contacts"       // no contact notes to judge from
	ReasonMostlyElsewhere FidelityReason = "mostly_elsewhere"  // half or fewer contacts where the citizen is
	ReasonNoGoals         FidelityReason = "no_goals"          // the plan has no goal
	ReasonTooFewOwnWords  FidelityReason = "too_few_own_words" // a goal has too few of the citizen's words
)

// MinGoalWords is how many words a goal needs before it plausibly is the citizen's own
// sentence rather than a heading ("Bolig").
const MinGoalWords = 3

// FidelityResult is one rule's verdict on one course: pass or fail, why, and the method step
// where the worker fixes it. Params carry the figures the UI puts into its sentence.
type FidelityResult struct {
	Rule   FidelityRule
	Pass   bool
	Reason FidelityReason
	Step   Step
	Params map[string]string
}

func result(rule FidelityRule, step Step, pass bool, reason FidelityReason, kv ...string) FidelityResult {
	r := FidelityResult{Rule: rule, Pass: pass, Reason: reason, Step: step, Params: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Params[kv[i]] = kv[i+1]
	}
	return r
}

// CheckNamedWorker: the citizen has one named ICM worker who is still in the team.
func CheckNamedWorker(hasWorker, workerActive bool) FidelityResult {
	switch {
	case !hasWorker:
		return result(RuleNamedWorker, StepVisitation, false, ReasonNoWorker)
	case !workerActive:
		return result(RuleNamedWorker, StepVisitation, false, ReasonWorkerInactive)
	}
	return result(RuleNamedWorker, StepVisitation, true, ReasonOK)
}

// CheckCaseload: the course's worker has at most floor(8 × FTE) open courses. A recorded
// override explains an exception but does not make it one the method accepts; the reason
// shown is the one recorded on this course, never another citizen's.
func CheckCaseload(open int, fte FTE, overrideReason string) FidelityResult {
	max := fte.MaxCaseload()
	n, m := strconv.Itoa(open), strconv.Itoa(max)
	if open <= max {
		return result(RuleCaseload, FixCaseload, true, ReasonOK, "open", n, "max", m)
	}
	if strings.TrimSpace(overrideReason) != "" {
		return result(RuleCaseload, FixCaseload, false, ReasonOverWithReason, "open", n, "max", m, "reason", overrideReason)
	}
	return result(RuleCaseload, FixCaseload, false, ReasonOverCeiling, "open", n, "max", m)
}

// FidelityAssessmentTopics are the entries the assessment rule asks for: the citizen's
// wishes and all ten life areas. "What keeps you from seeking help" is welcome but not
// required here (the step's own completeness still counts it).
var FidelityAssessmentTopics = append([]LifeArea{AreaWishes}, LifeAreas...)

// CheckAssessment: every life area and the citizen's wishes have text in their latest revision.
func CheckAssessment(filled map[LifeArea]bool) FidelityResult {
	missing := 0
	for _, a := range FidelityAssessmentTopics {
		if !filled[a] {
			missing++
		}
	}
	total := strconv.Itoa(len(FidelityAssessmentTopics))
	if missing > 0 {
		return result(RuleAssessment, StepAssessment, false, ReasonAreasMissing,
			"missing", strconv.Itoa(missing), "total", total)
	}
	return result(RuleAssessment, StepAssessment, true, ReasonOK, "total", total)
}

// CheckSignedPlan: at least one version of the plan has been signed with the citizen.
func CheckSignedPlan(signedVersions int) FidelityResult {
	if signedVersions < 1 {
		return result(RuleSignedPlan, StepPlanning, false, ReasonNotSigned)
	}
	return result(RuleSignedPlan, StepPlanning, true, ReasonOK, "versions", strconv.Itoa(signedVersions))
}

// CheckActionPlan: the ICM plan is coordinated with the municipality's § 141 action plan,
// shown by at least one goal tied to a goal of that plan. That a § 141 plan merely exists
// is not enough; a citizen's recorded "no" to a § 141 plan passes, as it is their choice.
func CheckActionPlan(status ActionPlanStatus, linkedGoals int) FidelityResult {
	switch {
	case linkedGoals > 0:
		return result(RuleActionPlan, StepPlanning, true, ReasonOK, "linked", strconv.Itoa(linkedGoals))
	case status == ActionPlanDeclined:
		return result(RuleActionPlan, StepVisitation, true, ReasonPlanDeclined)
	case status == ActionPlanExists:
		return result(RuleActionPlan, StepPlanning, false, ReasonNotLinked)
	}
	return result(RuleActionPlan, StepVisitation, false, ReasonNoActionPlan)
}

// CheckEvaluation: the latest evaluation is at most three months old, or the course is
// younger than three months and the first one is not yet due. Due today still passes.
func CheckEvaluation(start time.Time, lastEvaluation *time.Time, today time.Time) FidelityResult {
	due := NextEvaluationDue(start, lastEvaluation)
	d := due.Format(DateLayout)
	if EvaluationStatus(due, today) == EvaluationOverdue {
		return result(RuleEvaluation, StepFollowUp, false, ReasonEvalOverdue, "due", d)
	}
	if lastEvaluation == nil {
		return result(RuleEvaluation, StepFollowUp, true, ReasonFirstNotDue, "due", d)
	}
	return result(RuleEvaluation, StepFollowUp, true, ReasonOK, "due", d)
}

// CheckContact: there has been no longer gap without contact than the team's limit.
func CheckContact(g ContactGap, limitDays int) FidelityResult {
	if limitDays <= 0 {
		limitDays = DefaultContactGapDays
	}
	days, limit := strconv.Itoa(g.Days), strconv.Itoa(limitDays)
	switch {
	case g.Over && g.NoneYet:
		return result(RuleContact, StepFollowUp, false, ReasonNoContactYet, "days", days, "limit", limit)
	case g.Over:
		return result(RuleContact, StepFollowUp, false, ReasonGapOver, "days", days, "limit", limit)
	}
	return result(RuleContact, StepFollowUp, true, ReasonOK, "days", days, "limit", limit)
}

// CheckLocalContact: more than half of the contacts took place where the citizen lives or
// stays (home, street, shelter). With no contact notes there is nothing to show it.
func CheckLocalContact(local, total int) FidelityResult {
	l, t := strconv.Itoa(local), strconv.Itoa(total)
	switch {
	case total <= 0:
		return result(RuleLocal, StepFollowUp, false, ReasonNoContacts, "local", "0", "total", "0")
	case 2*local > total:
		return result(RuleLocal, StepFollowUp, true, ReasonOK, "local", l, "total", t)
	}
	return result(RuleLocal, StepFollowUp, false, ReasonMostlyElsewhere, "local", l, "total", t)
}

// CheckOwnWords: the plan has at least one goal, and every goal has at least MinGoalWords
// words written as the citizen said them.
func CheckOwnWords(goalWords []string) FidelityResult {
	if len(goalWords) == 0 {
		return result(RuleOwnWords, StepPlanning, false, ReasonNoGoals)
	}
	short := 0
	for _, w := range goalWords {
		if len(strings.Fields(w)) < MinGoalWords {
			short++
		}
	}
	min := strconv.Itoa(MinGoalWords)
	if short > 0 {
		return result(RuleOwnWords, StepPlanning, false, ReasonTooFewOwnWords,
			"short", strconv.Itoa(short), "goals", strconv.Itoa(len(goalWords)), "min", min)
	}
	return result(RuleOwnWords, StepPlanning, true, ReasonOK, "goals", strconv.Itoa(len(goalWords)), "min", min)
}

// FidelityFacts is what the fidelity check of one course looks at.
type FidelityFacts struct {
	HasWorker, WorkerActive bool
	WorkerOpen              int // the worker's open courses, this one included
	WorkerFTE               FTE
	OverrideReason          string // the override recorded on this course, "" when none
	AssessmentFilled        map[LifeArea]bool
	SignedPlanVersions      int
	ActionPlan              ActionPlanStatus
	LinkedGoals             int
	Start                   time.Time
	LastEvaluation          *time.Time
	ContactGap              ContactGap
	ContactGapLimit         int
	LocalContacts           int
	Contacts                int
	GoalWords               []string
	ActiveNetwork           int        // active contacts in the citizen's network
	LastMeeting             *time.Time // the latest coordination meeting, nil when none
	Barriers                int        // advocacy cases (barriers) recorded
	OpenBarriersNoAction    int        // unresolved barriers with nothing written about what is done
}

// CheckFidelity runs every rule, in FidelityRules order.
func CheckFidelity(f FidelityFacts, today time.Time) []FidelityResult {
	return []FidelityResult{
		CheckNamedWorker(f.HasWorker, f.WorkerActive),
		CheckCaseload(f.WorkerOpen, f.WorkerFTE, f.OverrideReason),
		CheckAssessment(f.AssessmentFilled),
		CheckSignedPlan(f.SignedPlanVersions),
		CheckActionPlan(f.ActionPlan, f.LinkedGoals),
		CheckCoordination(f.ActiveNetwork, f.Start, f.LastMeeting, today),
		CheckAdvocacy(f.Barriers, f.OpenBarriersNoAction, f.Start, today),
		CheckEvaluation(f.Start, f.LastEvaluation, today),
		CheckContact(f.ContactGap, f.ContactGapLimit),
		CheckLocalContact(f.LocalContacts, f.Contacts),
		CheckOwnWords(f.GoalWords),
	}
}
