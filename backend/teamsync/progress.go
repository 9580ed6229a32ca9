package teamsync

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
	"time"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
	"icm/backend/teamkeys"
)

// Phases of the long steps a Progress reports.
const (
	PhaseSnapshotRead  = "snapshot_read"  // founding: the team's rows read for the first snapshot
	PhaseSnapshotWrite = "snapshot_write" // founding: the snapshot sealed and written to the folder
	PhaseSnapshotLoad  = "snapshot_load"  // a new laptop's first pass: the snapshot's changes applied
	PhaseSearchIndex   = "search_index"   // the note search index built after a snapshot's load
)

// Progress is one step of founding a team or of a laptop's first load, for a progress bar.
// Total 0 means the step is not counted (a moving bar).
type Progress struct {
	Phase string
	Done  int64
	Total int64
}

type progressKey struct{}

// WithProgress returns a context whose long steps (Found's snapshot, a snapshot's load, the
// search index's build) report to fn. fn is called on the engine's goroutine: keep it short.
func WithProgress(ctx context.Context, fn func(Progress)) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

// report tells the context's progress function, if any, about a step.
func report(ctx context.Context, phase string, done, total int64) {
	if fn, ok := ctx.Value(progressKey{}).(func(Progress)); ok && fn != nil {
		fn(Progress{Phase: phase, Done: done, Total: total})
	}
}

// Kinds of the last pass's failure (Status.LastError): no personal data, only what the
// screens explain.
const (
	ErrorFolder = "folder_unreachable" // the team folder could not be read or written
	ErrorOther  = "sync_failed"        // another failure; the log has the detail
)

// ErrorKind sorts an error of the engine for the status: "" for none, ErrorFolder or ErrorOther.
func ErrorKind(err error) string {
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, ErrRestored):
		return "" // a restored laptop's stop is a state of its own (Status.Restored)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), errors.Is(err, teamfolder.ErrNotFolder):
		return ErrorFolder
	}
	var pe *os.PathError
	var le *os.LinkError
	if errors.As(err, &pe) || errors.As(err, &le) {
		return ErrorFolder
	}
	return ErrorOther
}

// LastError is the kind of the last pass's failure ("" when it went well).
func (e *Engine) LastError() string {
	e.errMu.Lock()
	defer e.errMu.Unlock()
	return e.lastErr
}

// OnPass sets what to do after every pass and every publish of Run, outside the engine's
// lock (the app updates its sync indicator, which reads Status).
func (e *Engine) OnPass(fn func()) {
	e.errMu.Lock()
	defer e.errMu.Unlock()
	e.onPass = fn
}

// passed keeps the kind of a pass's failure and tells OnPass's function.
func (e *Engine) passed(err error) {
	e.errMu.Lock()
	e.lastErr = ErrorKind(err)
	fn := e.onPass
	e.errMu.Unlock()
	if fn != nil {
		fn()
	}
}

// seenPrefix begins the local setting that keeps when a laptop's newest file applied here
// was written (the settings table keeps laptop-local values the team does not share).
const seenPrefix = "sync_seen:"

// seenLayout has a fixed width, so that the stamps compare as strings.
const seenLayout = "2006-01-02T15:04:05.000Z"

// markSeen records in tx that laptop wrote a file at created (never later than now: a
// laptop's clock may run ahead).
func (e *Engine) markSeen(tx *gorm.DB, laptop string, created time.Time) error {
	if now := e.now(); created.IsZero() || created.After(now) {
		created = now
	}
	return tx.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`,
		seenPrefix+laptop, created.UTC().Format(seenLayout)).Error
}

// lastSeen reads when each laptop's newest file applied here was written.
func lastSeen(tx *gorm.DB) (map[string]time.Time, error) {
	var rows []struct{ Key, Value string }
	if err := tx.Raw(`SELECT key, value FROM settings WHERE key LIKE ?`, seenPrefix+"%").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]time.Time, len(rows))
	for _, r := range rows {
		if t, err := time.Parse(seenLayout, r.Value); err == nil {
			out[strings.TrimPrefix(r.Key, seenPrefix)] = t
		}
	}
	return out, nil
}

// Kinds of a file problem (Problem.Kind), for the screens.
const (
	ProblemNewer   = "file_newer"   // written by a newer version of the app: update this laptop
	ProblemRefused = "file_refused" // failed its checks (signature, team, a changed byte...)
	ProblemRevoked = "file_revoked" // written by a laptop after the team lead disconnected it
	ProblemWaiting = "file_waiting" // waits for another file, a key or the clock
)

// Kind sorts a file problem by what the people at the laptop can do about it.
func (p Problem) Kind() string {
	switch {
	case strings.Contains(p.Reason, teamkeys.ErrVersion.Error()), strings.Contains(p.Reason, errFormat.Error()):
		return ProblemNewer
	case strings.Contains(p.Reason, errNoTeamKey.Error()):
		return ProblemWaiting // the laptop is not enrolled yet
	case strings.Contains(p.Reason, teamkeys.ErrRevokedSigner.Error()):
		return ProblemRevoked
	case strings.HasPrefix(p.Reason, "refused"):
		return ProblemRefused
	}
	return ProblemWaiting
}
