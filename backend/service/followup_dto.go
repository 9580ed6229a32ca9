package service

// EvaluationItemDTO is one sub-goal's status and comment at an evaluation.
type EvaluationItemDTO struct {
	SubGoalID   uint   `json:"subGoalId"`
	SubGoalWhat string `json:"subGoalWhat"`
	Status      string `json:"status"`
	Comment     string `json:"comment"`
}

// EvaluationDTO is a three-monthly evaluation.
type EvaluationDTO struct {
	ID          uint                `json:"id"`
	Date        string              `json:"date"`
	DueDate     string              `json:"dueDate"`
	OnTime      bool                `json:"onTime"`
	Summary     string              `json:"summary"`
	PlanChanges string              `json:"planChanges"`
	Items       []EvaluationItemDTO `json:"items"`
}

// WHO5DTO is a scored WHO-5 answer set.
type WHO5DTO struct {
	ID      uint     `json:"id"`
	Date    string   `json:"date"`
	Items   []int    `json:"items"`
	Raw     int      `json:"raw"`
	Percent int      `json:"percent"`
	Change  *int     `json:"change"`
	Flags   []string `json:"flags"`
	Note    string   `json:"note"`
}

// WeeklyCheckDTO is one week's rating of substance use and mental state (0-4).
type WeeklyCheckDTO struct {
	ID        uint   `json:"id"`
	WeekStart string `json:"weekStart"`
	Substance int    `json:"substance"`
	Mental    int    `json:"mental"`
	Note      string `json:"note"`
}

// ClosingDTO is how a course ended.
type ClosingDTO struct {
	EndDate        string `json:"endDate"`
	Reason         string `json:"reason"`
	AfterSupport   string `json:"afterSupport"`
	AfterNote      string `json:"afterNote"`
	HousingAtClose string `json:"housingAtClose"`
	Note           string `json:"note"`
}

// ContactGapDTO tells how long it is since the last contact and whether that is too long.
type ContactGapDTO struct {
	Days      int    `json:"days"`
	LimitDays int    `json:"limitDays"`
	Over      bool   `json:"over"`
	Since     string `json:"since"`
	NoneYet   bool   `json:"noneYet"`
}

// FollowUpDTO is the follow-up step: evaluations, WHO-5, weekly checks and closing.
type FollowUpDTO struct {
	CourseID          uint             `json:"courseId"`
	NextEvaluationDue string           `json:"nextEvaluationDue"`
	EvaluationState   string           `json:"evaluationState"`
	Evaluations       []EvaluationDTO  `json:"evaluations"`
	WHO5              []WHO5DTO        `json:"who5"`
	WeeklyChecks      []WeeklyCheckDTO `json:"weeklyChecks"`
	Closing           *ClosingDTO      `json:"closing"`
	ContactGap        ContactGapDTO    `json:"contactGap"`
	Completeness      StepStatusDTO    `json:"completeness"`
	// ContactFrequencies is the history of agreed contact frequencies, oldest first;
	// FrequencyNow the one in force today (nil: none agreed); ContactWeeks the recent weeks'
	// actual contacts against it, oldest first.
	ContactFrequencies []ContactFrequencyDTO `json:"contactFrequencies"`
	FrequencyNow       *ContactFrequencyDTO  `json:"frequencyNow"`
	ContactWeeks       []ContactWeekDTO      `json:"contactWeeks"`
	// CaseReviews are the course's reviews at team meetings, newest first, with the latest
	// date ("" for none), when the next is due and whether that is soon or overdue.
	CaseReviews       []CaseReviewDTO `json:"caseReviews"`
	LastCaseReview    string          `json:"lastCaseReview"`
	NextCaseReviewDue string          `json:"nextCaseReviewDue"`
	CaseReviewState   string          `json:"caseReviewState"`
}

// EvaluationItemInput is one sub-goal's status and comment at an evaluation.
type EvaluationItemInput struct {
	SubGoalID uint   `json:"subGoalId"`
	Status    string `json:"status"`
	Comment   string `json:"comment"`
}

// EvaluationInput creates (ID 0) or updates an evaluation; it also sets each sub-goal's
// status to the one given here.
type EvaluationInput struct {
	ID          uint                  `json:"id"`
	CourseID    uint                  `json:"courseId"`
	Date        string                `json:"date"`
	Summary     string                `json:"summary"`
	PlanChanges string                `json:"planChanges"`
	Items       []EvaluationItemInput `json:"items"`
}

// WHO5Input is one WHO-5 answer set: five items scored 0-5 for the last two weeks.
type WHO5Input struct {
	CourseID uint   `json:"courseId"`
	Date     string `json:"date"`
	Items    []int  `json:"items"`
	Note     string `json:"note"`
}

// WeeklyCheckInput rates one week; any date in the week may be given.
type WeeklyCheckInput struct {
	CourseID  uint   `json:"courseId"`
	Week      string `json:"week"`
	Substance int    `json:"substance"`
	Mental    int    `json:"mental"`
	Note      string `json:"note"`
}

// CloseCourseInput ends a course and records what follows.
type CloseCourseInput struct {
	CourseID       uint   `json:"courseId"`
	EndDate        string `json:"endDate"`
	Reason         string `json:"reason"`
	AfterSupport   string `json:"afterSupport"`
	AfterNote      string `json:"afterNote"`
	HousingAtClose string `json:"housingAtClose"`
	Note           string `json:"note"`
}
