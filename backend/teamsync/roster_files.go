package teamsync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// allTeamKeys reads every team key epoch held here, oldest first.
func (e *Engine) allTeamKeys() ([]teamKey, error) {
	var keys []teamKey
	err := e.db.Raw(`SELECT epoch, identity FROM sync_team_keys ORDER BY epoch`).Scan(&keys).Error
	return keys, err
}

// writeRoster signs and publishes a roster version and takes it as the current one.
func (e *Engine) writeRoster(ctx context.Context, r *Roster, keys []teamKey) error {
	r.sortMembers()
	if err := r.wrapKeys(keys); err != nil {
		return err
	}
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	name := teamfolder.RosterName(r.Version)
	data, err := teamkeys.SealPlain(teamkeys.Header{Format: 1, Kind: "roster", TeamID: r.TeamID, Laptop: e.local.LaptopID,
		Seq: r.Version, Name: name, Created: e.now().UTC()}, body, e.keys)
	if err != nil {
		return err
	}
	if err := e.folder.WriteOwn(name, data); err != nil {
		return err
	}
	return e.takeRoster(ctx, r, e.local.LaptopID, body)
}

// takeRoster stores a verified roster and the team keys it gives this laptop.
func (e *Engine) takeRoster(ctx context.Context, r *Roster, signer string, body []byte) error {
	return e.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT OR IGNORE INTO sync_rosters(version, signer, body) VALUES (?, ?, ?)`,
			r.Version, signer, string(body)).Error; err != nil {
			return err
		}
		if m, ok := r.member(e.local.LaptopID); ok && e.local.WorkerUID == "" {
			e.local.WorkerUID = m.Worker
			if err := tx.Exec(`UPDATE sync_local SET worker_uid = ? WHERE id = 1`, m.Worker).Error; err != nil {
				return err
			}
		}
		keys, err := r.unwrapKeys(e.keys)
		if err != nil {
			return nil // not (or no longer) a member: nothing to take
		}
		for _, k := range keys {
			if err := tx.Exec(`INSERT OR IGNORE INTO sync_team_keys(epoch, identity) VALUES (?, ?)`, k.Epoch, k.Identity).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// refreshRoster reads newer roster versions from the folder, each verified against the one
// before it (the first against the founding laptop's key). When two team leads wrote the
// same version, the file with the lowest hash is taken on every laptop.
func (e *Engine) refreshRoster(ctx context.Context) error {
	entries, _, err := e.folder.List()
	if err != nil {
		return err
	}
	return e.refreshRosterFrom(ctx, entries)
}

// refreshRosterFrom is refreshRoster with the folder already listed (a pass lists it once).
func (e *Engine) refreshRosterFrom(ctx context.Context, entries []teamfolder.Entry) error {
	byVersion := map[uint64][]teamfolder.Entry{}
	for _, en := range entries {
		if en.Kind == "roster" {
			byVersion[en.Seq] = append(byVersion[en.Seq], en)
		}
	}
	for {
		cur, err := e.roster(e.db.WithContext(ctx))
		if err != nil {
			return err
		}
		v := uint64(1)
		if cur != nil {
			v = cur.Version + 1
		}
		type cand struct {
			r      *Roster
			signer string
			body   []byte
			hash   string
		}
		var cands []cand
		for _, en := range byVersion[v] {
			data, err := e.folder.Read(en)
			if err != nil {
				continue
			}
			r, body, err := e.verifyRoster(cur, en, data)
			if err != nil {
				_ = e.problem(ctx, en, "refused: "+err.Error())
				continue
			}
			sum := sha256.Sum256(data)
			cands = append(cands, cand{r, en.Laptop, body, hex.EncodeToString(sum[:])})
		}
		if len(cands) == 0 {
			return nil
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].hash < cands[j].hash })
		if cur == nil && e.local.TrustRoot == "" {
			m, _ := cands[0].r.member(cands[0].signer)
			e.local.TrustRoot = m.Sign
			if err := e.db.Exec(`UPDATE sync_local SET trust_root = ? WHERE id = 1`, m.Sign).Error; err != nil {
				return err
			}
		}
		if err := e.takeRoster(ctx, cands[0].r, cands[0].signer, cands[0].body); err != nil {
			return err
		}
	}
}

// verifyRoster checks one roster file: signed by the trust root (version 1) or by a lead
// laptop of the current version, for this team, under its own name.
func (e *Engine) verifyRoster(cur *Roster, en teamfolder.Entry, data []byte) (*Roster, []byte, error) {
	var pub []byte
	if cur == nil {
		if e.local.TrustRoot != "" {
			pub, _ = hex.DecodeString(e.local.TrustRoot)
		} else {
			// First contact: the first roster names its own signer; its key becomes the trust root.
			plain, err := peekPlainPayload(data)
			if err != nil {
				return nil, nil, err
			}
			var r Roster
			if err := decodeJSON(plain, &r); err != nil {
				return nil, nil, err
			}
			m, ok := r.member(en.Laptop)
			if !ok || !m.Lead {
				return nil, nil, errors.New("the first roster is not signed by its own team lead laptop")
			}
			pub, _ = hex.DecodeString(m.Sign)
		}
	} else {
		if !cur.canLead(en.Laptop) {
			return nil, nil, errors.New("signed by a laptop that is not a team lead's")
		}
		m, _ := cur.member(en.Laptop)
		pub, _ = hex.DecodeString(m.Sign)
	}
	h, body, err := teamkeys.OpenPlain(data, pub)
	if err != nil {
		return nil, nil, err
	}
	if h.Kind != "roster" || h.Laptop != en.Laptop || h.Name != en.Name || h.Seq != en.Seq {
		return nil, nil, errors.New("not the roster its name says")
	}
	var r Roster
	if err := decodeJSON(body, &r); err != nil {
		return nil, nil, err
	}
	if err := r.validate(e.local.TeamID); err != nil {
		return nil, nil, err
	}
	if r.Version != h.Seq {
		return nil, nil, errors.New("roster version differs from its file")
	}
	if cur == nil && !r.canLead(en.Laptop) {
		return nil, nil, errors.New("the first roster is not signed by its own team lead laptop")
	}
	return &r, body, nil
}
