package syncstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/syncstore"
)

// gormDB is the transaction handle syncstore works in.
type gormDB = gorm.DB

// roundTrip encodes changes as JSON and back, as they travel in a batch or a snapshot.
func roundTrip(t testing.TB, changes []syncstore.Change) []syncstore.Change {
	t.Helper()
	body, err := json.Marshal(changes)
	if err != nil {
		t.Fatal(err)
	}
	return batch{body: body}.changes(t)
}

// debugSync prints every published change and every apply (set by hand when a test fails).
var debugSync = os.Getenv("SYNC_DEBUG") != ""

// testNow is the fixed clock of the services in these tests.
var testNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// laptop is one laptop of a team in a test: its own database, its hybrid logical clock (a
// counter: "000000000012.B" is counter 12 on laptop B), the batches it published and the
// batches of the others it applied. It does what the engine does around syncstore, with a
// JSON round trip for every batch as the folder would.
type laptop struct {
	t       testing.TB
	name    string
	st      *store.Store
	clock   int64
	batches []batch
	applied map[string]int // per laptop: how many of its batches are applied here
}

// batch is one published batch and what its laptop had applied when it published it.
type batch struct {
	body []byte
	deps map[string]int
}

func newLaptop(t testing.TB, name string) *laptop {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), name+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return &laptop{t: t, name: name, st: st, applied: map[string]int{}}
}

func (l *laptop) tx(fn func(tx *gorm.DB) error) {
	l.t.Helper()
	if err := l.st.SyncTx(context.Background(), fn); err != nil {
		l.t.Fatalf("%s: %v", l.name, err)
	}
}

// hlc is the next clock value of the laptop.
func (l *laptop) hlc() string {
	l.clock++
	return fmt.Sprintf("%012d.%s", l.clock, l.name)
}

// see moves the clock past every HLC of changes.
func (l *laptop) see(changes []syncstore.Change) {
	for _, ch := range changes {
		for _, h := range ch.HLC {
			n, err := strconv.ParseInt(strings.SplitN(h, ".", 2)[0], 10, 64)
			if err != nil {
				l.t.Fatalf("hlc %q: %v", h, err)
			}
			l.clock = max(l.clock, n)
		}
	}
}

// publish reads the outbox, stamps every change with one new HLC and publishes it as the
// next batch; it returns the changes (nil when there was nothing to publish).
func (l *laptop) publish() []syncstore.Change {
	l.t.Helper()
	var out []syncstore.Change
	l.tx(func(tx *gorm.DB) error {
		changes, upTo, err := syncstore.Pending(tx, 0)
		if err != nil || len(changes) == 0 {
			return err
		}
		for i := range changes {
			h := l.hlc()
			changes[i].HLC = map[string]string{}
			for col := range changes[i].Cols {
				changes[i].HLC[col] = h
			}
		}
		if err := syncstore.Stamp(tx, changes, upTo); err != nil {
			return err
		}
		out = changes
		return nil
	})
	if len(out) > 0 {
		if debugSync {
			for _, ch := range out {
				fmt.Printf("PUB %s#%d %s %s %s cols=%v hlc=%v base=%v\n", l.name, len(l.batches)+1, ch.Op, ch.Table, ch.UID, ch.Cols, ch.HLC, ch.Base)
			}
		}
		body, err := json.Marshal(out)
		if err != nil {
			l.t.Fatal(err)
		}
		deps := map[string]int{}
		for k, v := range l.applied {
			deps[k] = v
		}
		l.batches = append(l.batches, batch{body: body, deps: deps})
	}
	return out
}

