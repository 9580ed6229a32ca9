package teamsync_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/syncstore"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// fakeTime is a clock shared by a test's laptops that moves a second at every reading, so
// stamps differ and order as in a real team (each laptop's HLC also copes with equal times).
type fakeTime struct {
	mu sync.Mutex
	t  time.Time
}

func (f *fakeTime) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(time.Second)
	return f.t
}

// laptop is one worker's laptop: its own database and its own copy of the team folder.
type laptop struct {
	name   string
	dbPath string
	dir    string
	st     *store.Store
	eng    *teamsync.Engine
	clock  *fakeTime
	actor  service.Actor
}

func (l *laptop) deps() service.Deps {
	a := l.actor
	return service.Deps{Store: l.st, Clock: l.clock.now, As: &a}
}

func newLaptop(t *testing.T, name string, clock *fakeTime) *laptop {
	t.Helper()
	root := t.TempDir()
	l := &laptop{name: name, dbPath: filepath.Join(root, "icm.db"), dir: filepath.Join(root, "team"), clock: clock}
	if err := os.MkdirAll(l.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), l.dbPath)
	if err != nil {
		t.Fatalf("%s: store.Open: %v", name, err)
	}
	t.Cleanup(func() { _ = st.Close() })
	l.st = st
	return l
}

// actAs makes the laptop's worker (by initials) the one who acts on it.
func (l *laptop) actAs(t *testing.T, initials string) {
	t.Helper()
	ws, err := service.NewTeamService(service.Deps{Store: l.st, Clock: l.clock.now}).ListWorkers()
	if err != nil {
		t.Fatalf("%s: ListWorkers: %v", l.name, err)
	}
	for _, w := range ws {
		if w.Initials == initials {
			l.actor = service.Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
			return
		}
	}
	t.Fatalf("%s: no worker %s here", l.name, initials)
}

func (l *laptop) sync(t *testing.T) teamsync.ApplyReport {
	t.Helper()
	rep, err := l.eng.SyncOnce(context.Background())
	if err != nil {
		t.Fatalf("%s: SyncOnce: %v", l.name, err)
	}
	return rep
}

func (l *laptop) dump(t *testing.T) string {
	t.Helper()
	d, err := syncstore.Dump(l.st.Gorm())
	if err != nil {
		t.Fatalf("%s: Dump: %v", l.name, err)
	}
	return d
}

func must[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

// team is a founded team: the lead's laptop and the workers' laptops, all enrolled and
// holding the team's data, with a simulated file service between their folders.
type team struct {
	clock   *fakeTime
	cloud   *faulty.Cloud
	laptops []*laptop
}

// newTeam founds a team on the lead's laptop with workers AA and BO, each with a citizen's
// course, and has one laptop per worker join. opt is how badly the file service behaves.
func newTeam(t *testing.T, opt faulty.Options, workers ...string) *team {
	t.Helper()
	ctx := context.Background()
	clock := &fakeTime{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	lead := newLaptop(t, "lead", clock)
	d := service.Deps{Store: lead.st, Clock: clock.now}
	teams := service.NewTeamService(d)
	must[service.TeamDTO](t, "SetupTeam")(teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune",
		TeamName: "ICM-teamet", LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}))
	for i, ini := range workers {
		w := must[service.WorkerDTO](t, "SaveWorker")(teams.SaveWorker(service.WorkerInput{Name: "Medarbejder " + ini,
			Initials: ini, Role: string(domain.RoleICMWorker), FTE: 1, Active: true}))
		c := must[service.CitizenDTO](t, "SaveCitizen")(service.NewCitizenService(d).SaveCitizen(service.CitizenInput{
			Name: fmt.Sprintf("Borger %d Testesen", i+1)}))
		must[service.CourseDTO](t, "CreateCourse")(service.NewCourseService(d).CreateCourse(service.CreateCourseInput{
			CitizenID: c.ID, WorkerID: w.ID, StartDate: "2026-11-01"}))
	}
	lead.actAs(t, "ML")
	leadUID := workerUID(t, lead, "ML")
	tm := &team{clock: clock, laptops: []*laptop{lead}}
	for _, ini := range workers {
		tm.laptops = append(tm.laptops, newLaptop(t, ini, clock))
	}
	dirs := make([]string, len(tm.laptops))
	for i, l := range tm.laptops {
		dirs[i] = l.dir
	}
	var err error
	lead.eng, err = teamsync.Found(ctx, lead.st.Gorm(), lead.dbPath, lead.dir, leadUID, "lead", clock.now)
	if err != nil {
		t.Fatalf("Found: %v", err)
	}
	tm.cloud = faulty.NewCloud(opt, dirs...)
	tm.cloud.Settle()
	for _, l := range tm.laptops[1:] {
		if _, err := teamsync.Join(ctx, l.st.Gorm(), l.dbPath, l.dir, l.name, lead.eng.Fingerprint(), clock.now); err != nil {
			t.Fatalf("%s: Join: %v", l.name, err)
		}
		if l.eng, err = teamsync.Open(l.st.Gorm(), l.dbPath, clock.now); err != nil {
			t.Fatalf("%s: Open: %v", l.name, err)
		}
	}
	tm.cloud.Settle()
	for _, l := range tm.laptops[1:] {
		if err := lead.eng.Enroll(ctx, l.eng.LaptopID(), workerUID(t, lead, l.name), false); err != nil {
			t.Fatalf("Enroll %s: %v", l.name, err)
		}
	}
	tm.settle(t)
	for _, l := range tm.laptops[1:] {
		l.actAs(t, l.name)
	}
	return tm
}

