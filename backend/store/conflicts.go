package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"gorm.io/gorm"
)

// KeptValue is a value kept in sync_conflicts (it lost a concurrent change of the same
// field on another laptop), with what the local database knows of its row.
type KeptValue struct {
	ID         uint
	Table      string
	UID        string // the row's team-wide id
	Column     string
	HLC        string // the kept value's clock stamp (its laptop id follows the dash)
	Value      any    // as the column held it; references as the uids of the rows they name
	RowID      int64  // the row here (0 when it is deleted here)
	CourseUID  string // the row's course, "" for none
	CitizenUID string // the row's citizen, "" for none (team-level data)
	CurrentHLC string // the clock stamp of the value every laptop shows now
}

// KeptValues lists every value kept in sync_conflicts whose row is still here, in a fixed
// order (by row, column and stamp).
func (s *Store) KeptValues(ctx context.Context) ([]KeptValue, error) {
	return s.keptValues(ctx, "", "")
}

// KeptValuesOf lists the kept values of one field (a row's uid and a column).
func (s *Store) KeptValuesOf(ctx context.Context, uid, col string) ([]KeptValue, error) {
	return s.keptValues(ctx, uid, col)
}

func (s *Store) keptValues(ctx context.Context, uid, col string) ([]KeptValue, error) {
	q := `SELECT k.id, k.tbl, k.uid, k.col, k.hlc, k.value, i.row_id,
			COALESCE(i.course, ''), CASE WHEN k.tbl = 'citizens' THEN k.uid ELSE COALESCE(i.citizen, '') END,
			COALESCE(c.hlc, i.hlc, '')
		FROM sync_conflicts k
		JOIN sync_ids i ON i.uid = k.uid AND i.deleted = 0 AND i.row_id IS NOT NULL
		LEFT JOIN sync_cols c ON c.uid = k.uid AND c.col = k.col`
	var args []any
	if uid != "" {
		q += ` WHERE k.uid = ? AND k.col = ?`
		args = append(args, uid, col)
	}
	rows, err := s.db.WithContext(ctx).Raw(q+` ORDER BY k.uid, k.col, k.hlc`, args...).Rows()
	if err != nil {
		return nil, storageErr(err)
	}
	defer rows.Close()
	var out []KeptValue
	for rows.Next() {
		var k KeptValue
		if err := rows.Scan(&k.ID, &k.Table, &k.UID, &k.Column, &k.HLC, &k.Value, &k.RowID,
			&k.CourseUID, &k.CitizenUID, &k.CurrentHLC); err != nil {
			return nil, storageErr(err)
		}
		if b, ok := k.Value.([]byte); ok {
			k.Value = string(b)
		}
		out = append(out, k)
	}
	return out, storageErr(rows.Err())
}

// KeptValueByID finds one kept value (not_found when it is gone: resolved meanwhile).
func (s *Store) KeptValueByID(ctx context.Context, id uint) (KeptValue, error) {
	var k struct{ UID, Col string }
	err := s.db.WithContext(ctx).Raw(`SELECT uid, col FROM sync_conflicts WHERE id = ?`, id).Row().Scan(&k.UID, &k.Col)
	if err == sql.ErrNoRows {
		return KeptValue{}, storageErr(gorm.ErrRecordNotFound)
	}
	if err != nil {
		return KeptValue{}, storageErr(err)
	}
	all, err := s.keptValues(ctx, k.UID, k.Col)
	if err != nil {
		return KeptValue{}, err
	}
	for _, v := range all {
		if v.ID == id {
			return v, nil
		}
	}
	return KeptValue{}, storageErr(gorm.ErrRecordNotFound) // its row is deleted here
}

// ColumnValue reads one column of one row (table and column must be names the caller has
// checked against the sync registry).
func (s *Store) ColumnValue(ctx context.Context, table, col string, rowID int64) (any, error) {
	var v any
	err := s.db.WithContext(ctx).Raw(`SELECT `+quoteIdent(col)+` FROM `+quoteIdent(table)+` WHERE rowid = ?`, rowID).
		Row().Scan(&v)
	if err == sql.ErrNoRows {
		return nil, storageErr(gorm.ErrRecordNotFound)
	}
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	return v, storageErr(err)
}

// ColumnType is the declared type of a column, upper case ("" when there is no such column).
func (s *Store) ColumnType(ctx context.Context, table, col string) (string, error) {
	var typ string
	err := s.db.WithContext(ctx).Raw(`SELECT upper(type) FROM pragma_table_info(?) WHERE name = ?`, table, col).
		Row().Scan(&typ)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return typ, storageErr(err)
}

