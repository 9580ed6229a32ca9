package service

// ConflictValueDTO is one value of a field in conflict: the value every laptop shows now,
// or a value that lost and is kept. Text is what the screens show (a reference as the
// name of the row it names); Kind tells the UI how to show it: text, date, number, ref
// (a name), linked (a reference to a row the UI has no name for) or empty.
type ConflictValueDTO struct {
	KeptID     uint   `json:"keptId"` // 0 for the current value
	Text       string `json:"text"`
	Kind       string `json:"kind"`
	WriterName string `json:"writerName"` // the worker who uses the laptop that wrote it ("" when unknown)
	Laptop     string `json:"laptop"`     // that laptop's name as the team lead knows it
	At         string `json:"at"`         // when it was written (ISO, UTC)
}

// ConflictDTO is one field that two or more laptops changed at once while offline: the
// value every laptop shows now and the values that lost. Field is "table.column", which
// the UI turns into the label its screens use (a generic one when it does not know it).
type ConflictDTO struct {
	ID          uint               `json:"id"` // the first kept value's id: what Resolve takes
	Field       string             `json:"field"`
	CitizenID   uint               `json:"citizenId"` // 0 for team-level data
	CitizenName string             `json:"citizenName"`
	CourseID    uint               `json:"courseId"` // 0 when the field is not a course's
	Mergeable   bool               `json:"mergeable"`
	Current     ConflictValueDTO   `json:"current"`
	Kept        []ConflictValueDTO `json:"kept"`
}

// ConflictListInput narrows List to one course's page (its own fields and its citizen's)
// or to one citizen's; zero values list every conflict the signed-in worker may resolve.
type ConflictListInput struct {
	CourseID  uint `json:"courseId"`
	CitizenID uint `json:"citizenId"`
}

// Choices of ResolveConflictInput.
const (
	ConflictKeepCurrent = "current" // the value every laptop shows stays
	ConflictTakeKept    = "kept"    // the kept value named by ID is written back
	ConflictMerge       = "merged"  // Text, made of both, is written
)

// ResolveConflictInput decides a conflict: ID is one of its kept values (the one written
// back for "kept"); Text is the merged text for "merged".
type ResolveConflictInput struct {
	ID     uint   `json:"id"`
	Choice string `json:"choice"`
	Text   string `json:"text"`
}

// ConflictCountDTO is how many fields in conflict the signed-in worker may resolve.
type ConflictCountDTO struct {
	Count int `json:"count"`
}
