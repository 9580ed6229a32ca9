package syncstore

import (
	"fmt"
	"strings"
)

// CaptureUpdate is a migration after 0013 that changes synced tables. Its hand-written part
// (Change) runs first; the generated part then creates anew the capture triggers of every
// synced table whose columns Change altered (the update trigger lists the columns), and
// gives a table new in the registry its uids and triggers. The golden test runs Change on
// the schema before the migration and regenerates the file from the columns before and after.
type CaptureUpdate struct {
	Name   string // the file in backend/store/migrations
	Header string // comment lines that say what the migration is for
	Change string // the hand-written SQL: new columns, tables, indexes
}

// captureUpdates are the migrations after 0013 that change synced tables, in order.
var captureUpdates = []CaptureUpdate{
	{Name: "0014_cover_citizens.sql", Header: coverCitizensHeader, Change: coverCitizensChange},
	{Name: ContactFrequencyMigration, Header: contactFrequencyHeader, Change: contactFrequencyChange},
	{Name: CaseReviewsMigration, Header: caseReviewsHeader, Change: caseReviewsChange},
}

// CaptureUpdates lists the migrations after 0013 that the registry generates in part.
func CaptureUpdates() []CaptureUpdate {
	return append([]CaptureUpdate(nil), captureUpdates...)
}

const generatedNote = `--
-- GENERATED in part from the registry in backend/syncstore (capture_update*.go): do not
-- edit. After changing the registry or the hand-written part run
--     go test ./backend/syncstore -run TestMigrationFileIsGenerated -update
-- (released migrations are never edited: a later change needs a new one).
`

// updateSQL generates an update migration from the columns of the synced tables before
// its Change (nil for a table that did not exist) and after it.
func updateSQL(u CaptureUpdate, before, after map[string][]column) (string, error) {
	var b strings.Builder
	b.WriteString(u.Header)
	b.WriteString(generatedNote)
	b.WriteString("\n")
	b.WriteString(strings.TrimSpace(u.Change))
	b.WriteString("\n")
	for i := range tables {
		t := &tables[i]
		cols, ok := after[t.Name]
		old, existed := before[t.Name]
		if !ok {
			if existed {
				return "", fmt.Errorf("syncstore: %s drops the synced table %s", u.Name, t.Name)
			}
			continue // a table of a later migration
		}
		switch {
		case !existed:
			b.WriteString("\n-- " + t.Name + " is new in the registry: its rows get their uids and its capture.\n")
			b.WriteString(backfillSQL(t))
			b.WriteString(";\n")
		case sameColumns(old, cols):
			continue
		default:
			b.WriteString("\n-- The columns of " + t.Name + " changed: its capture triggers are made anew.\n")
			for _, tr := range triggersSQL(t, old) {
				b.WriteString("DROP TRIGGER " + tr.Name + ";\n")
			}
		}
		for _, tr := range triggersSQL(t, cols) {
			b.WriteString(tr.SQL)
			b.WriteString(";\n")
		}
	}
	return b.String(), nil
}

// sameColumns says whether two column lists are the same, in the same order.
func sameColumns(a, b []column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
