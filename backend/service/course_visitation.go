package service

import (
	"context"
	"encoding/json"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// GetVisitation returns step 1 of a course, empty but complete in shape when not yet filled.
func (s *CourseService) GetVisitation(in IDInput) (VisitationDTO, error) {
	if _, err := s.viewCourse(in.ID, "visitation"); err != nil {
		return VisitationDTO{}, err
	}
	return s.getVisitation(in)
}

func (s *CourseService) getVisitation(in IDInput) (VisitationDTO, error) {
	st, err := s.ready()
	if err != nil {
		return VisitationDTO{}, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return VisitationDTO{}, err
	}
	v, err := st.GetVisitation(s.ctx(), in.ID)
	if err != nil {
		return VisitationDTO{}, err
	}
	return visitationDTO(v), nil
}

// SaveVisitation validates and stores the whole visitation step in one write. Nothing is
// stored when a field is invalid: the error names each field so the form can show it.
func (s *CourseService) SaveVisitation(in SaveVisitationInput) (VisitationDTO, error) {
	ch, err := s.changing(in.CourseID, "visitation", AuditChange)
	if err != nil {
		return VisitationDTO{}, err
	}
	return s.saveVisitation(ch, in)
}

func (s *CourseService) saveVisitation(ch *change, in SaveVisitationInput) (VisitationDTO, error) {
	var p domain.Problems
	v := validateVisitation(&p, in, s.now())
	if err := p.Err(); err != nil {
		return VisitationDTO{}, err
	}
	row := visitationRow(in.CourseID, v, s.now())
	a, _ := s.actor()
	err := ch.commit(func(_ context.Context, tx *store.Store) error {
		c, err := tx.GetCourse(s.ctx(), in.CourseID)
		if err != nil {
			return err
		}
		if domain.CourseStatus(c.Status) == domain.CourseClosed {
			return domain.E(domain.CodeCourseClosed, "course is closed")
		}
		if err := tx.SaveVisitation(s.ctx(), row); err != nil {
			return err
		}
		// The housing at the start is the course's start entry in the housing history.
		return writeStepHousing(s.ctx(), tx, c, domain.HousingKindStart, c.StartDate, row.HousingAtStart,
			row.HousingNote, a.WorkerID, s.now())
	})
	if err != nil {
		return VisitationDTO{}, err
	}
	return visitationDTO(row), nil
}

func validateVisitation(p *domain.Problems, in SaveVisitationInput, now time.Time) domain.Visitation {
	latest := domain.LatestCourseDate(now)
	today := domain.Day(now)
	const note = 4000
	v := domain.Visitation{
		HousingAtStart:       domain.OneOf(p, "housingAtStart", domain.Housing(in.HousingAtStart), domain.Housings, false),
		HousingNote:          domain.CleanText(p, "housingNote", in.HousingNote, note, false),
		NeedsNote:            domain.CleanText(p, "needsNote", in.NeedsNote, note, false),
		TargetGroupReason:    domain.CleanText(p, "targetGroupReason", in.TargetGroupReason, note, false),
		Consent:              domain.OneOf(p, "consent", domain.Consent(in.Consent), domain.Consents, false),
		ConsentForm:          domain.OneOf(p, "consentForm", domain.ConsentForm(in.ConsentForm), domain.ConsentForms, false),
		ConsentDate:          domain.ParseDate(p, "consentDate", in.ConsentDate, false, domain.MinCourseDate, today),
		ContactAgreement:     domain.CleanText(p, "contactAgreement", in.ContactAgreement, note, false),
		ReferralSource:       domain.OneOf(p, "referralSource", domain.Referral(in.ReferralSource), domain.Referrals, false),
		ReferralNote:         domain.CleanText(p, "referralNote", in.ReferralNote, note, false),
		VisitationDate:       domain.ParseDate(p, "visitationDate", in.VisitationDate, false, domain.MinCourseDate, latest),
		LegalBasis:           domain.OneOf(p, "legalBasis", domain.LegalBasis(in.LegalBasis), domain.LegalBases, false),
		LegalNote:            domain.CleanText(p, "legalNote", in.LegalNote, note, false),
		ActionPlan:           domain.OneOf(p, "actionPlan", domain.ActionPlanStatus(in.ActionPlan), domain.ActionPlanStatuses, false),
		ActionPlanDate:       domain.ParseDate(p, "actionPlanDate", in.ActionPlanDate, false, domain.MinCourseDate, latest),
		ActionPlanCaseworker: domain.CleanLine(p, "actionPlanCaseworker", in.ActionPlanCaseworker, domain.MaxName, false),
		ActionPlanNote:       domain.CleanText(p, "actionPlanNote", in.ActionPlanNote, note, false),
	}
	seen := map[domain.Need]bool{}
	for _, n := range in.Needs {
		need := domain.OneOf(p, "needs", domain.Need(n), domain.Needs, true)
		if need != "" && !seen[need] {
			seen[need] = true
			v.Needs = append(v.Needs, need)
		}
	}
	if v.Consent == domain.ConsentYes && v.ConsentDate == nil && !p.Has("consentDate") {
		p.Add("consentDate", domain.CodeRequired)
	}
	if in.CourseID == 0 {
		p.Add("courseId", domain.CodeRequired)
	}
	return v
}

func visitationRow(courseID uint, v domain.Visitation, now time.Time) *store.Visitation {
	needs := make([]string, 0, len(v.Needs))
	for _, n := range v.Needs {
		needs = append(needs, string(n))
	}
	b, _ := json.Marshal(needs)
	return &store.Visitation{CourseID: courseID, HousingAtStart: string(v.HousingAtStart),
		HousingNote: v.HousingNote, Needs: string(b), NeedsNote: v.NeedsNote,
		TargetGroupReason: v.TargetGroupReason, Consent: string(v.Consent), ConsentForm: string(v.ConsentForm),
		ConsentDate: strPtr(domain.FormatDate(v.ConsentDate)), ContactAgreement: v.ContactAgreement,
		ReferralSource: string(v.ReferralSource), ReferralNote: v.ReferralNote,
		VisitationDate: strPtr(domain.FormatDate(v.VisitationDate)), LegalBasis: string(v.LegalBasis),
		LegalNote: v.LegalNote, ActionPlan: string(v.ActionPlan),
		ActionPlanDate: strPtr(domain.FormatDate(v.ActionPlanDate)), ActionPlanCaseworker: v.ActionPlanCaseworker,
		ActionPlanNote: v.ActionPlanNote, UpdatedAt: now}
}

func parseStoredDate(s *string) *time.Time {
	if s == nil {
		return nil
	}
	t, err := time.Parse(domain.DateLayout, *s)
	if err != nil {
		return nil
	}
	return &t
}

func storedNeeds(s string) []domain.Need {
	var raw []string
	_ = json.Unmarshal([]byte(s), &raw)
	out := make([]domain.Need, 0, len(raw))
	for _, n := range raw {
		out = append(out, domain.Need(n))
	}
	return out
}

func visitationDomain(r *store.Visitation) domain.Visitation {
	return domain.Visitation{HousingAtStart: domain.Housing(r.HousingAtStart), HousingNote: r.HousingNote,
		Needs: storedNeeds(r.Needs), NeedsNote: r.NeedsNote, TargetGroupReason: r.TargetGroupReason,
		Consent: domain.Consent(r.Consent), ConsentForm: domain.ConsentForm(r.ConsentForm),
		ConsentDate: parseStoredDate(r.ConsentDate), ContactAgreement: r.ContactAgreement,
		ReferralSource: domain.Referral(r.ReferralSource), ReferralNote: r.ReferralNote,
		VisitationDate: parseStoredDate(r.VisitationDate), LegalBasis: domain.LegalBasis(r.LegalBasis),
		LegalNote: r.LegalNote, ActionPlan: domain.ActionPlanStatus(r.ActionPlan),
		ActionPlanDate: parseStoredDate(r.ActionPlanDate), ActionPlanCaseworker: r.ActionPlanCaseworker,
		ActionPlanNote: r.ActionPlanNote}
}

func visitationDTO(r *store.Visitation) VisitationDTO {
	needs := []string{}
	for _, n := range storedNeeds(r.Needs) {
		needs = append(needs, string(n))
	}
	out := VisitationDTO{CourseID: r.CourseID, HousingAtStart: r.HousingAtStart, HousingNote: r.HousingNote,
		Needs: needs, NeedsNote: r.NeedsNote, TargetGroupReason: r.TargetGroupReason, Consent: r.Consent,
		ConsentForm: r.ConsentForm, ConsentDate: deref(r.ConsentDate), ContactAgreement: r.ContactAgreement,
		ReferralSource: r.ReferralSource, ReferralNote: r.ReferralNote, VisitationDate: deref(r.VisitationDate),
		LegalBasis: r.LegalBasis, LegalNote: r.LegalNote, ActionPlan: r.ActionPlan,
		ActionPlanDate: deref(r.ActionPlanDate), ActionPlanCaseworker: r.ActionPlanCaseworker,
		ActionPlanNote: r.ActionPlanNote, UpdatedAt: isoTime(&r.UpdatedAt)}
	if r.UpdatedAt.IsZero() {
		out.UpdatedAt = ""
	}
	out.Completeness = completenessDTO(domain.StepVisitation, visitationDomain(r).Completeness())
	return out
}
