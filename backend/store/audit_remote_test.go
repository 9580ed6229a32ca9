package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateSchema9DemoAuditRemoteIndexes: a copy of the last released database upgrades
// with the indexes of the team lead's audit list, and each of the list's orders and filters
// reads an index instead of sorting every entry held (millions at ten-year scale).
func TestMigrateSchema9DemoAuditRemoteIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "icm.db")
	copyFile(t, filepath.Join("testdata", "schema9-demo.db"), path)
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int64
	st.db.Raw(`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name IN
		('audit_remote_at', 'audit_remote_laptop_at', 'audit_remote_citizen', 'audit_remote_worker')`).Scan(&n)
	if n != 4 {
		t.Fatalf("%d of the 4 audit_remote indexes after the upgrade", n)
	}
	for _, f := range []FindRemoteAudit{{Limit: 101}, {CitizenID: 1, Limit: 101}, {WorkerID: 1, Limit: 101},
		{Laptop: "ab", Before: &RemoteAuditKey{At: "2026", Laptop: "ab", OriginID: 9}, Limit: 101}} {
		plan := remoteAuditPlan(t, st, f)
		if strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "USING INDEX audit_remote_") {
			t.Errorf("filter %+v sorts or scans the table:\n%s", f, plan)
		}
	}
	if _, err := st.ListRemoteAudit(ctx, FindRemoteAudit{CitizenID: 1, Limit: 10}); err != nil {
		t.Fatal(err)
	}
}

// remoteAuditPlan is SQLite's plan of ListRemoteAudit's query for f.
func remoteAuditPlan(t *testing.T, st *Store, f FindRemoteAudit) string {
	t.Helper()
	q, args := remoteAuditQuery(f)
	var rows []struct{ Detail string }
	if err := st.db.Raw("EXPLAIN QUERY PLAN "+q, args...).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r.Detail + "\n")
	}
	return b.String()
}
