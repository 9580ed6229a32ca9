package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Evaluation is a three-monthly evaluation of the plan.
type Evaluation struct {
	ID          uint
	CourseID    uint
	Date        string
	DueDate     string
	Summary     string
	PlanChanges string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// TableName pins the table name.
func (Evaluation) TableName() string { return "evaluations" }

// EvaluationItem is one sub-goal's status and comment at an evaluation.
type EvaluationItem struct {
	ID           uint
	EvaluationID uint
	SubGoalID    uint `gorm:"column:subgoal_id"`
	Status       string
	Comment      string
}

// TableName pins the table name.
func (EvaluationItem) TableName() string { return "evaluation_items" }

// WHO5 is one WHO-5 answer set.
type WHO5 struct {
	ID        uint
	CourseID  uint
	Date      string
	Item1     int `gorm:"column:item1"`
	Item2     int `gorm:"column:item2"`
	Item3     int `gorm:"column:item3"`
	Item4     int `gorm:"column:item4"`
	Item5     int `gorm:"column:item5"`
	Note      string
	CreatedAt time.Time
}

// TableName pins the table name.
func (WHO5) TableName() string { return "who5_scores" }

// Items gives the five answers in order.
func (w WHO5) Items() []int { return []int{w.Item1, w.Item2, w.Item3, w.Item4, w.Item5} }

// WeeklyCheck is the weekly rating of substance use and mental state.
type WeeklyCheck struct {
	ID        uint
	CourseID  uint
	WeekStart string
	Substance int
	Mental    int
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName pins the table name.
func (WeeklyCheck) TableName() string { return "weekly_checks" }

// Closing records how a course ended and what follows it.
type Closing struct {
	CourseID       uint `gorm:"primaryKey;autoIncrement:false"`
	Reason         string
	AfterSupport   string
	AfterNote      string
	HousingAtClose string
	Note           string
	UpdatedAt      time.Time
}

// TableName pins the table name.
func (Closing) TableName() string { return "closings" }

// ListEvaluations returns a course's evaluations, oldest first.
func (s *Store) ListEvaluations(ctx context.Context, courseID uint) ([]Evaluation, error) {
	var out []Evaluation
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("date, id").Find(&out).Error)
}

// GetEvaluation loads one evaluation.
func (s *Store) GetEvaluation(ctx context.Context, id uint) (*Evaluation, error) {
	var e Evaluation
	if err := s.first(ctx, &e, id); err != nil {
		return nil, err
	}
	return &e, nil
}

// ListEvaluationItems returns the items of a course's evaluations.
func (s *Store) ListEvaluationItems(ctx context.Context, courseID uint) ([]EvaluationItem, error) {
	var out []EvaluationItem
	err := s.db.WithContext(ctx).Joins("JOIN evaluations e ON e.id = evaluation_items.evaluation_id").
		Where("e.course_id = ?", courseID).Order("evaluation_items.evaluation_id, evaluation_items.id").Find(&out).Error
	return out, storageErr(err)
}

// ReplaceEvaluationItems swaps an evaluation's items for the given list.
func (s *Store) ReplaceEvaluationItems(ctx context.Context, evaluationID uint, items []EvaluationItem) error {
	db := s.db.WithContext(ctx)
	if err := db.Where("evaluation_id = ?", evaluationID).Delete(&EvaluationItem{}).Error; err != nil {
		return storageErr(err)
	}
	if len(items) == 0 {
		return nil
	}
	return storageErr(db.Create(&items).Error)
}

// ListWHO5 returns a course's WHO-5 scores, oldest first.
func (s *Store) ListWHO5(ctx context.Context, courseID uint) ([]WHO5, error) {
	var out []WHO5
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("date, id").Find(&out).Error)
}

// ListWeeklyChecks returns a course's weekly checks, newest first.
func (s *Store) ListWeeklyChecks(ctx context.Context, courseID uint) ([]WeeklyCheck, error) {
	var out []WeeklyCheck
	return out, storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Order("week_start DESC").Find(&out).Error)
}

// SaveWeeklyCheck inserts or replaces the check of one week.
func (s *Store) SaveWeeklyCheck(ctx context.Context, w *WeeklyCheck) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "course_id"}, {Name: "week_start"}},
		DoUpdates: clause.AssignmentColumns([]string{"substance", "mental", "note", "updated_at"}),
	}).Create(w).Error)
}

// GetClosing loads a course's closing, nil when the course has not been closed.
func (s *Store) GetClosing(ctx context.Context, courseID uint) (*Closing, error) {
	var c Closing
	err := s.db.WithContext(ctx).Where("course_id = ?", courseID).First(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, storageErr(err)
	}
	return &c, nil
}

// SaveClosing inserts or replaces a course's closing.
func (s *Store) SaveClosing(ctx context.Context, c *Closing) error {
	return storageErr(s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(c).Error)
}

// DeleteClosing removes a course's closing: when the course is reopened, the closing no
// longer holds (the audit log keeps that it was closed, and the next closing is written
// anew).
func (s *Store) DeleteClosing(ctx context.Context, courseID uint) error {
	return storageErr(s.db.WithContext(ctx).Where("course_id = ?", courseID).Delete(&Closing{}).Error)
}
