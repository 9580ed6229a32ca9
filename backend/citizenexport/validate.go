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
	version int // the document's format version
}

// Validate checks every value of a decoded document as strictly as typed input: texts go
// through domain.CleanLine/CleanText (and are cleaned in place), codes must be known,
// dates must parse and lie in the ranges the forms allow, references between rows must
// resolve, and the rules of the method hold (one open course; a closed course has an end
// date). It returns nil or a citizen_export_invalid error naming the failing fields.
func Validate(doc *Document, now time.Time) error {
	v := &validator{today: domain.Day(now), nowTime: now, version: doc.FormatVersion}
	v.document(doc)
	err := v.p.Err()
	if err == nil {
		if doc.FormatVersion < 2 {
			// A version 1 file has no housing history: it is made from the housing fields, as
			// the upgrade of an installation made it.
			doc.Citizen.HousingHistory = housingFromFields(doc)
		}
		doc.FormatVersion = FormatVersion // an older version now reads as this one
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
	defer v.housing(d) // after the courses, whose ids it refers to
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
	c.CPR = domain.NormalizeCPR(&v.p, "citizen.cpr", c.CPR, v.today)
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
