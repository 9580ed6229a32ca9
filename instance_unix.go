//go:build !windows

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// claimInstance takes the database's instance lock. When another process holds it, it asks
// that process to bring its window forward and returns an *alreadyRunningError.
func claimInstance(dbPath string) (*instance, error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := flock(f); err != nil {
		pid := readPID(f)
		_ = f.Close()
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, err
		}
		running := &alreadyRunningError{PID: pid}
		if err := askToFocus(socketPath(dbPath), 3*time.Second); err != nil {
			running.Cause = err
		} else {
			running.Focused = true
		}
		return nil, running
	}
	// The process id is for the second start's message only; the lock is the flock.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	in := &instance{lockFile: f}
	// Without the socket the lock still keeps a second window out; it only cannot focus us.
	_ = in.listen(socketPath(dbPath))
	return in, nil
}

// flock takes an exclusive, non-blocking lock, retrying when a signal interrupts it.
func flock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			return err
		}
	}
}

func unlockFile(f *os.File) error {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return f.Close()
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
