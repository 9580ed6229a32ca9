package crashtest

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// The environment of a team sync child: the laptop's database (which names the child), the
// initials of the laptop's worker (part of every token), and the laptop's clock offset in
// milliseconds (laptops' clocks differ). The run and the seed are EnvRun and EnvSeed.
const (
	EnvSyncChild  = "ICM_SYNC_CRASH_CHILD"
	EnvSyncWorker = "ICM_SYNC_CRASH_WORKER"
	EnvSyncSkew   = "ICM_SYNC_CRASH_SKEW_MS"
)

// Phases a team sync child announces before it enters them, besides PhaseOpen and
// PhaseWrite. The first SyncOnce of a start applies what the other laptops published since.
const (
	PhaseEngine  = "engine"  // teamsync.Open
	PhaseCatchUp = "catchup" // the first SyncOnce: publish, apply the backlog, publish
	PhaseLoop    = "loop"    // the child is in its loop (a marker, no work of its own)
	PhasePublish = "publish" // PublishOnce: batch file written, then the database commit
	PhaseSync    = "sync"    // SyncOnce: publish, apply the other laptops' batches, publish
	PhaseUpdate  = "update"  // a goal or a citizen's phone number changed through the services
)

// SyncToken is the token of a team sync child's write: run, laptop worker, sequence.
func SyncToken(run int, worker string, seq int) string {
	return fmt.Sprintf("r%d-%s-s%d", run, worker, seq)
}

// ParseSyncToken reads a token back; ok is false for anything SyncToken did not make.
func ParseSyncToken(tok string) (run int, worker string, seq int, ok bool) {
	parts := strings.Split(tok, "-")
	if len(parts) != 3 || !strings.HasPrefix(parts[0], "r") || !strings.HasPrefix(parts[2], "s") {
		return 0, "", 0, false
	}
	r, err1 := strconv.Atoi(parts[0][1:])
	s, err2 := strconv.Atoi(parts[2][1:])
	if err1 != nil || err2 != nil {
		return 0, "", 0, false
	}
	return r, parts[1], s, true
}

// SyncGoalWords is the text a team sync child gives its laptop's goal with a token.
func SyncGoalWords(token string) string { return "Mål " + token + ": egen bolig inden sommer" }

// ParseSyncGoalWords reads the token back from a goal's text ("" when it has none).
func ParseSyncGoalWords(s string) string {
	rest, ok := strings.CutPrefix(s, "Mål ")
	if !ok {
		return ""
	}
	tok, _, ok := strings.Cut(rest, ":")
	if !ok {
		return ""
	}
	return tok
}

