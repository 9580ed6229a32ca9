package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
)

// FuzzSearchNotes: whatever a worker types into the note search, the query reaches FTS5 as
// plain words (never as FTS5 syntax, never as an error), and a note is found by any plain
// word of its text, typed in lower or upper case, with æ, ø and å as they are.
func FuzzSearchNotes(f *testing.F) {
	for _, s := range [][2]string{
		{"Besøg hos borgeren. Talte om søvn og økonomi.", "søvn"},
		{"Ledsaget til lægen", `"læ`},
		{"Aftale med jobcenteret", "job* OR NOT center"},
		{"Motivation: god", "NEAR(a b) ^c col:d"},
		{"Ærlig snak om ÅRET", "(året"},
		{"a", "\x00"},
		{"Kaffe på værestedet 😀", "😀 værested"},
		{"عائشة قالت لا", "عائشة"},
	} {
		f.Add(s[0], s[1])
	}
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(f.TempDir(), "icm.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = st.Close() })
	seedCourses(f, st, "Testborger Fuzz")
	at := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)

	f.Fuzz(func(t *testing.T, text, query string) {
		var p domain.Problems
		q := domain.CleanLine(&p, "query", query, domain.MaxShortText, false)
		if p.Err() == nil {
			for _, course := range []uint{0, 1} {
				if _, err := st.SearchNotes(ctx, q, course, 200); err != nil {
					t.Fatalf("SearchNotes(%q, course %d): %v", q, course, err)
				}
			}
		}
		text = domain.CleanText(&p, "text", text, domain.MaxLongText, true)
		if p.Err() != nil {
			return
		}
		at = at.Add(time.Minute) // every new note is the newest, so it is within the limit
		n := addNote(t, st, 1, at.Format("2006-01-02T15:04"), text)
		for _, w := range strings.Fields(text) {
			if !plainWord(w) {
				continue
			}
			for _, typed := range []string{w, strings.ToUpper(w), strings.ToLower(w)} {
				if !slices.Contains(hitIDs(t, st, typed, 1), n.ID) {
					t.Fatalf("note %q not found by its word %q", text, typed)
				}
			}
		}
	})
}

// plainWord is a word of Latin letters, Danish letters and digits only: such a word is one
// FTS5 token, whatever else surrounds it.
func plainWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("æøåÆØÅ", r)) {
			return false
		}
	}
	return w != ""
}
