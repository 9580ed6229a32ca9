package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"icm/backend/appdir"
	"icm/backend/instance"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// Exit codes of `icm sync`, beside 0 (done, all well), 1 (failed) and 2 (wrong use).
const (
	exitAppRunning = 3 // `once`: the app has the database open and syncs by itself
	exitNotJoined  = 4 // the laptop is not part of a team folder
	exitProblems   = 5 // `status`/`once`: files wait or were refused; the list says which
)

const syncUsage = `usage: icmctl sync COMMAND [-db PATH] [flags]
Commands:
  status                          where this laptop stands with its team folder (no window, changes nothing)
  once                            publish and apply once; refuses while ICM has the database open
  found -folder DIR -lead INITIALS  make this (team lead's) laptop the first of a new team folder
  join -folder DIR -lead-code CODE  ask to join a team folder founded by the laptop with that code;
                                  prints this laptop's code, which the team lead compares
  requests                        list the laptops that asked to join
  enroll -laptop ID -worker INITIALS [-lead-laptop]   let a laptop in, for a worker
  revoke -laptop ID [-from N]     take a lost or leaving laptop out; its batches not yet applied here (or from N on) are refused
Exit codes: 0 done, 1 failed, 2 wrong use, 3 ICM is running (once, found, join, enroll, revoke), 4 not part of a team folder,
5 files are waiting or were refused, or this database was put back from a backup (see status).`

