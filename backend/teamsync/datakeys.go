package teamsync

import (
	"errors"
	"fmt"
	"path/filepath"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// errWaitKey means a batch needs a citizen key file that has not arrived yet.
var errWaitKey = errors.New("waiting for a citizen's key file")

// errShredded means the citizen's key is gone because the citizen was deleted at the end of
// retention: their part of the file is skipped.
var errShredded = errors.New("the citizen was deleted at the end of retention")

// deletedAhead says whether a batch in the folder deletes the citizen: a laptop that was
// away when a citizen was deleted meets the citizen's parts of older batches after the key
// files are gone, and skips them, as it will apply the deletion anyway.
func (e *Engine) deletedAhead(tx *gorm.DB, citizen string) bool {
	entries, _, err := e.folder.List()
	if err != nil {
		return false
	}
	for _, en := range entries {
		if en.Kind != "batch" {
			continue
		}
		data, err := e.folder.Read(en)
		if err != nil {
			continue
		}
		h, payload, err := e.openFile(tx, data)
		if err != nil || h.Laptop != en.Laptop {
			continue
		}
		b, err := decodeBatch(payload)
		if err != nil {
			continue
		}
		for _, c := range b.Team {
			if c.Table == "citizens" && c.Op == "del" && c.UID == citizen {
				return true
			}
		}
	}
	return false
}

// ownDataKey is this laptop's data key for a citizen, made and published on first use.
func (e *Engine) ownDataKey(tx *gorm.DB, citizen string) (teamkeys.DataKey, error) {
	if k, ok, err := storedDataKey(tx, e.local.LaptopID, citizen); err != nil || ok {
		return k, err
	}
	name := teamfolder.KeyName(citizen)
	k, err := teamkeys.NewDataKey()
	if err != nil {
		return k, err
	}
	ids, _, err := e.teamIdentities(tx)
	if err != nil || len(ids) == 0 {
		return k, errNoTeamKey
	}
	data, err := teamkeys.Seal(teamkeys.Header{Format: 1, Kind: "key", TeamID: e.local.TeamID, Laptop: e.local.LaptopID,
		Name: name, Created: e.now().UTC()}, k[:], []teamkeys.PublicKeys{{Age: ids[0].Recipient().String()}}, e.keys)
	if err != nil {
		return k, err
	}
	switch err := e.folder.WriteOwn(name, data); {
	case errors.Is(err, teamfolder.ErrExists):
		// Written before a kill that lost the database's copy: the file is the key.
		return e.remoteDataKey(tx, e.local.LaptopID, citizen)
	case err != nil:
		return k, err
	}
	return k, tx.Exec(`INSERT INTO sync_data_keys(laptop, citizen, key) VALUES (?, ?, ?)`, e.local.LaptopID, citizen, k[:]).Error
}

// remoteDataKey is laptop's data key for a citizen, read from its key file the first time.
func (e *Engine) remoteDataKey(tx *gorm.DB, laptop, citizen string) (teamkeys.DataKey, error) {
	if k, ok, err := storedDataKey(tx, laptop, citizen); err != nil || ok {
		return k, err
	}
	var k teamkeys.DataKey
	name := teamfolder.KeyName(citizen)
	en := teamfolder.Entry{Laptop: laptop, Kind: "key", Key: citizen, Name: name,
		Path: filepath.Join(e.folder.Root, "laptops", laptop, name)}
	data, err := e.folder.Read(en)
	if err != nil {
		if e.deletedAhead(tx, citizen) {
			return k, errShredded
		}
		return k, errWaitKey
	}
	h, payload, err := e.openFile(tx, data)
	if err != nil {
		// Cut short or a placeholder while the file service copies it, or refused: the batch
		// that needs it waits, with the reason in its status.
		return k, errSkip{fmt.Sprintf("waiting for the key file %s/%s: %v", laptop, name, err)}
	}
	if h.Kind != "key" || h.Laptop != laptop || h.Name != name || len(payload) != len(k) {
		return k, errSkip{fmt.Sprintf("refused: %s/%s is not the key file it claims to be", laptop, name)}
	}
	copy(k[:], payload)
	return k, tx.Exec(`INSERT INTO sync_data_keys(laptop, citizen, key) VALUES (?, ?, ?)`, laptop, citizen, k[:]).Error
}

// storedDataKey reads a data key kept in the database.
func storedDataKey(tx *gorm.DB, laptop, citizen string) (teamkeys.DataKey, bool, error) {
	var k teamkeys.DataKey
	var row struct{ Key []byte }
	res := tx.Raw(`SELECT key FROM sync_data_keys WHERE laptop = ? AND citizen = ?`, laptop, citizen).Scan(&row)
	if res.Error != nil || res.RowsAffected == 0 || len(row.Key) != len(k) {
		return k, false, res.Error
	}
	copy(k[:], row.Key)
	return k, true, nil
}

// openFile verifies a file against the current roster and decrypts it with a team key.
func (e *Engine) openFile(tx *gorm.DB, data []byte) (teamkeys.Header, []byte, error) {
	r, err := e.roster(tx)
	if err != nil {
		return teamkeys.Header{}, nil, err
	}
	if r == nil {
		return teamkeys.Header{}, nil, errNoTeamKey
	}
	ids, _, err := e.teamIdentities(tx)
	if err != nil {
		return teamkeys.Header{}, nil, err
	}
	if len(ids) == 0 {
		return teamkeys.Header{}, nil, errNoTeamKey
	}
	var last error
	for _, id := range ids {
		k := &teamkeys.LaptopKeys{LaptopID: e.keys.LaptopID, Sign: e.keys.Sign, Age: id}
		h, payload, err := teamkeys.Open(data, r.signers(), k)
		if err == nil {
			if h.TeamID != e.local.TeamID {
				return h, nil, errors.New("a file of another team")
			}
			return h, payload, nil
		}
		if !errors.Is(err, teamkeys.ErrNotRecipient) {
			return h, nil, err
		}
		last = err
	}
	return teamkeys.Header{}, nil, last
}
