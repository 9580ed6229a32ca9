// Package plandoc is the content of a plan as it is signed and printed: a self-contained
// snapshot with every text already resolved, so a signed version never changes when the
// live data does, and the PDF renderer needs no database.
package plandoc

// Version is the format of the snapshot; bump it when fields change meaning.
const Version = 1

// Plan is one plan version: who it is for, what was agreed, and who signed.
type Plan struct {
	FormatVersion  int            `json:"formatVersion"`
	Municipality   string         `json:"municipality"`
	Team           string         `json:"team"`
	Citizen        string         `json:"citizen"`
	CitizenCPR     string         `json:"citizenCpr"` // masked (ddmmåå-••••) or empty
	Worker         string         `json:"worker"`
	CourseStart    string         `json:"courseStart"` // ISO date
	CourseEnd      string         `json:"courseEnd"`   // ISO date or ""
	VersionNo      int            `json:"versionNo"`   // 0 for the unsigned draft
	Wishes         string         `json:"wishes"`      // the citizen's wishes, hopes and dreams in their own words
	Goals          []Goal         `json:"goals"`
	Activities     []Activity     `json:"activities"`
	Network        []Contact      `json:"network"`
	Actions        []Action       `json:"actions"` // agreed actions from meetings: who does what by when
	Advocacy       []AdvocacyCase `json:"advocacy"`
	NextEvaluation string         `json:"nextEvaluation"` // ISO date
	ActionPlan141  string         `json:"actionPlan141"`  // status text of the § 141 action plan
	WHO5           []WHO5Point    `json:"who5"`
	Signature      *Signature     `json:"signature"` // nil for a draft
}

// Goal is a long-term goal in the citizen's words with its SMART sub-goals.
type Goal struct {
	CitizenWords   string    `json:"citizenWords"`
	Area           string    `json:"area"` // translated life area
	ActionPlanGoal string    `json:"actionPlanGoal"`
	SubGoals       []SubGoal `json:"subGoals"`
}

// SubGoal is one SMART sub-goal; Status is already translated.
type SubGoal struct {
	What     string `json:"what"`
	Measure  string `json:"measure"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"` // ISO date or ""
	Status   string `json:"status"`
}

// Activity is one line of the activity plan.
type Activity struct {
	What      string `json:"what"`
	Frequency string `json:"frequency"`
	Owner     string `json:"owner"`
}

// Contact is a service or person in the network.
type Contact struct {
	Kind         string `json:"kind"` // translated
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Role         string `json:"role"`
	Phone        string `json:"phone"`
}

// Action is an agreed action with owner and deadline.
type Action struct {
	Action   string `json:"action"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"`
	Done     bool   `json:"done"`
}

// AdvocacyCase is a barrier and the advocacy around it.
type AdvocacyCase struct {
	Barrier string `json:"barrier"`
	Towards string `json:"towards"`
	Actions string `json:"actions"`
	Outcome string `json:"outcome"`
	Status  string `json:"status"` // translated
}

// WHO5Point is one WHO-5 score for the trend chart.
type WHO5Point struct {
	Date    string `json:"date"` // ISO date
	Percent int    `json:"percent"`
}

// Signature records who signed the version, when and how.
type Signature struct {
	CitizenName    string `json:"citizenName"`
	CitizenDate    string `json:"citizenDate"`
	Method         string `json:"method"` // translated: signed on paper at a meeting, or confirmed in person
	WorkerName     string `json:"workerName"`
	WorkerDate     string `json:"workerDate"`
	LeadName       string `json:"leadName"` // "" when not approved by a team lead
	LeadDate       string `json:"leadDate"`
	CitizenComment string `json:"citizenComment"` // the citizen's comments or disagreement
	SignedAt       string `json:"signedAt"`       // RFC 3339, when it was recorded
}
