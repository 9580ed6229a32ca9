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

// stepChange runs one validated write on an open course in a single transaction, with the
// change's audit entry, and returns the step as it reads after the write. invalid is the
// input's validation error.
func stepChange[T any](ch *change, invalid error,
	write func(context.Context, *store.Store) error,
	load func(context.Context, *store.Store, *store.Course) (T, error)) (T, error) {
	var out T
	if invalid != nil {
		return out, invalid
	}
	courseID := ch.courseID
	err := ch.commit(func(ctx context.Context, tx *store.Store) error {
		if _, err := writableCourse(ctx, tx, courseID); err != nil {
			return err
		}
		if err := write(ctx, tx); err != nil {
			return err
		}
		c, err := tx.GetCourse(ctx, courseID) // the write may have changed the course
		if err != nil {
			return err
		}
		out, err = load(ctx, tx, c)
		return err
	})
	return out, err
}
