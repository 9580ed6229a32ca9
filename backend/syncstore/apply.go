package syncstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// outcome is what applying one change did.
type outcome int

const (
	skipped outcome = iota
	applied
	conflicted
)

// refusal is why a change is not applied; parent names the row a missing_parent waits for.
type refusal struct {
	code, detail, parent string
}

func (r *refusal) Error() string { return r.code + ": " + r.detail }

func refuse(code, format string, args ...any) *refusal {
	return &refusal{code: code, detail: fmt.Sprintf(format, args...)}
}

// fatal is an error that ends Apply (the savepoint machinery itself failed).
type fatal struct{ error }

// applier is one call of Apply.
type applier struct {
	*conn
	origin string
	mark   string                       // the newest HLC applied from origin before this call
	dels   map[string]map[string]string // uid → Base of the deletes in this call
	notes  map[int64]bool               // notes whose revisions changed
	// newNotes are the notes this call inserted, noteRevs how many revisions it inserted
	// per note.
	newNotes map[int64]bool
	noteRevs map[int64]int
	// pendingIDs counts the sync_ids rows of bulk inserts waiting in sync_ids_bulk (see
	// flushIDs).
	pendingIDs int
	res        Result
	// progress hears how many changes are through (nil: nobody listens); reported is the
	// count it last heard.
	progress func(done int)
	reported int
}

// progressEvery is how many changes Apply goes through between two progress reports.
const progressEvery = 2000

// tick tells progress how far the call is, at most every progressEvery changes unless final.
func (a *applier) tick(done int, final bool) {
	if a.progress != nil && (final || done-a.reported >= progressEvery) {
		a.reported = done
		a.progress(done)
	}
}

// Apply writes changes from the laptop origin in order inside tx, with sync_apply.active
// set so that the capture triggers stay silent. Every column is merged by last writer wins
// on its HLC (docs/team-sync.md, "Clock and merge"); the value that lost is kept in
// sync_conflicts. A change whose HLCs are not newer than the newest already applied from
// origin was applied before and is skipped, so applying a batch again changes nothing.
// A delete is final: a later change of the deleted row, and a new row under it, are kept
// as conflicts. Each change runs in a SAVEPOINT: one that breaks a rule of the database
// (a unique rule, a missing parent, ...) is rolled back alone, recorded in sync_refused and
// listed in the Result, and the rest goes on. A new row whose parent comes later in the
// same call waits for it. The error is for a failure of the transaction itself: the caller
// must then roll tx back.
func Apply(tx *gorm.DB, changes []Change, origin string) (Result, error) {
	return ApplyReporting(tx, changes, origin, nil)
}

// ApplyReporting is Apply telling progress (when not nil) how many changes it has been
// through, every few thousand and at the end: a new laptop's snapshot shows a progress bar.
func ApplyReporting(tx *gorm.DB, changes []Change, origin string, progress func(done int)) (Result, error) {
	c, err := newConn(tx, true)
	if err != nil {
		return Result{}, err
	}
	defer c.done()
	a := &applier{conn: c, origin: origin, dels: map[string]map[string]string{}, notes: map[int64]bool{},
		newNotes: map[int64]bool{}, noteRevs: map[int64]int{}, progress: progress}
	if err := c.queryRow(`SELECT COALESCE((SELECT hlc FROM sync_origins WHERE origin = ?), '')`, origin).Scan(&a.mark); err != nil {
		return Result{}, err
	}
	newMark := a.mark
	var uids []string
	for _, ch := range changes {
		if ch.Op == OpDel {
			a.dels[ch.UID] = ch.Base
		}
		if ch.Table == ConflictTable {
			continue
		}
		for _, h := range ch.HLC {
			if h > newMark {
				newMark = h
			}
		}
		uids = append(uids, ch.UID)
		if t, ok := byName[ch.Table]; ok {
			for _, r := range t.Refs {
				if uid, ok := ch.Cols[r.Col].(string); ok {
					uids = append(uids, uid)
				}
			}
		}
	}
	// What the changes name, looked up at once (a uid not found is looked up again when
	// needed: an earlier change of the call may write it).
	if err := c.loadIDs(uids); err != nil {
		return Result{}, err
	}
	if err := c.exec(`UPDATE sync_apply SET active = 1`); err != nil {
		return Result{}, err
	}
	if err := a.run(changes); err != nil {
		_ = c.exec(`UPDATE sync_apply SET active = 0`)
		return a.res, err
	}
	if err := a.renumberNotes(); err != nil {
		_ = c.exec(`UPDATE sync_apply SET active = 0`)
		return a.res, err
	}
	if newMark != a.mark && origin != "" {
		if err := c.exec(`INSERT INTO sync_origins(origin, hlc) VALUES (?, ?)
			ON CONFLICT (origin) DO UPDATE SET hlc = max(hlc, excluded.hlc)`, origin, newMark); err != nil {
			return a.res, err
		}
	}
	sort.Slice(a.res.Refused, func(i, j int) bool { return a.res.Refused[i].Index < a.res.Refused[j].Index })
	return a.res, c.exec(`UPDATE sync_apply SET active = 0`)
}

