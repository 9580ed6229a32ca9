package domain

import "time"

// Step names one of the six method steps a course moves through.
type Step string

// The six method steps, in the order the wizard shows them.
const (
	StepVisitation   Step = "visitation"   // målgruppe og visitation
	StepAssessment   Step = "assessment"   // udredning
	StepPlanning     Step = "planning"     // planlægning
	StepCoordination Step = "coordination" // koordinering
	StepAdvocacy     Step = "advocacy"     // fortalerrolle
	StepFollowUp     Step = "followup"     // opfølgning
)

// Steps lists the method steps in wizard order.
var Steps = []Step{StepVisitation, StepAssessment, StepPlanning, StepCoordination,
	StepAdvocacy, StepFollowUp}

// Visitation is the first step: is the citizen in the target group, and on what basis is
// the support granted.
type Visitation struct {
	HousingAtStart       Housing
	HousingNote          string
	Needs                []Need
	NeedsNote            string
	TargetGroupReason    string // why intensive, long-lasting support (rather than e.g. CTI)
	Consent              Consent
	ConsentForm          ConsentForm
	ConsentDate          *time.Time
	ContactAgreement     string // what the citizen agrees the worker may do if contact is lost
	ReferralSource       Referral
	ReferralNote         string
	VisitationDate       *time.Time
	LegalBasis           LegalBasis
	LegalNote            string
	ActionPlan           ActionPlanStatus
	ActionPlanDate       *time.Time
	ActionPlanCaseworker string
	ActionPlanNote       string
}

// Requirement names one thing a step needs before it counts as complete.
type Requirement string

// Requirements of the visitation step.
const (
	ReqHousing    Requirement = "housing_at_start"
	ReqNeeds      Requirement = "needs"
	ReqConsent    Requirement = "consent"
	ReqReferral   Requirement = "referral_source"
	ReqVisitDate  Requirement = "visitation_date"
	ReqLegalBasis Requirement = "legal_basis"
	ReqActionPlan Requirement = "action_plan"
)

// Completeness tells how much of a step is filled in and what is still missing.
type Completeness struct {
	Done    int
	Total   int
	Missing []Requirement
}

// Percent is Done/Total rounded down, 0 for a step without requirements.
func (c Completeness) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return 100 * c.Done / c.Total
}

// Completeness checks the visitation step against what the method asks at visitation.
// Consent counts only as the citizen's active yes with the date it was given.
func (v Visitation) Completeness() Completeness {
	checks := []struct {
		req Requirement
		ok  bool
	}{
		{ReqHousing, v.HousingAtStart != ""},
		{ReqNeeds, len(v.Needs) > 0},
		{ReqConsent, v.Consent == ConsentYes && v.ConsentDate != nil},
		{ReqReferral, v.ReferralSource != ""},
		{ReqVisitDate, v.VisitationDate != nil},
		{ReqLegalBasis, v.LegalBasis != ""},
		{ReqActionPlan, v.ActionPlan != ""},
	}
	c := Completeness{Total: len(checks)}
	for _, ch := range checks {
		if ch.ok {
			c.Done++
		} else {
			c.Missing = append(c.Missing, ch.req)
		}
	}
	return c
}
