package store

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/domain"
)

// copyFile copies the test fixture src to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// The demo database of the last release (schema 9) upgrades with every note kept: its
// author is the course's responsible worker and it has exactly one revision, equal to the
// note as it was.
func TestMigrateSchema9DemoNoteAuthorsAndRevisions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	copyFile(t, filepath.Join("testdata", "schema9-demo.db"), path)

	type oldNote struct {
		ID                   uint
		CourseID             uint
		OccurredAt           string
		DurationMinutes      int
		Location, Kind, Text string
		UpdatedAt            string
		WorkerID             uint
		WorkerName           string
	}
	var before []oldNote
	var stats string
	old := openUnmigrated(t, path)
	if v, err := old.SchemaVersion(ctx); err != nil || v != 9 {
		t.Fatalf("fixture at version %d, %v; want 9", v, err)
	}
	if err := old.db.Raw(`SELECT n.id, n.course_id, n.occurred_at, n.duration_minutes, n.location, n.kind, n.text,
			CAST(n.updated_at AS TEXT) AS updated_at, c.worker_id, w.name AS worker_name
		FROM notes n JOIN courses c ON c.id = n.course_id JOIN workers w ON w.id = c.worker_id ORDER BY n.id`).
		Scan(&before).Error; err != nil {
		t.Fatal(err)
	}
	stats = statsRows(t, old, "SELECT * FROM note_stats ORDER BY 1, 2, 3")
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	if len(before) == 0 {
		t.Fatal("the fixture has no notes: the test would prove nothing")
	}

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open (upgrade from 9): %v", err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != LatestVersion() {
		t.Fatalf("upgraded to %d, want %d", v, LatestVersion())
	}
	if n := count(t, st, "SELECT COUNT(*) FROM notes"); n != len(before) {
		t.Fatalf("%d notes after the upgrade, want %d", n, len(before))
	}
	if n := count(t, st, "SELECT COUNT(*) FROM note_revisions"); n != len(before) {
		t.Fatalf("%d revisions after the upgrade, want one per note (%d)", n, len(before))
	}
	for _, o := range before {
		n, err := st.GetNote(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n.AuthorWorkerID != o.WorkerID || n.AuthorName != o.WorkerName || n.RevisionNo != 1 ||
			n.RevisionWorkerID != o.WorkerID || n.RevisionWorkerName != o.WorkerName || n.RevisionReason != "" {
			t.Errorf("note %d: author %d %q, revision %d by %d %q %q; want the course's worker %d %q, revision 1",
				o.ID, n.AuthorWorkerID, n.AuthorName, n.RevisionNo, n.RevisionWorkerID, n.RevisionWorkerName,
				n.RevisionReason, o.WorkerID, o.WorkerName)
		}
		if n.Text != o.Text || n.OccurredAt != o.OccurredAt || n.CourseID != o.CourseID {
			t.Errorf("note %d changed by the upgrade: %+v", o.ID, n)
		}
		revs, err := st.ListNoteRevisions(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 1 {
			t.Fatalf("note %d has %d revisions, want 1", o.ID, len(revs))
		}
		r := revs[0]
		if r.RevisionNo != 1 || r.Text != o.Text || r.OccurredAt != o.OccurredAt || r.DurationMinutes != o.DurationMinutes ||
			r.Location != o.Location || r.Kind != o.Kind || r.WorkerID != o.WorkerID || r.WorkerName != o.WorkerName ||
			r.Reason != "" || !r.CreatedAt.Equal(n.UpdatedAt) {
			t.Errorf("note %d revision = %+v, want the note as it was (%+v)", o.ID, r, o)
		}
	}
	if got := statsRows(t, st, "SELECT * FROM note_stats ORDER BY 1, 2, 3"); got != stats {
		t.Errorf("note_stats changed by the upgrade:\n %s\nwas\n %s", got, stats)
	}
	if err := st.db.Exec("INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)").Error; err != nil {
		t.Errorf("notes_fts integrity-check after the upgrade: %v", err)
	}
	if err := st.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// A colleague's note is theirs; a correction by someone else is a new revision that keeps
// the author, and every earlier revision stays as it was.
func TestNoteRevisions(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø")
	if err := st.db.Exec(`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
		VALUES (2, 1, 'Jonas Ørnberg', 'JØ', 'icm_worker', 100, 1, '2026-01-01', '2026-01-01')`).Error; err != nil {
		t.Fatal(err)
	}
	first := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	n := &Note{CourseID: 1, OccurredAt: "2026-11-02T09:00", DurationMinutes: 30, Location: "street", Kind: "visit",
		Text: "Mødte borgeren ved stationen.", CreatedAt: first, UpdatedAt: first}
	byWorker(n, 2, "Jonas Ørnberg")
	if err := st.AddNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if n.RevisionNo != 1 {
		t.Fatalf("a new note is revision %d", n.RevisionNo)
	}

	second := first.Add(24 * time.Hour)
	fix := *n
	fix.Text, fix.Location = "Mødte borgeren ved busstationen.", "other"
	fix.RevisionWorkerID, fix.RevisionWorkerName, fix.RevisionReason, fix.UpdatedAt = 1, "Mette Lund", "Forkert sted", second
	fix.AuthorWorkerID, fix.AuthorName = 1, "Mette Lund" // ignored: the author stays
	if err := st.ReviseNote(ctx, &fix, n.RevisionNo); err != nil {
		t.Fatal(err)
	}
	got, err := st.GetNote(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthorWorkerID != 2 || got.AuthorName != "Jonas Ørnberg" || got.RevisionNo != 2 || got.RevisionWorkerID != 1 ||
		got.RevisionReason != "Forkert sted" || got.Text != fix.Text || !got.CreatedAt.Equal(first) || !got.UpdatedAt.Equal(second) {
		t.Fatalf("after the correction = %+v", got)
	}
	// A correction from a revision that is no longer the current one is refused.
	stale := fix
	stale.Text = "For sent"
	wantCode(t, st.ReviseNote(ctx, &stale, 1), domain.CodeNotFound)

	revs, err := st.ListNoteRevisions(ctx, n.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	if r := revs[0]; r.RevisionNo != 1 || r.Text != "Mødte borgeren ved stationen." || r.Location != "street" ||
		r.WorkerID != 2 || r.WorkerName != "Jonas Ørnberg" || r.Reason != "" || !r.CreatedAt.Equal(first) {
		t.Errorf("revision 1 = %+v", r)
	}
	if r := revs[1]; r.RevisionNo != 2 || r.Text != fix.Text || r.Location != "other" || r.WorkerID != 1 ||
		r.WorkerName != "Mette Lund" || r.Reason != "Forkert sted" || !r.CreatedAt.Equal(second) {
		t.Errorf("revision 2 = %+v", r)
	}
	byNote, err := st.CourseNoteRevisions(ctx, 1)
	if err != nil || len(byNote[n.ID]) != 2 || byNote[n.ID][1].RevisionNo != 2 {
		t.Errorf("CourseNoteRevisions = %+v, %v", byNote, err)
	}
	// The search finds the current text only.
	if ids := hitIDs(t, st, "busstationen", 1); len(ids) != 1 {
		t.Errorf("the current text is not found: %v", ids)
	}
	if ids := hitIDs(t, st, "stationen", 1); len(ids) != 0 {
		t.Errorf("the first text is still found: %v", ids)
	}

	t.Run("nothing writes a note but AddNote and ReviseNote", func(t *testing.T) {
		wantCode(t, st.Save(ctx, got), domain.CodeNoteRecord)
		wantCode(t, st.Delete(ctx, &Note{}, n.ID), domain.CodeNoteRecord)
		wantCode(t, st.Save(ctx, &revs[0]), domain.CodeNoteRecord)
		again := *got
		wantCode(t, st.AddNote(ctx, &again), domain.CodeInternal)
		for name, bad := range map[string]func(*Note){
			"no author":         func(n *Note) { n.AuthorWorkerID = 0 },
			"no author name":    func(n *Note) { n.AuthorName = "" },
			"no reviser":        func(n *Note) { n.RevisionWorkerID = 0 },
			"no reviser's name": func(n *Note) { n.RevisionWorkerName = "" },
		} {
			x := &Note{CourseID: 1, OccurredAt: "2026-11-03T09:00", Location: "home", Kind: "visit", Text: "x",
				CreatedAt: first, UpdatedAt: first}
			byWorker(x, 1, "Mette Lund")
			bad(x)
			if err := st.AddNote(ctx, x); domain.CodeOf(err) != domain.CodeNoteRecord {
				t.Errorf("%s: AddNote = %v, want note_record", name, err)
			}
		}
		// The SQL of a note before version 10 names no author.
		for _, q := range seedAt[3] {
			if len(q) > 18 && q[:18] == "INSERT INTO notes(" {
				wantCode(t, storageErr(st.db.Exec(q).Error), domain.CodeNoteRecord)
			}
		}
		for _, q := range []string{
			"UPDATE notes SET author_worker_id = 1, revision_no = revision_no + 1 WHERE id = 1",
			"UPDATE notes SET created_at = '2020-01-01', revision_no = revision_no + 1 WHERE id = 1",
			"UPDATE notes SET revision_no = revision_no + 2 WHERE id = 1",
			"UPDATE note_revisions SET reason = 'x' WHERE note_id = 1",
			"DELETE FROM note_revisions WHERE note_id = 1",
		} {
			wantCode(t, storageErr(st.db.Exec(q).Error), domain.CodeNoteRecord)
		}
		if n := count(t, st, "SELECT COUNT(*) FROM note_revisions"); n != 2 {
			t.Errorf("%d revisions after the refused writes, want 2", n)
		}
	})
}
