package teamsync

import (
	"time"

	"gorm.io/gorm"

	"icm/backend/domain"
	"icm/backend/syncstore"
)

// Reasons a change is refused (kept in sync_denied, shown to the team lead).
const (
	denyNotMember   = "laptop_not_enrolled"    // the signing laptop is not in the roster
	denyOtherWorker = "worker_not_the_laptops" // the change names a worker the laptop is not enrolled for
	denyTeamData    = "team_data_needs_lead"   // team-level data changed by someone who is not a team lead
	denyCourse      = "course_not_yours"       // a course changed by someone who is not its worker, cover or a lead
	denyDelete      = "delete_needs_lead"      // a record or a citizen deleted by someone who is not a team lead
)

// allowed decides whether laptop's change may be applied, by the rules the services apply
// on the laptop itself, on the state it meets here: a team lead may change everything; a
// worker the citizens of their own open courses and everything under them, a citizen who
// has never had a course, and, for a cover period, the citizens of the colleague they cover
// for; team-level data only a team lead. since is the newest stamp applied here from laptop
// before this batch (see writtenDay). The empty answer allows it.
func allowed(tx *gorm.DB, r *Roster, laptop string, c syncstore.Change, batch batchCourses, since HLC) string {
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
	if ownPassword(c, actor) {
		return "" // a worker chooses their own password (the first sign-in on a new laptop must)
	}
	if t, ok := registry[c.Table]; !ok || t.Scope == syncstore.ScopeTeam || c.Citizen == "" {
		return denyTeamData
	}
	if c.Op == syncstore.OpDel && leadDeletes[c.Table] {
		return denyDelete // only the deletion at the end of retention removes these, and a lead runs it
	}
	if c.Table == "courses" && c.Op == syncstore.OpPut && reassigns(tx, c) {
		return denyCourse // only a team lead gives a course to another worker
	}
	owners, hadCourse := openOwners(tx, c.Citizen)
	owners = append(owners, batch.owners(c.Citizen)...)
	if len(owners) == 0 && !hadCourse {
		return "" // someone just registered
	}
	for _, o := range owners {
		if o == actor || covers(tx, actor, o, c, since) {
			return ""
		}
	}
	return denyCourse
}

// leadDeletes are the tables whose rows only a team lead's laptop deletes: records (notes,
// their revisions, signed plans) and whole citizens and courses.
var leadDeletes = map[string]bool{"notes": true, "note_revisions": true, "plan_versions": true,
	"citizens": true, "courses": true, "housing_events": true}

// batchCourses are the courses a batch creates: course uid, citizen uid, worker uid.
type batchCourses [][3]string

// owners are the workers of the batch's new courses of a citizen.
func (b batchCourses) owners(citizen string) []string {
	var out []string
	for _, c := range b {
		if c[1] == citizen {
			out = append(out, c[2])
		}
	}
	return out
}

// newCourses lists the courses a batch brings that are not here yet.
func newCourses(tx *gorm.DB, cs []syncstore.Change) batchCourses {
	var out batchCourses
	for _, c := range cs {
		if c.Table != "courses" || c.Op != syncstore.OpPut || exists(tx, c.UID) {
			continue
		}
		citizen, _ := c.Cols["citizen_id"].(string)
		worker, _ := c.Cols["worker_id"].(string)
		out = append(out, [3]string{c.UID, citizen, worker})
	}
	return out
}

// openOwners are the workers of a citizen's open courses here, and whether the citizen has
// had a course at all.
func openOwners(tx *gorm.DB, citizen string) ([]string, bool) {
	var rows []struct {
		Worker string
		Open   bool
	}
	tx.Raw(`SELECT ws.uid AS worker, c.status <> 'closed' AS open FROM courses c
		JOIN sync_ids cz ON cz.tbl = 'citizens' AND cz.row_id = c.citizen_id
		JOIN sync_ids ws ON ws.tbl = 'workers' AND ws.row_id = c.worker_id
		WHERE cz.uid = ?`, citizen).Scan(&rows)
	var out []string
	for _, r := range rows {
		if r.Open {
			out = append(out, r.Worker)
		}
	}
	return out, len(rows) > 0
}

