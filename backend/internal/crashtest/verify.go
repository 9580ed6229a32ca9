package crashtest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"icm/backend/store"
)

// Acks is everything the children acknowledged on one database file, across runs.
type Acks struct {
	Notes   map[uint]string  // note id → token
	Goals   map[uint]GoalAck // goal id → token and sub-goal count
	Counter int              // the highest acked counter value
	Audits  map[string]int   // token → entries in its acked audit batch
}

// GoalAck is one acknowledged goal transaction.
type GoalAck struct {
	Token string
	Subs  int
}

// NewAcks starts the record for a new database file.
func NewAcks() *Acks {
	return &Acks{Notes: map[uint]string{}, Goals: map[uint]GoalAck{}, Audits: map[string]int{}}
}

// ChildOutput is what one child printed: its acks (already added to the record) and the
// last phase it announced.
type ChildOutput struct {
	Notes, Goals, Counters int    // acks by kind
	Audits                 int    // acked audit batches
	LastPhase              string // "" when the child was killed before its first line
	Failure                string // a line the child printed on failure
}

// Acked is the number of acknowledged writes.
func (o ChildOutput) Acked() int { return o.Notes + o.Goals + o.Counters + o.Audits }

// Read parses a child's complete output lines into a; an unfinished last line (none
// expected: a short write to a pipe is atomic) is ignored.
func (a *Acks) Read(r io.Reader) (ChildOutput, error) {
	var out ChildOutput
	err := childLines(r, &out.LastPhase, &out.Failure, func(line string, f []string) error {
		switch {
		case len(f) == 4 && f[0] == "ack" && f[1] == "note":
			id, err := strconv.ParseUint(f[2], 10, 64)
			if err != nil || a.Notes[uint(id)] != "" {
				return fmt.Errorf("bad or repeated note ack %q", line)
			}
			a.Notes[uint(id)] = f[3]
			out.Notes++
		case len(f) == 5 && f[0] == "ack" && f[1] == "goal":
			id, err1 := strconv.ParseUint(f[2], 10, 64)
			subs, err2 := strconv.Atoi(f[4])
			if err1 != nil || err2 != nil || a.Goals[uint(id)].Token != "" {
				return fmt.Errorf("bad or repeated goal ack %q", line)
			}
			a.Goals[uint(id)] = GoalAck{Token: f[3], Subs: subs}
			out.Goals++
		case len(f) == 4 && f[0] == "ack" && f[1] == "audit":
			n, err := strconv.Atoi(f[3])
			if err != nil || n < 1 || a.Audits[f[2]] != 0 {
				return fmt.Errorf("bad or repeated audit ack %q", line)
			}
			a.Audits[f[2]] = n
			out.Audits++
		case len(f) == 3 && f[0] == "ack" && f[1] == "counter":
			n, err := strconv.Atoi(f[2])
			if err != nil || n <= a.Counter {
				return fmt.Errorf("bad or non-increasing counter ack %q", line)
			}
			a.Counter = n
			out.Counters++
		default:
			return fmt.Errorf("unexpected child output %q", line)
		}
		return nil
	})
	return out, err
}

// childLines hands each complete line of a child's output, split into fields, to ack; the
// lines every child writes, "phase NAME" and "fail REASON", set phase and failure. An
// unfinished last line (the child died mid-line) is ignored.
func childLines(r io.Reader, phase, failure *string, ack func(line string, f []string) error) error {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil // EOF, or the child died mid-line
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "phase":
			*phase = f[1]
		case len(f) >= 1 && f[0] == "fail":
			*failure = strings.TrimSpace(strings.TrimPrefix(line, "fail"))
		default:
			if err := ack(line, f); err != nil {
				return err
			}
		}
	}
}

// Findings is what one check of the database found wrong.
type Findings struct {
	Lost []string // acknowledged writes missing or not as written
	Torn []string // rows (acked or not) that are only part of what one write wrote
}

