package teamsync_test

import (
	"context"
	"testing"

	"icm/backend/syncstore"
	"icm/backend/teamfolder/faulty"
)

// uidOf reads the team-wide id of a row found by an SQL condition on its table.
func uidOf(t *testing.T, l *laptop, table, where string) string {
	t.Helper()
	return value(t, l, `SELECT s.uid FROM `+table+` x JOIN sync_ids s ON s.tbl = '`+table+`' AND s.row_id = x.id WHERE `+where)
}

// REVIEW finding: the access check trusts the citizen a change claims. A worker's laptop
// signs a batch (with its own, enrolled key) whose changes to team data and to a
// colleague's citizen all claim to belong to the worker's own citizen; the check then
// judges them as changes of that citizen and every other laptop applies them. The worker
// makes themself team lead, changes a team setting and a colleague's citizen.
func TestReviewCitizenClaimBypassesAccess(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 21}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	ctx := context.Background()
	boUID := workerUID(t, bo, "BO")
	boCitizen := uidOf(t, bo, "citizens", `x.name = 'Borger 2 Testesen'`)
	annaCitizen := uidOf(t, bo, "citizens", `x.name = 'Borger 1 Testesen'`)
	forged := []syncstore.Change{
		{Table: "workers", UID: boUID, Op: syncstore.OpPut, Cols: map[string]any{"role": "team_lead"},
			Citizen: boCitizen, Worker: boUID},
		{Table: "citizens", UID: annaCitizen, Op: syncstore.OpPut, Cols: map[string]any{"phone": "66666666"},
			Citizen: boCitizen, Worker: boUID},
		{Table: "settings", UID: "settings:lock_minutes", Op: syncstore.OpPut,
			Cols: map[string]any{"key": "lock_minutes", "value": "9999"}, Citizen: boCitizen, Worker: boUID},
	}
	if err := bo.eng.ReviewForgeBatch(ctx, forged, ""); err != nil {
		t.Fatalf("forge: %v", err)
	}
	tm.settle(t)
	for _, l := range []*laptop{lead, anna} {
		t.Run(l.name, func(t *testing.T) {
			if got := value(t, l, `SELECT role FROM workers WHERE initials = 'BO'`); got != "icm_worker" {
				t.Errorf("a worker's laptop made its worker %q", got)
			}
			if got := value(t, l, `SELECT phone FROM citizens WHERE name = 'Borger 1 Testesen'`); got == "66666666" {
				t.Errorf("a colleague's citizen was changed by a change claiming another citizen")
			}
			if got := value(t, l, `SELECT COALESCE((SELECT value FROM settings WHERE key = 'lock_minutes'), '')`); got == "9999" {
				t.Errorf("a team setting was changed by a worker's laptop")
			}
		})
	}
}
