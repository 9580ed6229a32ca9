// Package faulty simulates a sync client for tests: OneDrive, Dropbox, Nextcloud or an SMB
// share moving files between the laptops' own copies of the team folder, and misbehaving the
// way they do. Each laptop has its own local folder (a temp dir); a Cloud copies every file
// any of them writes to all the others, late, out of order, cut short and completed later,
// first under a visible temporary name or as an empty placeholder, with extra "conflicted
// copy" duplicates and renamed copies beside it. Settle then delivers everything correctly.
//
// The Cloud copies any file and knows no format. The randomness comes from Options.Seed
// only, so a failing test replays exactly.
package faulty

import (
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Options are the probabilities (0 to 1) of each misbehaviour, rolled per file and round.
type Options struct {
	Seed      int64   // the one source of randomness
	Delay     float64 // a copy waits one more round
	Reorder   float64 // a copy is held back 1-4 rounds when it is first due, so later files overtake it
	Duplicate float64 // a conflicted copy ("name (1).icm", "name-DESKTOP-AB12.icm", ...) appears beside the file, with its bytes or its previous version's
	Truncate  float64 // the file first arrives cut short under its own name and is completed in a later round
	Rename    float64 // a renamed copy appears: the same bytes under another number or in a sibling folder, removed again at Settle or replaced when the true file of that name arrives
	Hide      float64 // the file first arrives under a visible temporary name ("~$name", "name.partial", ...) or as a zero-length placeholder under its own name
}

// Cloud moves files between local copies of one folder. Its methods are safe to call from
// several goroutines; laptops may write their folders while it runs.
type Cloud struct {
	mu      sync.Mutex
	opt     Options
	rng     *rand.Rand
	dirs    []string
	server  map[string]*version // slash path relative to a dir → the file's newest version
	have    []map[string]string // per dir: path → checksum of the bytes the cloud knows are there
	junk    []map[string]string // per dir: path → checksum of what the cloud put under a name of its own
	pending []map[string]*delivery
	writers map[string]map[int]bool // folder → the dirs whose laptops wrote files in it
	rounds  int
	stats   Stats
}

// Stats counts what the cloud did, so a test can tell that the misbehaviour it asked for
// happened.
type Stats struct {
	Delivered    int // copies completed under their own name (removals included)
	Delayed      int // rounds a copy waited (Delay)
	Reordered    int // copies held back (Reorder)
	Duplicated   int // conflicted copies made (Duplicate, and a laptop changing another's file)
	Truncated    int // copies that first arrived cut short (Truncate)
	Renamed      int // renamed copies made (Rename)
	Temporary    int // copies that first arrived under a temporary name (Hide)
	Placeholders int // copies that first arrived as an empty placeholder (Hide)
}

// version is what the cloud keeps of a file.
type version struct {
	data    []byte
	sum     string
	ver     int
	owner   int    // the dir it was written in: never delivered back there
	prev    []byte // the version before, for stale duplicates
	deleted bool
}

// delivery is one file on its way to one dir.
type delivery struct {
	ver     int
	hold    int    // rounds still to wait
	rolled  bool   // Reorder was rolled
	started bool   // a faulty first stage is on disk
	temp    string // a temporary name to remove when the copy completes
}

// NewCloud connects the local folders dirs. Files already in them count as written there.
func NewCloud(opt Options, dirs ...string) *Cloud {
	c := &Cloud{
		opt:     opt,
		rng:     rand.New(rand.NewPCG(uint64(opt.Seed), 0x9e3779b97f4a7c15)),
		dirs:    slices.Clone(dirs),
		server:  map[string]*version{},
		writers: map[string]map[int]bool{},
	}
	for range dirs {
		c.have = append(c.have, map[string]string{})
		c.junk = append(c.junk, map[string]string{})
		c.pending = append(c.pending, map[string]*delivery{})
	}
	return c
}

// Step is one round: files written, changed or removed in any dir since the last round are
// picked up, and every copy in flight moves on, maybe misbehaving as Options say.
func (c *Cloud) Step() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rounds++
	c.upload()
	c.deliver()
}

// Settle delivers everything correctly: every dir ends with every file's newest bytes under
// its own name (and without removed ones), and the names the cloud made (temporary names,
// conflicted and renamed copies) are gone. Temporary files a laptop left (*.tmp) stay where
// they are, as a real client leaves them.
func (c *Cloud) Settle() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for range 10 {
		c.upload()
		changed := false
		for _, rel := range sortedKeys(c.server) {
			v := c.server[rel]
			for d := range c.dirs {
				if d == v.owner {
					continue
				}
				changed = c.settleOne(d, rel, v) || changed
			}
		}
		for d := range c.dirs {
			for _, name := range sortedKeys(c.junk[d]) {
				if c.removeIfSame(d, name, c.junk[d][name]) {
					changed = true
				}
			}
			c.junk[d] = map[string]string{}
			c.pending[d] = map[string]*delivery{}
		}
		if !changed {
			return
		}
	}
}

