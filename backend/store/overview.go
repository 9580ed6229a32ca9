package store

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"strings"
	"sync"

	"icm/backend/domain"
)

// OverviewRows are the step rows of many courses that the team overview and the fidelity
// check read, by course id, loaded with one query per table instead of one per course and
// table. The rows come in the order the one-course List functions give them, so the same
// code turns them into step DTOs, but only with the columns the overview reads:
//
//   - no timestamps, and no texts it does not look at (meeting minutes, evaluation
//     summaries, network names, activity texts …);
//   - the assessment as the latest revision of each topic, its texts cut to their first
//     letter (the overview asks only whether a topic has text), and an advocacy case's
//     actions likewise;
//   - the latest evaluation only and the weekly check as the latest week only (their dates);
//     of the network and the meetings only the counts the coordination step is judged on;
//     no evaluation items and meeting actions;
//   - of the visitation only what its completeness and the fidelity check read;
//   - of the contact notes their number, the number in the citizen's surroundings and the
//     latest (from note_stats);
//   - of the citizens only the name and the housing now.
//
// Code that shows a step's texts loads the step with its List functions.
type OverviewRows struct {
	Visitations   map[uint]*Visitation // every course has one; an empty one when not started
	Assessment    map[uint][]AssessmentEntry
	Goals         map[uint][]Goal
	SubGoals      map[uint][]SubGoal
	Activities    map[uint][]Activity
	Network       map[uint]NetworkCount // the coordination step's counts
	Meetings      map[uint]int          // how many meetings
	Advocacy      map[uint][]AdvocacyCase
	Evaluations   map[uint][]Evaluation // the latest evaluation only
	WHO5          map[uint][]WHO5
	LastWeekly    map[uint][]WeeklyCheck
	Closings      map[uint]*Closing
	LatestVersion map[uint]int // the newest signed plan version; no entry when none is signed
	Contacts      map[uint]ContactStats
	Citizens      map[uint]*Citizen // the courses' citizens, by citizen id
}

// NetworkCount is what the coordination step's completeness counts of a course's network.
type NetworkCount struct {
	Active      int // active contacts
	Caseworkers int // active contacts that are the caseworker (domain.ContactCaseworker)
}

// ContactStats is what a course's contact notes add up to.
type ContactStats struct {
	Last  string // date and time of the latest, "" when there is none
	Total int    // how many
	Local int    // how many took place where the citizen lives or stays
}