// reassigns says whether a course change gives a course that is here to another worker.
func reassigns(tx *gorm.DB, c syncstore.Change) bool {
	w, ok := c.Cols["worker_id"].(string)
	if !ok || !exists(tx, c.UID) {
		return false
	}
	var uid string
	tx.Raw(`SELECT ws.uid FROM courses c
		JOIN sync_ids cs ON cs.tbl = 'courses' AND cs.row_id = c.id
		JOIN sync_ids ws ON ws.tbl = 'workers' AND ws.row_id = c.worker_id
		WHERE cs.uid = ?`, c.UID).Scan(&uid)
	return uid != w
}

// exists says whether a row with the uid is here.
func exists(tx *gorm.DB, uid string) bool {
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM sync_ids WHERE uid = ? AND row_id IS NOT NULL AND deleted = 0`, uid).Scan(&n)
	return n > 0
}

// isLead says whether a worker is an active team lead here.
func isLead(tx *gorm.DB, worker string) bool {
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM workers w JOIN sync_ids s ON s.tbl = 'workers' AND s.row_id = w.id
		WHERE s.uid = ? AND w.role = ? AND w.active`, worker, string(domain.RoleTeamLead)).Scan(&n)
	return n > 0
}

// covers says whether worker covered for owner, for the change's citizen, on the day the
// change was written (writtenDay): a cover for all the owner's citizens, or one for this
// citizen (migration 0014); a withdrawn cover for the days before it was withdrawn
// (withdrawn_on; one withdrawn before that column existed covers no day).
func covers(tx *gorm.DB, worker, owner string, c syncstore.Change, since HLC) bool {
	day, ok := writtenDay(c, since)
	if !ok {
		return false
	}
	var n int64
	tx.Raw(`SELECT COUNT(*) FROM cover_periods p
		JOIN sync_ids cw ON cw.tbl = 'workers' AND cw.row_id = p.cover_worker_id
		JOIN sync_ids ow ON ow.tbl = 'workers' AND ow.row_id = p.worker_id
		LEFT JOIN sync_ids cz ON cz.tbl = 'citizens' AND cz.row_id = p.citizen_id
		WHERE cw.uid = ? AND ow.uid = ? AND p.from_date <= ? AND p.to_date >= ?
			AND (p.withdrawn = 0 OR p.withdrawn_on > ?)
			AND (p.citizen_id IS NULL OR cz.uid = ?)`,
		worker, owner, day, day, day, c.Citizen).Scan(&n)
	return n > 0
}

// writtenDay is the day (ISO date, UTC) a change counts as made for a cover period, the
// same on every laptop that applies the batch. A change is stamped when its laptop
// publishes, which may be days after it was written (the team folder out of reach), so the
// day is the change's Written time where it has one, held within what this laptop can
// trust: not after the change's newest stamp (never ahead of this laptop's clock, see
// clockAhead), and not before since, the newest stamp applied from the laptop before this
// batch (its previous publish read its outbox; a laptop can backdate a change only into the
// window since then). Without Written (an older laptop) the day is the newest stamp's.
func writtenDay(c syncstore.Change, since HLC) (string, bool) {
	var when time.Time
	for _, h := range c.HLC {
		if t, ok := hlcTime(h); ok && t.After(when) {
			when = t
		}
	}
	if when.IsZero() {
		return "", false
	}
	if w, err := time.Parse(time.RFC3339, c.Written); err == nil && w.Before(when) {
		when = w.UTC()
		if floor, ok := hlcTime(since); ok && when.Before(floor) {
			when = floor
		}
	}
	return when.Format("2006-01-02"), true
}

// ownPasswordCols are what a worker changes in their own sign-in when they choose their own
// password (AuthService.ChangePassword): the rest of an account is the team lead's.
var ownPasswordCols = map[string]bool{"password_hash": true, "must_change": true}

// ownPassword says whether c is a worker's change of their own password on their existing
// account: the row named by the worker's own uid (credentials' uid is derived from the
// worker's), those columns only.
func ownPassword(c syncstore.Change, actor string) bool {
	if c.Table != "credentials" || c.Op != syncstore.OpPut || c.UID != "credentials:"+actor || len(c.Cols) == 0 {
		return false
	}
	for col := range c.Cols {
		if !ownPasswordCols[col] {
			return false
		}
	}
	return true
}
