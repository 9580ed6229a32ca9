package syncstore

import (
	"database/sql"
	"encoding/json"
	"strings"
)

// Reading many rows at once: a query per few thousand rows instead of one per row. The
// keys are bound as one JSON array (inList): with one variable per key the driver's
// matching of values to variables would cost the square of their number.

// inList is the right side of an IN whose keys are one JSON array.
const inList = `(SELECT value FROM json_each(?))`

// readChunk is how many keys one query reads.
const readChunk = 5000

// jsonArray is keys as a JSON array.
func jsonArray[T any](keys []T) (string, error) {
	b, err := json.Marshal(keys)
	return string(b), err
}

// inChunks calls fn with the keys in slices of at most readChunk, each also as a JSON array.
func inChunks[T any](keys []T, fn func(part []T, list string) error) error {
	for start := 0; start < len(keys); start += readChunk {
		part := keys[start:min(start+readChunk, len(keys))]
		list, err := jsonArray(part)
		if err != nil {
			return err
		}
		if err := fn(part, list); err != nil {
			return err
		}
	}
	return nil
}

// loadUIDs fills the cache with the uids of many rows of one table at once.
func (c *conn) loadUIDs(table string, ids []int64) error {
	return inChunks(ids, func(part []int64, list string) error {
		for _, id := range part {
			c.remember(table, id, "")
		}
		rows, err := c.query(`SELECT row_id, uid FROM sync_ids WHERE tbl = ? AND row_id IN `+inList, table, list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var uid string
			if err := rows.Scan(&id, &uid); err != nil {
				return err
			}
			c.remember(table, id, uid)
		}
		return rows.Err()
	})
}

// chunks calls fn with the ids in slices of at most 500 (the bound variables of one query).
func chunks[T any](ids []T, fn func([]T) error) error {
	for start := 0; start < len(ids); start += 500 {
		if err := fn(ids[start:min(start+500, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

// loadIDs reads the sync_ids rows of many uids at once into the cache. When sync_ids holds
// far fewer rows than there are uids to look up (a new laptop loading the team's snapshot),
// it reads the whole table instead.
func (c *conn) loadIDs(uids []string) error {
	small := len(uids)/4 + 1
	var n int
	if err := c.queryRow(`SELECT COUNT(*) FROM (SELECT 1 FROM sync_ids LIMIT ?)`, small).Scan(&n); err != nil {
		return err
	}
	if n < small {
		return c.loadAllIDs(uids)
	}
	return inChunks(uids, func(part []string, list string) error {
		for _, uid := range part {
			if _, ok := c.rows[uid]; !ok {
				c.absent[uid] = true
			}
		}
		rows, err := c.query(`SELECT `+idCols+` FROM sync_ids WHERE uid IN `+inList, list)
		if err != nil {
			return err
		}
		return c.cacheIDs(rows)
	})
}

// cacheIDs puts rows of sync_ids into the cache and closes them.
func (c *conn) cacheIDs(rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
		r, err := scanID(rows)
		if err != nil {
			return err
		}
		delete(c.absent, r.UID)
		c.setRow(r)
		if r.live() {
			c.remember(r.Table, r.RowID.Int64, r.UID)
		}
	}
	return rows.Err()
}

// loadAllIDs reads every row of sync_ids into the cache; the uids not among them are absent.
func (c *conn) loadAllIDs(uids []string) error {
	rows, err := c.query(`SELECT ` + idCols + ` FROM sync_ids`)
	if err != nil {
		return err
	}
	if err := c.cacheIDs(rows); err != nil {
		return err
	}
	for _, uid := range uids {
		if _, ok := c.rows[uid]; !ok {
			c.absent[uid] = true
		}
	}
	return nil
}

// loadClocks reads the column clocks of many rows at once.
func (c *conn) loadClocks(uids []string) (map[string]map[string][2]string, error) {
	out := map[string]map[string][2]string{}
	err := inChunks(uids, func(_ []string, list string) error {
		rows, err := c.query(`SELECT uid, col, hlc, base FROM sync_cols WHERE uid IN `+inList, list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var uid, col, hlc, base string
			if err := rows.Scan(&uid, &col, &hlc, &base); err != nil {
				return err
			}
			if out[uid] == nil {
				out[uid] = map[string][2]string{}
			}
			out[uid][col] = [2]string{hlc, base}
		}
		return rows.Err()
	})
	return out, err
}

// readRows reads the columns cols of many rows of a table at once, by rowid.
func (c *conn) readRows(table string, ids []int64, cols []string) (map[int64]map[string]any, error) {
	sel := make([]string, len(cols))
	for i, col := range cols {
		sel[i] = "+" + quote(col)
	}
	out := make(map[int64]map[string]any, len(ids))
	err := inChunks(ids, func(_ []int64, list string) error {
		rows, err := c.query(`SELECT rowid, `+strings.Join(sel, ", ")+` FROM `+quote(table)+
			` WHERE rowid IN `+inList, list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			vals := make([]any, len(cols))
			ptrs := []any{&id}
			for i := range vals {
				ptrs = append(ptrs, &vals[i])
			}
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			m := make(map[string]any, len(cols))
			for i, col := range cols {
				m[col] = plain(vals[i])
			}
			out[id] = m
		}
		return rows.Err()
	})
	return out, err
}

// loadRefs reads at once the uids of every row the references of rows name.
func (c *conn) loadRefs(ti *tableInfo, rows map[int64]map[string]any) error {
	for _, r := range ti.Refs {
		var ids []int64
		for _, vals := range rows {
			if id, ok := vals[r.Col].(int64); ok {
				if _, cached := c.uids[r.Table][id]; !cached {
					ids = append(ids, id)
				}
			}
		}
		if err := c.loadUIDs(r.Table, ids); err != nil {
			return err
		}
	}
	return nil
}
