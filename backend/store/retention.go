package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// ofCitizen selects the ids of a citizen's courses; every row of a citizen's data hangs off
// one of them (or off a row that does).
const ofCitizen = "SELECT id FROM courses WHERE citizen_id = ?"

// retentionTables lists every table that holds a citizen's data, children before their
// parents, with the condition that picks the citizen's rows. The audit log is not here: it
// outlives the data (see migration 0006). A test checks that no table of the schema with a
// citizen, course or step reference is missing.
var retentionTables = []struct{ table, where string }{
	{"plan_versions", "course_id IN (" + ofCitizen + ")"},
	{"evaluation_items", "evaluation_id IN (SELECT id FROM evaluations WHERE course_id IN (" + ofCitizen + "))"},
	{"evaluations", "course_id IN (" + ofCitizen + ")"},
	{"who5_scores", "course_id IN (" + ofCitizen + ")"},
	{"weekly_checks", "course_id IN (" + ofCitizen + ")"},
	{"contact_frequencies", "course_id IN (" + ofCitizen + ")"}, // migration 0018
	{"case_reviews", "course_id IN (" + ofCitizen + ")"},        // migration 0019
	{"closings", "course_id IN (" + ofCitizen + ")"},
	{"note_stats", "course_id IN (" + ofCitizen + ")"}, // before the notes, whose triggers would empty it first
	{"note_revisions", "note_id IN (SELECT id FROM notes WHERE course_id IN (" + ofCitizen + "))"},
	{"notes", "course_id IN (" + ofCitizen + ")"}, // the notes_ad trigger removes the search index rows
	{"advocacy_cases", "course_id IN (" + ofCitizen + ")"},
	{"meeting_actions", "meeting_id IN (SELECT id FROM meetings WHERE course_id IN (" + ofCitizen + "))"},
	{"meetings", "course_id IN (" + ofCitizen + ")"},
	{"network_contacts", "course_id IN (" + ofCitizen + ")"},
	{"activities", "course_id IN (" + ofCitizen + ")"},
	{"subgoals", "goal_id IN (SELECT id FROM goals WHERE course_id IN (" + ofCitizen + "))"},
	{"goals", "course_id IN (" + ofCitizen + ")"},
	{"assessment_latest", "course_id IN (" + ofCitizen + ")"}, // before the revisions, whose triggers would empty it first
	{"assessment_entries", "course_id IN (" + ofCitizen + ")"},
	{"visitations", "course_id IN (" + ofCitizen + ")"},
	{"housing_events", "citizen_id = ?"},
	{"conflict_resolutions", "citizen_id = ?"}, // a course's resolution names its citizen too
	{"cover_periods", "citizen_id = ?"},        // a colleague's cover for this citizen only (migration 0014)
	{"courses", "citizen_id = ?"},
	{"citizens", "id = ?"},
}

// RetentionTables names the tables a deletion at the end of retention empties of a
// citizen's rows, in the order it deletes them.
func RetentionTables() []string {
	out := make([]string, len(retentionTables))
	for i, t := range retentionTables {
		out[i] = t.table
	}
	return out
}

// CitizenDataCounts counts a citizen's rows in every table of RetentionTables, and the audit
// entries about the citizen, which a deletion keeps.
type CitizenDataCounts struct {
	Rows         map[string]int // table name → rows of this citizen
	OpenCourses  int            // courses not closed: a deletion is refused while there are any
	LastEndDate  string         // the latest end date of the citizen's courses, ISO, "" when none
	AuditEntries int
}

// CountCitizenData counts what a deletion of the citizen's data would remove.
func (s *Store) CountCitizenData(ctx context.Context, citizenID uint) (CitizenDataCounts, error) {
	return countCitizenData(s.db.WithContext(ctx), citizenID)
}

func countCitizenData(db *gorm.DB, citizenID uint) (CitizenDataCounts, error) {
	out := CitizenDataCounts{Rows: map[string]int{}}
	var exists int64
	if err := db.Model(&Citizen{}).Where("id = ?", citizenID).Count(&exists).Error; err != nil {
		return out, storageErr(err)
	}
	if exists == 0 {
		return out, domain.E(domain.CodeNotFound, "no such citizen")
	}
	for _, t := range retentionTables {
		var n int
		if err := db.Raw("SELECT COUNT(*) FROM "+t.table+" WHERE "+t.where, citizenID).Scan(&n).Error; err != nil {
			return out, storageErr(err)
		}
		out.Rows[t.table] = n
	}
	var facts struct {
		Open    int
		LastEnd *string
	}
	err := db.Raw(`SELECT COALESCE(SUM(status <> 'closed'), 0) AS open, MAX(end_date) AS last_end
		FROM courses WHERE citizen_id = ?`, citizenID).Scan(&facts).Error
	if err != nil {
		return out, storageErr(err)
	}
	out.OpenCourses = facts.Open
	if facts.LastEnd != nil {
		out.LastEndDate = *facts.LastEnd
	}
	var audit int64
	if err := db.Model(&AuditEntry{}).Where("citizen_id = ?", citizenID).Count(&audit).Error; err != nil {
		return out, storageErr(err)
	}
	out.AuditEntries = int(audit)
	return out, nil
}

