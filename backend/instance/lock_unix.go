//go:build !windows

package instance

import (
	"os"
	"syscall"
)

// tryLock takes an exclusive flock without waiting; errLocked when another process has it.
// The kernel drops the lock when the process ends, however it ends.
func tryLock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch err {
		case nil:
			return nil
		case syscall.EWOULDBLOCK:
			return errLocked
		case syscall.EINTR:
			continue
		default:
			return err
		}
	}
}

func unlockFile(f *os.File) error {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return f.Close()
}

// restrictSocket makes the socket reachable by this user only (connect needs write access).
func restrictSocket(path string) error { return os.Chmod(path, 0o600) }
