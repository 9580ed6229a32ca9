package service

import (
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
)

// workerChange is the audit entry of a saved worker: who changed, and what. A new worker,
// a change of role and a change of activity are changes of access (AuditAccount); a new
// name, initials or FTE a change of the team (AuditSetting).
func workerChange(before, after *store.Worker) (action, detail string) {
	id := "worker " + itoa(int(after.ID))
	if before == nil {
		return AuditAccount, id + ": new, role " + after.Role + ", fte " + domain.FTE(after.FTEHundredths).String() +
			activity(after.Active)
	}
	var parts []string
	action = AuditSetting
	if before.Role != after.Role {
		parts, action = append(parts, "role "+before.Role+" → "+after.Role), AuditAccount
	}
	if before.Active != after.Active {
		parts, action = append(parts, "active "+strings.TrimPrefix(activity(before.Active), ", ")+" → "+
			strings.TrimPrefix(activity(after.Active), ", ")), AuditAccount
	}
	if before.Name != after.Name {
		parts = append(parts, "name")
	}
	if before.Initials != after.Initials {
		parts = append(parts, "initials "+before.Initials+" → "+after.Initials)
	}
	if before.FTEHundredths != after.FTEHundredths {
		parts = append(parts, "fte "+domain.FTE(before.FTEHundredths).String()+" → "+domain.FTE(after.FTEHundredths).String())
	}
	if len(parts) == 0 {
		parts = append(parts, "saved unchanged")
	}
	return action, id + ": " + strings.Join(parts, ", ")
}

func activity(active bool) string {
	if active {
		return ", active"
	}
	return ", inactive"
}
