package teamsync

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"filippo.io/age"

	"icm/backend/teamkeys"
)

// A Roster is one version of the team's membership: the laptops that may write to the team
// folder, whom they work for, and the team key, given to each member encrypted to that
// member's own key. Version 1 is signed by the founding laptop (the trust root every laptop
// pins when it joins); every later version by a lead laptop of the version before it.
type Roster struct {
	Format  int      `json:"format"`
	TeamID  string   `json:"teamId"`
	Version uint64   `json:"version"`
	Epoch   int      `json:"epoch"` // the team key new files are encrypted to
	Members []Member `json:"members"`
}

// A Member is one enrolled laptop.
type Member struct {
	Laptop string `json:"laptop"`
	Worker string `json:"worker"` // uid of the worker who uses it
	Label  string `json:"label"`  // the computer's name as the team lead knows it
	Sign   string `json:"sign"`   // hex ed25519 public key
	Age    string `json:"age"`    // age X25519 recipient
	Lead   bool   `json:"lead"`   // may sign rosters and snapshots
	// RevokedFrom is the first batch number of this laptop that is refused (0: not revoked).
	RevokedFrom uint64 `json:"revokedFrom,omitempty"`
	// Keys is every team key epoch so far, age-encrypted to this member (absent once revoked).
	Keys []byte `json:"keys,omitempty"`
}

// teamKey is one epoch's team identity.
type teamKey struct {
	Epoch    int    `json:"epoch"`
	Identity string `json:"identity"`
}

// member returns the roster entry of laptop.
func (r *Roster) member(laptop string) (*Member, bool) {
	for i := range r.Members {
		if r.Members[i].Laptop == laptop {
			return &r.Members[i], true
		}
	}
	return nil, false
}

// signers answers the envelope's question "which key signs for this laptop".
func (r *Roster) signers() teamkeys.Signers {
	return func(laptop string) (ed25519.PublicKey, uint64, bool) {
		m, ok := r.member(laptop)
		if !ok {
			return nil, 0, false
		}
		pub, err := hex.DecodeString(m.Sign)
		if err != nil || len(pub) != ed25519.PublicKeySize {
			return nil, 0, false
		}
		return ed25519.PublicKey(pub), m.RevokedFrom, true
	}
}

// canLead says whether laptop may sign the next roster or a snapshot.
func (r *Roster) canLead(laptop string) bool {
	m, ok := r.member(laptop)
	return ok && m.Lead && m.RevokedFrom == 0
}

// wrapKeys encrypts the team keys to every member that is not revoked.
func (r *Roster) wrapKeys(keys []teamKey) error {
	plain, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	for i := range r.Members {
		m := &r.Members[i]
		m.Keys = nil
		if m.RevokedFrom != 0 {
			continue
		}
		rcpt, err := age.ParseX25519Recipient(m.Age)
		if err != nil {
			return fmt.Errorf("member %s: %w", m.Laptop, err)
		}
		var buf bytes.Buffer
		w, err := age.Encrypt(&buf, rcpt)
		if err != nil {
			return err
		}
		if _, err := w.Write(plain); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		m.Keys = buf.Bytes()
	}
	return nil
}

// unwrapKeys reads the team keys given to me.
func (r *Roster) unwrapKeys(me *teamkeys.LaptopKeys) ([]teamKey, error) {
	m, ok := r.member(me.LaptopID)
	if !ok || len(m.Keys) == 0 {
		return nil, errors.New("this laptop is not a member of the roster")
	}
	rd, err := age.Decrypt(bytes.NewReader(m.Keys), me.Age)
	if err != nil {
		return nil, err
	}
	plain, err := io.ReadAll(io.LimitReader(rd, 1<<20))
	if err != nil {
		return nil, err
	}
	var keys []teamKey
	if err := json.Unmarshal(plain, &keys); err != nil {
		return nil, err
	}
	return keys, nil
}

// validate checks a roster's own consistency.
func (r *Roster) validate(teamID string) error {
	if r.Format != 1 {
		return fmt.Errorf("roster format %d", r.Format)
	}
	if r.TeamID != teamID {
		return errors.New("roster of another team")
	}
	if r.Version == 0 || r.Epoch < 1 {
		return errors.New("roster without version or key epoch")
	}
	seen := map[string]bool{}
	for _, m := range r.Members {
		if seen[m.Laptop] || !isHexID(m.Laptop) {
			return fmt.Errorf("roster member %q twice or malformed", m.Laptop)
		}
		seen[m.Laptop] = true
	}
	return nil
}

// sortMembers keeps the members in one order, so a roster encodes the same everywhere.
func (r *Roster) sortMembers() {
	sort.Slice(r.Members, func(i, j int) bool { return r.Members[i].Laptop < r.Members[j].Laptop })
}

// isHexID reports whether s is a laptop or row id: 32 lowercase hex digits.
func isHexID(s string) bool {
	if len(s) != 32 {
		return false
	}
	return strings.Trim(s, "0123456789abcdef") == ""
}
