package domain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Code is a stable, language-neutral error code that the UI translates.
type Code string

// Error codes shared by the backend and the UI's locale files (errors.<code>).
const (
	CodeInvalidInput      Code = "invalid_input"
	CodeRequired          Code = "required"
	CodeTooLong           Code = "too_long"
	CodeInvalidCharacters Code = "invalid_characters"
	CodeInvalidDate       Code = "invalid_date"
	CodeDateOutOfRange    Code = "date_out_of_range"
	CodeDateOrder         Code = "date_order"
	CodeDuplicateDate     Code = "duplicate_date" // a record of this kind already exists on that date
	CodeInvalidCPR        Code = "invalid_cpr"
	CodeDuplicateCPR      Code = "duplicate_cpr"
	CodeCPRUnavailable    Code = "cpr_unavailable" // the CPR number is taken by a citizen hidden from the worker
	CodeInvalidFTE        Code = "invalid_fte"
	CodeInvalidChoice     Code = "invalid_choice"
	CodeOutOfRange        Code = "out_of_range"
	CodeInvalidEmail      Code = "invalid_email"
	CodeInvalidPhone      Code = "invalid_phone"
	CodeCaseloadFull      Code = "caseload_full"
	CodeOverrideByLead    Code = "override_requires_team_lead"
	CodeApprovalByLead    Code = "approval_requires_team_lead" // only the signed-in team lead approves a plan version
	CodeActiveCourse      Code = "citizen_has_open_course"
	CodeCourseClosed      Code = "course_closed"
	CodeNotFound          Code = "not_found"
	CodeTeamExists        Code = "team_exists"
	CodeTeamMissing       Code = "team_missing"
	CodeNotEmpty          Code = "database_not_empty"
	CodeLastTeamLead      Code = "last_team_lead"
	CodeWorkerHasCourses  Code = "worker_has_courses"
	CodeDatabaseCorrupt   Code = "database_corrupt"
	CodeDatabaseLocked    Code = "database_locked"
	CodeDatabaseNewer     Code = "database_newer"
	CodeDuplicateInitials Code = "duplicate_initials"
	CodeInvalidInitials   Code = "invalid_initials"
	CodePlanEmpty         Code = "plan_empty"      // a plan without goals cannot be signed
	CodePlanSigned        Code = "plan_signed"     // a signed plan version is a record and never changes
	CodeTemplateSigned    Code = "template_signed" // a signed method template version is a record and never changes
	CodeNoteRecord        Code = "note_record"     // a journal note is corrected by a new revision, never changed in place or deleted
	CodeExportFailed      Code = "export_failed"
	CodeOpenFailed        Code = "open_failed"
	CodeInternal          Code = "internal"
	// The note search index is being built (just after a new laptop joined its team).
	CodeSearchIndexBuilding Code = "search_index_building"

	// Sign-in and access.
	CodeNotSignedIn      Code = "not_signed_in"            // no one is signed in
	CodeSessionLocked    Code = "session_locked"           // the screen locked after inactivity: sign in again
	CodePasswordChange   Code = "password_change_required" // the worker must choose their own password first
	CodeWrongCredentials Code = "wrong_credentials"        // unknown username or wrong password (never says which)
	CodeAccountLocked    Code = "account_locked"           // too many failed attempts: locked until params.until
	CodeForbidden        Code = "forbidden"                // the role may not do this
	CodeReadOnlyAccess   Code = "read_only_access"         // a colleague's citizen, shown read-only
	CodeNoAccess         Code = "no_access"                // a colleague's citizen, and the team hides them
	CodeWeakPassword     Code = "weak_password"            // params.min: the minimum length
	CodeUsernameTaken    Code = "username_taken"           // another worker signs in with this username
	CodeAccountSetUp     Code = "account_exists"           // the first team lead account is already set up
	CodeAuditAppendOnly  Code = "audit_append_only"        // the audit log is never changed
	CodeAuditChainBroken Code = "audit_chain_broken"       // params.entry: the first entry that does not match

	// Encrypted files (backups, handovers) and restore.
	CodeWeakPassphrase      Code = "weak_passphrase"      // params.min: the minimum length of a file's passphrase
	CodeGuessablePassphrase Code = "guessable_passphrase" // one character repeated, only digits, or only common words
	CodeWrongPassphrase     Code = "wrong_passphrase"     // the passphrase does not open the file
	CodeFileDamaged         Code = "file_damaged"         // an encrypted file was changed, cut short or added to
	CodeNotEncrypted        Code = "not_encrypted_file"   // the file is not one of ICM's encrypted files
	CodeWrongFileKind       Code = "wrong_file_kind"      // params.kind: e.g. a handover file given to restore
	CodeFileNewer           Code = "file_newer"           // the file was written by a newer version of ICM
	CodeBackupInvalid       Code = "backup_invalid"       // the backup opened but holds no sound ICM database
	CodeNotICMDatabase      Code = "not_icm_database"     // a sound SQLite database, but another program's: ICM neither migrates nor restores it
	CodeWriteFailed         Code = "write_failed"         // a file could not be written (disk full, no access to the folder)

	// A citizen's data: access request, handover between installations, deletion at the end of retention.
	CodeRetentionCourseOpen Code = "retention_course_open"          // params.open: courses not closed yet
	CodeNameMismatch        Code = "name_mismatch"                  // the name typed to confirm is not the citizen's
	CodeNotCitizenExport    Code = "not_citizen_export"             // the file holds no ICM citizen export
	CodeCitizenExportBad    Code = "citizen_export_invalid"         // params.field: the first value that fails validation
	CodeImportCitizenOpen   Code = "import_citizen_has_open_course" // the citizen is here already, with an open course
	CodeImportCourseExists  Code = "import_course_exists"           // params.start: the citizen here has a course with that start
	CodeImportExpired       Code = "import_expired"                 // the previewed import is gone: choose the file again
	CodeImportNeedsLead     Code = "import_needs_team_lead"         // the file's citizen is here, hidden from the worker
	CodeFileTooLarge        Code = "file_too_large"                 // params.max: the largest file in MB
	CodeDialogFailed        Code = "dialog_failed"                  // the system's file dialog could not be shown

	// The housing history and the closing of a course.
	CodeCloseThroughClosing Code = "close_through_closing"     // a course is closed only by the follow-up step's closing
	CodeHousingThroughMove  Code = "housing_through_move"      // an existing citizen's housing changes only by a registered move
	CodeHousingEntryOfStep  Code = "housing_entry_of_step"     // a course start or closing entry is changed in its step, not in the history
	CodeHousingCorrected    Code = "housing_already_corrected" // the entry has already been corrected or withdrawn
)

