package teamsync

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"filippo.io/age"
	"gorm.io/gorm"

	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// Errors of founding, joining and enrolling.
var (
	ErrAlreadyJoined = errors.New("this laptop is already part of a team folder")
	ErrNotLead       = errors.New("only a team lead's enrolled laptop can change the roster")
	ErrNoRequest     = errors.New("no join request from that laptop in the team folder")
	ErrHasData       = errors.New("this laptop already holds a team's data; a laptop joins with an empty database")
	ErrRevokedLaptop = errors.New("a revoked laptop cannot be enrolled again; it makes a new request with new keys")
	ErrOwnLaptop     = errors.New("a laptop cannot revoke itself")
	ErrNotMember     = errors.New("the laptop is not in the roster")
	ErrNoWorker      = errors.New("no such worker in the team")
	ErrNoFolder      = errors.New("the team folder does not exist or is not a folder")
)

// HasData says whether a database holds a team's data of its own (workers, citizens or
// courses): such a laptop founds a team, it never joins one.
func HasData(db *gorm.DB) (bool, error) {
	var rows int64
	err := db.Raw(`SELECT (SELECT COUNT(*) FROM citizens) + (SELECT COUNT(*) FROM courses) + (SELECT COUNT(*) FROM workers)`).Scan(&rows).Error
	return rows > 0, err
}

// Found makes this laptop the first of a new team folder at folder: it writes the team file,
// the first roster (this laptop, used by the team lead worker) and a snapshot of everything
// in the database, which is how the team's data reaches the laptops that join.
func Found(ctx context.Context, db *gorm.DB, dbPath, folder, leadWorker, label string, now func() time.Time) (*Engine, error) {
	if err := notJoined(db); err != nil {
		return nil, err
	}
	if !isLead(db, leadWorker) {
		return nil, ErrNotLead
	}
	keys, err := laptopKeys(dbPath)
	if err != nil {
		return nil, err
	}
	teamID, err := randomID()
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w: %s", ErrNoFolder, folder)
	}
	if err := teamfolder.WriteTeamFile(folder, teamfolder.TeamFile{Format: 1, TeamID: teamID, CreatedAt: now().UTC()}); err != nil {
		return nil, err
	}
	pub := keys.Public()
	team, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	r := &Roster{Format: 1, TeamID: teamID, Version: 1, Epoch: 1, Members: []Member{{
		Laptop: keys.LaptopID, Worker: leadWorker, Label: label, Sign: hex.EncodeToString(pub.Sign), Age: pub.Age, Lead: true}}}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO sync_local(id, team_id, laptop_id, folder, trust_root, worker_uid) VALUES (1, ?, ?, ?, ?, ?)`,
			teamID, keys.LaptopID, folder, hex.EncodeToString(pub.Sign), leadWorker).Error; err != nil {
			return err
		}
		if err := tx.Exec(`INSERT INTO sync_team_keys(epoch, identity) VALUES (1, ?)`, team.String()).Error; err != nil {
			return err
		}
		// Everything written before the team folder existed goes out as the first snapshot;
		// the outbox of those writes is then history. A kill before the roster and the
		// snapshot are in the folder would leave a team without them: the snapshot stays due
		// until one is written, and every pass first writes what is missing (the founder's
		// first roster, ensureFirstRoster; a due snapshot, writeDueSnapshot).
		if err := tx.Exec(`DELETE FROM sync_outbox`).Error; err != nil {
			return err
		}
		if err := tx.Exec(`DELETE FROM sync_tx_times`).Error; err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO settings(key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING`, snapshotDueKey).Error
	})
	if err != nil {
		return nil, err
	}
	e, err := Open(db, dbPath, now)
	if err != nil {
		return nil, err
	}
	if beforeFoundingRoster != nil {
		if err := beforeFoundingRoster(); err != nil {
			return nil, err
		}
	}
	if err := e.writeRoster(ctx, r, []teamKey{{Epoch: 1, Identity: team.String()}}); err != nil {
		return nil, err
	}
	if beforeFoundingSnapshot != nil {
		if err := beforeFoundingSnapshot(); err != nil {
			return nil, err
		}
	}
	if err := e.WriteSnapshot(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// ErrLeadCode is returned when the code given for the team's founding laptop matches no
// first roster in the folder: the folder is not that team's, or someone put a roster of
// their own there.
var ErrLeadCode = errors.New("no first roster in the team folder is signed by the laptop with that code")

// Join prepares an empty database to join the team folder at folder: it makes this laptop's
// keys and leaves a join request there for the team lead, and returns the fingerprint the
// team lead compares before enrolling. leadCode is the code of the laptop that founded the
// team (`icm sync status` shows it there): only that laptop's first roster is trusted, so a
// roster someone else put in the folder cannot take the team over. The team's data arrives
// at the first sync after the enrolment.
func Join(ctx context.Context, db *gorm.DB, dbPath, folder, label, leadCode string, now func() time.Time) (string, error) {
	if err := notJoined(db); err != nil {
		return "", err
	}
	if has, err := HasData(db); err != nil || has {
		if err == nil {
			err = ErrHasData
		}
		return "", err
	}
	tf, err := teamfolder.ReadTeamFile(folder)
	if err != nil {
		return "", err
	}
	keys, err := laptopKeys(dbPath)
	if err != nil {
		return "", err
	}
	f, err := teamfolder.Open(folder, keys.LaptopID)
	if err != nil {
		return "", err
	}
	root, err := founderKey(f, tf.TeamID, leadCode)
	if err != nil {
		return "", err
	}
	req := joinRequest{Keys: keys.Public(), Label: label}
	payload, err := json.Marshal(req)
	if err != nil {
		return "", err
	}
	data, err := teamkeys.SealPlain(teamkeys.Header{Format: 1, Kind: "join", TeamID: tf.TeamID, Laptop: keys.LaptopID,
		Name: keys.LaptopID + ".icmjoin", Created: now().UTC()}, payload, keys)
	if err != nil {
		return "", err
	}
	// The request goes into the folder only once this laptop's row is in (and is undone when
	// the request cannot be written): a second join at the same moment finds the row and
	// leaves no request of its own, and a failed write leaves the laptop free to try again.
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := notJoined(tx); err != nil {
			return err
		}
		if err := tx.Exec(`INSERT INTO sync_local(id, team_id, laptop_id, folder, trust_root) VALUES (1, ?, ?, ?, ?)`,
			tf.TeamID, keys.LaptopID, folder, root).Error; err != nil {
			return err
		}
		return f.WriteJoin(data)
	})
	if err != nil {
		return "", err
	}
	return teamkeys.Fingerprint(keys.Public()), nil
}

