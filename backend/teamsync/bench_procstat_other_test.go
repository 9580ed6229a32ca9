//go:build !linux

package teamsync_test

import (
	"os"
	"time"
)

// procStat is what this process has read and the CPU time it has used so far (Linux only).
type procStat struct {
	rchar, readBytes int64
	cpu              time.Duration
	ok               bool
}

// readProcStat has nothing to read outside Linux.
func readProcStat() procStat { return procStat{} }

// diskBytes is the file's size where the blocks it takes are not known.
func diskBytes(fi os.FileInfo) int64 { return fi.Size() }
