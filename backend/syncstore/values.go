package syncstore

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// toWire turns a row's references from local ids into uids, in place.
func (c *conn) toWire(ti *tableInfo, vals map[string]any) error {
	for _, r := range ti.Refs {
		v, ok := vals[r.Col]
		if !ok || v == nil {
			continue
		}
		id, ok := v.(int64)
		if !ok {
			return fmt.Errorf("syncstore: %s.%s holds %T, not a row id", ti.Name, r.Col, v)
		}
		uid, err := c.uidOf(r.Table, id)
		if err != nil {
			return err
		}
		if uid == "" {
			return fmt.Errorf("syncstore: %s.%s names %s row %d, which has no uid", ti.Name, r.Col, r.Table, id)
		}
		vals[r.Col] = uid
	}
	return nil
}

// scope returns the course and citizen uids of a live row of ti whose references are uids
// already (vals in wire form). Citizens and courses are their own scope; other rows follow
// their Parents; team data has none.
func (c *conn) scope(ti *tableInfo, uid string, vals map[string]any) (course, citizen string, err error) {
	switch ti.Name {
	case "citizens":
		return "", uid, nil
	case "courses":
		cit, _ := vals["citizen_id"].(string)
		return uid, cit, nil
	}
	for _, p := range ti.Parents {
		puid, ok := vals[p].(string)
		if !ok || puid == "" {
			continue
		}
		r, _ := ti.ref(p)
		return c.scopeOf(r.Table, puid)
	}
	return "", "", nil
}

// scopeOf returns the scope of the row uid of table: what sync_ids keeps of a published
// row, else read from the row itself (and cached for the call).
func (c *conn) scopeOf(table, uid string) (course, citizen string, err error) {
	switch table {
	case "citizens":
		return "", uid, nil
	}
	if s, ok := c.scopes[uid]; ok {
		return s[0], s[1], nil
	}
	id, ok, err := c.byUID(uid)
	if err != nil || !ok {
		return "", "", err
	}
	if !id.live() || (id.HLC != "" && (id.Course != "" || id.Citizen != "")) {
		return id.Course, id.Citizen, nil
	}
	ti, err := c.info(table)
	if err != nil {
		return "", "", err
	}
	cols := ti.Parents
	if table == "courses" {
		cols = []string{"citizen_id"}
	}
	if len(cols) == 0 {
		return "", "", nil
	}
	vals, err := c.readRow(table, id.RowID.Int64, cols)
	if err != nil {
		return "", "", err
	}
	if err := c.toWire(ti, vals); err != nil {
		return "", "", err
	}
	course, citizen, err = c.scope(ti, uid, vals)
	if err == nil {
		c.scopes[uid] = [2]string{course, citizen}
	}
	return course, citizen, err
}

// fromWire converts a value of a Change to what column col of ti stores: numbers that
// encoding/json made floats or json.Number become integers in integer columns.
func fromWire(col column, v any) (any, error) {
	switch x := v.(type) {
	case nil, string, int64:
		return x, nil
	case int:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case float64:
		if col.integer() && x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), nil
		}
		return x, nil
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i, nil
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return nil, err
		}
		return fromWire(col, f)
	}
	return nil, fmt.Errorf("a value of kind %T", v)
}

// same reports two values of a column as equal (after fromWire).
func same(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	}
	return a == b
}
