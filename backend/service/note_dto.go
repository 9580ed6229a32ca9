package service

import "icm/backend/store"

// NoteLayout is how a note's date and time cross the API: local time, minutes.
const NoteLayout = "2006-01-02T15:04"

// NoteWorkerDTO names the worker who wrote a note or saved a revision of it, by the name
// they had then.
type NoteWorkerDTO struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// NoteDTO is a journal note as it reads now (its current revision), with who wrote it and,
// when it has been corrected, who corrected it last, when and why.
type NoteDTO struct {
	ID              uint          `json:"id"`
	CourseID        uint          `json:"courseId"`
	OccurredAt      string        `json:"occurredAt"`
	DurationMinutes int           `json:"durationMinutes"`
	Location        string        `json:"location"`
	Kind            string        `json:"kind"`
	Text            string        `json:"text"`
	Author          NoteWorkerDTO `json:"author"`
	CreatedAt       string        `json:"createdAt"`
	UpdatedAt       string        `json:"updatedAt"`
	// RevisionCount is how many revisions the note has: 1 until it is corrected.
	RevisionCount int  `json:"revisionCount"`
	Corrected     bool `json:"corrected"`
	// CorrectedAt, CorrectedBy and CorrectionReason describe the latest correction; empty
	// when the note has not been corrected.
	CorrectedAt      string        `json:"correctedAt"`
	CorrectedBy      NoteWorkerDTO `json:"correctedBy"`
	CorrectionReason string        `json:"correctionReason"`
}

// NoteInput creates (ID 0) or corrects a journal note. Reason is the optional reason for a
// correction; a new note has none. Who writes is the signed-in worker, never a field here.
type NoteInput struct {
	ID              uint   `json:"id"`
	CourseID        uint   `json:"courseId"`
	OccurredAt      string `json:"occurredAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Location        string `json:"location"`
	Kind            string `json:"kind"`
	Text            string `json:"text"`
	Reason          string `json:"reason"`
}

// NoteRevisionDTO is one saved version of a note: the first text or a correction.
type NoteRevisionDTO struct {
	RevisionNo      int           `json:"revisionNo"`
	OccurredAt      string        `json:"occurredAt"`
	DurationMinutes int           `json:"durationMinutes"`
	Location        string        `json:"location"`
	Kind            string        `json:"kind"`
	Text            string        `json:"text"`
	SavedBy         NoteWorkerDTO `json:"savedBy"`
	SavedAt         string        `json:"savedAt"`
	Reason          string        `json:"reason"`
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

func noteDTO(n store.Note) NoteDTO {
	out := NoteDTO{ID: n.ID, CourseID: n.CourseID, OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes,
		Location: n.Location, Kind: n.Kind, Text: n.Text, Author: NoteWorkerDTO{ID: n.AuthorWorkerID, Name: n.AuthorName},
		CreatedAt: isoTime(&n.CreatedAt), UpdatedAt: isoTime(&n.UpdatedAt), RevisionCount: max(n.RevisionNo, 1)}
	if n.RevisionNo > 1 {
		out.Corrected, out.CorrectedAt, out.CorrectionReason = true, isoTime(&n.UpdatedAt), n.RevisionReason
		out.CorrectedBy = NoteWorkerDTO{ID: n.RevisionWorkerID, Name: n.RevisionWorkerName}
	}
	return out
}

func noteRevisionDTO(r store.NoteRevision) NoteRevisionDTO {
	return NoteRevisionDTO{RevisionNo: r.RevisionNo, OccurredAt: r.OccurredAt, DurationMinutes: r.DurationMinutes,
		Location: r.Location, Kind: r.Kind, Text: r.Text, SavedBy: NoteWorkerDTO{ID: r.WorkerID, Name: r.WorkerName},
		SavedAt: isoTime(&r.CreatedAt), Reason: r.Reason}
}
