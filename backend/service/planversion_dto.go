package service

import "icm/backend/plandoc"

// PlanVersionSummaryDTO is one signed plan version as the list shows it: its number and
// who signed it, when and how. Names are as they were at signing.
type PlanVersionSummaryDTO struct {
	ID             uint   `json:"id"`
	CourseID       uint   `json:"courseId"`
	VersionNo      int    `json:"versionNo"` // 0 for the unsigned draft
	SignedAt       string `json:"signedAt"`  // RFC 3339, when the signing was recorded
	CitizenName    string `json:"citizenName"`
	CitizenDate    string `json:"citizenDate"`
	Method         string `json:"method"` // a domain.SignMethod
	WorkerID       uint   `json:"workerId"`
	WorkerName     string `json:"workerName"`
	WorkerDate     string `json:"workerDate"`
	LeadID         uint   `json:"leadId"` // 0 when no team lead approved the version
	LeadName       string `json:"leadName"`
	LeadDate       string `json:"leadDate"`
	CitizenComment string `json:"citizenComment"` // the citizen's comments or disagreement
}

// PlanVersionDTO is a signed version (or the current draft) with its full plan, ready to
// show read-only or to print.
type PlanVersionDTO struct {
	Summary PlanVersionSummaryDTO `json:"summary"`
	Signed  bool                  `json:"signed"`
	Plan    plandoc.Plan          `json:"plan"`
}

// SignPlanInput is the sign-off form: the citizen's and the ICM worker's signatures and
// an optional approval by the team lead. The ICM worker is the course's worker; the
// approving lead is the one signed in, never a name the form sends.
type SignPlanInput struct {
	CourseID       uint   `json:"courseId"`
	CitizenName    string `json:"citizenName"` // empty: the citizen's name as registered
	CitizenDate    string `json:"citizenDate"`
	Method         string `json:"method"`
	WorkerDate     string `json:"workerDate"`
	LeadApproval   bool   `json:"leadApproval"` // the signed-in team lead approves the version
	LeadDate       string `json:"leadDate"`
	CitizenComment string `json:"citizenComment"`
}

// CompareInput names two versions of a course's plan to compare. FromID 0 is the latest
// signed version; ToID 0 is the current draft.
type CompareInput struct {
	CourseID uint `json:"courseId"`
	FromID   uint `json:"fromId"`
	ToID     uint `json:"toId"`
}

// PlanVersionRefDTO names one side of a comparison; ID and VersionNo are 0 for the draft.
type PlanVersionRefDTO struct {
	ID          uint   `json:"id"`
	VersionNo   int    `json:"versionNo"`
	CitizenDate string `json:"citizenDate"` // the date the citizen signed, "" for the draft
}

// PlanDiffDTO is what changed from one plan version to another, in plan order.
type PlanDiffDTO struct {
	CourseID uint              `json:"courseId"`
	From     PlanVersionRefDTO `json:"from"`
	To       PlanVersionRefDTO `json:"to"`
	Changes  []plandoc.Change  `json:"changes"`
}
