package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// Goal is a long-term goal of the plan, in the citizen's own words.
type Goal struct {
	ID             uint
	CourseID       uint
	CitizenWords   string
	Area           string
	ActionPlanGoal string
	Position       int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// TableName pins the table name.
func (Goal) TableName() string { return "goals" }

// SubGoal is a SMART sub-goal under a goal.
type SubGoal struct {
	ID        uint `gorm:"column:id"`
	GoalID    uint
	What      string
	Measure   string
	Owner     string
	Deadline  *string
	Status    string
	Position  int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName pins the table name.
func (SubGoal) TableName() string { return "subgoals" }

// Activity is one line of the activity plan.
type Activity struct {
	ID        uint
	CourseID  uint
	What      string
	Frequency string
	Owner     string
	SubGoalID *uint `gorm:"column:subgoal_id"`
	Position  int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName pins the table name.
func (Activity) TableName() string { return "activities" }

// ListGoals returns a course's goals in plan order.
func (s *Store) ListGoals(ctx context.Context, courseID uint) ([]Goal, error) {
	var out []Goal
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("position, id").Find(&out).Error)
}

// ListSubGoals returns every sub-goal of a course's goals in plan order.
func (s *Store) ListSubGoals(ctx context.Context, courseID uint) ([]SubGoal, error) {
	var out []SubGoal
	err := s.db.WithContext(ctx).Joins("JOIN goals g ON g.id = subgoals.goal_id").
		Where("g.course_id = ?", courseID).Order("g.position, g.id, subgoals.position, subgoals.id").Find(&out).Error
	return out, storageErr(err)
}

// ListActivities returns a course's activity plan in order.
func (s *Store) ListActivities(ctx context.Context, courseID uint) ([]Activity, error) {
	var out []Activity
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("position, id").Find(&out).Error)
}

// GetGoal loads one goal.
func (s *Store) GetGoal(ctx context.Context, id uint) (*Goal, error) {
	var g Goal
	if err := s.first(ctx, &g, id); err != nil {
		return nil, err
	}
	return &g, nil
}

// GetSubGoal loads one sub-goal.
func (s *Store) GetSubGoal(ctx context.Context, id uint) (*SubGoal, error) {
	var g SubGoal
	if err := s.first(ctx, &g, id); err != nil {
		return nil, err
	}
	return &g, nil
}

// GetActivity loads one activity.
func (s *Store) GetActivity(ctx context.Context, id uint) (*Activity, error) {
	var a Activity
	if err := s.first(ctx, &a, id); err != nil {
		return nil, err
	}
	return &a, nil
}

// NextPosition gives the position after the last row of table where column = id.
func (s *Store) NextPosition(ctx context.Context, table, column string, id uint) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(position), -1) + 1 FROM "+table+" WHERE "+column+" = ?", id).Scan(&n).Error
	return n, storageErr(err)
}

// Save inserts (ID 0) or fully updates one row of any step model. The row's created_at and
// updated_at are written as the service set them from its clock: without SkipHooks GORM
// would stamp an update with the wall clock instead. (No step model has GORM hooks.)
func (s *Store) Save(ctx context.Context, row any) error {
	if err := refuseSigned(row); err != nil {
		return err
	}
	return storageErr(s.db.WithContext(ctx).Session(&gorm.Session{SkipHooks: true}).Save(row).Error)
}

// Delete removes one row of any step model by its id.
func (s *Store) Delete(ctx context.Context, model any, id uint) error {
	if err := refuseSigned(model); err != nil {
		return err
	}
	res := s.db.WithContext(ctx).Delete(model, id)
	if res.Error == nil && res.RowsAffected == 0 {
		return storageErr(gorm.ErrRecordNotFound)
	}
	return storageErr(res.Error)
}

// refuseSigned keeps the generic Save and Delete away from signed plan versions, which are
// inserted once with CreatePlanVersion and never changed, and from journal notes, which are
// written with AddNote and corrected with ReviseNote.
func refuseSigned(row any) error {
	switch row.(type) {
	case *PlanVersion, PlanVersion:
		return domain.E(domain.CodePlanSigned, "a signed plan version cannot be changed")
	case *Note, Note, *NoteRevision, NoteRevision:
		return domain.E(domain.CodeNoteRecord, "a journal note is written with AddNote and corrected with ReviseNote")
	}
	return nil
}
