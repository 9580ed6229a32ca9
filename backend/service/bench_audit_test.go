package service

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/store"
)

// BenchmarkAuditCost shows what the audit log adds to a screen: the same step read with
// the access check and the logged view (what the UI calls) and without them, on the demo
// team's fully filled course, plus one append on its own.
func BenchmarkAuditCost(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "icm.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := LoadDemo(context.Background(), st, testNow); err != nil {
		b.Fatal(err)
	}
	d := Deps{Store: st, Clock: time.Now}
	list, err := NewCitizenService(d).ListCitizens(CitizenListInput{Query: "Dennis"})
	if err != nil || len(list) != 1 {
		b.Fatalf("demo citizen: %v %v", list, err)
	}
	id := IDInput{ID: list[0].CourseID}
	plan, courses := NewPlanningService(d), NewCourseService(d)
	b.Run("GetPlan/logged", func(b *testing.B) {
		for b.Loop() {
			if _, err := plan.GetPlan(id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GetPlan/unlogged", func(b *testing.B) {
		for b.Loop() {
			if _, err := plan.getPlan(id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GetCourse/logged", func(b *testing.B) {
		for b.Loop() {
			if _, err := courses.GetCourse(id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GetCourse/unlogged", func(b *testing.B) {
		for b.Loop() {
			if _, err := courses.getCourse(id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("AppendAudit", func(b *testing.B) {
		e := store.AuditEntry{WorkerID: 1, WorkerName: "Mette Lund", Action: AuditView, Object: "plan", CitizenID: 1, CourseID: id.ID}
		for b.Loop() {
			if err := st.AppendAudit(context.Background(), time.Now(), e); err != nil {
				b.Fatal(err)
			}
		}
	})
}
