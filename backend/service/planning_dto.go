package service

// SubGoalDTO is a SMART sub-goal with what the SMART check finds missing.
type SubGoalDTO struct {
	ID         uint     `json:"id"`
	GoalID     uint     `json:"goalId"`
	What       string   `json:"what"`
	Measure    string   `json:"measure"`
	Owner      string   `json:"owner"`
	Deadline   string   `json:"deadline"`
	Status     string   `json:"status"`
	SmartLacks []string `json:"smartLacks"`
}

// GoalDTO is a long-term goal in the citizen's words with its sub-goals.
type GoalDTO struct {
	ID             uint         `json:"id"`
	CitizenWords   string       `json:"citizenWords"`
	Area           string       `json:"area"`
	ActionPlanGoal string       `json:"actionPlanGoal"`
	SubGoals       []SubGoalDTO `json:"subGoals"`
}

// ActivityDTO is one line of the activity plan.
type ActivityDTO struct {
	ID        uint   `json:"id"`
	What      string `json:"what"`
	Frequency string `json:"frequency"`
	Owner     string `json:"owner"`
	SubGoalID uint   `json:"subGoalId"`
}

// PlanDTO is the planning step: goals, sub-goals and the activity plan.
type PlanDTO struct {
	CourseID     uint          `json:"courseId"`
	Goals        []GoalDTO     `json:"goals"`
	Activities   []ActivityDTO `json:"activities"`
	Completeness StepStatusDTO `json:"completeness"`
}

// GoalInput creates (ID 0) or updates a goal.
type GoalInput struct {
	ID             uint   `json:"id"`
	CourseID       uint   `json:"courseId"`
	CitizenWords   string `json:"citizenWords"`
	Area           string `json:"area"`
	ActionPlanGoal string `json:"actionPlanGoal"`
}

// SubGoalInput creates (ID 0) or updates a sub-goal under a goal.
type SubGoalInput struct {
	ID       uint   `json:"id"`
	CourseID uint   `json:"courseId"`
	GoalID   uint   `json:"goalId"`
	What     string `json:"what"`
	Measure  string `json:"measure"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"`
	Status   string `json:"status"`
}

// ActivityInput creates (ID 0) or updates an activity.
type ActivityInput struct {
	ID        uint   `json:"id"`
	CourseID  uint   `json:"courseId"`
	What      string `json:"what"`
	Frequency string `json:"frequency"`
	Owner     string `json:"owner"`
	SubGoalID uint   `json:"subGoalId"`
}

// ChildInput names a row of a course's step to delete.
type ChildInput struct {
	CourseID uint `json:"courseId"`
	ID       uint `json:"id"`
}