// SetColumn writes one column of one row through the ordinary write path (the capture
// triggers record it for the team folder); the table's updated_at follows when it has one.
func (s *Store) SetColumn(ctx context.Context, table, col string, rowID int64, value any, at time.Time) error {
	set := quoteIdent(col) + ` = ?`
	args := []any{value}
	if col != "updated_at" {
		if typ, err := s.ColumnType(ctx, table, "updated_at"); err != nil {
			return err
		} else if typ != "" {
			set += `, updated_at = ?`
			args = append(args, at.UTC())
		}
	}
	args = append(args, rowID)
	res := s.writer(ctx).Exec(`UPDATE `+quoteIdent(table)+` SET `+set+` WHERE rowid = ?`, args...)
	if res.Error == nil && res.RowsAffected == 0 {
		return storageErr(gorm.ErrRecordNotFound)
	}
	return storageErr(res.Error)
}

// LocalID maps a team-wide id to the row here (0 when it is not here or deleted).
func (s *Store) LocalID(ctx context.Context, uid string) (uint, error) {
	var id sql.NullInt64
	err := s.db.WithContext(ctx).Raw(`SELECT row_id FROM sync_ids WHERE uid = ? AND deleted = 0`, uid).Row().Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return uint(id.Int64), storageErr(err)
}

// UIDOf is the team-wide id of a local row ("" when it has none).
func (s *Store) UIDOf(ctx context.Context, table string, id uint) (string, error) {
	var uid string
	err := s.db.WithContext(ctx).Raw(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, table, id).Row().Scan(&uid)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return uid, storageErr(err)
}

// LatestRoster is the body (JSON) of the newest team roster this laptop verified ("" when
// the laptop is in no team).
func (s *Store) LatestRoster(ctx context.Context) (string, error) {
	var body string
	err := s.db.WithContext(ctx).Raw(`SELECT body FROM sync_rosters ORDER BY version DESC LIMIT 1`).Row().Scan(&body)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return body, storageErr(err)
}

// ConflictResolution is a decision on one kept value (table conflict_resolutions).
type ConflictResolution struct {
	CitizenID, CourseID uint // 0 for none
	Table, RowUID       string
	Column, HLC         string // the kept value's column and stamp
	Choice              string // current, kept or merged
	WorkerID            uint
	At                  time.Time
}

// AddConflictResolution records a decision; its trigger removes the kept value it names,
// here and on every laptop the row reaches.
func (s *Store) AddConflictResolution(ctx context.Context, r ConflictResolution) error {
	return storageErr(s.writer(ctx).Exec(`INSERT INTO conflict_resolutions(citizen_id, course_id, tbl, row_uid, col, hlc,
		choice, worker_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(r.CitizenID), nullID(r.CourseID), r.Table, r.RowUID, r.Column, r.HLC, r.Choice, nullID(r.WorkerID), r.At.UTC()).Error)
}

// nullID is NULL for 0.
func nullID(id uint) any {
	if id == 0 {
		return nil
	}
	return id
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// Assignment is one open course of a worker with the stamp of its assignment: the clock
// of the course's worker_id (its last change, or the course's first publication) and
// whether a team lead recorded an override for it.
type Assignment struct {
	CourseID    uint
	CitizenID   uint
	CitizenName string
	WorkerID    uint
	HLC         string // "" while the course is not published from this laptop yet
	CreatedAt   time.Time
	Override    bool
}

// OpenAssignments lists every open course with the stamp of its assignment, oldest first
// (courses not yet published last, by creation).
func (s *Store) OpenAssignments(ctx context.Context) ([]Assignment, error) {
	var out []Assignment
	err := s.db.WithContext(ctx).Raw(`SELECT co.id AS course_id, co.citizen_id, c.name AS citizen_name, co.worker_id,
			COALESCE(sc.hlc, i.hlc, '') AS hlc, co.created_at, co.override_reason <> '' AS override
		FROM courses co JOIN citizens c ON c.id = co.citizen_id
		LEFT JOIN sync_ids i ON i.tbl = 'courses' AND i.row_id = co.id
		LEFT JOIN sync_cols sc ON sc.uid = i.uid AND sc.col = 'worker_id'
		WHERE co.status <> 'closed'
		ORDER BY COALESCE(sc.hlc, i.hlc, '') = '', COALESCE(sc.hlc, i.hlc, ''), co.created_at, co.id`).Scan(&out).Error
	return out, storageErr(err)
}
