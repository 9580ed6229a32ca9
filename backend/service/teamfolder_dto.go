package service

// Sync states of the shell's indicator (TeamFolderStatusDTO.State).
const (
	SyncNone    = "none"    // no team folder: the laptop works alone
	SyncWaiting = "waiting" // joined, waiting for the team lead to enroll it
	SyncLoading = "loading" // founding, or the first load of the team's data, is running
	SyncOK      = "ok"      // up to date
	SyncSending = "sending" // changes wait to go out
	SyncOffline = "offline" // the team folder cannot be reached
	SyncProblem = "problem" // files or changes were refused; the list says which
	SyncRevoked = "revoked" // this laptop was taken out of the team
)

// Events the service sends to the window.
const (
	EventSyncApplied  = "sync:applied"  // another laptop's changes arrived: screens reload (data: how many files)
	EventSyncStatus   = "sync:status"   // the indicator's state changed or a pass ended (data: SyncIndicatorDTO)
	EventSyncProgress = "sync:progress" // a step of founding or of the first load (data: SyncProgressDTO)
)

// notSeenDays is how long a laptop may go unseen before the status names it.
const notSeenDays = 14

// SyncProgressDTO is one step of founding a team or of a laptop's first load.
type SyncProgressDTO struct {
	Operation string `json:"operation"` // found, load
	Phase     string `json:"phase"`     // snapshot_read, snapshot_write, snapshot_load, search_index, done
	Done      int64  `json:"done"`
	Total     int64  `json:"total"` // 0: not counted (a moving bar)
}

// SyncIndicatorDTO is what the shell's indicator shows, sent with every sync:status event.
type SyncIndicatorDTO struct {
	State   string `json:"state"`
	Pending int64  `json:"pending"`
}

// SyncProblemDTO is one problem as a code with parameters the UI turns into plain words and
// advice: folder_unreachable, sync_failed, laptop_not_seen (label, days), file_refused,
// file_newer, file_waiting (label, file), changes_refused (count), revoked.
type SyncProblemDTO struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
}

// TeamLaptopDTO is one laptop of the team.
type TeamLaptopDTO struct {
	Laptop     string `json:"laptop"`
	Label      string `json:"label"`
	WorkerID   uint   `json:"workerId"` // 0: the worker has not arrived on this laptop yet
	WorkerName string `json:"workerName"`
	Lead       bool   `json:"lead"`
	Revoked    bool   `json:"revoked"`
	This       bool   `json:"this"`     // the laptop the app runs on
	LastSeen   string `json:"lastSeen"` // ISO time of its newest file applied here; "" never
}

// TeamFolderStatusDTO is the sync page: where this laptop stands with its team folder.
type TeamFolderStatusDTO struct {
	State      string           `json:"state"`
	Folder     string           `json:"folder"`
	LastSync   string           `json:"lastSync"` // ISO time of the last whole pass; "" never
	Pending    int64            `json:"pending"`
	LaptopCode string           `json:"laptopCode"`
	TeamCode   string           `json:"teamCode"` // the founding laptop's code, for a team lead to give out
	Lead       bool             `json:"lead"`     // this laptop is a team lead's
	Laptops    []TeamLaptopDTO  `json:"laptops"`
	Problems   []SyncProblemDTO `json:"problems"`
	Progress   *SyncProgressDTO `json:"progress"` // the running step of founding or loading, if any
}

// JoinStatusDTO is what the first-start screen shows while a new laptop waits and loads.
type JoinStatusDTO struct {
	State      string           `json:"state"`
	LaptopCode string           `json:"laptopCode"`
	Progress   *SyncProgressDTO `json:"progress"`
}

// FolderInput names a folder.
type FolderInput struct {
	Path string `json:"path"`
}

// FolderCheckDTO says whether a folder can be the team folder and what it holds.
type FolderCheckDTO struct {
	Path      string `json:"path"`      // the folder as the app will use it (absolute)
	Cancelled bool   `json:"cancelled"` // the dialog was closed without a choice
	Usable    bool   `json:"usable"`
	// Reason is why it cannot be used: missing, not_folder, database (it is, holds or would
	// hold a database), data_folder (it is or lies in the app's own data folder, or holds
	// it), not_writable.
	Reason  string `json:"reason"`
	HasTeam bool   `json:"hasTeam"` // a team file is there (join it; founding needs another folder)
	TeamID  string `json:"teamId"`
	// TeamCreated is when that team was founded (ISO).
	TeamCreated string `json:"teamCreated"`
	Empty       bool   `json:"empty"` // nothing is in the folder yet
}

// FoundTeamInput starts a team folder on the team lead's laptop.
type FoundTeamInput struct {
	Folder string `json:"folder"`
	Label  string `json:"label"` // a name for this computer (no personal names: it is not encrypted)
}

// JoinTeamInput asks, from a fresh laptop, to join a team folder.
type JoinTeamInput struct {
	Folder   string `json:"folder"`
	LeadCode string `json:"leadCode"`
	Label    string `json:"label"`
}

// TeamCodesDTO are the codes people compare aloud: this laptop's, and the team's.
type TeamCodesDTO struct {
	LaptopCode string `json:"laptopCode"`
	TeamCode   string `json:"teamCode"`
}

// JoinRequestDTO is a laptop waiting in the team folder to be enrolled.
type JoinRequestDTO struct {
	Laptop   string `json:"laptop"`
	Label    string `json:"label"`
	Code     string `json:"code"`
	Enrolled bool   `json:"enrolled"`
}

// EnrollInput lets a laptop in for a worker; whether it is a lead's laptop follows the
// worker's role.
type EnrollInput struct {
	Laptop   string `json:"laptop"`
	WorkerID uint   `json:"workerId"`
}

// LaptopInput names a laptop of the team.
type LaptopInput struct {
	Laptop string `json:"laptop"`
}

// FolderDesktop is the native dialog for choosing a folder.
type FolderDesktop interface {
	ChooseFolder(title string) (string, error)
}
