package teamsync

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"icm/backend/syncstore"
	"icm/backend/teamfolder"
)

// errUnpublished stops an apply when a local change came in after the publish before it:
// a remote value must never overwrite a local one the team has not seen.
var errUnpublished = errors.New("local changes not yet published")

// ApplyReport says what one pass did.
type ApplyReport struct {
	Batches   int // batches applied
	Snapshots int // snapshots loaded (a laptop's first pass)
	Changes   int // row changes written
	Refused   int // changes refused by the access rules
	Conflicts int // values that lost and were kept
	Waiting   int // laptops whose next batch is missing, incomplete or waits for another
	Problems  int // files refused (signature, team, format)
}

// ApplyOnce applies every batch that can be applied now, in order.
func (e *Engine) ApplyOnce(ctx context.Context) (rep ApplyReport, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.stopIfRestored(ctx, nil); err != nil {
		return rep, err
	}
	defer func() { err = e.stopIfRestored(ctx, err) }()
	return e.apply(ctx)
}

func (e *Engine) apply(ctx context.Context) (ApplyReport, error) {
	var rep ApplyReport
	entries, _, err := e.folder.List()
	if err != nil {
		return rep, err
	}
	if err := e.refreshRosterFrom(ctx, entries); err != nil {
		return rep, err
	}
	if err := e.forgetGoneProblems(ctx, entries); err != nil {
		return rep, err
	}
	if err := e.adoptAhead(ctx, entries); err != nil {
		return rep, err
	}
	batches := map[string]map[uint64]teamfolder.Entry{}
	for _, en := range entries {
		if en.Kind != "batch" || en.Laptop == e.local.LaptopID {
			continue
		}
		if batches[en.Laptop] == nil {
			batches[en.Laptop] = map[uint64]teamfolder.Entry{}
		}
		batches[en.Laptop][en.Seq] = en
	}
	if err := e.maybeLoadSnapshot(ctx, entries, &rep); err != nil {
		return rep, err
	}
	laptops := make([]string, 0, len(batches))
	for l := range batches {
		laptops = append(laptops, l)
	}
	sort.Strings(laptops)
	waiting := map[string]bool{}
	for progress := true; progress; {
		progress = false
		vector, err := appliedVector(e.db.WithContext(ctx))
		if err != nil {
			return rep, err
		}
		for _, l := range laptops {
			en, ok := batches[l][vector[l]+1]
			if !ok {
				delete(waiting, l)
				continue
			}
			applied, err := e.applyFile(ctx, en, vector, &rep)
			switch {
			case errors.Is(err, errUnpublished):
				if _, err := e.publish(ctx); err != nil {
					return rep, err
				}
				progress = true
			case err != nil:
				return rep, err
			case applied:
				delete(waiting, l)
				rep.Batches++
				progress = true
			default:
				waiting[l] = true
			}
		}
	}
	rep.Waiting = len(waiting)
	return rep, nil
}

