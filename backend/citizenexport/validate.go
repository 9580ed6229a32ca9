package citizenexport

import (
	"net/mail"
	"strconv"
	"time"

	"icm/backend/domain"
)

// Limits of the text fields: the same as the services apply to typed input (the service
// named in each comment), so that an imported row is one that could have been typed here.
const (
	maxNote4000  = 4000 // visitation notes (CourseService), advocacy, meetings, comments
	maxText2000  = 2000 // goals, sub-goals, activities (PlanningService), contact role, notes of WHO-5 and weekly checks
	maxText8000  = 8000 // assessment (AssessmentService), evaluations, meeting outcome, closing note
	maxPhone     = 30
	maxInitials  = 6
	maxActions   = 100 // actions of one meeting (CoordinationService)
	maxItems     = 500 // items of one evaluation (FollowUpService)
	maxRows      = 100_000
	maxCourses   = 200
	maxAuditRows = 1_000_000
)

// validator checks one document, cleaning its texts the way typed input is cleaned.
type validator struct {
	p       domain.Problems
	today   time.Time // the importing installation's day
	nowTime time.Time
}

// Validate checks every value of a decoded document as strictly as typed input: texts go
// through domain.CleanLine/CleanText (and are cleaned in place), codes must be known,
// dates must parse and lie in the ranges the forms allow, references between rows must
// resolve, and the rules of the method hold (one open course; a closed course has an end
// date). It returns nil or a citizen_export_invalid error naming the failing fields.
func Validate(doc *Document, now time.Time) error {
	v := &validator{today: domain.Day(now), nowTime: now}
	v.document(doc)
	err := v.p.Err()
	if err == nil {
		return nil
	}
	de, _ := err.(*domain.Error)
	fields := de.Fields
	if len(fields) > maxFieldErrors {
		fields = fields[:maxFieldErrors]
	}
	return &domain.Error{Code: domain.CodeCitizenExportBad, Message: "citizen export invalid", Fields: fields,
		Params: map[string]string{"field": fields[0].Field}}
}

func at(prefix string, i int, field string) string {
	return prefix + "[" + strconv.Itoa(i) + "]." + field
}

// tooMany refuses a list longer than max as a whole rather than one error per row.
func (v *validator) tooMany(field string, n, max int) bool {
	if n > max {
		v.p.Add(field, domain.CodeTooLong, "max", strconv.Itoa(max), "length", strconv.Itoa(n))
		return true
	}
	return false
}

func (v *validator) line(field string, s *string, max int, required bool) {
	*s = domain.CleanLine(&v.p, field, *s, max, required)
}

func (v *validator) text(field string, s *string, max int, required bool) {
	*s = domain.CleanText(&v.p, field, *s, max, required)
}

// date checks an ISO date between 1990 and max days after today.
func (v *validator) date(field string, s *string, required bool, maxAhead time.Duration) *time.Time {
	t := domain.ParseDate(&v.p, field, *s, required, domain.MinCourseDate, v.today.Add(maxAhead))
	*s = domain.FormatDate(t)
	return t
}

// Ranges for dates: a past event may be dated today at the other installation, which can
// be a day ahead of this one across a time zone; plans reach further.
const (
	day       = 24 * time.Hour
	pastEvent = day
	deadline  = 5 * 366 * day
)

// planned is how far ahead a planned date (a visitation, a meeting) may lie.
var planned = time.Duration(domain.MaxFutureDays) * day

// stamp checks an RFC 3339 time; empty is allowed (the import then uses its own time).
func (v *validator) stamp(field string, s *string) {
	if *s == "" {
		return
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		v.p.Add(field, domain.CodeInvalidDate)
		return
	}
	if t.Before(domain.MinCourseDate) || t.After(v.nowTime.Add(pastEvent)) {
		v.p.Add(field, domain.CodeDateOutOfRange, "min", domain.MinCourseDate.Format(domain.DateLayout),
			"max", v.today.Format(domain.DateLayout))
		return
	}
	*s = t.UTC().Format(time.RFC3339Nano)
}

func oneOf[T ~string](v *validator, field string, s *string, allowed []T, required bool) {
	*s = string(domain.OneOf(&v.p, field, T(*s), allowed, required))
}

func (v *validator) document(d *Document) {
	oneOf(v, "purpose", &d.Purpose, []string{PurposeAccessRequest, PurposeHandover}, true)
	v.stamp("exportedAt", &d.ExportedAt)
	v.line("app.version", &d.App.Version, domain.MaxShortText, false)
	v.line("source.municipality", &d.Source.Municipality, domain.MaxShortText, false)
	v.line("source.team", &d.Source.Team, domain.MaxShortText, false)
	v.citizen(&d.Citizen)
	if v.tooMany("courses", len(d.Courses), maxCourses) {
		d.Courses = nil
	}
	ids := map[uint]bool{}
	open := 0
	for i := range d.Courses {
		c := &d.Courses[i]
		f := at("courses", i, "")
		if c.ID == 0 || ids[c.ID] {
			v.p.Add(f+"id", domain.CodeInvalidChoice)
		}
		ids[c.ID] = true
		v.course(f, c)
		if domain.CourseStatus(c.Status).Open() {
			open++
			if open > 1 {
				v.p.Add(f+"status", domain.CodeActiveCourse) // the method: one open course at a time
			}
		}
	}
	if v.tooMany("auditLog", len(d.AuditLog), maxAuditRows) {
		d.AuditLog = nil
	}
	for i := range d.AuditLog {
		e := &d.AuditLog[i]
		f := at("auditLog", i, "")
		v.stamp(f+"at", &e.At)
		v.line(f+"workerName", &e.WorkerName, domain.MaxName, false)
		v.line(f+"action", &e.Action, domain.MaxShortText, true)
		v.line(f+"object", &e.Object, domain.MaxShortText, false)
		v.line(f+"detail", &e.Detail, maxText2000, false)
	}
}

