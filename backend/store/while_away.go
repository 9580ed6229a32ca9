package store

import (
	"context"
	"time"
)

// AwayWrite is something a colleague wrote in a worker's course: a journal note or a plan
// version, with its citizen.
type AwayWrite struct {
	Kind        string // "note" or "plan_version"
	CourseID    uint
	CitizenID   uint
	CitizenName string
	WrittenAt   time.Time
	Day         string // the day it was written (ISO date, as stored)
	AuthorID    uint
	AuthorName  string
	NoteKind    string // a note's kind (visit, phone_call, ...)
	OccurredAt  string // a note's date and time
	Text        string // a note's text
	VersionNo   int    // a plan version's number
}

// WrittenInCourses lists what others than worker wrote in the worker's courses on the days
// from..to (ISO dates, inclusive), oldest first: journal notes by another author, and the
// plan versions signed then (a plan version names the course's worker, not who signed it
// with the citizen, so all of those days' versions are listed, without an author).
func (s *Store) WrittenInCourses(ctx context.Context, worker uint, from, to string) ([]AwayWrite, error) {
	var out []AwayWrite
	err := s.db.WithContext(ctx).Raw(`
		SELECT 'note' AS kind, n.course_id, c.citizen_id, z.name AS citizen_name, n.created_at AS written_at,
			substr(n.created_at, 1, 10) AS day, n.author_worker_id AS author_id, n.author_name,
			n.kind AS note_kind, n.occurred_at, n.text, 0 AS version_no
		FROM notes n JOIN courses c ON c.id = n.course_id JOIN citizens z ON z.id = c.citizen_id
		WHERE c.worker_id = ? AND COALESCE(n.author_worker_id, 0) <> ?
			AND substr(n.created_at, 1, 10) BETWEEN ? AND ?
		UNION ALL
		SELECT 'plan_version', p.course_id, c.citizen_id, z.name, p.created_at, substr(p.created_at, 1, 10),
			0, '', '', '', '', p.version_no
		FROM plan_versions p JOIN courses c ON c.id = p.course_id JOIN citizens z ON z.id = c.citizen_id
		WHERE c.worker_id = ? AND substr(p.created_at, 1, 10) BETWEEN ? AND ?
		ORDER BY written_at, kind`, worker, worker, from, to, worker, from, to).Scan(&out).Error
	return out, storageErr(err)
}
