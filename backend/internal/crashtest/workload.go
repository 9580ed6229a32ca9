// Package crashtest kills a process that writes to the real store at random moments and
// checks what the next start finds. The child (the test binary started again with EnvChild
// set) opens the database with store.Open and makes the app's kinds of writes through the
// store: journal notes through the notes service (each with its audit entry in the same
// transaction), a goal with its SMART sub-goals in one transaction, a
// setting overwritten in place, WAL checkpoints and closing and reopening the store. It
// prints "ack ..." only after a commit returned; the parent then requires every acked write
// to be there, whole, and every transaction to be all or nothing.
package crashtest

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// The child's environment: the database path, the run number (part of every token) and the
// seed of its choices.
const (
	EnvChild = "ICM_CRASH_CHILD"
	EnvRun   = "ICM_CRASH_RUN"
	EnvSeed  = "ICM_CRASH_SEED"
)

// courseWorker is the worker of the course the notes go to: their author.
func courseWorker(ctx context.Context, st *store.Store, courseID uint) (*store.Worker, error) {
	c, err := st.GetCourse(ctx, courseID)
	if err != nil {
		return nil, err
	}
	return st.GetWorker(ctx, c.WorkerID)
}

// CounterKey is the setting the child overwrites with a growing number.
const CounterKey = "crashtest.counter"

// Phases the child announces before it enters them; the parent counts where kills land.
const (
	PhaseMigrate    = "migrate"    // store.Open on a file that has no schema yet
	PhaseOpen       = "open"       // store.Open on an existing file: WAL recovery, quick_check
	PhaseSetup      = "setup"      // the team, worker, citizen and course the writes go to
	PhaseWrite      = "write"      // inserts and updates, each in its own transaction
	PhaseCheckpoint = "checkpoint" // PRAGMA wal_checkpoint(TRUNCATE)
	PhaseClose      = "close"      // closing the pool: the last connection checkpoints
)

// RunChild writes to the database at path until it is killed. It returns only on a failure,
// which the parent counts: a child that cannot open or write is a failed start.
func RunChild(w io.Writer, path string, run int, seed uint64) error {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, uint64(run)))
	say := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

	open := func() (*store.Store, error) {
		phase := PhaseOpen
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			phase = PhaseMigrate
		}
		say("phase %s", phase)
		st, err := store.Open(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("open: %s: %w", domain.CodeOf(err), err)
		}
		return st, nil
	}
	st, err := open()
	if err != nil {
		return err
	}
	say("phase %s", PhaseSetup)
	courseID, err := ensureCourse(ctx, st)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	author, err := courseWorker(ctx, st, courseID)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	counter, err := readCounter(ctx, st)
	if err != nil {
		return err
	}
	say("phase %s", PhaseWrite)
	for seq := 0; ; seq++ {
		token := fmt.Sprintf("r%d-s%d", run, seq)
		switch p := rng.IntN(100); {
		case p < 55:
			// Through the notes service, as the worker: the note and its audit entry commit
			// in one transaction, so after a kill neither is there without the other.
			n, err := notesAs(st, author).SaveNote(service.NoteInput{CourseID: courseID, OccurredAt: "2026-03-02T10:15",
				DurationMinutes: 45, Location: string(domain.LocationHome), Kind: string(domain.NoteVisit), Text: NoteText(token)})
			if err != nil {
				return fmt.Errorf("note: %w", err)
			}
			say("ack note %d %s", n.ID, token)
		case p < 85:
			subs := 1 + rng.IntN(6)
			var goalID uint
			err := st.Tx(ctx, func(tx *store.Store) error {
				g := store.Goal{CourseID: courseID, CitizenWords: GoalWords(token, subs), Area: string(domain.AreaHousing),
					Position: seq, CreatedAt: time.Now(), UpdatedAt: time.Now()}
				if err := tx.Save(ctx, &g); err != nil {
					return err
				}
				for i := 0; i < subs; i++ {
					sg := store.SubGoal{GoalID: g.ID, What: SubGoalWhat(token, i), Measure: "Aftalt med borgeren",
						Owner: "Borgeren", Status: string(domain.SubGoalNotStarted), Position: i,
						CreatedAt: time.Now(), UpdatedAt: time.Now()}
					if err := tx.Save(ctx, &sg); err != nil {
						return err
					}
				}
				goalID = g.ID
				return nil
			})
			if err != nil {
				return fmt.Errorf("goal: %w", err)
			}
			say("ack goal %d %s %d", goalID, token, subs)
		case p < 90:
			// A batch of audit entries (a note search shown for several citizens) in one
			// transaction: after a kill the chain must hold and a batch be all or nothing.
			n := 1 + rng.IntN(3)
			entries := make([]store.AuditEntry, n)
			for i := range entries {
				entries[i] = store.AuditEntry{WorkerID: 1, WorkerName: "Crash Test", Action: "search", Object: "notes",
					CitizenID: uint(i + 1), Detail: token}
			}
			if err := st.AppendAudit(ctx, time.Now(), entries...); err != nil {
				return fmt.Errorf("audit: %w", err)
			}
			say("ack audit %s %d", token, n)
		case p < 95:
			counter++
			if err := st.SetSetting(ctx, CounterKey, strconv.Itoa(counter)); err != nil {
				return fmt.Errorf("counter: %w", err)
			}
			say("ack counter %d", counter)
		case p < 98:
			say("phase %s", PhaseCheckpoint)
			db, err := st.SQLDB()
			if err == nil {
				_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
			}
			if err != nil {
				return fmt.Errorf("checkpoint: %w", err)
			}
			say("phase %s", PhaseWrite)
		default:
			say("phase %s", PhaseClose)
			if err := st.Close(); err != nil {
				return fmt.Errorf("close: %w", err)
			}
			if st, err = open(); err != nil {
				return err
			}
			say("phase %s", PhaseWrite)
		}
	}
}

