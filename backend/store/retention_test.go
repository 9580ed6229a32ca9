package store

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// marker is a word that occurs nowhere else, so finding it in the file's bytes means the
// deleted text is still there.
const marker = "Kvæstorflimmer7431"

// seedRetention fills citizen 1 with a row in every table (the migration seeds) plus text
// carrying the marker, and citizen 2 with a course of their own that must survive.
func seedRetention(t *testing.T, st *Store) {
	t.Helper()
	for v := 1; v <= 7; v++ {
		for _, q := range seedRows(v, true) {
			if err := st.db.Exec(q).Error; err != nil {
				t.Fatalf("seed %d: %v", v, err)
			}
		}
	}
	at := "'2025-06-01 10:00:00+00:00'"
	for _, q := range []string{
		`UPDATE citizens SET contact_note = 'Spørg efter ` + marker + `' WHERE id = 1`,
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, author_worker_id, author_name,
				revision_worker_id, revision_worker_name, created_at, updated_at)
			VALUES (3, 1, '2025-05-02T09:00', 30, 'home', 'visit', 'Talte om søvn.', 1, 'Mette Lund', 1, 'Mette Lund', ` + at + `, ` + at + `)`,
		// corrected: the marker is in both the first text and the correction
		`UPDATE notes SET text = 'Talte om ` + marker + ` og om søvn.', revision_no = 2, revision_reason = 'Tilføjet ` + marker + `'
			WHERE id = 3`,
		`INSERT INTO assessment_entries(id, course_id, topic, revision_date, worker_view, created_at, updated_at)
			VALUES (2, 1, 'mental', '2025-05-02', 'Iagttagelse: ` + marker + `', ` + at + `, ` + at + `)`,
		`INSERT INTO plan_versions(id, course_id, version_no, snapshot, signed_at, citizen_name, citizen_date, method,
				worker_id, worker_date, created_at)
			VALUES (2, 1, 2, '{"formatVersion":1,"wishes":"` + marker + `"}', ` + at + `, 'Åse', '2025-06-01', 'paper', 1,
				'2025-06-01', ` + at + `)`,
		// a colleague's cover for citizen 1 only
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (2, 1, 'Jonas Ørnberg', 'JØ', 'icm_worker', 100, 1, ` + at + `, ` + at + `)`,
		`INSERT INTO cover_periods(worker_id, cover_worker_id, from_date, to_date, note, created_at, citizen_id)
			VALUES (1, 2, '2025-05-01', '2025-05-14', 'Ferie', ` + at + `, 1)`,
		// an agreed contact frequency and a case review of citizen 1's course (0018, 0019)
		`INSERT INTO contact_frequencies(course_id, from_date, times, per, note, created_at, updated_at)
			VALUES (1, '2025-01-15', 2, 'week', 'Aftalt med ` + marker + `', ` + at + `, ` + at + `)`,
		`INSERT INTO case_reviews(course_id, date, participants, agreed, created_at, updated_at)
			VALUES (1, '2025-04-02', 'ML, JØ', 'Tal med ` + marker + `', ` + at + `, ` + at + `)`,
		// citizen 2 and their course, which the deletion must not touch
		`INSERT INTO citizens(id, team_id, name, created_at, updated_at) VALUES (2, 1, 'Bo Berg', ` + at + `, ` + at + `)`,
		`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, end_date, created_at, updated_at)
			VALUES (2, 2, 1, '2025-01-05', 'closed', '2025-05-30', ` + at + `, ` + at + `)`,
		`INSERT INTO closings(course_id, reason, after_support, housing_at_close, updated_at)
			VALUES (2, 'moved', 'none', 'own', ` + at + `)`,
		`INSERT INTO housing_events(citizen_id, course_id, date, housing, note, kind, created_at)
			VALUES (1, NULL, '2025-03-01', 'own', 'Nøgler til ` + marker + `', 'move', ` + at + `)`,
		`INSERT INTO housing_events(citizen_id, course_id, date, housing, note, kind, created_at)
			VALUES (2, 2, '2025-05-30', 'own', '', 'close', ` + at + `)`,
		`INSERT INTO conflict_resolutions(citizen_id, course_id, tbl, row_uid, col, hlc, choice, worker_id, created_at)
			VALUES (1, 1, 'citizens', 'c1', 'phone', 'h1', 'kept', 1, ` + at + `)`,
		`INSERT INTO conflict_resolutions(citizen_id, course_id, tbl, row_uid, col, hlc, choice, worker_id, created_at)
			VALUES (2, 2, 'citizens', 'c2', 'phone', 'h2', 'current', 1, ` + at + `)`,
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, author_worker_id, author_name,
				revision_worker_id, revision_worker_name, created_at, updated_at)
			VALUES (4, 2, '2025-02-01T10:00', 20, 'office', 'visit', 'Bo fik hjælp med søvn.', 1, 'Mette Lund', 1, 'Mette Lund', ` + at + `, ` + at + `)`,
		`INSERT INTO goals(id, course_id, citizen_words, created_at, updated_at) VALUES (2, 2, 'Arbejde igen', ` + at + `, ` + at + `)`,
		`INSERT INTO plan_versions(id, course_id, version_no, snapshot, signed_at, citizen_name, citizen_date, method,
				worker_id, worker_date, created_at)
			VALUES (3, 2, 1, '{"formatVersion":1}', ` + at + `, 'Bo Berg', '2025-02-01', 'paper', 1, '2025-02-01', ` + at + `)`,
		`INSERT INTO audit_log(id, at, worker_id, worker_name, action, object, citizen_id, course_id, detail, prev_hash, hash)
			VALUES (2, '2025-04-02T10:00:00Z', 1, 'Mette Lund', 'view', 'notes', 1, 1, '', 'abc', 'def')`,
	} {
		if err := st.db.Exec(q).Error; err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

// fileHas reports whether the database file or its write-ahead log contains s.
func fileHas(t *testing.T, path, s string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

func count(t *testing.T, st *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := st.db.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// Every table that refers to a citizen, a course or a row of a course's steps is emptied of
// the citizen's rows by a deletion; the audit log keeps its entries and the deletion's own
// markers are gone when it commits.
func TestRetentionTablesCoverTheSchema(t *testing.T) {
	st, _ := openTemp(t)
	var tables []string
	if err := st.db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name <> 'schema_migrations' AND name NOT LIKE 'notes_fts%'`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	refs := []string{"citizen_id", "course_id", "goal_id", "subgoal_id", "meeting_id", "evaluation_id", "note_id"}
	kept := map[string]bool{"audit_log": true, "retention_deletions": true}
	for _, table := range tables {
		var cols []struct{ Name string }
		if err := st.db.Raw("SELECT name FROM pragma_table_info(?)", table).Scan(&cols).Error; err != nil {
			t.Fatal(err)
		}
		refers := table == "citizens"
		for _, c := range cols {
			refers = refers || slices.Contains(refs, c.Name)
		}
		if refers && !kept[table] && !slices.Contains(RetentionTables(), table) {
			t.Errorf("table %s refers to a citizen's data but a deletion at the end of retention leaves it", table)
		}
	}
}

