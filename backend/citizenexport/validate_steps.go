package citizenexport

// The checks of a course's six steps and its journal notes, each as the service that saves
// them checks typed input (validate.go has the validator and the document, citizen and
// course around them).

import (
	"strconv"
	"time"

	"icm/backend/domain"
)

// visitation checks step 1 as CourseService.SaveVisitation does.
func (v *validator) visitation(f string, x *Visitation) {
	oneOf(v, f+"housingAtStart", &x.HousingAtStart, domain.Housings, false)
	v.text(f+"housingNote", &x.HousingNote, maxNote4000, false)
	if !v.tooMany(f+"needs", len(x.Needs), len(domain.Needs)) {
		seen := map[string]bool{}
		needs := []string{}
		for i := range x.Needs {
			oneOf(v, f+"needs", &x.Needs[i], domain.Needs, true)
			if n := x.Needs[i]; n != "" && !seen[n] {
				seen[n] = true
				needs = append(needs, n)
			}
		}
		x.Needs = needs
	}
	v.text(f+"needsNote", &x.NeedsNote, maxNote4000, false)
	v.text(f+"targetGroupReason", &x.TargetGroupReason, maxNote4000, false)
	oneOf(v, f+"consent", &x.Consent, domain.Consents, false)
	oneOf(v, f+"consentForm", &x.ConsentForm, domain.ConsentForms, false)
	consentDate := v.date(f+"consentDate", &x.ConsentDate, false, pastEvent)
	if x.Consent == string(domain.ConsentYes) && consentDate == nil && !v.p.Has(f+"consentDate") {
		v.p.Add(f+"consentDate", domain.CodeRequired)
	}
	v.text(f+"contactAgreement", &x.ContactAgreement, maxNote4000, false)
	oneOf(v, f+"referralSource", &x.ReferralSource, domain.Referrals, false)
	v.text(f+"referralNote", &x.ReferralNote, maxNote4000, false)
	v.date(f+"visitationDate", &x.VisitationDate, false, planned)
	oneOf(v, f+"legalBasis", &x.LegalBasis, domain.LegalBases, false)
	v.text(f+"legalNote", &x.LegalNote, maxNote4000, false)
	oneOf(v, f+"actionPlan", &x.ActionPlan, domain.ActionPlanStatuses, false)
	v.date(f+"actionPlanDate", &x.ActionPlanDate, false, planned)
	v.line(f+"actionPlanCaseworker", &x.ActionPlanCaseworker, domain.MaxName, false)
	v.text(f+"actionPlanNote", &x.ActionPlanNote, maxNote4000, false)
	v.stamp(f+"updatedAt", &x.UpdatedAt)
}

// assessment checks step 2 as AssessmentService.SaveTopic does; a topic has one revision a day.
func (v *validator) assessment(f string, c *Course) {
	if v.tooMany(f+"assessment", len(c.Assessment), maxRows) {
		c.Assessment = nil
	}
	seen := map[string]bool{}
	for i := range c.Assessment {
		r := &c.Assessment[i]
		g := at(f+"assessment", i, "")
		oneOf(v, g+"topic", &r.Topic, domain.AssessmentTopics, true)
		v.date(g+"revisionDate", &r.RevisionDate, true, pastEvent)
		if key := r.Topic + " " + r.RevisionDate; seen[key] {
			v.p.Add(g+"revisionDate", domain.CodeInvalidChoice)
		} else {
			seen[key] = true
		}
		for field, s := range map[string]*string{"citizenView": &r.CitizenView, "workerView": &r.WorkerView,
			"resources": &r.Resources, "needs": &r.Needs, "barriers": &r.Barriers} {
			v.text(g+field, s, maxText8000, false)
		}
		v.stamp(g+"createdAt", &r.CreatedAt)
		v.stamp(g+"updatedAt", &r.UpdatedAt)
	}
}