func (c *Cloud) settleOne(d int, rel string, v *version) bool {
	data, err := os.ReadFile(c.abs(d, rel))
	exists := err == nil
	if v.deleted {
		delete(c.have[d], rel)
		if exists {
			_ = os.Remove(c.abs(d, rel))
			return true
		}
		return false
	}
	c.have[d][rel] = v.sum
	delete(c.junk[d], rel)
	if exists && string(data) == string(v.data) {
		return false
	}
	c.write(d, rel, v.data)
	return true
}

// InFlight is the number of copies not yet complete.
func (c *Cloud) InFlight() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, p := range c.pending {
		n += len(p)
	}
	return n
}

// Stats returns the counts so far.
func (c *Cloud) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// Rounds is the number of Steps so far.
func (c *Cloud) Rounds() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rounds
}

// upload picks up what the laptops wrote, changed and removed in their dirs.
func (c *Cloud) upload() {
	for d := range c.dirs {
		cur := c.scan(d)
		for _, rel := range sortedKeys(cur) {
			sum := cur[rel]
			if j, ok := c.junk[d][rel]; ok {
				if j == sum {
					continue // the cloud's own leftover, untouched
				}
				delete(c.junk[d], rel) // someone wrote over it: theirs now
			}
			if c.have[d][rel] == sum || isTemp(rel) {
				continue // known, or a name sync clients do not copy (*.tmp)
			}
			c.changedLocally(d, rel, sum)
		}
		for _, rel := range sortedKeys(c.have[d]) {
			if _, ok := cur[rel]; !ok {
				c.removedLocally(d, rel)
			}
		}
		for _, name := range sortedKeys(c.junk[d]) {
			if _, ok := cur[name]; !ok {
				delete(c.junk[d], name)
			}
		}
	}
}

func (c *Cloud) changedLocally(d int, rel, sum string) {
	v := c.server[rel]
	if v != nil && !v.deleted && v.owner != d {
		// Another laptop's file changed here. Like OneDrive, keep these bytes under a
		// conflicted name and bring the owner's version back.
		if name := c.conflictName(d, rel); name != "" && os.Rename(c.abs(d, rel), c.abs(d, name)) == nil {
			c.junk[d][name] = sum
			c.stats.Duplicated++
		}
		delete(c.have[d], rel)
		c.schedule(d, rel, v.ver)
		return
	}
	data, err := os.ReadFile(c.abs(d, rel))
	if err != nil || hash(data) != sum {
		return // changing right now: next round
	}
	nv := &version{data: data, sum: sum, ver: 1, owner: d}
	if v != nil {
		nv.ver = v.ver + 1
		if !v.deleted {
			nv.prev = v.data
		}
	}
	c.server[rel] = nv
	c.have[d][rel] = sum
	delete(c.pending[d], rel)
	folder := path.Dir(rel)
	if c.writers[folder] == nil {
		c.writers[folder] = map[int]bool{}
	}
	c.writers[folder][d] = true
	for e := range c.dirs {
		if e != d {
			c.schedule(e, rel, nv.ver)
		}
	}
}

func (c *Cloud) removedLocally(d int, rel string) {
	delete(c.have[d], rel)
	v := c.server[rel]
	switch {
	case v == nil || v.deleted:
	case v.owner == d:
		v.deleted, v.prev = true, v.data
		v.ver++
		for e := range c.dirs {
			if e != d {
				c.schedule(e, rel, v.ver)
			}
		}
	default:
		c.schedule(d, rel, v.ver) // a copy removed by hand (or half-copied and removed) comes back
	}
}

// schedule sends version ver of rel to dir d, replacing a copy of an older version in flight.
func (c *Cloud) schedule(d int, rel string, ver int) {
	p := &delivery{ver: ver}
	if old := c.pending[d][rel]; old != nil {
		p.temp = old.temp
	}
	c.pending[d][rel] = p
}

// scan returns every regular file of dir d by slash path, with a checksum of its bytes.
func (c *Cloud) scan(d int) map[string]string {
	out := map[string]string{}
	root := c.dirs[d]
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err == nil {
			out[filepath.ToSlash(rel)] = hash(data)
		}
		return nil
	})
	return out
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return string(s[:])
}

func isTemp(rel string) bool { return strings.HasSuffix(strings.ToLower(rel), ".tmp") }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
