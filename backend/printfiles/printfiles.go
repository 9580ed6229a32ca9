// Package printfiles keeps the PDFs opened in the system's viewer for printing. They hold
// personal data and are needed only while the viewer prints them, so they live in a folder
// of their own that only the OS user can open, and are removed within minutes, at sign-out,
// at shutdown and when the citizen's data is deleted.
package printfiles

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// KeepFor is how long a print file stays: long enough for the viewer to open and print it.
const KeepFor = 10 * time.Minute

// Folder is the print folder. A nil *Folder does nothing (the headless commands and tests
// that never print).
type Folder struct {
	dir string
	mu  sync.Mutex
}

// New is the print folder at dir (created when the first file is written).
func New(dir string) *Folder { return &Folder{dir: dir} }

// Dir is the folder's path.
func (f *Folder) Dir() string { return f.dir }

// name is a print file's name: the citizen comes first, so that deleting a citizen's data
// finds their files.
func name(citizenID, courseID uint, now time.Time) string {
	return fmt.Sprintf("icm-plan-c%d-%d-%d.pdf", citizenID, courseID, now.UnixNano())
}

// Write stores a print file and returns its path. The folder is created, or tightened when
// something loosened it, every time: only the OS user may open it.
func (f *Folder) Write(citizenID, courseID uint, now time.Time, data []byte) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.tighten(); err != nil {
		return "", err
	}
	path := filepath.Join(f.dir, name(citizenID, courseID, now))
	tmp, err := os.CreateTemp(f.dir, ".print-*")
	if err != nil {
		return "", err
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	return path, nil
}

// tighten creates the folder for the OS user alone, or takes back what others were given.
func (f *Folder) tighten() error {
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		return nil // the per-user ACL of the cache folder does this job
	}
	return os.Chmod(f.dir, 0o700)
}

// Sweep removes print files older than maxAge (all of them for 0). A file the viewer still
// holds open on Windows cannot be removed; the next sweep tries again.
func (f *Folder) Sweep(now time.Time, maxAge time.Duration) {
	f.remove(func(e os.DirEntry) bool {
		if maxAge <= 0 {
			return true
		}
		info, err := e.Info()
		return err == nil && now.Sub(info.ModTime()) >= maxAge
	})
}

// RemoveAll removes every print file: at sign-out and shutdown.
func (f *Folder) RemoveAll() { f.Sweep(time.Time{}, 0) }

// RemoveCitizen removes the print files of one citizen: when their data is deleted.
func (f *Folder) RemoveCitizen(citizenID uint) {
	prefix := fmt.Sprintf("icm-plan-c%d-", citizenID)
	f.remove(func(e os.DirEntry) bool { return strings.HasPrefix(e.Name(), prefix) })
}

func (f *Folder) remove(match func(os.DirEntry) bool) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	_ = f.tighten()
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasPrefix(e.Name(), "icm-plan-") || strings.HasPrefix(e.Name(), ".print-")) {
			continue
		}
		if match(e) {
			_ = os.Remove(filepath.Join(f.dir, e.Name()))
		}
	}
}

// Janitor sweeps the folder every interval until stop is closed, removing files older than
// KeepFor.
func (f *Folder) Janitor(stop <-chan struct{}, interval time.Duration, now func() time.Time) {
	if f == nil {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			f.Sweep(now(), KeepFor)
		}
	}
}
