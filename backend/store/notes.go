package store

import (
	"context"
	"strings"
	"time"
)

// Note is a journal note: the duty to keep notes (notatpligt).
type Note struct {
	ID              uint
	CourseID        uint
	OccurredAt      string
	DurationMinutes int
	Location        string
	Kind            string
	Text            string
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// TableName pins the table name.
func (Note) TableName() string { return "notes" }

// NoteHit is a note found by search, with its citizen and a highlighted snippet.
type NoteHit struct {
	Note
	CitizenID   uint
	CitizenName string
	Snippet     string
}

// ListNotes returns a course's notes, newest first, at most limit (0 for all).
func (s *Store) ListNotes(ctx context.Context, courseID uint, limit int) ([]Note, error) {
	q := s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("occurred_at DESC, id DESC")
	if limit > 0 {
		q = q.Limit(limit)
	}
	var out []Note
	return out, storageErr(q.Find(&out).Error)
}

// GetNote loads one note.
func (s *Store) GetNote(ctx context.Context, id uint) (*Note, error) {
	var n Note
	if err := s.first(ctx, &n, id); err != nil {
		return nil, err
	}
	return &n, nil
}

// LastContact returns the date and time of the latest note that records contact with the
// citizen (kinds given by the caller), or "" when there is none.
func (s *Store) LastContact(ctx context.Context, courseID uint, kinds []string) (string, error) {
	var at *string
	err := s.db.WithContext(ctx).Raw("SELECT MAX(occurred_at) FROM notes WHERE course_id = ? AND kind IN ?", courseID, kinds).Scan(&at).Error
	if at == nil {
		return "", storageErr(err)
	}
	return *at, storageErr(err)
}

// LocationCounts counts a course's contact notes per location.
func (s *Store) LocationCounts(ctx context.Context, courseID uint, kinds []string) (map[string]int, error) {
	var rows []struct {
		Location string
		N        int
	}
	err := s.db.WithContext(ctx).Raw("SELECT location, COUNT(*) AS n FROM notes WHERE course_id = ? AND kind IN ? GROUP BY location",
		courseID, kinds).Scan(&rows).Error
	out := map[string]int{}
	for _, r := range rows {
		out[r.Location] = r.N
	}
	return out, storageErr(err)
}

// FTSQuery turns the words a user typed into an FTS5 query that matches notes containing
// every word as a prefix ("søv" finds "søvn"). Quotes keep the user's text from being
// read as FTS5 syntax. Empty when there are no words.
func FTSQuery(text string) string {
	var parts []string
	for _, w := range strings.Fields(text) {
		w = strings.ReplaceAll(w, `"`, "")
		if w == "" {
			continue
		}
		parts = append(parts, `"`+w+`"*`)
	}
	return strings.Join(parts, " ")
}

// SearchNotes finds notes by full text, newest first; courseID 0 searches every course.
func (s *Store) SearchNotes(ctx context.Context, query string, courseID uint, limit int) ([]NoteHit, error) {
	q := FTSQuery(query)
	if q == "" {
		return []NoteHit{}, nil
	}
	// The newest hits are picked first and only they get a snippet: snippet() re-reads the
	// note's text, and computing it for every match before the LIMIT made a common word
	// cost most of a second with 50 000 notes. The unary + keeps the rowid list from being
	// passed to FTS5 as a constraint, which would re-run the full-text query once per hit.
	sql := `WITH top AS (SELECT n.id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
			WHERE notes_fts MATCH ?`
	args := []any{q}
	if courseID != 0 {
		sql += " AND n.course_id = ?"
		args = append(args, courseID)
	}
	sql += ` ORDER BY n.occurred_at DESC, n.id DESC LIMIT ?)
		SELECT n.*, c.id AS citizen_id, c.name AS citizen_name,
			snippet(notes_fts, 0, '[', ']', '…', 12) AS snippet
		FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
		JOIN courses co ON co.id = n.course_id JOIN citizens c ON c.id = co.citizen_id
		WHERE notes_fts MATCH ? AND +notes_fts.rowid IN (SELECT id FROM top)
		ORDER BY n.occurred_at DESC, n.id DESC`
	args = append(args, limit, q)
	var out []NoteHit
	err := s.db.WithContext(ctx).Raw(sql, args...).Scan(&out).Error
	return out, storageErr(err)
}
