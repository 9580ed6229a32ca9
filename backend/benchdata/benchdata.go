// Package benchdata writes a fictional ten-year database for the performance benchmarks: a
// team's workers and citizens, courses with every method step filled in, signed plan
// versions and journal notes spread over ten years. It writes straight through the store in
// bulk transactions, so a full database takes seconds, and it is deterministic: the same
// Config gives the same rows. Every person, place and text in it is invented.
package benchdata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// Config sets the size of the generated database.
type Config struct {
	Citizens      int       // citizens, each with one or more courses
	Courses       int       // courses over the years, open and closed
	OpenCourses   int       // courses still open today (each citizen has at most one)
	Notes         int       // journal notes over all courses
	Workers       int       // ICM workers who have been on the team over the years
	ActiveWorkers int       // of those, the ones still active (full time: up to 8 open courses)
	Years         int       // how far back the first courses start
	Now           time.Time // "today" of the database
	Seed          uint64    // seed of the random choices
}

// TenYears is the scale the performance figures are measured at: a team of twelve full-time
// ICM workers after ten years, 300 citizens, 600 courses and 200 000 journal notes.
func TenYears(now time.Time) Config {
	return Config{Citizens: 300, Courses: 600, OpenCourses: 96, Notes: 200_000, Workers: 20, ActiveWorkers: 12,
		Years: 10, Now: now, Seed: 20261201}
}

// Words searched for in the benchmarks: RareWord is in one note in rareEvery, CommonWord
// opens or fills most notes.
const (
	RareWord   = "høreapparat"
	CommonWord = "borgeren"
	rareEvery  = 2000
)

// Summary tells what was written and names the records the benchmarks look at.
type Summary struct {
	Team          uint           `json:"team"`
	Lead          uint           `json:"lead"`
	Citizens      int            `json:"citizens"`
	Courses       int            `json:"courses"`
	OpenCourses   int            `json:"openCourses"`
	Notes         int            `json:"notes"`
	RareHits      int            `json:"rareHits"`      // notes containing RareWord
	Rows          map[string]int `json:"rows"`          // rows written per table
	BusiestCourse uint           `json:"busiestCourse"` // the open course with the most notes
	BusiestNotes  int            `json:"busiestNotes"`
	TypicalCourse uint           `json:"typicalCourse"` // the open course with the median number of notes
	TypicalNotes  int            `json:"typicalNotes"`
	Citizen       uint           `json:"citizen"`   // a citizen with the most courses
	Elapsed       time.Duration  `json:"elapsed"`   // time taken to write it all
	Span          string         `json:"span"`      // first and last course start
	Versioned     uint           `json:"versioned"` // an open course with at least two signed plan versions
}

func (c Config) check() error {
	switch {
	case c.Citizens < 1 || c.Courses < c.Citizens || c.Courses > 4*c.Citizens:
		return fmt.Errorf("benchdata: need 1 ≤ citizens ≤ courses ≤ 4 × citizens, have %d and %d", c.Citizens, c.Courses)
	case c.OpenCourses > c.Citizens || c.OpenCourses > 8*c.ActiveWorkers:
		return fmt.Errorf("benchdata: %d open courses do not fit %d citizens and %d workers", c.OpenCourses, c.Citizens, c.ActiveWorkers)
	case c.ActiveWorkers < 1 || c.Workers < c.ActiveWorkers || c.Years < 1 || c.Notes < 0 || c.Now.IsZero():
		return fmt.Errorf("benchdata: incomplete config %+v", c)
	}
	return nil
}

