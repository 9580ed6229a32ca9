package crashtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// EnvSyncRuns sets how many rounds the team sync crash test runs (two laptops killed in
// each; default 4, 2 with -short); `make test` and `make crash-test` set it.
const EnvSyncRuns = "ICM_SYNC_CRASH_RUNS"

// syncAcks is everything the team's children acknowledged, across runs.
type syncAcks struct {
	notes map[string]string // note token → worker of the laptop that wrote it
	goals map[string]string // worker → token of the last acked goal text
}

// syncOutput is what one child printed.
type syncOutput struct {
	notes, goals, phones int
	lastPhase, failure   string
}

// read parses one child's complete lines into a.
func (a *syncAcks) read(r io.Reader, worker string) (syncOutput, error) {
	var out syncOutput
	err := childLines(r, &out.lastPhase, &out.failure, func(line string, f []string) error {
		switch {
		case len(f) == 3 && f[0] == "ack" && f[1] == "note":
			if _, w, _, ok := ParseSyncToken(f[2]); !ok || w != worker || a.notes[f[2]] != "" {
				return fmt.Errorf("bad or repeated note ack %q", line)
			}
			a.notes[f[2]] = worker
			out.notes++
		case len(f) == 3 && f[0] == "ack" && f[1] == "goal":
			if prev := a.goals[worker]; prev != "" && !tokenBefore(prev, f[2]) {
				return fmt.Errorf("goal ack %q after %s", line, prev)
			}
			a.goals[worker] = f[2]
			out.goals++
		case len(f) == 3 && f[0] == "ack" && f[1] == "phone":
			out.phones++
		default:
			return fmt.Errorf("unexpected child output %q", line)
		}
		return nil
	})
	return out, err
}

// syncFigures are what the team sync crash test reports.
type syncFigures struct {
	runs, kills, failedStarts, corrupted int
	notes, goals, phones                 int
	orphans, temps, observerBatches      int
	found                                map[string]int // findings by kind
	phases, aims                         map[string]int
}

// TestKilledSyncLosesNothing runs the team folder sync with SIGKILL: a team of three
// laptops (the team lead's and two workers', clocks minutes apart) shares one team folder,
// and in every run two of them, as child processes, write journal notes, change goals and
// phone numbers through the services and publish and sync, until each is killed after its
// own random delay: while writing a batch file or committing it, while applying the other
// laptops' batches, or anywhere else. After each kill the laptop's database is opened as the
// app opens it and must pass the full integrity_check, hold every acknowledged note once
// and every note whole, hold no batch applied twice, and not be behind what it held before;
// an observer laptop then applies everything in the folder, which must verify and apply. In
// the end every laptop syncs until nothing moves, and all must hold the same data, with
// every acknowledged note and the last acknowledged goal of each worker.
func TestKilledSyncLosesNothing(t *testing.T) {
	runs, seed := runsAndSeed(t, EnvSyncRuns, 4, 2)
	t.Logf("seed %d (replay the choices with %s=%d)", seed, EnvSeedOverride, seed)
	started := time.Now()
	c := &syncCrash{t: t, ctx: context.Background(), seed: seed, rng: rand.New(rand.NewPCG(seed, 2)),
		acks:     &syncAcks{notes: map[string]string{}, goals: map[string]string{}},
		fig:      syncFigures{found: map[string]int{}, phases: map[string]int{}, aims: map[string]int{}},
		reported: map[string]bool{}, ready: 300 * time.Millisecond, catchUp: 100 * time.Millisecond}
	skews := map[string]time.Duration{"ML": 0, "AA": 150 * time.Second, "BO": -150 * time.Second}
	c.folder, c.laptops, c.observer = syncTeam(t, t.TempDir(), skews)
	t.Logf("team founded and joined in %v", time.Since(started).Round(time.Millisecond))
	for run := 0; run < runs; run++ {
		c.round(run)
	}

	// The end: every laptop syncs until nothing moves, and all converge.
	all := append(append([]*syncLaptop(nil), c.laptops...), c.observer)
	rounds, err := settle(c.ctx, all)
	if err != nil {
		t.Fatalf("the laptops did not converge: %v", err)
	}
	fig := &c.fig
	converged := checkConverged(t, c.ctx, all, c.acks, fig)
	t.Logf("team sync crash test: %d runs, %d kills with SIGKILL, %d failed starts, %v", fig.runs, fig.kills,
		fig.failedStarts, time.Since(started).Round(time.Second))
	t.Logf("kills aimed at: start %d, apply %d, publish %d, loop %d; landed in: %s", fig.aims["start"], fig.aims["apply"],
		fig.aims["publish"], fig.aims["loop"], syncPhaseList(fig.phases))
	t.Logf("kills that left an own batch file its laptop had not committed: %d; left a .tmp file: %d; batches the observer applied: %d",
		fig.orphans, fig.temps, fig.observerBatches)
	t.Logf("acknowledged: %d journal notes, %d goal changes, %d phone number changes", fig.notes, fig.goals, fig.phones)
	t.Logf("corrupted databases: %d, lost: %d, duplicated (applied twice): %d, torn: %d, went backwards: %d, stuck files: %d",
		fig.corrupted, fig.found["lost"], fig.found["duplicated"], fig.found["torn"], fig.found["went backwards"], fig.found["stuck"])
	t.Logf("in the end: settled in %d rounds, the %d laptops hold the same data: %v", rounds, len(all), converged)
}

