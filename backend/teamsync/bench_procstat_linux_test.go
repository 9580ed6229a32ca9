//go:build linux

package teamsync_test

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// procStat is what this process has read and the CPU time it has used so far.
type procStat struct {
	rchar     int64         // bytes asked of read(2) and friends, from the page cache or the disk
	readBytes int64         // bytes actually fetched from the storage device
	cpu       time.Duration // user and system time
	ok        bool          // the figures could be read
}

// readProcStat reads /proc/self/io and getrusage(2).
func readProcStat() procStat {
	var s procStat
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return s
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "rchar":
			s.rchar = n
		case "read_bytes":
			s.readBytes = n
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return s
	}
	s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	s.ok = true
	return s
}

// diskBytes is the space a file takes on the disk (whole blocks).
func diskBytes(fi os.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return fi.Size()
}
