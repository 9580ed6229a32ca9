package teamsync

import (
	"context"
	"sort"
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
	// Rewritten are the numbers under which the laptop also sent other content than the
	// entry held: its log was rewritten (or its database put back from an older copy, which
	// a laptop in a team must not do: see ErrRestored). Those entries are kept aside.
	Rewritten []uint
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
	rewritten := map[string][]uint{}
	for _, r := range rows {
		if origin, ok := strings.CutSuffix(r.Laptop, rewrittenMark); ok {
			rewritten[origin] = append(rewritten[origin], r.OriginID)
			continue
		}
		c, ok := byLaptop[r.Laptop]
		if !ok {
			c = &RemoteChain{Laptop: r.Laptop, First: r.OriginID}
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
	for origin, ids := range rewritten {
		c, ok := byLaptop[origin]
		if !ok { // only rewritten entries: cannot be, as each is kept beside one held
			c = &RemoteChain{Laptop: origin}
			byLaptop[origin] = c
			order = append(order, origin)
		}
		c.Rewritten = ids
	}
	sort.Strings(order)
	out := make([]RemoteChain, 0, len(order))
	for _, l := range order {
		out = append(out, *byLaptop[l])
	}
	return out, nil
}
