package main

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"icm/backend/backup"
	"icm/backend/benchhook"
	"icm/backend/desktop"
	"icm/backend/domain"
	"icm/backend/printfiles"
	"icm/backend/service"
	"icm/backend/store"
)

// App wires the store to the bound services. It holds no logic of its own.
type App struct {
	ctx         context.Context
	store       *store.Store
	dbPath      string
	services    *services
	stopBackup  chan struct{}      // closed at shutdown: the start-up backup that has not begun stays undone
	stopChecks  context.CancelFunc // stops the background checks at shutdown
	checksDone  chan struct{}      // closed when they have stopped
	startChecks chan struct{}      // closed when the first screen is up: the checks and the team folder may begin
	pageLoaded  sync.Once
	// listen subscribes to a frontend event (runtime.EventsOn in the window; nil in tests,
	// which call firstScreen themselves).
	listen     func(ctx context.Context, name string, cb func(...any))
	prints     *printfiles.Folder // plans opened for printing: removed within minutes, at sign-out and at shutdown
	stopPrints chan struct{}      // closed at shutdown: stops the print folder's janitor
	ended      sync.Once          // shutdown, or finish after a run that never started
}

type services struct {
	app      *service.AppService
	team     *service.TeamService
	citizens *service.CitizenService
	courses  *service.CourseService
	assess   *service.AssessmentService
	planning *service.PlanningService
	coord    *service.CoordinationService
	advocacy *service.AdvocacyService
	followUp *service.FollowUpService
	notes    *service.NoteService
	versions *service.PlanVersionService
	export   *service.ExportService
	template *service.TemplateService
	overview *service.OverviewService
	closing  *service.CloseGuard
	auth     *service.AuthService
	audit    *service.AuditService
	backup   *service.BackupService
	backups  *service.BackupScheduler // not bound: automatic backups at start and close
	data     *service.CitizenDataService
	folder   *service.TeamFolderService
	conflict *service.ConflictService
}

// newApp opens the database; a failure is kept and shown by the UI rather than crashing.
func newApp(ctx context.Context, dbPath string) *App {
	a := newAppWith(ctx, dbPath, nil, nil)
	a.listen = func(ctx context.Context, name string, cb func(...any)) { runtime.EventsOn(ctx, name, cb) }
	return a
}

// newAppWithClock is newApp with the services' clock given (nil: the wall clock), for tests.
func newAppWithClock(ctx context.Context, dbPath string, clock service.Clock) *App {
	return newAppWith(ctx, dbPath, clock, nil)
}