// Check compares the database with the acks: every acked note with its exact text, every
// acked goal with exactly its sub-goals, the counter at least the last acked value; and for
// every row, acked or not (a write may commit just before the kill and never be acked), that
// it is whole: a note's text is the text of its token, a goal has all of its sub-goals.
func Check(ctx context.Context, st *store.Store, a *Acks) (Findings, error) {
	var f Findings
	courses, err := st.ListCourses(ctx, store.FindCourse{})
	if err != nil {
		return f, err
	}
	if len(courses) > 1 {
		f.Torn = append(f.Torn, fmt.Sprintf("%d courses, want at most one", len(courses)))
	}
	var notes []store.Note
	var goals []store.Goal
	var subgoals []store.SubGoal
	if len(courses) == 1 {
		id := courses[0].ID
		if notes, err = st.ListNotes(ctx, id, 0); err != nil {
			return f, err
		}
		if goals, err = st.ListGoals(ctx, id); err != nil {
			return f, err
		}
		if subgoals, err = st.ListSubGoals(ctx, id); err != nil {
			return f, err
		}
	}

	byID := map[uint]store.Note{}
	for _, n := range notes {
		byID[n.ID] = n
		if tok := TokenOf(n.Text); tok == "" || n.Text != NoteText(tok) {
			f.Torn = append(f.Torn, fmt.Sprintf("note %d: text of %d bytes is not the text of its token", n.ID, len(n.Text)))
		}
	}
	for id, tok := range a.Notes {
		n, ok := byID[id]
		switch {
		case !ok:
			f.Lost = append(f.Lost, fmt.Sprintf("note %d (%s) missing", id, tok))
		case TokenOf(n.Text) != tok || n.Text != NoteText(tok):
			f.Lost = append(f.Lost, fmt.Sprintf("note %d (%s) has another text", id, tok))
		}
	}

	subsOf := map[uint][]store.SubGoal{}
	for _, s := range subgoals {
		subsOf[s.GoalID] = append(subsOf[s.GoalID], s)
	}
	goalByID := map[uint]store.Goal{}
	for _, g := range goals {
		goalByID[g.ID] = g
		tok, n, ok := ParseGoalWords(g.CitizenWords)
		if !ok {
			f.Torn = append(f.Torn, fmt.Sprintf("goal %d: unreadable text", g.ID))
			continue
		}
		if problem := subGoalProblem(subsOf[g.ID], tok, n); problem != "" {
			f.Torn = append(f.Torn, fmt.Sprintf("goal %d (%s): %s", g.ID, tok, problem))
		}
	}
	for id, ack := range a.Goals {
		g, ok := goalByID[id]
		if !ok {
			f.Lost = append(f.Lost, fmt.Sprintf("goal %d (%s) missing", id, ack.Token))
			continue
		}
		if g.CitizenWords != GoalWords(ack.Token, ack.Subs) || subGoalProblem(subsOf[id], ack.Token, ack.Subs) != "" {
			f.Lost = append(f.Lost, fmt.Sprintf("goal %d (%s) not as written", id, ack.Token))
		}
	}

	// The audit chain holds after every kill, every acked batch is there whole, and no batch
	// (acked or not) is there in part.
	chain, err := st.VerifyAudit(ctx)
	if err != nil {
		return f, err
	}
	if chain.BrokenAt != 0 {
		f.Torn = append(f.Torn, fmt.Sprintf("audit chain broken at entry %d", chain.BrokenAt))
	}
	entries, err := st.ListAudit(ctx, store.FindAudit{})
	if err != nil {
		return f, err
	}
	batch := map[string]int{}
	maxCitizen := map[string]uint{}
	noteEntries := map[uint]int{} // note id → its "create" entries
	for _, e := range entries {
		if e.Object == "note" {
			var id uint
			if _, err := fmt.Sscanf(e.Detail, "note %d revision 1", &id); err != nil || e.Action != "create" {
				f.Torn = append(f.Torn, fmt.Sprintf("audit entry %d: unexpected %s %q", e.ID, e.Action, e.Detail))
				continue
			}
			noteEntries[id]++
			continue
		}
		batch[e.Detail]++
		maxCitizen[e.Detail] = max(maxCitizen[e.Detail], e.CitizenID)
	}
	// A change never commits without its audit entry, nor an entry without its change: every
	// note there (acked or not) has exactly one, and every entry names a note that is there.
	for _, n := range notes {
		if noteEntries[n.ID] != 1 {
			f.Torn = append(f.Torn, fmt.Sprintf("note %d has %d audit entries, want 1", n.ID, noteEntries[n.ID]))
		}
	}
	for id := range noteEntries {
		if _, ok := byID[id]; !ok {
			f.Torn = append(f.Torn, fmt.Sprintf("audit entry for note %d, which is not there", id))
		}
	}
	for tok, n := range batch {
		if uint(n) != maxCitizen[tok] { // a batch of n has citizens 1..n
			f.Torn = append(f.Torn, fmt.Sprintf("audit batch %s: %d of %d entries", tok, n, maxCitizen[tok]))
		}
	}
	for tok, n := range a.Audits {
		if batch[tok] != n {
			f.Lost = append(f.Lost, fmt.Sprintf("audit batch %s: %d entries, acked %d", tok, batch[tok], n))
		}
	}

	v, err := st.GetSetting(ctx, CounterKey, "0")
	if err != nil {
		return f, err
	}
	if n, err := strconv.Atoi(v); err != nil || n < a.Counter {
		f.Lost = append(f.Lost, fmt.Sprintf("counter %q, acked %d", v, a.Counter))
	}
	return f, nil
}

// subGoalProblem tells what is wrong with a goal's sub-goals, "" when they are exactly the
// want sub-goals written with token.
func subGoalProblem(subs []store.SubGoal, token string, want int) string {
	if len(subs) != want {
		return fmt.Sprintf("%d of %d sub-goals", len(subs), want)
	}
	seen := map[string]bool{}
	for _, s := range subs {
		seen[s.What] = true
	}
	for i := 0; i < want; i++ {
		if !seen[SubGoalWhat(token, i)] {
			return fmt.Sprintf("sub-goal %d missing or changed", i+1)
		}
	}
	return ""
}

// IntegrityCheck runs SQLite's full integrity_check and returns its lines ("ok" when sound).
func IntegrityCheck(ctx context.Context, st *store.Store) ([]string, error) {
	db, err := st.SQLDB()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
