package benchdata

import (
	"context"
	"slices"
	"strings"
	"time"

	"icm/backend/store"
)

// noteKinds weighs the kinds as a team writes them: mostly visits and calls.
var noteKinds = []string{"visit", "visit", "visit", "visit", "visit", "visit", "visit", "visit", "visit",
	"phone_call", "phone_call", "phone_call", "phone_call", "accompaniment", "accompaniment",
	"meeting", "attempt", "attempt", "collaboration", "collaboration", "other"}

// noteBatch is how many notes are built and inserted at a time.
const noteBatch = 4000

type noteSlot struct {
	course int32 // index into gen.courses
	at     int64 // minutes since the epoch
}

// insertNotes spreads the notes over the courses in proportion to their length, on working
// days within each course, and writes them in time order, as a team writes them.
func (g *gen) insertNotes(ctx context.Context, st *store.Store) error {
	total := 0
	for _, c := range g.courses {
		total += c.days()
	}
	slots := make([]noteSlot, 0, g.cfg.Notes)
	given := 0
	for i, c := range g.courses {
		n := g.cfg.Notes * c.days() / total
		if i == len(g.courses)-1 {
			n = g.cfg.Notes - given
		}
		given += n
		c.notes = n
		for k := 0; k < n; k++ {
			day := c.at(g.rng.IntN(c.days() + 1))
			switch day.Weekday() { // the team works weekdays
			case time.Saturday:
				day = day.AddDate(0, 0, -1)
			case time.Sunday:
				day = day.AddDate(0, 0, 1)
			}
			if day.Before(c.start) || day.After(c.end) { // the shift left the course: keep its day
				day = c.at(0)
			}
			minute := 8*60 + 5*g.rng.IntN(8*12)
			slots = append(slots, noteSlot{course: int32(i), at: day.Unix()/60 + int64(minute)})
		}
	}
	slices.SortFunc(slots, func(a, b noteSlot) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return int(a.course - b.course)
	})
	batch := make([]store.Note, 0, noteBatch)
	for i, s := range slots {
		at := time.Unix(s.at*60, 0).UTC()
		kind := g.pick(noteKinds)
		text := g.noteText(kind, i%rareEvery == rareEvery/2)
		c := g.courses[s.course]
		n := store.Note{CourseID: c.row.ID, OccurredAt: at.Format("2006-01-02T15:04"),
			DurationMinutes: durationFor(kind, g.rng.IntN(12)), Location: g.location(kind), Kind: kind, Text: text,
			AuthorWorkerID: c.worker.ID, AuthorName: c.worker.Name, RevisionNo: 1,
			RevisionWorkerID: c.worker.ID, RevisionWorkerName: c.worker.Name,
			CreatedAt: at.Add(2 * time.Hour), UpdatedAt: at.Add(2 * time.Hour)}
		batch = append(batch, n)
		if len(batch) == cap(batch) || i == len(slots)-1 {
			if err := g.insert(ctx, st, "notes", &batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// noteText writes an opener for the kind and one to five sentences; rare adds the sentence
// with the rare search word.
func (g *gen) noteText(kind string, rare bool) string {
	var b strings.Builder
	b.WriteString(g.pick(noteOpeners[kind]))
	n := 1 + g.rng.IntN(5)
	if kind == "attempt" {
		n = g.rng.IntN(2)
	}
	for i := 0; i < n; i++ {
		b.WriteByte(' ')
		b.WriteString(g.pick(noteSentences))
	}
	if rare {
		b.WriteByte(' ')
		b.WriteString(rareSentence)
		g.rareHits++
	}
	return b.String()
}

func (g *gen) location(kind string) string {
	switch kind {
	case "phone_call":
		return "phone"
	case "meeting", "collaboration", "other":
		return g.pick([]string{"office", "office", "other", "phone"})
	case "accompaniment":
		return "other"
	default:
		return g.pick([]string{"home", "home", "home", "street", "shelter", "office"})
	}
}

func durationFor(kind string, r int) int {
	switch kind {
	case "attempt":
		return 0
	case "phone_call":
		return 5 + r*2
	case "accompaniment", "meeting":
		return 60 + r*10
	default:
		return 30 + r*5
	}
}
