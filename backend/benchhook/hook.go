//go:build bench

package benchhook

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// The performance measurement's hook (scripts/bench.sh), compiled in with the build tag
// "bench" only. Started with ICM_BENCH_READY=1, the app prints one line when its first
// screen has rendered with its data (the frontend's "app:screen-ready" event), then opens
// the routes listed in ICM_BENCH_TOUR one after another, prints one line with the memory in
// use after each has rendered, and exits at once: without the closing backup, so that a run
// does not wait for it. The first route is opened after signing in as ICM_BENCH_SIGNIN
// ("username:password", an account of the generated benchmark database) through the
// sign-in method the sign-in screen calls. Without ICM_BENCH_READY nothing listens to the
// event.
const (
	benchReadyEnv  = "ICM_BENCH_READY"
	benchTourEnv   = "ICM_BENCH_TOUR"
	benchSignInEnv = "ICM_BENCH_SIGNIN"
	benchWait      = 20 * time.Second // for one screen of the tour
)

// Start listens for the frontend's screens and prints the measurement's lines, when
// ICM_BENCH_READY=1; ctx is the window's Wails context.
func Start(ctx context.Context) {
	if os.Getenv(benchReadyEnv) != "1" {
		return
	}
	tour := strings.Fields(os.Getenv(benchTourEnv))
	user, password, signIn := strings.Cut(os.Getenv(benchSignInEnv), ":")
	var mu sync.Mutex
	next := 0
	timer := time.AfterFunc(time.Hour, func() {})
	visit := func() { // with mu held
		if next == len(tour) {
			benchLine("done", "")
			os.Exit(0)
		}
		route := tour[next]
		next++
		timer.Stop()
		timer = time.AfterFunc(benchWait, func() {
			benchLine("timeout", route)
			os.Exit(3)
		})
		js := "window.location.hash = " + strconv.Quote(route)
		if next == 1 && signIn {
			js = fmt.Sprintf("window.go.service.AuthService.SignIn({username: %s, password: %s}).then(() => { %s; window.location.reload(); })",
				strconv.Quote(user), strconv.Quote(password), js)
		}
		runtime.WindowExecJS(ctx, js)
	}
	runtime.EventsOn(ctx, "app:screen-ready", func(data ...any) {
		mu.Lock()
		defer mu.Unlock()
		hash := ""
		if len(data) > 0 {
			hash, _ = data[0].(string)
		}
		if next == 0 {
			benchLine("ready", hash)
		} else if tour[next-1] == hash {
			benchLine("screen", hash)
		} else {
			return // a screen on the way, such as a redirect
		}
		visit()
	})
}

// benchLine prints "icm-bench <what> <unix ns> <route> key=value …": the wall clock when
// it happened and the memory of the app's process, its child processes (the web view's
// WebKit processes on Linux) and the Go heap, in KiB.
func benchLine(what, route string) {
	at := time.Now().UnixNano()
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	rss, hwm := procStatus(os.Getpid())
	children := 0
	for _, pid := range childPIDs(os.Getpid()) {
		r, _ := procStatus(pid)
		children += r
	}
	if route == "" {
		route = "-"
	}
	fmt.Printf("icm-bench %s %d %s rss=%d hwm=%d children_rss=%d go_heap=%d go_sys=%d\n", what, at, route,
		rss, hwm, children, ms.HeapInuse/1024, ms.Sys/1024)
}

// procStatus reads VmRSS and VmHWM (KiB) of a process from /proc; 0 where there is none.
func procStatus(pid int) (rss, hwm int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 {
			n, _ := strconv.Atoi(f[1])
			switch f[0] {
			case "VmRSS:":
				rss = n
			case "VmHWM:":
				hwm = n
			}
		}
	}
	return rss, hwm
}

// childPIDs lists the descendants of pid, from the parent ids in /proc/*/stat.
func childPIDs(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	parent := map[int]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// "pid (comm) state ppid …": the name may hold spaces, so read after the last ')'.
		if i := bytes.LastIndexByte(b, ')'); i > 0 {
			if f := strings.Fields(string(b[i+1:])); len(f) > 1 {
				parent[p], _ = strconv.Atoi(f[1])
			}
		}
	}
	var out []int
	for p := range parent {
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
