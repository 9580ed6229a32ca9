package store

import (
	"context"
	"time"

	"icm/backend/domain"
)

// NoteRevision is one saved version of a journal note: the first text or a correction,
// who saved it and when, and for a correction the reason given. Revisions are never
// changed or deleted, except with the citizen's data at the end of retention.
type NoteRevision struct {
	ID              uint
	NoteID          uint
	RevisionNo      int
	OccurredAt      string
	DurationMinutes int
	Location        string
	Kind            string
	Text            string
	WorkerID        uint
	WorkerName      string
	Reason          string
	CreatedAt       time.Time
}

// TableName pins the table name.
func (NoteRevision) TableName() string { return "note_revisions" }

// AddNote inserts a new note as its revision 1; the note's triggers write the revision.
// The author and the writer of revision 1 must be set (the same worker, unless an import
// keeps the name of an author from elsewhere); UpdatedAt is the revision's time.
func (s *Store) AddNote(ctx context.Context, n *Note) error {
	if n.ID != 0 {
		return domain.E(domain.CodeInternal, "AddNote is for new notes")
	}
	n.RevisionNo = 1
	return storageErr(s.writer(ctx).Create(n).Error)
}

// ReviseNote saves n as the next revision of the note with n.ID, whose current revision
// must be from (read in the same transaction): the date and time, duration, location,
// kind and text, who saves it (RevisionWorkerID and RevisionWorkerName), why
// (RevisionReason) and when (UpdatedAt). The author and the creation time stay. It sets
// n.RevisionNo; a note whose revision is no longer from is reported as not found.
func (s *Store) ReviseNote(ctx context.Context, n *Note, from int) error {
	res := s.writer(ctx).Model(&Note{}).Where("id = ? AND revision_no = ?", n.ID, from).Updates(map[string]any{
		"occurred_at": n.OccurredAt, "duration_minutes": n.DurationMinutes, "location": n.Location, "kind": n.Kind,
		"text": n.Text, "revision_no": from + 1, "revision_worker_id": n.RevisionWorkerID,
		"revision_worker_name": n.RevisionWorkerName, "revision_reason": n.RevisionReason, "updated_at": n.UpdatedAt,
	})
	if res.Error != nil {
		return storageErr(res.Error)
	}
	if res.RowsAffected != 1 {
		return domain.E(domain.CodeNotFound, "no such note at that revision")
	}
	n.RevisionNo = from + 1
	return nil
}

// ListNoteRevisions returns every revision of a note, oldest first.
func (s *Store) ListNoteRevisions(ctx context.Context, noteID uint) ([]NoteRevision, error) {
	var out []NoteRevision
	err := s.db.WithContext(ctx).Where("note_id = ?", noteID).Order("revision_no").Find(&out).Error
	return out, storageErr(err)
}

// CourseNoteRevisions returns every revision of every note of a course by note id, each
// note's oldest first.
func (s *Store) CourseNoteRevisions(ctx context.Context, courseID uint) (map[uint][]NoteRevision, error) {
	var rows []NoteRevision
	err := s.db.WithContext(ctx).Raw(`SELECT r.* FROM note_revisions r JOIN notes n ON n.id = r.note_id
		WHERE n.course_id = ? ORDER BY r.note_id, r.revision_no`, courseID).Scan(&rows).Error
	if err != nil {
		return nil, storageErr(err)
	}
	out := map[uint][]NoteRevision{}
	for _, r := range rows {
		out[r.NoteID] = append(out[r.NoteID], r)
	}
	return out, nil
}
