package service

import (
	"context"
	"slices"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// What the audit log records. Every use of a citizen's data is one of the first group.
const (
	AuditView    = "view"
	AuditList    = "list"
	AuditSearch  = "search"
	AuditCreate  = "create"
	AuditChange  = "change"
	AuditDelete  = "delete"
	AuditExport  = "export"
	AuditPrint   = "print"
	AuditSign    = "sign"
	AuditImport  = "import"
	AuditSignIn  = "sign_in"
	AuditFailed  = "sign_in_failed"
	AuditSignOut = "sign_out"
	AuditLock    = "lock"
	AuditAccount = "account"
	AuditSetting = "settings"
	AuditBackup  = "backup"
	AuditRestore = "restore"
	AuditVerify  = "verify"
)

// AuditActions lists the actions in the order the UI offers them as a filter.
var AuditActions = []string{AuditView, AuditList, AuditSearch, AuditCreate, AuditChange, AuditDelete, AuditExport,
	AuditPrint, AuditSign, AuditImport, AuditSignIn, AuditFailed, AuditSignOut, AuditLock, AuditAccount,
	AuditSetting, AuditBackup, AuditRestore, AuditVerify}

// Colleague access: what an ICM worker sees of citizens whose courses are a colleague's.
const (
	SettingColleagueAccess = "colleague_access"
	SettingLockMinutes     = "lock_minutes"
	ColleagueReadOnly      = "read_only"
	ColleagueNone          = "none"
	defaultLockMinutes     = 10
)

type access int

const (
	readAccess   access = iota // read, logged as a view
	writeAccess                // change, logged by the caller once it succeeded
	exportAccess               // read, logged by the caller as an export or a print
)

// audit appends one entry for the actor. A failed append fails the call: a use of the
// data that cannot be logged must not look as if it went through unnoticed.
func (b base) audit(st *store.Store, a Actor, action, object string, citizenID, courseID uint, detail string) error {
	if st.ReadOnly() {
		// A database opened read-only (a command line export from a read-only share) cannot
		// record anything; the command says on its terminal that the export is not logged.
		return nil
	}
	return st.AppendAudit(b.ctx(), b.now(), auditEntry(a, action, object, citizenID, courseID, detail))
}

func auditEntry(a Actor, action, object string, citizenID, courseID uint, detail string) store.AuditEntry {
	return store.AuditEntry{WorkerID: a.WorkerID, WorkerName: a.Name, Action: action, Object: object,
		CitizenID: citizenID, CourseID: courseID, Detail: detail}
}

// colleagueAccess is the team's setting for colleagues' citizens.
func colleagueAccess(ctx context.Context, st *store.Store) (string, error) {
	return st.GetSetting(ctx, SettingColleagueAccess, ColleagueReadOnly)
}

// lockMinutes is the team's inactivity lock.
func lockMinutes(ctx context.Context, st *store.Store) time.Duration {
	v, err := st.GetSetting(ctx, SettingLockMinutes, strconv.Itoa(defaultLockMinutes))
	n, cerr := strconv.Atoi(v)
	if err != nil || cerr != nil || n < 1 || n > 240 {
		n = defaultLockMinutes
	}
	return time.Duration(n) * time.Minute
}

// mayUse decides whether the actor may read or change a citizen's data. Team leads may do
// both for every citizen; a worker for the citizens of their own open courses, and for a
// citizen who has never had a course (someone just registered). Every other citizen is a
// colleague's, read-only or hidden as the team has decided: also one whose courses are all
// closed, even to the worker who had them.
func mayUse(ctx context.Context, st *store.Store, a Actor, owners store.Owners, need access) error {
	return newAccessCheck(ctx, st, a).may(owners, need)
}

// accessCheck is mayUse for one actor over many citizens (a list, a search): the team's
// setting is read once, not once per citizen.
type accessCheck struct {
	ctx    context.Context
	st     *store.Store
	a      Actor
	mode   string             // the colleague-access setting, "" until read
	today  string             // the day the cover periods are checked for
	covers []store.CoverScope // what the actor covers today, nil until read
}

func newAccessCheck(ctx context.Context, st *store.Store, a Actor) *accessCheck {
	return &accessCheck{ctx: ctx, st: st, a: a, today: domain.Day(clockOf(ctx)()).Format(domain.DateLayout)}
}

// coversFor lists what the actor covers today: whose citizens, all or one (read once per check).
func (c *accessCheck) coversFor() ([]store.CoverScope, error) {
	if c.covers != nil || c.a.WorkerID == 0 {
		return c.covers, nil
	}
	ids, err := c.st.CoveredBy(c.ctx, c.a.WorkerID, c.today)
	if err != nil {
		return nil, err
	}
	c.covers = append(ids[:0:0], ids...)
	if c.covers == nil {
		c.covers = []store.CoverScope{}
	}
	return c.covers, nil
}

// byCover says whether the actor may change the citizen only because they cover for the
// citizen's worker today: the screens mark such citizens ("dækning").
func (c *accessCheck) byCover(owners store.Owners) bool {
	if c.a.IsLead() || !owners.Courses || (c.a.WorkerID != 0 && slices.Contains(owners.Open, c.a.WorkerID)) {
		return false
	}
	covers, err := c.coversFor()
	return err == nil && slices.ContainsFunc(covers, func(s store.CoverScope) bool { return s.Covers(owners.Citizen, owners.Open) })
}

func (c *accessCheck) may(owners store.Owners, need access) error {
	if c.a.IsLead() || !owners.Courses || (c.a.WorkerID != 0 && slices.Contains(owners.Open, c.a.WorkerID)) {
		return nil
	}
	if covers, err := c.coversFor(); err != nil {
		return err
	} else if slices.ContainsFunc(covers, func(s store.CoverScope) bool { return s.Covers(owners.Citizen, owners.Open) }) {
		return nil // the worker covers for the citizen's worker today (holidays, illness): all or this citizen
	}
	if c.mode == "" {
		mode, err := colleagueAccess(c.ctx, c.st)
		if err != nil {
			return err
		}
		c.mode = mode
	}
	if c.mode == ColleagueNone {
		return domain.E(domain.CodeNoAccess, "a colleague's citizen")
	}
	if need == writeAccess {
		return domain.E(domain.CodeReadOnlyAccess, "a colleague's citizen is read-only")
	}
	return nil
}

// citizenUse checks the actor's access to a citizen's data.
func (b base) citizenUse(st *store.Store, a Actor, citizenID uint, need access) error {
	owners, err := st.CitizenOwners(b.ctx(), citizenID)
	if err != nil {
		return err
	}
	return mayUse(b.ctx(), st, a, owners, need)
}

// viewCitizen opens a citizen's data for reading and logs the view.
func (b base) viewCitizen(citizenID uint, object string) (*store.Store, Actor, error) {
	st, err := b.ready()
	if err != nil {
		return nil, Actor{}, err
	}
	a, _ := b.actor()
	// Only a citizen who exists is logged as seen; an unknown id is refused first.
	if _, err := st.GetCitizen(b.ctx(), citizenID); err != nil {
		return nil, a, err
	}
	if err := b.citizenUse(st, a, citizenID, readAccess); err != nil {
		return nil, a, err
	}
	return st, a, b.audit(st, a, AuditView, object, citizenID, 0, "")
}

// courseUse opens one course's data: checks the actor's access to its citizen and, for a
// read, logs the view. It returns the course's citizen for the audit entry of a change.
func (b base) courseUse(courseID uint, object string, need access) (*store.Store, Actor, uint, error) {
	st, err := b.ready()
	if err != nil {
		return nil, Actor{}, 0, err
	}
	a, _ := b.actor()
	if courseID == 0 {
		var p domain.Problems
		p.Add("courseId", domain.CodeRequired)
		return nil, a, 0, p.Err()
	}
	citizenID, err := st.CourseCitizen(b.ctx(), courseID)
	if err != nil {
		return nil, a, 0, err
	}
	if err := b.citizenUse(st, a, citizenID, need); err != nil {
		return nil, a, citizenID, err
	}
	if need == readAccess {
		return st, a, citizenID, b.audit(st, a, AuditView, object, citizenID, courseID, "")
	}
	return st, a, citizenID, nil
}

// viewCourse opens a course's data for reading and logs the view.
func (b base) viewCourse(courseID uint, object string) (*store.Store, error) {
	st, _, _, err := b.courseUse(courseID, object, readAccess)
	return st, err
}

// change is one change to a course's data that the actor may make, with the audit entry
// that records it. commit writes both in one transaction: a change never commits without
// its entry, and an entry is never written for a change that did not commit.
type change struct {
	base
	st       *store.Store
	courseID uint
	entry    store.AuditEntry
}

// changing checks that the actor may change a course's data and prepares the change.
func (b base) changing(courseID uint, object, action string) (*change, error) {
	st, a, citizenID, err := b.courseUse(courseID, object, writeAccess)
	if err != nil {
		return nil, err
	}
	return &change{base: b, st: st, courseID: courseID, entry: auditEntry(a, action, object, citizenID, courseID, "")}, nil
}

// name says which record changed, in the audit entry's detail (ids only, never free text).
func (c *change) name(detail string) { c.entry.Detail = detail }

// commit runs write in one transaction and appends the change's audit entry in it.
func (c *change) commit(write func(ctx context.Context, tx *store.Store) error) error {
	return c.st.Tx(c.ctx(), func(tx *store.Store) error {
		if err := write(c.ctx(), tx); err != nil {
			return err
		}
		return tx.AppendAudit(c.ctx(), c.now(), c.entry)
	})
}

// commitLogged runs write in one transaction and appends the audit entries it returns in
// that same transaction: for the changes that are not a course's (a citizen, the team, an
// account), as change.commit is for a course's.
func (b base) commitLogged(st *store.Store, write func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error)) error {
	return st.Tx(b.ctx(), func(tx *store.Store) error {
		entries, err := write(b.ctx(), tx)
		if err != nil {
			return err
		}
		return tx.AppendAudit(b.ctx(), b.now(), entries...)
	})
}

// uses checks that the actor may read a course's data and returns the function that logs
// the use (an export or a print) once it has succeeded: a colleague with read-only access
// may print the plan for a meeting.
func (b base) uses(courseID uint, object, action string) (func(error) error, error) {
	st, a, citizenID, err := b.courseUse(courseID, object, exportAccess)
	if err != nil {
		return nil, err
	}
	return func(err error) error {
		if err != nil {
			return err
		}
		return b.audit(st, a, action, object, citizenID, courseID, "")
	}, nil
}
