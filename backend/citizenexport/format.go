// Package citizenexport is the file format that carries everything the app holds about one
// citizen: the answer to an access request (GDPR art. 15) and the handover of a course to a
// colleague's installation. It builds a document from the store, checks a document read
// from a file as strictly as typed input, and writes an accepted document into the store.
// The format is described field by field in docs/file-formats.md ("Citizen export (JSON)");
// a test keeps that description and these types in step.
//
// Dates are ISO (yyyy-mm-dd), times of day are RFC 3339 in UTC, codes (housing, topics,
// statuses …) are the app's stable English codes. Lists are in the order the rows were
// written, oldest first. Ids exist only where another part of the file refers to a row.
package citizenexport

import "icm/backend/plandoc"

// Format names the format in every file.
const Format = "icm-citizen-export"

// FormatVersion is the version this build writes and the newest it reads. Bump it when a
// field changes meaning or a field is added, and keep reading the older versions.
// Version 2 added the journal notes' authors and revisions, and citizen.housingHistory
// (housing.go).
const FormatVersion = 3

// Why the file was made.
const (
	PurposeAccessRequest = "access_request" // the citizen's own copy of their data
	PurposeHandover      = "handover"       // a course moved to a colleague's installation
)

// Document is one file: the citizen, their courses and, for an access request, the audit
// log entries about them.
type Document struct {
	Format        string       `json:"format"`
	FormatVersion int          `json:"formatVersion"`
	Purpose       string       `json:"purpose"`
	ExportedAt    string       `json:"exportedAt"`
	App           App          `json:"app"`
	Source        Source       `json:"source"`
	Citizen       Citizen      `json:"citizen"`
	Courses       []Course     `json:"courses"`
	AuditLog      []AuditEntry `json:"auditLog"`
}

// App is the program that wrote the file.
type App struct {
	Version string `json:"version"`
}

// Source is the team whose installation wrote the file.
type Source struct {
	Municipality string `json:"municipality"`
	Team         string `json:"team"`
}

// Citizen is the citizen's personal and contact details.
type Citizen struct {
	Name        string `json:"name"`
	CPR         string `json:"cpr"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	Address     string `json:"address"`
	ContactNote string `json:"contactNote"`
	Housing     string `json:"housing"`
	HousingNote string `json:"housingNote"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
	// HousingHistory is the dated housing history (version 2; absent in version 1).
	HousingHistory []HousingEntry `json:"housingHistory"`
}

// Worker names a member of the team.
type Worker struct {
	Name     string `json:"name"`
	Initials string `json:"initials"`
}

// Course is one ICM course with all six steps of the method, the journal and the signed
// plan versions.
type Course struct {
	ID           uint                 `json:"id"`
	Status       string               `json:"status"`
	StartDate    string               `json:"startDate"`
	EndDate      string               `json:"endDate"`
	Worker       Worker               `json:"worker"`
	Override     *Override            `json:"override"`
	CreatedAt    string               `json:"createdAt"`
	UpdatedAt    string               `json:"updatedAt"`
	Visitation   *Visitation          `json:"visitation"`
	Assessment   []AssessmentRevision `json:"assessment"`
	Plan         Plan                 `json:"plan"`
	Coordination Coordination         `json:"coordination"`
	Advocacy     []AdvocacyCase       `json:"advocacy"`
	FollowUp     FollowUp             `json:"followUp"`
	Notes        []Note               `json:"notes"`
	PlanVersions []PlanVersion        `json:"planVersions"`
}

// Override is a team lead's permission to exceed the worker's caseload ceiling.
type Override struct {
	Reason string `json:"reason"`
	By     string `json:"by"`
	At     string `json:"at"`
}

