package faulty

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// deliver moves every copy in flight one round on.
func (c *Cloud) deliver() {
	for d := range c.dirs {
		for _, rel := range sortedKeys(c.pending[d]) {
			c.deliverOne(d, rel, c.pending[d][rel])
		}
	}
}

func (c *Cloud) deliverOne(d int, rel string, p *delivery) {
	v := c.server[rel]
	if v == nil || v.owner == d {
		delete(c.pending[d], rel)
		return
	}
	if p.hold > 0 {
		p.hold--
		return
	}
	if c.chance(c.opt.Delay) {
		c.stats.Delayed++
		return
	}
	if !p.rolled && !p.started {
		p.rolled = true
		if c.chance(c.opt.Reorder) {
			p.hold = 1 + c.rng.IntN(4)
			c.stats.Reordered++
			return
		}
	}
	if v.deleted {
		c.removeIfSame(d, p.temp, c.junk[d][p.temp])
		if err := os.Remove(c.abs(d, rel)); err == nil || errors.Is(err, fs.ErrNotExist) {
			delete(c.have[d], rel)
			delete(c.pending[d], rel)
			c.stats.Delivered++
		}
		return
	}
	if p.started {
		c.complete(d, rel, v, p)
		return
	}
	if c.chance(c.opt.Duplicate) {
		c.duplicate(d, rel, v)
	}
	if c.chance(c.opt.Rename) {
		c.renamedCopy(d, rel, v)
	}
	switch {
	case c.chance(c.opt.Hide):
		if c.rng.IntN(2) == 0 {
			if name := c.tempName(d, rel); name != "" {
				c.write(d, name, v.data)
				c.junk[d][name] = v.sum
				p.temp = name
				c.stats.Temporary++
			}
		} else {
			c.write(d, rel, nil) // an on-demand placeholder: the name, no bytes yet
			c.have[d][rel] = hash(nil)
			delete(c.junk[d], rel)
			c.stats.Placeholders++
		}
		p.started = true
	case len(v.data) > 1 && c.chance(c.opt.Truncate):
		part := v.data[:1+c.rng.IntN(len(v.data)-1)]
		c.write(d, rel, part)
		c.have[d][rel] = hash(part)
		delete(c.junk[d], rel)
		p.started = true
		c.stats.Truncated++
	default:
		c.complete(d, rel, v, p)
	}
}

// complete puts the whole file under its own name and clears what its first stage left.
func (c *Cloud) complete(d int, rel string, v *version, p *delivery) {
	if p.temp != "" {
		c.removeIfSame(d, p.temp, c.junk[d][p.temp])
		delete(c.junk[d], p.temp)
	}
	c.write(d, rel, v.data)
	c.have[d][rel] = v.sum
	delete(c.junk[d], rel)
	delete(c.pending[d], rel)
	c.stats.Delivered++
}

// duplicate puts a conflicted copy beside the file: its bytes, or its previous version's.
func (c *Cloud) duplicate(d int, rel string, v *version) {
	name := c.conflictName(d, rel)
	if name == "" {
		return
	}
	data := v.data
	if v.prev != nil && c.rng.IntN(2) == 0 {
		data = v.prev
	}
	c.write(d, name, data)
	c.junk[d][name] = hash(data)
	c.stats.Duplicated++
}

// renamedCopy puts the file's bytes under a name they were not written with: the last number
// in the name changed, or the same name in a sibling folder. Never in a folder the receiving
// laptop writes itself, and never over a file the cloud knows.
func (c *Cloud) renamedCopy(d int, rel string, v *version) {
	var candidates []string
	dir, base := path.Split(rel)
	if other := bumpNumber(base, 1+c.rng.IntN(3)); other != "" {
		candidates = append(candidates, dir+other)
	}
	parent := path.Dir(path.Clean(dir))
	for _, folder := range sortedKeys(c.writers) {
		if folder != path.Clean(dir) && path.Dir(folder) == parent && folder != "." {
			candidates = append(candidates, folder+"/"+base)
		}
	}
	if len(candidates) == 0 {
		return
	}
	target := candidates[c.rng.IntN(len(candidates))]
	folder := path.Dir(target)
	if len(c.writers[folder]) == 0 || c.writers[folder][d] || c.server[target] != nil {
		return
	}
	if _, err := os.Lstat(c.abs(d, target)); err == nil {
		return
	}
	c.write(d, target, v.data)
	c.junk[d][target] = v.sum
	c.stats.Renamed++
}

// bumpNumber adds n to the last run of digits in name, keeping its width; "" if there is none.
func bumpNumber(name string, n int) string {
	end := strings.LastIndexAny(name, "0123456789")
	if end < 0 {
		return ""
	}
	start := end
	for start > 0 && name[start-1] >= '0' && name[start-1] <= '9' {
		start--
	}
	digits := name[start : end+1]
	if len(digits) > 18 {
		return ""
	}
	x, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return ""
	}
	return name[:start] + fmt.Sprintf("%0*d", len(digits), x+uint64(n)) + name[end+1:]
}

// conflictName is a free name, in rel's folder of dir d, for a conflicted copy of rel.
func (c *Cloud) conflictName(d int, rel string) string {
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	host := fmt.Sprintf("DESKTOP-%04X", c.rng.IntN(1<<16))
	styles := []string{
		stem + " (1)" + ext,                               // OneDrive, Dropbox, Google Drive
		stem + "-" + host + ext,                           // OneDrive keeping both copies
		stem + " (" + host + "'s conflicted copy)" + ext,  // Dropbox
		stem + ".sync-conflict-20261206-101010-ABC" + ext, // Syncthing
		"Kopi af " + base,                                 // a copy made by hand, Danish
	}
	return c.free(d, dir, styles)
}

// tempName is a free visible temporary name for rel in dir d.
func (c *Cloud) tempName(d int, rel string) string {
	dir, base := path.Split(rel)
	return c.free(d, dir, []string{"~$" + base, base + ".partial", ".~lock." + base + "#", base + ".crdownload", base + ".tmp"})
}

// free picks one of names at random and returns it with its folder if nothing is there.
func (c *Cloud) free(d int, dir string, names []string) string {
	name := dir + names[c.rng.IntN(len(names))]
	if _, err := os.Lstat(c.abs(d, name)); err == nil || c.server[name] != nil {
		return ""
	}
	return name
}

func (c *Cloud) chance(p float64) bool { return p > 0 && c.rng.Float64() < p }

func (c *Cloud) abs(d int, rel string) string {
	return filepath.Join(c.dirs[d], filepath.FromSlash(rel))
}

// write puts data at rel in dir d in place (not atomically: a reader may see it half-written,
// as with a real client).
func (c *Cloud) write(d int, rel string, data []byte) {
	p := c.abs(d, rel)
	_ = os.MkdirAll(filepath.Dir(p), 0o755)
	_ = os.WriteFile(p, data, 0o644)
}

// removeIfSame removes the cloud's own leftover rel in dir d if it still holds what the cloud
// put there.
func (c *Cloud) removeIfSame(d int, rel, sum string) bool {
	if rel == "" {
		return false
	}
	data, err := os.ReadFile(c.abs(d, rel))
	if err != nil || hash(data) != sum {
		return false
	}
	return os.Remove(c.abs(d, rel)) == nil
}
