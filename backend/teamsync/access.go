package teamsync

import (
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
	"icm/backend/syncstore"
)

// Reasons a change is refused (kept in sync_denied, shown to the team lead).
const (
	denyNotMember   = "laptop_not_enrolled"   // the signing laptop is not in the roster
	denyOtherWorker = "worker_not_the_laptops" // the change names a worker the laptop is not enrolled for
	denyTeamData    = "team_data_needs_lead"   // team-level data changed by someone who is not a team lead
	denyCourse      = "course_not_yours"       // a course changed by someone who is not its worker, cover or a lead
)

// allowed decides whether laptop's change may be applied, from the state it meets here:
// a course is changed by its responsible worker, a colleague covering for them at the time
// of the change, or a team lead; citizens by any worker of the team; team-level data only by
// a team lead. The empty answer allows it.
func allowed(tx *gorm.DB, r *Roster, laptop string, c syncstore.Change, newCourses map[string]string) string {
	if r == nil {
		return denyNotMember
	}
	m, ok := r.member(laptop)
	if !ok {
		return denyNotMember
	}
	actor := c.Worker
	if actor == "" {
		actor = m.Worker // a change made without a session (a headless command) acts for the laptop's worker
	}
	if actor != m.Worker {
		return denyOtherWorker
	}
	if isLead(tx, actor) {
		return ""
	}
	switch {
	case c.Table == "courses" && c.Op == syncstore.OpPut && reassigns(tx, c, newCourses):
		return denyCourse // only a team lead gives a course to another worker
	case c.Course != "":
		if w := courseWorker(tx, c, newCourses); w == actor || covers(tx, actor, w, c) {
			return ""
		}
		return denyCourse
	case c.Citizen != "":
		return ""
	default:
		return denyTeamData
	}
}

// reassigns says whether a course change gives an existing course to another worker.
func reassigns(tx *gorm.DB, c syncstore.Change, newCourses map[string]string) bool {
	w, ok := c.Cols["worker_id"].(string)
	if !ok {
		return false
	}
	if _, isNew := newCourses[c.UID]; isNew && !exists(tx, c.UID) {
		return false
	}
	return courseWorker(tx, c, nil) != w
}

// exists says whether a row with the uid is here.
func exists(tx *gorm.DB, uid string) bool {
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM sync_ids WHERE uid = ? AND row_id IS NOT NULL`, uid).Scan(&n)
	return n > 0
}

// isLead says whether a worker is an active team lead here.
func isLead(tx *gorm.DB, worker string) bool {
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id
		WHERE s.uid = ? AND w.role = ? AND w.active`, worker, string(domain.RoleTeamLead)).Scan(&n)
	return n > 0
}

// courseWorker is the responsible worker of the change's course: the course here, or for a
// course not here yet, the worker its batch gives it.
func courseWorker(tx *gorm.DB, c syncstore.Change, newCourses map[string]string) string {
	var uid string
	res := tx.Raw(`SELECT ws.uid FROM courses c
		JOIN sync_ids cs ON cs.tbl = 'courses' AND cs.row_id = c.id
		JOIN sync_ids ws ON ws.tbl = 'workers' AND ws.row_id = c.worker_id
		WHERE cs.uid = ?`, c.Course).Scan(&uid)
	if res.Error == nil && res.RowsAffected > 0 {
		return uid
	}
	return newCourses[c.Course]
}

// covers says whether worker covered for owner (the course's worker) when the change was made.
func covers(tx *gorm.DB, worker, owner string, c syncstore.Change) bool {
	var when time.Time
	for _, h := range c.HLC {
		if t, ok := hlcTime(h); ok {
			when = t
			break
		}
	}
	if when.IsZero() {
		return false
	}
	day := when.Format("2006-01-02")
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM cover_periods p
		JOIN sync_ids cw ON cw.tbl = 'workers' AND cw.row_id = p.cover_worker_id
		JOIN sync_ids ow ON ow.tbl = 'workers' AND ow.row_id = p.worker_id
		WHERE cw.uid = ? AND ow.uid = ? AND p.from_date <= ? AND p.to_date >= ? AND p.withdrawn = 0`,
		worker, owner, day, day).Scan(&n)
	return n > 0
}
