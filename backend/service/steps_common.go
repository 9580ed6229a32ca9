package service

import (
	"context"

	"icm/backend/domain"
	"icm/backend/store"
)

// writableCourse loads a course for a change to one of its steps: a closed course is a
// record and is refused.
func writableCourse(ctx context.Context, st *store.Store, courseID uint) (*store.Course, error) {
	if courseID == 0 {
		var p domain.Problems
		p.Add("courseId", domain.CodeRequired)
		return nil, p.Err()
	}
	c, err := st.GetCourse(ctx, courseID)
	if err != nil {
		return nil, err
	}
	if domain.CourseStatus(c.Status) == domain.CourseClosed {
		return nil, domain.E(domain.CodeCourseClosed, "course is closed")
	}
	return c, nil
}

// owned checks that a child row belongs to the course it is changed through.
func owned(rowCourseID, courseID uint) error {
	if rowCourseID != courseID {
		return domain.E(domain.CodeNotFound, "record belongs to another course")
	}
	return nil
}