// changes decodes a batch as the engine would (numbers become float64).
func (b batch) changes(t testing.TB) []syncstore.Change {
	var out []syncstore.Change
	if err := json.Unmarshal(b.body, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// apply applies from's batch n (1-based) here; the caller sees to the order.
func (l *laptop) apply(from *laptop, n int) syncstore.Result {
	l.t.Helper()
	changes := from.batches[n-1].changes(l.t)
	if debugSync {
		fmt.Printf("APPLY %s <- %s#%d\n", l.name, from.name, n)
	}
	var res syncstore.Result
	l.tx(func(tx *gorm.DB) error {
		var err error
		res, err = syncstore.Apply(tx, changes, from.name)
		return err
	})
	l.see(changes)
	if debugSync {
		fmt.Printf("RESULT %s <- %s#%d %+v\n", l.name, from.name, n, res)
	}
	if n > l.applied[from.name] {
		l.applied[from.name] = n
	}
	return res
}

// canApply reports that from's batch n is the next one here and its dependencies are met.
func (l *laptop) canApply(from *laptop, n int) bool {
	if n != l.applied[from.name]+1 || n > len(from.batches) {
		return false
	}
	for k, v := range from.batches[n-1].deps {
		if k != l.name && l.applied[k] < v {
			return false
		}
	}
	return true
}

// catchUp applies every batch of the others that can be applied, until none can.
func (l *laptop) catchUp(others ...*laptop) {
	l.t.Helper()
	for progress := true; progress; {
		progress = false
		for _, o := range others {
			if o != l && l.canApply(o, l.applied[o.name]+1) {
				l.apply(o, l.applied[o.name]+1)
				progress = true
			}
		}
	}
}

// dump is the laptop's canonical sync dump.
func (l *laptop) dump() string {
	l.t.Helper()
	var out string
	l.tx(func(tx *gorm.DB) error {
		var err error
		out, err = syncstore.Dump(tx)
		return err
	})
	return out
}

// deps are the laptop's services acting as the worker with these initials (0 for the
// command line when initials is "").
func (l *laptop) deps(initials string) service.Deps {
	l.t.Helper()
	d := service.Deps{Store: l.st, Clock: func() time.Time { return testNow }}
	if initials == "" {
		return d
	}
	ws, err := service.NewTeamService(d).ListWorkers()
	if err != nil {
		l.t.Fatal(err)
	}
	for _, w := range ws {
		if w.Initials == initials {
			d.As = &service.Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
			return d
		}
	}
	l.t.Fatalf("%s: no worker %s", l.name, initials)
	return d
}

// scalar reads one value with SQL on the laptop.
func (l *laptop) scalar(q string, args ...any) string {
	l.t.Helper()
	var out string
	l.tx(func(tx *gorm.DB) error {
		return tx.Raw(q, args...).Row().Scan(&out)
	})
	return out
}

// localID is the laptop's id of the row with this uid.
func (l *laptop) localID(uid string) uint {
	l.t.Helper()
	n, err := strconv.ParseUint(l.scalar(`SELECT row_id FROM sync_ids WHERE uid = ?`, uid), 10, 64)
	if err != nil {
		l.t.Fatalf("%s: uid %s: %v", l.name, uid, err)
	}
	return uint(n)
}

// uid is the team-wide id of a local row.
func (l *laptop) uid(table string, id uint) string {
	l.t.Helper()
	return l.scalar(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, table, id)
}

// must fails the test on an error of a service call and returns its value.
func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// sameDumps fails unless every laptop has the dump of the first.
func sameDumps(t testing.TB, ls ...*laptop) string {
	t.Helper()
	want := ls[0].dump()
	for _, l := range ls[1:] {
		if got := l.dump(); got != want {
			if debugSync {
				for _, line := range strings.Split(diff(want, got), "\n") {
					f := strings.Fields(line)
					if len(f) >= 4 && f[1] == "deleted" {
						for _, x := range ls {
							fmt.Printf("ID %s %s: %s\n", x.name, f[3], x.scalar(`SELECT COALESCE((SELECT tbl || ' ' || COALESCE(row_id, 'NULL') || ' ' || COALESCE(hlc, 'NULL') || ' ' || deleted FROM sync_ids WHERE uid = ?), 'none')`, f[3]))
						}
					}
				}
			}
			t.Fatalf("%s and %s differ:\n%s", ls[0].name, l.name, diff(want, got))
		}
	}
	return want
}

// diff shows the lines only one side has.
func diff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
