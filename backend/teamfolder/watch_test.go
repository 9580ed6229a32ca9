package teamfolder

import (
	"context"
	"errors"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watching runs f.Watch until the test ends and reports every call on the channel.
func watching(t *testing.T, f *Folder, every time.Duration, slow time.Duration) (<-chan struct{}, *int32) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan struct{}, 1000)
	var inside, most int32
	done := make(chan error, 1)
	go func() {
		done <- f.Watch(ctx, every, func() {
			n := atomic.AddInt32(&inside, 1)
			for {
				m := atomic.LoadInt32(&most)
				if n <= m || atomic.CompareAndSwapInt32(&most, m, n) {
					break
				}
			}
			time.Sleep(slow)
			atomic.AddInt32(&inside, -1)
			calls <- struct{}{}
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Watch returned %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Watch did not return when its context ended")
		}
	})
	wait(t, calls, "the first call")
	return calls, &most
}

func wait(t *testing.T, calls <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-calls:
	case <-time.After(5 * time.Second):
		t.Fatalf("no call for %s", what)
	}
}

func quiet(t *testing.T, calls <-chan struct{}, d time.Duration) int {
	t.Helper()
	n := 0
	deadline := time.After(d)
	for {
		select {
		case <-calls:
			n++
		case <-deadline:
			return n
		}
	}
}

func TestWatchSeesAFileInANewLaptopFolder(t *testing.T) {
	f := openTemp(t, laptopA)
	calls, _ := watching(t, f, time.Hour, 0) // the scan never runs: only notifications can tell
	if n := quiet(t, calls, 300*time.Millisecond); n != 0 {
		t.Fatalf("%d calls with nothing new", n)
	}
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("new laptop"))
	wait(t, calls, "a new laptop folder with a file")
	// and a later file in the folder that appeared while watching
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(2), []byte("second"))
	wait(t, calls, "a second file in the new folder")
	put(t, f.Root, "join/"+JoinName(laptopC), []byte("join"))
	wait(t, calls, "a join request")
}

func TestWatchScansWhenNotificationsCannotStart(t *testing.T) {
	newWatcher = func() (*fsnotify.Watcher, error) { return nil, errors.New("no inotify watches left") }
	defer func() { newWatcher = fsnotify.NewWatcher }()
	f := openTemp(t, laptopA)
	calls, _ := watching(t, f, 100*time.Millisecond, 0)
	if n := quiet(t, calls, 350*time.Millisecond); n != 0 {
		t.Fatalf("%d calls with nothing new", n)
	}
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("part"))
	wait(t, calls, "a new file, by scanning")
	// a partial copy completed under the same name is a change too
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("part and the rest"))
	wait(t, calls, "a file that grew, by scanning")
	// names no reader takes are no change
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(2)+".tmp", []byte("x"))
	put(t, f.Root, "laptops/"+laptopB+"/batch-000000000001 (1).icm", []byte("x"))
	if n := quiet(t, calls, 350*time.Millisecond); n != 0 {
		t.Errorf("%d calls for skipped names", n)
	}
}

func TestWatchReportsABurstOnceAndNeverOverlaps(t *testing.T) {
	f := openTemp(t, laptopA)
	calls, most := watching(t, f, time.Hour, 30*time.Millisecond)
	for i := uint64(1); i <= 40; i++ {
		put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(i), []byte("batch"))
	}
	wait(t, calls, "the burst")
	extra := quiet(t, calls, 600*time.Millisecond)
	if extra > 2 {
		t.Errorf("a burst of 40 files gave %d calls", extra+1)
	}
	// a steady trickle for longer than the debounce limit is still reported while it lasts
	stop := time.After(3 * time.Second)
	got := 0
	for i := uint64(100); ; i++ {
		select {
		case <-stop:
			if got == 0 {
				t.Error("no call during a steady trickle of files")
			}
			if atomic.LoadInt32(most) > 1 {
				t.Errorf("calls overlapped (%d at once)", atomic.LoadInt32(most))
			}
			return
		case <-calls:
			got++
		case <-time.After(50 * time.Millisecond):
			put(t, f.Root, "laptops/"+laptopC+"/"+BatchName(i), []byte("b"))
		}
	}
}

func TestWatchNeedsACallback(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := f.Watch(context.Background(), time.Second, nil); err == nil {
		t.Error("no error without a callback")
	}
}

// The team folder goes away (a USB stick pulled out, a network share gone) and comes back:
// one call when it went, so that a pass can say so, none while it stays away, and one when
// it is back, whatever notifications said or not.
func TestWatchCallsWhenTheFolderGoesAndComesBack(t *testing.T) {
	f := openTemp(t, laptopA)
	calls, _ := watching(t, f, minScanEvery, 0)
	away := f.Root + "-away"
	if err := os.Rename(f.Root, away); err != nil {
		t.Fatal(err)
	}
	wait(t, calls, "the folder going away")
	if n := quiet(t, calls, 3*minScanEvery); n != 0 {
		t.Fatalf("%d calls while the folder stayed away", n)
	}
	if err := os.Rename(away, f.Root); err != nil {
		t.Fatal(err)
	}
	wait(t, calls, "the folder coming back")
}

// A team folder that is gone is an error to List, never an empty folder.
func TestListOfAFolderThatIsGone(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := os.Rename(f.Root, f.Root+"-away"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.List(); !errors.Is(err, ErrNotFolder) || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("List of a folder that is gone: %v", err)
	}
}