// settle lets the file service deliver everything and every laptop sync until nothing moves.
func (tm *team) settle(t *testing.T) {
	t.Helper()
	for round := 0; round < 20; round++ {
		tm.cloud.Settle()
		moved := 0
		for _, l := range tm.laptops {
			rep := l.sync(t)
			moved += rep.Batches
		}
		tm.cloud.Settle()
		if moved == 0 && round > 0 {
			return
		}
	}
	t.Fatalf("the laptops did not settle in 20 rounds")
}

// converged fails unless every laptop holds the same data.
func (tm *team) converged(t *testing.T, laptops ...*laptop) {
	t.Helper()
	if len(laptops) == 0 {
		laptops = tm.laptops
	}
	want := laptops[0].dump(t)
	for _, l := range laptops[1:] {
		if got := l.dump(t); got != want {
			t.Fatalf("%s and %s differ:\n%s", laptops[0].name, l.name, firstDiff(want, got))
		}
	}
}

// firstDiff shows where two dumps part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("...%s\n--- versus ---\n...%s", a[from:min(len(a), i+300)], b[from:min(len(b), i+300)])
}

func workerUID(t *testing.T, l *laptop, initials string) string {
	t.Helper()
	var uid string
	l.st.Gorm().Raw(`SELECT s.uid FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id WHERE w.initials = ?`,
		initials).Scan(&uid)
	if uid == "" {
		t.Fatalf("%s: no uid for worker %s", l.name, initials)
	}
	return uid
}

// ownCourse is the open course of the laptop's worker (the first, by id).
func (l *laptop) ownCourse(t *testing.T) uint {
	t.Helper()
	var id uint
	l.st.Gorm().Raw(`SELECT id FROM courses WHERE worker_id = ? AND status <> 'closed' ORDER BY id LIMIT 1`, l.actor.WorkerID).Scan(&id)
	return id
}

func TestJoinedLaptopsHoldTheTeamsData(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 1}, "AA", "BO")
	tm.converged(t)
	for _, l := range tm.laptops[1:] {
		if l.ownCourse(t) == 0 {
			t.Fatalf("%s: the worker's course did not arrive", l.name)
		}
	}
}

func TestANoteTravelsToEveryLaptop(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 2}, "AA", "BO")
	anna := tm.laptops[1]
	must[service.NoteDTO](t, "SaveNote")(service.NewNoteService(anna.deps()).SaveNote(service.NoteInput{
		CourseID: anna.ownCourse(t), OccurredAt: "2026-12-01T10:00", DurationMinutes: 30, Location: "home", Kind: "visit",
		Text: "Besøg: talte om at søge bolig, næste møde fredag"}))
	tm.settle(t)
	tm.converged(t)
	for _, l := range tm.laptops {
		var n int64
		l.st.Gorm().Raw(`SELECT COUNT(*) FROM notes WHERE text LIKE 'Besøg: talte om%'`).Scan(&n)
		if n != 1 {
			t.Fatalf("%s: %d copies of the note", l.name, n)
		}
	}
}