// plan checks step 3 as PlanningService does and returns the sub-goal ids it declares.
func (v *validator) plan(f string, x *Plan) map[uint]bool {
	ids := map[uint]bool{}
	if v.tooMany(f+"goals", len(x.Goals), maxRows) {
		x.Goals = nil
	}
	for i := range x.Goals {
		g := &x.Goals[i]
		h := at(f+"goals", i, "")
		v.text(h+"citizenWords", &g.CitizenWords, maxText2000, true)
		oneOf(v, h+"area", &g.Area, domain.LifeAreas, false)
		v.text(h+"actionPlanGoal", &g.ActionPlanGoal, maxText2000, false)
		v.stamp(h+"createdAt", &g.CreatedAt)
		v.stamp(h+"updatedAt", &g.UpdatedAt)
		if v.tooMany(h+"subGoals", len(g.SubGoals), maxRows) {
			g.SubGoals = nil
		}
		for j := range g.SubGoals {
			s := &g.SubGoals[j]
			k := at(h+"subGoals", j, "")
			if s.ID == 0 || ids[s.ID] {
				v.p.Add(k+"id", domain.CodeInvalidChoice)
			}
			ids[s.ID] = true
			v.text(k+"what", &s.What, maxText2000, true)
			v.text(k+"measure", &s.Measure, maxText2000, false)
			v.line(k+"owner", &s.Owner, domain.MaxShortText, false)
			v.date(k+"deadline", &s.Deadline, false, deadline)
			if s.Status == "" {
				s.Status = string(domain.SubGoalNotStarted)
			}
			oneOf(v, k+"status", &s.Status, domain.SubGoalStatuses, true)
			v.stamp(k+"createdAt", &s.CreatedAt)
			v.stamp(k+"updatedAt", &s.UpdatedAt)
		}
	}
	if v.tooMany(f+"activities", len(x.Activities), maxRows) {
		x.Activities = nil
	}
	for i := range x.Activities {
		a := &x.Activities[i]
		h := at(f+"activities", i, "")
		v.text(h+"what", &a.What, maxText2000, true)
		v.line(h+"frequency", &a.Frequency, domain.MaxShortText, false)
		v.line(h+"owner", &a.Owner, domain.MaxShortText, false)
		if a.SubGoalID != 0 && !ids[a.SubGoalID] {
			v.p.Add(h+"subGoalId", domain.CodeInvalidChoice)
		}
		v.stamp(h+"createdAt", &a.CreatedAt)
		v.stamp(h+"updatedAt", &a.UpdatedAt)
	}
	return ids
}

// coordination checks step 4 as CoordinationService does.
func (v *validator) coordination(f string, x *Coordination) {
	if v.tooMany(f+"network", len(x.Network), maxRows) {
		x.Network = nil
	}
	for i := range x.Network {
		c := &x.Network[i]
		h := at(f+"network", i, "")
		oneOf(v, h+"kind", &c.Kind, domain.ContactKinds, true)
		v.line(h+"name", &c.Name, domain.MaxName, false)
		v.line(h+"organisation", &c.Organisation, domain.MaxShortText, false)
		v.line(h+"phone", &c.Phone, maxPhone, false)
		v.line(h+"email", &c.Email, domain.MaxShortText, false)
		v.text(h+"role", &c.Role, maxText2000, false)
		v.date(h+"lastContact", &c.LastContact, false, pastEvent)
		if c.Name == "" && c.Organisation == "" && !v.p.Has(h+"name") && !v.p.Has(h+"organisation") {
			v.p.Add(h+"name", domain.CodeRequired)
		}
		v.phone(h+"phone", c.Phone)
		v.stamp(h+"createdAt", &c.CreatedAt)
		v.stamp(h+"updatedAt", &c.UpdatedAt)
	}
	if v.tooMany(f+"meetings", len(x.Meetings), maxRows) {
		x.Meetings = nil
	}
	for i := range x.Meetings {
		m := &x.Meetings[i]
		h := at(f+"meetings", i, "")
		v.date(h+"date", &m.Date, true, planned)
		v.text(h+"participants", &m.Participants, maxText2000, false)
		v.text(h+"purpose", &m.Purpose, maxNote4000, true)
		v.text(h+"preparation", &m.Preparation, maxNote4000, false)
		v.text(h+"outcome", &m.Outcome, maxText8000, false)
		v.stamp(h+"createdAt", &m.CreatedAt)
		v.stamp(h+"updatedAt", &m.UpdatedAt)
		if v.tooMany(h+"actions", len(m.Actions), maxActions) {
			m.Actions = nil
		}
		for j := range m.Actions {
			a := &m.Actions[j]
			k := at(h+"actions", j, "")
			v.text(k+"action", &a.Action, maxText2000, true)
			v.line(k+"owner", &a.Owner, domain.MaxShortText, false)
			v.date(k+"deadline", &a.Deadline, false, deadline)
		}
	}
}

