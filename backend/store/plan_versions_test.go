package store

import (
	"context"
	"testing"
	"time"

	"icm/backend/domain"
)

// signedVersion opens a fresh database with the version-1 and -3 seed rows (team, lead,
// citizen, course and a plan) and one signed plan version, and returns it.
func signedVersion(t *testing.T) (*Store, *PlanVersion) {
	t.Helper()
	st, _ := openTemp(t)
	for _, v := range []int{1, 3} {
		for _, q := range seedRows(v, true) {
			if err := st.db.Exec(q).Error; err != nil {
				t.Fatalf("seed %d: %v", v, err)
			}
		}
	}
	ctx := context.Background()
	at := time.Date(2025, 2, 2, 10, 0, 0, 0, time.UTC)
	lead, leadDate := uint(1), "2025-02-03"
	v := &PlanVersion{CourseID: 1, VersionNo: 1, Snapshot: `{"formatVersion":1,"goals":[]}`, SignedAt: at,
		CitizenName: "Åse Ærø 🙂", CitizenDate: "2025-02-02", Method: "paper", WorkerID: 1, WorkerDate: "2025-02-02",
		LeadID: &lead, LeadDate: &leadDate, CitizenComment: "Uenig i fristen", CreatedAt: at}
	if err := st.CreatePlanVersion(ctx, v); err != nil {
		t.Fatalf("CreatePlanVersion: %v", err)
	}
	return st, v
}

func TestSignedPlanVersionIsImmutableInTheDatabase(t *testing.T) {
	st, v := signedVersion(t)
	ctx := context.Background()
	raw := func(t *testing.T, q string, args ...any) error {
		t.Helper()
		return storageErr(st.db.WithContext(ctx).Exec(q, args...).Error)
	}
	cases := []struct {
		name string
		sql  string
	}{
		{"snapshot", `UPDATE plan_versions SET snapshot = '{"goals":[]}' WHERE id = ?`},
		{"citizen name", `UPDATE plan_versions SET citizen_name = 'Someone else' WHERE id = ?`},
		{"method", `UPDATE plan_versions SET method = 'in_person' WHERE id = ?`},
		{"comment", `UPDATE plan_versions SET citizen_comment = '' WHERE id = ?`},
		{"no-op update", `UPDATE plan_versions SET snapshot = snapshot WHERE id = ?`},
		{"unsign", `UPDATE plan_versions SET signed_at = NULL WHERE id = ?`},
		{"delete", `DELETE FROM plan_versions WHERE id = ?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCode(t, raw(t, c.sql, v.ID), domain.CodePlanSigned)
		})
	}
	t.Run("delete all", func(t *testing.T) {
		wantCode(t, raw(t, `DELETE FROM plan_versions`), domain.CodePlanSigned)
	})
	t.Run("generic Save and Delete refuse", func(t *testing.T) {
		changed := *v
		changed.CitizenComment = "changed"
		wantCode(t, st.Save(ctx, &changed), domain.CodePlanSigned)
		wantCode(t, st.Delete(ctx, &PlanVersion{}, v.ID), domain.CodePlanSigned)
	})
	t.Run("GORM update refused by the trigger", func(t *testing.T) {
		err := storageErr(st.db.WithContext(ctx).Model(&PlanVersion{ID: v.ID}).Update("citizen_comment", "x").Error)
		wantCode(t, err, domain.CodePlanSigned)
	})
	t.Run("the course cannot be deleted under its signed plan", func(t *testing.T) {
		if err := raw(t, `DELETE FROM courses WHERE id = 1`); err == nil {
			t.Fatal("deleting the course of a signed plan succeeded")
		}
	})
	got, err := st.GetPlanVersion(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Snapshot != v.Snapshot || got.CitizenName != v.CitizenName || got.Method != v.Method ||
		got.CitizenComment != v.CitizenComment || !got.SignedAt.Equal(v.SignedAt) || *got.LeadDate != *v.LeadDate {
		t.Fatalf("the row changed: %+v, want %+v", got, v)
	}
}

func TestPlanVersionConstraints(t *testing.T) {
	st, v := signedVersion(t)
	ctx := context.Background()
	next, err := st.NextPlanVersionNo(ctx, 1)
	if err != nil || next != 2 {
		t.Fatalf("NextPlanVersionNo = %d, %v; want 2", next, err)
	}
	if n, err := st.NextPlanVersionNo(ctx, 99); err != nil || n != 1 {
		t.Fatalf("NextPlanVersionNo(no versions) = %d, %v; want 1", n, err)
	}
	lead := uint(1)
	date := "2025-02-05"
	cases := []struct {
		name   string
		change func(p *PlanVersion)
	}{
		{"same number twice", func(p *PlanVersion) { p.VersionNo = 1 }},
		{"number 0", func(p *PlanVersion) { p.VersionNo = 0 }},
		{"snapshot that is not JSON", func(p *PlanVersion) { p.Snapshot = "{not json" }},
		{"unknown method", func(p *PlanVersion) { p.Method = "email" }},
		{"lead without date", func(p *PlanVersion) { p.LeadID, p.LeadDate = &lead, nil }},
		{"lead date without lead", func(p *PlanVersion) { p.LeadID, p.LeadDate = nil, &date }},
		{"unknown course", func(p *PlanVersion) { p.CourseID = 42 }},
		{"unknown worker", func(p *PlanVersion) { p.WorkerID = 42 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := *v
			p.ID, p.VersionNo, p.LeadID, p.LeadDate = 0, 2, nil, nil
			c.change(&p)
			if err := st.CreatePlanVersion(ctx, &p); err == nil {
				t.Fatalf("insert with %s succeeded", c.name)
			}
		})
	}
	second := *v
	second.ID, second.VersionNo, second.LeadID, second.LeadDate, second.Snapshot = 0, 2, nil, nil, `{"versionNo":2}`
	if err := st.CreatePlanVersion(ctx, &second); err != nil {
		t.Fatal(err)
	}
	list, err := st.ListPlanVersions(ctx, 1)
	if err != nil || len(list) != 2 || list[0].VersionNo != 2 || list[1].VersionNo != 1 {
		t.Fatalf("ListPlanVersions = %+v, %v; want 2 then 1", list, err)
	}
	if list[0].Snapshot != second.Snapshot || list[1].LeadID == nil || *list[1].LeadID != 1 {
		t.Errorf("list rows = %+v; want the snapshots and the lead kept", list)
	}
	latest, err := st.LatestPlanVersion(ctx, 1)
	if err != nil || latest == nil || latest.ID != second.ID || latest.Snapshot != second.Snapshot {
		t.Fatalf("LatestPlanVersion = %+v, %v", latest, err)
	}
	if none, err := st.LatestPlanVersion(ctx, 99); err != nil || none != nil {
		t.Fatalf("LatestPlanVersion(no versions) = %+v, %v; want nil", none, err)
	}
	_, err = st.GetPlanVersion(ctx, 999)
	wantCode(t, err, domain.CodeNotFound)
}