// syncCrash is the state of one team sync crash test.
type syncCrash struct {
	t        *testing.T
	ctx      context.Context
	seed     uint64
	rng      *rand.Rand
	folder   string
	laptops  []*syncLaptop
	observer *syncLaptop
	acks     *syncAcks
	fig      syncFigures
	reported map[string]bool
	// Learnt: how long a child takes to be in its loop, and how long its first sync takes.
	ready, catchUp time.Duration
}

// aim chooses what a kill aims at and when it comes: the start (opening the database and
// the engine, the first sync), the middle of the first sync applying what the other
// laptops published, the moments after a publish began (reading the outbox, sealing, the
// batch file's write, flush and rename, the commit), or anywhere in the loop.
func (c *syncCrash) aim() (string, killPlan) {
	ready := "phase " + PhaseLoop
	late := c.ready + time.Second // a trigger that did not come by then
	switch p := c.rng.IntN(100); {
	case p < 20:
		return "start", killPlan{ready: ready, delay: time.Duration(c.rng.Int64N(int64(c.ready + c.ready/5)))}
	case p < 40:
		return "apply", killPlan{ready: ready, delay: late, trigger: "phase " + PhaseCatchUp, nth: 1,
			after: time.Duration(c.rng.Int64N(int64(c.catchUp + 1)))}
	case p < 75:
		return "publish", killPlan{ready: ready, delay: late, trigger: "phase " + PhasePublish, nth: 1 + c.rng.IntN(4),
			after: time.Duration(c.rng.Int64N(int64(15 * time.Millisecond)))}
	default:
		return "loop", killPlan{ready: ready, delay: c.ready + time.Duration(c.rng.Int64N(int64(400*time.Millisecond)))}
	}
}

// killJob is one child of a run.
type killJob struct {
	l    *syncLaptop
	aim  string // what the kill aims at
	plan killPlan
	res  childResult
	err  error
	// where tells the kill's phase and moment, for messages.
	where string
}

