package service

// CourseSummaryDTO is a course in a citizen's course list.
type CourseSummaryDTO struct {
	ID             uint   `json:"id"`
	Status         string `json:"status"`
	StartDate      string `json:"startDate"`
	EndDate        string `json:"endDate"`
	WorkerID       uint   `json:"workerId"`
	WorkerName     string `json:"workerName"`
	WorkerInitials string `json:"workerInitials"`
}

// StepStatusDTO tells the wizard how far one method step has come.
type StepStatusDTO struct {
	Step      string   `json:"step"`
	Available bool     `json:"available"`
	Done      int      `json:"done"`
	Total     int      `json:"total"`
	Percent   int      `json:"percent"`
	Missing   []string `json:"missing"`
}

// CourseDTO is one course with its citizen, worker, override and step progress.
type CourseDTO struct {
	ID          uint            `json:"id"`
	ReadOnly    bool            `json:"readOnly"` // a colleague's course: the worker may read, not change
	CitizenID   uint            `json:"citizenId"`
	CitizenName string          `json:"citizenName"`
	Worker      WorkerDTO       `json:"worker"`
	StartDate   string          `json:"startDate"`
	EndDate     string          `json:"endDate"`
	Status      string          `json:"status"`
	Override    *OverrideDTO    `json:"override"`
	Steps       []StepStatusDTO `json:"steps"`
	UpdatedAt   string          `json:"updatedAt"`
	// ContactGap warns when there has been no contact for longer than the team's limit.
	ContactGap        ContactGapDTO `json:"contactGap"`
	NextEvaluationDue string        `json:"nextEvaluationDue"`
	EvaluationState   string        `json:"evaluationState"`
}

// CreateCourseInput starts an ICM course for a citizen with one responsible worker.
// OverrideReason is needed only when the worker's caseload is full; the override is the
// signed-in team lead's.
type CreateCourseInput struct {
	CitizenID      uint   `json:"citizenId"`
	WorkerID       uint   `json:"workerId"`
	StartDate      string `json:"startDate"`
	OverrideReason string `json:"overrideReason"`
}

// UpdateCourseInput changes a course's worker, dates or status.
type UpdateCourseInput struct {
	ID             uint   `json:"id"`
	WorkerID       uint   `json:"workerId"`
	StartDate      string `json:"startDate"`
	Status         string `json:"status"`
	EndDate        string `json:"endDate"`
	OverrideReason string `json:"overrideReason"`
}

// VisitationDTO is step 1, target group and visitation, with its completeness.
type VisitationDTO struct {
	CourseID             uint          `json:"courseId"`
	HousingAtStart       string        `json:"housingAtStart"`
	HousingNote          string        `json:"housingNote"`
	Needs                []string      `json:"needs"`
	NeedsNote            string        `json:"needsNote"`
	TargetGroupReason    string        `json:"targetGroupReason"`
	Consent              string        `json:"consent"`
	ConsentForm          string        `json:"consentForm"`
	ConsentDate          string        `json:"consentDate"`
	ContactAgreement     string        `json:"contactAgreement"`
	ReferralSource       string        `json:"referralSource"`
	ReferralNote         string        `json:"referralNote"`
	VisitationDate       string        `json:"visitationDate"`
	LegalBasis           string        `json:"legalBasis"`
	LegalNote            string        `json:"legalNote"`
	ActionPlan           string        `json:"actionPlan"`
	ActionPlanDate       string        `json:"actionPlanDate"`
	ActionPlanCaseworker string        `json:"actionPlanCaseworker"`
	ActionPlanNote       string        `json:"actionPlanNote"`
	UpdatedAt            string        `json:"updatedAt"`
	Completeness         StepStatusDTO `json:"completeness"`
}

// SaveVisitationInput is the whole visitation step as the form holds it; the UI autosaves it.
type SaveVisitationInput struct {
	CourseID             uint     `json:"courseId"`
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
}
