package store

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"strings"
	"sync"

	"gorm.io/gorm"

	"icm/backend/domain"
)

// OverviewRows are the step rows of many courses that the team overview and the fidelity
// check read, by course id, loaded with one query per table instead of one per course and
// table. The rows come in the order the one-course List functions give them, so the same
// code turns them into step DTOs, but only with the columns the overview reads:
//
//   - no timestamps, and no texts it does not look at (meeting minutes, evaluation
//     summaries, network names, activity texts …);
//   - of the assessment only whether the latest revision of each topic has text (kept in
//     assessment_latest by triggers, migration 0009);
//   - the latest evaluation only and the weekly check as the latest week only (their dates);
//     of the network, the meetings and the advocacy cases only the counts their steps are
//     judged on, and the latest meeting's date;
//     no evaluation items, meeting actions and closings;
//   - of the visitation only what its completeness and the fidelity check read;
//   - of the contact notes their number, the number in the citizen's surroundings and the
//     latest (from note_stats);
//   - of the citizens only the name and the housing now.
//
// Code that shows a step's texts loads the step with its List functions.
type OverviewRows struct {
	Visitations   map[uint]*Visitation     // every course has one; an empty one when not started
	Assessment    map[uint]map[string]bool // topic → its latest revision has text
	Goals         map[uint][]Goal
	SubGoals      map[uint][]SubGoal
	Activities    map[uint][]Activity
	Network       map[uint]NetworkCount  // the coordination step's counts
	Meetings      map[uint]int           // how many meetings
	LastMeeting   map[uint]string        // the latest meeting's date; no entry when none
	Advocacy      map[uint]AdvocacyCount // the advocacy step's counts
	Evaluations   map[uint][]Evaluation  // the latest evaluation only
	WHO5          map[uint][]WHO5
	LastWeekly    map[uint][]WeeklyCheck
	LatestVersion map[uint]int // the newest signed plan version; no entry when none is signed
	Contacts      map[uint]ContactStats
	Citizens      map[uint]*Citizen // the courses' citizens, by citizen id
}

// NetworkCount is what the coordination step's completeness counts of a course's network.
type NetworkCount struct {
	Active      int // active contacts
	Caseworkers int // active contacts that are the caseworker (domain.ContactCaseworker)
}

// AdvocacyCount is what the advocacy step's completeness counts of a course's cases.
type AdvocacyCount struct {
	Cases              int
	OpenWithoutActions int // not resolved, and nothing written about what is done
}

// ContactStats is what a course's contact notes add up to.
type ContactStats struct {
	Last  string // date and time of the latest note that keeps the contact, "" when there is none
	Total int    // how many contacts (meetings with the citizen)
	Local int    // how many of those took place where the citizen lives or stays
}

// ContactKinds says which note kinds the overview counts how.
type ContactKinds struct {
	Contact []string // contacts with the citizen: Total and Local count these
	Keeps   []string // notes that keep the contact (contacts and attempts): Last is the latest
	// LocalPlaces are the locations in the citizen's surroundings; AnywhereLocal the contact
	// kinds that count as where the citizen is wherever they took place (accompaniment).
	LocalPlaces   []string
	AnywhereLocal []string
}

