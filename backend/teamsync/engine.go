// Package teamsync is the team folder engine: it publishes this laptop's changes as signed,
// encrypted batches in its own part of the team folder, and applies the other laptops'
// batches to the local database in their order, checking who may change what. See
// docs/team-sync.md for the design and docs/file-formats.md for the files.
package teamsync

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"filippo.io/age"
	"gorm.io/gorm"

	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// ErrNotJoined is returned when this laptop has neither founded nor joined a team.
var ErrNotJoined = errors.New("this laptop is not part of a team folder")

// ForgetUnshared empties the change capture's outbox of a database that is not part of a
// team folder: nobody will read it, and a team founded later starts from a snapshot of
// everything. It does nothing on a laptop that has founded or joined a team.
func ForgetUnshared(db *gorm.DB) error {
	if err := db.Exec(`DELETE FROM sync_outbox WHERE NOT EXISTS (SELECT 1 FROM sync_local)`).Error; err != nil {
		return err
	}
	return db.Exec(`DELETE FROM sync_tx_times WHERE NOT EXISTS (SELECT 1 FROM sync_local)`).Error
}

// KeyPath is where a database's laptop keys are kept: beside it, never in the team folder.
func KeyPath(dbPath string) string { return dbPath + ".laptop-key" }

// Engine syncs one laptop's database with its team folder. Its methods may be called from
// several goroutines; one pass runs at a time.
type Engine struct {
	db     *gorm.DB
	keys   *teamkeys.LaptopKeys
	folder *teamfolder.Folder
	clock  *Clock
	now    func() time.Time

	mu        sync.Mutex
	local     local
	onApplied func(ApplyReport)

	errMu   sync.Mutex // guards lastErr and onPass
	lastErr string     // the kind of the last pass's failure (ErrorKind)
	onPass  func()
}

// OnApplied sets what to do after a pass applied other laptops' batches (the app tells its
// screens to reload).
func (e *Engine) OnApplied(fn func(ApplyReport)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.onApplied = fn
}

// local is the row of sync_local.
type local struct {
	TeamID      string
	LaptopID    string
	Folder      string
	TrustRoot   string
	WorkerUID   string
	NextSeq     uint64
	AuditSent   uint
	HLC         string
	LastPublish string
	LastApply   string
}

// Open starts the engine of a database that has joined or founded a team.
func Open(db *gorm.DB, dbPath string, now func() time.Time) (*Engine, error) {
	var l local
	res := db.Raw(`SELECT team_id, laptop_id, folder, trust_root, worker_uid, next_seq, audit_sent, hlc,
		last_publish, last_apply FROM sync_local WHERE id = 1`).Scan(&l)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, ErrNotJoined
	}
	keys, err := teamkeys.LoadLaptopKeys(KeyPath(dbPath))
	if err != nil {
		return nil, fmt.Errorf("laptop keys: %w", err)
	}
	if keys.LaptopID != l.LaptopID {
		return nil, errors.New("the laptop keys beside the database belong to another laptop")
	}
	folder, err := teamfolder.Open(l.Folder, l.LaptopID)
	if err != nil {
		return nil, err
	}
	e := &Engine{db: db, keys: keys, folder: folder, now: now, local: l}
	e.clock = NewClock(l.LaptopID, now)
	e.clock.Observe(l.HLC)
	// The clock is never behind a stamp it has seen, across restarts too: the newest stamp
	// applied from each laptop is kept with the data it wrote. A laptop whose clock is
	// behind a colleague's would otherwise stamp a change made after the colleague's older
	// than it, and lose it on every laptop but its own.
	var seen []string
	if err := db.Raw(`SELECT hlc FROM sync_origins`).Scan(&seen).Error; err != nil {
		return nil, err
	}
	for _, h := range seen {
		e.clock.Observe(h)
	}
	return e, nil
}

// LaptopID is this laptop's id in the team.
func (e *Engine) LaptopID() string { return e.local.LaptopID }

// Fingerprint is the code a team lead compares before enrolling this laptop.
func (e *Engine) Fingerprint() string { return teamkeys.Fingerprint(e.keys.Public()) }

// roster is the newest verified roster (nil before the first one is read).
func (e *Engine) roster(tx *gorm.DB) (*Roster, error) { return newestRoster(tx) }

// newestRoster is the newest verified roster a database holds (nil before the first one).
func newestRoster(tx *gorm.DB) (*Roster, error) {
	var body string
	res := tx.Raw(`SELECT body FROM sync_rosters ORDER BY version DESC LIMIT 1`).Scan(&body)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, res.Error
	}
	var r Roster
	if err := decodeJSON([]byte(body), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// teamIdentities are the team keys of every epoch this laptop holds, newest first.
func (e *Engine) teamIdentities(tx *gorm.DB) ([]*age.X25519Identity, int, error) {
	var rows []struct {
		Epoch    int
		Identity string
	}
	if err := tx.Raw(`SELECT epoch, identity FROM sync_team_keys ORDER BY epoch DESC`).Scan(&rows).Error; err != nil {
		return nil, 0, err
	}
	ids := make([]*age.X25519Identity, 0, len(rows))
	for _, r := range rows {
		id, err := age.ParseX25519Identity(r.Identity)
		if err != nil {
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	if len(rows) == 0 {
		return nil, 0, nil
	}
	return ids, rows[0].Epoch, nil
}

// saveLocal writes the engine's counters back in tx.
func (e *Engine) saveLocal(tx *gorm.DB, l local) error {
	return tx.Exec(`UPDATE sync_local SET worker_uid = ?, next_seq = ?, audit_sent = ?, hlc = ?,
		last_publish = ?, last_apply = ? WHERE id = 1`,
		l.WorkerUID, l.NextSeq, l.AuditSent, l.HLC, l.LastPublish, l.LastApply).Error
}

// stamp is a time as the engine's tables keep it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