// newAppWith is newApp with the clock and the desktop (dialogs, opening files) given; nil
// means the wall clock and the window's own dialogs. Tests pass a desktop without a window.
func newAppWith(ctx context.Context, dbPath string, clock service.Clock, desk service.Desktop) *App {
	a := &App{dbPath: dbPath}
	win := desktop.New(func() context.Context { return a.ctx })
	if desk == nil {
		desk = win
	}
	// A restore staged by the last window is swapped in before the database opens.
	applied, restoreErr := backup.ApplyStaged(ctx, dbPath, time.Now())
	// The whole-file integrity check waits for the first screen when the last session ended
	// cleanly (startup runs it); after a crash it runs here, before anything is shown.
	st, err := store.OpenChecked(ctx, dbPath, store.CheckAfterCleanEnd)
	if err == nil {
		a.store = st
		if lerr := service.LogAppliedRestore(ctx, st, applied, time.Now()); lerr != nil && restoreErr == nil {
			restoreErr = lerr
		}
	}
	a.prints, a.stopPrints = printfiles.New(desktop.PrintDir()), make(chan struct{})
	deps := service.Deps{Store: a.store, Clock: clock, Session: service.NewSession(), Prints: a.prints, Desktop: desk}
	audit := service.NewAuditService(deps, desk)
	a.services = &services{
		auth:     service.NewAuthService(deps, audit),
		audit:    audit,
		app:      service.NewAppService(deps, dbPath, err),
		team:     service.NewTeamService(deps),
		citizens: service.NewCitizenService(deps),
		courses:  service.NewCourseService(deps),
		assess:   service.NewAssessmentService(deps),
		planning: service.NewPlanningService(deps),
		coord:    service.NewCoordinationService(deps),
		advocacy: service.NewAdvocacyService(deps),
		followUp: service.NewFollowUpService(deps),
		notes:    service.NewNoteService(deps),
		versions: service.NewPlanVersionService(deps),
		export:   service.NewExportService(deps, desk, ""),
		template: service.NewTemplateService(deps, desk),
		overview: service.NewOverviewService(deps),
		closing:  service.NewCloseGuard(),
		data:     service.NewCitizenDataService(deps, desktop.WithHandover(desk, win)),
		conflict: service.NewConflictService(deps),
	}
	bdesk, ok := desk.(service.BackupDesktop)
	if !ok {
		bdesk = win
	}
	fdesk, ok := desk.(service.FolderDesktop)
	if !ok {
		fdesk = win
	}
	a.services.folder = service.NewTeamFolderService(deps, dbPath, fdesk, a.emit, a.services.team, 0, 0)
	a.services.backup, a.services.backups = service.NewBackupServices(deps, bdesk, a.emitBackupProgress, applied, restoreErr)
	a.stopBackup = make(chan struct{})
	return a
}

// emit sends an event to the window, once it is there.
func (a *App) emit(name string, data any) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, name, data)
	}
}

// emitBackupProgress sends a step of a long backup or restore to the UI's progress bar.
func (a *App) emitBackupProgress(p service.BackupProgressDTO) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, "backup:progress", p)
	}
}

func (a *App) bindings() []any {
	s := a.services
	return []any{s.app, s.team, s.citizens, s.courses, s.assess, s.planning, s.coord, s.advocacy, s.followUp, s.notes,
		s.versions, s.export, s.template, s.overview, s.closing, s.auth, s.audit, s.backup,
		s.data, s.folder, s.conflict}
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	benchhook.Start(ctx) // only in the "bench" build and with ICM_BENCH_READY=1 (scripts/bench.sh)
	// Print files left by a session that ended without cleaning up (a crash, a power cut)
	// go at once; later ones within minutes of being opened.
	go func() {
		a.prints.Sweep(time.Now(), printfiles.KeepFor)
		a.prints.Janitor(a.stopPrints, time.Minute, time.Now)
	}()
	if a.store != nil {
		cctx, cancel := context.WithCancel(context.Background())
		a.stopChecks, a.checksDone, a.startChecks = cancel, make(chan struct{}), make(chan struct{})
		if a.listen != nil {
			a.listen(ctx, "app:screen-ready", func(...any) { a.firstScreen() })
		}
		// The checks and the team folder's first pass wait for the first screen (the
		// frontend's "app:screen-ready"), so as not to compete with the web view for the CPU
		// while it loads and draws it; a window that never shows one gets them after
		// checksAfter.
		time.AfterFunc(checksAfter, a.firstScreen)
		go func() {
			defer close(a.checksDone)
			select {
			case <-a.startChecks:
			case <-cctx.Done():
				return
			}
			a.checkInBackground(cctx, func() { runtime.EventsEmit(ctx, "app:database-damaged") })
		}()
		service.StartTeamFolder(a.services.folder, a.startChecks)
	}
}

// firstScreen is called when the frontend has drawn its first screen: the background work
// may begin. Later calls (every screen sends the event) do nothing.
func (a *App) firstScreen() {
	a.pageLoaded.Do(func() {
		if a.startChecks != nil {
			close(a.startChecks)
		}
	})
}

// checksAfter is the longest the background work waits for the first screen.
const checksAfter = 5 * time.Second