// round runs two laptops as children at once, kills each as its plan says, and checks
// them and the observer.
func (c *syncCrash) round(run int) {
	t := c.t
	var jobs []*killJob
	for _, i := range c.rng.Perm(len(c.laptops))[:2] {
		jobs = append(jobs, &killJob{l: c.laptops[i]})
	}
	for _, j := range jobs {
		j.aim, j.plan = c.aim()
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.res, j.err = runKilled([]string{EnvSyncChild + "=" + j.l.dbPath, EnvSyncWorker + "=" + j.l.worker,
				EnvSyncSkew + "=" + strconv.FormatInt(j.l.skew.Milliseconds(), 10),
				EnvRun + "=" + strconv.Itoa(run), EnvSeed + "=" + strconv.FormatUint(c.seed, 10)}, j.plan)
		}()
	}
	wg.Wait()
	c.fig.runs++
	for _, j := range jobs {
		c.collect(run, j)
	}

	// The checks read separate databases: at once.
	type checked struct {
		f       syncFindings
		corrupt bool
		applied int
		err     error
	}
	results := make([]checked, len(jobs)+1)
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[i]
			r.f, r.corrupt, r.err = checkKilled(c.ctx, j.l, c.acks, c.folder)
		}()
	}
	obs := &results[len(jobs)]
	obs.f, obs.applied, obs.err = checkObserver(c.ctx, c.observer, c.acks, c.folder)
	wg.Wait()
	for i, j := range jobs {
		r := results[i]
		if r.corrupt {
			c.fig.corrupted++
		}
		if r.f.orphans > 0 {
			c.fig.orphans++
		}
		if r.f.temps > 0 {
			c.fig.temps++
		}
		if r.err != nil {
			t.Errorf("run %d, %s (%s): %v", run, j.l.name(), j.where, r.err)
			continue
		}
		c.report(run, j.l, r.f, j.where)
	}
	if obs.err != nil {
		t.Errorf("run %d, observer: %v", run, obs.err)
	}
	c.fig.observerBatches += obs.applied
	c.report(run, c.observer, obs.f, "after the run")
}

// collect reads what a child printed and counts where its kill landed.
func (c *syncCrash) collect(run int, j *killJob) {
	t := c.t
	if j.err != nil {
		t.Fatalf("run %d, %s: %v", run, j.l.name(), j.err)
	}
	if j.res.readyAfter > 0 {
		c.ready = (3*c.ready + j.res.readyAfter) / 4
		if from, ok := j.res.firstAt["phase "+PhaseCatchUp]; ok {
			c.catchUp = (3*c.catchUp + j.res.readyAfter - from) / 4
		}
	}
	c.fig.aims[j.aim]++
	out, err := c.acks.read(bytes.NewReader(j.res.stdout), j.l.worker)
	if err != nil {
		t.Fatalf("run %d, %s: %v", run, j.l.name(), err)
	}
	c.fig.notes += out.notes
	c.fig.goals += out.goals
	c.fig.phones += out.phones
	switch {
	case out.failure != "":
		c.fig.failedStarts++
		t.Errorf("run %d, %s: the child failed by itself: %s\n%s", run, j.l.name(), out.failure, j.res.stderr)
	case !j.res.killed:
		c.fig.failedStarts++
		t.Errorf("run %d, %s: the child was not running when killed: %v\n%s", run, j.l.name(), j.res.waitErr, j.res.stderr)
	default:
		c.fig.kills++
		phase := out.lastPhase
		if phase == "" {
			phase = "exec"
		}
		c.fig.phases[phase]++
	}
	j.where = fmt.Sprintf("aimed at %s, killed in %s", j.aim, out.lastPhase)
}

// report fails the test for each finding not reported before (a wrong row stays wrong in
// the later checks of the same laptop: it counts once).
func (c *syncCrash) report(run int, l *syncLaptop, f syncFindings, where string) {
	for kind, list := range f.all() {
		for _, s := range list {
			if key := l.name() + kind + s; !c.reported[key] {
				c.reported[key] = true
				c.fig.found[kind]++
				c.t.Errorf("run %d, %s (%s): %s: %s", run, l.name(), where, kind, s)
			}
		}
	}
}

func syncPhaseList(m map[string]int) string {
	order := []string{"exec", PhaseOpen, PhaseEngine, PhaseCatchUp, PhaseLoop, PhaseWrite, PhaseUpdate, PhasePublish, PhaseSync}
	parts := make([]string, 0, len(order))
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
