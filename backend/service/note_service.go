package service

import (
	"context"
	"slices"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// NoteService keeps the journal notes the duty to keep notes (notatpligt) asks for.
type NoteService struct{ base }

// NewNoteService builds the service.
func NewNoteService(d Deps) *NoteService { return &NoteService{base{d}} }

// ListNotes returns a course's notes, newest first.
func (s *NoteService) ListNotes(in IDInput) ([]NoteDTO, error) {
	if _, err := s.viewCourse(in.ID, "notes"); err != nil {
		return nil, err
	}
	return s.listNotes(in)
}

func (s *NoteService) listNotes(in IDInput) ([]NoteDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return nil, err
	}
	notes, err := st.ListNotes(s.ctx(), in.ID, 0)
	if err != nil {
		return nil, err
	}
	out := make([]NoteDTO, 0, len(notes))
	for _, n := range notes {
		out = append(out, noteDTO(n))
	}
	return out, nil
}

// SaveNote writes a new note or corrects one. A saved note is never changed in place: a
// correction is a new revision, kept beside the earlier ones, with who saved it, when and
// the optional reason. The author of a new note is the signed-in worker; a correction by
// someone else keeps the note's author and names the corrector on the revision. A
// correction that changes nothing saves nothing. The audit entry names the note and the
// revision and is written in the same transaction.
func (s *NoteService) SaveNote(in NoteInput) (NoteDTO, error) {
	st, a, citizenID, err := s.courseUse(in.CourseID, "note", writeAccess)
	if err != nil {
		return NoteDTO{}, err
	}
	if a.WorkerID == 0 {
		return NoteDTO{}, domain.E(domain.CodeForbidden, "a journal note is written by a signed-in worker")
	}
	var p domain.Problems
	n := store.Note{ID: in.ID, CourseID: in.CourseID,
		OccurredAt: parseNoteTime(&p, "occurredAt", in.OccurredAt, s.now()),
		Location:   string(domain.OneOf(&p, "location", domain.NoteLocation(in.Location), domain.NoteLocations, true)),
		Kind:       string(domain.OneOf(&p, "kind", domain.NoteKind(in.Kind), domain.NoteKinds, true)),
		Text:       domain.CleanText(&p, "text", in.Text, domain.MaxLongText, true)}
	if in.DurationMinutes < 0 || in.DurationMinutes > 1440 {
		p.Add("durationMinutes", domain.CodeOutOfRange, "min", "0", "max", "1440")
	}
	n.DurationMinutes = in.DurationMinutes
	if in.ID != 0 {
		n.RevisionReason = domain.CleanLine(&p, "reason", in.Reason, domain.MaxShortText, false)
	}
	if err := p.Err(); err != nil {
		return NoteDTO{}, err
	}
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		ctx := s.ctx()
		if _, err := writableCourse(ctx, tx, in.CourseID); err != nil {
			return err
		}
		me, err := tx.GetWorker(ctx, a.WorkerID)
		if err != nil {
			return err
		}
		now := s.now()
		n.RevisionWorkerID, n.RevisionWorkerName, n.UpdatedAt = me.ID, me.Name, now
		action := AuditChange
		if in.ID == 0 {
			action = AuditCreate
			n.AuthorWorkerID, n.AuthorName, n.CreatedAt = me.ID, me.Name, now
			if err := tx.AddNote(ctx, &n); err != nil {
				return err
			}
		} else {
			old, err := tx.GetNote(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			if sameNote(old, &n) {
				n = *old // nothing to correct: no revision, nothing to log
				return nil
			}
			n.AuthorWorkerID, n.AuthorName, n.CreatedAt = old.AuthorWorkerID, old.AuthorName, old.CreatedAt
			if err := tx.ReviseNote(ctx, &n, old.RevisionNo); err != nil {
				return err
			}
		}
		return tx.AppendAudit(ctx, now, auditEntry(a, action, "note", citizenID, in.CourseID, noteRef(n.ID, n.RevisionNo)))
	})
	if err != nil {
		return NoteDTO{}, err
	}
	return noteDTO(n), nil
}

// sameNote reports whether a correction would save what the note already says.
func sameNote(old, n *store.Note) bool {
	return old.OccurredAt == n.OccurredAt && old.DurationMinutes == n.DurationMinutes && old.Location == n.Location &&
		old.Kind == n.Kind && old.Text == n.Text
}

// noteRef names a note's revision in the audit log, never its text: "note 12 revision 2".
func noteRef(id uint, revision int) string {
	return noteName(id) + " revision " + strconv.Itoa(revision)
}

// noteName names a note in the audit log: "note 12".
func noteName(id uint) string { return "note " + strconv.FormatUint(uint64(id), 10) }

