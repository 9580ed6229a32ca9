package service

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"icm/backend/domain"
	"icm/backend/teamsync"
)

// TeamFolderService is the team folder in the app: founding it (team lead), joining it from
// a fresh laptop, enrolling and revoking laptops, and the sync status the shell shows. It
// owns the sync engine's life while the app runs (StartTeamFolder, StopTeamFolder).
type TeamFolderService struct {
	base
	dbPath string
	desk   FolderDesktop
	emit   func(name string, data any)
	team   *TeamService // deactivates a worker whose laptops are revoked
	poll   time.Duration
	scan   time.Duration

	mu       sync.Mutex
	engine   *teamsync.Engine
	openErr  string             // why the engine could not be opened ("" when it was, or not joined)
	running  context.CancelFunc // stops the engine's loop (nil: not running)
	done     chan struct{}      // closed when the loop has stopped
	progress *SyncProgressDTO   // the running step of founding or the first load
	founding bool
	joining  bool   // a JoinTeam call is under way: a second one waits for no answer of its own
	loaded   bool   // the first load of a joining laptop has ended (the sign-in may follow)
	shown    string // the last state sent to the indicator
}

// NewTeamFolderService builds the service. emit sends an event to the window (tests pass a
// recorder); desk opens the folder dialog; team deactivates workers. poll and scan are how
// often the running engine looks for local changes and rescans the folder (0: the defaults).
func NewTeamFolderService(d Deps, dbPath string, desk FolderDesktop, emit func(string, any), team *TeamService,
	poll, scan time.Duration) *TeamFolderService {
	if emit == nil {
		emit = func(string, any) {}
	}
	if poll <= 0 {
		poll = 500 * time.Millisecond
	}
	if scan <= 0 {
		scan = 30 * time.Second
	}
	return &TeamFolderService{base: base{d}, dbPath: dbPath, desk: desk, emit: emit, team: team, poll: poll, scan: scan}
}

// StartTeamFolder runs the team folder sync while the app is open, if this laptop has
// founded or joined a team. A team folder that cannot be reached now (a USB stick not
// plugged in) is tried again every scan interval; the indicator says "offline" meanwhile.
// The first pass waits until firstPass is closed (nil: none), so that the app can keep it
// off the path to its first screen.
func StartTeamFolder(s *TeamFolderService, firstPass <-chan struct{}) {
	if s.deps.Store == nil {
		return
	}
	db := s.deps.Store.Gorm()
	e, err := teamsync.Open(db, s.dbPath, s.now)
	switch {
	case errors.Is(err, teamsync.ErrNotJoined):
		s.chore(firstPass, func(ctx context.Context) {
			if err := teamsync.ForgetUnshared(db.WithContext(ctx)); err != nil && ctx.Err() == nil {
				log.Printf("team folder: the unshared changes were not cleared: %v", err)
			}
		})
		return
	case err != nil:
		log.Printf("team folder: not started: %v", err)
		s.retryOpen(err)
		return
	}
	s.runAfter(e, firstPass)
}

// StopTeamFolder stops the sync and waits for its pass to end (at shutdown).
func StopTeamFolder(s *TeamFolderService) {
	s.mu.Lock()
	stop, done := s.running, s.done
	s.running = nil
	s.mu.Unlock()
	if stop != nil {
		stop()
		<-done
	}
}

// chore runs work once start is closed (nil: at once), in the background and stopped like
// the engine: StopTeamFolder cancels it and waits; a later chore (the engine's loop after a
// found or join) replaces it and cancels it.
// A laptop that works alone clears the changes it captured this way: on a database that
// has not been opened for long that can be hundreds of thousands of rows, which would
// otherwise compete with the window for the CPU while it draws the first screen.
func (s *TeamFolderService) chore(start <-chan struct{}, work func(ctx context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.mu.Lock()
	if s.running != nil {
		s.running()
	}
	s.running, s.done = cancel, done
	s.mu.Unlock()
	go func() {
		defer close(done)
		if start != nil {
			select {
			case <-start:
			case <-ctx.Done():
				return
			}
		}
		work(ctx)
	}()
}

// retryOpen keeps trying to open the engine of a laptop whose team folder was away.
func (s *TeamFolderService) retryOpen(first error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.mu.Lock()
	s.openErr, s.running, s.done = openErrorKind(first), cancel, done
	s.mu.Unlock()
	s.sendStatus()
	go func() {
		defer close(done)
		tick := time.NewTicker(s.scan)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			e, err := teamsync.Open(s.deps.Store.Gorm(), s.dbPath, s.now)
			if err != nil {
				continue
			}
			s.mu.Lock()
			s.openErr = ""
			s.mu.Unlock()
			s.adopt(e)
			e.Run(teamsync.WithProgress(ctx, s.loadProgress), s.poll, s.scan)
			return
		}
	}()
}