// joinRequest is the content of a join file: public keys only.
type joinRequest struct {
	Keys  teamkeys.PublicKeys `json:"keys"`
	Label string              `json:"label"`
}

// A JoinRequest is a laptop waiting in the team folder to be enrolled.
type JoinRequest struct {
	Laptop      string
	Label       string
	Fingerprint string
	Enrolled    bool
}

// Requests lists the join requests in the team folder, each verified by its own key.
func (e *Engine) Requests(ctx context.Context) ([]JoinRequest, error) {
	entries, _, err := e.folder.List()
	if err != nil {
		return nil, err
	}
	r, err := e.roster(e.db.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	var out []JoinRequest
	for _, en := range entries {
		if en.Kind != "join" {
			continue
		}
		req, err := e.readRequest(en)
		if err != nil {
			continue
		}
		_, enrolled := r.member(req.Keys.LaptopID)
		out = append(out, JoinRequest{Laptop: req.Keys.LaptopID, Label: req.Label,
			Fingerprint: teamkeys.Fingerprint(req.Keys), Enrolled: enrolled})
	}
	return out, nil
}

// readRequest reads and verifies one join file.
func (e *Engine) readRequest(en teamfolder.Entry) (joinRequest, error) {
	var req joinRequest
	data, err := e.folder.Read(en)
	if err != nil {
		return req, err
	}
	h, err := teamkeys.PeekHeader(data)
	if err != nil {
		return req, err
	}
	// The request is self-signed: read the key it carries, then check the signature with it.
	plain, err := peekPlainPayload(data)
	if err != nil {
		return req, err
	}
	if err := json.Unmarshal(plain, &req); err != nil {
		return req, err
	}
	if _, _, err := teamkeys.OpenPlain(data, req.Keys.Sign); err != nil {
		return req, err
	}
	if h.TeamID != e.local.TeamID || h.Kind != "join" || h.Laptop != req.Keys.LaptopID || en.Laptop != h.Laptop {
		return req, errors.New("a join request for another team or laptop")
	}
	return req, nil
}

// Enroll adds a laptop that asked to join to the roster, for worker (a team-wide worker id),
// and gives it the team keys. Only a team lead's laptop enrolls.
func (e *Engine) Enroll(ctx context.Context, laptop, worker string, lead bool) (err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	if err := e.checkOwnAhead(ctx); err != nil {
		return err
	}
	if err := e.refreshRoster(ctx); err != nil {
		return err
	}
	r, err := e.roster(e.db.WithContext(ctx))
	if err != nil {
		return err
	}
	if r == nil || !r.canLead(e.local.LaptopID) {
		return ErrNotLead
	}
	var req *joinRequest
	entries, _, err := e.folder.List()
	if err != nil {
		return err
	}
	for _, en := range entries {
		if en.Kind == "join" && en.Laptop == laptop {
			if q, err := e.readRequest(en); err == nil {
				req = &q
			}
		}
	}
	if req == nil {
		return ErrNoRequest
	}
	var n int64
	e.db.Raw(`SELECT COUNT(*) FROM sync_ids WHERE tbl = 'workers' AND uid = ?`, worker).Scan(&n)
	if n == 0 {
		return fmt.Errorf("%w: %s", ErrNoWorker, worker)
	}
	next := *r
	next.Version++
	next.Members = append([]Member(nil), r.Members...)
	m := Member{Laptop: laptop, Worker: worker, Label: req.Label, Sign: hex.EncodeToString(req.Keys.Sign), Age: req.Keys.Age, Lead: lead}
	if old, ok := next.member(laptop); ok {
		if old.RevokedFrom != 0 {
			return ErrRevokedLaptop
		}
		*old = m
	} else {
		next.Members = append(next.Members, m)
	}
	keys, err := e.allTeamKeys()
	if err != nil {
		return err
	}
	return e.writeRoster(ctx, &next, keys)
}

// Revoke takes a laptop out of the team (lost, stolen, or its worker left): its batches from
// fromSeq on (0: those not yet applied here) are refused everywhere, and a new team key is
// made for the files written after.
func (e *Engine) Revoke(ctx context.Context, laptop string, fromSeq uint64) (err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	if err := e.checkOwnAhead(ctx); err != nil {
		return err
	}
	if err := e.refreshRoster(ctx); err != nil {
		return err
	}
	r, err := e.roster(e.db.WithContext(ctx))
	if err != nil {
		return err
	}
	if r == nil || !r.canLead(e.local.LaptopID) {
		return ErrNotLead
	}
	if laptop == e.local.LaptopID {
		return ErrOwnLaptop
	}
	next := *r
	next.Version++
	next.Members = append([]Member(nil), r.Members...)
	m, ok := next.member(laptop)
	if !ok {
		return fmt.Errorf("%w: %s", ErrNotMember, laptop)
	}
	if fromSeq == 0 {
		// By default the laptop's batches already applied here stay, and every later one is
		// refused.
		vector, err := appliedVector(e.db.WithContext(ctx))
		if err != nil {
			return err
		}
		fromSeq = vector[laptop] + 1
	}
	m.RevokedFrom = fromSeq
	m.Lead = false
	team, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	keys, err := e.allTeamKeys()
	if err != nil {
		return err
	}
	next.Epoch = r.Epoch + 1
	keys = append(keys, teamKey{Epoch: next.Epoch, Identity: team.String()})
	return e.writeRoster(ctx, &next, keys)
}

// notJoined refuses a second founding or joining.
func notJoined(db *gorm.DB) error {
	var n int64
	if err := db.Raw(`SELECT COUNT(*) FROM sync_local`).Scan(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return ErrAlreadyJoined
	}
	return nil
}

// laptopKeys loads this laptop's keys, or makes them on first use.
func laptopKeys(dbPath string) (*teamkeys.LaptopKeys, error) {
	path := KeyPath(dbPath)
	if _, err := os.Stat(path); err == nil {
		return teamkeys.LoadLaptopKeys(path)
	}
	k, err := teamkeys.NewLaptopKeys()
	if err != nil {
		return nil, err
	}
	if err := teamkeys.SaveLaptopKeys(path, k); err != nil {
		return nil, err
	}
	return k, nil
}

// founderKey finds the first roster signed by the laptop whose code is leadCode and returns
// that laptop's signing key (hex), the trust root of a joining laptop.
func founderKey(f *teamfolder.Folder, teamID, leadCode string) (string, error) {
	want := normalCode(leadCode)
	if want == "" {
		return "", ErrLeadCode
	}
	entries, _, err := f.List()
	if err != nil {
		return "", err
	}
	for _, en := range entries {
		if en.Kind != "roster" || en.Seq != 1 {
			continue
		}
		data, err := f.Read(en)
		if err != nil {
			continue
		}
		plain, err := peekPlainPayload(data)
		if err != nil {
			continue
		}
		var r Roster
		if decodeJSON(plain, &r) != nil || r.TeamID != teamID {
			continue
		}
		m, ok := r.member(en.Laptop)
		if !ok || !m.Lead {
			continue
		}
		pub, err := hex.DecodeString(m.Sign)
		if err != nil {
			continue
		}
		if normalCode(teamkeys.Fingerprint(teamkeys.PublicKeys{LaptopID: m.Laptop, Sign: pub, Age: m.Age})) != want {
			continue
		}
		if _, _, err := teamkeys.OpenPlain(data, pub); err != nil {
			continue
		}
		return m.Sign, nil
	}
	return "", ErrLeadCode
}

// normalCode compares codes as people type them: case, spaces and dashes do not matter.
func normalCode(s string) string {
	var b []rune
	for _, r := range strings.ToUpper(s) {
		if (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') {
			b = append(b, r)
		}
	}
	return string(b)
}

// beforeFoundingRoster, when set by a test, runs in Found between the laptop's record of the
// new team and its first roster, as a kill at that moment would.
var beforeFoundingRoster func() error

// ensureFirstRoster writes the first roster again on the laptop that founded the team when a
// kill stopped Found before it was written: the laptop holds its record of the team and the
// team key, and no roster at all. Without it the laptop could neither write the snapshot nor
// let anyone in.
func (e *Engine) ensureFirstRoster(ctx context.Context) error {
	db := e.db.WithContext(ctx)
	if e.local.TrustRoot != hex.EncodeToString(e.keys.Public().Sign) {
		return nil // not the founder
	}
	if r, err := e.roster(db); err != nil || r != nil {
		return err
	}
	entries, _, err := e.folder.List()
	if err != nil {
		return err
	}
	for _, en := range entries {
		if en.Kind == teamfolder.KindRoster && en.Laptop == e.local.LaptopID {
			// Written before the kill and not recorded: take it now (a due snapshot needs it).
			return e.refreshRosterFrom(ctx, entries)
		}
	}
	var identity string
	if err := db.Raw(`SELECT identity FROM sync_team_keys WHERE epoch = 1`).Scan(&identity).Error; err != nil || identity == "" {
		return err
	}
	pub := e.keys.Public()
	r := &Roster{Format: 1, TeamID: e.local.TeamID, Version: 1, Epoch: 1, Members: []Member{{
		Laptop: e.local.LaptopID, Worker: e.local.WorkerUID, Sign: hex.EncodeToString(pub.Sign), Age: pub.Age, Lead: true}}}
	return e.writeRoster(ctx, r, []teamKey{{Epoch: 1, Identity: identity}})
}