// RunSyncChild is one laptop of a team that writes and syncs until it is killed: journal
// notes (each acked after its commit), changes of its worker's goal and of citizens' phone
// numbers, and between them PublishOnce and SyncOnce with the team folder. It returns only
// on a failure.
func RunSyncChild(w io.Writer, path, worker string, skew time.Duration, run int, seed uint64) error {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, uint64(run)<<8|uint64(len(worker))<<4|uint64(worker[0])))
	say := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	now := func() time.Time { return time.Now().Add(skew) }

	say("phase %s", PhaseOpen)
	st, err := store.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("open: %s: %w", domain.CodeOf(err), err)
	}
	say("phase %s", PhaseEngine)
	eng, err := teamsync.Open(st.Gorm(), path, now)
	if err != nil {
		return fmt.Errorf("engine: %w", err)
	}
	me, course, goal, err := syncChildSetup(ctx, st, worker)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	d := service.Deps{Store: st, Clock: now, As: &service.Actor{WorkerID: me.ID, Name: me.Name,
		Initials: me.Initials, Role: domain.Role(me.Role)}}
	notes, plans, citizens := service.NewNoteService(d), service.NewPlanningService(d), service.NewCitizenService(d)

	say("phase %s", PhaseCatchUp)
	if _, err := eng.SyncOnce(ctx); err != nil {
		return fmt.Errorf("first sync: %w", err)
	}
	say("phase %s", PhaseLoop)
	for seq := 0; ; seq++ {
		token := SyncToken(run, worker, seq)
		switch p := rng.IntN(100); {
		case p < 65:
			say("phase %s", PhaseWrite)
			_, err := notes.SaveNote(service.NoteInput{CourseID: course, OccurredAt: now().Add(-24 * time.Hour).Format("2006-01-02T15:04"),
				DurationMinutes: 30, Location: string(domain.LocationHome), Kind: string(domain.NoteVisit), Text: NoteText(token)})
			if err != nil {
				return fmt.Errorf("note: %w", err)
			}
			say("ack note %s", token)
		case p < 85:
			// The laptop's own goal: only this laptop changes it, so its last acked text (or a
			// later one) must be the goal's text on every laptop in the end.
			say("phase %s", PhaseUpdate)
			if _, err := plans.SaveGoal(service.GoalInput{ID: goal, CourseID: course, CitizenWords: SyncGoalWords(token),
				Area: string(domain.AreaHousing)}); err != nil {
				return fmt.Errorf("goal: %w", err)
			}
			say("ack goal %s", token)
		default:
			// A citizen's phone number, which the team lead's laptop changes too: a value
			// two laptops change offline, merged by the last writer.
			say("phase %s", PhaseUpdate)
			if err := changePhone(ctx, st, citizens, rng); err != nil {
				return fmt.Errorf("phone: %w", err)
			}
			say("ack phone %s", token)
		}
		// The app publishes a change within seconds and syncs when the folder changes.
		switch p := rng.IntN(20); {
		case p < 10:
			say("phase %s", PhasePublish)
			if _, err := eng.PublishOnce(ctx); err != nil {
				return fmt.Errorf("publish: %w", err)
			}
		case p < 17:
			say("phase %s", PhaseSync)
			if _, err := eng.SyncOnce(ctx); err != nil {
				return fmt.Errorf("sync: %w", err)
			}
		}
	}
}

// syncChildSetup finds the laptop's worker by initials, the worker's course and its first goal.
func syncChildSetup(ctx context.Context, st *store.Store, initials string) (*store.Worker, uint, uint, error) {
	var ids struct{ Worker, Course, Goal uint }
	err := st.Gorm().WithContext(ctx).Raw(`SELECT w.id AS worker, c.id AS course, g.id AS goal FROM workers w
		JOIN courses c ON c.worker_id = w.id JOIN goals g ON g.course_id = c.id
		WHERE w.initials = ? ORDER BY c.id, g.id LIMIT 1`, initials).Scan(&ids).Error
	if err != nil {
		return nil, 0, 0, err
	}
	if ids.Goal == 0 {
		return nil, 0, 0, fmt.Errorf("no course with a goal for worker %s", initials)
	}
	me, err := st.GetWorker(ctx, ids.Worker)
	return me, ids.Course, ids.Goal, err
}

// changePhone gives a citizen the worker may change a new phone number; the team lead may
// change every citizen, a worker the citizens of their own courses.
func changePhone(ctx context.Context, st *store.Store, cs *service.CitizenService, rng *rand.Rand) error {
	var ids []uint
	if err := st.Gorm().WithContext(ctx).Raw(`SELECT id FROM citizens ORDER BY id`).Scan(&ids).Error; err != nil {
		return err
	}
	for _, i := range rng.Perm(len(ids)) {
		c, err := cs.GetCitizen(service.IDInput{ID: ids[i]})
		if err != nil {
			continue // not this worker's citizen
		}
		_, err = cs.SaveCitizen(service.CitizenInput{ID: c.ID, Name: c.Name, Phone: fmt.Sprintf("2%07d", rng.IntN(10000000)),
			Address: c.Address, Email: c.Email, ContactNote: c.ContactNote})
		if code := domain.CodeOf(err); code == domain.CodeReadOnlyAccess || code == domain.CodeNoAccess {
			continue
		}
		return err
	}
	return nil
}
