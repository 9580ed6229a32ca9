package teamsync

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sort"
	"time"

	"icm/backend/teamkeys"
)

// Status is what `icm sync status` and the app's sync page show.
type Status struct {
	TeamID        string
	LaptopID      string
	Fingerprint   string
	Folder        string
	Enrolled      bool   // this laptop is in the current roster and holds the team key
	Lead          bool   // it may enroll laptops and write snapshots
	Revoked       bool   // it was taken out of the team
	Restored      bool   // its database was put back from an older copy: it syncs no more until it joins again (ErrRestored)
	RosterVersion uint64 // 0: no roster read yet
	Members       int
	NextSeq       uint64
	Pending       int64             // local changes not yet published
	Applied       map[string]uint64 // per other laptop, the highest batch applied
	Waiting       []Problem         // files waiting or refused, oldest first
	Refused       int64             // changes not applied: no right to make them, or a rule of the database
	Conflicts     int64             // values that lost to a concurrent change, kept
	LastPublish   string
	LastApply     string
	// LastSeen is, per laptop, when its newest file applied here was written (this
	// laptop: its last publish); a laptop not in the map has not been seen yet.
	LastSeen map[string]time.Time
	// Roster lists the laptops of the newest roster (nil before one is read).
	Roster []Member
	// TeamCode is the code of the laptop that founded the team, which laptops that join type
	// ("" before the first roster is read).
	TeamCode string
	// LastError is the kind of the last pass's failure ("" when it went well).
	LastError string
}

// A Problem is a file that could not be used yet, and why.
type Problem struct {
	Name      string
	Laptop    string
	Reason    string
	FirstSeen string
	LastSeen  string
	Count     int
}

// Status reads the engine's state without touching the folder.
func (e *Engine) Status(ctx context.Context) (Status, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	db := e.db.WithContext(ctx)
	s := Status{TeamID: e.local.TeamID, LaptopID: e.local.LaptopID, Fingerprint: e.Fingerprint(), Folder: e.local.Folder,
		NextSeq: e.local.NextSeq, LastPublish: e.local.LastPublish, LastApply: e.local.LastApply}
	r, err := e.roster(db)
	if err != nil {
		return s, err
	}
	if r != nil {
		s.RosterVersion, s.Members = r.Version, len(r.Members)
		if m, ok := r.member(e.local.LaptopID); ok {
			s.Revoked = m.RevokedFrom != 0
			s.Enrolled = !s.Revoked
			s.Lead = r.canLead(e.local.LaptopID)
		}
	}
	if s.Restored, err = Restored(db); err != nil {
		return s, err
	}
	if s.Applied, err = appliedVector(db); err != nil {
		return s, err
	}
	if err := db.Raw(`SELECT COUNT(*) FROM sync_outbox`).Scan(&s.Pending).Error; err != nil {
		return s, err
	}
	if err := db.Raw(`SELECT COUNT(*) FROM sync_refused`).Scan(&s.Refused).Error; err != nil {
		return s, err
	}
	if err := db.Raw(`SELECT COUNT(*) FROM sync_conflicts`).Scan(&s.Conflicts).Error; err != nil {
		return s, err
	}
	if s.LastSeen, err = lastSeen(db); err != nil {
		return s, err
	}
	if r != nil {
		s.Roster = append([]Member(nil), r.Members...)
		for _, m := range r.Members {
			if m.Sign == e.local.TrustRoot {
				if pub, err := hex.DecodeString(m.Sign); err == nil {
					s.TeamCode = teamkeys.Fingerprint(teamkeys.PublicKeys{LaptopID: m.Laptop, Sign: pub, Age: m.Age})
				}
			}
		}
	}
	s.LastError = e.LastError()
	if err := db.Raw(`SELECT name, laptop, reason, first_seen, last_seen, count FROM sync_problems ORDER BY first_seen, name`).
		Scan(&s.Waiting).Error; err != nil {
		return s, err
	}
	return s, nil
}

// Laptops lists the other laptops' applied batches in a stable order (for printing).
func (s Status) Laptops() []string {
	out := make([]string, 0, len(s.Applied))
	for l := range s.Applied {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// SyncOnce runs one whole pass: publish, read the roster, apply, publish what came in
// meanwhile. It is what the app does on every change it notices and `icm sync once` does.
// What was applied is reported to the app (OnApplied) even when a later step of the pass
// fails, and a note search index set aside by a snapshot's load is built last, whatever
// the pass's other steps did.
func (e *Engine) SyncOnce(ctx context.Context) (ApplyReport, error) {
	rep, err := e.syncOnce(ctx)
	e.passed(err)
	return rep, err
}

func (e *Engine) syncOnce(ctx context.Context) (ApplyReport, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	rep, err := e.pass(ctx)
	if rep.Batches+rep.Snapshots > 0 && e.onApplied != nil {
		e.onApplied(rep)
	}
	if rerr := e.resumeSearchIndex(ctx); err == nil {
		err = rerr
	}
	return rep, err
}

func (e *Engine) pass(ctx context.Context) (rep ApplyReport, err error) {
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return ApplyReport{}, err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	if err := e.ensureFirstRoster(ctx); err != nil {
		return ApplyReport{}, err
	}
	if err := e.writeDueSnapshot(ctx); err != nil {
		return ApplyReport{}, err
	}
	if _, err := e.publish(ctx); err != nil && err != errNoTeamKey {
		return ApplyReport{}, err
	}
	rep, err = e.apply(ctx)
	if err != nil {
		return rep, err
	}
	if _, err := e.publish(ctx); err != nil && err != errNoTeamKey {
		return rep, err
	}
	e.local.LastApply = stamp(e.now())
	if err := e.saveLocal(e.db.WithContext(ctx), e.local); err != nil {
		return rep, err
	}
	return rep, e.tidy(ctx)
}

// randomID is a new team-wide id: 32 lowercase hex digits from 16 random bytes.
func randomID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// peekPlainPayload reads the payload of a signed-only file without verifying it: only to find
// the key it claims to be signed with, which is verified right after.
func peekPlainPayload(data []byte) ([]byte, error) {
	_, p, err := teamkeys.PeekPlain(data)
	return p, err
}