// advocacy checks step 5 as AdvocacyService.SaveCase does.
func (v *validator) advocacy(f string, c *Course) {
	if v.tooMany(f+"advocacy", len(c.Advocacy), maxRows) {
		c.Advocacy = nil
	}
	for i := range c.Advocacy {
		a := &c.Advocacy[i]
		h := at(f+"advocacy", i, "")
		v.date(h+"opened", &a.Opened, true, pastEvent)
		if a.Status == "" {
			a.Status = string(domain.AdvocacyOpen)
		}
		oneOf(v, h+"status", &a.Status, domain.AdvocacyStatuses, true)
		v.text(h+"barrier", &a.Barrier, maxNote4000, true)
		v.line(h+"towards", &a.Towards, domain.MaxShortText, false)
		v.text(h+"actions", &a.Actions, maxNote4000, false)
		v.text(h+"rights", &a.Rights, maxNote4000, false)
		v.text(h+"outcome", &a.Outcome, maxNote4000, false)
		v.stamp(h+"createdAt", &a.CreatedAt)
		v.stamp(h+"updatedAt", &a.UpdatedAt)
	}
}

// followUp checks step 6 as FollowUpService does.
func (v *validator) followUp(f string, x *FollowUp, subGoals map[uint]bool, start *time.Time) {
	if v.tooMany(f+"evaluations", len(x.Evaluations), maxRows) {
		x.Evaluations = nil
	}
	for i := range x.Evaluations {
		e := &x.Evaluations[i]
		h := at(f+"evaluations", i, "")
		if d := v.date(h+"date", &e.Date, true, pastEvent); d != nil && start != nil && d.Before(*start) {
			v.p.Add(h+"date", domain.CodeDateOrder)
		}
		v.date(h+"dueDate", &e.DueDate, true, deadline)
		v.text(h+"summary", &e.Summary, maxText8000, false)
		v.text(h+"planChanges", &e.PlanChanges, maxText8000, false)
		v.stamp(h+"createdAt", &e.CreatedAt)
		v.stamp(h+"updatedAt", &e.UpdatedAt)
		if v.tooMany(h+"items", len(e.Items), maxItems) {
			e.Items = nil
		}
		seen := map[uint]bool{}
		for j := range e.Items {
			it := &e.Items[j]
			k := at(h+"items", j, "")
			oneOf(v, k+"status", &it.Status, domain.SubGoalStatuses, true)
			v.text(k+"comment", &it.Comment, maxNote4000, false)
			if !subGoals[it.SubGoalID] || seen[it.SubGoalID] {
				v.p.Add(k+"subGoalId", domain.CodeInvalidChoice)
			}
			seen[it.SubGoalID] = true
		}
	}
	if v.tooMany(f+"who5", len(x.WHO5), maxRows) {
		x.WHO5 = nil
	}
	for i := range x.WHO5 {
		w := &x.WHO5[i]
		h := at(f+"who5", i, "")
		v.date(h+"date", &w.Date, true, pastEvent)
		domain.ValidateWHO5(&v.p, h+"items", w.Items)
		v.text(h+"note", &w.Note, maxText2000, false)
		v.stamp(h+"createdAt", &w.CreatedAt)
	}
	if v.tooMany(f+"weeklyChecks", len(x.WeeklyChecks), maxRows) {
		x.WeeklyChecks = nil
	}
	weeks := map[string]bool{}
	for i := range x.WeeklyChecks {
		w := &x.WeeklyChecks[i]
		h := at(f+"weeklyChecks", i, "")
		if d := v.date(h+"weekStart", &w.WeekStart, true, pastEvent); d != nil {
			// the week is known by its Monday, as SaveWeeklyCheck stores it
			w.WeekStart = d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(domain.DateLayout)
			if weeks[w.WeekStart] {
				v.p.Add(h+"weekStart", domain.CodeInvalidChoice)
			}
			weeks[w.WeekStart] = true
		}
		for field, n := range map[string]int{"substance": w.Substance, "mental": w.Mental} {
			if n < 0 || n > domain.WeeklyScaleMax {
				v.p.Add(h+field, domain.CodeOutOfRange, "min", "0", "max", strconv.Itoa(domain.WeeklyScaleMax))
			}
		}
		v.text(h+"note", &w.Note, maxText2000, false)
		v.stamp(h+"createdAt", &w.CreatedAt)
		v.stamp(h+"updatedAt", &w.UpdatedAt)
	}
	v.routines(f, x, start)
	if cl := x.Closing; cl != nil {
		h := f + "closing."
		oneOf(v, h+"reason", &cl.Reason, domain.ClosingReasons, true)
		oneOf(v, h+"afterSupport", &cl.AfterSupport, domain.AfterSupports, true)
		v.text(h+"afterNote", &cl.AfterNote, maxNote4000, false)
		oneOf(v, h+"housingAtClose", &cl.HousingAtClose, domain.Housings, true)
		v.text(h+"note", &cl.Note, maxText8000, false)
		v.stamp(h+"updatedAt", &cl.UpdatedAt)
	}
}

