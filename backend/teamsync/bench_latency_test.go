package teamsync_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamfolder"
	"icm/backend/teamsync"
)

// The app's timing of Engine.Run (app.go): a publish check every 500 ms, a scan of the
// folder every 30 s besides the file notifications.
const (
	appPoll = 500 * time.Millisecond
	appScan = 30 * time.Second
)

// latencyNotes is how many notes BenchmarkNoteToOtherLaptop sends per run.
const latencyNotes = 20

// liveLaptop is a laptop of the latency benchmark: its database, its engine on the shared
// folder, and the worker who acts on it.
type liveLaptop struct {
	path string
	st   *store.Store
	eng  *teamsync.Engine
	as   service.Actor
}

func (l *liveLaptop) deps() service.Deps {
	a := l.as
	return service.Deps{Store: l.st, Clock: time.Now, As: &a}
}

// openLive opens a new, empty database for a laptop.
func openLive(tb testing.TB, root, name string) *liveLaptop {
	tb.Helper()
	l := &liveLaptop{path: filepath.Join(root, name, "icm.db")}
	if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
		tb.Fatal(err)
	}
	st, err := store.Open(context.Background(), l.path)
	if err != nil {
		tb.Fatalf("%s: store.Open: %v", name, err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	l.st = st
	return l
}

// actAsWorker makes the worker with these initials the one who acts on the laptop.
func (l *liveLaptop) actAsWorker(tb testing.TB, initials string) {
	tb.Helper()
	ws, err := service.NewTeamService(service.Deps{Store: l.st, Clock: time.Now}).ListWorkers()
	if err != nil {
		tb.Fatal(err)
	}
	for _, w := range ws {
		if w.Initials == initials {
			l.as = service.Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
			return
		}
	}
	tb.Fatalf("no worker %s on the laptop", initials)
}

// uidOfWorker is the team-wide id of the worker with these initials.
func uidOfWorker(tb testing.TB, st *store.Store, initials string) string {
	tb.Helper()
	var uid string
	st.Gorm().Raw(`SELECT s.uid FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id WHERE w.initials = ?`,
		initials).Scan(&uid)
	if uid == "" {
		tb.Fatalf("no uid for worker %s", initials)
	}
	return uid
}

// newLiveTeam founds a small team on one shared folder (no file service between the
// laptops): the lead's laptop, and the laptops of workers AA (with a citizen's course) and
// BO, both enrolled and holding the team's data.
func newLiveTeam(tb testing.TB) (folder string, a, b *liveLaptop) {
	tb.Helper()
	ctx := context.Background()
	root := tb.TempDir()
	folder = filepath.Join(root, "team")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		tb.Fatal(err)
	}
	lead := openLive(tb, root, "lead")
	d := service.Deps{Store: lead.st, Clock: time.Now}
	teams := service.NewTeamService(d)
	check := func(what string, err error) {
		tb.Helper()
		if err != nil {
			tb.Fatalf("%s: %v", what, err)
		}
	}
	_, err := teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1})
	check("SetupTeam", err)
	for _, ini := range []string{"AA", "BO"} {
		_, err := teams.SaveWorker(service.WorkerInput{Name: "Medarbejder " + ini, Initials: ini,
			Role: string(domain.RoleICMWorker), FTE: 1, Active: true})
		check("SaveWorker", err)
	}
	lead.actAsWorker(tb, "AA")
	c, err := service.NewCitizenService(d).SaveCitizen(service.CitizenInput{Name: "Borger Testesen"})
	check("SaveCitizen", err)
	_, err = service.NewCourseService(d).CreateCourse(service.CreateCourseInput{CitizenID: c.ID,
		WorkerID: lead.as.WorkerID, StartDate: "2026-11-01"})
	check("CreateCourse", err)
	lead.eng, err = teamsync.Found(ctx, lead.st.Gorm(), lead.path, folder, uidOfWorker(tb, lead.st, "ML"), "lead", time.Now)
	check("Found", err)
	a, b = openLive(tb, root, "AA"), openLive(tb, root, "BO")
	for _, l := range []*liveLaptop{a, b} {
		_, err := teamsync.Join(ctx, l.st.Gorm(), l.path, folder, "", lead.eng.Fingerprint(), time.Now)
		check("Join", err)
		l.eng, err = teamsync.Open(l.st.Gorm(), l.path, time.Now)
		check("Open", err)
	}
	check("Enroll AA", lead.eng.Enroll(ctx, a.eng.LaptopID(), uidOfWorker(tb, lead.st, "AA"), false))
	check("Enroll BO", lead.eng.Enroll(ctx, b.eng.LaptopID(), uidOfWorker(tb, lead.st, "BO"), false))
	for _, l := range []*liveLaptop{a, b} {
		_, err := l.eng.SyncOnce(ctx)
		check("first sync", err)
	}
	a.actAsWorker(tb, "AA")
	b.actAsWorker(tb, "BO")
	return folder, a, b
}

