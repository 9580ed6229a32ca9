package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// suspendedKey is the local setting that says the note search index is suspended. It is
// one of a laptop's own settings: only the settings the team shares travel, and a change to
// any other is refused from every laptop (syncstore's registry, Filter).
const suspendedKey = "search_index_suspended"

// rebuildHashSize is the memory FTS5 may gather terms in while it rebuilds the index,
// defaultHashSize is FTS5's own.
const (
	rebuildHashSize = 128 << 20
	defaultHashSize = 1 << 20
)

// searchTriggers keep notes_fts in step with the notes, as migration 0007 made them (the
// text exactly as the schema keeps it: TestSearchTriggersAreTheSchemas compares). A resume
// puts them back from here, never from text kept in the database.
var searchTriggers = []struct{ name, sql string }{
	{"notes_ad", "CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN\n" +
		"    INSERT INTO notes_fts(notes_fts, rowid, text, course) VALUES ('delete', old.id, old.text, 'c' || old.course_id);\nEND"},
	{"notes_ai", "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN\n" +
		"    INSERT INTO notes_fts(rowid, text, course) VALUES (new.id, new.text, 'c' || new.course_id);\nEND"},
	{"notes_au", "CREATE TRIGGER notes_au AFTER UPDATE OF text, course_id ON notes BEGIN\n" +
		"    INSERT INTO notes_fts(notes_fts, rowid, text, course) VALUES ('delete', old.id, old.text, 'c' || old.course_id);\n" +
		"    INSERT INTO notes_fts(rowid, text, course) VALUES (new.id, new.text, 'c' || new.course_id);\nEND"},
}

// SuspendSearchIndex takes the triggers that keep the note search index (notes_fts) in step
// with the notes away, inside tx, for loading many notes at once (a new laptop loading the
// team's snapshot): FTS5 writes its pending terms out at every statement that touches it,
// which makes a row-by-row index of 200 000 notes several times slower than building it
// once. A local setting records it in the same transaction until ResumeSearchIndex puts the
// triggers back and rebuilds the index; until then a search answers search_index_building.
// A store opened with the index suspended (the process ended in between) resumes it first.
func SuspendSearchIndex(tx *gorm.DB) error {
	if err := tx.Exec(`INSERT INTO settings(key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING`, suspendedKey).Error; err != nil {
		return err
	}
	for _, t := range searchTriggers {
		if err := tx.Exec(`DROP TRIGGER IF EXISTS ` + t.name).Error; err != nil {
			return err
		}
	}
	return nil
}

// ResumeSearchIndex puts the search index's triggers back, inside tx, and rebuilds the
// index from the notes; done is false when the index was not suspended.
func ResumeSearchIndex(tx *gorm.DB) (done bool, err error) {
	suspended, err := SearchIndexSuspended(tx)
	if err != nil || !suspended {
		return false, err
	}
	for _, t := range searchTriggers {
		if err := tx.Exec(`DROP TRIGGER IF EXISTS ` + t.name).Error; err != nil {
			return false, err
		}
		if err := tx.Exec(t.sql).Error; err != nil {
			return false, err
		}
	}
	// 'rebuild' keeps the index's settings (secure-delete among them) and reads every note
	// through the content view. FTS5 writes its terms out as a new segment each time they
	// pass the hash size (1 MiB by default) and merges the segments as it goes: with room
	// for more, it writes a few large segments and merges little. The pages of the index it
	// replaces are overwritten when freed (a note deleted while the index stood aside leaves
	// no words behind).
	for _, q := range []string{
		`PRAGMA secure_delete = ON`,
		fmt.Sprintf(`INSERT INTO notes_fts(notes_fts, rank) VALUES ('hashsize', %d)`, rebuildHashSize),
		`INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')`,
		fmt.Sprintf(`INSERT INTO notes_fts(notes_fts, rank) VALUES ('hashsize', %d)`, defaultHashSize),
	} {
		if err := tx.Exec(q).Error; err != nil {
			return false, err
		}
	}
	return true, tx.Exec(`DELETE FROM settings WHERE key = ?`, suspendedKey).Error
}

// ResumeSearchIndex resumes a suspended search index in a transaction of its own.
func (s *Store) ResumeSearchIndex(ctx context.Context) (done bool, err error) {
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		done, err = ResumeSearchIndex(tx)
		return err
	})
	return done, storageErr(err)
}

// SearchIndexSuspended says whether the search index is suspended (being built).
func SearchIndexSuspended(db *gorm.DB) (bool, error) {
	var n int64
	err := db.Raw(`SELECT COUNT(*) FROM settings WHERE key = ?`, suspendedKey).Scan(&n).Error
	return n > 0, err
}

// errSearchIndexBuilding answers a search while the index is suspended.
func errSearchIndexBuilding() error {
	return domain.E(domain.CodeSearchIndexBuilding, "the note search index is being built")
}
