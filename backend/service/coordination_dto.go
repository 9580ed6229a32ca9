package service

// ContactDTO is a service or person in the citizen's network.
type ContactDTO struct {
	ID           uint   `json:"id"`
	Kind         string `json:"kind"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	LastContact  string `json:"lastContact"`
	Active       bool   `json:"active"`
}

// MeetingActionDTO is an agreed action from a meeting.
type MeetingActionDTO struct {
	Action   string `json:"action"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"`
	Done     bool   `json:"done"`
}

// MeetingDTO is a meeting with its agreed actions.
type MeetingDTO struct {
	ID           uint               `json:"id"`
	Date         string             `json:"date"`
	Participants string             `json:"participants"`
	Purpose      string             `json:"purpose"`
	Preparation  string             `json:"preparation"`
	Outcome      string             `json:"outcome"`
	Actions      []MeetingActionDTO `json:"actions"`
}

// CoordinationDTO is the coordination step: the network and the meetings.
type CoordinationDTO struct {
	CourseID     uint          `json:"courseId"`
	Contacts     []ContactDTO  `json:"contacts"`
	Meetings     []MeetingDTO  `json:"meetings"`
	Completeness StepStatusDTO `json:"completeness"`
}

// ContactInput creates (ID 0) or updates a network contact.
type ContactInput struct {
	ID           uint   `json:"id"`
	CourseID     uint   `json:"courseId"`
	Kind         string `json:"kind"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	LastContact  string `json:"lastContact"`
	Active       bool   `json:"active"`
}

// MeetingInput creates (ID 0) or updates a meeting with its full list of actions.
type MeetingInput struct {
	ID           uint               `json:"id"`
	CourseID     uint               `json:"courseId"`
	Date         string             `json:"date"`
	Participants string             `json:"participants"`
	Purpose      string             `json:"purpose"`
	Preparation  string             `json:"preparation"`
	Outcome      string             `json:"outcome"`
	Actions      []MeetingActionDTO `json:"actions"`
}

// AdvocacyCaseDTO is a barrier and the advocacy around it.
type AdvocacyCaseDTO struct {
	ID      uint   `json:"id"`
	Opened  string `json:"opened"`
	Barrier string `json:"barrier"`
	Towards string `json:"towards"`
	Actions string `json:"actions"`
	Rights  string `json:"rights"`
	Outcome string `json:"outcome"`
	Status  string `json:"status"`
}

// AdvocacyDTO is the advocacy step.
type AdvocacyDTO struct {
	CourseID     uint              `json:"courseId"`
	Cases        []AdvocacyCaseDTO `json:"cases"`
	Completeness StepStatusDTO     `json:"completeness"`
}

// AdvocacyCaseInput creates (ID 0) or updates an advocacy case.
type AdvocacyCaseInput struct {
	ID       uint   `json:"id"`
	CourseID uint   `json:"courseId"`
	Opened   string `json:"opened"`
	Barrier  string `json:"barrier"`
	Towards  string `json:"towards"`
	Actions  string `json:"actions"`
	Rights   string `json:"rights"`
	Outcome  string `json:"outcome"`
	Status   string `json:"status"`
}
