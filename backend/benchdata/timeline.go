package benchdata

import (
	"context"
	"reflect"
	"sort"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// course is one generated course with the rows that hang under it.
type course struct {
	row        *store.Course
	citizen    *store.Citizen
	worker     *store.Worker
	start, end time.Time // end is today for an open course
	visitStage bool      // still in visitation: only the first step is (partly) filled in
	visitation *store.Visitation
	wishes     string
	goals      []*goalRows
	activities []*store.Activity
	contacts   []*store.NetworkContact
	meetings   []*meetingRows
	advocacy   []*store.AdvocacyCase
	evals      []*store.Evaluation
	who5       []*store.WHO5
	versions   []*store.PlanVersion
	notes      int
}

type goalRows struct {
	row  *store.Goal
	subs []*store.SubGoal
}

type meetingRows struct {
	row     *store.Meeting
	actions []*store.MeetingAction
}

func (c *course) open() bool { return domain.CourseStatus(c.row.Status).Open() }

// days is the course's length in days (at least one).
func (c *course) days() int {
	d := int(c.end.Sub(c.start).Hours() / 24)
	if d < 1 {
		return 1
	}
	return d
}

// at is the day n days into the course, kept within it.
func (c *course) at(n int) time.Time {
	t := c.start.AddDate(0, 0, n)
	if t.After(c.end) {
		return c.end
	}
	return t
}

// timelines gives every citizen one to four courses one after the other within the years,
// the last of them open for OpenCourses citizens, and a worker for every course: open
// courses go to the active workers within the caseload ceiling, closed ones to anyone.
func (g *gen) timelines() {
	n := len(g.citizens)
	counts := make([]int, n)
	for i := range counts {
		counts[i] = 1
	}
	for extra := g.cfg.Courses - n; extra > 0; {
		if i := g.rng.IntN(n); counts[i] < 4 {
			counts[i]++
			extra--
		}
	}
	hasOpen := make([]bool, n)
	for k, i := range g.rng.Perm(n) {
		hasOpen[i] = k < g.cfg.OpenCourses
	}
	t0 := g.today.AddDate(-g.cfg.Years, 0, 0)
	openCount := 0
	for i, cit := range g.citizens {
		var placed []*course
		closed := counts[i]
		cursor := g.today.AddDate(0, 0, -g.rng.IntN(900)) // end of the last closed course
		if hasOpen[i] {
			closed--
			age := 45 + g.rng.IntN(3*365)
			if g.rng.IntN(12) == 0 {
				age = 3 + g.rng.IntN(38)
			}
			start := g.today.AddDate(0, 0, -age)
			w := g.workers[openCount%g.cfg.ActiveWorkers]
			openCount++
			status := domain.CourseActive
			if age < 45 {
				status = domain.CourseVisitation
			}
			placed = append(placed, g.newCourse(cit, w, start, g.today, status))
			cursor = start.AddDate(0, 0, -(30 + g.rng.IntN(420)))
		}
		// The closed courses lie between the first year and the cursor, in order, with the
		// free days shared out at random between them so that every year has courses.
		durs, weights := make([]int, closed), make([]float64, closed+1)
		avail := int(cursor.Sub(t0).Hours() / 24)
		used := 0
		for j := range durs {
			durs[j] = 120 + g.rng.IntN(780)
			used += durs[j] + 30
		}
		if used > avail { // too many courses for the years: shorten them
			for j := range durs {
				durs[j] = max(30, durs[j]*avail/used)
			}
			used = avail
		}
		sum := 0.0
		for j := range weights {
			weights[j] = g.rng.Float64()
			sum += weights[j]
		}
		free := float64(max(0, avail-used))
		at := t0
		for j := 0; j < closed; j++ { // oldest first
			start := at.AddDate(0, 0, int(free*weights[j]/sum))
			if j > 0 {
				start = start.AddDate(0, 0, 30)
			}
			end := start.AddDate(0, 0, durs[j])
			w := g.workers[g.rng.IntN(len(g.workers))]
			placed = append(placed, g.newCourse(cit, w, start, end, domain.CourseClosed))
			at = end
		}
		g.courses = append(g.courses, placed...)
	}
}

func (g *gen) newCourse(cit *store.Citizen, w *store.Worker, start, end time.Time, status domain.CourseStatus) *course {
	c := &course{citizen: cit, worker: w, start: start, end: end, visitStage: status == domain.CourseVisitation}
	c.row = &store.Course{CitizenID: cit.ID, WorkerID: w.ID, StartDate: g.day(start), Status: string(status),
		CreatedAt: g.stamp(start), UpdatedAt: g.stamp(end)}
	if status == domain.CourseClosed {
		e := g.day(end)
		c.row.EndDate = &e
	}
	return c
}

// insertCourses writes the courses, oldest first, so that ids follow time as in real use.
func (g *gen) insertCourses(ctx context.Context, st *store.Store) error {
	sort.SliceStable(g.courses, func(i, j int) bool { return g.courses[i].start.Before(g.courses[j].start) })
	rows := make([]*store.Course, 0, len(g.courses))
	for _, c := range g.courses {
		rows = append(rows, c.row)
	}
	if err := g.insert(ctx, st, "courses", rows); err != nil {
		return err
	}
	for _, c := range g.courses { // the ids are known now
		c.row.CitizenID = c.citizen.ID
	}
	return nil
}

func lenOf(rows any) int {
	v := reflect.ValueOf(rows)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Slice {
		return 1
	}
	return v.Len()
}
