package syncstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// errNotInTx is returned when a function that writes is given a handle outside a transaction.
var errNotInTx = errors.New("syncstore: needs a *gorm.DB inside a transaction (store.SyncTx)")

// conn is the transaction the functions of this package work in, with what they have
// looked up so far. It uses the transaction's database/sql handle directly: the rows are
// read with the values SQLite holds (a DATETIME column's text stays text).
type conn struct {
	ctx   context.Context
	pool  gorm.ConnPool
	infos map[string]*tableInfo
	// uids caches uid by table and local rowid; rows the reverse.
	uids map[string]map[int64]string
	rows map[string]idRow
	// absent are uids loadIDs looked up and did not find (until forget).
	absent map[string]bool
	// scopes caches the course and citizen of rows read for a scope; wire holds the rows
	// read in this call (wire form), by uid.
	scopes map[string][2]string
	wire   map[string]map[string]any
	// stmts are the statements prepared in this call (closed by done).
	stmts map[string]*sql.Stmt
	// jr records what the caches learn inside a savepoint, to forget it when the savepoint
	// is rolled back (see startJournal and undo).
	jr *journal
}

// journal is what the caches learned since startJournal.
type journal struct {
	rows []string
	uids []tableRow
}

type tableRow struct {
	table string
	id    int64
}

// startJournal starts recording what the caches learn, for undo.
func (c *conn) startJournal() { c.jr = &journal{} }

// keepJournal stops recording: what the caches learned stands (the savepoint was released).
func (c *conn) keepJournal() { c.jr = nil }

// undo forgets what the caches learned since startJournal (the savepoint was rolled back).
func (c *conn) undo() {
	if c.jr != nil {
		for _, uid := range c.jr.rows {
			delete(c.rows, uid)
		}
		for _, r := range c.jr.uids {
			delete(c.uids[r.table], r.id)
		}
	}
	c.scopes = map[string][2]string{}
	c.jr = nil
}

// setRow caches a row of sync_ids.
func (c *conn) setRow(r idRow) {
	c.rows[r.UID] = r
	if c.jr != nil {
		c.jr.rows = append(c.jr.rows, r.UID)
	}
}

// idRow is a row of sync_ids.
type idRow struct {
	UID     string
	Table   string
	RowID   sql.NullInt64 // NULL once deleted
	HLC     string        // "" when never published
	Deleted bool
	Course  string
	Citizen string
}

func (r idRow) live() bool { return !r.Deleted && r.RowID.Valid }

func newConn(tx *gorm.DB, needTx bool) (*conn, error) {
	if tx == nil || tx.Statement == nil || tx.Statement.ConnPool == nil {
		return nil, errNotInTx
	}
	if _, ok := tx.Statement.ConnPool.(gorm.TxCommitter); needTx && !ok {
		return nil, errNotInTx
	}
	ctx := tx.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return &conn{ctx: ctx, pool: tx.Statement.ConnPool, infos: map[string]*tableInfo{},
		uids: map[string]map[int64]string{}, rows: map[string]idRow{}, absent: map[string]bool{}, scopes: map[string][2]string{},
		wire: map[string]map[string]any{}, stmts: map[string]*sql.Stmt{}}, nil
}