// OverviewRowsOf loads the overview's rows of the courses; k says which note kinds and
// locations count as contact, as keeping the contact and as where the citizen is.
//
// Seven queries whatever the number of courses: one per table whose rows the overview
// reads, and one row per course of counts and latest dates (index look-ups). The rows are
// scanned by hand: for the few thousand rows of a team's open courses GORM's reflection
// cost a third of the time.
func (s *Store) OverviewRowsOf(ctx context.Context, ids []uint, k ContactKinds) (*OverviewRows, error) {
	r := &OverviewRows{Visitations: map[uint]*Visitation{}, Assessment: map[uint]map[string]bool{},
		Goals: map[uint][]Goal{}, SubGoals: map[uint][]SubGoal{}, Activities: map[uint][]Activity{},
		Network: map[uint]NetworkCount{}, Meetings: map[uint]int{}, LastMeeting: map[uint]string{}, Advocacy: map[uint]AdvocacyCount{},
		Evaluations: map[uint][]Evaluation{}, WHO5: map[uint][]WHO5{}, LastWeekly: map[uint][]WeeklyCheck{},
		LatestVersion: map[uint]int{}, Contacts: map[uint]ContactStats{}, Citizens: map[uint]*Citizen{}}
	var (
		v  Visitation
		al struct {
			courseID uint
			topic    string
			filled   bool
		}
		g   Goal
		sg  SubGoalOf
		act Activity
		w   WHO5
		c   struct {
			id                   uint
			cit                  Citizen
			week, eval, last     *string
			lastMeeting          *string
			version              *int
			meetings             int
			advocacy             AdvocacyCount
			network              NetworkCount
			contacts, localCount *int
		}
	)
	in := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") // the course ids' placeholders
	idArgs := make([]any, len(ids))
	for i, id := range ids {
		idArgs[i] = id
	}
	list := func(vs []string) (string, []any) {
		out := make([]any, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return strings.TrimSuffix(strings.Repeat("?,", len(vs)), ","), out
	}
	kinds, kindArgs := list(k.Contact)
	keeps, keepArgs := list(k.Keeps)
	places, placeArgs := list(k.LocalPlaces)
	anywhere, anywhereArgs := list(append([]string{""}, k.AnywhereLocal...)) // never empty
	concat := func(parts ...[]any) []any {
		var out []any
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	queries := []struct {
		sql  string
		args []any
		dest func() []any
		keep func()
	}{
		{`SELECT course_id, housing_at_start, needs, consent, consent_date, referral_source, visitation_date, legal_basis,
			action_plan FROM visitations WHERE course_id IN (` + in + `)`, idArgs,
			func() []any {
				v = Visitation{}
				return []any{&v.CourseID, &v.HousingAtStart, &v.Needs, &v.Consent, &v.ConsentDate, &v.ReferralSource,
					&v.VisitationDate, &v.LegalBasis, &v.ActionPlan}
			},
			func() { c := v; r.Visitations[v.CourseID] = &c }},
		{`SELECT course_id, topic, filled FROM assessment_latest WHERE course_id IN (` + in + `)`, idArgs,
			func() []any { return []any{&al.courseID, &al.topic, &al.filled} },
			func() {
				if r.Assessment[al.courseID] == nil {
					r.Assessment[al.courseID] = map[string]bool{}
				}
				r.Assessment[al.courseID][al.topic] = al.filled
			}},
		{`SELECT id, course_id, citizen_words, area, action_plan_goal, position FROM goals WHERE course_id IN (` + in + `)
			ORDER BY course_id, position, id`, idArgs,
			func() []any {
				g = Goal{}
				return []any{&g.ID, &g.CourseID, &g.CitizenWords, &g.Area, &g.ActionPlanGoal, &g.Position}
			},
			func() { r.Goals[g.CourseID] = append(r.Goals[g.CourseID], g) }},
		{`SELECT s.id, s.goal_id, s.what, s.measure, s.owner, s.deadline, s.status, s.position, g.course_id
			FROM subgoals s JOIN goals g ON g.id = s.goal_id WHERE g.course_id IN (` + in + `)
			ORDER BY g.course_id, g.position, g.id, s.position, s.id`, idArgs,
			func() []any {
				sg = SubGoalOf{}
				return []any{&sg.ID, &sg.GoalID, &sg.What, &sg.Measure, &sg.Owner, &sg.Deadline, &sg.Status, &sg.Position, &sg.CourseID}
			},
			func() { r.SubGoals[sg.CourseID] = append(r.SubGoals[sg.CourseID], sg.SubGoal) }},
		{`SELECT id, course_id, subgoal_id, position FROM activities WHERE course_id IN (` + in + `)
			ORDER BY course_id, position, id`, idArgs,
			func() []any { act = Activity{}; return []any{&act.ID, &act.CourseID, &act.SubGoalID, &act.Position} },
			func() { r.Activities[act.CourseID] = append(r.Activities[act.CourseID], act) }},
		{`SELECT id, course_id, date, item1, item2, item3, item4, item5 FROM who5_scores WHERE course_id IN (` + in + `)
			ORDER BY course_id, date, id`, idArgs,
			func() []any {
				w = WHO5{}
				return []any{&w.ID, &w.CourseID, &w.Date, &w.Item1, &w.Item2, &w.Item3, &w.Item4, &w.Item5}
			},
			func() { r.WHO5[w.CourseID] = append(r.WHO5[w.CourseID], w) }},
		// One row per course: its citizen, and what the other steps are judged on.
		{`SELECT c.id, ci.id, ci.name, ci.housing,
				(SELECT MAX(week_start) FROM weekly_checks WHERE course_id = c.id),
				(SELECT MAX(date) FROM evaluations WHERE course_id = c.id),
				(SELECT MAX(version_no) FROM plan_versions WHERE course_id = c.id),
				(SELECT COUNT(*) FROM meetings WHERE course_id = c.id),
				(SELECT MAX(date) FROM meetings WHERE course_id = c.id),
				(SELECT COUNT(*) FROM advocacy_cases WHERE course_id = c.id),
				(SELECT COUNT(*) FROM advocacy_cases WHERE course_id = c.id AND status <> ? AND actions = ''),
				(SELECT COUNT(*) FROM network_contacts WHERE course_id = c.id AND active),
				(SELECT COUNT(*) FROM network_contacts WHERE course_id = c.id AND active AND kind = ?),
				(SELECT SUM(n) FROM note_stats WHERE course_id = c.id AND kind IN (` + kinds + `)),
				(SELECT SUM(n) FROM note_stats WHERE course_id = c.id AND kind IN (` + kinds + `)
					AND (location IN (` + places + `) OR kind IN (` + anywhere + `))),
				(SELECT MAX(last) FROM note_stats WHERE course_id = c.id AND kind IN (` + keeps + `))
			FROM courses c JOIN citizens ci ON ci.id = c.citizen_id WHERE c.id IN (` + in + `)`,
			concat([]any{string(domain.AdvocacyResolved), string(domain.ContactCaseworker)}, kindArgs, kindArgs, placeArgs,
				anywhereArgs, keepArgs, idArgs),
			func() []any {
				c.week, c.eval, c.last, c.lastMeeting, c.version, c.contacts, c.localCount = nil, nil, nil, nil, nil, nil, nil
				return []any{&c.id, &c.cit.ID, &c.cit.Name, &c.cit.Housing, &c.week, &c.eval, &c.version, &c.meetings, &c.lastMeeting,
					&c.advocacy.Cases, &c.advocacy.OpenWithoutActions, &c.network.Active, &c.network.Caseworkers,
					&c.contacts, &c.localCount, &c.last}
			},
			func() {
				cit := c.cit
				r.Citizens[cit.ID] = &cit
				if c.week != nil {
					r.LastWeekly[c.id] = []WeeklyCheck{{CourseID: c.id, WeekStart: *c.week}}
				}
				if c.eval != nil {
					r.Evaluations[c.id] = []Evaluation{{CourseID: c.id, Date: *c.eval}}
				}
				if c.version != nil {
					r.LatestVersion[c.id] = *c.version
				}
				r.Meetings[c.id], r.Network[c.id], r.Advocacy[c.id] = c.meetings, c.network, c.advocacy
				if c.lastMeeting != nil && *c.lastMeeting != "" {
					r.LastMeeting[c.id] = *c.lastMeeting
				}
				var st ContactStats
				if c.contacts != nil {
					st.Total = *c.contacts
				}
				if c.localCount != nil {
					st.Local = *c.localCount
				}
				if c.last != nil {
					st.Last = *c.last
				}
				r.Contacts[c.id] = st
			}},
	}
	// The queries are independent and each fills its own maps, so they run side by side on
	// the pool's connections (SQLite readers do not block each other in WAL mode); inside a
	// transaction there is one connection, so they run one after the other.
	pool := s.db.WithContext(ctx).Statement.ConnPool
	workers := 1
	if _, inTx := pool.(*sql.Tx); !inTx {
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
				errs[i] = each(ctx, pool, q.sql, q.args, q.dest, q.keep)
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

// each runs a query straight on the connection pool (or transaction) and, for every row,
// scans it into the pointers dest gives and calls keep.
func each(ctx context.Context, pool gorm.ConnPool, q string, args []any, dest func() []any, keep func()) error {
	rows, err := pool.QueryContext(ctx, q, args...)
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
