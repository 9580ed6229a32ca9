package teamsync

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// A RemoteChain is what this laptop holds of another laptop's audit log: the entries it was
// sent, whether they link up (each entry names the hash of the one before it), and the
// newest head the laptop published. A laptop whose own log was rewritten afterwards no longer
// matches what the team holds of it.
type RemoteChain struct {
	Laptop   string
	Entries  int
	First    uint   // the first entry held (1 unless the laptop joined with a history)
	Last     uint   // the last entry held
	LastHash string // its hash: the laptop's published chain head
	Broken   []uint // entries whose link to the one before does not hold
	// Origin is the laptop that wrote it and Fork 0 for its log, or 2, 3 … for what it wrote
	// after its database was put back from an older copy (Laptop is then "<origin>.<fork>"):
	// entries under numbers it had used before, kept beside the first ones.
	Origin string
	Fork   int
}

// RemoteAuditChains checks every other laptop's audit entries held here.
func (e *Engine) RemoteAuditChains(ctx context.Context) ([]RemoteChain, error) {
	var rows []struct {
		Laptop   string
		OriginID uint
		PrevHash string
		Hash     string
	}
	if err := e.db.WithContext(ctx).Raw(`SELECT laptop, origin_id, prev_hash, hash FROM audit_remote
		ORDER BY laptop, origin_id`).Scan(&rows).Error; err != nil {
		return nil, err
	}
	byLaptop := map[string]*RemoteChain{}
	var order []string
	prev := map[string]struct {
		id   uint
		hash string
	}{}
	for _, r := range rows {
		c, ok := byLaptop[r.Laptop]
		if !ok {
			c = &RemoteChain{Laptop: r.Laptop, First: r.OriginID, Origin: r.Laptop}
			if i := strings.Index(r.Laptop, forkSep); i > 0 {
				c.Origin = r.Laptop[:i]
				c.Fork, _ = strconv.Atoi(r.Laptop[i+len(forkSep):])
			}
			byLaptop[r.Laptop] = c
			order = append(order, r.Laptop)
		} else if p := prev[r.Laptop]; p.id+1 != r.OriginID || p.hash != r.PrevHash {
			c.Broken = append(c.Broken, r.OriginID)
		}
		c.Entries++
		c.Last, c.LastHash = r.OriginID, r.Hash
		prev[r.Laptop] = struct {
			id   uint
			hash string
		}{r.OriginID, r.Hash}
	}
	sort.Strings(order)
	out := make([]RemoteChain, 0, len(order))
	for _, l := range order {
		out = append(out, *byLaptop[l])
	}
	return out, nil
}