// BenchmarkNoteToOtherLaptop: with the app open on two laptops (each engine in Run with the
// app's timing, on one shared folder, so the file service's own delay is left out), the time
// from saving a journal note on laptop A until it is in laptop B's database. Each run saves
// latencyNotes notes, one after the other, at varying moments against A's publish tick.
// Reported: the median and the slowest note, and the median until A's batch file was in the
// folder.
func BenchmarkNoteToOtherLaptop(b *testing.B) {
	folder, a, other := newLiveTeam(b)
	var course uint
	a.st.Gorm().Raw(`SELECT id FROM courses WHERE worker_id = ? ORDER BY id LIMIT 1`, a.as.WorkerID).Scan(&course)
	if course == 0 {
		b.Fatal("laptop A holds no course of its worker")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	for _, l := range []*liveLaptop{a, other} {
		running.Add(1)
		go func(e *teamsync.Engine) {
			defer running.Done()
			e.Run(ctx, appPoll, appScan)
		}(l.eng)
	}
	defer func() { cancel(); running.Wait() }()
	time.Sleep(time.Second) // both engines made their first pass
	notes := service.NewNoteService(a.deps())
	ownDir := filepath.Join(folder, teamfolder.LaptopsDir, a.eng.LaptopID())
	var visible, published []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for n := 0; n < latencyNotes; n++ {
			st, err := a.eng.Status(ctx)
			if err != nil {
				b.Fatal(err)
			}
			nextFile := filepath.Join(ownDir, teamfolder.BatchName(st.NextSeq))
			text := fmt.Sprintf("Måling %d.%d: besøg i hjemmet, talte om økonomi og næste aftale", i, n)
			start := time.Now()
			if _, err := notes.SaveNote(service.NoteInput{CourseID: course, OccurredAt: "2026-12-01T10:00",
				DurationMinutes: 30, Location: "home", Kind: "visit", Text: text}); err != nil {
				b.Fatal(err)
			}
			pub := 0.0
			for {
				if pub == 0 {
					if _, err := os.Stat(nextFile); err == nil {
						pub = ms(time.Since(start))
					}
				}
				var got int64
				other.st.Gorm().Raw(`SELECT COUNT(*) FROM notes WHERE text = ?`, text).Scan(&got)
				if got > 0 {
					visible = append(visible, ms(time.Since(start)))
					break
				}
				if time.Since(start) > 60*time.Second {
					b.Fatalf("note %d did not reach laptop B in a minute", n)
				}
				time.Sleep(2 * time.Millisecond)
			}
			published = append(published, pub)
			// Vary the moment of the next save against A's 500 ms publish tick.
			time.Sleep(time.Duration((n*173)%500) * time.Millisecond)
		}
	}
	b.StopTimer()
	b.ReportMetric(percentile(visible, 50), "median-ms")
	b.ReportMetric(percentile(visible, 100), "max-ms")
	b.ReportMetric(percentile(visible, 0), "min-ms")
	b.ReportMetric(percentile(published, 50), "published-median-ms")
	b.ReportMetric(float64(len(visible)), "notes")
}

// ms is a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// percentile is the p-th percentile of v (nearest rank; 0 the smallest, 100 the largest).
func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	i := int(p/100*float64(len(s)-1) + 0.5)
	return s[min(max(i, 0), len(s)-1)]
}
