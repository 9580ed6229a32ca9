package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// One window per database. Wails' SingleInstanceLock needs a D-Bus session bus on Linux and
// lets a second window start without one (plain Xvfb, some desktops), so on Linux and macOS
// the app takes its own lock first: an exclusive flock on <db>.lock, which the kernel drops
// when the process ends however it ends, and a unix socket <db>.sock (0600, in the data
// folder) through which a second start asks the first to bring its window forward. On
// Windows Wails' named-mutex lock works and is kept (instance_windows.go).

// Messages on the instance socket: one line each way.
const (
	focusRequest = "focus\n"
	focusReply   = "ok\n"
)

// maxSocketPath keeps the socket path under the sun_path limit (108 bytes on Linux, 104 on
// macOS) with room for the terminating NUL.
const maxSocketPath = 100

// alreadyRunningError is what a second start gets: another process holds the database.
type alreadyRunningError struct {
	PID     int   // the running process, 0 when unknown
	Focused bool  // it answered and brought its window forward
	Cause   error // why it could not be asked, when not Focused
}

func (e *alreadyRunningError) Error() string {
	who := "another ICM process"
	if e.PID > 0 {
		who = fmt.Sprintf("ICM (process %d)", e.PID)
	}
	if e.Focused {
		return who + " is already running on this database; its window was brought forward"
	}
	why := "no reason given"
	if e.Cause != nil {
		why = e.Cause.Error()
	}
	return who + " is already running on this database, but did not answer (" + why + ")"
}

// instance is this process's claim on one database, held until Close.
type instance struct {
	lockFile *os.File     // nil on Windows, where Wails holds the lock
	ln       net.Listener // nil when no socket could be made; the lock still holds
	mu       sync.Mutex
	onFocus  func()
	wg       sync.WaitGroup
}

// startInstance claims the database for this process. It returns ok=false with the exit code
// when another process has it (0: that window was brought forward, 1: it did not answer). A
// lock that cannot be made at all (a read-only folder) is reported and the app starts anyway,
// so that the window can explain the folder problem; the returned instance is then nil.
func startInstance(dbPath string) (in *instance, exitCode int, ok bool) {
	in, err := claimInstance(dbPath)
	var running *alreadyRunningError
	switch {
	case errors.As(err, &running):
		fmt.Fprintln(os.Stderr, "icm:", running)
		if running.Focused {
			return nil, 0, false
		}
		return nil, 1, false
	case err != nil:
		fmt.Fprintln(os.Stderr, "icm: no single-instance lock:", err)
		return nil, 0, true
	}
	return in, 0, true
}

// lockPath and socketPath name the files next to the database.
func lockPath(dbPath string) string { return dbPath + ".lock" }

// socketPath is <db>.sock, or under $XDG_RUNTIME_DIR (private to the user) when the data
// folder's path is too long for a unix socket; "" when neither fits.
func socketPath(dbPath string) string {
	if p := dbPath + ".sock"; len(p) <= maxSocketPath {
		return p
	}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" && filepath.IsAbs(d) {
		if p := filepath.Join(d, instanceID(dbPath)+".sock"); len(p) <= maxSocketPath {
			return p
		}
	}
	return ""
}

// OnFocus sets what a focus request from a second start does. Requests that arrive before it
// is set are answered without action: the window is still on its way up.
func (in *instance) OnFocus(fn func()) {
	if in == nil {
		return
	}
	in.mu.Lock()
	in.onFocus = fn
	in.mu.Unlock()
}

// listen opens the focus socket and answers requests until Close.
func (in *instance) listen(sock string) error {
	if sock == "" {
		return errors.New("no socket path fits")
	}
	_ = os.Remove(sock) // left by a process that was killed; we hold the lock, so it is stale
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return err
	}
	if err := os.Chmod(sock, 0o600); err != nil {
		_ = ln.Close()
		return err
	}
	in.ln = ln
	in.wg.Add(1)
	go func() {
		defer in.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return // closed
			}
			go in.answer(c)
		}
	}()
	return nil
}

func (in *instance) answer(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
	if err != nil || line != focusRequest {
		return
	}
	in.mu.Lock()
	fn := in.onFocus
	in.mu.Unlock()
	if fn != nil {
		fn()
	}
	_, _ = io.WriteString(c, focusReply)
}

// askToFocus asks the running process to bring its window forward. It retries for a moment:
// the first process may hold the lock but not be listening yet.
func askToFocus(sock string, wait time.Duration) error {
	if sock == "" {
		return errors.New("no socket path fits")
	}
	deadline := time.Now().Add(wait)
	for {
		err := sendFocus(sock)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func sendFocus(sock string) error {
	c, err := net.DialTimeout("unix", sock, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.WriteString(c, focusRequest); err != nil {
		return err
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if reply != focusReply {
		return fmt.Errorf("unexpected reply %q", reply)
	}
	return nil
}

// Close stops answering and releases the lock. The lock file stays: removing it would let a
// process that opened the old file and one that creates a new one both believe they hold it.
func (in *instance) Close() error {
	if in == nil {
		return nil
	}
	if in.ln != nil {
		_ = in.ln.Close() // also removes the socket file
		in.wg.Wait()
	}
	if in.lockFile != nil {
		return unlockFile(in.lockFile)
	}
	return nil
}
