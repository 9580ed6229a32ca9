package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// runDemoTeamCmd runs `icmctl -demo-team DIR` in English and returns the exit code and both
// outputs.
func runDemoTeamCmd(t *testing.T, dir string, extra ...string) (int, string, string) {
	t.Helper()
	io, out, errb := testIO(nil)
	_, code, done := run(append([]string{"icmctl", "-demo-team", dir, "-lang", "en"}, extra...), io)
	if !done {
		t.Fatalf("-demo-team %s did not finish as a command", dir)
	}
	return code, out.String(), errb.String()
}

// demoSide is one of the demo team's laptops opened by a test, as its window would open it.
type demoSide struct {
	st  *store.Store
	eng *teamsync.Engine
}

func openDemoSide(t *testing.T, path string) *demoSide {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	eng, err := teamsync.Open(st.Gorm(), path, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	return &demoSide{st: st, eng: eng}
}

// as is the service dependencies of the worker with initials on this laptop.
func (s *demoSide) as(t *testing.T, initials string, role domain.Role, now time.Time) service.Deps {
	t.Helper()
	var w struct {
		ID   uint
		Name string
	}
	s.st.Gorm().Raw(`SELECT id, name FROM workers WHERE initials = ?`, initials).Scan(&w)
	if w.ID == 0 {
		t.Fatalf("no worker %s on this laptop", initials)
	}
	return service.Deps{Store: s.st, Clock: func() time.Time { return now },
		As: &service.Actor{WorkerID: w.ID, Name: w.Name, Initials: initials, Role: role}}
}

// aishasCourse is an open course of Aisha Khalil's on this laptop.
func (s *demoSide) aishasCourse(t *testing.T) uint {
	t.Helper()
	var id uint
	s.st.Gorm().Raw(`SELECT c.id FROM courses c JOIN workers w ON w.id = c.worker_id
		WHERE w.initials = 'AK' AND c.status <> 'closed' ORDER BY c.id LIMIT 1`).Scan(&id)
	if id == 0 {
		t.Fatal("Aisha has no open course on this laptop")
	}
	return id
}

func (s *demoSide) noteTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	if err := s.st.Gorm().Raw(`SELECT text FROM notes ORDER BY text`).Scan(&texts).Error; err != nil {
		t.Fatal(err)
	}
	return texts
}

// The demo team converges both ways: a note written on the lead's laptop reaches the
// worker's, and one Aisha writes on hers reaches the lead's. Running the command again on
// the finished team only prints the instructions again.
func TestDemoTeamCarriesNotesBothWays(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "icm-demo-team")
	code, out, errs := runDemoTeamCmd(t, dir)
	if code != 0 {
		t.Fatalf("-demo-team: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"icm -db " + filepath.Join(dir, "lead.db"), "icm -db " + filepath.Join(dir, "worker.db"),
		"sign in as mette", "sign in as aisha", service.DemoPassword, "journal note"} {
		if !strings.Contains(out, want) {
			t.Errorf("the instructions lack %q:\n%s", want, out)
		}
	}
	folder := filepath.Join(dir, "teammappe")
	before := folderNames(t, folder)

	t.Run("run again", func(t *testing.T) {
		code, again, errs := runDemoTeamCmd(t, dir)
		if code != 0 || again != out {
			t.Fatalf("a second run: exit %d\n%s%s\nwant the same instructions:\n%s", code, again, errs, out)
		}
		if after := folderNames(t, folder); !slices.Equal(before, after) {
			t.Fatalf("a second run changed the team folder: %v -> %v", before, after)
		}
	})

	t.Run("notes travel both ways", func(t *testing.T) {
		lead, worker := openDemoSide(t, filepath.Join(dir, "lead.db")), openDemoSide(t, filepath.Join(dir, "worker.db"))
		if st, err := worker.eng.Status(context.Background()); err != nil || !st.Enrolled || st.Lead {
			t.Fatalf("the worker's laptop is not an enrolled worker's: %+v %v", st, err)
		}
		now := time.Now().Truncate(time.Minute)
		at := now.Add(-time.Hour).Format("2006-01-02T15:04")
		fromLead, fromWorker := "Notat skrevet hos teamlederen", "Notat skrevet af Aisha på sin egen computer"
		if _, err := service.NewNoteService(lead.as(t, "ML", domain.RoleTeamLead, now)).SaveNote(service.NoteInput{
			CourseID: lead.aishasCourse(t), OccurredAt: at, DurationMinutes: 15, Location: "home", Kind: "visit", Text: fromLead}); err != nil {
			t.Fatalf("the lead's note: %v", err)
		}
		if _, err := service.NewNoteService(worker.as(t, "AK", domain.RoleICMWorker, now)).SaveNote(service.NoteInput{
			CourseID: worker.aishasCourse(t), OccurredAt: at, DurationMinutes: 20, Location: "home", Kind: "visit", Text: fromWorker}); err != nil {
			t.Fatalf("Aisha's note: %v", err)
		}
		ctx := context.Background()
		for pass := 0; pass < 6; pass++ {
			for _, s := range []*demoSide{lead, worker} {
				if _, err := s.eng.SyncOnce(ctx); err != nil {
					t.Fatalf("pass %d: %v", pass, err)
				}
			}
		}
		leadNotes, workerNotes := lead.noteTexts(t), worker.noteTexts(t)
		if !slices.Equal(leadNotes, workerNotes) {
			t.Fatalf("the laptops hold different notes:\nlead:   %q\nworker: %q", leadNotes, workerNotes)
		}
		for _, want := range []string{fromLead, fromWorker} {
			if !slices.Contains(leadNotes, want) {
				t.Errorf("the note %q is missing on both laptops", want)
			}
		}
	})
}

// folderNames lists every file under folder, relative to it, sorted.
func folderNames(t *testing.T, folder string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(folder, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(folder, p)
			names = append(names, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// A folder with anything in it but a finished demo team is refused and left as it was:
// another program's files, or an unfinished demo team. -db beside it is wrong use.
func TestDemoTeamRefusesAFolderInUse(t *testing.T) {
	cases := []struct {
		name  string
		files []string
	}{
		{"a stranger's file", []string{"budget.ods"}},
		{"the user's own database", []string{"icm.db"}},
		{"an unfinished demo team", []string{"lead.db", "teammappe/team.json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range c.files {
				p := filepath.Join(dir, f)
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("not ours"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			before := folderNames(t, dir)
			code, out, errs := runDemoTeamCmd(t, dir)
			if code != 1 || !strings.Contains(errs, string(codeDemoDirInUse)) || out != "" {
				t.Fatalf("exit %d\n%s%s", code, out, errs)
			}
			if after := folderNames(t, dir); !slices.Equal(before, after) {
				t.Fatalf("the folder changed: %v -> %v", before, after)
			}
			for _, f := range c.files {
				if b, _ := os.ReadFile(filepath.Join(dir, f)); string(b) != "not ours" {
					t.Fatalf("%s was changed", f)
				}
			}
		})
	}
	if code, _, errs := runDemoTeamCmd(t, t.TempDir(), "-db", "x.db"); code != 2 {
		t.Fatalf("-demo-team with -db: exit %d (%s), want 2", code, errs)
	}
}
