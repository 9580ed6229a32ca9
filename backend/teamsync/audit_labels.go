package teamsync

import (
	"context"

	"gorm.io/gorm"
)

// A Computer is a laptop of the team as its audit entries name it: its id and the label the
// team lead gave it in the roster.
type Computer struct {
	Laptop string
	Label  string // "" when the roster gives none
	Worker string // uid of the worker who uses it
	This   bool   // the laptop this database belongs to
}

// Computers lists the laptops of the newest roster held here, this laptop first, for the
// screens that show which computer an audit entry was logged on. A laptop that has left the
// roster's list (never: revoked laptops stay in it) but whose entries are held is not named.
// On a laptop that is in no team the list is empty.
func Computers(ctx context.Context, db *gorm.DB) ([]Computer, error) {
	var self string
	res := db.WithContext(ctx).Raw(`SELECT laptop_id FROM sync_local WHERE id = 1`).Scan(&self)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, res.Error
	}
	r, err := newestRoster(db.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	out := []Computer{{Laptop: self, This: true}}
	if r == nil {
		return out, nil
	}
	for _, m := range r.Members {
		if m.Laptop == self {
			out[0].Label, out[0].Worker = m.Label, m.Worker
			continue
		}
		out = append(out, Computer{Laptop: m.Laptop, Label: m.Label, Worker: m.Worker})
	}
	return out, nil
}