// routines checks the agreed contact frequencies (one per first day) and the case reviews,
// none dated before the course's start.
func (v *validator) routines(f string, x *FollowUp, start *time.Time) {
	if v.version < 3 && (x.ContactFrequencies != nil || x.CaseReviews != nil) {
		v.p.Add(f+"contactFrequencies", domain.CodeInvalidChoice) // not fields of versions 1 and 2
		x.ContactFrequencies, x.CaseReviews = nil, nil
	}
	if x.ContactFrequencies == nil { // a file before version 3
		x.ContactFrequencies = []ContactFrequency{}
	}
	if x.CaseReviews == nil {
		x.CaseReviews = []CaseReview{}
	}
	if v.tooMany(f+"contactFrequencies", len(x.ContactFrequencies), maxRows) {
		x.ContactFrequencies = nil
	}
	days := map[string]bool{}
	for i := range x.ContactFrequencies {
		c := &x.ContactFrequencies[i]
		h := at(f+"contactFrequencies", i, "")
		if d := v.date(h+"fromDate", &c.FromDate, true, planned); d != nil {
			v.notBefore(h+"fromDate", d, start, planned)
			if days[c.FromDate] {
				v.p.Add(h+"fromDate", domain.CodeInvalidChoice)
			}
			days[c.FromDate] = true
		}
		oneOf(v, h+"per", &c.Per, domain.FrequencyPers, true)
		domain.CheckAgreedTimes(&v.p, h+"times", c.Times, domain.FrequencyPer(c.Per))
		v.text(h+"note", &c.Note, maxText2000, false)
		v.stamp(h+"createdAt", &c.CreatedAt)
		v.stamp(h+"updatedAt", &c.UpdatedAt)
	}
	if v.tooMany(f+"caseReviews", len(x.CaseReviews), maxRows) {
		x.CaseReviews = nil
	}
	reviewDays := map[string]bool{}
	for i := range x.CaseReviews {
		r := &x.CaseReviews[i]
		h := at(f+"caseReviews", i, "")
		if d := v.date(h+"date", &r.Date, true, pastEvent); d != nil {
			v.notBefore(h+"date", d, start, pastEvent)
			if reviewDays[r.Date] {
				v.p.Add(h+"date", domain.CodeDuplicateDate)
			}
			reviewDays[r.Date] = true
		}
		v.text(h+"participants", &r.Participants, 500, true)
		v.text(h+"agreed", &r.Agreed, maxNote4000, true)
		v.stamp(h+"createdAt", &r.CreatedAt)
		v.stamp(h+"updatedAt", &r.UpdatedAt)
	}
}

// notBefore refuses a date before the course's start, as the services do.
func (v *validator) notBefore(field string, d, start *time.Time, maxAhead time.Duration) {
	if start != nil && d.Before(*start) {
		v.p.Add(field, domain.CodeDateOutOfRange, "min", start.Format(domain.DateLayout),
			"max", v.today.Add(maxAhead).Format(domain.DateLayout))
	}
}