// TestLaptopsConvergeWhateverTheFileServiceDoes is the property test: laptops make random
// changes through the real services (offline edits of the same field included) and sync on
// random schedules over a file service that delays, reorders, duplicates, truncates, renames
// and hides files; in the end every laptop holds the same data and no note is lost.
func TestLaptopsConvergeWhateverTheFileServiceDoes(t *testing.T) {
	seeds, steps := int64(3), 120
	if raceDetector || testing.Short() {
		seeds, steps = 1, 60
	}
	for seed := int64(1); seed <= seeds; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			opt := faulty.Options{Seed: seed, Delay: 0.4, Reorder: 0.3, Duplicate: 0.2, Truncate: 0.2, Rename: 0.2, Hide: 0.2}
			tm := newTeam(t, opt, "AA", "BO", "CK")
			rng := rand.New(rand.NewSource(seed))
			notes := 0
			for step := 0; step < steps; step++ {
				l := tm.laptops[rng.Intn(len(tm.laptops))]
				if randomChange(t, rng, l) {
					notes++
				}
				if rng.Intn(3) == 0 {
					tm.cloud.Step()
				}
				if rng.Intn(4) == 0 {
					tm.laptops[rng.Intn(len(tm.laptops))].sync(t)
				}
			}
			tm.settle(t)
			tm.converged(t)
			for _, l := range tm.laptops {
				var n, refused, conflicts, waiting int64
				l.st.Gorm().Raw(`SELECT COUNT(*) FROM notes WHERE text LIKE 'Tilfældig note %'`).Scan(&n)
				if int(n) != notes || notes == 0 {
					t.Fatalf("%s holds %d of the %d notes written", l.name, n, notes)
				}
				l.st.Gorm().Raw(`SELECT COUNT(*) FROM sync_refused`).Scan(&refused)
				l.st.Gorm().Raw(`SELECT COUNT(*) FROM sync_conflicts`).Scan(&conflicts)
				st, err := l.eng.Status(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				waiting = int64(len(st.Waiting))
				t.Logf("%s: %d notes, %d refused, %d conflicts kept, %d files waiting, batches applied %v", l.name, n, refused, conflicts, waiting, st.Applied)
				if refused != 0 || waiting != 0 || st.Pending != 0 {
					t.Fatalf("%s: %d changes refused, %d files waiting, %d changes unpublished after settling", l.name, refused, waiting, st.Pending)
				}
			}
			stats := tm.cloud.Stats()
			t.Logf("file service: %+v", stats)
		})
	}
}

// randomChange makes one change on a laptop as its worker; it reports whether it wrote a note.
func randomChange(t *testing.T, rng *rand.Rand, l *laptop) bool {
	t.Helper()
	d := l.deps()
	course := l.ownCourse(t)
	switch rng.Intn(6) {
	case 0, 1:
		if course == 0 {
			return false
		}
		_, err := service.NewNoteService(d).SaveNote(service.NoteInput{CourseID: course, OccurredAt: "2026-12-01T10:00",
			DurationMinutes: 15, Location: "home", Kind: "visit", Text: fmt.Sprintf("Tilfældig note %d fra %s", rng.Int63(), l.name)})
		if err != nil {
			t.Fatalf("%s: SaveNote: %v", l.name, err)
		}
		return true
	case 2:
		// Every laptop edits the same field of the same citizen: the offline conflict.
		var id uint
		l.st.Gorm().Raw(`SELECT id FROM citizens ORDER BY name LIMIT 1`).Scan(&id)
		cs := service.NewCitizenService(d)
		c, err := cs.GetCitizen(service.IDInput{ID: id})
		if err != nil {
			return false // not this worker's citizen
		}
		_, err = cs.SaveCitizen(service.CitizenInput{ID: id, Name: c.Name, Phone: fmt.Sprintf("2%07d", rng.Intn(9999999)),
			Address: c.Address, Email: c.Email, ContactNote: c.ContactNote})
		if domain.CodeOf(err) == domain.CodeReadOnlyAccess || domain.CodeOf(err) == domain.CodeNoAccess {
			return false // a colleague's citizen
		}
		if err != nil {
			t.Fatalf("%s: SaveCitizen: %v", l.name, err)
		}
	case 3, 4:
		if course == 0 {
			return false
		}
		ps := service.NewPlanningService(d)
		plan, err := ps.GetPlan(service.IDInput{ID: course})
		if err != nil {
			t.Fatalf("%s: GetPlan: %v", l.name, err)
		}
		in := service.GoalInput{CourseID: course, CitizenWords: fmt.Sprintf("Mål %d", rng.Intn(1000)), Area: "housing"}
		if len(plan.Goals) > 0 && rng.Intn(2) == 0 {
			in.ID = plan.Goals[rng.Intn(len(plan.Goals))].ID
		}
		if _, err := ps.SaveGoal(in); err != nil {
			t.Fatalf("%s: SaveGoal: %v", l.name, err)
		}
	case 5:
		if course == 0 {
			return false
		}
		ps := service.NewPlanningService(d)
		plan, err := ps.GetPlan(service.IDInput{ID: course})
		if err != nil || len(plan.Goals) == 0 {
			return false
		}
		if _, err := ps.DeleteGoal(service.ChildInput{CourseID: course, ID: plan.Goals[0].ID}); err != nil {
			t.Fatalf("%s: DeleteGoal: %v", l.name, err)
		}
	}
	return false
}