// applyFile applies one batch if it verifies and its dependencies are in; applied is false
// when it must wait (the reason is kept in sync_problems).
func (e *Engine) applyFile(ctx context.Context, en teamfolder.Entry, vector map[string]uint64, rep *ApplyReport) (bool, error) {
	data, err := e.folder.Read(en)
	if err != nil {
		return false, e.problem(ctx, en, "incomplete: "+err.Error())
	}
	applied := false
	err = e.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		h, payload, err := e.openFile(tx, data)
		if err != nil {
			return errSkip{fmt.Sprintf("refused: %v", err)}
		}
		if h.Kind != "batch" || h.Laptop != en.Laptop || h.Seq != en.Seq || h.Name != en.Name {
			return errSkip{"refused: the file is not the batch its name says"}
		}
		b, err := decodeBatch(payload)
		if err != nil {
			return errSkip{err.Error()}
		}
		if err := e.aheadOfMe(b.Deps); err != nil {
			return err
		}
		for l, s := range b.Deps {
			if l != e.local.LaptopID && vector[l] < s {
				return errSkip{fmt.Sprintf("waiting for batch %d of laptop %s", s, l)}
			}
		}
		var pending int64
		if err := tx.Raw(`SELECT COUNT(*) FROM sync_outbox`).Scan(&pending).Error; err != nil {
			return err
		}
		if pending > 0 {
			return errUnpublished
		}
		var r ApplyReport
		if err := e.applyBatch(tx, en.Laptop, "batch", en.Seq, b, &r); err != nil {
			return err
		}
		content := uint64(0)
		if len(b.Team)+len(b.Citizens)+len(b.Audit) > 0 {
			content = en.Seq
		}
		if err := tx.Exec(`INSERT INTO sync_applied(laptop, seq, content) VALUES (?, ?, ?)
			ON CONFLICT(laptop) DO UPDATE SET seq = excluded.seq, content = max(content, excluded.content)`,
			en.Laptop, en.Seq, content).Error; err != nil {
			return err
		}
		if err := recordAcks(tx, en.Laptop, b.Deps); err != nil {
			return err
		}
		if err := tx.Exec(`DELETE FROM sync_problems WHERE name = ?`, problemName(en)).Error; err != nil {
			return err
		}
		if err := e.markSeen(tx, en.Laptop, h.Created); err != nil {
			return err
		}
		e.clock.Observe(b.MaxHLC)
		rep.Changes += r.Changes
		rep.Refused += r.Refused
		rep.Conflicts += r.Conflicts
		applied = true
		return nil
	})
	var skip errSkip
	if errors.As(err, &skip) {
		return false, e.problem(ctx, en, skip.reason)
	}
	if errors.Is(err, errWaitKey) {
		return false, e.problem(ctx, en, "waiting for a citizen's key file")
	}
	return applied, err
}

// errSkip leaves a batch for a later pass, with the reason kept for the status.
type errSkip struct{ reason string }

func (e errSkip) Error() string { return e.reason }

// applyBatch writes a verified batch's content in one call of the applier: team changes
// first, then each citizen's, each change checked against who may make it.
func (e *Engine) applyBatch(tx *gorm.DB, laptop, kind string, seq uint64, b *batch, rep *ApplyReport) error {
	all := append([]syncstore.Change(nil), b.Team...)
	// The audit entries are kept in their chain's order: a citizen's are filed with that
	// citizen's part, the others with the team's.
	audit := append([]auditEntry(nil), b.Audit...)
	opened, keyErr := e.openSections(tx, laptop, kind, seq, b.Citizens)
	for _, s := range opened {
		if s.err != nil {
			return errSkip{"refused: a citizen's part does not open: " + s.err.Error()}
		}
		for _, c := range s.sec.Changes {
			if c.Citizen != s.citizen {
				return errSkip{"refused: a change filed under another citizen"}
			}
		}
		all = append(all, s.sec.Changes...)
		audit = append(audit, s.sec.Audit...)
	}
	if keyErr != nil {
		return keyErr
	}
	for _, a := range audit {
		if a.Laptop != "" {
			// Only a lead's snapshot carries other laptops' entries, and not here (Others).
			return errSkip{"refused: an audit entry filed under another laptop"}
		}
	}
	sort.Slice(audit, func(i, j int) bool { return audit[i].ID < audit[j].ID })
	if err := storeRemoteAudit(tx, e.local.LaptopID, laptop, audit); err != nil {
		return err
	}
	if reason := e.clockAhead(b.MaxHLC, all); reason != "" {
		return errSkip{reason}
	}
	if kind != "snapshot" {
		var err error
		if all, err = e.screen(tx, laptop, all, rep); err != nil {
			return err
		}
	}
	var progress func(done int)
	if kind == "snapshot" {
		total := int64(len(all))
		report(tx.Statement.Context, PhaseSnapshotLoad, 0, total)
		progress = func(done int) { report(tx.Statement.Context, PhaseSnapshotLoad, int64(done), total) }
	}
	res, err := syncstore.ApplyReporting(tx, all, laptop, progress)
	if err != nil {
		return err
	}
	rep.Changes += res.Applied
	rep.Conflicts += res.Conflicts
	rep.Refused += len(res.Refused)
	return nil
}

