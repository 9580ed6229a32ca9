//go:build bench

package benchhook

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
)

// The memory figures come from /proc: this process has a resident size, and a child it
// started counts among its descendants.
func TestProcFigures(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	if rss, hwm := procStatus(os.Getpid()); rss <= 0 || hwm < rss {
		t.Fatalf("procStatus = %d, %d", rss, hwm)
	}
	child := exec.Command("sleep", "5")
	if err := child.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	defer func() { _ = child.Process.Kill(); _ = child.Wait() }()
	if !slices.Contains(childPIDs(os.Getpid()), child.Process.Pid) {
		t.Fatalf("child %d not among %v", child.Process.Pid, childPIDs(os.Getpid()))
	}
}
