package syncstore

import (
	"database/sql"
	"errors"
	"sort"
)

// renumberNotes puts the revisions of every note the call changed in the order of their
// HLC (then their time and uid; a revision not yet published last) as 1, 2, 3, ..., and
// makes the note row its latest revision: after two laptops corrected the same note at
// the same time both have the same revisions with the same numbers and the same current
// text. The notes' search index and counts follow through their triggers.
func (a *applier) renumberNotes() error {
	ids := make([]int64, 0, len(a.notes))
	for id := range a.notes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := a.renumberNote(id); err != nil {
			return err
		}
	}
	return nil
}

func (a *applier) renumberNote(noteID int64) error {
	rows, err := a.query(`SELECT r.id, r.revision_no FROM note_revisions r
		LEFT JOIN sync_ids s ON s.tbl = 'note_revisions' AND s.row_id = r.id
		WHERE r.note_id = ? ORDER BY COALESCE(s.hlc, '~'), r.created_at, s.uid, r.id`, noteID)
	if err != nil {
		return err
	}
	var revs [][2]int64
	inOrder := true
	for rows.Next() {
		var r [2]int64
		if err := rows.Scan(&r[0], &r[1]); err != nil {
			rows.Close()
			return err
		}
		revs = append(revs, r)
		if r[1] != int64(len(revs)) {
			inOrder = false
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(revs) == 0 {
		return nil
	}
	if !inOrder {
		// Out of the way first: the numbers are unique per note.
		if err := a.exec(`UPDATE note_revisions SET revision_no = revision_no + 1000000 WHERE note_id = ?`, noteID); err != nil {
			return err
		}
		for i, r := range revs {
			if err := a.exec(`UPDATE note_revisions SET revision_no = ? WHERE id = ?`, i+1, r[0]); err != nil {
				return err
			}
		}
	}
	last := revs[len(revs)-1][0]
	var differs bool
	err = a.queryRow(`SELECT n.occurred_at IS NOT r.occurred_at OR n.duration_minutes IS NOT r.duration_minutes
			OR n.location IS NOT r.location OR n.kind IS NOT r.kind OR n.text IS NOT r.text OR n.updated_at IS NOT r.created_at
			OR n.revision_no IS NOT ? OR n.revision_worker_id IS NOT r.worker_id
			OR n.revision_worker_name IS NOT r.worker_name OR n.revision_reason IS NOT r.reason
		FROM notes n JOIN note_revisions r ON r.id = ? WHERE n.id = ?`, len(revs), last, noteID).Scan(&differs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil || !differs {
		return err
	}
	return a.exec(`UPDATE notes SET (occurred_at, duration_minutes, location, kind, text, updated_at, revision_no,
			revision_worker_id, revision_worker_name, revision_reason) =
		(SELECT occurred_at, duration_minutes, location, kind, text, created_at, ?, worker_id, worker_name, reason
			FROM note_revisions WHERE id = ?)
		WHERE id = ?`, len(revs), last, noteID)
}