// citizen checks the personal details as CitizenService.SaveCitizen does.
func (v *validator) citizen(c *Citizen) {
	v.line("citizen.name", &c.Name, domain.MaxName, true)
	v.line("citizen.phone", &c.Phone, maxPhone, false)
	v.line("citizen.email", &c.Email, domain.MaxShortText, false)
	v.text("citizen.address", &c.Address, domain.MaxShortText, false)
	v.text("citizen.contactNote", &c.ContactNote, maxText2000, false)
	oneOf(v, "citizen.housing", &c.Housing, domain.Housings, false)
	v.text("citizen.housingNote", &c.HousingNote, maxText2000, false)
	c.CPR = domain.NormalizeCPR(&v.p, "citizen.cpr", c.CPR)
	v.phone("citizen.phone", c.Phone)
	if c.Email != "" && !v.p.Has("citizen.email") {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			v.p.Add("citizen.email", domain.CodeInvalidEmail)
		}
	}
	v.stamp("citizen.createdAt", &c.CreatedAt)
	v.stamp("citizen.updatedAt", &c.UpdatedAt)
}

// phone accepts digits with spaces, dashes, parentheses and a leading +, 8 to 15 digits.
func (v *validator) phone(field, s string) {
	if s == "" || v.p.Has(field) {
		return
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			v.p.Add(field, domain.CodeInvalidPhone)
			return
		}
	}
	if digits < 8 || digits > 15 {
		v.p.Add(field, domain.CodeInvalidPhone)
	}
}

func (v *validator) course(f string, c *Course) {
	oneOf(v, f+"status", &c.Status, []domain.CourseStatus{domain.CourseVisitation, domain.CourseActive, domain.CourseClosed}, true)
	start := v.date(f+"startDate", &c.StartDate, true, planned)
	end := v.date(f+"endDate", &c.EndDate, c.Status == string(domain.CourseClosed), planned)
	if start != nil && end != nil && end.Before(*start) {
		v.p.Add(f+"endDate", domain.CodeDateOrder)
	}
	v.line(f+"worker.name", &c.Worker.Name, domain.MaxName, true)
	v.line(f+"worker.initials", &c.Worker.Initials, maxInitials, false)
	if c.Override != nil {
		v.text(f+"override.reason", &c.Override.Reason, maxText2000, false)
		v.line(f+"override.by", &c.Override.By, domain.MaxName, false)
		v.stamp(f+"override.at", &c.Override.At)
	}
	v.stamp(f+"createdAt", &c.CreatedAt)
	v.stamp(f+"updatedAt", &c.UpdatedAt)
	if c.Visitation != nil {
		v.visitation(f+"visitation.", c.Visitation)
	}
	v.assessment(f, c)
	subGoals := v.plan(f+"plan.", &c.Plan)
	v.coordination(f+"coordination.", &c.Coordination)
	v.advocacy(f, c)
	v.followUp(f+"followUp.", &c.FollowUp, subGoals, start)
	v.notes(f, c)
	v.versions(f, c)
}

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

// noteLayout is a note's local date and time (NoteService).
const noteLayout = "2006-01-02T15:04"

// notes checks the journal as NoteService.SaveNote does.
func (v *validator) notes(f string, c *Course) {
	if v.tooMany(f+"notes", len(c.Notes), maxRows) {
		c.Notes = nil
	}
	for i := range c.Notes {
		n := &c.Notes[i]
		h := at(f+"notes", i, "")
		if t, err := time.Parse(noteLayout, n.OccurredAt); err != nil {
			v.p.Add(h+"occurredAt", domain.CodeInvalidDate)
		} else if t.Before(domain.MinCourseDate) || !t.Before(v.today.Add(pastEvent+day)) {
			v.p.Add(h+"occurredAt", domain.CodeDateOutOfRange, "min", domain.MinCourseDate.Format(domain.DateLayout),
				"max", v.today.Format(domain.DateLayout))
		}
		if n.DurationMinutes < 0 || n.DurationMinutes > 1440 {
			v.p.Add(h+"durationMinutes", domain.CodeOutOfRange, "min", "0", "max", "1440")
		}
		oneOf(v, h+"location", &n.Location, domain.NoteLocations, true)
		oneOf(v, h+"kind", &n.Kind, domain.NoteKinds, true)
		v.text(h+"text", &n.Text, domain.MaxLongText, true)
		v.stamp(h+"createdAt", &n.CreatedAt)
		v.stamp(h+"updatedAt", &n.UpdatedAt)
	}
}
