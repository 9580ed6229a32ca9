package service

import (
	"testing"

	"icm/backend/syncstore"
)

// Every merge rule names a synced TEXT column of the schema under its own table, and a
// column of a listed name in a table without a rule is never merged as text.
func TestMergeRulesNameTextColumnsOfTheirTable(t *testing.T) {
	d := newTestDeps(t)
	db := d.Store.Gorm()
	synced := map[string]syncstore.Table{}
	for _, tb := range syncstore.Tables() {
		synced[tb.Name] = tb
	}
	for table, cols := range mergeRules {
		st, ok := synced[table]
		if !ok {
			t.Errorf("merge rules for %s, which is not synced", table)
			continue
		}
		for col := range cols {
			var typ string
			if err := db.Raw("SELECT type FROM pragma_table_info(?) WHERE name = ?", table, col).Scan(&typ).Error; err != nil || typ == "" {
				t.Errorf("%s.%s: no such column (%v)", table, col, err)
				continue
			}
			if !mergeable(st, col, typ) {
				t.Errorf("%s.%s (%s) is not mergeable", table, col, typ)
			}
		}
	}
	if _, ok := mergeRuleOf("workers", "note"); ok {
		t.Error("a column named note outside the forms' tables has a merge rule")
	}
	if _, ok := mergeRuleOf("citizens", "note"); ok {
		t.Error("a column listed for another table has a merge rule on citizens")
	}
}
