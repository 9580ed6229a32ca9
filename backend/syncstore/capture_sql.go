package syncstore

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// MigrationName is the file of the capture migration in backend/store/migrations.
const MigrationName = "0013_sync_capture.sql"

// trigger is one generated trigger: its name and its SQL as SQLite keeps it in sqlite_schema.
type trigger struct{ Name, SQL string }

// migrationSQL generates migration 0013 from the registry and the columns of the synced
// tables as migrations 0001-0012 left them. The file is committed; the golden test
// regenerates it and fails when it differs.
func migrationSQL(schema map[string][]column) (string, error) {
	var b strings.Builder
	b.WriteString(migrationHeader)
	b.WriteString(migrationTables)
	b.WriteString("\n-- Every row that exists already gets its team-wide id (parents before children: a derived\n")
	b.WriteString("-- id is made of its parent's). Nothing goes to the outbox: a laptop's data joins the team\n")
	b.WriteString("-- folder through a snapshot.\n")
	released := releasedOrder()
	for _, t := range released {
		if _, ok := schema[t.Name]; !ok {
			return "", fmt.Errorf("syncstore: no columns for table %s", t.Name)
		}
		b.WriteString(backfillSQL(t))
		b.WriteString(";\n")
	}
	b.WriteString("\n-- The capture: per synced table, generated from the registry in backend/syncstore.\n")
	for _, t := range released {
		b.WriteString("\n")
		for _, tr := range triggersSQL(t, schema[t.Name]) {
			b.WriteString(tr.SQL)
			b.WriteString(";\n")
		}
	}
	b.WriteString(migrationNotes)
	return b.String(), nil
}

// order0013 is the order of the tables in migration 0013 as it was released: the registry's
// order may change since (a table that gains a reference moves after the table it
// references), the released file may not.
var order0013 = []string{"teams", "workers", "credentials", "settings", "template_elements", "template_versions",
	"cover_periods", "citizens", "courses", "visitations", "closings", "assessment_entries", "goals", "subgoals",
	"activities", "network_contacts", "meetings", "meeting_actions", "advocacy_cases", "evaluations",
	"evaluation_items", "who5_scores", "weekly_checks", "notes", "note_revisions", "plan_versions", "housing_events"}

// releasedOrder lists the tables of migration 0013 in its order; a table the registry
// gains later is captured by a later migration (see captureUpdates).
func releasedOrder() []*Table {
	out := make([]*Table, 0, len(order0013))
	for _, n := range order0013 {
		if t, ok := byName[n]; ok {
			out = append(out, t)
		}
	}
	return out
}

// rowFilter is the table's Filter for the row called alias ("" when every row is synced).
func (t *Table) rowFilter(alias string) string {
	return strings.ReplaceAll(t.Filter, "{row}", alias)
}

// filterColumn finds the columns a Filter reads: each is written "{row}.name".
var filterColumn = regexp.MustCompile(`\{row\}\.([A-Za-z_][A-Za-z0-9_]*)`)

// filterCols lists the columns the table's Filter reads, each once, in their order there.
func (t *Table) filterCols() []string {
	var out []string
	for _, m := range filterColumn.FindAllStringSubmatch(t.Filter, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// uidExpr is the SQL expression that gives a new row of t its uid, with the row called
// alias. A derived uid whose parent has no uid (which the triggers never leave) falls back
// to a random one rather than failing the user's write.
func (t *Table) uidExpr(alias string) string {
	random := "lower(hex(randomblob(16)))"
	if t.Identity == RandomUID {
		return random
	}
	parts := []string{"'" + t.Name + "'"}
	for _, k := range t.Key {
		if r, ok := t.ref(k); ok {
			parts = append(parts, fmt.Sprintf("(SELECT uid FROM sync_ids WHERE tbl = '%s' AND row_id = %s.%s)", r.Table, alias, k))
		} else {
			parts = append(parts, alias+"."+k)
		}
	}
	derived := "COALESCE(" + strings.Join(parts, " || ':' || ") + ", " + random + ")"
	if t.KeyWhen != "" {
		return "CASE WHEN " + strings.ReplaceAll(t.KeyWhen, "{row}", alias) + " THEN " + derived + " ELSE " + random + " END"
	}
	return derived
}

// backfillSQL gives every existing synced row of t its uid.
func backfillSQL(t *Table) string {
	where := ""
	if f := t.rowFilter("r"); f != "" {
		where = " WHERE " + f
	}
	return fmt.Sprintf("INSERT INTO sync_ids(uid, tbl, row_id)\n    SELECT %s, '%s', r.rowid FROM %s r%s ORDER BY r.rowid",
		t.uidExpr("r"), t.Name, t.Name, where)
}

// triggersSQL generates the AFTER INSERT, UPDATE and DELETE triggers of t. They append to
// sync_outbox unless the applier is writing (sync_apply.active = 1); the delete trigger
// always turns the row's uid into a tombstone, also for the rows an applied delete cascades to.
func triggersSQL(t *Table, cols []column) []trigger {
	ti := newTableInfo(t, cols)
	name := t.Name
	applying := "(SELECT active FROM sync_apply) = 0"
	insWhen := applying
	if f := t.rowFilter("NEW"); f != "" {
		insWhen = f + " AND " + insWhen
	}
	idRow := fmt.Sprintf("INSERT INTO sync_ids(uid, tbl, row_id) VALUES (%s, '%s', NEW.rowid)", t.uidExpr("NEW"), name)
	if t.Identity == DerivedUID {
		// A natural row written again after its delete (a course's closing after a reopening)
		// takes its uid back.
		idRow += "\n        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0"
	}
	ins := fmt.Sprintf(`CREATE TRIGGER sync_%s_ai AFTER INSERT ON %s
WHEN %s
BEGIN
    %s;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT '%s', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END`, name, name, insWhen, idRow, name)

	var changed, list []string
	for _, c := range ti.merged {
		changed = append(changed, fmt.Sprintf("OLD.%s IS NOT NEW.%s", c, c))
		list = append(list, fmt.Sprintf("CASE WHEN OLD.%s IS NOT NEW.%s THEN ',%s' ELSE '' END", c, c, c))
	}
	updWhen := "(" + strings.Join(changed, "\n    OR ") + ")\n    AND " + applying
	if f := t.rowFilter("NEW"); f != "" {
		updWhen = f + " AND " + updWhen
	}
	upd := fmt.Sprintf(`CREATE TRIGGER sync_%s_au AFTER UPDATE ON %s
WHEN %s
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT '%s', NEW.rowid, 'upd',
        %s,
        worker_id, tx FROM sync_actor;
END`, name, name, updWhen, name, strings.Join(list, "\n        || "))

	delWhen := ""
	if f := t.rowFilter("OLD"); f != "" {
		delWhen = "\nWHEN " + f
	}
	del := fmt.Sprintf(`CREATE TRIGGER sync_%s_ad AFTER DELETE ON %s%s
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT '%s', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = '%s' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE %s;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = '%s' AND row_id = OLD.rowid;
END`, name, name, delWhen, name, name, applying, name)
	return []trigger{{"sync_" + name + "_ai", ins}, {"sync_" + name + "_au", upd}, {"sync_" + name + "_ad", del}}
}