// runSync runs `icm sync COMMAND`.
func runSync(args []string, io cliIO) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(io.stderr, syncUsage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("sync "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	fs.Usage = func() { fmt.Fprintln(io.stderr, syncUsage); fs.PrintDefaults() }
	db := fs.String("db", "", "database file (default: the user's data folder, or $"+appdir.EnvDB+")")
	folder := fs.String("folder", "", "the team folder")
	lead := fs.String("lead", "", "found: the initials of the team lead who uses this laptop")
	label := fs.String("label", "", "found/join: a name for this computer the team lead will know it by (no personal names: it is not encrypted)")
	leadCode := fs.String("lead-code", "", "join: the code of the team lead's laptop that founded the team (\"icmctl sync status\" there)")
	laptop := fs.String("laptop", "", "enroll/revoke: the laptop id from \"icmctl sync requests\" or status")
	worker := fs.String("worker", "", "enroll: the initials of the worker who uses the laptop")
	asLead := fs.Bool("lead-laptop", false, "enroll: the laptop is a team lead's (may enroll others)")
	from := fs.Uint64("from", 0, "revoke: the first batch of the laptop to refuse (default: every batch not yet applied here; 1 refuses all)")
	if exit, ok := parseFlags(fs, args, io); !ok {
		return exit
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if !syncArgsComplete(cmd, *folder, *lead, *leadCode, *laptop, *worker) {
		fs.Usage()
		return 2
	}
	dbPath, err := databasePath(*db)
	if err != nil {
		return failCode(io, 1, codeNoDataFolder, "", "")
	}
	// Every sync command works on a database that exists: a mistyped -db makes nothing.
	if code := mustExist(dbPath, io); code != 0 {
		return code
	}
	ctx := context.Background()
	switch cmd {
	case "status", "requests":
		// They only read: the database is opened read-only, never migrated, and a search
		// index a load left suspended stays for the app to build.
		return withReadOnlyEngine(ctx, dbPath, io, func(st *store.Store, e *teamsync.Engine) int {
			if cmd == "requests" {
				return printRequests(ctx, e, io)
			}
			return printStatus(ctx, e, io)
		})
	case "once":
		return withEngine(ctx, dbPath, true, io, func(st *store.Store, e *teamsync.Engine) int {
			rep, err := e.SyncOnce(ctx)
			if err != nil {
				return syncFail(io, err, dbPath)
			}
			report(io, lineSyncOnce, rep.Batches, rep.Changes, rep.Refused, rep.Conflicts, rep.Waiting)
			if st, err := e.Status(ctx); err == nil && len(st.Waiting) > 0 {
				return exitProblems // as status: files wait or were refused
			}
			return 0
		})
	case "found", "join":
		if *folder == "" || (cmd == "found" && *lead == "") || (cmd == "join" && *leadCode == "") {
			fs.Usage()
			return 2
		}
		// Both write the team folder's first records into the database: never beside the app.
		return exclusively(dbPath, io, func() int {
			return withStore(ctx, dbPath, io, func(st *store.Store) int {
				if cmd == "join" {
					code, err := teamsync.Join(ctx, st.Gorm(), dbPath, *folder, *label, *leadCode, time.Now)
					if err != nil {
						return syncFail(io, err, *folder)
					}
					report(io, lineSyncJoined, code)
					return 0
				}
				w, err := workerUID(st, *lead)
				if err != nil {
					return syncFail(io, err, *lead)
				}
				e, err := teamsync.Found(ctx, st.Gorm(), dbPath, *folder, w, *label, time.Now)
				if err != nil {
					return syncFail(io, err, *folder)
				}
				report(io, lineSyncFounded, *folder, e.Fingerprint())
				return 0
			})
		})
	case "enroll", "revoke":
		if *laptop == "" || (cmd == "enroll" && *worker == "") {
			fs.Usage()
			return 2
		}
		return withEngine(ctx, dbPath, true, io, func(st *store.Store, e *teamsync.Engine) int {
			var err error
			if cmd == "revoke" {
				err = e.Revoke(ctx, *laptop, *from)
			} else {
				var w string
				if w, err = workerUID(st, *worker); err == nil {
					err = e.Enroll(ctx, *laptop, w, *asLead)
				}
			}
			if err != nil {
				subject := *laptop
				if errors.Is(err, teamsync.ErrNoWorker) {
					subject = *worker
				}
				return syncFail(io, err, subject)
			}
			if cmd == "revoke" {
				report(io, lineSyncRevoked, *laptop)
			} else {
				report(io, lineSyncEnrolled, *laptop)
			}
			return 0
		})
	}
	fmt.Fprintln(io.stderr, syncUsage)
	return 2
}

// syncArgsComplete reports whether cmd is known and has the flags it needs.
func syncArgsComplete(cmd, folder, lead, leadCode, laptop, worker string) bool {
	switch cmd {
	case "status", "requests", "once":
		return true
	case "found":
		return folder != "" && lead != ""
	case "join":
		return folder != "" && leadCode != ""
	case "enroll":
		return laptop != "" && worker != ""
	case "revoke":
		return laptop != ""
	}
	return false
}

// withStore opens the database (which must exist) and runs fn.
func withStore(ctx context.Context, dbPath string, io cliIO, fn func(*store.Store) int) int {
	st, err := store.OpenExisting(ctx, dbPath)
	if err != nil {
		return fail(io, 1, err, aboutDB, dbPath)
	}
	defer st.Close()
	return fn(st)
}

// withReadOnlyEngine opens the database read-only and its engine, for the commands that
// only read.
func withReadOnlyEngine(ctx context.Context, dbPath string, io cliIO, fn func(*store.Store, *teamsync.Engine) int) int {
	st, err := store.OpenReadOnly(ctx, dbPath)
	if err != nil {
		return fail(io, 1, err, aboutDB, dbPath)
	}
	defer st.Close()
	return withOpenEngine(st, dbPath, io, fn)
}

// withOpenEngine opens the team folder engine of an open store and runs fn.
func withOpenEngine(st *store.Store, dbPath string, io cliIO, fn func(*store.Store, *teamsync.Engine) int) int {
	e, err := teamsync.Open(st.Gorm(), dbPath, time.Now)
	if errors.Is(err, teamsync.ErrNotJoined) {
		failCode(io, 0, codeNotJoined, "", "")
		return exitNotJoined
	}
	if err != nil {
		return syncFail(io, err, dbPath)
	}
	return fn(st, e)
}

// withEngine opens the database and its engine; exclusive commands first take the app's
// lock and leave the database alone while the app runs (the app syncs by itself).
func withEngine(ctx context.Context, dbPath string, exclusive bool, io cliIO, fn func(*store.Store, *teamsync.Engine) int) int {
	if exclusive {
		return exclusively(dbPath, io, func() int { return withEngine(ctx, dbPath, false, io, fn) })
	}
	return withStore(ctx, dbPath, io, func(st *store.Store) int { return withOpenEngine(st, dbPath, io, fn) })
}

// exclusively runs fn holding the app's lock on the database: while the app runs it does
// nothing (the app syncs by itself) and says so with exitAppRunning.
func exclusively(dbPath string, io cliIO, fn func() int) int {
	inst, err := instance.Claim(dbPath)
	var running *instance.AlreadyRunningError
	if errors.As(err, &running) {
		return failCode(io, exitAppRunning, codeAppRunning, aboutSync, dbPath)
	}
	if err != nil {
		return failCode(io, 1, codeLockFailed, "", dbPath)
	}
	defer inst.Close()
	inst.Headless()
	return fn()
}

// workerUID finds a worker's team-wide id by initials.
func workerUID(st *store.Store, initials string) (string, error) {
	var uid string
	res := st.Gorm().Raw(`SELECT s.uid FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id
		WHERE w.initials = ? AND w.active`, initials).Scan(&uid)
	if res.Error != nil {
		return "", res.Error
	}
	if res.RowsAffected == 0 {
		return "", fmt.Errorf("%w: %q", teamsync.ErrNoWorker, initials)
	}
	return uid, nil
}

// printStatus prints where this laptop stands with its team folder, as one block per
// language; exitProblems when files wait or the database was put back from a backup.
func printStatus(ctx context.Context, e *teamsync.Engine, io cliIO) int {
	s, err := e.Status(ctx)
	if err != nil {
		return syncFail(io, err, "")
	}
	rows := []said{line(lineStatusFolder, s.Folder), line(lineStatusTeam, s.TeamID),
		line(lineStatusLaptop, s.LaptopID, s.Fingerprint)}
	switch {
	case s.Restored:
		rows = append(rows, line(lineStatusRestored))
	case s.Revoked:
		rows = append(rows, line(lineStatusRevoked))
	case !s.Enrolled:
		rows = append(rows, line(lineStatusNotEnrolled))
	case s.Lead:
		rows = append(rows, line(lineStatusLead, s.RosterVersion, s.Members))
	default:
		rows = append(rows, line(lineStatusEnrolled, s.RosterVersion, s.Members))
	}
	rows = append(rows, line(lineStatusPublished, s.NextSeq-1, s.Pending))
	for _, l := range s.Laptops() {
		rows = append(rows, line(lineStatusApplied, l, s.Applied[l]))
	}
	rows = append(rows, line(lineStatusRefused, s.Refused), line(lineStatusConflicts, s.Conflicts))
	for _, p := range s.Waiting {
		// The engine's reason is for support, in English; the console names the kind.
		kind := p.Kind()
		rows = append(rows, said{lineStatusWaiting, []any{p.Name, problemText(kind), kind, p.Count, p.FirstSeen}})
	}
	say(io, io.stdout, "", rows...)
	if len(s.Waiting) > 0 || s.Restored {
		return exitProblems
	}
	return 0
}

// problemKinds say what a waiting or refused file means (teamsync.Problem.Kind).
var problemKinds = map[string]message{
	teamsync.ProblemNewer:   {"skrevet af en nyere version af ICM; opdatér ICM på denne computer", "written by a newer version of ICM; update ICM on this laptop"},
	teamsync.ProblemRefused: {"afvist ved kontrollen (underskrift, team eller en ændret byte)", "refused by the checks (signature, team or a changed byte)"},
	teamsync.ProblemRevoked: {"skrevet af en computer, efter at den blev taget ud af teamet", "written by a laptop after it was taken out of the team"},
	teamsync.ProblemWaiting: {"venter på en anden fil, en nøgle eller uret", "waits for another file, a key or the clock"},
}

// problemText is a file problem's kind in both languages; say picks the block's.
func problemText(kind string) localized {
	m, ok := problemKinds[kind]
	if !ok {
		m = problemKinds[teamsync.ProblemWaiting]
	}
	return localized(m)
}

// printRequests lists the laptops that asked to join, one line each.
func printRequests(ctx context.Context, e *teamsync.Engine, io cliIO) int {
	reqs, err := e.Requests(ctx)
	if err != nil {
		return syncFail(io, err, "")
	}
	var rows []said
	for _, r := range reqs {
		key := lineRequestWaiting
		if r.Enrolled {
			key = lineRequestEnrolled
		}
		rows = append(rows, line(key, r.Laptop, r.Fingerprint, r.Label))
	}
	say(io, io.stdout, "", rows...)
	return 0
}