// notesAs is the notes service acting as the course's worker, as a signed-in worker would.
func notesAs(st *store.Store, w *store.Worker) *service.NoteService {
	return service.NewNoteService(service.Deps{Store: st, Clock: time.Now,
		As: &service.Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}})
}

// ensureCourse returns the course the writes go to, creating the team, a worker, a
// fictional citizen and the course in one transaction on a new file.
func ensureCourse(ctx context.Context, st *store.Store) (uint, error) {
	cs, err := st.ListCourses(ctx, store.FindCourse{})
	if err != nil {
		return 0, err
	}
	if len(cs) > 0 {
		return cs[0].ID, nil
	}
	var id uint
	err = st.Tx(ctx, func(tx *store.Store) error {
		now := time.Now()
		team := store.Team{Municipality: "Testkommune", Name: "Crash-teamet", CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateTeam(ctx, &team); err != nil {
			return err
		}
		w := store.Worker{TeamID: team.ID, Name: "Test Medarbejder", Initials: "TM", Role: string(domain.RoleICMWorker),
			FTEHundredths: 100, Active: true, CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateWorker(ctx, &w); err != nil {
			return err
		}
		c := store.Citizen{TeamID: team.ID, Name: "Testborger Crash", CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateCitizen(ctx, &c); err != nil {
			return err
		}
		course := store.Course{CitizenID: c.ID, WorkerID: w.ID, StartDate: "2026-01-05",
			Status: string(domain.CourseActive), CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateCourse(ctx, &course); err != nil {
			return err
		}
		id = course.ID
		return nil
	})
	return id, err
}

func readCounter(ctx context.Context, st *store.Store) (int, error) {
	v, err := st.GetSetting(ctx, CounterKey, "0")
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("counter %q: %w", v, err)
	}
	return n, nil
}

// words gives the notes Danish letters, so that a torn multi-byte character would show.
var words = []string{"besøg", "hjemme", "hos", "borgeren", "søvn", "økonomi", "aftale", "lægen", "bolig",
	"næste", "gang", "på", "gaden", "værested", "kaffe", "motivation"}

// NoteText is the one text a note with this token may have: the token first, then words
// chosen from the token's hash, mostly short and one in ten near the 20 000-character limit
// (those make the WAL pass SQLite's auto-checkpoint size during the run).
func NoteText(token string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(token))
	r := rand.New(rand.NewPCG(h.Sum64(), 7))
	size := 40 + r.IntN(1500)
	if r.IntN(10) == 0 {
		size = domain.MaxLongText - 200 - r.IntN(2000)
	}
	var b strings.Builder
	b.WriteString(token)
	b.WriteString(":")
	for b.Len() < size {
		b.WriteString(" ")
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

// TokenOf reads the token back from a note's text ("" when the text has none).
func TokenOf(text string) string {
	token, _, ok := strings.Cut(text, ":")
	if !ok {
		return ""
	}
	return token
}

// GoalWords is the goal text of a goal written with token and subs sub-goals.
func GoalWords(token string, subs int) string {
	return fmt.Sprintf("crash %s with %d sub-goals", token, subs)
}

// ParseGoalWords reads the token and the sub-goal count back from a goal's text.
func ParseGoalWords(s string) (token string, subs int, ok bool) {
	_, err := fmt.Sscanf(s, "crash %s with %d sub-goals", &token, &subs)
	return token, subs, err == nil
}

// SubGoalWhat is the text of sub-goal i of the goal written with token.
func SubGoalWhat(token string, i int) string {
	return fmt.Sprintf("%s sub-goal %d: finde en bolig med borgeren", token, i+1)
}