// FieldError names one input field and what is wrong with it.
type FieldError struct {
	Field  string            `json:"field"`
	Code   Code              `json:"code"`
	Params map[string]string `json:"params,omitempty"`
}

// Error is the one error type that crosses to the UI: a code, optional field errors and
// parameters for the translated message. Message is English text for logs and developers only.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	Params  map[string]string
	cause   error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, " [%s: %s]", f.Field, f.Code)
	}
	return b.String()
}

// Unwrap gives the underlying cause, if any.
func (e *Error) Unwrap() error { return e.cause }

// E builds an Error with a code and an English developer message.
func E(code Code, msg string) *Error { return &Error{Code: code, Message: msg} }

// Wrap builds an Error that keeps the cause for errors.Is/As.
func Wrap(code Code, msg string, cause error) *Error {
	return &Error{Code: code, Message: msg, cause: cause}
}

// With adds a message parameter and returns the error for chaining.
func (e *Error) With(key, value string) *Error {
	if e.Params == nil {
		e.Params = map[string]string{}
	}
	e.Params[key] = value
	return e
}

// CodeOf returns the code of err, or CodeInternal for errors that are not *Error.
func CodeOf(err error) Code {
	var de *Error
	if errors.As(err, &de) {
		return de.Code
	}
	return CodeInternal
}

// MaxProblems is how many field errors one call reports at most.
const MaxProblems = 50

// Problems collects field errors while validating one input struct.
type Problems struct {
	fields []FieldError
}

// Add records a problem with a field.
func (p *Problems) Add(field string, code Code, params ...string) {
	if len(p.fields) >= MaxProblems {
		return // a form shows a handful; thousands (a list of 20 000 bad items) only bloat the reply
	}
	fe := FieldError{Field: field, Code: code}
	if len(params) > 0 {
		fe.Params = map[string]string{}
		for i := 0; i+1 < len(params); i += 2 {
			fe.Params[params[i]] = params[i+1]
		}
	}
	p.fields = append(p.fields, fe)
}

// Has reports whether a given field already has a problem.
func (p *Problems) Has(field string) bool {
	for _, f := range p.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns nil when nothing was added, else an invalid_input Error with all field errors
// sorted by field name so that the UI and tests see a stable order.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	fields := append([]FieldError(nil), p.fields...)
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].Field < fields[j].Field })
	return &Error{Code: CodeInvalidInput, Message: "input failed validation", Fields: fields}
}
