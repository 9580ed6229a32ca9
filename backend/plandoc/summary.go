package plandoc

// CourseHeader is who and what a printed document is about; every document
// repeats it so a page read on its own can be placed.
type CourseHeader struct {
	Municipality string `json:"municipality"`
	Team         string `json:"team"`
	Citizen      string `json:"citizen"`
	CitizenCPR   string `json:"citizenCpr"`  // masked (ddmmåå-••••) or empty
	Worker       string `json:"worker"`      // the citizen's ICM worker
	CourseStart  string `json:"courseStart"` // ISO date
	CourseEnd    string `json:"courseEnd"`   // ISO date or ""
}

// Header returns the plan's course facts in the shape the other documents use.
func (p Plan) Header() CourseHeader {
	return CourseHeader{
		Municipality: p.Municipality,
		Team:         p.Team,
		Citizen:      p.Citizen,
		CitizenCPR:   p.CitizenCPR,
		Worker:       p.Worker,
		CourseStart:  p.CourseStart,
		CourseEnd:    p.CourseEnd,
	}
}

// Summary is a course summary ("forløbsresumé"): the current plan plus how the
// course began, what the assessment found and how the evaluations went. Like
// Plan it is a self-contained snapshot with texts already translated.
type Summary struct {
	FormatVersion int               `json:"formatVersion"`
	Plan          Plan              `json:"plan"`         // the newest plan version, signed or draft; its header fields head the summary
	CourseStatus  string            `json:"courseStatus"` // translated, e.g. "Aktivt" or "Afsluttet"
	EndReason     string            `json:"endReason"`    // translated reason the course ended, or ""
	Visitation    Visitation        `json:"visitation"`
	Assessment    []AssessmentTopic `json:"assessment"`  // one entry per topic, in the order the method lists them
	Evaluations   []Evaluation      `json:"evaluations"` // oldest first
	WHO5          []WHO5Point       `json:"who5"`        // every WHO-5 of the course, oldest first (not only those in the plan)
	Journal       []JournalNote     `json:"journal"`     // empty unless the user chose to include the notes
}

// Visitation is how the citizen came into ICM: the referral and the decision.
type Visitation struct {
	Date       string   `json:"date"`       // ISO date of the visitation decision
	ReferredBy string   `json:"referredBy"` // who referred the citizen (person or service)
	Reason     string   `json:"reason"`     // why, in the referrer's words
	Criteria   []string `json:"criteria"`   // translated target group criteria that were met
	DecidedBy  string   `json:"decidedBy"`  // who made the decision (team lead, visitation meeting)
}

// AssessmentTopic is the latest assessment ("udredning") text for one topic.
type AssessmentTopic struct {
	Topic     string `json:"topic"`     // translated topic, e.g. "Bolig" or "Helbred"
	Text      string `json:"text"`      // the latest text only
	UpdatedAt string `json:"updatedAt"` // ISO date of that text
	UpdatedBy string `json:"updatedBy"` // who wrote it, or ""
}

// Evaluation is one evaluation meeting of the plan.
type Evaluation struct {
	Date        string          `json:"date"`        // ISO date it was held, "" if not yet held
	DueDate     string          `json:"dueDate"`     // ISO date it was due
	SubGoals    []SubGoalReview `json:"subGoals"`    // status of each sub-goal at this evaluation
	Summary     string          `json:"summary"`     // what was said overall
	PlanChanges string          `json:"planChanges"` // what was changed in the plan, or ""
}

// SubGoalReview is a sub-goal's status and comment at one evaluation.
type SubGoalReview struct {
	Goal    string `json:"goal"`    // the parent goal in the citizen's words
	What    string `json:"what"`    // the sub-goal
	Status  string `json:"status"`  // translated
	Comment string `json:"comment"` // the comment made at the evaluation
}

// JournalNote is one journal entry included in a summary on request: the note as it reads
// now, and when it has been corrected, when and by whom it was corrected last.
type JournalNote struct {
	Date        string `json:"date"`        // ISO date (or RFC 3339 timestamp)
	Author      string `json:"author"`      // who wrote it
	Kind        string `json:"kind"`        // translated, e.g. "Samtale" or "Telefon"
	Text        string `json:"text"`        // the current text
	CorrectedOn string `json:"correctedOn"` // ISO date of the latest correction; "" when never corrected
	CorrectedBy string `json:"correctedBy"` // who made the latest correction
}

// EvaluationDoc is a single evaluation printed on its own, with the course
// header so the paper can be filed.
type EvaluationDoc struct {
	FormatVersion int          `json:"formatVersion"`
	Course        CourseHeader `json:"course"`
	Evaluation    Evaluation   `json:"evaluation"`
}