// Generate fills st, which must hold no citizens yet. A team set up before (as the test
// fixtures do) is kept with its team lead; otherwise a team and lead are created.
func Generate(ctx context.Context, st *store.Store, cfg Config) (Summary, error) {
	began := time.Now()
	if err := cfg.check(); err != nil {
		return Summary{}, err
	}
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x1c3)), rows: map[string]int{},
		today: domain.Day(cfg.Now)}
	err := st.Tx(ctx, func(tx *store.Store) error {
		if err := g.people(ctx, tx); err != nil {
			return err
		}
		g.timelines()
		for _, step := range []func(context.Context, *store.Store) error{g.insertCourses, g.insertSteps, g.insertChildren,
			g.insertGrandChildren, g.insertVersions, g.insertNotes, g.insertTemplate} {
			if err := step(ctx, tx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return g.summary(time.Since(began)), nil
}

// gen holds the generation state: people, then courses with their rows.
type gen struct {
	cfg      Config
	rng      *rand.Rand
	today    time.Time
	rows     map[string]int
	team     *store.Team
	lead     *store.Worker
	workers  []*store.Worker // ICM workers, the active ones first
	citizens []*store.Citizen
	courses  []*course
	rareHits int
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *gen) day(t time.Time) string { return t.Format(domain.DateLayout) }

// stamp is a moment on day t during working hours, for created_at and updated_at.
func (g *gen) stamp(t time.Time) time.Time {
	return domain.Day(t).Add(time.Duration(8*60+g.rng.IntN(8*60)) * time.Minute)
}

// people writes (or finds) the team and its lead, then the ICM workers and the citizens.
func (g *gen) people(ctx context.Context, st *store.Store) error {
	team, err := st.GetTeam(ctx)
	created := g.today.AddDate(-g.cfg.Years, 0, -30)
	switch {
	case err == nil:
		g.team = team
		lead := string(domain.RoleTeamLead)
		leads, err := st.ListWorkers(ctx, store.FindWorker{Role: &lead})
		if err != nil {
			return err
		}
		if len(leads) == 0 {
			return fmt.Errorf("benchdata: the team has no team lead")
		}
		g.lead = &leads[0]
	case domain.CodeOf(err) == domain.CodeTeamMissing:
		g.team = &store.Team{Municipality: "Solvang Kommune", Name: "ICM-teamet", CreatedAt: created, UpdatedAt: created}
		if err := st.CreateTeam(ctx, g.team); err != nil {
			return err
		}
		g.lead = &store.Worker{TeamID: g.team.ID, Name: "Mette Lund", Initials: "ML", Role: string(domain.RoleTeamLead),
			FTEHundredths: 100, Active: true, CreatedAt: created, UpdatedAt: created}
		if err := st.CreateWorker(ctx, g.lead); err != nil {
			return err
		}
	default:
		return err
	}
	if empty, err := st.ListCitizens(ctx); err != nil {
		return err
	} else if len(empty) > 0 {
		return fmt.Errorf("benchdata: the database already has %d citizens", len(empty))
	}
	for i := 0; i < g.cfg.Workers; i++ {
		first, last := firstNames[(i*7+3)%len(firstNames)], lastNames[(i*11+5)%len(lastNames)]
		g.workers = append(g.workers, &store.Worker{TeamID: g.team.ID, Name: first + " " + last,
			Initials: fmt.Sprintf("%s%s%02d", string([]rune(first)[:1]), string([]rune(last)[:1]), i+1),
			Role:     string(domain.RoleICMWorker), FTEHundredths: 100, Active: i < g.cfg.ActiveWorkers,
			CreatedAt: created, UpdatedAt: created})
	}
	if err := g.insert(ctx, st, "workers", g.workers); err != nil {
		return err
	}
	used := map[string]bool{}
	for i := 0; i < g.cfg.Citizens; i++ {
		name := g.pick(firstNames) + " " + g.pick(lastNames)
		for used[name] {
			name = g.pick(firstNames) + " " + g.pick(lastNames) + "-" + g.pick(lastNames)
		}
		used[name] = true
		c := &store.Citizen{TeamID: g.team.ID, Name: name, Housing: g.pick([]string{"own", "own", "own_at_risk",
			"temporary", "shelter", "sofa", "institution", "street"}), CreatedAt: created, UpdatedAt: created}
		if i%10 != 9 { // most have a CPR number; generated, so that no digit pattern is anyone's
			born := time.Date(1950+g.rng.IntN(50), time.Month(1+g.rng.IntN(12)), 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)
			cpr := fmt.Sprintf("%s-%d%03d", born.Format("020106"), 1+g.rng.IntN(3), i)
			c.CPR = &cpr
		}
		if i%3 == 0 {
			c.Phone = fmt.Sprintf("%02d %02d %02d %02d", 20+g.rng.IntN(10), g.rng.IntN(100), g.rng.IntN(100), g.rng.IntN(100))
		}
		if i%4 != 3 {
			c.Address = fmt.Sprintf("%s %d, 9990 Solvang", g.pick(streets), 1+g.rng.IntN(80))
		}
		g.citizens = append(g.citizens, c)
	}
	return g.insert(ctx, st, "citizens", g.citizens)
}

// insert writes rows (a slice of pointers to models) in bulk and counts them under table.
func (g *gen) insert(ctx context.Context, st *store.Store, table string, rows any) error {
	n := lenOf(rows)
	if n == 0 {
		return nil
	}
	if err := st.InsertBatch(ctx, rows); err != nil {
		return fmt.Errorf("benchdata: insert %s: %w", table, err)
	}
	g.rows[table] += n
	return nil
}

func (g *gen) summary(elapsed time.Duration) Summary {
	s := Summary{Team: g.team.ID, Lead: g.lead.ID, Citizens: len(g.citizens), Courses: len(g.courses),
		Rows: g.rows, RareHits: g.rareHits, Elapsed: elapsed, Notes: g.rows["notes"]}
	var open []*course
	most := map[uint]int{}
	first, last := g.today, time.Time{}
	for _, c := range g.courses {
		most[c.row.CitizenID]++
		if c.start.Before(first) {
			first = c.start
		}
		if c.start.After(last) {
			last = c.start
		}
		if c.open() {
			open = append(open, c)
			if s.Versioned == 0 && len(c.versions) >= 2 {
				s.Versioned = c.row.ID
			}
		}
	}
	s.OpenCourses = len(open)
	s.Span = g.day(first) + " – " + g.day(last)
	for id, n := range most {
		if n > most[s.Citizen] || (n == most[s.Citizen] && id < s.Citizen) {
			s.Citizen = id
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].notes < open[j].notes })
	if len(open) > 0 {
		s.BusiestCourse, s.BusiestNotes = open[len(open)-1].row.ID, open[len(open)-1].notes
		s.TypicalCourse, s.TypicalNotes = open[len(open)/2].row.ID, open[len(open)/2].notes
	}
	return s
}
