package benchdata

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

var testNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func open(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "icm.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// count runs a COUNT(*)-like query through the store's pool.
func count(t *testing.T, st *store.Store, q string, args ...any) int {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// checkScale checks that the database holds what cfg asks for and that it keeps the rules
// the app keeps: one open course per citizen, caseloads within the ceiling, dates in order.
func checkScale(t *testing.T, st *store.Store, cfg Config, sum Summary) {
	t.Helper()
	ctx := context.Background()
	for table, want := range map[string]int{"citizens": cfg.Citizens, "courses": cfg.Courses, "notes": cfg.Notes,
		"courses WHERE status <> 'closed'": cfg.OpenCourses, "workers WHERE role = 'icm_worker' AND active = 1": cfg.ActiveWorkers} {
		if got := count(t, st, "SELECT COUNT(*) FROM "+table); got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	if sum.Notes != cfg.Notes || sum.Courses != cfg.Courses || sum.OpenCourses != cfg.OpenCourses {
		t.Errorf("summary = %+v", sum)
	}
	for _, table := range []string{"visitations", "assessment_entries", "goals", "subgoals", "activities", "network_contacts",
		"meetings", "meeting_actions", "advocacy_cases", "evaluations", "evaluation_items", "who5_scores", "weekly_checks",
		"closings", "plan_versions", "template_elements", "template_versions"} {
		if got := count(t, st, "SELECT COUNT(*) FROM "+table); got == 0 || got != sum.Rows[table] {
			t.Errorf("%s: %d rows, summary says %d", table, got, sum.Rows[table])
		}
	}
	if n := count(t, st, `SELECT COUNT(*) FROM (SELECT worker_id FROM courses WHERE status <> 'closed'
		GROUP BY worker_id HAVING COUNT(*) > 8)`); n != 0 {
		t.Errorf("%d workers above the caseload ceiling", n)
	}
	if n := count(t, st, `SELECT COUNT(*) FROM courses a JOIN courses b ON a.citizen_id = b.citizen_id AND a.id < b.id
		WHERE a.start_date < COALESCE(b.end_date, '9999') AND b.start_date < COALESCE(a.end_date, '9999')`); n != 0 {
		t.Errorf("%d pairs of one citizen's courses overlap", n)
	}
	if n := count(t, st, `SELECT COUNT(*) FROM notes n JOIN courses c ON c.id = n.course_id
		WHERE substr(n.occurred_at, 1, 10) < c.start_date OR substr(n.occurred_at, 1, 10) > COALESCE(c.end_date, ?)`,
		testNow.Format(domain.DateLayout)); n != 0 {
		t.Errorf("%d notes outside their course", n)
	}
	first := testNow.AddDate(-cfg.Years, 0, 0).Format(domain.DateLayout)
	if n := count(t, st, "SELECT COUNT(*) FROM courses WHERE start_date < ?", first); n != 0 {
		t.Errorf("%d courses start before %s", n, first)
	}
	hits, err := st.SearchNotes(ctx, RareWord, 0, 1000)
	if err != nil || len(hits) != sum.RareHits || sum.RareHits != cfg.Notes/rareEvery {
		t.Errorf("search %q: %d hits, %v; summary says %d", RareWord, len(hits), err, sum.RareHits)
	}
	vs, err := st.ListPlanVersions(ctx, sum.Versioned)
	if err != nil || len(vs) < 2 {
		t.Fatalf("versions of course %d: %d, %v", sum.Versioned, len(vs), err)
	}
	var doc plandoc.Plan
	if err := json.Unmarshal([]byte(vs[0].Snapshot), &doc); err != nil || doc.VersionNo != vs[0].VersionNo || len(doc.Goals) == 0 {
		t.Errorf("snapshot of version %d: %v, %+v", vs[0].VersionNo, err, doc)
	}
	if sum.BusiestNotes < sum.TypicalNotes || sum.TypicalNotes == 0 {
		t.Errorf("busiest %d notes, typical %d", sum.BusiestNotes, sum.TypicalNotes)
	}
	if err := st.QuickCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestGenerateSmall(t *testing.T) {
	st := open(t)
	cfg := Config{Citizens: 20, Courses: 40, OpenCourses: 12, Notes: 4000, Workers: 4, ActiveWorkers: 2, Years: 10,
		Now: testNow, Seed: 7}
	if raceDetector {
		cfg.Notes = 600
	}
	sum, err := Generate(context.Background(), st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	checkScale(t, st, cfg, sum)

	// Same config, same data.
	again := open(t)
	sum2, err := Generate(context.Background(), again, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if sum2.BusiestCourse != sum.BusiestCourse || sum2.BusiestNotes != sum.BusiestNotes || sum2.Rows["subgoals"] != sum.Rows["subgoals"] {
		t.Errorf("not deterministic: %+v vs %+v", sum, sum2)
	}
	if _, err := Generate(context.Background(), st, cfg); err == nil {
		t.Error("a second run into the same database was accepted")
	}
}

// TestGenerateTenYears checks the scale the performance figures are stated at.
func TestGenerateTenYears(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("writes 200 000 notes (half a minute; minutes under -race): skipped with -short and -race, run by make bench")
	}
	st := open(t)
	cfg := TenYears(testNow)
	sum, err := Generate(context.Background(), st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated in %v: %+v", sum.Elapsed.Round(time.Millisecond), sum)
	checkScale(t, st, cfg, sum)
	// The notes reach back into the first year and are spread over every year since.
	for y := 0; y < cfg.Years; y++ {
		from, to := testNow.AddDate(-cfg.Years+y, 0, 0), testNow.AddDate(-cfg.Years+y+1, 0, 0)
		n := count(t, st, "SELECT COUNT(*) FROM notes WHERE occurred_at >= ? AND occurred_at < ?",
			from.Format(domain.DateLayout), to.Format(domain.DateLayout))
		if n < cfg.Notes/cfg.Years/4 {
			t.Errorf("%d notes in the year from %s: the ten years are not filled", n, from.Format(domain.DateLayout))
		}
	}
	if cfg.Citizens < 300 || cfg.Courses < 600 || cfg.Notes < 200_000 {
		t.Errorf("TenYears = %+v, below the stated scale", cfg)
	}
}

func TestConfigChecked(t *testing.T) {
	for _, cfg := range []Config{
		{Citizens: 10, Courses: 5, Workers: 1, ActiveWorkers: 1, Years: 1, Now: testNow},
		{Citizens: 10, Courses: 10, OpenCourses: 9, Workers: 1, ActiveWorkers: 1, Years: 1, Now: testNow},
		{Citizens: 10, Courses: 10, Workers: 1, ActiveWorkers: 1, Years: 1},
	} {
		if _, err := Generate(context.Background(), open(t), cfg); err == nil {
			t.Errorf("Generate(%+v) accepted", cfg)
		}
	}
}
