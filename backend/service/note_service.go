package service

import (
	"context"
	"slices"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// NoteLayout is how a note's date and time cross the API: local time, minutes.
const NoteLayout = "2006-01-02T15:04"

// NoteDTO is a journal note.
type NoteDTO struct {
	ID              uint   `json:"id"`
	CourseID        uint   `json:"courseId"`
	OccurredAt      string `json:"occurredAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Location        string `json:"location"`
	Kind            string `json:"kind"`
	Text            string `json:"text"`
	UpdatedAt       string `json:"updatedAt"`
}

// NoteInput creates (ID 0) or corrects a journal note.
type NoteInput struct {
	ID              uint   `json:"id"`
	CourseID        uint   `json:"courseId"`
	OccurredAt      string `json:"occurredAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Location        string `json:"location"`
	Kind            string `json:"kind"`
	Text            string `json:"text"`
}

// NoteSearchInput searches notes; CourseID 0 searches every citizen's notes.
type NoteSearchInput struct {
	Query    string `json:"query"`
	CourseID uint   `json:"courseId"`
}

// NoteHitDTO is a search hit: the note, whose it is, and the matching words in brackets.
type NoteHitDTO struct {
	Note        NoteDTO `json:"note"`
	CitizenID   uint    `json:"citizenId"`
	CitizenName string  `json:"citizenName"`
	Snippet     string  `json:"snippet"`
}

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

// SaveNote writes a note. Notes are corrected, never deleted: they are the record.
func (s *NoteService) SaveNote(in NoteInput) (NoteDTO, error) {
	done, err := s.changes(in.CourseID, "note", AuditChange)
	if err != nil {
		return NoteDTO{}, err
	}
	out, err := s.saveNote(in)
	return out, done(err)
}

func (s *NoteService) saveNote(in NoteInput) (NoteDTO, error) {
	st, err := s.ready()
	if err != nil {
		return NoteDTO{}, err
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
	if err := p.Err(); err != nil {
		return NoteDTO{}, err
	}
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		ctx := s.ctx()
		if _, err := writableCourse(ctx, tx, in.CourseID); err != nil {
			return err
		}
		now := s.now()
		n.CreatedAt = now
		if in.ID != 0 {
			old, err := tx.GetNote(ctx, in.ID)
			if err != nil {
				return err
			}
			if err := owned(old.CourseID, in.CourseID); err != nil {
				return err
			}
			n.CreatedAt = old.CreatedAt
		}
		n.UpdatedAt = now
		return tx.Save(ctx, &n)
	})
	if err != nil {
		return NoteDTO{}, err
	}
	return noteDTO(n), nil
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

func noteDTO(n store.Note) NoteDTO {
	return NoteDTO{ID: n.ID, CourseID: n.CourseID, OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes,
		Location: n.Location, Kind: n.Kind, Text: n.Text, UpdatedAt: isoTime(&n.UpdatedAt)}
}

// contactKinds are the note kinds that count as contact with the citizen.
func contactKinds() []string {
	var out []string
	for _, k := range domain.NoteKinds {
		if k.IsContact() {
			out = append(out, string(k))
		}
	}
	return out
}

// lastContactDate returns the day of the latest contact note, nil when there is none.
func lastContactDate(ctx context.Context, st *store.Store, courseID uint) (*time.Time, error) {
	at, err := st.LastContact(ctx, courseID, contactKinds())
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
