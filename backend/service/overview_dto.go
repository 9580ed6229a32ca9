package service

// OverviewDTO is the team lead's overview: caseloads, where the courses stand in the
// method, what needs doing, outcomes (housing, WHO-5) and the ICM fidelity check.
type OverviewDTO struct {
	Today           string              `json:"today"`
	Team            TeamDTO             `json:"team"`
	OpenCourses     int                 `json:"openCourses"`
	Capacity        int                 `json:"capacity"`
	ContactGapLimit int                 `json:"contactGapLimit"`
	Caseloads       []CaseloadDTO       `json:"caseloads"`
	Steps           []StepCountDTO      `json:"steps"`
	Evaluations     []EvaluationDueDTO  `json:"evaluations"`
	ContactGaps     []ContactGapRowDTO  `json:"contactGaps"`
	Unsigned        []CourseRefDTO      `json:"unsigned"`
	Housing         HousingOverviewDTO  `json:"housing"`
	WHO5            WHO5OverviewDTO     `json:"who5"`
	Fidelity        []CourseFidelityDTO `json:"fidelity"`
	FidelityTotals  []RuleTotalDTO      `json:"fidelityTotals"`
	// ContactIntensity lists the courses with an agreed contact frequency, those below it
	// in their latest whole week first; CaseReviews the reviews due or overdue; Routines
	// the team's status meetings and supervision.
	ContactIntensity []ContactIntensityRowDTO `json:"contactIntensity"`
	CaseReviews      []CaseReviewDueDTO       `json:"caseReviews"`
	Routines         TeamRoutinesDTO          `json:"routines"`
}

// StepCountDTO counts the open courses whose first incomplete method step is Step;
// Step "complete" counts the courses where every step is filled in.
type StepCountDTO struct {
	Step  string `json:"step"`
	Count int    `json:"count"`
}

// CourseRefDTO names an open course in a list of things to do.
type CourseRefDTO struct {
	CourseID       uint   `json:"courseId"`
	CitizenName    string `json:"citizenName"`
	WorkerInitials string `json:"workerInitials"`
}

// EvaluationDueDTO is a course whose evaluation is due within 14 days or overdue.
type EvaluationDueDTO struct {
	CourseRefDTO
	DueDate string `json:"dueDate"`
	State   string `json:"state"` // due_soon or overdue
	// Days is the number of days until the due date; negative when overdue.
	Days int `json:"days"`
}

// ContactGapRowDTO is a course that has gone longer without contact than the team's limit.
type ContactGapRowDTO struct {
	CourseRefDTO
	Days      int    `json:"days"`
	LimitDays int    `json:"limitDays"`
	Since     string `json:"since"`
	NoneYet   bool   `json:"noneYet"`
}

// HousingCountDTO counts open courses in one housing category at the start and now.
type HousingCountDTO struct {
	Housing string `json:"housing"` // "" when not recorded
	Start   int    `json:"start"`
	Now     int    `json:"now"`
}

// HousingOverviewDTO compares housing at the start of the open courses (the visitation's
// housing at start) with the citizens' housing now. "Own home" is own or own_at_risk; the
// shares are of all open courses, unrecorded housing included.
type HousingOverviewDTO struct {
	Categories   []HousingCountDTO   `json:"categories"`
	Total        int                 `json:"total"`
	OwnHomeStart int                 `json:"ownHomeStart"`
	OwnHomeNow   int                 `json:"ownHomeNow"`
	Retention    HousingRetentionDTO `json:"retention"`
}

// HousingRetentionDTO is the method's headline outcome, from the housing history of every
// citizen (open and closed courses): of the citizens who moved into a home of their own
// during a course (MovedIn), how many kept it 6 and 12 months (see domain.HousingRetentionOf).
type HousingRetentionDTO struct {
	MovedIn int              `json:"movedIn"`
	Kept    []HousingKeptDTO `json:"kept"`
}

// HousingKeptDTO is one span: of the citizens for whom Months have passed since they moved
// in (Eligible), how many kept their own home all that time (Kept).
type HousingKeptDTO struct {
	Months   int `json:"months"`
	Eligible int `json:"eligible"`
	Kept     int `json:"kept"`
}

// WHO5BucketDTO counts the courses whose latest WHO-5 score lies in From-To.
type WHO5BucketDTO struct {
	Key   string `json:"key"` // low, poor, good
	From  int    `json:"from"`
	To    int    `json:"to"`
	Count int    `json:"count"`
}

// WHO5OverviewDTO is the distribution of the latest WHO-5 per open course and the change
// from the first to the latest score (±10 points or more counts as a change).
type WHO5OverviewDTO struct {
	Buckets     []WHO5BucketDTO `json:"buckets"`
	Improved    int             `json:"improved"`
	Stable      int             `json:"stable"`
	Worsened    int             `json:"worsened"`
	SingleScore int             `json:"singleScore"` // only one score, no change yet
	NoScore     int             `json:"noScore"`
}

// RuleResultDTO is one fidelity rule's verdict on one course, with the step that fixes it.
type RuleResultDTO struct {
	Rule   string            `json:"rule"`
	Pass   bool              `json:"pass"`
	Reason string            `json:"reason"`
	Step   string            `json:"step"`
	Params map[string]string `json:"params"`
}

// CourseFidelityDTO is the fidelity check of one course.
type CourseFidelityDTO struct {
	CourseID       uint            `json:"courseId"`
	CitizenName    string          `json:"citizenName"`
	WorkerName     string          `json:"workerName"`
	WorkerInitials string          `json:"workerInitials"`
	Status         string          `json:"status"`
	StartDate      string          `json:"startDate"`
	Results        []RuleResultDTO `json:"results"`
	Passed         int             `json:"passed"`
	Total          int             `json:"total"`
}

// RuleTotalDTO is how many of the open courses pass one rule.
type RuleTotalDTO struct {
	Rule  string `json:"rule"`
	Pass  int    `json:"pass"`
	Total int    `json:"total"`
}

// ContactIntensityRowDTO is an open course with an agreed contact frequency: the agreement
// in force and the latest whole week's contacts against it (nil when no week is judged yet).
type ContactIntensityRowDTO struct {
	CourseRefDTO
	Frequency ContactFrequencyDTO `json:"frequency"`
	LastWeek  *ContactWeekDTO     `json:"lastWeek"`
}

// CaseReviewDueDTO is an open course whose case review at a team meeting is due within
// 14 days or overdue.
type CaseReviewDueDTO struct {
	CourseRefDTO
	LastReview string `json:"lastReview"` // "" when the course has never been reviewed
	DueDate    string `json:"dueDate"`
	State      string `json:"state"` // due_soon or overdue
	Days       int    `json:"days"`  // until the due date; negative when overdue
}