func TestDeleteCitizenData(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	seedRetention(t, st)
	at := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	entry := func(c CitizenDataCounts) AuditEntry {
		return AuditEntry{WorkerID: 1, WorkerName: "Mette Lund", Action: "delete", Object: "citizen", CitizenID: 1,
			Detail: "notes=" + strconv.Itoa(c.Rows["notes"])}
	}

	t.Run("refused while a course is open", func(t *testing.T) {
		before := count(t, st, "SELECT COUNT(*) FROM notes")
		_, err := st.DeleteCitizenData(ctx, 1, at, entry)
		wantCode(t, err, "retention_course_open")
		if got := count(t, st, "SELECT COUNT(*) FROM notes"); got != before {
			t.Errorf("notes %d after a refused deletion, want %d", got, before)
		}
		if n := count(t, st, "SELECT COUNT(*) FROM audit_log"); n != 2 {
			t.Errorf("%d audit entries after a refused deletion, want the 2 seeded", n)
		}
	})

	t.Run("unknown citizen", func(t *testing.T) {
		_, err := st.DeleteCitizenData(ctx, 99, at, entry)
		wantCode(t, err, "not_found")
	})

	if err := st.db.Exec(`UPDATE courses SET status = 'closed', end_date = '2025-06-30' WHERE id = 1`).Error; err != nil {
		t.Fatal(err)
	}

	t.Run("signed versions stay protected outside a deletion", func(t *testing.T) {
		wantCode(t, storageErr(st.db.Exec("DELETE FROM plan_versions WHERE course_id = 1").Error), "plan_signed")
		// A marker alone does not open an open course's versions.
		if err := st.db.Exec("UPDATE courses SET status = 'active' WHERE id = 2").Error; err != nil {
			t.Fatal(err)
		}
		err := st.Tx(ctx, func(tx *Store) error {
			if err := tx.db.Exec(`INSERT INTO retention_deletions VALUES (2, 2, '2026-01-10T09:00:00Z')`).Error; err != nil {
				return err
			}
			return storageErr(tx.db.Exec("DELETE FROM plan_versions WHERE course_id = 2").Error)
		})
		wantCode(t, err, "plan_signed")
		if err := st.db.Exec("UPDATE courses SET status = 'closed' WHERE id = 2").Error; err != nil {
			t.Fatal(err)
		}
		if n := count(t, st, "SELECT COUNT(*) FROM plan_versions"); n != 3 {
			t.Fatalf("%d plan versions, want all 3", n)
		}
	})

	t.Run("notes and their revisions stay protected outside a deletion", func(t *testing.T) {
		for _, q := range []string{
			"DELETE FROM note_revisions WHERE note_id = 3",
			"DELETE FROM notes WHERE id = 3",
			"UPDATE note_revisions SET text = 'ændret' WHERE note_id = 3",
			"UPDATE notes SET text = 'ændret' WHERE id = 3", // in place: no new revision
		} {
			wantCode(t, storageErr(st.db.Exec(q).Error), "note_record")
		}
		// A marker for another citizen's course does not open this one's notes.
		err := st.Tx(ctx, func(tx *Store) error {
			if err := tx.db.Exec(`INSERT INTO retention_deletions VALUES (2, 2, '2026-01-10T09:00:00Z')`).Error; err != nil {
				return err
			}
			return storageErr(tx.db.Exec("DELETE FROM note_revisions WHERE note_id = 3").Error)
		})
		wantCode(t, err, "note_record")
		if n := count(t, st, "SELECT COUNT(*) FROM note_revisions WHERE note_id = 3"); n != 2 {
			t.Fatalf("%d revisions of note 3, want both", n)
		}
	})

	// The check below means something only if the text is in the file before the deletion.
	if err := st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		t.Fatal(err)
	}
	if !fileHas(t, path, marker) || !fileHas(t, path, strings.ToLower(marker)) {
		t.Fatal("the marker is not in the file before the deletion: the test would prove nothing")
	}
	other := map[string]int{}
	for _, table := range RetentionTables() {
		other[table] = count(t, st, "SELECT COUNT(*) FROM "+table)
	}
	before, err := st.CountCitizenData(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if before.Rows["notes"] != 3 || before.Rows["note_revisions"] != 4 || before.Rows["plan_versions"] != 2 || before.AuditEntries != 2 || before.OpenCourses != 0 ||
		before.LastEndDate != "2025-06-30" {
		t.Fatalf("counts before = %+v", before)
	}
	for _, table := range RetentionTables() {
		if before.Rows[table] == 0 {
			t.Errorf("the seed has no row of citizen 1 in %s: the deletion of that table is not tested", table)
		}
	}

	res, err := st.DeleteCitizenData(ctx, 1, at, entry)
	if err != nil {
		t.Fatal(err)
	}
	if res.SecureDelete != 1 {
		t.Errorf("secure_delete read back %d, want 1", res.SecureDelete)
	}
	if res.Checkpoint.Busy != 0 {
		t.Errorf("checkpoint busy: %+v", res.Checkpoint)
	}
	for _, table := range RetentionTables() {
		if got, want := count(t, st, "SELECT COUNT(*) FROM "+table), other[table]-before.Rows[table]; got != want {
			t.Errorf("%s has %d rows after the deletion, want %d", table, got, want)
		}
	}
	if _, err := st.CountCitizenData(ctx, 1); err == nil {
		t.Error("the citizen is still there")
	}
	if n := count(t, st, "SELECT COUNT(*) FROM courses WHERE citizen_id = 1"); n != 0 {
		t.Errorf("%d courses left", n)
	}
	// Citizen 2 is untouched.
	for q, want := range map[string]int{
		"SELECT COUNT(*) FROM citizens WHERE id = 2":                                     1,
		"SELECT COUNT(*) FROM notes WHERE course_id = 2":                                 1,
		"SELECT COUNT(*) FROM note_revisions WHERE note_id = 4":                          1,
		"SELECT COUNT(*) FROM goals WHERE course_id = 2":                                 1,
		"SELECT COUNT(*) FROM plan_versions WHERE course_id = 2":                         1,
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"søvn"'`:                  1,
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"` + marker + `"'`:        0,
		"SELECT COUNT(*) FROM retention_deletions":                                       0,
		"SELECT COUNT(*) FROM audit_log WHERE citizen_id = 1":                            3,
		"SELECT COUNT(*) FROM audit_log WHERE citizen_id = 1 AND detail = 'notes=3'":     1,
		"SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND object = 'citizen'":  1,
		"SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH 'sov*' AND rowid IN (1,3)": 0,
	} {
		if got := count(t, st, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	if v := count(t, st, "PRAGMA secure_delete"); v != 0 {
		t.Errorf("secure_delete left at %d on a pooled connection", v)
	}
	if err := st.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{marker, strings.ToLower(marker), "kvæstorflim"} {
		if fileHas(t, path, s) {
			t.Errorf("%q is still in the database file or its log after the deletion", s)
		}
	}
}
