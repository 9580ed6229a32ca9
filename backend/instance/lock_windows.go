//go:build windows

package instance

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

var procLockFileEx = syscall.NewLazyDLL("kernel32.dll").NewProc("LockFileEx")

// LockFileEx flags and the error it gives for a region another process has locked.
const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2
	errorLockViolation      = syscall.Errno(33)
)

// lockOffsetHigh places the locked byte at 4 GiB, past the process id at the start of the
// file, which a second start reads for its message (a locked region cannot be read).
const lockOffsetHigh = 1

// tryLock takes an exclusive LockFileEx lock on one byte without waiting; errLocked when
// another process has it. Windows drops the lock when the process ends, however it ends.
// Wails' named-mutex SingleInstanceLock (appOptions in the root's main.go) stays as a second guard.
func tryLock(f *os.File) error {
	ol := syscall.Overlapped{OffsetHigh: lockOffsetHigh}
	r, _, err := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0,
		uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return nil
	}
	if errors.Is(err, errorLockViolation) {
		return errLocked
	}
	return err
}

// unlockFile closes the file, which releases its locks.
func unlockFile(f *os.File) error { return f.Close() }

// restrictSocket does nothing on Windows: POSIX modes do not apply, and the per-user ACL of
// %LOCALAPPDATA% already keeps other users out of the data folder.
func restrictSocket(string) error { return nil }
