package syncstore

import (
	"encoding/json"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// Dump writes the synced state in a canonical text form for comparing laptops: every live
// synced row by uid with its columns (references as uids, local ids and the laptop's own
// columns left out) and the HLC of each merged column, every published tombstone, and
// every value kept in sync_conflicts. Two laptops that hold the same data have
// byte-identical dumps.
func Dump(tx *gorm.DB) (string, error) {
	c, err := newConn(tx, false)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := range tables {
		ti, err := c.info(tables[i].Name)
		if err != nil {
			return "", err
		}
		var lines []string
		err = c.eachRow(ti, func(r liveRow) error {
			vals := make(map[string]any, len(r.vals))
			for col, v := range r.vals {
				if !ti.isLocal(col) {
					vals[col] = v
				}
			}
			hlc := "-"
			if r.id.HLC != "" {
				clock := make(map[string]string, len(ti.merged))
				for _, col := range ti.merged {
					clock[col], _ = r.k.of(col)
				}
				hlc = jsonText(clock)
			}
			lines = append(lines, ti.Name+" "+r.id.UID+" "+jsonText(vals)+" "+hlc)
			return nil
		})
		if err != nil {
			return "", err
		}
		sort.Strings(lines)
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	err = c.eachTombstone(func(ch Change) error {
		b.WriteString("deleted " + ch.Table + " " + ch.UID + "\n")
		return nil
	})
	if err != nil {
		return "", err
	}
	err = c.eachKept(func(tbl, uid, col, hlc string, value any) error {
		if value, err = c.keptValue(tbl, col, value); err != nil {
			return err
		}
		b.WriteString("kept " + tbl + " " + uid + " " + col + " " + hlc + " " + jsonText(value) + "\n")
		return nil
	})
	return b.String(), err
}

// jsonText is v as JSON (map keys sorted), for Dump.
func jsonText(v any) string {
	out, err := json.Marshal(v)
	if err != nil {
		return "!" + err.Error()
	}
	return string(out)
}

// keptValue is a kept value as it reads now: a reference that is set to NULL when its row
// is deleted reads NULL once that row is deleted here (on the laptop where the delete
// came first the kept value may already be NULL).
func (c *conn) keptValue(tbl, col string, value any) (any, error) {
	t, ok := byName[tbl]
	if !ok {
		return value, nil
	}
	r, ok := t.ref(col)
	uid, isUID := value.(string)
	if !ok || r.OnDelete != "SET NULL" || !isUID {
		return value, nil
	}
	id, known, err := c.byUID(uid)
	if err != nil || (known && id.live()) {
		return value, err
	}
	return nil, nil
}
