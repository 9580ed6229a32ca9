package teamfolder

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
)

func TestWriteOwnPutsTheWholeFileUnderItsName(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := f.WriteOwn(BatchName(1), []byte("first")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(f.Root, LaptopsDir, laptopA, BatchName(1)))
	if err != nil || string(got) != "first" {
		t.Fatalf("read back %q %v", got, err)
	}
	left, _ := filepath.Glob(filepath.Join(f.Root, LaptopsDir, laptopA, "*.tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteOwnNeverReplacesAFile(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := f.WriteOwn(BatchName(1), []byte("first")); err != nil {
		t.Fatal(err)
	}
	err := f.WriteOwn(BatchName(1), []byte("second"))
	if !errors.Is(err, ErrExists) || domain.CodeOf(err) != domain.CodeWriteFailed {
		t.Fatalf("second write: %v", err)
	}
	got, _ := os.ReadFile(filepath.Join(f.Root, LaptopsDir, laptopA, BatchName(1)))
	if string(got) != "first" {
		t.Errorf("file now %q", got)
	}
}

func TestWriteOwnRefusesWhatNoReaderWouldTake(t *testing.T) {
	f := openTemp(t, laptopA)
	cases := []struct {
		name  string
		data  []byte
		cause error
	}{
		{"batch-1.icm", []byte("x"), ErrBadName},
		{"../" + laptopB + "/" + BatchName(1), []byte("x"), ErrBadName},
		{"icm.db", []byte("x"), ErrBadName},
		{BatchName(1) + ".tmp", []byte("x"), ErrBadName},
		{BatchName(2), nil, ErrIncomplete},
	}
	for _, c := range cases {
		if err := f.WriteOwn(c.name, c.data); !errors.Is(err, c.cause) {
			t.Errorf("WriteOwn(%q) = %v, want %v", c.name, err, c.cause)
		}
	}
	old := maxSize
	maxSize = 8
	defer func() { maxSize = old }()
	err := f.WriteOwn(BatchName(3), []byte("123456789"))
	if !errors.Is(err, ErrTooLarge) || domain.CodeOf(err) != domain.CodeFileTooLarge {
		t.Errorf("too large: %v", err)
	}
	entries, skipped, _ := f.List()
	if len(entries)+len(skipped) != 0 {
		t.Errorf("refused writes left files: %v %v", entries, skipped)
	}
}

// A crash after the temporary file is written and before the rename leaves only the
// temporary name, which List skips; the next write of that name replaces it.
func TestCrashBeforeRenameLeavesNoFinalName(t *testing.T) {
	f := openTemp(t, laptopA)
	dir := filepath.Join(f.Root, LaptopsDir, laptopA)
	if _, err := writeTemp(dir, BatchName(1), []byte("half")); err != nil {
		t.Fatal(err)
	}
	entries, skipped, err := f.List()
	if err != nil || len(entries) != 0 || len(skipped) != 1 || skipped[0].Reason != SkipTemporary {
		t.Fatalf("after crash: %v %v %v", entries, skipped, err)
	}
	if err := f.WriteOwn(BatchName(1), []byte("whole")); err != nil {
		t.Fatal(err)
	}
	entries, skipped, _ = f.List()
	if len(entries) != 1 || len(skipped) != 0 {
		t.Fatalf("after rewrite: %v %v", entries, skipped)
	}
	if got, err := f.Read(entries[0]); err != nil || string(got) != "whole" {
		t.Errorf("read %q %v", got, err)
	}
}

// payload is what the killed writer writes as batch n: large enough that a kill lands
// inside a write.
func payload(n uint64) []byte {
	return bytes.Repeat([]byte(fmt.Sprintf("batch %d;", n)), 200_000)
}

// TestHelperKilledWriter is the process TestKillDuringWritesLeavesOnlyWholeFiles kills.
func TestHelperKilledWriter(t *testing.T) {
	root := os.Getenv("TEAMFOLDER_KILL_ROOT")
	if root == "" {
		t.Skip("helper process only")
	}
	f, err := Open(root, laptopA)
	if err != nil {
		t.Fatal(err)
	}
	entries, _, _ := f.List()
	for n := uint64(len(entries)) + 1; ; n++ {
		if err := f.WriteOwn(BatchName(n), payload(n)); err != nil {
			t.Fatal(err)
		}
		fmt.Println("wrote", n)
	}
}

func TestKillDuringWritesLeavesOnlyWholeFiles(t *testing.T) {
	root := t.TempDir()
	for round, wait := range []time.Duration{0, 3 * time.Millisecond, 7 * time.Millisecond, 13 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKilledWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TEAMFOLDER_KILL_ROOT="+root)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for lines := 0; lines < 2 && sc.Scan(); {
			if strings.HasPrefix(sc.Text(), "wrote") {
				lines++
			}
		}
		time.Sleep(wait)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()

		f, err := Open(root, laptopA)
		if err != nil {
			t.Fatal(err)
		}
		entries, skipped, err := f.List()
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range entries {
			if e.Seq != uint64(i+1) {
				t.Fatalf("round %d: gap before %s", round, e.Name)
			}
			got, err := f.Read(e)
			if err != nil || !bytes.Equal(got, payload(e.Seq)) {
				t.Fatalf("round %d: %s is not whole (%d bytes, %v)", round, e.Name, len(got), err)
			}
		}
		for _, s := range skipped {
			if s.Reason != SkipTemporary {
				t.Errorf("round %d: left %s (%s)", round, s.Name, s.Reason)
			}
		}
		t.Logf("round %d: %d whole files, %d temporary", round, len(entries), len(skipped))
	}
}

func TestWriteJoinReplacesTheEarlierRequest(t *testing.T) {
	f := openTemp(t, laptopB)
	for _, body := range []string{"first request", "second"} {
		if err := f.WriteJoin([]byte(body)); err != nil {
			t.Fatal(err)
		}
		entries, skipped, _ := f.List()
		if len(entries) != 1 || len(skipped) != 0 {
			t.Fatalf("entries %v skipped %v", entries, skipped)
		}
		e := entries[0]
		if e.Kind != KindJoin || e.Laptop != laptopB || e.Name != JoinName(laptopB) {
			t.Errorf("entry %+v", e)
		}
		if got, err := f.Read(e); err != nil || string(got) != body {
			t.Errorf("read %q %v", got, err)
		}
	}
	if err := f.RemoveJoin(); err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveJoin(); err != nil {
		t.Errorf("second remove: %v", err)
	}
	if entries, _, _ := f.List(); len(entries) != 0 {
		t.Errorf("after remove: %v", entries)
	}
}

func TestRemoveOwn(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := f.WriteOwn(KeyName(citizen), []byte("key")); err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveOwn(KeyName(citizen)); err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveOwn(KeyName(citizen)); err != nil {
		t.Errorf("removing a file that is gone: %v", err)
	}
	if err := f.RemoveOwn("../../icm-team.json"); !errors.Is(err, ErrBadName) {
		t.Errorf("remove outside: %v", err)
	}
	if entries, _, _ := f.List(); len(entries) != 0 {
		t.Errorf("after remove: %v", entries)
	}
}