// RetentionResult is what a deletion removed and how the file was cleaned afterwards.
type RetentionResult struct {
	Counts CitizenDataCounts
	// SecureDelete is PRAGMA secure_delete as read back on the deleting connection (1: on).
	SecureDelete int
	// Checkpoint is PRAGMA wal_checkpoint(TRUNCATE) after the commit: Busy is 1 when a
	// reader kept the write-ahead log from being emptied, so old pages may still be in it.
	Checkpoint WALCheckpoint
}

// WALCheckpoint is the answer of PRAGMA wal_checkpoint.
type WALCheckpoint struct {
	Busy         int
	Log          int
	Checkpointed int
}

// DeleteCitizenData deletes every row of a citizen's data at the end of retention in one
// transaction, signed plan versions, the notes' revisions and their search index rows
// included, and appends the audit entry that entry gives for the counts in the same
// transaction. The audit log itself keeps its entries about the citizen. It is refused while any of the citizen's
// courses is not closed.
//
// Deleted text must not survive in the file: the deleting connection has secure_delete on
// (freed space is overwritten with zeros), the notes' index has FTS5 secure-delete
// (migration 0008), and after the commit the write-ahead log, which still holds old page
// images, is checkpointed into the database and truncated.
func (s *Store) DeleteCitizenData(ctx context.Context, citizenID uint, at time.Time,
	entry func(CitizenDataCounts) AuditEntry) (RetentionResult, error) {
	var out RetentionResult
	err := s.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		conn = conn.Session(&gorm.Session{NewDB: true}) // a fresh statement per call, all on this connection
		var before int
		if err := conn.Raw("PRAGMA secure_delete").Scan(&before).Error; err != nil {
			return storageErr(err)
		}
		defer conn.Exec("PRAGMA secure_delete = " + strconv.Itoa(before))
		if err := conn.Exec("PRAGMA secure_delete = 1").Error; err != nil {
			return storageErr(err)
		}
		if err := conn.Raw("PRAGMA secure_delete").Scan(&out.SecureDelete).Error; err != nil {
			return storageErr(err)
		}
		if out.SecureDelete != 1 {
			return domain.E(domain.CodeInternal, "secure_delete did not take effect")
		}
		err := conn.Transaction(func(tx *gorm.DB) error {
			if err := s.beginWrite(ctx, tx); err != nil {
				return err
			}
			counts, err := deleteCitizenRows(tx, citizenID, at)
			if err != nil {
				return err
			}
			out.Counts = counts
			if err := (&Store{db: tx, path: s.path}).AppendAudit(ctx, at, entry(counts)); err != nil {
				return err
			}
			return s.endWrite(ctx, tx)
		})
		if err != nil {
			return storageErr(err)
		}
		var cp WALCheckpoint
		if err := conn.Raw("PRAGMA wal_checkpoint(TRUNCATE)").Row().Scan(&cp.Busy, &cp.Log, &cp.Checkpointed); err != nil {
			return storageErr(err)
		}
		out.Checkpoint = cp
		return nil
	})
	return out, err
}

// deleteCitizenRows does the deletion inside the transaction tx.
func deleteCitizenRows(tx *gorm.DB, citizenID uint, at time.Time) (CitizenDataCounts, error) {
	counts, err := countCitizenData(tx, citizenID)
	if err != nil {
		return counts, err
	}
	if counts.OpenCourses > 0 {
		return counts, domain.E(domain.CodeRetentionCourseOpen, "a course of the citizen is not closed").
			With("open", strconv.Itoa(counts.OpenCourses))
	}
	// The rows that let the triggers of plan_versions, notes and note_revisions allow this
	// deletion, and only this one.
	if err := tx.Exec(`INSERT INTO retention_deletions(course_id, citizen_id, started_at)
		SELECT id, citizen_id, ? FROM courses WHERE citizen_id = ?`, at.UTC().Format(time.RFC3339), citizenID).Error; err != nil {
		return counts, storageErr(err)
	}
	for _, t := range retentionTables {
		res := tx.Exec("DELETE FROM "+t.table+" WHERE "+t.where, citizenID)
		if res.Error != nil {
			return counts, storageErr(res.Error)
		}
		if int(res.RowsAffected) != counts.Rows[t.table] {
			return counts, domain.E(domain.CodeInternal, fmt.Sprintf("%s: deleted %d rows, counted %d",
				t.table, res.RowsAffected, counts.Rows[t.table]))
		}
	}
	if err := tx.Exec("DELETE FROM retention_deletions WHERE citizen_id = ?", citizenID).Error; err != nil {
		return counts, storageErr(err)
	}
	return counts, nil
}
