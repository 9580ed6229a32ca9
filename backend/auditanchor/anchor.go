// Package auditanchor keeps known points of the audit log's hash chain outside the database
// file, so that a chain rewritten inside the file (triggers dropped, entries edited and every
// hash recomputed) no longer matches what was seen before.
//
// An anchor says: when Source looked, the entry with this id had this hash. Anchors are kept
// in an append-only journal beside the database (icm.db.anchors), written into every backup's
// record, and printed on every exported audit PDF; the team folder is a further place. A
// check compares every anchor it can read with the chain. It cannot stop someone who controls
// the operating-system account (they can rewrite the file and the journal alike); it makes
// them rewrite every copy, including the ones on paper and on other media, to go unseen.
package auditanchor

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Anchor is one known point of the chain.
type Anchor struct {
	ID     uint      `json:"id"`
	Hash   string    `json:"hash"`
	At     time.Time `json:"at"`
	Source string    `json:"source"` // "check", "backup", "pdf", "restore" …
}

// Valid reports an anchor that can be compared: an entry id and a full SHA-256 in hex.
func (a Anchor) Valid() bool {
	if a.ID == 0 || len(a.Hash) != 64 {
		return false
	}
	for _, c := range a.Hash {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// Journal is the anchor file beside a database.
type Journal struct{ path string }

// For is the journal of the database at dbPath.
func For(dbPath string) Journal { return Journal{path: dbPath + ".anchors"} }

// Path is the journal's file.
func (j Journal) Path() string { return j.path }

// maxLines is how long the journal grows before Append compacts it: the newest anchors
// are kept, and one per calendar month of the older ones, so that an old rewrite is still
// caught while the file stays small.
const maxLines = 2000

// Append adds an anchor and flushes it to disk. A journal that has grown past maxLines is
// rewritten (to a temporary file, flushed, renamed) with fewer anchors first.
func (j Journal) Append(a Anchor) error {
	if !a.Valid() {
		return fmt.Errorf("auditanchor: invalid anchor %d", a.ID)
	}
	line, err := json.Marshal(a)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	all, err := j.Read()
	if err != nil || len(all) <= maxLines {
		return err
	}
	return j.write(thin(all))
}

// Read returns the anchors in the order they were written. A line that cannot be read (the
// last one, cut short by a crash) is skipped; a missing journal is empty.
func (j Journal) Read() ([]Anchor, error) {
	b, err := os.ReadFile(j.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Anchor
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		var a Anchor
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Valid() {
			out = append(out, a)
		}
	}
	return out, sc.Err()
}

// Restart sets the journal aside (renamed with the given suffix) and begins a new one with
// the given anchor: a restored database continues an older chain, and the anchors this
// laptop saw after the backup no longer apply to it. The old journal stays for inspection.
func (j Journal) Restart(suffix string, first Anchor) error {
	if _, err := os.Stat(j.path); err == nil {
		if err := os.Rename(j.path, j.path+"."+suffix); err != nil {
			return err
		}
	}
	if !first.Valid() {
		return nil
	}
	return j.write([]Anchor{first})
}

// write replaces the journal with anchors (temporary file, flush, rename).
func (j Journal) write(anchors []Anchor) error {
	var buf bytes.Buffer
	for _, a := range anchors {
		line, err := json.Marshal(a)
		if err != nil {
			return err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	tmp, err := os.CreateTemp(filepath.Dir(j.path), filepath.Base(j.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if err := tmp.Chmod(0o600); err != nil && !strings.Contains(err.Error(), "not supported") {
		_ = tmp.Close()
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), j.path)
}

// thin keeps the newest half of maxLines anchors and the first anchor of each month before
// them.
func thin(all []Anchor) []Anchor {
	keep := maxLines / 2
	if len(all) <= keep {
		return all
	}
	old, recent := all[:len(all)-keep], all[len(all)-keep:]
	var out []Anchor
	seen := map[string]bool{}
	for _, a := range old {
		m := a.At.UTC().Format("2006-01")
		if !seen[m] {
			seen[m] = true
			out = append(out, a)
		}
	}
	return append(out, recent...)
}

// Mismatch is an anchor the chain no longer agrees with.
type Mismatch struct {
	Anchor Anchor
	// Found is the hash the entry has now; "" when the chain no longer reaches the entry
	// (entries were removed from its end).
	Found string
}

// Compare checks anchors against the chain: hashOf gives the hashes of the entries asked
// for (missing ids are absent from the map). It returns the anchors that do not match,
// oldest first.
func Compare(anchors []Anchor, hashOf func(ids []uint) (map[uint]string, error)) ([]Mismatch, error) {
	if len(anchors) == 0 {
		return nil, nil
	}
	ids := make([]uint, 0, len(anchors))
	seen := map[uint]bool{}
	for _, a := range anchors {
		if !seen[a.ID] {
			seen[a.ID] = true
			ids = append(ids, a.ID)
		}
	}
	hashes, err := hashOf(ids)
	if err != nil {
		return nil, err
	}
	var out []Mismatch
	for _, a := range anchors {
		if h := hashes[a.ID]; h != a.Hash {
			out = append(out, Mismatch{Anchor: a, Found: h})
		}
	}
	return out, nil
}
