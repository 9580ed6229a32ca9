package service

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"icm/backend/citizenexport"
	"icm/backend/pdf"
)

// accessNotes prints each note as it reads now with its author; a corrected note also gets
// a table of every revision: who saved it, when, why, and what it said.
func accessNotes(notes []citizenexport.Note) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "Journalnotater", Empty: noneRecorded}
	sorted := slices.Clone(notes)
	slices.SortStableFunc(sorted, func(a, b citizenexport.Note) int { return strings.Compare(a.OccurredAt, b.OccurredAt) })
	for _, n := range sorted {
		meta := accessNoteMeta(n.Location, n.DurationMinutes)
		if n.AuthorName != "" {
			meta += " · skrevet af " + n.AuthorName
		}
		b := pdf.AccessBlock{Title: accessNoteTime(n.OccurredAt) + " · " + sl("noteKind", n.Kind), Meta: meta, Text: n.Text}
		if len(n.Revisions) > 1 {
			b.Meta += " · rettet " + accessTimes(len(n.Revisions)-1) + "; alle udgaver står i tabellen"
			t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Nr.", Width: 6}, {Title: "Gemt", Width: 17, Fit: "28.05.2025 10:15"},
				{Title: "Af", Width: 17}, {Title: "Begrundelse", Width: 20}, {Title: "Notatet", Width: 40}}}
			for _, r := range n.Revisions {
				what := accessNoteTime(r.OccurredAt) + " · " + sl("noteKind", r.Kind) + " · " +
					accessNoteMeta(r.Location, r.DurationMinutes) + "\n" + r.Text
				t.Rows = append(t.Rows, []string{strconv.Itoa(r.RevisionNo), accessMoment(r.SavedAt), r.WorkerName, r.Reason, what})
			}
			b.Table = t
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

// accessNoteTime is a note's local date and time as dd.mm.åååå tt:mm.
func accessNoteTime(at string) string {
	if t, err := time.Parse(NoteLayout, at); err == nil {
		return t.Format("02.01.2006 15:04")
	}
	return at
}

// accessNoteMeta is where a contact took place and how long it lasted.
func accessNoteMeta(location string, minutes int) string {
	meta := accessWord("location", location)
	if minutes > 0 {
		meta += " · " + strconv.Itoa(minutes) + " minutter"
	}
	return meta
}

// accessTimes is "én gang", "2 gange" ….
func accessTimes(n int) string {
	if n == 1 {
		return "én gang"
	}
	return strconv.Itoa(n) + " gange"
}
