package crashtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/syncstore"
	"icm/backend/teamsync"
)

// syncLaptop is one laptop of the test team: its own database beside its keys, the one team
// folder all laptops share, and a clock that is off by skew (laptops' clocks differ).
type syncLaptop struct {
	worker   string // initials of the laptop's worker; "" for the observer
	dbPath   string
	skew     time.Duration
	laptopID string

	// What the last check saw, which a later check must not find behind.
	applied map[string]uint64
	nextSeq uint64
	checked uint // notes up to this local id were checked whole
}

func (l *syncLaptop) name() string {
	if l.worker == "" {
		return "observer"
	}
	return l.worker
}

func (l *syncLaptop) now() time.Time { return time.Now().Add(l.skew) }

// open opens the laptop's store as the app does, and its engine.
func (l *syncLaptop) open(ctx context.Context) (*store.Store, *teamsync.Engine, error) {
	st, err := store.Open(ctx, l.dbPath)
	if err != nil {
		return nil, nil, err
	}
	eng, err := teamsync.Open(st.Gorm(), l.dbPath, l.now)
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	return st, eng, nil
}

// syncTeam founds a team in dir: the team lead ML on the founding laptop, workers AA and BO
// on laptops of their own, each of the three with a citizen's course and a goal, and an
// observer laptop that only reads (enrolled for the team lead). Every laptop has synced
// once when it returns, and every store is closed.
func syncTeam(t *testing.T, dir string, skews map[string]time.Duration) (folder string, laptops []*syncLaptop, observer *syncLaptop) {
	t.Helper()
	ctx := context.Background()
	folder = filepath.Join(dir, "team")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"ML", "AA", "BO", ""} {
		l := &syncLaptop{worker: w, skew: skews[w], applied: map[string]uint64{}}
		l.dbPath = filepath.Join(dir, "laptop-"+l.name(), "icm.db")
		if err := os.MkdirAll(filepath.Dir(l.dbPath), 0o700); err != nil {
			t.Fatal(err)
		}
		if w == "" {
			observer = l
		} else {
			laptops = append(laptops, l)
		}
	}
	lead := laptops[0]
	lst, err := store.Open(ctx, lead.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	d := service.Deps{Store: lst, Clock: lead.now}
	teams := service.NewTeamService(d)
	if _, err := teams.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1}); err != nil {
		t.Fatalf("SetupTeam: %v", err)
	}
	start := lead.now().AddDate(0, -2, 0).Format("2006-01-02")
	for i, l := range laptops {
		var workerID uint
		if l.worker == "ML" {
			lst.Gorm().Raw(`SELECT id FROM workers WHERE initials = 'ML'`).Scan(&workerID)
		} else {
			w, err := teams.SaveWorker(service.WorkerInput{Name: "Medarbejder " + l.worker, Initials: l.worker,
				Role: string(domain.RoleICMWorker), FTE: 1, Active: true})
			if err != nil {
				t.Fatalf("SaveWorker: %v", err)
			}
			workerID = w.ID
		}
		c, err := service.NewCitizenService(d).SaveCitizen(service.CitizenInput{Name: fmt.Sprintf("Borger %d Testesen", i+1),
			Phone: "20000000"})
		if err != nil {
			t.Fatalf("SaveCitizen: %v", err)
		}
		course, err := service.NewCourseService(d).CreateCourse(service.CreateCourseInput{CitizenID: c.ID, WorkerID: workerID, StartDate: start})
		if err != nil {
			t.Fatalf("CreateCourse: %v", err)
		}
		if _, err := service.NewPlanningService(d).SaveGoal(service.GoalInput{CourseID: course.ID,
			CitizenWords: SyncGoalWords("start"), Area: string(domain.AreaHousing)}); err != nil {
			t.Fatalf("SaveGoal: %v", err)
		}
	}
	uid := func(initials string) string {
		var uid string
		lst.Gorm().Raw(`SELECT s.uid FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id
			WHERE w.initials = ?`, initials).Scan(&uid)
		if uid == "" {
			t.Fatalf("no uid for worker %s", initials)
		}
		return uid
	}
	leadEng, err := teamsync.Found(ctx, lst.Gorm(), lead.dbPath, folder, uid("ML"), "ML", lead.now)
	if err != nil {
		t.Fatalf("Found: %v", err)
	}
	lead.laptopID = leadEng.LaptopID()
	for _, l := range append(laptops[1:], observer) {
		st, err := store.Open(ctx, l.dbPath)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := teamsync.Join(ctx, st.Gorm(), l.dbPath, folder, l.name(), leadEng.Fingerprint(), l.now); err != nil {
			t.Fatalf("%s: Join: %v", l.name(), err)
		}
		eng, err := teamsync.Open(st.Gorm(), l.dbPath, l.now)
		if err != nil {
			t.Fatalf("%s: Open: %v", l.name(), err)
		}
		l.laptopID = eng.LaptopID()
		worker := l.worker
		if worker == "" {
			worker = "ML"
		}
		if err := leadEng.Enroll(ctx, l.laptopID, uid(worker), false); err != nil {
			t.Fatalf("Enroll %s: %v", l.name(), err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := lst.Close(); err != nil {
		t.Fatal(err)
	}
	all := append(append([]*syncLaptop(nil), laptops...), observer)
	if _, err := settle(ctx, all); err != nil {
		t.Fatalf("first sync: %v", err)
	}
	return folder, laptops, observer
}

// settle opens every laptop and syncs them in rounds until a round moves nothing and no
// laptop has a change left to publish; it returns the rounds it took.
func settle(ctx context.Context, laptops []*syncLaptop) (int, error) {
	type open struct {
		st  *store.Store
		eng *teamsync.Engine
	}
	opened := make([]open, len(laptops))
	defer func() {
		for _, o := range opened {
			if o.st != nil {
				_ = o.st.Close()
			}
		}
	}()
	for i, l := range laptops {
		st, eng, err := l.open(ctx)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", l.name(), err)
		}
		opened[i] = open{st, eng}
	}
	for round := 1; round <= 20; round++ {
		moved := 0
		var pending int64
		for i, o := range opened {
			rep, err := o.eng.SyncOnce(ctx)
			if err != nil {
				return round, fmt.Errorf("%s: SyncOnce: %w", laptops[i].name(), err)
			}
			moved += rep.Batches
			s, err := o.eng.Status(ctx)
			if err != nil {
				return round, err
			}
			pending += s.Pending
		}
		if moved == 0 && pending == 0 && round > 1 {
			return round, nil
		}
	}
	return 20, fmt.Errorf("the laptops did not settle in 20 rounds")
}

// short is the first characters of a laptop id, for messages.
func short(id string) string { return id[:min(8, len(id))] }

// dumpOf is a laptop's synced state in syncstore's canonical form.
func dumpOf(st *store.Store) (string, error) { return syncstore.Dump(st.Gorm()) }
