// Package instance keeps one process per database file. Wails' SingleInstanceLock needs a
// D-Bus session bus on Linux and lets a second window start without one (plain Xvfb, some
// desktops), and the headless commands cannot see it, so the app takes its own lock first,
// on every system: an exclusive lock on <db>.lock (flock on Linux and macOS, LockFileEx on
// Windows), which the system drops when the process ends however it ends, and a unix socket
// <db>.sock in the data folder (0600 where modes apply; Windows 10 1803 and later have unix
// sockets too) through which a second start asks the first to bring its window forward. The
// headless commands that change the database (restore, sync) hold the same lock. The path is
// resolved first (absolute, symbolic links followed, and on Windows compared without case),
// so that a link or another spelling of the path finds the same lock. Wails' lock stays
// configured as a second guard for the window (a named mutex on Windows, D-Bus on Linux),
// under the same ID.
package instance

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Messages on the instance socket: one line each way.
const (
	focusRequest = "focus\n"
	focusReply   = "ok\n"
	busyReply    = "busy\n" // the holder is a command without a window (a headless restore)
)

// errBusy is the answer of a holder that has no window to bring forward.
var errBusy = errors.New("busy with a command")

// maxSocketPath keeps the socket path under the sun_path limit (108 bytes on Linux, 104 on
// macOS) with room for the terminating NUL.
const maxSocketPath = 100

// AlreadyRunningError is what a second start gets: another process holds the database.
type AlreadyRunningError struct {
	PID     int   // the running process, 0 when unknown
	Focused bool  // it answered and brought its window forward
	Busy    bool  // it is a command without a window, such as a restore
	Cause   error // why it could not be asked, when not Focused
}

// Error says who holds the database and whether it answered.
func (e *AlreadyRunningError) Error() string {
	who := "another ICM process"
	if e.PID > 0 {
		who = fmt.Sprintf("ICM (process %d)", e.PID)
	}
	if e.Focused {
		return who + " is already running on this database; its window was brought forward"
	}
	if e.Busy {
		return who + " is working on this database from the command line (for example a restore); start ICM again when it has finished"
	}
	why := "no reason given"
	if e.Cause != nil {
		why = e.Cause.Error()
	}
	return who + " is already running on this database, but did not answer (" + why + ")"
}

// Lock is this process's claim on one database, held until Close.
type Lock struct {
	lockFile *os.File
	ln       net.Listener // nil when no socket could be made; the lock still holds
	mu       sync.Mutex
	onFocus  func()
	headless bool
	wg       sync.WaitGroup
}

// Start claims the database for this process as the window's start does. It returns ok=false with the exit code
// when another process has it (0: that window was brought forward, 1: it did not answer). A
// lock that cannot be made at all (a read-only folder) is reported and the app starts anyway,
// so that the window can explain the folder problem; the returned Lock is then nil.
func Start(dbPath string) (in *Lock, exitCode int, ok bool) {
	in, err := Claim(dbPath)
	var running *AlreadyRunningError
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

// errLocked is tryLock's answer when another process holds the lock.
var errLocked = errors.New("locked by another process")

// Claim takes the database's instance lock. When another process holds it, it asks
// that process to bring its window forward and returns an *AlreadyRunningError.
func Claim(dbPath string) (*Lock, error) {
	dbPath = Resolve(dbPath)
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := tryLock(f); err != nil {
		pid := readPID(f)
		_ = f.Close()
		if !errors.Is(err, errLocked) {
			return nil, err
		}
		running := &AlreadyRunningError{PID: pid}
		if err := askToFocus(socketPath(dbPath), 3*time.Second); errors.Is(err, errBusy) {
			running.Busy = true
		} else if err != nil {
			running.Cause = err
		} else {
			running.Focused = true
		}
		return nil, running
	}
	// The process id is for the second start's message only; the lock is what counts.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	in := &Lock{lockFile: f}
	// Without the socket the lock still keeps a second window out; it only cannot focus us.
	_ = in.listen(socketPath(dbPath))
	return in, nil
}

func readPID(f *os.File) int {
	b := make([]byte, 24)
	n, _ := f.ReadAt(b, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// ID names the database's instance, one per database file so that two databases may be open
// side by side; Wails' own lock uses it too. It does not show the path.
func ID(dbPath string) string {
	key := Resolve(dbPath)
	if runtime.GOOS == "windows" {
		key = strings.ToLower(key) // one file, however the path is spelt
	}
	sum := sha256.Sum256([]byte(key))
	return "dk.icm.desktop." + hex.EncodeToString(sum[:8])
}

// Resolve is the path the lock is taken on: absolute, with every symbolic link followed
// (the file's own, or its folder's when the file does not exist yet), so that a link to the
// database and the database itself are one instance. Windows folds case itself: the lock
// file beside the database is one file however its name is spelt.
func Resolve(dbPath string) string {
	p, err := filepath.Abs(dbPath)
	if err != nil {
		p = filepath.Clean(dbPath)
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(dir, filepath.Base(p))
	}
	return p
}

// lockPath names the lock file next to the database.
func lockPath(dbPath string) string { return dbPath + ".lock" }

// socketPath is <db>.sock, or under $XDG_RUNTIME_DIR (private to the user) when the data
// folder's path is too long for a unix socket; "" when neither fits.
func socketPath(dbPath string) string {
	if p := dbPath + ".sock"; len(p) <= maxSocketPath {
		return p
	}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" && filepath.IsAbs(d) {
		if p := filepath.Join(d, ID(dbPath)+".sock"); len(p) <= maxSocketPath {
			return p
		}
	}
	return ""
}

// OnFocus sets what a focus request from a second start does. Requests that arrive before it
// is set are answered without action: the window is still on its way up.
func (in *Lock) OnFocus(fn func()) {
	if in == nil {
		return
	}
	in.mu.Lock()
	in.onFocus = fn
	in.mu.Unlock()
}

// listen opens the focus socket and answers requests until Close.
func (in *Lock) listen(sock string) error {
	if sock == "" {
		return errors.New("no socket path fits")
	}
	_ = os.Remove(sock) // left by a process that was killed; we hold the lock, so it is stale
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return err
	}
	if err := restrictSocket(sock); err != nil {
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

func (in *Lock) answer(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
	if err != nil || line != focusRequest {
		return
	}
	in.mu.Lock()
	fn, headless := in.onFocus, in.headless
	in.mu.Unlock()
	if headless {
		_, _ = io.WriteString(c, busyReply)
		return
	}
	if fn != nil {
		fn()
	}
	_, _ = io.WriteString(c, focusReply)
}

// Headless marks the holder as a command without a window: a second start is told it is
// busy rather than that a window was brought forward.
func (in *Lock) Headless() {
	if in == nil {
		return
	}
	in.mu.Lock()
	in.headless = true
	in.mu.Unlock()
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
		if err == nil || errors.Is(err, errBusy) || time.Now().After(deadline) {
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
	if reply == busyReply {
		return errBusy
	}
	if reply != focusReply {
		return fmt.Errorf("unexpected reply %q", reply)
	}
	return nil
}

// Close stops answering and releases the lock. The lock file stays: removing it would let a
// process that opened the old file and one that creates a new one both believe they hold it.
func (in *Lock) Close() error {
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
