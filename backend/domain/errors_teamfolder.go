package domain

// Codes of the team folder's screens (founding, joining, enrolling, the sync status).
const (
	CodeTeamFolderJoined  Code = "team_folder_joined"   // this laptop is part of a team folder already
	CodeTeamFolderData    Code = "team_folder_has_data" // a laptop with data of its own cannot join a team
	CodeTeamFolderNone    Code = "team_folder_none"     // this laptop is not part of a team folder
	CodeTeamFolderBusy    Code = "team_folder_busy"     // founding or the first load is running
	CodeTeamFolderOffline Code = "team_folder_offline"  // the team folder cannot be reached
	CodeLeadCodeMismatch  Code = "lead_code_mismatch"   // no team in the folder was founded by the laptop with that code
	CodeNoJoinRequest     Code = "no_join_request"      // the laptop has not asked to join (or its request is gone)
	CodeWorkerNoAccount   Code = "worker_without_account"
	CodeLaptopRevoked     Code = "laptop_revoked" // a revoked laptop cannot come back: it asks again with new keys
	CodeOwnLaptop         Code = "own_laptop"     // a laptop cannot revoke itself
)
