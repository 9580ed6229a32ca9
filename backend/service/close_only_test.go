package service

import (
	"context"
	"testing"

	"icm/backend/domain"
)

// TestUpdateCourseNeverCloses: status "closed" is reached only through the follow-up
// step's closing; the course settings may reopen a closed course but not close one or move
// its end.
func TestUpdateCourseNeverCloses(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø") // starts 2026-11-01
	base := UpdateCourseInput{ID: co.ID, WorkerID: w.lead.ID, StartDate: co.StartDate}
	with := func(status, end string) UpdateCourseInput { in := base; in.Status, in.EndDate = status, end; return in }
	cases := []struct {
		name  string
		in    UpdateCourseInput
		field string
	}{
		{"closing a course in visitation", with("closed", "2026-11-30"), "status"},
		{"closing with the start date as end", with("closed", "2026-11-01"), "status"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.courses.UpdateCourse(c.in)
			wantField(t, err, c.field, domain.CodeCloseThroughClosing)
		})
	}
	mustFn[CourseDTO](t)(w.courses.UpdateCourse(with("active", "")))
	t.Run("closing an active course", func(t *testing.T) {
		_, err := w.courses.UpdateCourse(with("closed", "2026-11-30"))
		wantField(t, err, "status", domain.CodeCloseThroughClosing)
	})
	if got := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID})); got.Status != "active" || got.EndDate != "" {
		t.Fatalf("a refused update closed the course: %+v", got)
	}
	if fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: co.ID})); fu.Closing != nil {
		t.Fatalf("closing after refused updates = %+v", fu.Closing)
	}

	closeCourse(t, w.d, co.ID, "2026-11-30")
	t.Run("a closed course's end belongs to its closing", func(t *testing.T) {
		_, err := w.courses.UpdateCourse(with("closed", "2026-11-20"))
		wantField(t, err, "endDate", domain.CodeCloseThroughClosing)
	})
	t.Run("a closed course may keep its end while other settings change", func(t *testing.T) {
		got := mustFn[CourseDTO](t)(w.courses.UpdateCourse(with("closed", "2026-11-30")))
		if got.Status != "closed" || got.EndDate != "2026-11-30" {
			t.Fatalf("closed course = %+v", got)
		}
	})
	t.Run("reopening and closing again goes through the closing", func(t *testing.T) {
		got := mustFn[CourseDTO](t)(w.courses.UpdateCourse(with("active", "")))
		if got.Status != "active" || got.EndDate != "" {
			t.Fatalf("reopened = %+v", got)
		}
		_, err := w.courses.UpdateCourse(with("closed", "2026-12-01"))
		wantField(t, err, "status", domain.CodeCloseThroughClosing)
		// Reopened, the course has no closing left: the database itself refuses to close it
		// without a new one, and the history has no close entry of the old closing.
		if cl, err := w.d.Store.GetClosing(context.Background(), co.ID); err == nil && cl != nil {
			t.Fatalf("the reopened course keeps its closing %+v", cl)
		}
		if e, err := w.d.Store.StepHousingEvent(context.Background(), co.ID, "close"); err == nil && e != nil {
			t.Fatalf("the reopened course keeps the close entry %+v", e)
		}
		closeCourse(t, w.d, co.ID, "2026-12-01")
		if got := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: co.ID})); got.Status != "closed" || got.EndDate != "2026-12-01" {
			t.Fatalf("closed again = %+v", got)
		}
	})
}