// OverviewRowsOf loads the overview's rows of the courses; contactKinds are the note kinds
// that count as contact, localPlaces the note locations in the citizen's surroundings. The rows are scanned by hand: for the few thousand rows of a
// team's open courses GORM's reflection cost a third of the time.
func (s *Store) OverviewRowsOf(ctx context.Context, ids []uint, contactKinds, localPlaces []string) (*OverviewRows, error) {
	r := &OverviewRows{Visitations: map[uint]*Visitation{}, Assessment: map[uint][]AssessmentEntry{},
		Goals: map[uint][]Goal{}, SubGoals: map[uint][]SubGoal{}, Activities: map[uint][]Activity{},
		Network: map[uint]NetworkCount{}, Meetings: map[uint]int{}, Advocacy: map[uint][]AdvocacyCase{},
		Evaluations: map[uint][]Evaluation{}, WHO5: map[uint][]WHO5{}, LastWeekly: map[uint][]WeeklyCheck{},
		Closings: map[uint]*Closing{}, LatestVersion: map[uint]int{}, Contacts: map[uint]ContactStats{},
		Citizens: map[uint]*Citizen{}}
	var (
		v   Visitation
		a   AssessmentEntry
		g   Goal
		sg  SubGoalOf
		act Activity
		nc  struct {
			courseID uint
			n        NetworkCount
		}
		m struct {
			courseID uint
			n        int
		}
		ac  AdvocacyCase
		e   Evaluation
		w   WHO5
		wk  WeeklyCheck
		cl  Closing
		cit Citizen
		pv  struct {
			courseID uint
			no       int
		}
		cs struct {
			courseID uint
			st       ContactStats
		}
	)
	queries := []struct {
		sql  string
		dest func() []any
		keep func()
	}{
		{`SELECT course_id, housing_at_start, needs, consent, consent_date, referral_source, visitation_date, legal_basis,
			action_plan FROM visitations WHERE course_id IN ?`,
			func() []any {
				v = Visitation{}
				return []any{&v.CourseID, &v.HousingAtStart, &v.Needs, &v.Consent, &v.ConsentDate, &v.ReferralSource,
					&v.VisitationDate, &v.LegalBasis, &v.ActionPlan}
			},
			func() { c := v; r.Visitations[v.CourseID] = &c }},
		// SQLite takes the bare columns of a MAX() group from the row with the maximum: the
		// latest revision of each topic.
		{`SELECT id, course_id, topic, MAX(revision_date), substr(citizen_view, 1, 1), substr(worker_view, 1, 1),
			substr(resources, 1, 1), substr(needs, 1, 1), substr(barriers, 1, 1)
			FROM assessment_entries WHERE course_id IN ? GROUP BY course_id, topic`,
			func() []any {
				a = AssessmentEntry{}
				return []any{&a.ID, &a.CourseID, &a.Topic, &a.RevisionDate, &a.CitizenView, &a.WorkerView, &a.Resources, &a.Needs, &a.Barriers}
			},
			func() { r.Assessment[a.CourseID] = append(r.Assessment[a.CourseID], a) }},
		{`SELECT id, course_id, citizen_words, area, action_plan_goal, position FROM goals WHERE course_id IN ?
			ORDER BY course_id, position, id`,
			func() []any {
				g = Goal{}
				return []any{&g.ID, &g.CourseID, &g.CitizenWords, &g.Area, &g.ActionPlanGoal, &g.Position}
			},
			func() { r.Goals[g.CourseID] = append(r.Goals[g.CourseID], g) }},
		{`SELECT s.id, s.goal_id, s.what, s.measure, s.owner, s.deadline, s.status, s.position, g.course_id
			FROM subgoals s JOIN goals g ON g.id = s.goal_id WHERE g.course_id IN ?
			ORDER BY g.course_id, g.position, g.id, s.position, s.id`,
			func() []any {
				sg = SubGoalOf{}
				return []any{&sg.ID, &sg.GoalID, &sg.What, &sg.Measure, &sg.Owner, &sg.Deadline, &sg.Status, &sg.Position, &sg.CourseID}
			},
			func() { r.SubGoals[sg.CourseID] = append(r.SubGoals[sg.CourseID], sg.SubGoal) }},
		{`SELECT id, course_id, subgoal_id, position FROM activities WHERE course_id IN ? ORDER BY course_id, position, id`,
			func() []any { act = Activity{}; return []any{&act.ID, &act.CourseID, &act.SubGoalID, &act.Position} },
			func() { r.Activities[act.CourseID] = append(r.Activities[act.CourseID], act) }},
		{`SELECT course_id, COALESCE(SUM(active), 0), COALESCE(SUM(active AND kind = ?), 0) FROM network_contacts
			WHERE course_id IN ? GROUP BY course_id`,
			func() []any { return []any{&nc.courseID, &nc.n.Active, &nc.n.Caseworkers} },
			func() { r.Network[nc.courseID] = nc.n }},
		{`SELECT course_id, COUNT(*) FROM meetings WHERE course_id IN ? GROUP BY course_id`,
			func() []any { return []any{&m.courseID, &m.n} },
			func() { r.Meetings[m.courseID] = m.n }},
		{`SELECT id, course_id, opened, status, substr(actions, 1, 1) FROM advocacy_cases WHERE course_id IN ?
			ORDER BY course_id, opened DESC, id DESC`,
			func() []any {
				ac = AdvocacyCase{}
				return []any{&ac.ID, &ac.CourseID, &ac.Opened, &ac.Status, &ac.Actions}
			},
			func() { r.Advocacy[ac.CourseID] = append(r.Advocacy[ac.CourseID], ac) }},
		{`SELECT id, course_id, MAX(date), due_date FROM evaluations WHERE course_id IN ? GROUP BY course_id`,
			func() []any { e = Evaluation{}; return []any{&e.ID, &e.CourseID, &e.Date, &e.DueDate} },
			func() { r.Evaluations[e.CourseID] = append(r.Evaluations[e.CourseID], e) }},
		{`SELECT id, course_id, date, item1, item2, item3, item4, item5 FROM who5_scores WHERE course_id IN ?
			ORDER BY course_id, date, id`,
			func() []any {
				w = WHO5{}
				return []any{&w.ID, &w.CourseID, &w.Date, &w.Item1, &w.Item2, &w.Item3, &w.Item4, &w.Item5}
			},
			func() { r.WHO5[w.CourseID] = append(r.WHO5[w.CourseID], w) }},
		{`SELECT id, course_id, MAX(week_start) FROM weekly_checks WHERE course_id IN ? GROUP BY course_id`,
			func() []any { wk = WeeklyCheck{}; return []any{&wk.ID, &wk.CourseID, &wk.WeekStart} },
			func() { r.LastWeekly[wk.CourseID] = []WeeklyCheck{wk} }},
		{`SELECT course_id, reason, after_support, after_note, housing_at_close, note FROM closings WHERE course_id IN ?`,
			func() []any {
				cl = Closing{}
				return []any{&cl.CourseID, &cl.Reason, &cl.AfterSupport, &cl.AfterNote, &cl.HousingAtClose, &cl.Note}
			},
			func() { c := cl; r.Closings[cl.CourseID] = &c }},
		{`SELECT course_id, MAX(version_no) FROM plan_versions WHERE course_id IN ? GROUP BY course_id`,
			func() []any { return []any{&pv.courseID, &pv.no} },
			func() { r.LatestVersion[pv.courseID] = pv.no }},
		{`SELECT course_id, SUM(n), COALESCE(SUM(CASE WHEN location IN ? THEN n END), 0), MAX(last) FROM note_stats
			WHERE course_id IN ? AND kind IN ? GROUP BY course_id`,
			func() []any { return []any{&cs.courseID, &cs.st.Total, &cs.st.Local, &cs.st.Last} },
			func() { r.Contacts[cs.courseID] = cs.st }},
		{`SELECT id, name, housing FROM citizens WHERE id IN (SELECT citizen_id FROM courses WHERE id IN ?)`,
			func() []any { cit = Citizen{}; return []any{&cit.ID, &cit.Name, &cit.Housing} },
			func() { c := cit; r.Citizens[cit.ID] = &c }},
	}
	// The queries are independent and each fills its own map, so they run side by side on
	// the pool's connections (SQLite readers do not block each other in WAL mode); inside a
	// transaction there is one connection, so they run one after the other.
	workers := 1
	if _, inTx := s.db.Statement.ConnPool.(*sql.Tx); !inTx {
		workers = min(runtime.GOMAXPROCS(0), maxOpenConns)
	}
	next := make(chan int, len(queries))
	for i := range queries {
		next <- i
	}
	close(next)
	errs := make([]error, len(queries))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				q := queries[i]
				args := []any{ids} // the placeholders other than the course ids, in their order:
				switch {
				case strings.Contains(q.sql, "kind IN ?"):
					args = []any{localPlaces, ids, contactKinds}
				case strings.Contains(q.sql, "kind = ?"):
					args = []any{string(domain.ContactCaseworker), ids}
				}
				errs[i] = s.each(ctx, q.sql, args, q.dest, q.keep)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, storageErr(err)
	}
	for _, id := range ids {
		if r.Visitations[id] == nil {
			r.Visitations[id] = &Visitation{CourseID: id, Needs: "[]"} // as GetVisitation gives it
		}
	}
	return r, nil
}

// each runs a query and, for every row, scans it into the pointers dest gives and calls keep.
func (s *Store) each(ctx context.Context, q string, args []any, dest func() []any, keep func()) error {
	rows, err := s.db.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest()...); err != nil {
			return err
		}
		keep()
	}
	return rows.Err()
}

// SubGoalOf is a sub-goal with the course of its goal.
type SubGoalOf struct {
	SubGoal
	CourseID uint
}
