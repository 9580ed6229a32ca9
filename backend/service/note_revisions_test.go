package service

import (
	"context"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// noteAudit returns the audit entries about notes, oldest first.
func noteAudit(t *testing.T, st *store.Store) []store.AuditEntry {
	t.Helper()
	rows, err := st.ListAudit(context.Background(), store.FindAudit{})
	if err != nil {
		t.Fatal(err)
	}
	var out []store.AuditEntry
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].Object == "note" {
			out = append(out, rows[i])
		}
	}
	return out
}

// A note is its writer's, also on a colleague's course; a correction by someone else is a
// new revision that keeps the author and names the corrector, and every revision is kept.
func TestNoteAuthorsAndRevisions(t *testing.T) {
	w := newWizard(t) // w.notes acts as the team lead, Mette Lund
	aisha := w.worker(t, "Aisha Berg", "AB", domain.RoleICMWorker, 1)
	co := w.course(t, aisha.ID, "Åse Ærø")
	must := mustFn[NoteDTO](t)
	own := NewNoteService(asWorker(w.d, aisha))

	mine := must(own.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", DurationMinutes: 30,
		Location: "home", Kind: "visit", Text: "Besøg i hjemmet."}))
	covered := must(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-21T09:00", DurationMinutes: 15,
		Location: "street", Kind: "visit", Text: "Mødte Åse ved stationen.", Reason: "ignored on a new note"}))
	if mine.Author != (NoteWorkerDTO{ID: aisha.ID, Name: "Aisha Berg"}) || mine.RevisionCount != 1 || mine.Corrected {
		t.Errorf("own note = %+v", mine)
	}
	// Written by the team lead on Aisha's course: the lead's note, not the course worker's.
	if covered.Author != (NoteWorkerDTO{ID: w.lead.ID, Name: "Mette Lund"}) || covered.Corrected || covered.CorrectionReason != "" {
		t.Errorf("the colleague's note = %+v, want Mette Lund as author", covered)
	}

	// Aisha corrects the lead's note: it stays the lead's, and the correction is hers.
	w.clock = w.clock.Add(24 * time.Hour)
	fixed := must(own.SaveNote(NoteInput{ID: covered.ID, CourseID: co.ID, OccurredAt: "2026-11-21T09:00", DurationMinutes: 15,
		Location: "street", Kind: "visit", Text: "Mødte Åse ved busstationen.", Reason: "  Forkert sted  "}))
	if fixed.Author.ID != w.lead.ID || !fixed.Corrected || fixed.RevisionCount != 2 || fixed.CorrectedBy.ID != aisha.ID ||
		fixed.CorrectedBy.Name != "Aisha Berg" || fixed.CorrectionReason != "Forkert sted" || fixed.CorrectedAt != "2026-12-02T10:00:00Z" ||
		fixed.CreatedAt != "2026-12-01T10:00:00Z" {
		t.Fatalf("corrected = %+v", fixed)
	}
	// Saving it again unchanged makes no revision.
	same := must(own.SaveNote(NoteInput{ID: covered.ID, CourseID: co.ID, OccurredAt: "2026-11-21T09:00", DurationMinutes: 15,
		Location: "street", Kind: "visit", Text: "Mødte Åse ved busstationen.", Reason: "Igen"}))
	if same.RevisionCount != 2 || same.CorrectionReason != "Forkert sted" {
		t.Errorf("an unchanged save = %+v, want revision 2 kept", same)
	}

	list := mustFn[[]NoteDTO](t)(w.notes.ListNotes(IDInput{ID: co.ID}))
	if len(list) != 2 || list[0].ID != covered.ID || list[0].Author.Name != "Mette Lund" || !list[0].Corrected ||
		list[1].Author.Name != "Aisha Berg" {
		t.Fatalf("list = %+v", list)
	}
	revs := mustFn[[]NoteRevisionDTO](t)(own.NoteRevisions(IDInput{ID: covered.ID}))
	if len(revs) != 2 {
		t.Fatalf("revisions = %+v", revs)
	}
	if r := revs[0]; r.RevisionNo != 2 || r.Text != "Mødte Åse ved busstationen." || r.SavedBy.Name != "Aisha Berg" ||
		r.Reason != "Forkert sted" || r.SavedAt != "2026-12-02T10:00:00Z" {
		t.Errorf("newest revision = %+v", r)
	}
	if r := revs[1]; r.RevisionNo != 1 || r.Text != "Mødte Åse ved stationen." || r.SavedBy.ID != w.lead.ID ||
		r.Reason != "" || r.SavedAt != "2026-12-01T10:00:00Z" || r.Location != "street" || r.DurationMinutes != 15 {
		t.Errorf("first revision = %+v", r)
	}

	// The search finds the current text and shows the author.
	hits := mustFn[[]NoteHitDTO](t)(w.notes.SearchNotes(NoteSearchInput{Query: "busstationen"}))
	if len(hits) != 1 || hits[0].Note.Author.Name != "Mette Lund" || !hits[0].Note.Corrected {
		t.Errorf("hits = %+v", hits)
	}
	if hits := mustFn[[]NoteHitDTO](t)(w.notes.SearchNotes(NoteSearchInput{Query: "stationen"})); len(hits) != 0 {
		t.Errorf("the text before the correction is found: %+v", hits)
	}

	// The audit log names the note and its revision, never its text.
	var got []string
	for _, e := range noteAudit(t, w.d.Store) {
		if strings.Contains(e.Detail, "Åse") || strings.Contains(e.Detail, "stationen") {
			t.Errorf("note text in the audit log: %+v", e)
		}
		if e.Action != AuditView || strings.Contains(e.Detail, "revisions") {
			got = append(got, e.WorkerName+": "+e.Action+" "+e.Detail)
		}
	}
	want := []string{
		"Aisha Berg: create note " + itoa(int(mine.ID)) + " revision 1",
		"Mette Lund: create note " + itoa(int(covered.ID)) + " revision 1",
		"Aisha Berg: change note " + itoa(int(covered.ID)) + " revision 2",
		"Aisha Berg: view note " + itoa(int(covered.ID)) + " revisions",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoteCorrectionRules(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	n := mustFn[NoteDTO](t)(w.notes.SaveNote(NoteInput{CourseID: co.ID, OccurredAt: "2026-11-20T10:00", Location: "home",
		Kind: "visit", Text: "Besøg."}))
	fix := NoteInput{ID: n.ID, CourseID: co.ID, OccurredAt: "2026-11-20T10:00", Location: "home", Kind: "visit", Text: "Besøg i hjemmet."}

	for _, c := range []struct {
		name, reason string
		code         domain.Code
	}{
		{"reason too long", strings.Repeat("å", domain.MaxShortText+1), domain.CodeTooLong},
		{"reason with a control character", "Fejl\x07", domain.CodeInvalidCharacters},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := fix
			in.Reason = c.reason
			_, err := w.notes.SaveNote(in)
			wantField(t, err, "reason", c.code)
		})
	}
	revs := mustFn[[]NoteRevisionDTO](t)(w.notes.NoteRevisions(IDInput{ID: n.ID}))
	if len(revs) != 1 {
		t.Fatalf("a refused correction left %d revisions", len(revs))
	}
	_, err := w.notes.NoteRevisions(IDInput{ID: 4242})
	wantCode(t, err, domain.CodeNotFound)

	// The command line is no worker: it cannot be the author of a note.
	_, err = NewNoteService(w.d).SaveNote(fix)
	wantCode(t, err, domain.CodeForbidden)

	// A colleague may read the revisions of a note they may read, and not when the team
	// hides colleagues' citizens; they may not correct it.
	jonas := w.worker(t, "Jonas Ravn", "JR", domain.RoleICMWorker, 1)
	colleague := NewNoteService(asWorker(w.d, jonas))
	if revs := mustFn[[]NoteRevisionDTO](t)(colleague.NoteRevisions(IDInput{ID: n.ID})); len(revs) != 1 {
		t.Errorf("read-only colleague sees %d revisions", len(revs))
	}
	_, err = colleague.SaveNote(fix)
	wantCode(t, err, domain.CodeReadOnlyAccess)
	mustFn[TeamSettingsDTO](t)(w.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: 14, ColleagueAccess: ColleagueNone, LockMinutes: 10}))
	_, err = colleague.NoteRevisions(IDInput{ID: n.ID})
	wantCode(t, err, domain.CodeNoAccess)
	if revs := mustFn[[]NoteRevisionDTO](t)(w.notes.NoteRevisions(IDInput{ID: n.ID})); len(revs) != 1 {
		t.Fatalf("revisions = %+v", revs)
	}
}
