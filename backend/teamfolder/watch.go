package teamfolder

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"icm/backend/domain"
)

// Timing of Watch.
const (
	DefaultScanEvery = 30 * time.Second       // the periodic scan when Watch is given no period
	debounceQuiet    = 200 * time.Millisecond // a burst of events ends after this much quiet
	debounceMax      = 2 * time.Second        // a burst that never goes quiet is still reported
	minScanEvery     = 50 * time.Millisecond  // a faster scan only burns the laptop's battery
)

// newWatcher starts file notifications; tests replace it to see the scan working alone.
var newWatcher = fsnotify.NewWatcher

// Watch calls changed when files in the team folder may have arrived, changed or gone, until
// ctx ends. It listens for file system notifications on the folder, laptops/, every laptop
// folder (new ones as they appear) and join/, and also lists the folder every `every`
// (DefaultScanEvery when 0), because network and synced folders do not always notify. Bursts
// of events are reported once, after 200 ms of quiet (at most 2 s after the first). Calls to
// changed never overlap; changed also runs once at the start, so a file that arrived before
// watching began is not missed. Where notifications cannot start (no inotify watches left,
// an unsupported file system) the periodic scan carries on alone. Watch returns nil when ctx
// ends.
func (f *Folder) Watch(ctx context.Context, every time.Duration, changed func()) error {
	if changed == nil {
		return domain.E(domain.CodeInternal, "teamfolder: Watch needs a callback")
	}
	if every <= 0 {
		every = DefaultScanEvery
	}
	every = max(every, minScanEvery)
	w := &watch{f: f}
	w.start()
	defer w.close()

	last, _ := f.fingerprint()
	if ctx.Err() != nil {
		return nil
	}
	changed()
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	var burst *time.Timer
	var burstC <-chan time.Time
	var burstStart time.Time
	force := false
	arm := func() {
		now := time.Now()
		if burstC == nil {
			burstStart = now
			burst = time.NewTimer(debounceQuiet)
			burstC = burst.C
			return
		}
		if left := debounceMax - now.Sub(burstStart); left > 0 {
			burst.Reset(min(debounceQuiet, left))
		}
	}
	defer func() {
		if burst != nil {
			burst.Stop()
		}
	}()
	unreachable := false
	fire := func() {
		if ctx.Err() != nil {
			return
		}
		fp, err := f.fingerprint()
		if err != nil {
			// The folder is unreachable now (the stick pulled out, the network gone): one
			// call lets the pass say so in the status; the next scans try again.
			if !unreachable {
				unreachable = true
				changed()
			}
			return
		}
		if unreachable {
			unreachable, force = false, true // back: a pass at once
		}
		if fp != last || force {
			last, force = fp, false
			changed()
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.events():
			if !ok {
				w.close() // notifications stopped: scan only from now on
				continue
			}
			if w.onEvent(ev) {
				force = true
			}
			arm()
		case _, ok := <-w.errors():
			if !ok {
				w.close()
				continue
			}
			force = true // an overflow lost events: look at the whole folder
			arm()
		case <-burstC:
			burstC = nil
			fire()
		case <-ticker.C:
			w.ensure()
			fire()
		}
	}
}

// watch is the notification side of Watch; a nil fsnotify watcher means scan only.
type watch struct {
	f *Folder
	n *fsnotify.Watcher
}

func (w *watch) start() {
	n, err := newWatcher()
	if err != nil {
		return
	}
	w.n = n
	if err := n.Add(w.f.Root); err != nil {
		w.close()
		return
	}
	w.ensure()
}

func (w *watch) close() {
	if w.n != nil {
		_ = w.n.Close()
		w.n = nil
	}
}

// events and errors are nil channels (never ready) when scanning only.
func (w *watch) events() <-chan fsnotify.Event {
	if w.n == nil {
		return nil
	}
	return w.n.Events
}

func (w *watch) errors() <-chan error {
	if w.n == nil {
		return nil
	}
	return w.n.Errors
}

// ensure watches every folder that should be watched and is not (yet, or again after it was
// removed and made anew).
func (w *watch) ensure() {
	if w.n == nil {
		return
	}
	have := w.n.WatchList()
	add := func(p string) {
		if !slices.Contains(have, p) {
			_ = w.n.Add(p) // gone again, or no watches left: the periodic scan covers it
		}
	}
	add(w.f.Root)
	laptops := filepath.Join(w.f.Root, LaptopsDir)
	add(laptops)
	add(filepath.Join(w.f.Root, JoinDir))
	dirs, _ := os.ReadDir(laptops)
	for _, d := range dirs {
		if d.IsDir() && ValidID(d.Name()) {
			add(filepath.Join(laptops, d.Name()))
		}
	}
}

// onEvent adds watches for new folders and reports whether the event touched a recognised
// file, which is worth a look even when its size and time did not change.
func (w *watch) onEvent(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Create) {
		if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
			w.ensure()
			return true
		}
	}
	name := filepath.Base(ev.Name)
	if _, ok := ParseName(name); ok {
		return true
	}
	_, ok := parseJoinName(name)
	return ok
}

// fingerprint sums the names, sizes and times of the recognised files: what a new, grown or
// replaced file changes.
func (f *Folder) fingerprint() ([32]byte, error) {
	entries, _, err := f.List()
	if err != nil {
		return [32]byte{}, err
	}
	if _, err := os.Stat(f.Root); err != nil {
		return [32]byte{}, errors.Join(ErrNotFolder, err)
	}
	h := sha256.New()
	var buf [16]byte
	for _, e := range entries {
		h.Write([]byte(e.Path))
		binary.BigEndian.PutUint64(buf[:8], uint64(e.Size))
		binary.BigEndian.PutUint64(buf[8:], uint64(e.ModTime.UnixNano()))
		h.Write(buf[:])
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}