// run applies the changes in order; a change that waits for a parent later in the call,
// or a delete that waits for its children's, is tried again after the others, as long as
// that gets anywhere.
func (a *applier) run(changes []Change) error {
	remaining := make([]int, len(changes))
	for i := range remaining {
		remaining[i] = i
	}
	done := make([]bool, len(changes))
	through := 0 // changes applied, kept or refused: for the progress bar
	defer func() { a.tick(through, true) }()
	first := true
	noBulkUntil := 0 // after a run that could not go in at once, its changes go one by one
	for len(remaining) > 0 {
		var again []int
		var waiting []*refusal
		for n := 0; n < len(remaining); n++ {
			i := remaining[n]
			if first && i >= noBulkUntil {
				// New rows in a row go in with a few statements where they can.
				if k := a.bulkRun(changes, i); k > 0 {
					err := a.bulkInsert(changes[i : i+k])
					var f fatal
					if errors.As(err, &f) {
						return f.error
					}
					if err == nil {
						for j := i; j < i+k; j++ {
							done[j] = true
							a.res.Applied++
						}
						through += k
						a.tick(through, false)
						n += k - 1
						continue
					}
					noBulkUntil = i + k
				}
			}
			if err := a.flushIDs(); err != nil {
				return err
			}
			out, err := a.try(&changes[i])
			var f fatal
			if errors.As(err, &f) {
				return f.error
			}
			var r *refusal
			if errors.As(err, &r) && a.canWait(r, changes, done, i, remaining[n+1:], again) {
				again = append(again, i)
				waiting = append(waiting, r)
				continue
			}
			done[i] = true
			if err := a.record(i, &changes[i], out, err); err != nil {
				return err
			}
			through++
			a.tick(through, false)
		}
		first = false
		if err := a.flushIDs(); err != nil {
			return err
		}
		if len(again) == len(remaining) { // no progress: the waits are refusals after all
			for n, i := range again {
				if err := a.record(i, &changes[i], skipped, waiting[n]); err != nil {
					return err
				}
			}
			return nil
		}
		remaining = again
	}
	return nil
}

// canWait reports a refusal that a change not applied yet may lift: the missing parent is
// among them, or a delete broke a reference another delete still to come may remove.
func (a *applier) canWait(r *refusal, changes []Change, done []bool, self int, rest, again []int) bool {
	others := append(append([]int{}, rest...), again...)
	switch r.code {
	case RefuseMissingParent:
		for _, j := range others {
			if j != self && !done[j] && changes[j].UID == r.parent && changes[j].Op == OpPut {
				return true
			}
		}
	case RefuseForeignKey:
		for _, j := range others {
			if j != self && !done[j] && changes[j].Op == OpDel {
				return true
			}
		}
	}
	return false
}

// try applies one change inside a savepoint, rolled back when it fails.
func (a *applier) try(ch *Change) (outcome, error) {
	if err := a.exec(`SAVEPOINT sync_change`); err != nil {
		return skipped, fatal{err}
	}
	a.startJournal()
	out, err := a.one(ch)
	if err != nil {
		if rerr := a.exec(`ROLLBACK TO sync_change`); rerr != nil {
			return skipped, fatal{rerr}
		}
		a.undo() // what was cached inside the savepoint may be gone with it
	}
	a.keepJournal()
	if rerr := a.exec(`RELEASE sync_change`); rerr != nil {
		return skipped, fatal{rerr}
	}
	return out, err
}

// record counts an outcome, or keeps a refused change in sync_refused.
func (a *applier) record(i int, ch *Change, out outcome, err error) error {
	if err == nil {
		switch out {
		case applied:
			a.res.Applied++
		case conflicted:
			a.res.Conflicts++
		default:
			a.res.Skipped++
		}
		return nil
	}
	var r *refusal
	if !errors.As(err, &r) {
		r = sqlRefusal(err)
	}
	a.res.Refused = append(a.res.Refused, Refusal{Index: i, Table: ch.Table, UID: ch.UID, Code: r.code, Detail: r.detail})
	return keepRefused(a.conn, *ch, a.origin, r.code, r.detail)
}

