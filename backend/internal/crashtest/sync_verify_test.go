package crashtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gorm.io/gorm"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/teamfolder"
)

// syncFindings is what one check of a laptop found wrong, and what it saw of the kill.
type syncFindings struct {
	lost, duplicated, torn, backwards, stuck []string
	orphans, temps                           int // own batch files past the committed counter; .tmp files
}

func (f *syncFindings) all() map[string][]string {
	return map[string][]string{"lost": f.lost, "duplicated": f.duplicated, "torn": f.torn,
		"went backwards": f.backwards, "stuck": f.stuck}
}

// checkLaptop reads a laptop's database after a kill (opened as the app opens it) and
// compares it with what was acknowledged: every note acked on this laptop is there once;
// no note is there twice, whoever wrote it (a batch applied twice); every note is whole,
// with one revision and its identity; the laptop's goal is its last acked text or a later
// one; the batches applied and the batch counter are not behind the last check.
func checkLaptop(ctx context.Context, st *store.Store, l *syncLaptop, acks *syncAcks, folder string) (syncFindings, error) {
	var f syncFindings
	db := st.Gorm().WithContext(ctx)
	var rows []struct {
		Tok string
		N   int
	}
	if err := db.Raw(`SELECT substr(text, 1, instr(text, ':') - 1) AS tok, COUNT(*) AS n FROM notes GROUP BY tok`).Scan(&rows).Error; err != nil {
		return f, err
	}
	have := make(map[string]int, len(rows))
	for _, r := range rows {
		have[r.Tok] = r.N
		if r.N > 1 {
			f.duplicated = append(f.duplicated, fmt.Sprintf("note %s is there %d times", r.Tok, r.N))
		}
	}
	for tok, worker := range acks.notes {
		if worker == l.worker && have[tok] != 1 {
			f.lost = append(f.lost, fmt.Sprintf("acked note %s is there %d times", tok, have[tok]))
		}
	}
	var fresh []struct {
		ID   uint
		Text string
	}
	if err := db.Raw(`SELECT id, text FROM notes WHERE id > ? ORDER BY id`, l.checked).Scan(&fresh).Error; err != nil {
		return f, err
	}
	for _, n := range fresh {
		if tok := TokenOf(n.Text); tok == "" || n.Text != NoteText(tok) {
			f.torn = append(f.torn, fmt.Sprintf("note %d: text of %d bytes is not its token's", n.ID, len(n.Text)))
		}
		l.checked = n.ID
	}
	var bad int64
	if err := db.Raw(`SELECT COUNT(*) FROM notes n WHERE (SELECT COUNT(*) FROM note_revisions r WHERE r.note_id = n.id) <> 1
		OR NOT EXISTS (SELECT 1 FROM sync_ids s WHERE s.tbl = 'notes' AND s.row_id = n.id)`).Scan(&bad).Error; err != nil {
		return f, err
	}
	if bad > 0 {
		f.torn = append(f.torn, fmt.Sprintf("%d notes without exactly one revision or without their team-wide id", bad))
	}
	if l.worker != "" {
		if problem, err := goalBehind(db, l.worker, acks.goals[l.worker]); err != nil {
			return f, err
		} else if problem != "" {
			f.lost = append(f.lost, problem)
		}
	}

	var applied []struct {
		Laptop string
		Seq    uint64
	}
	if err := db.Raw(`SELECT laptop, seq FROM sync_applied`).Scan(&applied).Error; err != nil {
		return f, err
	}
	now := map[string]uint64{}
	for _, a := range applied {
		now[a.Laptop] = a.Seq
	}
	for laptop, seq := range l.applied {
		if now[laptop] < seq {
			f.backwards = append(f.backwards, fmt.Sprintf("batches applied from %s: %d, before %d", short(laptop), now[laptop], seq))
		}
	}
	l.applied = now
	var next uint64
	if err := db.Raw(`SELECT next_seq FROM sync_local`).Scan(&next).Error; err != nil {
		return f, err
	}
	if next < l.nextSeq {
		f.backwards = append(f.backwards, fmt.Sprintf("next batch number %d, before %d", next, l.nextSeq))
	}
	l.nextSeq = next

	files, err := os.ReadDir(filepath.Join(folder, teamfolder.LaptopsDir, l.laptopID))
	if err != nil {
		return f, err
	}
	for _, fi := range files {
		if strings.HasSuffix(fi.Name(), ".tmp") {
			f.temps++
		} else if p, ok := teamfolder.ParseName(fi.Name()); ok && p.Kind == teamfolder.KindBatch && p.Seq >= next {
			f.orphans++
		}
	}
	return f, nil
}

// goalBehind tells when the worker's goal holds an older text than the last one acked
// (only the worker's laptop changes it, so nothing may take it back).
func goalBehind(db *gorm.DB, worker, acked string) (string, error) {
	var words string
	err := db.Raw(`SELECT g.citizen_words FROM goals g JOIN courses c ON c.id = g.course_id JOIN workers w ON w.id = c.worker_id
		WHERE w.initials = ? ORDER BY c.id, g.id LIMIT 1`, worker).Scan(&words).Error
	if err != nil || acked == "" {
		return "", err
	}
	if tok := ParseSyncGoalWords(words); tok == "" || tokenBefore(tok, acked) {
		return fmt.Sprintf("goal of %s is %q, acked %s", worker, words, acked), nil
	}
	return "", nil
}