// NoteRevisions lists every revision of a note, newest first, for whoever may read the
// note; the reading is logged as a view of that note.
func (s *NoteService) NoteRevisions(in IDInput) ([]NoteRevisionDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	n, err := st.GetNote(s.ctx(), in.ID)
	if err != nil {
		return nil, err
	}
	// Checked as a read; logged below with the note named.
	st, a, citizenID, err := s.courseUse(n.CourseID, "note", exportAccess)
	if err != nil {
		return nil, err
	}
	revs, err := st.ListNoteRevisions(s.ctx(), n.ID)
	if err != nil {
		return nil, err
	}
	out := make([]NoteRevisionDTO, 0, len(revs))
	for i := len(revs) - 1; i >= 0; i-- {
		out = append(out, noteRevisionDTO(revs[i]))
	}
	return out, s.audit(st, a, AuditView, "note", citizenID, n.CourseID, noteName(n.ID)+" revisions")
}

// SearchNotes finds notes containing every word typed (as word beginnings), case-blind
// for all letters and with æ, ø and å kept distinct. At most 200 hits, newest first.
func (s *NoteService) SearchNotes(in NoteSearchInput) ([]NoteHitDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	var p domain.Problems
	q := domain.CleanLine(&p, "query", in.Query, domain.MaxShortText, false)
	if err := p.Err(); err != nil {
		return nil, err
	}
	if in.CourseID != 0 {
		if _, _, _, err := s.courseUse(in.CourseID, "notes", readAccess); err != nil {
			return nil, err
		}
	}
	hits, err := st.SearchNotes(s.ctx(), q, in.CourseID, 200)
	if err != nil {
		return nil, err
	}
	a, _ := s.actor()
	byCitizen, err := st.WorkersByCitizen(s.ctx())
	if err != nil {
		return nil, err
	}
	out := make([]NoteHitDTO, 0, len(hits))
	var seen []uint
	check := newAccessCheck(s.ctx(), st, a)
	for _, h := range hits {
		if check.may(byCitizen[h.CitizenID], readAccess) != nil {
			continue // hidden from this worker
		}
		out = append(out, NoteHitDTO{Note: noteDTO(h.Note), CitizenID: h.CitizenID, CitizenName: h.CitizenName, Snippet: h.Snippet})
		if !slices.Contains(seen, h.CitizenID) {
			seen = append(seen, h.CitizenID)
		}
	}
	// One entry per citizen whose notes were shown: the search is a use of each one's data.
	if len(seen) == 0 {
		return out, s.audit(st, a, AuditSearch, "notes", 0, in.CourseID, "no hits")
	}
	entries := make([]store.AuditEntry, 0, len(seen))
	for _, id := range seen {
		entries = append(entries, auditEntry(a, AuditSearch, "notes", id, in.CourseID, ""))
	}
	return out, st.AppendAudit(s.ctx(), s.now(), entries...)
}

// parseNoteTime checks a note's local date and time: not before 1990, not after today.
func parseNoteTime(p *domain.Problems, field, s string, now time.Time) string {
	if s == "" {
		p.Add(field, domain.CodeRequired)
		return ""
	}
	t, err := time.Parse(NoteLayout, s)
	if err != nil {
		p.Add(field, domain.CodeInvalidDate)
		return ""
	}
	end := domain.Day(now).AddDate(0, 0, 1)
	if t.Before(domain.MinCourseDate) || !t.Before(end) {
		p.Add(field, domain.CodeDateOutOfRange, "min", domain.MinCourseDate.Format(domain.DateLayout),
			"max", domain.Day(now).Format(domain.DateLayout))
		return ""
	}
	return t.Format(NoteLayout)
}

// contactKinds are the note kinds that count as contact with the citizen (a meeting).
func contactKinds() []string { return noteKindsWhere(domain.NoteKind.IsContact) }

// keepsContactKinds are the note kinds that show the worker keeping the contact: contacts,
// attempts and cancelled meetings (the persistence duty).
func keepsContactKinds() []string { return noteKindsWhere(domain.NoteKind.KeepsContact) }

func noteKindsWhere(f func(domain.NoteKind) bool) []string {
	var out []string
	for _, k := range domain.NoteKinds {
		if f(k) {
			out = append(out, string(k))
		}
	}
	return out
}

// lastContactDate returns the day of the latest note that keeps the contact (an
// unanswered attempt included), nil when there is none: the contact gap counts from it.
func lastContactDate(ctx context.Context, st *store.Store, courseID uint) (*time.Time, error) {
	at, err := st.LastContact(ctx, courseID, keepsContactKinds())
	if err != nil {
		return nil, err
	}
	return contactDay(at), nil
}

// contactDay is the day of a note's stored date and time, nil for "" or an unreadable one.
func contactDay(at string) *time.Time {
	t, err := time.Parse(NoteLayout, at)
	if at == "" || err != nil {
		return nil
	}
	d := domain.Day(t)
	return &d
}
