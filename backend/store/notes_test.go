package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// seedCourses adds a team, a worker and one active course per citizen name; course i+1
// belongs to citizen i+1.
func seedCourses(t testing.TB, st *Store, citizens ...string) {
	t.Helper()
	db := st.db
	seed := []string{
		`INSERT INTO teams(id, municipality, name, created_at, updated_at) VALUES (1, 'Solvang Kommune', 'ICM', '2026-01-01', '2026-01-01')`,
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (1, 1, 'Mette Lund', 'ML', 'team_lead', 100, 1, '2026-01-01', '2026-01-01')`,
	}
	for _, q := range seed {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for i, name := range citizens {
		if err := db.Exec(`INSERT INTO citizens(id, team_id, name, created_at, updated_at) VALUES (?, 1, ?, '2026-01-01', '2026-01-01')`,
			i+1, name).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, created_at, updated_at)
			VALUES (?, ?, 1, '2026-01-01', 'active', '2026-01-01', '2026-01-01')`, i+1, i+1).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func addNote(t *testing.T, st *Store, courseID uint, at, text string) *Note {
	t.Helper()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	n := &Note{CourseID: courseID, OccurredAt: at, DurationMinutes: 30, Location: "home", Kind: "visit",
		Text: text, CreatedAt: now, UpdatedAt: now}
	byWorker(n, 1, "Mette Lund")
	if err := st.AddNote(context.Background(), n); err != nil {
		t.Fatalf("save note %q: %v", text, err)
	}
	return n
}

// byWorker makes the worker the author of a new note and the writer of its revision 1.
func byWorker(n *Note, workerID uint, name string) {
	n.AuthorWorkerID, n.AuthorName, n.RevisionWorkerID, n.RevisionWorkerName = workerID, name, workerID, name
}

// forgetNote deletes a note and its revisions the only way the schema allows: as the
// deletion at the end of retention does, announced in retention_deletions for its closed
// course. The course is open again afterwards.
func forgetNote(t testing.TB, st *Store, id uint) {
	t.Helper()
	err := st.db.Transaction(func(tx *gorm.DB) error {
		var course struct {
			ID        uint
			CitizenID uint
			Status    string
		}
		if err := tx.Raw("SELECT c.id, c.citizen_id, c.status FROM courses c JOIN notes n ON n.course_id = c.id WHERE n.id = ?", id).
			Scan(&course).Error; err != nil {
			return err
		}
		qs := []string{
			"UPDATE courses SET status = 'closed' WHERE id = @course",
			"INSERT INTO retention_deletions(course_id, citizen_id, started_at) VALUES (@course, @citizen, '2026-12-01T10:00:00Z')",
			"DELETE FROM note_revisions WHERE note_id = @note",
			"DELETE FROM notes WHERE id = @note",
			"DELETE FROM retention_deletions WHERE course_id = @course",
			"UPDATE courses SET status = @status WHERE id = @course",
		}
		if course.Status != "closed" { // a course closes only with its closing (migration 0011)
			qs = append([]string{`INSERT INTO closings(course_id, reason, after_support, housing_at_close, updated_at)
				VALUES (@course, 'other', 'none', '', '2026-12-01 10:00:00+00:00')`}, qs...)
			qs = append(qs, "DELETE FROM closings WHERE course_id = @course")
		}
		for _, q := range qs {
			if err := tx.Exec(q, sql.Named("course", course.ID), sql.Named("citizen", course.CitizenID),
				sql.Named("note", id), sql.Named("status", course.Status)).Error; err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("forget note %d: %v", id, err)
	}
}

// hitIDs runs a search and returns the ids of the hits in order.
func hitIDs(t *testing.T, st *Store, query string, courseID uint) []uint {
	t.Helper()
	hits, err := st.SearchNotes(context.Background(), query, courseID, 200)
	if err != nil {
		t.Fatalf("SearchNotes(%q): %v", query, err)
	}
	out := []uint{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func TestFTSQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"søvn", `"søvn"*`},
		{"  søvn \t dårligt\n", `"søvn"* "dårligt"*`},
		{"", ""},
		{"   ", ""},
		{`"`, ""},
		{`"" "`, ""},
		{`sø"vn`, `"søvn"*`},
		{`"søvn"`, `"søvn"*`},
		{"AND", `"AND"*`},
		{"søvn OR æble", `"søvn"* "OR"* "æble"*`},
		{"NEAR(søvn", `"NEAR(søvn"*`},
		{"*", `"*"*`},
		{"-søvn", `"-søvn"*`},
		{"text:søvn", `"text:søvn"*`},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.in), func(t *testing.T) {
			if got := FTSQuery(c.in); got != c.want {
				t.Fatalf("FTSQuery(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestSearchNotesDanish(t *testing.T) {
	st, _ := openTemp(t)
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted")
	n1 := addNote(t, st, 1, "2026-11-02T09:00", "Borgeren har søvnløs uro om natten")
	n2 := addNote(t, st, 1, "2026-11-03T09:00", "Vi spiste et æble ved åen")
	n3 := addNote(t, st, 2, "2026-11-04T09:00", "Bjørn fortalte om søvn og mareridt")
	n4 := addNote(t, st, 2, "2026-11-05T09:00", "Han var alene hjemme, AND NEAR( x-y a*b \"citat\"")
	n5 := addNote(t, st, 1, "2026-11-06T09:00", "SØVN er stadig et problem, æblet lå på gulvet")
	ids := func(ns ...*Note) []uint {
		out := []uint{}
		for _, n := range ns {
			out = append(out, n.ID)
		}
		return out
	}
	cases := []struct {
		name     string
		query    string
		courseID uint
		want     []uint // newest first
	}{
		{"exact word", "mareridt", 0, ids(n3)},
		{"upper case query finds lower case ø", "SØVN", 0, ids(n5, n3, n1)},
		{"lower case query finds upper case Ø", "søvn", 0, ids(n5, n3, n1)},
		{"prefix finds longer words", "søv", 0, ids(n5, n3, n1)},
		{"søvn as a prefix of søvnløs", "søvnl", 0, ids(n1)},
		{"ÆBLE finds æble and æblet", "ÆBLE", 0, ids(n5, n2)},
		{"Å finds åen", "Å", 0, ids(n2)},
		{"å finds åen", "å", 0, ids(n2)},
		{"sovn does not find søvn", "sovn", 0, ids()},
		{"aeble does not find æble", "aeble", 0, ids()},
		{"a prefix finds alene but not åen", "a", 0, ids(n4)},
		{"o does not find ø", "ørsted orsted", 0, ids()},
		{"every word must match", "søvn natten", 0, ids(n1)},
		{"every word must match, none has both", "søvn hjemme", 0, ids()},
		{"every word must match (prefixes)", "søv nat", 0, ids(n1)},
		{"words from two notes match neither", "mareridt æble", 0, ids()},
		{"word order does not matter", "gulvet SØVN", 0, ids(n5)},
		{"course filter: first citizen", "søv", 1, ids(n5, n1)},
		{"course filter: second citizen", "søv", 2, ids(n3)},
		{"course filter: unknown course", "søv", 99, ids()},
		{"no words", "   ", 0, ids()},
		// FTS5 syntax in the query is matched as text, never parsed.
		{"AND is a word", "AND", 0, ids(n4)},
		{"NEAR( is a word", "NEAR(", 0, ids(n4)},
		{"x-y is a phrase, not a NOT", "x-y", 0, ids(n4)},
		{"a*b is a phrase", "a*b", 0, ids(n4)},
		{"quoted word", `"citat"`, 0, ids(n4)},
		{"unbalanced quote", `"citat`, 0, ids(n4)},
		{"OR does not widen the search", "mareridt OR natten", 0, ids()},
		{"NOT does not exclude", "søvn NOT mareridt", 0, ids()},
		{"minus does not exclude: both words must match", "søvn -mareridt", 0, ids(n3)},
		{"column filter is text", "text:søvn", 0, ids()},
		{"column set is text", "{text}: søvn", 0, ids()},
		{"caret is text", "^søvn", 0, ids(n5, n3, n1)},
		{"lone star", "*", 0, ids()},
		{"lone minus", "-", 0, ids()},
		{"parentheses", "( )", 0, ids()},
		{"lone quote", `"`, 0, ids()},
		{"plus and colon", "+ :", 0, ids()},
		{"apostrophe and semicolon", "'; DROP TABLE notes; --", 0, ids()},
		{"NEAR group", "NEAR(søvn mareridt, 5)", 0, ids()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := hitIDs(t, st, c.query, c.courseID)
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Fatalf("search %q (course %d) = %v, want %v", c.query, c.courseID, got, c.want)
			}
		})
	}
	var n int64
	if err := st.db.Raw("SELECT COUNT(*) FROM notes").Scan(&n).Error; err != nil || n != 5 {
		t.Fatalf("notes after the searches = %d, %v", n, err)
	}
}

func TestSearchNotesHits(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted")
	a := addNote(t, st, 1, "2026-11-02T09:00", "Åse sover dårligt og er træt")
	b := addNote(t, st, 2, "2026-11-03T14:30", "Bjørn sover på herberget i nat")
	hits, err := st.SearchNotes(ctx, "SOVER", 0, 200)
	if err != nil || len(hits) != 2 {
		t.Fatalf("hits = %+v, %v", hits, err)
	}
	want := []struct {
		id       uint
		citizen  uint
		name, at string
		snippet  string
	}{
		{b.ID, 2, "Bjørn Ørsted", "2026-11-03T14:30", "Bjørn [sover] på herberget i nat"},
		{a.ID, 1, "Åse Ærø", "2026-11-02T09:00", "Åse [sover] dårligt og er træt"},
	}
	for i, w := range want {
		h := hits[i]
		if h.ID != w.id || h.CitizenID != w.citizen || h.CitizenName != w.name || h.OccurredAt != w.at ||
			h.CourseID != w.citizen || h.Kind != "visit" || h.Location != "home" || h.DurationMinutes != 30 {
			t.Errorf("hit %d = %+v, want note %d of citizen %d %s", i, h, w.id, w.citizen, w.name)
		}
		if h.Snippet != w.snippet {
			t.Errorf("hit %d snippet = %q, want %q", i, h.Snippet, w.snippet)
		}
	}

	t.Run("snippet brackets the matched prefix in a long note", func(t *testing.T) {
		long := strings.Repeat("Vi talte om økonomi og budget. ", 20) + "Hun nævnte tandlægen til sidst. " +
			strings.Repeat("Resten handlede om boligen. ", 20)
		addNote(t, st, 1, "2026-11-04T10:00", long)
		hits, err := st.SearchNotes(ctx, "tandlæge", 1, 200)
		if err != nil || len(hits) != 1 {
			t.Fatalf("hits = %d, %v", len(hits), err)
		}
		s := hits[0].Snippet
		if !strings.Contains(s, "[tandlægen]") || !strings.Contains(s, "…") || len([]rune(s)) > 200 {
			t.Fatalf("snippet = %q, want a short excerpt with [tandlægen]", s)
		}
	})

	t.Run("limit", func(t *testing.T) {
		for i := 0; i < 5; i++ {
			addNote(t, st, 2, fmt.Sprintf("2026-11-%02dT08:00", 10+i), "Kort besøg, borgeren sover")
		}
		hits, err := st.SearchNotes(ctx, "sover", 0, 3)
		if err != nil || len(hits) != 3 || hits[0].OccurredAt != "2026-11-14T08:00" {
			t.Fatalf("hits = %+v, %v; want the 3 newest", hits, err)
		}
	})
}

func TestNotesFTSFollowsEdits(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø")
	n := addNote(t, st, 1, "2026-11-02T09:00", "Borgeren spiste et æble")
	other := addNote(t, st, 1, "2026-11-03T09:00", "Borgeren sov længe")
	find := func(q string) []uint { return hitIDs(t, st, q, 0) }
	if got := find("æble"); fmt.Sprint(got) != fmt.Sprint([]uint{n.ID}) {
		t.Fatalf("before edit æble = %v", got)
	}

	n.Text = "Borgeren spiste en pære"
	if err := st.ReviseNote(ctx, n, n.RevisionNo); err != nil {
		t.Fatal(err)
	}
	if got := find("æble"); len(got) != 0 {
		t.Errorf("after edit the old word still finds %v", got)
	}
	if got := find("pære"); fmt.Sprint(got) != fmt.Sprint([]uint{n.ID}) {
		t.Errorf("after edit the new word finds %v", got)
	}
	if got := find("borgeren"); len(got) != 2 {
		t.Errorf("words kept by the edit find %v, want both notes", got)
	}

	// Changing other columns leaves the index alone (the trigger is on text only).
	if err := st.db.Exec("UPDATE notes SET kind = 'attempt', location = 'street', revision_no = revision_no + 1 WHERE id = ?", n.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got := find("pære"); fmt.Sprint(got) != fmt.Sprint([]uint{n.ID}) {
		t.Errorf("after a non-text update pære finds %v", got)
	}

	// Raw SQL edits are indexed too, and deleted notes leave the index.
	if err := st.db.Exec("UPDATE notes SET text = 'Borgeren fik en banan', revision_no = revision_no + 1 WHERE id = ?", n.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got := find("pære"); len(got) != 0 {
		t.Errorf("after a raw update pære finds %v", got)
	}
	forgetNote(t, st, other.ID)
	if got := find("borgeren"); fmt.Sprint(got) != fmt.Sprint([]uint{n.ID}) {
		t.Errorf("after delete borgeren finds %v", got)
	}
	// The index agrees with the table: FTS5's own integrity check.
	if err := st.db.Exec("INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)").Error; err != nil {
		t.Fatalf("notes_fts integrity-check: %v", err)
	}
}

func TestLastContactAndLocationCounts(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	seedCourses(t, st, "Åse Ærø", "Bjørn Ørsted")
	add := func(course uint, at, kind, loc string) {
		n := &Note{CourseID: course, OccurredAt: at, Location: loc, Kind: kind, Text: "x"}
		byWorker(n, 1, "Mette Lund")
		if err := st.AddNote(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	contact := []string{"visit", "phone_call", "accompaniment", "meeting"}
	if at, err := st.LastContact(ctx, 1, contact); err != nil || at != "" {
		t.Fatalf("LastContact without notes = %q, %v", at, err)
	}
	add(1, "2026-11-20T10:00", "visit", "home")
	add(1, "2026-11-25T10:00", "phone_call", "phone")
	add(1, "2026-11-30T10:00", "attempt", "street")
	add(2, "2026-11-29T10:00", "visit", "street")
	if at, err := st.LastContact(ctx, 1, contact); err != nil || at != "2026-11-25T10:00" {
		t.Fatalf("LastContact = %q, %v; attempts and other courses do not count", at, err)
	}
	counts, err := st.LocationCounts(ctx, 1, contact)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{}
	for k, v := range counts {
		keys = append(keys, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(keys)
	if fmt.Sprint(keys) != "[home=1 phone=1]" {
		t.Fatalf("LocationCounts = %v", keys)
	}
}
