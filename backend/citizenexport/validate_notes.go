package citizenexport

import (
	"time"

	"icm/backend/domain"
)

// noteLayout is a note's local date and time (NoteService).
const noteLayout = "2006-01-02T15:04"

// maxRevisions is the most revisions one note may have in a file.
const maxRevisions = 1000

// notes checks the journal as NoteService.SaveNote does. A note of a version 1 file names
// no author and has no revisions: it gets the course's worker as its author and itself as
// its one revision, as the notes here got when the database was upgraded (migration 0010).
func (v *validator) notes(f string, c *Course) {
	if v.tooMany(f+"notes", len(c.Notes), maxRows) {
		c.Notes = nil
	}
	for i := range c.Notes {
		n := &c.Notes[i]
		h := at(f+"notes", i, "")
		v.noteFields(h, &n.OccurredAt, &n.DurationMinutes, &n.Location, &n.Kind, &n.Text)
		v.stamp(h+"createdAt", &n.CreatedAt)
		v.stamp(h+"updatedAt", &n.UpdatedAt)
		if v.version < 2 {
			if n.AuthorName != "" || n.Revisions != nil {
				v.p.Add(h+"revisions", domain.CodeInvalidChoice) // not fields of version 1
				continue
			}
			n.AuthorName = c.Worker.Name
			n.Revisions = []NoteRevision{{RevisionNo: 1, OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes,
				Location: n.Location, Kind: n.Kind, Text: n.Text, WorkerName: c.Worker.Name, SavedAt: n.UpdatedAt}}
			continue
		}
		v.line(h+"authorName", &n.AuthorName, domain.MaxName, true)
		v.revisions(h, n)
	}
}

// revisions checks a note's revisions: numbered 1, 2, 3 …, each a note that could have been
// typed, with who saved it; only a correction has a reason; the last is the note itself.
func (v *validator) revisions(h string, n *Note) {
	if len(n.Revisions) == 0 {
		v.p.Add(h+"revisions", domain.CodeRequired)
		return
	}
	if v.tooMany(h+"revisions", len(n.Revisions), maxRevisions) {
		return
	}
	for j := range n.Revisions {
		r := &n.Revisions[j]
		g := at(h+"revisions", j, "")
		if r.RevisionNo != j+1 {
			v.p.Add(g+"revisionNo", domain.CodeInvalidChoice)
		}
		v.noteFields(g, &r.OccurredAt, &r.DurationMinutes, &r.Location, &r.Kind, &r.Text)
		v.line(g+"workerName", &r.WorkerName, domain.MaxName, true)
		v.line(g+"reason", &r.Reason, domain.MaxShortText, false)
		if j == 0 && r.Reason != "" {
			v.p.Add(g+"reason", domain.CodeInvalidChoice) // the first text is no correction
		}
		v.stamp(g+"savedAt", &r.SavedAt)
	}
	last := n.Revisions[len(n.Revisions)-1]
	if last.OccurredAt != n.OccurredAt || last.DurationMinutes != n.DurationMinutes || last.Location != n.Location ||
		last.Kind != n.Kind || last.Text != n.Text {
		v.p.Add(h+"revisions", domain.CodeInvalidChoice) // the last revision is the note as it reads now
	}
}

// noteFields checks what a note and each of its revisions hold.
func (v *validator) noteFields(h string, occurredAt *string, duration *int, location, kind, text *string) {
	if t, err := time.Parse(noteLayout, *occurredAt); err != nil {
		v.p.Add(h+"occurredAt", domain.CodeInvalidDate)
	} else if t.Before(domain.MinCourseDate) || !t.Before(v.today.Add(pastEvent+day)) {
		v.p.Add(h+"occurredAt", domain.CodeDateOutOfRange, "min", domain.MinCourseDate.Format(domain.DateLayout),
			"max", v.today.Format(domain.DateLayout))
	}
	if *duration < 0 || *duration > 1440 {
		v.p.Add(h+"durationMinutes", domain.CodeOutOfRange, "min", "0", "max", "1440")
	}
	oneOf(v, h+"location", location, domain.NoteLocations, true)
	oneOf(v, h+"kind", kind, domain.NoteKinds, true)
	v.text(h+"text", text, domain.MaxLongText, true)
}