// one applies one change.
func (a *applier) one(ch *Change) (outcome, error) {
	if ch.Table == ConflictTable {
		return a.keptConflict(ch)
	}
	if _, ok := byName[ch.Table]; !ok {
		return skipped, refuse(RefuseUnknownTable, "%s is not a synced table", ch.Table)
	}
	ti, err := a.info(ch.Table)
	if err != nil {
		return skipped, err
	}
	if ch.UID == "" || !validOp(ch.Op) {
		return skipped, refuse(RefuseBadChange, "no uid or an unknown op %q", ch.Op)
	}
	if ch.Op == OpDel {
		return a.del(ti, ch)
	}
	return a.put(ti, ch)
}

// keptConflict takes a value kept in another laptop's sync_conflicts (from a snapshot).
func (a *applier) keptConflict(ch *Change) (outcome, error) {
	tbl, _ := ch.Cols["tbl"].(string)
	col, _ := ch.Cols["col"].(string)
	hlc, _ := ch.Cols["hlc"].(string)
	if ch.UID == "" || tbl == "" || col == "" || hlc == "" {
		return skipped, refuse(RefuseBadChange, "a kept value needs tbl, col and hlc")
	}
	v, err := fromWire(column{}, ch.Cols["value"])
	if err != nil {
		return skipped, refuse(RefuseBadChange, "kept value: %v", err)
	}
	res, err := a.pool.ExecContext(a.ctx, `INSERT OR IGNORE INTO sync_conflicts(tbl, uid, col, hlc, value) VALUES (?, ?, ?, ?, ?)`,
		tbl, ch.UID, col, hlc, v)
	if err != nil {
		return skipped, err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return applied, nil
	}
	return skipped, nil
}

// keepLoser keeps a value that lost; dropLoser forgets one that a newer change knew and
// replaced on purpose (it was not lost after all).
func (a *applier) keepLoser(tbl, uid, col, hlc string, value any) error {
	return a.exec(`INSERT OR IGNORE INTO sync_conflicts(tbl, uid, col, hlc, value) VALUES (?, ?, ?, ?, ?)`,
		tbl, uid, col, hlc, value)
}

func (a *applier) dropLoser(uid, col, hlc string) error {
	if hlc == "" {
		return nil
	}
	return a.exec(`DELETE FROM sync_conflicts WHERE uid = ? AND col = ? AND hlc = ?`, uid, col, hlc)
}

// sqlRefusal turns an error of the database into a refusal code.
func sqlRefusal(err error) *refusal {
	msg := err.Error()
	for _, code := range []string{"plan_signed", "template_signed", "note_record", "close_through_closing", "audit_append_only"} {
		if strings.Contains(msg, code+":") {
			return &refusal{code: code, detail: msg}
		}
	}
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return &refusal{code: RefuseUnique, detail: msg}
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return &refusal{code: RefuseForeignKey, detail: msg}
	case strings.Contains(msg, "CHECK constraint failed"), strings.Contains(msg, "NOT NULL constraint failed"):
		return &refusal{code: RefuseCheck, detail: msg}
	}
	return &refusal{code: RefuseSQL, detail: msg}
}

// keepRefused writes a refused change to sync_refused (without its values when its
// citizen's data is deleted here).
func keepRefused(c *conn, ch Change, origin, code, detail string) error {
	body, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	gone, err := c.citizenGone(ch.Citizen)
	if err != nil {
		return err
	}
	if gone {
		body = nil
	}
	hlc := ""
	for _, h := range ch.HLC {
		if h > hlc {
			hlc = h
		}
	}
	return c.exec(`INSERT INTO sync_refused(origin, tbl, uid, op, code, detail, worker, hlc, citizen, change)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, origin, ch.Table, ch.UID, ch.Op, code, detail, ch.Worker, hlc, ch.Citizen, string(body))
}

// citizenGone reports a citizen whose row is deleted here (at the end of retention): of
// their data nothing more is kept.
func (c *conn) citizenGone(uid string) (bool, error) {
	if uid == "" {
		return false, nil
	}
	id, known, err := c.byUID(uid)
	return known && !id.live(), err
}

// Refuse records a change the engine did not apply (for example one its worker had no right
// to make) in sync_refused with code, as Apply records its own refusals, for the team lead.
func Refuse(tx *gorm.DB, ch Change, origin, code, detail string) error {
	c, err := newConn(tx, false)
	if err != nil {
		return err
	}
	defer c.done()
	return keepRefused(c, ch, origin, code, detail)
}
