package service

// TeamDTO is the team as the UI sees it.
type TeamDTO struct {
	ID           uint   `json:"id"`
	Municipality string `json:"municipality"`
	Name         string `json:"name"`
}

// SetupTeamInput creates the team and its first team lead at first start.
type SetupTeamInput struct {
	Municipality string  `json:"municipality"`
	TeamName     string  `json:"teamName"`
	LeadName     string  `json:"leadName"`
	LeadInitials string  `json:"leadInitials"`
	LeadFTE      float64 `json:"leadFte"`
	// The team lead's sign-in; required in the app, left out only by the demo loader.
	LeadUsername string `json:"leadUsername"`
	LeadPassword string `json:"leadPassword"`
}

// UpdateTeamInput renames the team.
type UpdateTeamInput struct {
	Municipality string `json:"municipality"`
	TeamName     string `json:"teamName"`
}

// WorkerDTO is a worker with their caseload figures.
type WorkerDTO struct {
	ID          uint    `json:"id"`
	Name        string  `json:"name"`
	Initials    string  `json:"initials"`
	Role        string  `json:"role"`
	FTE         float64 `json:"fte"`
	Active      bool    `json:"active"`
	OpenCourses int     `json:"openCourses"`
	MaxCaseload int     `json:"maxCaseload"`
}

// WorkerInput creates (ID 0) or updates a worker.
type WorkerInput struct {
	ID       uint    `json:"id"`
	Name     string  `json:"name"`
	Initials string  `json:"initials"`
	Role     string  `json:"role"`
	FTE      float64 `json:"fte"`
	Active   bool    `json:"active"`
}

// OverrideDTO is a recorded exception to the caseload ceiling.
type OverrideDTO struct {
	CourseID    uint   `json:"courseId"`
	CitizenID   uint   `json:"citizenId"`
	CitizenName string `json:"citizenName"`
	Reason      string `json:"reason"`
	ByName      string `json:"byName"`
	At          string `json:"at"`
}

// CaseloadDTO is one worker's caseload: n of max, and any overrides that explain n > max.
type CaseloadDTO struct {
	Worker    WorkerDTO     `json:"worker"`
	Open      int           `json:"open"`
	Max       int           `json:"max"`
	Over      bool          `json:"over"`
	Overrides []OverrideDTO `json:"overrides"`
}

// TeamOverviewDTO is the team with every active worker's caseload.
type TeamOverviewDTO struct {
	Team      TeamDTO       `json:"team"`
	Caseloads []CaseloadDTO `json:"caseloads"`
	Open      int           `json:"open"`
	Capacity  int           `json:"capacity"`
}
