package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// suspendedKey is the local setting that holds the note search index's triggers while the
// index is suspended (never synced: only the team's own settings are, see syncstore).
const suspendedKey = "search_index_suspended"

// rebuildHashSize is the memory FTS5 may gather terms in while it rebuilds the index,
// defaultHashSize is FTS5's own.
const (
	rebuildHashSize = 128 << 20
	defaultHashSize = 1 << 20
)

type trigger struct{ Name, SQL string }

// SuspendSearchIndex takes the triggers that keep the note search index (notes_fts) in step
// with the notes away, inside tx, for loading many notes at once (a new laptop loading the
// team's snapshot): FTS5 writes its pending terms out at every statement that touches it,
// which makes a row-by-row index of 200 000 notes several times slower than building it
// once. The triggers' text is kept in the settings, in the same transaction, until
// ResumeSearchIndex puts them back and rebuilds the index; until then a search answers
// search_index_building. A store opened with the index suspended (the process ended in
// between) resumes it before use.
func SuspendSearchIndex(tx *gorm.DB) error {
	var kept int64
	if err := tx.Raw(`SELECT COUNT(*) FROM settings WHERE key = ?`, suspendedKey).Scan(&kept).Error; err != nil {
		return err
	}
	if kept > 0 {
		return nil // suspended already
	}
	var triggers []trigger
	if err := tx.Raw(`SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND tbl_name = 'notes' AND sql LIKE '%notes_fts%' ORDER BY name`).Scan(&triggers).Error; err != nil {
		return err
	}
	if len(triggers) == 0 {
		return fmt.Errorf("store: no search index triggers on notes")
	}
	text, err := json.Marshal(triggers)
	if err != nil {
		return err
	}
	if err := tx.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)`, suspendedKey, string(text)).Error; err != nil {
		return err
	}
	for _, t := range triggers {
		if err := tx.Exec(`DROP TRIGGER ` + quoteIdent(t.Name)).Error; err != nil {
			return err
		}
	}
	return nil
}

// ResumeSearchIndex puts the search index's triggers back, inside tx, and rebuilds the
// index from the notes; done is false when the index was not suspended.
func ResumeSearchIndex(tx *gorm.DB) (done bool, err error) {
	var text []string
	if err := tx.Raw(`SELECT value FROM settings WHERE key = ?`, suspendedKey).Scan(&text).Error; err != nil {
		return false, err
	}
	if len(text) == 0 {
		return false, nil
	}
	var triggers []trigger
	if err := json.Unmarshal([]byte(text[0]), &triggers); err != nil {
		return false, fmt.Errorf("store: the suspended search index triggers: %w", err)
	}
	for _, t := range triggers {
		if err := tx.Exec(t.SQL).Error; err != nil {
			return false, err
		}
	}
	// 'rebuild' keeps the index's settings (secure-delete among them) and reads every note
	// through the content view. FTS5 writes its terms out as a new segment each time they
	// pass the hash size (1 MiB by default) and merges the segments as it goes: with room
	// for more, it writes a few large segments and merges little.
	for _, q := range []string{
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

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
