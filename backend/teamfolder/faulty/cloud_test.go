package faulty

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"icm/backend/teamfolder"
)

// Fictional laptop ids.
var ids = []string{
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
	"cccccccccccccccccccccccccccccccc",
}

// laptop is one laptop's copy of the team folder and what it wrote there.
type laptop struct {
	f     *teamfolder.Folder
	wrote map[string][]byte // own file name → bytes
}

func laptops(t *testing.T, n int) ([]*laptop, []string) {
	t.Helper()
	var ls []*laptop
	var dirs []string
	for i := range n {
		f, err := teamfolder.Open(t.TempDir(), ids[i])
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, &laptop{f: f, wrote: map[string][]byte{}})
		dirs = append(dirs, f.Root)
	}
	return ls, dirs
}

func (l *laptop) write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := l.f.WriteOwn(name, data); err != nil {
		t.Fatal(err)
	}
	l.wrote[name] = data
}

// body is the content of a laptop's file: any bytes will do, sizes vary.
func body(r *rand.Rand, who, name string) []byte {
	b := []byte(who + "/" + name + ":")
	return append(b, bytes.Repeat([]byte{byte(r.IntN(256))}, r.IntN(3000))...)
}

// tree is every regular file of dir by slash path, with a checksum.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		s := sha256.Sum256(data)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", s[:6])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var allFaults = Options{Delay: 0.4, Reorder: 0.3, Duplicate: 0.3, Truncate: 0.3, Rename: 0.3, Hide: 0.3}

// work drives three laptops for a number of rounds: batches, a snapshot, key files (one
// removed again), join requests replaced, with a cloud step after each round.
func work(t *testing.T, ls []*laptop, c *Cloud, seed int64, rounds int, check func()) {
	t.Helper()
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	next := make([]uint64, len(ls))
	for round := range rounds {
		for i, l := range ls {
			if r.IntN(3) == 0 {
				continue
			}
			next[i]++
			l.write(t, teamfolder.BatchName(next[i]), body(r, ids[i], "batch"))
			switch {
			case round == 2 && i == 0:
				l.write(t, teamfolder.KeyName(ids[2]), body(r, ids[i], "key"))
			case round == 5 && i == 0:
				if err := l.f.RemoveOwn(teamfolder.KeyName(ids[2])); err != nil {
					t.Fatal(err)
				}
				delete(l.wrote, teamfolder.KeyName(ids[2]))
			case round == 4 && i == 1:
				l.write(t, teamfolder.SnapshotName(next[i]), body(r, ids[i], "snapshot"))
			case round%3 == 0 && i == 2:
				if err := l.f.WriteJoin(body(r, ids[i], "join")); err != nil {
					t.Fatal(err)
				}
			}
		}
		c.Step()
		if check != nil {
			check()
		}
	}
}

func TestSettleDeliversIdenticalBytesEverywhere(t *testing.T) {
	var seen Stats
	defer func() {
		v := reflect.ValueOf(seen)
		for i := range v.NumField() {
			if v.Field(i).Int() == 0 {
				t.Errorf("no %s in any run: %+v", v.Type().Field(i).Name, seen)
			}
		}
		t.Logf("%+v", seen)
	}()
	for seed := int64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			ls, dirs := laptops(t, 3)
			opt := allFaults
			opt.Seed = seed
			c := NewCloud(opt, dirs...)
			work(t, ls, c, seed, 12, nil)
			st := c.Stats()
			seen.Delivered += st.Delivered
			seen.Delayed += st.Delayed
			seen.Reordered += st.Reordered
			seen.Duplicated += st.Duplicated
			seen.Truncated += st.Truncated
			seen.Renamed += st.Renamed
			seen.Temporary += st.Temporary
			seen.Placeholders += st.Placeholders
			c.Settle()
			if c.InFlight() != 0 {
				t.Errorf("%d copies in flight after Settle", c.InFlight())
			}
			want := tree(t, dirs[0])
			for _, d := range dirs[1:] {
				if got := tree(t, d); !reflect.DeepEqual(got, want) {
					t.Fatalf("trees differ after Settle:\n%v\n%v", got, want)
				}
			}
			// every laptop reads every file whole, and nothing is left to skip
			for i, l := range ls {
				entries, skipped, err := l.f.List()
				if err != nil || len(skipped) != 0 {
					t.Fatalf("laptop %d: skipped %v %v", i, skipped, err)
				}
				n := 0
				for _, e := range entries {
					got, err := l.f.Read(e)
					if err != nil {
						t.Fatalf("laptop %d: %s: %v", i, e.Name, err)
					}
					if e.Kind == teamfolder.KindJoin {
						continue
					}
					owner := ls[indexOf(e.Laptop)]
					if !bytes.Equal(got, owner.wrote[e.Name]) {
						t.Fatalf("laptop %d: %s of %s differs", i, e.Name, e.Laptop)
					}
					n++
				}
				total := 0
				for _, o := range ls {
					total += len(o.wrote)
				}
				if n != total {
					t.Errorf("laptop %d sees %d files, %d were written", i, n, total)
				}
			}
		})
	}
}

