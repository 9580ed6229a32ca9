package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"icm/backend/domain"
	"icm/backend/instance"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// The demo team's files in its folder: two laptops' databases and the team folder they
// share, and a mark written last that says the team is complete.
const (
	demoLeadDB         = "lead.db"
	demoWorkerDB       = "worker.db"
	demoTeamFolder     = "teammappe"
	demoCompleteMark   = ".icm-demo-team-complete"
	demoLeadLabel      = "Demo-teamleder"
	demoWorkerLabel    = "Demo-medarbejder"
	demoLeadInitials   = "ML"
	demoWorkerInitials = "AK"
	demoLeadUsername   = "mette" // service.DemoUsernames[0]
	demoWorkerUsername = "aisha" // service.DemoUsernames[2]
	demoTeamSyncPasses = 10
)

// errDemoNoConvergence says the worker's laptop did not get the team's data in the passes.
var errDemoNoConvergence = errors.New("the demo worker's laptop did not receive the team's data")

// runDemoTeam makes a demo team of two laptops in dir (see the README's "Try it on one
// machine") and prints how to start their windows. A dir holding a complete demo team gets
// the instructions again; any other dir that is not empty is refused.
func runDemoTeam(dir string, io cliIO) int {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return failCode(io, 1, codeDemoDirInUse, "", dir)
	}
	dir = abs
	if demoTeamComplete(dir) {
		printDemoTeam(io, dir)
		return 0
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return failCode(io, 1, domain.CodeWriteFailed, "", dir)
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) > 0 {
		return failCode(io, 1, codeDemoDirInUse, "", dir)
	}
	// The team folder is made first and alone: a second run at the same moment fails here.
	if err := os.Mkdir(filepath.Join(dir, demoTeamFolder), 0o700); err != nil {
		return failCode(io, 1, codeDemoDirInUse, "", dir)
	}
	if err := buildDemoTeam(context.Background(), dir); err != nil {
		removeDemoTeam(dir)
		if errors.Is(err, errDemoNoConvergence) {
			return failCode(io, 1, codeDemoNotComplete, "", dir)
		}
		return syncFail(io, err, dir)
	}
	if err := os.WriteFile(filepath.Join(dir, demoCompleteMark), []byte(service.Version+"\n"), 0o600); err != nil {
		removeDemoTeam(dir)
		return failCode(io, 1, domain.CodeWriteFailed, "", dir)
	}
	printDemoTeam(io, dir)
	return 0
}

// demoTeamComplete reports whether dir holds a demo team this command finished.
func demoTeamComplete(dir string) bool {
	for _, name := range []string{demoCompleteMark, demoLeadDB, demoWorkerDB, demoTeamFolder} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	return true
}

// removeDemoTeam takes away what a failed run made in dir (which was empty before it).
func removeDemoTeam(dir string) {
	for _, pattern := range []string{demoLeadDB + "*", demoWorkerDB + "*", "." + demoLeadDB + "*", "." + demoWorkerDB + "*"} {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			_ = os.RemoveAll(m)
		}
	}
	_ = os.RemoveAll(filepath.Join(dir, demoTeamFolder))
}

// demoLaptop is one of the demo team's laptops while the command builds it: its database,
// held under the app's own lock as the sync commands hold it.
type demoLaptop struct {
	path string
	lock *instance.Lock
	st   *store.Store
}

// openDemoLaptop makes a new laptop's database at path, as the app does at its first start.
func openDemoLaptop(ctx context.Context, path string) (*demoLaptop, error) {
	lock, err := instance.Claim(path)
	if err != nil {
		return nil, err
	}
	lock.Headless()
	st, err := store.Open(ctx, path)
	if err != nil {
		lock.Close()
		return nil, err
	}
	return &demoLaptop{path: path, lock: lock, st: st}, nil
}

func (l *demoLaptop) close() {
	_ = l.st.Close()
	l.lock.Close()
}

