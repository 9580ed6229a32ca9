package backup_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/backup"
)

// envKilledRestore tells the re-executed test binary to stage a restore and wait to be
// killed: "<db>|<backup file>".
const envKilledRestore = "ICM_TEST_RESTORE_TO_KILL"

// TestRestoreToBeKilled is the child of TestKilledRestoreLeavesNothingForGood: it decrypts a
// backup beside the database, says so on stdout and waits at the hook until it is killed.
func TestRestoreToBeKilled(t *testing.T) {
	spec := os.Getenv(envKilledRestore)
	if spec == "" {
		t.Skip("run by TestKilledRestoreLeavesNothingForGood")
	}
	db, src, _ := strings.Cut(spec, "|")
	defer backup.SetAfterDecrypt(func(tmp string) {
		fmt.Println("decrypted", filepath.Base(tmp))
		time.Sleep(time.Minute) // killed here
	})()
	_, err := backup.Stage(context.Background(), db, src, passphrase, backup.Staged{}, nil)
	t.Fatalf("the restore was not killed (%v)", err)
}

// leftovers lists the decrypted copies of a restore beside the database.
func leftovers(t *testing.T, db string) []string {
	t.Helper()
	names, err := filepath.Glob(db + ".restore-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// A restore killed after decrypting leaves a whole unencrypted copy of the backup; the next
// start (ApplyStaged) or restore (RemoveLeftovers) removes it, and nothing else.
func TestKilledRestoreLeavesNothingForGood(t *testing.T) {
	for _, next := range []string{"start", "restore"} {
		t.Run(next, func(t *testing.T) {
			st, db := demoStore(t)
			src, _ := encrypted(t, st)
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			cmd := osexec.Command(os.Args[0], "-test.run=^TestRestoreToBeKilled$", "-test.count=1")
			cmd.Env = append(os.Environ(), envKilledRestore+"="+db+"|"+src)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || !strings.HasPrefix(line, "decrypted ") {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("the child did not reach the hook: %q %v", line, err)
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			left := leftovers(t, db)
			if len(left) != 1 {
				t.Fatalf("after the kill: leftovers %v, want the one decrypted copy", left)
			}
			b, err := os.ReadFile(left[0])
			if err != nil || !strings.HasPrefix(string(b), "SQLite format 3") {
				t.Fatalf("the leftover is not the decrypted database (%v)", err)
			}
			// Another file whose name only looks alike stays.
			other := db + ".restore-notes.txt"
			if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			switch next {
			case "start":
				applied, err := backup.ApplyStaged(context.Background(), db, testNow)
				if err != nil || applied.Done {
					t.Fatalf("ApplyStaged: %+v %v (nothing was staged)", applied, err)
				}
			case "restore":
				if n := backup.RemoveLeftovers(db); n != 1 {
					t.Errorf("RemoveLeftovers removed %d, want 1", n)
				}
			}
			if left := leftovers(t, db); len(left) != 0 {
				t.Errorf("after the next %s: leftovers %v", next, left)
			}
			for _, keep := range []string{db, other} {
				if _, err := os.Stat(keep); err != nil {
					t.Errorf("%s: %v", filepath.Base(keep), err)
				}
			}
		})
	}
}