// tokenBefore orders the tokens of one laptop by run and sequence ("start" comes first).
func tokenBefore(a, b string) bool {
	ra, _, sa, oka := ParseSyncToken(a)
	rb, _, sb, okb := ParseSyncToken(b)
	switch {
	case !oka || !okb:
		return !oka && okb
	case ra != rb:
		return ra < rb
	}
	return sa < sb
}

// checkKilled opens a killed laptop's database as the app does and checks it; corrupt
// says the database did not open as sound.
func checkKilled(ctx context.Context, l *syncLaptop, acks *syncAcks, folder string) (syncFindings, bool, error) {
	st, err := store.Open(ctx, l.dbPath)
	if err != nil {
		return syncFindings{}, domain.CodeOf(err) == domain.CodeDatabaseCorrupt, fmt.Errorf("store.Open after the kill: %w", err)
	}
	defer st.Close()
	if lines, err := IntegrityCheck(ctx, st); err != nil || len(lines) != 1 || lines[0] != "ok" {
		return syncFindings{}, true, fmt.Errorf("integrity_check = %q, %v", lines, err)
	}
	f, err := checkLaptop(ctx, st, l, acks, folder)
	return f, false, err
}

// checkObserver has the observer laptop apply every batch in the folder: each must verify
// and apply (none refused, none waiting), and none twice.
func checkObserver(ctx context.Context, l *syncLaptop, acks *syncAcks, folder string) (syncFindings, int, error) {
	st, eng, err := l.open(ctx)
	if err != nil {
		return syncFindings{}, 0, err
	}
	defer st.Close()
	rep, err := eng.ApplyOnce(ctx)
	if err != nil {
		return syncFindings{}, 0, fmt.Errorf("ApplyOnce: %w", err)
	}
	f, err := checkLaptop(ctx, st, l, acks, folder)
	if err != nil {
		return f, rep.Batches, err
	}
	s, err := eng.Status(ctx)
	if err != nil {
		return f, rep.Batches, err
	}
	for _, p := range s.Waiting {
		f.stuck = append(f.stuck, fmt.Sprintf("%s: %s", p.Name, p.Reason))
	}
	if rep.Refused > 0 || s.Refused > 0 {
		f.stuck = append(f.stuck, fmt.Sprintf("%d changes refused", s.Refused))
	}
	return f, rep.Batches, nil
}

// checkConverged compares the laptops after they settled; it reports whether they agree.
func checkConverged(t *testing.T, ctx context.Context, all []*syncLaptop, acks *syncAcks, fig *syncFigures) bool {
	t.Helper()
	ok := true
	var want string
	for i, l := range all {
		st, eng, err := l.open(ctx)
		if err != nil {
			t.Fatalf("%s: %v", l.name(), err)
		}
		dump, err := dumpOf(st)
		if err != nil {
			t.Fatalf("%s: Dump: %v", l.name(), err)
		}
		if i == 0 {
			want = dump
		} else if dump != want {
			ok = false
			t.Errorf("%s and %s differ after settling:\n%s", all[0].name(), l.name(), firstDiff(want, dump))
		}
		var rows []struct {
			Tok string
			N   int
		}
		if err := st.Gorm().Raw(`SELECT substr(text, 1, instr(text, ':') - 1) AS tok, COUNT(*) AS n FROM notes GROUP BY tok`).
			Scan(&rows).Error; err != nil {
			t.Fatalf("%s: %v", l.name(), err)
		}
		have := map[string]int{}
		for _, r := range rows {
			have[r.Tok] = r.N
			if r.N > 1 {
				fig.found["duplicated"]++
				t.Errorf("%s: note %s is there %d times after settling", l.name(), r.Tok, r.N)
			}
		}
		var missing []string
		for tok := range acks.notes {
			if have[tok] != 1 {
				missing = append(missing, fmt.Sprintf("%s (%d)", tok, have[tok]))
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			fig.found["lost"] += len(missing)
			t.Errorf("%s: %d acked notes not there exactly once: %s", l.name(), len(missing), strings.Join(missing[:min(10, len(missing))], ", "))
		}
		for worker, tok := range acks.goals {
			if problem, err := goalBehind(st.Gorm(), worker, tok); err != nil || problem != "" {
				fig.found["lost"]++
				t.Errorf("%s: %s %v", l.name(), problem, err)
			}
		}
		s, err := eng.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Waiting) > 0 || s.Refused > 0 || s.Pending > 0 {
			fig.found["stuck"]++
			t.Errorf("%s: %d files waiting (%v), %d changes refused, %d unpublished after settling", l.name(), len(s.Waiting),
				s.Waiting, s.Refused, s.Pending)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return ok
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
