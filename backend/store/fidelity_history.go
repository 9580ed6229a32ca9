package store

import (
	"context"
	"strings"

	"icm/backend/domain"
)

// FidelityHistory is what the fidelity check over time reads: every course with the dated
// rows its rules look at, so that the check can be computed as of any past day. Only dates,
// counts and the few texts a rule judges (goal words) are loaded.
//
// What the data keeps no history of is read as it is now: the course's worker and override,
// the worker's FTE, the goals' words and links, whether a network contact is active, an
// advocacy case's status and actions, and the visitation's § 141 status.
type FidelityHistory struct {
	Courses     []HistoryCourse
	Assessment  []HistoryRevision
	Signed      []HistoryDated // plan versions, by the day the citizen signed
	Goals       []HistoryGoal
	Evaluations []HistoryDated
	Meetings    []HistoryDated
	Network     []HistoryNetwork
	Advocacy    []HistoryBarrier
	Contacts    []HistoryContactMonth
	ActionPlans map[uint]string // course id → the visitation's § 141 status
}

// HistoryCourse is one course's frame.
type HistoryCourse struct {
	ID             uint
	WorkerID       uint
	StartDate      string
	EndDate        *string
	OverrideReason string
}

// HistoryRevision is one revision of one assessment topic: its date and whether it has text.
type HistoryRevision struct {
	CourseID     uint
	Topic        string
	RevisionDate string
	Filled       bool
}

// HistoryDated is a dated row of a course (a signed plan version, an evaluation, a meeting).
type HistoryDated struct {
	CourseID uint
	Date     string
}

// HistoryGoal is a goal: the day it was written, the citizen's words and whether it is tied
// to the § 141 plan.
type HistoryGoal struct {
	CourseID     uint
	Created      string
	CitizenWords string
	Linked       bool
}

// HistoryNetwork is a network contact: the day it was recorded and whether it is active.
type HistoryNetwork struct {
	CourseID uint
	Created  string
	Active   bool
}

// HistoryBarrier is an advocacy case: the day it was opened, whether it is still open and
// whether nothing is written about what is done.
type HistoryBarrier struct {
	CourseID uint
	Opened   string
	Open     bool
	NoAction bool
}

// HistoryContactMonth counts a course's contact notes in one month (yyyy-mm): all, those
// where the citizen lives or stays, and the latest one's date and time.
type HistoryContactMonth struct {
	CourseID uint
	Month    string
	N        int
	Local    int
	Last     string
}

// FirstCourseStart is the start date of the team's first course, "" when there is none.
func (s *Store) FirstCourseStart(ctx context.Context) (string, error) {
	var first *string
	err := s.db.WithContext(ctx).Raw(`SELECT MIN(start_date) FROM courses`).Scan(&first).Error
	if err != nil || first == nil {
		return "", storageErr(err)
	}
	return *first, nil
}

// LoadFidelityHistory loads the dated rows of every course that was open some time from
// from to until (ISO dates): started by until and not ended before from. k says which note
// kinds count as contact, keep the contact (the latest such note is a month's last) and count
// as where the citizen is, as for the overview. The notes are counted per course and month in the database, so a team's
// years of notes come back as a few thousand rows.
func (s *Store) LoadFidelityHistory(ctx context.Context, from, until string, k ContactKinds) (*FidelityHistory, error) {
	h := &FidelityHistory{ActionPlans: map[uint]string{}}
	db := s.db.WithContext(ctx)
	const open = `start_date <= ? AND (end_date IS NULL OR end_date = '' OR end_date >= ?)`
	in := `SELECT id FROM courses WHERE ` + open
	marks := func(l []string) string { return strings.TrimSuffix(strings.Repeat("?,", max(len(l), 1)), ",") }
	args := func(lists ...[]string) []any {
		var out []any
		for _, l := range lists {
			if len(l) == 0 {
				out = append(out, "")
			}
			for _, v := range l {
				out = append(out, v)
			}
		}
		return append(out, until, from)
	}
	var plans []struct {
		CourseID   uint
		ActionPlan string
	}
	steps := []struct {
		dest any
		sql  string
		args []any
	}{
		{&h.Courses, `SELECT id, worker_id, start_date, end_date, override_reason FROM courses WHERE ` + open + ` ORDER BY id`, args()},
		{&h.Assessment, `SELECT course_id, topic, revision_date,
			(citizen_view <> '' OR worker_view <> '' OR resources <> '' OR needs <> '' OR barriers <> '') AS filled
			FROM assessment_entries WHERE course_id IN (` + in + `)`, args()},
		{&h.Signed, `SELECT course_id, citizen_date AS date FROM plan_versions WHERE course_id IN (` + in + `)`, args()},
		{&h.Goals, `SELECT course_id, substr(created_at, 1, 10) AS created, citizen_words, action_plan_goal <> '' AS linked
			FROM goals WHERE course_id IN (` + in + `) ORDER BY course_id, position, id`, args()},
		{&h.Evaluations, `SELECT course_id, date FROM evaluations WHERE course_id IN (` + in + `)`, args()},
		{&h.Meetings, `SELECT course_id, date FROM meetings WHERE course_id IN (` + in + `)`, args()},
		{&h.Network, `SELECT course_id, substr(created_at, 1, 10) AS created, active <> 0 AS active
			FROM network_contacts WHERE course_id IN (` + in + `)`, args()},
		{&h.Advocacy, `SELECT course_id, opened, status <> ? AS open, actions = '' AS no_action
			FROM advocacy_cases WHERE course_id IN (` + in + `)`, append([]any{string(domain.AdvocacyResolved)}, args()...)},
		{&h.Contacts, `SELECT course_id, substr(occurred_at, 1, 7) AS month,
			SUM(kind IN (` + marks(k.Contact) + `)) AS n,
			SUM(kind IN (` + marks(k.Contact) + `) AND (location IN (` + marks(k.LocalPlaces) + `) OR kind IN (` + marks(k.AnywhereLocal) + `))) AS local,
			MAX(CASE WHEN kind IN (` + marks(k.Keeps) + `) THEN occurred_at END) AS last
			FROM notes WHERE (kind IN (` + marks(k.Contact) + `) OR kind IN (` + marks(k.Keeps) + `)) AND course_id IN (` + in + `)
			GROUP BY course_id, month`, args(k.Contact, k.Contact, k.LocalPlaces, k.AnywhereLocal, k.Keeps, k.Contact, k.Keeps)},
		{&plans, `SELECT course_id, action_plan FROM visitations WHERE course_id IN (` + in + `)`, args()},
	}
	for _, q := range steps {
		if err := db.Raw(q.sql, q.args...).Scan(q.dest).Error; err != nil {
			return nil, storageErr(err)
		}
	}
	for _, p := range plans {
		h.ActionPlans[p.CourseID] = p.ActionPlan
	}
	return h, nil
}