// checkInBackground runs the checks that would slow the start: the file's integrity check
// left by the open (if any), then the audit log's chain (shown by AuthService.Status). Damage
// found makes every call refuse with database_corrupt and tells the UI, which then shows the
// start error page with its advice.
func (a *App) checkInBackground(ctx context.Context, onDamage func()) {
	if err := a.store.CheckDeferred(ctx); err != nil {
		if domain.CodeOf(err) == domain.CodeDatabaseCorrupt {
			onDamage()
		}
		return
	}
	_, _ = service.CheckChainAtStart(ctx, a.services.audit)
}

// domReady starts the day's automatic backup once the first screen is up, in the
// background and after a pause, so that it never slows the start.
func (a *App) domReady(context.Context) {
	if a.store == nil {
		return
	}
	go func() {
		select {
		case <-a.stopBackup:
			return
		case <-time.After(autoBackupDelay):
		}
		_, _ = a.services.backups.RunIfDue() // a failure shows as an old "last backup" on the backup page
	}()
}

// autoBackupDelay is how long after the first screen the automatic backup starts.
const autoBackupDelay = 20 * time.Second

func (a *App) shutdown(context.Context) { a.ended.Do(a.shutdownOnce) }

func (a *App) shutdownOnce() {
	close(a.stopPrints)
	a.prints.RemoveAll()
	if a.store != nil {
		service.StopTeamFolder(a.services.folder)
		if a.stopChecks != nil {
			a.stopChecks()
			<-a.checksDone
		}
		close(a.stopBackup)
		// The closing backup, if the newest is a day old; it waits for one that is running.
		_, _ = a.services.backups.RunIfDue()
		// The session's entries get an anchor outside the file before it closes.
		service.AnchorHead(context.Background(), a.store, "close", time.Now())
		_ = a.store.Close()
	}
}

// runWindow runs the window (wails.Run) and then ends what newApp opened. A run that fails
// before the window came up (no WebView2 runtime, no display) never calls shutdown: the
// database is then closed here, cleanly, so that the next start does not take the
// write-ahead log left open for the sign of a crash (and check the whole file first).
func (a *App) runWindow(run func() error) error {
	err := run()
	a.ended.Do(a.closeUnstarted)
	return err
}

// closeUnstarted is shutdown for a window that never started: nothing ran but the open.
func (a *App) closeUnstarted() {
	close(a.stopPrints)
	a.prints.RemoveAll()
	if a.store != nil {
		close(a.stopBackup)
		service.AnchorHead(context.Background(), a.store, "close", time.Now())
		_ = a.store.Close()
	}
}

// beforeClose holds the window open until the UI has saved its work (see CloseGuard).
func (a *App) beforeClose(ctx context.Context) bool {
	return service.RequestClose(a.services.closing,
		func() { runtime.EventsEmit(ctx, "app:before-close") },
		func() { runtime.Quit(ctx) }, 3*time.Second)
}

// onSecondInstance brings the running window forward when the app is started again.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.Show(a.ctx)
}

// wireError is what a rejected call carries to the UI: a JSON string, because the Wails
// runtime wraps the formatter's value in a JavaScript Error and keeps only strings intact.
type wireError struct {
	Code    domain.Code         `json:"code"`
	Fields  []domain.FieldError `json:"fields,omitempty"`
	Params  map[string]string   `json:"params,omitempty"`
	Message string              `json:"message"`
}

// formatError turns any error from a bound method into the UI's typed error. Internal
// errors carry no detail: their text may contain personal data from a failed query.
func formatError(err error) any {
	w := wireError{Code: domain.CodeInternal, Message: "internal error"}
	var de *domain.Error
	if errors.As(err, &de) {
		w.Code, w.Fields, w.Params = de.Code, de.Fields, de.Params
		if de.Code != domain.CodeInternal {
			w.Message = de.Message
		}
	}
	b, _ := json.Marshal(w)
	return string(b)
}
