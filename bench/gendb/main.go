// Command gendb writes the fictional ten-year benchmark database (see backend/benchdata)
// into a new file and prints what it wrote as JSON, for scripts/bench.sh.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"icm/backend/auth"
	"icm/backend/benchdata"
	"icm/backend/store"
)

func main() {
	dbPath := flag.String("db", "", "the database file to create (must not exist)")
	today := flag.String("now", "", "the database's today as yyyy-mm-dd (default: today)")
	audit := flag.Int("audit", 0, "also write this many audit log entries over the ten years (a hash chain, as the app writes it)")
	password := flag.String("password", "", "give the team lead the sign-in \"mette\" with this password (default: none)")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "gendb: -db is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*dbPath); err == nil {
		fmt.Fprintln(os.Stderr, "gendb: the file exists already:", *dbPath)
		os.Exit(1)
	}
	now := time.Now()
	if *today != "" {
		t, err := time.ParseInLocation("2006-01-02", *today, time.Local)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gendb: -now:", err)
			os.Exit(2)
		}
		now = t.Add(10 * time.Hour)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
	sum, err := benchdata.Generate(ctx, st, benchdata.TenYears(now))
	if err == nil && *password != "" {
		err = signIn(ctx, st, sum.Lead, *password, now)
	}
	if err == nil && *audit > 0 {
		err = auditLog(ctx, st, *audit, now)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(sum)
}

// signIn gives the team lead a sign-in, as the app's account page would.
func signIn(ctx context.Context, st *store.Store, lead uint, password string, now time.Time) error {
	hash, err := auth.Hash(password)
	if err != nil {
		return err
	}
	return st.SaveCredential(ctx, &store.Credential{WorkerID: lead, Username: "mette", PasswordHash: hash,
		CreatedAt: now, UpdatedAt: now})
}

// auditLog appends n entries to the audit log, spread over the ten years before now: views
// of courses, plans and notes by the team's workers, with a search or a change now and then.
// Each entry's hash covers the one before it, as AppendAudit writes them, so that the app's
// chain check at start has the whole log to walk.
func auditLog(ctx context.Context, st *store.Store, n int, now time.Time) error {
	workers, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return err
	}
	courses, err := st.ListCourses(ctx, store.FindCourse{})
	if err != nil {
		return err
	}
	last, err := st.ListAudit(ctx, store.FindAudit{Limit: 1})
	if err != nil {
		return err
	}
	var prev store.AuditEntry
	if len(last) > 0 {
		prev = last[0]
	}
	rng := rand.New(rand.NewPCG(uint64(n), 17))
	objects := []string{"course", "visitation", "assessment", "plan", "coordination", "advocacy", "followup", "notes", "citizen"}
	from := now.AddDate(-10, 0, 0)
	step := now.Sub(from) / time.Duration(n)
	batch := make([]store.AuditEntry, 0, 5000)
	for i := 0; i < n; i++ {
		w := workers[rng.IntN(len(workers))]
		c := courses[rng.IntN(len(courses))]
		e := store.AuditEntry{ID: prev.ID + 1, At: from.Add(time.Duration(i) * step).UTC().Format(auditTime),
			WorkerID: w.ID, WorkerName: w.Name, Action: "view", Object: objects[rng.IntN(len(objects))],
			CitizenID: c.CitizenID, CourseID: c.ID, PrevHash: prev.Hash}
		switch r := rng.IntN(20); {
		case r == 0:
			e.Action, e.Object, e.CourseID = "search", "notes", 0
		case r < 4:
			e.Action = "change"
		}
		e.Hash = store.AuditHash(&e)
		prev = e
		batch = append(batch, e)
		if len(batch) == cap(batch) || i == n-1 {
			if err := st.Tx(ctx, func(tx *store.Store) error { return tx.InsertBatch(ctx, &batch) }); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// auditTime is the audit log's time format (store.AppendAudit writes the same).
const auditTime = "2006-01-02T15:04:05.000000000Z"
