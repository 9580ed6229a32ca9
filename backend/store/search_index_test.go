package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// schemaOf lists the triggers on notes with their text.
func schemaOf(t *testing.T, st *Store) map[string]string {
	t.Helper()
	var rows []struct{ Name, SQL string }
	if err := st.db.Raw(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'notes'`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.Name] = r.SQL
	}
	return out
}

func searchIDs(t *testing.T, st *Store, q string) []uint {
	t.Helper()
	hits, err := st.SearchNotes(context.Background(), q, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// Notes loaded and corrected while the search index is suspended are found afterwards by
// their new words and not by their old ones; the index's triggers and settings are what
// they were, and the index is sound. A transaction that fails leaves the triggers in place.
func TestSuspendedSearchIndexIsRebuiltWhole(t *testing.T) {
	st, path := openTemp(t)
	seedCourses(t, st, "Åse Ærø")
	old := addNote(t, st, 1, "2026-11-01T10:00", "kaffe på værestedet")
	before := schemaOf(t, st)

	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var loaded []uint
	err := st.db.Transaction(func(tx *gorm.DB) error {
		if err := SuspendSearchIndex(tx); err != nil {
			return err
		}
		for i := 0; i < 300; i++ {
			n := &Note{CourseID: 1, OccurredAt: "2026-11-02T10:00", DurationMinutes: 30, Location: "home", Kind: "visit",
				Text: "tandlæge aftalt 😀 مرحبا", RevisionNo: 1, CreatedAt: now, UpdatedAt: now}
			byWorker(n, 1, "Mette Lund")
			if err := tx.Create(n).Error; err != nil {
				return err
			}
			loaded = append(loaded, n.ID)
		}
		if err := tx.Exec(`UPDATE notes SET text = 'budget gennemgået', revision_no = revision_no + 1, revision_reason = 'rettet'
			WHERE id = ?`, old.ID).Error; err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// While the index is suspended a search says so rather than answer from half an index.
	if _, err := st.SearchNotes(context.Background(), "tandlæge", 0, 50); domain.CodeOf(err) != domain.CodeSearchIndexBuilding {
		t.Fatalf("a search while the index is suspended: %v", err)
	}
	if done, err := st.ResumeSearchIndex(context.Background()); err != nil || !done {
		t.Fatalf("resume: %v, %v", done, err)
	}
	if done, err := st.ResumeSearchIndex(context.Background()); err != nil || done {
		t.Fatalf("a second resume: %v, %v", done, err)
	}
	if got := searchIDs(t, st, "tandlæge"); len(got) != 50 || got[0] < loaded[0] {
		t.Errorf("tandlæge finds %v, want 50 of the loaded notes", got)
	}
	if got := searchIDs(t, st, "budget"); len(got) != 1 || got[0] != old.ID {
		t.Errorf("budget finds %v, want the corrected note %d", got, old.ID)
	}
	if got := searchIDs(t, st, "kaffe"); len(got) != 0 {
		t.Errorf("the corrected note's old word still finds %v", got)
	}
	if after := schemaOf(t, st); len(after) != len(before) {
		t.Errorf("triggers after: %v, before: %v", after, before)
	} else {
		for name, sql := range before {
			if after[name] != sql {
				t.Errorf("trigger %s is now %q, was %q", name, after[name], sql)
			}
		}
	}
	var secure, hash string
	st.db.Raw(`SELECT v FROM notes_fts_config WHERE k = 'secure-delete'`).Scan(&secure)
	st.db.Raw(`SELECT v FROM notes_fts_config WHERE k = 'hashsize'`).Scan(&hash)
	if secure != "1" || (hash != "" && hash != "1048576") {
		t.Errorf("index settings after: secure-delete %q, hashsize %q", secure, hash)
	}
	if err := st.db.Exec(`INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)`).Error; err != nil {
		t.Errorf("the index is not sound: %v", err)
	}
	// New notes are indexed by the triggers again.
	n := addNote(t, st, 1, "2026-11-03T10:00", "herberget ringede")
	if got := searchIDs(t, st, "herberget"); len(got) != 1 || got[0] != n.ID {
		t.Errorf("herberget finds %v", got)
	}

	failed := errors.New("the load failed")
	err = st.db.Transaction(func(tx *gorm.DB) error {
		if err := SuspendSearchIndex(tx); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatal(err)
	}
	if after := schemaOf(t, st); len(after) != len(before) {
		t.Errorf("after a failed load the triggers are %v", after)
	}

	// A load the process did not live to finish: the store resumes the index when opened.
	if err := st.db.Transaction(func(tx *gorm.DB) error { return SuspendSearchIndex(tx) }); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := searchIDs(t, st, "herberget"); len(got) != 1 || got[0] != n.ID {
		t.Errorf("after reopening, herberget finds %v", got)
	}
	if after := schemaOf(t, st); len(after) != len(before) {
		t.Errorf("after reopening the triggers are %v", after)
	}
}

// The triggers a resume puts back are the ones the migrations made, to the letter: a
// migration that changes them must change searchTriggers too (and drop them IF EXISTS, for
// a file opened with the index suspended).
func TestSearchTriggersAreTheSchemas(t *testing.T) {
	st, _ := openTemp(t)
	schema := schemaOf(t, st)
	n := 0
	for _, sql := range schema {
		if strings.Contains(sql, "notes_fts") {
			n++
		}
	}
	if n != len(searchTriggers) {
		t.Fatalf("the schema has %d search index triggers on notes, searchTriggers %d", n, len(searchTriggers))
	}
	for _, tr := range searchTriggers {
		if schema[tr.name] != tr.sql {
			t.Errorf("trigger %s:\nschema: %q\ncode:   %q", tr.name, schema[tr.name], tr.sql)
		}
	}
}

// What the suspension keeps in the settings is a mark, never SQL: a value planted there
// (no laptop can send one: the team shares only its own settings) is not executed.
func TestAResumeRunsNoStoredSQL(t *testing.T) {
	st, _ := openTemp(t)
	if err := st.db.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)`, suspendedKey,
		`[{"Name":"x","SQL":"CREATE TABLE pwned(x)"}]`).Error; err != nil {
		t.Fatal(err)
	}
	if done, err := st.ResumeSearchIndex(context.Background()); err != nil || !done {
		t.Fatalf("resume: %v, %v", done, err)
	}
	var n int64
	st.db.Raw(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'pwned'`).Scan(&n)
	if n != 0 {
		t.Fatal("the planted SQL ran")
	}
	if err := st.db.Exec(`INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)`).Error; err != nil {
		t.Errorf("the index is not sound: %v", err)
	}
}