// buildDemoTeam fills dir through the same steps as `icmctl -demo` and `icmctl sync found`,
// `join`, `enroll` and `once`: the lead's laptop gets the demo data and founds the team
// folder, the worker's new laptop asks to join with the lead laptop's code, the lead enrolls
// it for Aisha Khalil, and sync passes run until the worker's laptop holds the team's data.
func buildDemoTeam(ctx context.Context, dir string) error {
	folder := filepath.Join(dir, demoTeamFolder)
	lead, err := openDemoLaptop(ctx, filepath.Join(dir, demoLeadDB))
	if err != nil {
		return err
	}
	defer lead.close()
	if err := service.LoadDemoBy(ctx, lead.st, time.Now(), operator()); err != nil {
		return err
	}
	leadWorker, err := workerUID(lead.st, demoLeadInitials)
	if err != nil {
		return err
	}
	founded, err := teamsync.Found(ctx, lead.st.Gorm(), lead.path, folder, leadWorker, demoLeadLabel, time.Now)
	if err != nil {
		return err
	}
	leadCode := founded.Fingerprint()

	worker, err := openDemoLaptop(ctx, filepath.Join(dir, demoWorkerDB))
	if err != nil {
		return err
	}
	defer worker.close()
	workerCode, err := teamsync.Join(ctx, worker.st.Gorm(), worker.path, folder, demoWorkerLabel, leadCode, time.Now)
	if err != nil {
		return err
	}

	leadEngine, err := teamsync.Open(lead.st.Gorm(), lead.path, time.Now)
	if err != nil {
		return err
	}
	if err := enrollByCode(ctx, lead.st, leadEngine, workerCode); err != nil {
		return err
	}
	workerEngine, err := teamsync.Open(worker.st.Gorm(), worker.path, time.Now)
	if err != nil {
		return err
	}
	for pass := 0; pass < demoTeamSyncPasses; pass++ {
		if _, err := workerEngine.SyncOnce(ctx); err != nil {
			return err
		}
		if _, err := leadEngine.SyncOnce(ctx); err != nil {
			return err
		}
		if sameTeamData(lead.st, worker.st) {
			return nil
		}
	}
	return errDemoNoConvergence
}

// enrollByCode enrolls the laptop whose join request carries code, for the demo worker, as
// the team lead does after comparing the code the worker reads out.
func enrollByCode(ctx context.Context, st *store.Store, e *teamsync.Engine, code string) error {
	reqs, err := e.Requests(ctx)
	if err != nil {
		return err
	}
	uid, err := workerUID(st, demoWorkerInitials)
	if err != nil {
		return err
	}
	for _, r := range reqs {
		if r.Fingerprint == code && !r.Enrolled {
			return e.Enroll(ctx, r.Laptop, uid, false)
		}
	}
	return fmt.Errorf("%w: no join request with the code %s", teamsync.ErrNotMember, code)
}

// sameTeamData reports whether both laptops hold the same workers, citizens, courses and
// notes, in number (the snapshot has arrived).
func sameTeamData(a, b *store.Store) bool {
	count := func(st *store.Store) (n [4]int64) {
		st.Gorm().Raw(`SELECT COUNT(*) FROM workers`).Scan(&n[0])
		st.Gorm().Raw(`SELECT COUNT(*) FROM citizens`).Scan(&n[1])
		st.Gorm().Raw(`SELECT COUNT(*) FROM courses`).Scan(&n[2])
		st.Gorm().Raw(`SELECT COUNT(*) FROM notes`).Scan(&n[3])
		return n
	}
	ca := count(a)
	return ca[0] > 0 && ca == count(b)
}

// printDemoTeam prints how to start the demo team's two windows, who signs in where, and
// what to try.
func printDemoTeam(io cliIO, dir string) {
	say(io, io.stdout, "",
		line(lineDemoTeamReady, dir),
		line(lineDemoTeamLead, filepath.Join(dir, demoLeadDB), demoLeadUsername, service.DemoPassword),
		line(lineDemoTeamWorker, filepath.Join(dir, demoWorkerDB), demoWorkerUsername, service.DemoPassword),
		line(lineDemoTeamTry, filepath.Join(dir, demoTeamFolder)))
}
