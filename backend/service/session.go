package service

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"icm/backend/domain"
)

// Actor is who does something: the signed-in worker, or the command line (WorkerID 0).
type Actor struct {
	WorkerID uint
	Name     string
	Initials string
	Role     domain.Role
}

// IsLead reports whether the actor may do what only a team lead may.
func (a Actor) IsLead() bool { return a.Role == domain.RoleTeamLead }

// commandLine is the actor of the headless commands, which IT runs as the OS user.
var commandLine = Actor{Name: "Kommandolinje (IT)", Initials: "IT", Role: domain.RoleTeamLead}

// CommandLineAs is the headless commands' actor (Deps.As) run by operator, the operating
// system's user and computer ("anna@laptop-7"): the audit log names it as "Kommandolinje
// (IT): anna@laptop-7", so that it tells who ran a command and where.
func CommandLineAs(operator string) *Actor {
	a := commandLine
	a.Name = actorName(a.Name, operator)
	return &a
}

// actorName is name followed by operator, cleaned to what the audit log and its exports
// accept in a name: printable characters only, at most domain.MaxName of them.
func actorName(name, operator string) string {
	operator = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return -1
		}
		return r
	}, operator))
	if operator == "" {
		return name
	}
	full := []rune(name + ": " + operator)
	if len(full) > domain.MaxName {
		full = full[:domain.MaxName]
	}
	return strings.TrimSpace(string(full))
}

// Session is the sign-in of this window. Nobody is signed in at start; after lockAfter of
// no calls the session locks and only the same worker's password opens it again.
type Session struct {
	mu         sync.Mutex
	actor      *Actor
	locked     bool
	mustChange bool // signed in with a password the team lead gave: only choosing one's own is open
	lastActive time.Time
	lockAfter  time.Duration
}

// NewSession is a session with nobody signed in.
func NewSession() *Session { return &Session{lockAfter: defaultLockMinutes * time.Minute} }

// check returns the signed-in actor and marks the session active at now; it locks the
// session when it has been idle for longer than the lock time.
func (s *Session) check(now time.Time) (Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actor == nil {
		return Actor{}, domain.E(domain.CodeNotSignedIn, "not signed in")
	}
	if !s.locked && s.lockAfter > 0 && now.Sub(s.lastActive) > s.lockAfter {
		s.locked = true
	}
	if s.locked {
		return Actor{}, domain.E(domain.CodeSessionLocked, "session locked")
	}
	s.lastActive = now
	return *s.actor, nil
}

func (s *Session) signIn(a Actor, now time.Time, lockAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.actor, s.locked, s.lastActive, s.lockAfter, s.mustChange = &a, false, now, lockAfter, false
}

// setMustChange marks whether the signed-in worker must choose their own password before
// anything else.
func (s *Session) setMustChange(must bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustChange = must
}

func (s *Session) mustChangePassword() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.actor != nil && s.mustChange
}

func (s *Session) signOut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.actor, s.locked, s.mustChange = nil, false, false
}

func (s *Session) lock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actor != nil {
		s.locked = true
	}
}

func (s *Session) setLockAfter(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockAfter = d
}

// changed applies a change to a worker's name, role or activity to the session when that
// worker is the one signed in: a lead who steps down loses the lead's rights at once, and
// one made inactive is signed out.
func (s *Session) changed(workerID uint, name, initials string, role domain.Role, active bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actor == nil || s.actor.WorkerID != workerID {
		return
	}
	if !active {
		s.actor, s.locked = nil, false
		return
	}
	s.actor.Name, s.actor.Initials, s.actor.Role = name, initials, role
}

// current is the signed-in actor and whether the session is locked, without touching it.
func (s *Session) current() (*Actor, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actor == nil {
		return nil, false
	}
	a := *s.actor
	return &a, s.locked
}
