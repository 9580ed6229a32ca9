package crashtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// EnvRuns sets how many times the test kills a writer (default 20, 5 with -short); `make
// test` runs 200 and `make crash-test` 1000. EnvSeedOverride replays a run's choices.
const (
	EnvRuns         = "ICM_CRASH_RUNS"
	EnvSeedOverride = "ICM_CRASH_TEST_SEED"
)

// TestMain makes the test binary a child writer when EnvChild or EnvSyncChild names a
// database.
func TestMain(m *testing.M) {
	if path := os.Getenv(EnvSyncChild); path != "" {
		run, _ := strconv.Atoi(os.Getenv(EnvRun))
		seed, _ := strconv.ParseUint(os.Getenv(EnvSeed), 10, 64)
		skew, _ := strconv.ParseInt(os.Getenv(EnvSyncSkew), 10, 64)
		err := RunSyncChild(os.Stdout, path, os.Getenv(EnvSyncWorker), time.Duration(skew)*time.Millisecond, run, seed)
		fmt.Printf("fail %v\n", err)
		os.Exit(3)
	}
	if path := os.Getenv(EnvChild); path != "" {
		run, _ := strconv.Atoi(os.Getenv(EnvRun))
		seed, _ := strconv.ParseUint(os.Getenv(EnvSeed), 10, 64)
		err := RunChild(os.Stdout, path, run, seed)
		fmt.Printf("fail %v\n", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// figures are what the test reports.
type figures struct {
	runs, kills, files, corrupted, lost, torn, failedStarts int
	acked, notes, goals, counters, audits                   int
	phases                                                  map[string]int
}

// TestKilledWriterLosesNoAcknowledgedWrite kills a writing child with SIGKILL after a random
// delay, again and again, and after each kill starts the store as the app would: the file
// must open (WAL recovery, quick_check, migrations), pass the full integrity_check, hold
// every acknowledged write whole, and hold no half transaction. A database file is mostly
// continued across runs (recovery of a WAL left by a killed process, data written before
// earlier kills must survive later ones); one run in five starts a new file, so that kills
// also land in the first start's migrations.
func TestKilledWriterLosesNoAcknowledgedWrite(t *testing.T) {
	runs, seed := runsAndSeed(t, EnvRuns, 20, 5)
	rng := rand.New(rand.NewPCG(seed, 1))
	ctx := context.Background()
	dir := t.TempDir()
	fig := figures{phases: map[string]int{}}
	var path string
	var acks *Acks
	reported := map[string]bool{}
	ready := 150 * time.Millisecond // learnt: how long a child takes to reach its first write
	started := time.Now()

	for run := 0; run < runs; run++ {
		if path == "" || rng.IntN(5) == 0 {
			if path != "" {
				removeDatabase(path)
			}
			path = filepath.Join(dir, fmt.Sprintf("icm-%04d.db", run))
			acks = NewAcks()
			fig.files++
		}
		// A third of the kills aim at the start (process start, migrations or WAL recovery,
		// setup); the rest at the writes, checkpoints and reopenings after it.
		var delay time.Duration
		if rng.IntN(3) == 0 {
			delay = time.Duration(rng.Int64N(int64(ready + ready/5)))
		} else {
			delay = ready + time.Duration(rng.Int64N(int64(300*time.Millisecond)))
		}
		res := killAfter(t, path, run, seed, delay)
		fig.runs++
		if res.readyAfter > 0 {
			ready = (3*ready + res.readyAfter) / 4
		}
		out, err := acks.Read(bytes.NewReader(res.stdout))
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		switch {
		case out.Failure != "":
			fig.failedStarts++
			t.Errorf("run %d: the child failed by itself: %s\n%s", run, out.Failure, res.stderr)
		case !res.killed:
			fig.failedStarts++
			t.Errorf("run %d: the child was not running when killed: %v\n%s", run, res.waitErr, res.stderr)
		default:
			fig.kills++
			phase := out.LastPhase
			if phase == "" {
				phase = "exec"
			}
			fig.phases[phase]++
		}
		fig.acked += out.Acked()
		fig.notes += out.Notes
		fig.goals += out.Goals
		fig.counters += out.Counters
		fig.audits += out.Audits

		// The next start, as the app does it.
		st, err := store.Open(ctx, path)
		if err != nil {
			if domain.CodeOf(err) == domain.CodeDatabaseCorrupt {
				fig.corrupted++
			} else {
				fig.failedStarts++
			}
			t.Errorf("run %d: store.Open after the kill: %v", run, err)
			path = "" // cannot be continued
			continue
		}
		if lines, err := IntegrityCheck(ctx, st); err != nil || len(lines) != 1 || lines[0] != "ok" {
			fig.corrupted++
			t.Errorf("run %d: integrity_check = %q, %v", run, lines, err)
		}
		f, err := Check(ctx, st, acks)
		if err != nil {
			t.Errorf("run %d: reading the database back: %v", run, err)
		}
		// A damaged row stays damaged in later checks of the same file: count it once.
		for _, s := range f.Lost {
			if !reported[path+s] {
				reported[path+s] = true
				fig.lost++
				t.Errorf("run %d (phase %s, %v after start): lost: %s", run, out.LastPhase, delay, s)
			}
		}
		for _, s := range f.Torn {
			if !reported[path+s] {
				reported[path+s] = true
				fig.torn++
				t.Errorf("run %d (phase %s, %v after start): torn: %s", run, out.LastPhase, delay, s)
			}
		}
		if err := st.Close(); err != nil {
			t.Fatalf("run %d: close: %v", run, err)
		}
	}

	t.Logf("crash test: %d runs, %d kills with SIGKILL, %d database files, seed %d, %v",
		fig.runs, fig.kills, fig.files, seed, time.Since(started).Round(time.Second))
	t.Logf("kills landed in: %s", phaseList(fig.phases))
	t.Logf("acknowledged writes: %d (%d journal notes, %d goals with their sub-goals in one transaction, %d setting updates, %d audit batches)",
		fig.acked, fig.notes, fig.goals, fig.counters, fig.audits)
	t.Logf("corrupted databases: %d, lost acknowledged writes: %d, torn writes or half transactions: %d, failed starts: %d",
		fig.corrupted, fig.lost, fig.torn, fig.failedStarts)
}

type childResult struct {
	stdout     []byte
	stderr     string
	killed     bool          // SIGKILL reached a running child
	waitErr    error         // how it ended
	readyAfter time.Duration // when it announced its first write phase, 0 if it did not
	// firstAt is when the child printed each "phase" line first.
	firstAt map[string]time.Duration
}

// killAfter starts a child on path and kills it after delay.
func killAfter(t *testing.T, path string, run int, seed uint64, delay time.Duration) childResult {
	t.Helper()
	res, err := runKilled([]string{EnvChild + "=" + path, EnvRun + "=" + strconv.Itoa(run),
		EnvSeed + "=" + strconv.FormatUint(seed, 10)}, killPlan{delay: delay, ready: "phase " + PhaseWrite})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// killPlan says when runKilled kills its child: delay after the start, or, with a trigger,
// after the child printed the line trigger for the nth time and then after passed (delay
// is then the latest moment). ready is the line whose first time is childResult.readyAfter.
type killPlan struct {
	delay   time.Duration
	ready   string
	trigger string
	nth     int
	after   time.Duration
}

// runKilled starts the test binary as a child with env added, kills it with SIGKILL as
// plan says and returns what it printed.
func runKilled(env []string, plan killPlan) (childResult, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return childResult{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return childResult{}, err
	}
	res := childResult{firstAt: map[string]time.Duration{}}
	var mu sync.Mutex
	var out bytes.Buffer
	done := make(chan struct{})
	fire := make(chan struct{}, 1)
	go func() {
		defer close(done)
		br := bufio.NewReader(pipe)
		seen := 0
		for {
			line, err := br.ReadBytes('\n')
			text := strings.TrimSuffix(string(line), "\n")
			mu.Lock()
			out.Write(line)
			if err == nil && strings.HasPrefix(text, "phase ") {
				if _, ok := res.firstAt[text]; !ok {
					res.firstAt[text] = time.Since(start)
				}
			}
			if res.readyAfter == 0 && err == nil && text == plan.ready {
				res.readyAfter = time.Since(start)
			}
			mu.Unlock()
			if err == nil && plan.trigger != "" && text == plan.trigger {
				if seen++; seen == plan.nth {
					fire <- struct{}{}
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-time.After(plan.delay):
	case <-fire:
		time.Sleep(plan.after)
	}
	killErr := cmd.Process.Signal(syscall.SIGKILL)
	<-done
	res.waitErr = cmd.Wait()
	var exitErr *exec.ExitError
	if killErr == nil && errors.As(res.waitErr, &exitErr) {
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			res.killed = true
		}
	}
	res.stdout = out.Bytes()
	res.stderr = stderr.String()
	return res, nil
}

func removeDatabase(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
}

func phaseList(m map[string]int) string {
	order := []string{"exec", PhaseMigrate, PhaseOpen, PhaseSetup, PhaseWrite, PhaseCheckpoint, PhaseClose}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	var other []string
	for k := range m {
		if !strings.Contains(strings.Join(order, " "), k) {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	for _, k := range other {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// runsAndSeed is how many runs a crash test makes (full, or short with -short; env
// overrides) and the seed of its randomness (the clock, or EnvSeedOverride to replay one).
func runsAndSeed(t *testing.T, env string, full, short int) (int, uint64) {
	t.Helper()
	runs := full
	if testing.Short() {
		runs = short
	}
	if v := os.Getenv(env); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", env, v)
		}
		runs = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(EnvSeedOverride); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", EnvSeedOverride, v, err)
		}
	}
	return runs, seed
}
