package service

import "icm/backend/domain"

// VocabularyDTO lists every choice the forms offer, in display order, so that the UI
// never keeps its own copy of the method's categories.
type VocabularyDTO struct {
	Steps        []string `json:"steps"`
	Housings     []string `json:"housings"`
	Needs        []string `json:"needs"`
	Referrals    []string `json:"referrals"`
	LegalBases   []string `json:"legalBases"`
	ActionPlans  []string `json:"actionPlans"`
	Consents     []string `json:"consents"`
	ConsentForms []string `json:"consentForms"`
	Statuses     []string `json:"statuses"`
	Roles        []string `json:"roles"`
	Topics       []string `json:"topics"`
	LifeAreas    []string `json:"lifeAreas"`
	SubGoals     []string `json:"subGoalStatuses"`
	ContactKinds []string `json:"contactKinds"`
	Advocacy     []string `json:"advocacyStatuses"`
	Locations    []string `json:"noteLocations"`
	NoteKinds    []string `json:"noteKinds"`
	Closing      []string `json:"closingReasons"`
	After        []string `json:"afterSupports"`
	SignMethods  []string `json:"signMethods"`
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Vocabulary returns the choice lists; it needs no database.
func (s *AppService) Vocabulary() (VocabularyDTO, error) {
	return VocabularyDTO{
		Steps:        strs(domain.Steps),
		Housings:     strs(domain.Housings),
		Needs:        strs(domain.Needs),
		Referrals:    strs(domain.Referrals),
		LegalBases:   strs(domain.LegalBases),
		ActionPlans:  strs(domain.ActionPlanStatuses),
		Consents:     strs(domain.Consents),
		ConsentForms: strs(domain.ConsentForms),
		Statuses:     strs([]domain.CourseStatus{domain.CourseVisitation, domain.CourseActive, domain.CourseClosed}),
		Roles:        strs([]domain.Role{domain.RoleICMWorker, domain.RoleTeamLead}),
		Topics:       strs(domain.AssessmentTopics),
		LifeAreas:    strs(domain.LifeAreas),
		SubGoals:     strs(domain.SubGoalStatuses),
		ContactKinds: strs(domain.ContactKinds),
		Advocacy:     strs(domain.AdvocacyStatuses),
		Locations:    strs(domain.NoteLocations),
		NoteKinds:    strs(domain.NoteKinds),
		Closing:      strs(domain.ClosingReasons),
		After:        strs(domain.AfterSupports),
		SignMethods:  strs(domain.SignMethods),
	}, nil
}