// Visitation is step 1: target group, consent, referral and the § 141 action plan.
type Visitation struct {
	HousingAtStart       string   `json:"housingAtStart"`
	HousingNote          string   `json:"housingNote"`
	Needs                []string `json:"needs"`
	NeedsNote            string   `json:"needsNote"`
	TargetGroupReason    string   `json:"targetGroupReason"`
	Consent              string   `json:"consent"`
	ConsentForm          string   `json:"consentForm"`
	ConsentDate          string   `json:"consentDate"`
	ContactAgreement     string   `json:"contactAgreement"`
	ReferralSource       string   `json:"referralSource"`
	ReferralNote         string   `json:"referralNote"`
	VisitationDate       string   `json:"visitationDate"`
	LegalBasis           string   `json:"legalBasis"`
	LegalNote            string   `json:"legalNote"`
	ActionPlan           string   `json:"actionPlan"`
	ActionPlanDate       string   `json:"actionPlanDate"`
	ActionPlanCaseworker string   `json:"actionPlanCaseworker"`
	ActionPlanNote       string   `json:"actionPlanNote"`
	UpdatedAt            string   `json:"updatedAt"`
}

// AssessmentRevision is one dated revision of one assessment topic (step 2); all
// revisions are kept, so the history of the assessment is in the file.
type AssessmentRevision struct {
	Topic        string `json:"topic"`
	RevisionDate string `json:"revisionDate"`
	CitizenView  string `json:"citizenView"`
	WorkerView   string `json:"workerView"`
	Resources    string `json:"resources"`
	Needs        string `json:"needs"`
	Barriers     string `json:"barriers"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// Plan is step 3: goals with SMART sub-goals, and the activity plan.
type Plan struct {
	Goals      []Goal     `json:"goals"`
	Activities []Activity `json:"activities"`
}

// Goal is a long-term goal in the citizen's own words.
type Goal struct {
	CitizenWords   string    `json:"citizenWords"`
	Area           string    `json:"area"`
	ActionPlanGoal string    `json:"actionPlanGoal"`
	SubGoals       []SubGoal `json:"subGoals"`
	CreatedAt      string    `json:"createdAt"`
	UpdatedAt      string    `json:"updatedAt"`
}

// SubGoal is a SMART sub-goal; activities and evaluations refer to it by ID.
type SubGoal struct {
	ID        uint   `json:"id"`
	What      string `json:"what"`
	Measure   string `json:"measure"`
	Owner     string `json:"owner"`
	Deadline  string `json:"deadline"`
	Status    string `json:"status"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Activity is one line of the activity plan.
type Activity struct {
	What      string `json:"what"`
	Frequency string `json:"frequency"`
	Owner     string `json:"owner"`
	SubGoalID uint   `json:"subGoalId"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Coordination is step 4: the network and the coordinating meetings.
type Coordination struct {
	Network  []Contact `json:"network"`
	Meetings []Meeting `json:"meetings"`
}

// Contact is a service or person in the citizen's network.
type Contact struct {
	Kind         string `json:"kind"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	LastContact  string `json:"lastContact"`
	Active       bool   `json:"active"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// Meeting is a meeting about the citizen with the actions agreed at it.
type Meeting struct {
	Date         string          `json:"date"`
	Participants string          `json:"participants"`
	Purpose      string          `json:"purpose"`
	Preparation  string          `json:"preparation"`
	Outcome      string          `json:"outcome"`
	Actions      []MeetingAction `json:"actions"`
	CreatedAt    string          `json:"createdAt"`
	UpdatedAt    string          `json:"updatedAt"`
}

// MeetingAction is an agreed action: who does what by when.
type MeetingAction struct {
	Action   string `json:"action"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"`
	Done     bool   `json:"done"`
}

// AdvocacyCase is step 5: a barrier between the citizen and a service, and what was done.
type AdvocacyCase struct {
	Opened    string `json:"opened"`
	Barrier   string `json:"barrier"`
	Towards   string `json:"towards"`
	Actions   string `json:"actions"`
	Rights    string `json:"rights"`
	Outcome   string `json:"outcome"`
	Status    string `json:"status"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// FollowUp is step 6: evaluations, WHO-5, weekly checks, the agreed contact frequencies
// and the case reviews (both from version 3), and how the course closed.
type FollowUp struct {
	Evaluations        []Evaluation       `json:"evaluations"`
	WHO5               []WHO5             `json:"who5"`
	WeeklyChecks       []WeeklyCheck      `json:"weeklyChecks"`
	ContactFrequencies []ContactFrequency `json:"contactFrequencies"`
	CaseReviews        []CaseReview       `json:"caseReviews"`
	Closing            *Closing           `json:"closing"`
}

// ContactFrequency is the contact frequency agreed with the citizen from a day on: so many
// times per day or per week, until the next agreement.
type ContactFrequency struct {
	FromDate  string `json:"fromDate"`
	Times     int    `json:"times"`
	Per       string `json:"per"`
	Note      string `json:"note"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// CaseReview is the course discussed at a team meeting: when, who took part, what was agreed.
type CaseReview struct {
	Date         string `json:"date"`
	Participants string `json:"participants"`
	Agreed       string `json:"agreed"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// Evaluation is a three-monthly evaluation of the plan.
type Evaluation struct {
	Date        string           `json:"date"`
	DueDate     string           `json:"dueDate"`
	Summary     string           `json:"summary"`
	PlanChanges string           `json:"planChanges"`
	Items       []EvaluationItem `json:"items"`
	CreatedAt   string           `json:"createdAt"`
	UpdatedAt   string           `json:"updatedAt"`
}

// EvaluationItem is one sub-goal's status and comment at an evaluation.
type EvaluationItem struct {
	SubGoalID uint   `json:"subGoalId"`
	Status    string `json:"status"`
	Comment   string `json:"comment"`
}

// WHO5 is one WHO-5 well-being answer set: five answers from 0 to 5.
type WHO5 struct {
	Date      string `json:"date"`
	Items     []int  `json:"items"`
	Note      string `json:"note"`
	CreatedAt string `json:"createdAt"`
}

// WeeklyCheck is one week's rating of substance use and mental state, 0 to 4.
type WeeklyCheck struct {
	WeekStart string `json:"weekStart"`
	Substance int    `json:"substance"`
	Mental    int    `json:"mental"`
	Note      string `json:"note"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Closing is how the course ended and what support follows it.
type Closing struct {
	Reason         string `json:"reason"`
	AfterSupport   string `json:"afterSupport"`
	AfterNote      string `json:"afterNote"`
	HousingAtClose string `json:"housingAtClose"`
	Note           string `json:"note"`
	UpdatedAt      string `json:"updatedAt"`
}

// Note is a journal note as it reads now, with who wrote it and every revision. A file of
// version 1 has neither: reading it gives each note the course's worker as author and one
// revision, as the upgrade of the database did with the notes here.
type Note struct {
	OccurredAt      string         `json:"occurredAt"`
	DurationMinutes int            `json:"durationMinutes"`
	Location        string         `json:"location"`
	Kind            string         `json:"kind"`
	Text            string         `json:"text"`
	AuthorName      string         `json:"authorName"`
	CreatedAt       string         `json:"createdAt"`
	UpdatedAt       string         `json:"updatedAt"`
	Revisions       []NoteRevision `json:"revisions"`
}

// NoteRevision is one saved version of a note, oldest first: the first text, then each
// correction with who saved it, when and why. The last one is the note as it reads now.
type NoteRevision struct {
	RevisionNo      int    `json:"revisionNo"`
	OccurredAt      string `json:"occurredAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Location        string `json:"location"`
	Kind            string `json:"kind"`
	Text            string `json:"text"`
	WorkerName      string `json:"workerName"`
	Reason          string `json:"reason"`
	SavedAt         string `json:"savedAt"`
}

// PlanVersion is a signed version of the plan: the signatures and the plan exactly as it
// was signed.
type PlanVersion struct {
	VersionNo      int          `json:"versionNo"`
	SignedAt       string       `json:"signedAt"`
	CitizenName    string       `json:"citizenName"`
	CitizenDate    string       `json:"citizenDate"`
	Method         string       `json:"method"`
	WorkerName     string       `json:"workerName"`
	WorkerDate     string       `json:"workerDate"`
	LeadName       string       `json:"leadName"`
	LeadDate       string       `json:"leadDate"`
	CitizenComment string       `json:"citizenComment"`
	CreatedAt      string       `json:"createdAt"`
	Snapshot       plandoc.Plan `json:"snapshot"`
}

// AuditEntry is one line of the audit log about the citizen: who used which data, when.
type AuditEntry struct {
	ID         uint   `json:"id"`
	At         string `json:"at"`
	WorkerName string `json:"workerName"`
	Action     string `json:"action"`
	Object     string `json:"object"`
	CourseID   uint   `json:"courseId"`
	Detail     string `json:"detail"`
}