// maxClockAhead is how far ahead of this laptop's clock a file's stamps may be. A laptop
// whose clock runs ahead would otherwise drag every clock of the team with it for good (and
// a stamp bounds the day a cover period is judged at): its files wait, with the reason in
// the status, until this laptop's clock has caught up.
const maxClockAhead = time.Hour

// clockAhead says why a batch must wait for the clock, or "" when its stamps are plausible.
func (e *Engine) clockAhead(maxHLC HLC, cs []syncstore.Change) string {
	limit := e.now().Add(maxClockAhead)
	newest := maxHLC
	for _, c := range cs {
		for _, h := range c.HLC {
			if h > newest {
				newest = h
			}
		}
	}
	if t, ok := hlcTime(newest); ok && t.After(limit) {
		return "waiting: written with a clock ahead of this laptop's (" + t.Format("02.01.2006 15:04") + " UTC)"
	}
	return ""
}

// screen keeps the changes laptop's worker had the right to make and records the others as
// refused. Each is judged on the state before the batch, and a course new in the batch by
// the worker the batch gives it.
func (e *Engine) screen(tx *gorm.DB, laptop string, cs []syncstore.Change, rep *ApplyReport) ([]syncstore.Change, error) {
	r, err := e.roster(tx)
	if err != nil {
		return nil, err
	}
	batch := newCourses(tx, cs)
	// The newest stamp applied from the laptop before this batch (Apply raises it after).
	var since HLC
	if err := tx.Raw(`SELECT COALESCE((SELECT hlc FROM sync_origins WHERE origin = ?), '')`, laptop).Scan(&since).Error; err != nil {
		return nil, err
	}
	byUID := make(map[string]syncstore.Change, len(cs))
	for _, c := range cs {
		byUID[c.UID] = c
	}
	kept := cs[:0:0]
	for _, c := range cs {
		reason := ""
		// Whose data a change is comes from the registry and this laptop's rows, never from
		// the change: a change filed under the writer's own citizen is no key to others'.
		if _, known := registry[c.Table]; known && !(c.Op == syncstore.OpDel && !exists(tx, c.UID)) {
			if truth, ok := trueCitizen(tx, c, byUID, 0); !ok || truth != c.Citizen {
				reason = denyWrongCitizen
			}
		}
		if reason == "" {
			reason = allowed(tx, r, laptop, c, batch, since)
		}
		if reason != "" {
			if err := syncstore.Refuse(tx, c, laptop, reason, "the worker had no right to make this change"); err != nil {
				return nil, err
			}
			rep.Refused++
			continue
		}
		kept = append(kept, c)
	}
	return kept, nil
}

// problem records why a file waits or was refused.
func (e *Engine) problem(ctx context.Context, en teamfolder.Entry, reason string) error {
	now := stamp(e.now())
	return e.db.WithContext(ctx).Exec(`INSERT INTO sync_problems(name, laptop, reason, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET reason = excluded.reason,
		last_seen = excluded.last_seen, count = count + 1`, problemName(en), en.Laptop, reason, now, now).Error
}

// forgetGoneProblems drops the problems of files that are no longer in the folder (a
// renamed or conflicted copy the file service took back).
func (e *Engine) forgetGoneProblems(ctx context.Context, entries []teamfolder.Entry) error {
	var names []string
	if err := e.db.WithContext(ctx).Raw(`SELECT name FROM sync_problems`).Scan(&names).Error; err != nil || len(names) == 0 {
		return err
	}
	present := make(map[string]bool, len(entries))
	for _, en := range entries {
		present[problemName(en)] = true
	}
	for _, n := range names {
		if !present[n] {
			if err := e.db.WithContext(ctx).Exec(`DELETE FROM sync_problems WHERE name = ?`, n).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// problemName names a file in the status: laptop folder and file name.
func problemName(en teamfolder.Entry) string { return en.Laptop + "/" + en.Name }
