package service

import "icm/backend/citizenexport"

// HandoverDesktop is what moving a citizen's data needs from the operating system: the
// PDF save dialog (Desktop.SavePath) and dialogs for encrypted handover files.
type HandoverDesktop interface {
	Desktop
	SaveHandoverPath(title, defaultName string) (string, error)
	OpenHandoverPath(title string) (string, error)
}

// CitizenIDInput names a citizen.
type CitizenIDInput struct {
	CitizenID uint `json:"citizenId"`
}

// AccessExportDTO tells where the access request's two files went; Cancelled when the
// user closed the dialog.
type AccessExportDTO struct {
	PDFPath   string `json:"pdfPath"`
	JSONPath  string `json:"jsonPath"`
	Cancelled bool   `json:"cancelled"`
	// ReplacedChars are characters the PDF's font could not print as written (the JSON
	// file holds them exactly); see ExportResultDTO.
	ReplacedChars []string `json:"replacedChars"`
}

// HandoverExportInput asks for a handover file of one citizen: one course, or CourseID 0
// for all of them, sealed with the passphrase.
type HandoverExportInput struct {
	CitizenID  uint   `json:"citizenId"`
	CourseID   uint   `json:"courseId"`
	Passphrase string `json:"passphrase"`
}

// HandoverExportDTO tells where the handover file went.
type HandoverExportDTO struct {
	Path      string `json:"path"`
	Courses   int    `json:"courses"`
	Cancelled bool   `json:"cancelled"`
}

// HandoverFileDTO is the file chosen for an import; Cancelled when the dialog was closed.
type HandoverFileDTO struct {
	Path      string `json:"path"`
	Name      string `json:"name"`
	Cancelled bool   `json:"cancelled"`
}

// PreviewImportInput opens a handover file with its passphrase.
type PreviewImportInput struct {
	Path       string `json:"path"`
	Passphrase string `json:"passphrase"`
}

// ImportCitizenDTO is the citizen in a handover file and, when they are here already (the
// same CPR number), who that is.
type ImportCitizenDTO struct {
	Name         string `json:"name"`
	CPRMasked    string `json:"cprMasked"`
	ExistingID   uint   `json:"existingId"`
	ExistingName string `json:"existingName"`
}

// ImportCourseDTO is one course in a handover file, what it holds, and the worker here it
// would go to.
type ImportCourseDTO struct {
	Index             int                        `json:"index"`
	Status            string                     `json:"status"`
	StartDate         string                     `json:"startDate"`
	EndDate           string                     `json:"endDate"`
	WorkerName        string                     `json:"workerName"`
	WorkerInitials    string                     `json:"workerInitials"`
	SuggestedWorkerID uint                       `json:"suggestedWorkerId"` // 0: none found here
	WorkerFound       bool                       `json:"workerFound"`       // a worker here has the same name
	Counts            citizenexport.CourseCounts `json:"counts"`
}

// Kinds of import conflicts; the UI words them.
const (
	ConflictCitizenExists = "citizen_exists"      // the courses are added to the citizen here; their details stay
	ConflictCitizenOpen   = "citizen_open_course" // blocks: the citizen here has an open course
	ConflictCourseExists  = "course_exists"       // blocks: the citizen here has a course with the same start
	ConflictSameName      = "same_name"           // a citizen with the same name but no matching CPR is here
	ConflictWorkerMissing = "worker_missing"      // no worker here has the course's worker's name: choose one
	ConflictCaseloadFull  = "caseload_full"       // the suggested worker's caseload is full
)

// ImportConflictDTO is something the user must know or decide before the import.
type ImportConflictDTO struct {
	Kind        string            `json:"kind"`
	CourseIndex int               `json:"courseIndex"` // -1 when about the citizen
	Blocking    bool              `json:"blocking"`
	Params      map[string]string `json:"params"`
}

// ImportPreviewDTO is what an import would add; nothing is written before ConfirmImport.
type ImportPreviewDTO struct {
	Token      string              `json:"token"`
	FileName   string              `json:"fileName"`
	ExportedAt string              `json:"exportedAt"` // ISO date
	Source     string              `json:"source"`     // municipality · team
	Citizen    ImportCitizenDTO    `json:"citizen"`
	Courses    []ImportCourseDTO   `json:"courses"`
	Conflicts  []ImportConflictDTO `json:"conflicts"`
	Blocked    bool                `json:"blocked"`
}

// ImportCourseChoice is the worker here chosen for course Index of the file, with the
// reason for an override when that worker's caseload is full (the signed-in team lead's).
type ImportCourseChoice struct {
	Index          int    `json:"index"`
	WorkerID       uint   `json:"workerId"`
	OverrideReason string `json:"overrideReason"`
}

// ConfirmImportInput writes a previewed import.
type ConfirmImportInput struct {
	Token   string               `json:"token"`
	Courses []ImportCourseChoice `json:"courses"`
}

// ImportResultDTO is what the import added.
type ImportResultDTO struct {
	CitizenID uint   `json:"citizenId"`
	CourseIDs []uint `json:"courseIds"`
	Existing  bool   `json:"existing"` // the courses went to a citizen who was here already
}

// DeletionCountDTO is how many rows of one kind (a table of the database) a deletion removes.
type DeletionCountDTO struct {
	Kind string `json:"kind"`
	Rows int    `json:"rows"`
}

// DeletionPreviewDTO shows what deleting a citizen's data removes and whether it may be
// done now.
type DeletionPreviewDTO struct {
	CitizenID    uint               `json:"citizenId"`
	Name         string             `json:"name"`
	Courses      int                `json:"courses"`
	OpenCourses  int                `json:"openCourses"`
	LastEndDate  string             `json:"lastEndDate"`
	Counts       []DeletionCountDTO `json:"counts"`
	AuditEntries int                `json:"auditEntries"` // kept
	Allowed      bool               `json:"allowed"`
}

// DeleteCitizenInput deletes a citizen's data; ConfirmName must be the citizen's name.
type DeleteCitizenInput struct {
	CitizenID   uint   `json:"citizenId"`
	ConfirmName string `json:"confirmName"`
}

// DeletionResultDTO is what was deleted and how many audit entries were kept.
type DeletionResultDTO struct {
	Deleted          []DeletionCountDTO `json:"deleted"`
	AuditEntriesKept int                `json:"auditEntriesKept"`
}