func indexOf(id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// A laptop's own folder in its own copy holds exactly what it wrote, at every step, however
// the cloud misbehaves: the cloud copies a laptop's files out, never back in.
func TestCloudNeverWritesIntoALaptopsOwnFolder(t *testing.T) {
	ls, dirs := laptops(t, 3)
	opt := Options{Seed: 42, Delay: 0.2, Reorder: 0.2, Duplicate: 0.6, Truncate: 0.5, Rename: 0.8, Hide: 0.5}
	c := NewCloud(opt, dirs...)
	check := func() {
		for i, l := range ls {
			own := filepath.Join(l.f.Root, teamfolder.LaptopsDir, ids[i])
			got := tree(t, own)
			want := map[string]string{}
			for name, data := range l.wrote {
				s := sha256.Sum256(data)
				want[name] = fmt.Sprintf("%x", s[:6])
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: laptop %d's own folder holds %v, it wrote %v", c.Rounds(), i, got, want)
			}
		}
	}
	work(t, ls, c, 42, 25, check)
	c.Settle()
	check()
}

// The same seed and the same writes give the same folders after every step.
func TestCloudIsDeterministic(t *testing.T) {
	run := func() []map[string]string {
		ls, dirs := laptops(t, 3)
		opt := allFaults
		opt.Seed = 7
		c := NewCloud(opt, dirs...)
		var states []map[string]string
		work(t, ls, c, 7, 10, func() {
			all := map[string]string{}
			for i, d := range dirs {
				for rel, sum := range tree(t, d) {
					all[fmt.Sprint(i, ":", rel)] = sum
				}
			}
			states = append(states, all)
		})
		return states
	}
	a, b := run(), run()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
}

// A file removed by its writer is removed everywhere; a copy removed by another laptop comes
// back.
func TestRemovals(t *testing.T) {
	ls, dirs := laptops(t, 3)
	c := NewCloud(Options{Seed: 3}, dirs...)
	key := teamfolder.KeyName(ids[1])
	ls[0].write(t, key, []byte("a citizen's data key"))
	ls[0].write(t, teamfolder.BatchName(1), []byte("batch"))
	c.Step()
	theirs := filepath.Join(dirs[2], teamfolder.LaptopsDir, ids[0], teamfolder.BatchName(1))
	if err := os.Remove(theirs); err != nil {
		t.Fatal(err)
	}
	if err := ls[0].f.RemoveOwn(key); err != nil {
		t.Fatal(err)
	}
	c.Step()
	for i, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, teamfolder.LaptopsDir, ids[0], key)); err == nil {
			t.Errorf("dir %d still has the removed key file", i)
		}
	}
	if _, err := os.Stat(theirs); err != nil {
		t.Errorf("the copy removed by another laptop did not come back: %v", err)
	}
}

// Two laptops writing the same name (both made a team file before they saw each other's):
// the first one the cloud saw wins everywhere, like a real client.
func TestSameNameWrittenTwice(t *testing.T) {
	_, dirs := laptops(t, 2)
	for i, d := range dirs {
		if err := teamfolder.WriteTeamFile(d, teamfolder.TeamFile{TeamID: fmt.Sprint("team", i)}); err != nil {
			t.Fatal(err)
		}
	}
	c := NewCloud(Options{Seed: 1, Duplicate: 0.5}, dirs...)
	c.Step()
	c.Settle()
	var got []string
	for _, d := range dirs {
		tf, err := teamfolder.ReadTeamFile(d)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tf.TeamID)
	}
	if got[0] != "team0" || got[1] != "team0" {
		t.Errorf("team ids %v", got)
	}
	a, b := tree(t, dirs[0]), tree(t, dirs[1])
	keys := func(m map[string]string) []string {
		var k []string
		for x := range m {
			k = append(k, x)
		}
		sort.Strings(k)
		return k
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("trees differ: %v %v", keys(a), keys(b))
	}
}

func TestBumpNumber(t *testing.T) {
	cases := map[string]string{
		"batch-000000000007.icm": "batch-000000000009.icm",
		"batch-999.icm":          "batch-1001.icm",
		"icm-team.json":          "",
	}
	for in, want := range cases {
		if got := bumpNumber(in, 2); got != want {
			t.Errorf("bumpNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
