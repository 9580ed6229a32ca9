package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Note is a journal note: the duty to keep notes (notatpligt). The row is the note's
// current revision; every revision, this one included, is in note_revisions. A note is
// written with AddNote and corrected with ReviseNote (migration 0010).
type Note struct {
	ID              uint
	CourseID        uint
	OccurredAt      string
	DurationMinutes int
	Location        string
	Kind            string
	Text            string
	// AuthorWorkerID wrote the note; AuthorName is their name as it was then.
	AuthorWorkerID uint
	AuthorName     string
	// RevisionNo counts the revisions: 1 for a note never corrected.
	RevisionNo int
	// RevisionWorkerID saved the current revision, with their name then and the reason
	// given for a correction.
	RevisionWorkerID   uint
	RevisionWorkerName string
	RevisionReason     string
	CreatedAt          time.Time
	// UpdatedAt is when the current revision was saved.
	UpdatedAt time.Time
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
// citizen (kinds given by the caller), or "" when there is none. It reads the per-course
// counts the notes' triggers keep (note_stats), not the notes.
func (s *Store) LastContact(ctx context.Context, courseID uint, kinds []string) (string, error) {
	var at *string
	err := s.db.WithContext(ctx).Raw("SELECT MAX(last) FROM note_stats WHERE course_id = ? AND kind IN ?", courseID, kinds).Scan(&at).Error
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
	err := s.db.WithContext(ctx).Raw("SELECT location, SUM(n) AS n FROM note_stats WHERE course_id = ? AND kind IN ? GROUP BY location",
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

// SearchNotes finds notes by full text, newest first by the note's date and time (ties:
// the later note first), at most limit; courseID 0 searches every course.
//
// A common word matches most of the 200 000 notes of a ten-year team, so the search never
// reads every match: FTS5 streams the matches newest id first and stops after limit (the
// prefix indexes of migration 0007 let it do so for word beginnings, and the course column
// confines a search in one course to that course's entries). Ids follow the order notes
// were written, not their date, so the few notes that may still belong in the result
// (written earlier but dated later, such as a corrected date) are looked up by date and
// checked. Only the final hits get a snippet.
func (s *Store) SearchNotes(ctx context.Context, query string, courseID uint, limit int) ([]NoteHit, error) {
	words := FTSQuery(query)
	if words == "" || limit <= 0 {
		return []NoteHit{}, nil
	}
	if building, err := SearchIndexSuspended(s.db.WithContext(ctx)); err != nil || building {
		if err == nil {
			err = errSearchIndexBuilding()
		}
		return []NoteHit{}, storageErr(err)
	}
	match := "text : (" + words + ")"
	if courseID != 0 {
		match = fmt.Sprintf(`course : "c%d" AND %s`, courseID, match)
	}
	top, err := s.newestMatches(ctx, match, courseID, limit)
	if err != nil || len(top) == 0 {
		return []NoteHit{}, err
	}
	out := make([]NoteHit, 0, len(top))
	for _, sp := range spans(top) {
		var hits []NoteHit
		err := s.db.WithContext(ctx).Raw(`SELECT n.*, c.id AS citizen_id, c.name AS citizen_name,
				snippet(notes_fts, 0, '[', ']', '…', 12) AS snippet
			FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
			JOIN courses co ON co.id = n.course_id JOIN citizens c ON c.id = co.citizen_id
			WHERE notes_fts MATCH ? AND notes_fts.rowid BETWEEN ? AND ? AND +notes_fts.rowid IN ?`,
			match, sp.lo, sp.hi, sp.ids).Scan(&hits).Error
		if err != nil {
			return nil, storageErr(err)
		}
		out = append(out, hits...)
	}
	sort.Slice(out, func(i, j int) bool {
		return newerNote(noteKey{ID: out[i].ID, OccurredAt: out[i].OccurredAt}, noteKey{ID: out[j].ID, OccurredAt: out[j].OccurredAt})
	})
	return out, nil
}

// noteKey is what orders notes in a search: date and time, then id.
type noteKey struct {
	ID         uint
	OccurredAt string
	stream     bool // one of the matches FTS5 streamed in a row, with no other match between them
}

func newerNote(a, b noteKey) bool {
	return a.OccurredAt > b.OccurredAt || (a.OccurredAt == b.OccurredAt && a.ID > b.ID)
}

func sortNewest(keys []noteKey) {
	sort.Slice(keys, func(i, j int) bool { return newerNote(keys[i], keys[j]) })
}

// newestMatches gives the limit newest notes matching the FTS5 expression, newest first.
//
// First the limit matches with the highest ids. If there are fewer, they are all the
// matches. Otherwise a note left out that is newer than the oldest of them has a lower id
// and a date on or after that oldest date: those few come from the date index and are
// checked against the expression.
func (s *Store) newestMatches(ctx context.Context, match string, courseID uint, limit int) ([]noteKey, error) {
	db := s.db.WithContext(ctx)
	var top []noteKey
	err := db.Raw(`SELECT n.id, n.occurred_at FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
		WHERE notes_fts MATCH ? ORDER BY notes_fts.rowid DESC LIMIT ?`, match, limit).Scan(&top).Error
	if err != nil {
		return nil, storageErr(err)
	}
	for i := range top {
		top[i].stream = true
	}
	if len(top) < limit {
		sortNewest(top)
		return top, nil
	}
	oldest, lowest := top[0], top[len(top)-1].ID
	for _, k := range top {
		if newerNote(oldest, k) {
			oldest = k
		}
	}
	late := "SELECT id, occurred_at FROM notes WHERE occurred_at >= ? AND id < ?"
	args := []any{oldest.OccurredAt, lowest}
	if courseID != 0 {
		late += " AND course_id = ?"
		args = append(args, courseID)
	}
	var cands []noteKey
	if err := db.Raw(late, args...).Scan(&cands).Error; err != nil {
		return nil, storageErr(err)
	}
	if len(cands) > 0 {
		byID := make(map[uint]noteKey, len(cands))
		for _, k := range cands {
			byID[k.ID] = k
		}
		for _, sp := range spans(cands) {
			var ids []uint
			if err := db.Raw(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? AND rowid BETWEEN ? AND ?
				AND +rowid IN ?`, match, sp.lo, sp.hi, sp.ids).Scan(&ids).Error; err != nil {
				return nil, storageErr(err)
			}
			for _, id := range ids {
				top = append(top, byID[id])
			}
		}
	}
	sortNewest(top)
	return top[:limit], nil
}

// spanGap is how far apart in id two notes may be to be read in one pass of FTS5 over the
// stretch between them: the pass reads every match in the stretch.
const spanGap = 500

// span is a stretch of ids and the notes wanted in it.
type span struct {
	lo, hi uint
	ids    []uint
	tail   bool // the last note in it is a streamed match
}

// spans groups notes into stretches that are cheap to read in one pass: notes within
// spanGap of each other, and streamed matches that follow each other (no other match lies
// between them, so the stretch costs nothing more).
func spans(keys []noteKey) []span {
	byID := append([]noteKey(nil), keys...)
	sort.Slice(byID, func(i, j int) bool { return byID[i].ID < byID[j].ID })
	var out []span
	for _, k := range byID {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if k.ID-last.hi <= spanGap || (k.stream && last.tail) {
				last.hi, last.ids, last.tail = k.ID, append(last.ids, k.ID), k.stream
				continue
			}
		}
		out = append(out, span{lo: k.ID, hi: k.ID, ids: []uint{k.ID}, tail: k.stream})
	}
	return out
}