// stmt returns the statement for q, prepared once per call.
func (c *conn) stmt(q string) (*sql.Stmt, error) {
	if st, ok := c.stmts[q]; ok {
		return st, nil
	}
	st, err := c.pool.PrepareContext(c.ctx, q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = st
	return st, nil
}

// done closes the statements of the call.
func (c *conn) done() {
	for _, st := range c.stmts {
		_ = st.Close()
	}
	c.stmts = map[string]*sql.Stmt{}
}

func (c *conn) exec(q string, args ...any) error {
	st, err := c.stmt(q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(c.ctx, args...)
	return err
}

func (c *conn) query(q string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(c.ctx, args...)
}

// row is one row of a query, or the error of preparing it.
type row struct {
	r   *sql.Row
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.r.Scan(dest...)
}

func (c *conn) queryRow(q string, args ...any) row {
	st, err := c.stmt(q)
	if err != nil {
		return row{err: err}
	}
	return row{r: st.QueryRowContext(c.ctx, args...)}
}

// info returns a synced table with its columns.
func (c *conn) info(table string) (*tableInfo, error) {
	if ti, ok := c.infos[table]; ok {
		return ti, nil
	}
	t, ok := byName[table]
	if !ok {
		return nil, fmt.Errorf("syncstore: %s is not a synced table", table)
	}
	cols, err := readColumns(c.ctx, c.pool, table)
	if err != nil {
		return nil, err
	}
	ti := newTableInfo(t, cols)
	c.infos[table] = ti
	return ti, nil
}

const idCols = `uid, tbl, row_id, COALESCE(hlc, ''), deleted, COALESCE(course, ''), COALESCE(citizen, '')`

func scanID(sc interface{ Scan(...any) error }) (idRow, error) {
	var r idRow
	err := sc.Scan(&r.UID, &r.Table, &r.RowID, &r.HLC, &r.Deleted, &r.Course, &r.Citizen)
	return r, err
}

// byUID looks a uid up in sync_ids; ok is false when it is not there.
func (c *conn) byUID(uid string) (idRow, bool, error) {
	if r, ok := c.rows[uid]; ok {
		return r, true, nil
	}
	r, err := scanID(c.queryRow(`SELECT `+idCols+` FROM sync_ids WHERE uid = ?`, uid))
	if errors.Is(err, sql.ErrNoRows) {
		return idRow{}, false, nil
	}
	if err != nil {
		return idRow{}, false, err
	}
	c.setRow(r)
	return r, true, nil
}

// forget drops what is cached of a uid whose sync_ids row changed.
func (c *conn) forget(uid string) {
	if r, ok := c.rows[uid]; ok && r.RowID.Valid {
		delete(c.uids[r.Table], r.RowID.Int64)
	}
	delete(c.rows, uid)
	delete(c.absent, uid)
}

// uidOf returns the uid of a live row ("" when it has none).
func (c *conn) uidOf(table string, rowID int64) (string, error) {
	if m, ok := c.uids[table]; ok {
		if u, ok := m[rowID]; ok {
			return u, nil
		}
	}
	var uid string
	err := c.queryRow(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, table, rowID).Scan(&uid)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	c.remember(table, rowID, uid)
	return uid, nil
}

func (c *conn) remember(table string, rowID int64, uid string) {
	m, ok := c.uids[table]
	if !ok {
		m = map[int64]string{}
		c.uids[table] = m
	}
	m[rowID] = uid
	if c.jr != nil {
		c.jr.uids = append(c.jr.uids, tableRow{table, rowID})
	}
}

// colClocks returns the HLC and base of every column of a row that has its own (sync_cols).
func (c *conn) colClocks(uid string) (map[string][2]string, error) {
	rows, err := c.query(`SELECT col, hlc, base FROM sync_cols WHERE uid = ?`, uid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][2]string{}
	for rows.Next() {
		var col, hlc, base string
		if err := rows.Scan(&col, &hlc, &base); err != nil {
			return nil, err
		}
		out[col] = [2]string{hlc, base}
	}
	return out, rows.Err()
}

// clocks is a row's clock: the HLC of its first publication and the columns that differ.
type clocks struct {
	row  string
	cols map[string][2]string
}

// of is the HLC of column col and the HLC it replaced.
func (k clocks) of(col string) (hlc, base string) {
	if v, ok := k.cols[col]; ok {
		return v[0], v[1]
	}
	return k.row, ""
}

func (c *conn) clocksOf(r idRow) (clocks, error) {
	cols, err := c.colClocks(r.UID)
	return clocks{row: r.HLC, cols: cols}, err
}

// readRow reads the columns cols of one row, as SQLite holds them (unary + keeps the
// driver from turning a DATETIME's text into a time).
func (c *conn) readRow(table string, rowID int64, cols []string) (map[string]any, error) {
	sel := make([]string, len(cols))
	for i, col := range cols {
		sel[i] = "+" + quote(col)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	err := c.queryRow(`SELECT `+strings.Join(sel, ", ")+` FROM `+quote(table)+` WHERE rowid = ?`, rowID).Scan(ptrs...)
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(cols))
	for i, col := range cols {
		out[col] = plain(vals[i])
	}
	return out, nil
}

// plain turns a driver value into the kinds a Change holds.
func plain(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