// openErrorKind sorts why the engine did not open: the folder, or something else.
func openErrorKind(err error) string {
	if k := domain.CodeOf(err); k == domain.CodeInvalidInput || k == domain.CodeWriteFailed {
		return teamsync.ErrorFolder
	}
	return teamsync.ErrorOther
}

// run starts the engine's loop in the background.
func (s *TeamFolderService) run(e *teamsync.Engine) { s.runAfter(e, nil) }

// runAfter is run with the first pass held until start is closed (nil: at once); the
// engine is adopted at once, before its loop can start, so the indicator and the screens
// know its state meanwhile and hear its first pass.
func (s *TeamFolderService) runAfter(e *teamsync.Engine, start <-chan struct{}) {
	s.adopt(e)
	s.chore(start, func(ctx context.Context) {
		e.Run(teamsync.WithProgress(ctx, s.loadProgress), s.poll, s.scan)
	})
}

// adopt makes e the service's engine: its passes update the indicator, and the screens
// reload when other laptops' changes arrived.
func (s *TeamFolderService) adopt(e *teamsync.Engine) {
	e.OnApplied(func(rep teamsync.ApplyReport) { s.emit(EventSyncApplied, rep.Batches+rep.Snapshots) })
	e.OnPass(s.afterPass)
	s.mu.Lock()
	s.engine = e
	s.mu.Unlock()
	s.sendStatus()
}

// loadProgress hears the engine's steps during a pass: a snapshot's load and the search
// index built after it are the first load of a joining laptop.
func (s *TeamFolderService) loadProgress(p teamsync.Progress) {
	if p.Phase != teamsync.PhaseSnapshotLoad && p.Phase != teamsync.PhaseSearchIndex {
		return
	}
	s.setProgress(&SyncProgressDTO{Operation: "load", Phase: p.Phase, Done: p.Done, Total: p.Total})
}

// setProgress keeps the running step and tells the window. It runs inside the engine's
// pass (which holds the engine): it tells the indicator "loading" without reading the
// engine's status.
func (s *TeamFolderService) setProgress(p *SyncProgressDTO) {
	s.mu.Lock()
	first := s.progress == nil
	s.progress = p
	s.mu.Unlock()
	s.emit(EventSyncProgress, *p)
	if first {
		s.emit(EventSyncStatus, SyncIndicatorDTO{State: SyncLoading})
	}
}

// afterPass ends a first load's progress once the pass that carried it is over (the search
// index included: the database takes no write until then) and updates the indicator.
func (s *TeamFolderService) afterPass() {
	s.mu.Lock()
	p := s.progress
	if p != nil && p.Operation == "load" {
		s.progress, s.loaded = nil, true
	}
	s.mu.Unlock()
	if p != nil && p.Operation == "load" {
		s.emit(EventSyncProgress, SyncProgressDTO{Operation: "load", Phase: "done", Done: 1, Total: 1})
	}
	s.sendStatus()
}

// sendStatus tells the indicator the state after a pass or a change.
func (s *TeamFolderService) sendStatus() {
	st, err := s.status(context.Background())
	if err != nil {
		return
	}
	s.mu.Lock()
	s.shown = st.State
	s.mu.Unlock()
	s.emit(EventSyncStatus, SyncIndicatorDTO{State: st.State, Pending: st.Pending})
}

// current is the running engine (nil: none).
func (s *TeamFolderService) current() *teamsync.Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.engine
}

// engineFor is the running engine, or the coded error the UI shows when there is none.
func (s *TeamFolderService) engineFor() (*teamsync.Engine, error) {
	if e := s.current(); e != nil {
		return e, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.openErr != "" {
		return nil, domain.E(domain.CodeTeamFolderOffline, "the team folder cannot be reached")
	}
	return nil, domain.E(domain.CodeTeamFolderNone, "this laptop is not part of a team folder")
}

// SyncNow runs one pass at once and returns the status after it.
func (s *TeamFolderService) SyncNow() (TeamFolderStatusDTO, error) {
	if _, err := s.ready(); err != nil {
		return TeamFolderStatusDTO{}, err
	}
	e, err := s.engineFor()
	if err != nil {
		return TeamFolderStatusDTO{}, err
	}
	// A failed pass shows in the status (its kind), which is what the page displays.
	_, _ = e.SyncOnce(teamsync.WithProgress(s.ctx(), s.loadProgress))
	return s.status(s.ctx())
}
