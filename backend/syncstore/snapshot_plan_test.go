package syncstore

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// A snapshot reads every table in chunks of 1000 rows: each chunk must be read straight from
// the index in order and stop at its limit, never by sorting every row after it (which made
// the snapshot of a ten-year database take minutes).
func TestSnapshotChunksReadInIndexOrder(t *testing.T) {
	st := openStore(t)
	err := st.Gorm().Transaction(func(tx *gorm.DB) error {
		c, err := newConn(tx, false)
		if err != nil {
			return err
		}
		defer c.done()
		for _, tb := range tables {
			ti, err := c.info(tb.Name)
			if err != nil {
				return err
			}
			rows, err := c.query(`EXPLAIN QUERY PLAN `+liveRowsQuery(ti), tb.Name, 0)
			if err != nil {
				return err
			}
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					rows.Close()
					return err
				}
				plan = append(plan, detail)
			}
			rows.Close()
			if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "sync_ids_row") {
				t.Errorf("%s: the snapshot's chunk query sorts instead of walking sync_ids_row: %s", tb.Name, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
