package service

import (
	"context"
	"strings"
	"sync"
	"time"

	"icm/backend/auth"
	"icm/backend/domain"
	"icm/backend/store"
)

// Sign-in rules.
const (
	MinPasswordLen   = 10
	maxPasswordLen   = 200
	MaxFailedSignIns = 5                // failed attempts in a row before the account locks
	lockoutFor       = 15 * time.Minute // how long a locked account stays locked
)

// DemoPassword is the password of every demo worker. The demo team is fictional.
const DemoPassword = "demo-adgang"

// UserDTO is the signed-in worker.
type UserDTO struct {
	WorkerID uint   `json:"workerId"`
	Name     string `json:"name"`
	Initials string `json:"initials"`
	Role     string `json:"role"`
}

// AuthStatusDTO tells the UI what to show before and after sign-in.
type AuthStatusDTO struct {
	HasTeam     bool     `json:"hasTeam"`
	HasAccount  bool     `json:"hasAccount"` // someone can sign in: no first-account set-up
	SignedIn    bool     `json:"signedIn"`
	Locked      bool     `json:"locked"`
	MustChange  bool     `json:"mustChange"`
	User        *UserDTO `json:"user"`
	LockMinutes int      `json:"lockMinutes"`
	Demo        bool     `json:"demo"` // the database holds the fictional demo team
	// LeadsWithoutAccount are the active team leads who could set up the first account.
	LeadsWithoutAccount []WorkerDTO   `json:"leadsWithoutAccount"`
	Audit               AuditCheckDTO `json:"audit"`
}

// SignInInput is a username and password.
type SignInInput struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// UnlockInput is the signed-in worker's password, to open a locked screen.
type UnlockInput struct {
	Password string `json:"password"`
}

// FirstAccountInput sets up the sign-in of a team lead in a database that has none.
type FirstAccountInput struct {
	WorkerID uint   `json:"workerId"`
	Username string `json:"username"`
	Password string `json:"password"`
}

// ChangePasswordInput changes the signed-in worker's own password.
type ChangePasswordInput struct {
	Current string `json:"current"`
	New     string `json:"new"`
}

// AccountInput is a team lead giving a worker a username and a first password.
type AccountInput struct {
	WorkerID uint   `json:"workerId"`
	Username string `json:"username"`
	Password string `json:"password"`
}

// AccountDTO is one worker's sign-in as the team lead sees it.
type AccountDTO struct {
	WorkerID       uint   `json:"workerId"`
	Name           string `json:"name"`
	Initials       string `json:"initials"`
	Role           string `json:"role"`
	Active         bool   `json:"active"`
	HasAccount     bool   `json:"hasAccount"`
	Username       string `json:"username"`
	FailedAttempts int    `json:"failedAttempts"`
	LockedUntil    string `json:"lockedUntil"` // dd.mm.åååå tt:mm when locked now, else empty
	LastSignIn     string `json:"lastSignIn"`
	MustChange     bool   `json:"mustChange"`
}

// AuthService signs workers in and out and keeps their accounts.
type AuthService struct {
	base
	audit *AuditService
}

// NewAuthService builds the service.
func NewAuthService(d Deps, audit *AuditService) *AuthService {
	return &AuthService{base: base{d}, audit: audit}
}

// Status is what the UI asks first and after every sign-in change.
func (s *AuthService) Status() (AuthStatusDTO, error) {
	out := AuthStatusDTO{LeadsWithoutAccount: []WorkerDTO{}, LockMinutes: defaultLockMinutes}
	st, err := s.open()
	if err != nil {
		return out, err
	}
	ctx := s.ctx()
	if _, err := st.GetTeam(ctx); err == nil {
		out.HasTeam = true
	}
	n, err := st.CountCredentials(ctx)
	if err != nil {
		return out, err
	}
	out.HasAccount = n > 0
	out.LockMinutes = int(lockMinutes(ctx, st) / time.Minute)
	demo, _ := st.GetSetting(ctx, settingDemo, "")
	out.Demo = demo == "1"
	if out.HasTeam && !out.HasAccount {
		leads, err := st.ListWorkers(ctx, store.FindWorker{Active: ptr(true), Role: ptr(string(domain.RoleTeamLead))})
		if err != nil {
			return out, err
		}
		for i := range leads {
			out.LeadsWithoutAccount = append(out.LeadsWithoutAccount, workerDTO(&leads[i], 0))
		}
	}
	if s.audit != nil {
		out.Audit = s.audit.lastCheck()
	}
	if s.deps.Session == nil {
		return out, nil
	}
	a, locked := s.deps.Session.current()
	if a == nil {
		return out, nil
	}
	out.SignedIn, out.Locked = true, locked
	out.User = &UserDTO{WorkerID: a.WorkerID, Name: a.Name, Initials: a.Initials, Role: string(a.Role)}
	if c, err := st.GetCredential(ctx, a.WorkerID); err == nil {
		out.MustChange = c.MustChange
	}
	return out, nil
}

// SignIn checks a username and password. Wrong attempts are counted; after
// MaxFailedSignIns in a row the account locks for a quarter of an hour.
func (s *AuthService) SignIn(in SignInInput) (AuthStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	if err := s.checkPassword(st, strings.TrimSpace(in.Username), in.Password, 0); err != nil {
		return AuthStatusDTO{}, err
	}
	return s.Status()
}

// Unlock opens a locked screen with the signed-in worker's own password; the work on
// screen is kept. Another worker signs in with SignIn instead.
func (s *AuthService) Unlock(in UnlockInput) (AuthStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	if s.deps.Session == nil {
		return s.Status()
	}
	a, _ := s.deps.Session.current()
	if a == nil {
		return AuthStatusDTO{}, domain.E(domain.CodeNotSignedIn, "not signed in")
	}
	c, err := st.GetCredential(s.ctx(), a.WorkerID)
	if err != nil {
		return AuthStatusDTO{}, domain.E(domain.CodeWrongCredentials, "no account")
	}
	if err := s.checkPassword(st, c.Username, in.Password, a.WorkerID); err != nil {
		return AuthStatusDTO{}, err
	}
	return s.Status()
}

// checkPassword signs the worker in when the password is right; onlyWorker, when set, is
// the only worker allowed (unlocking a locked screen).
func (s *AuthService) checkPassword(st *store.Store, username, password string, onlyWorker uint) error {
	ctx, now := s.ctx(), s.now()
	wrong := domain.E(domain.CodeWrongCredentials, "wrong username or password")
	if username == "" || password == "" || len(password) > maxPasswordLen || len(username) > 100 {
		return wrong
	}
	c, err := st.CredentialByUsername(ctx, username)
	if err != nil {
		if domain.CodeOf(err) != domain.CodeNotFound {
			return err
		}
		_, _ = auth.Verify(dummyHash(), password) // the same time as for a real account
		return s.logFailure(st, Actor{}, "unknown username", wrong)
	}
	w, err := st.GetWorker(ctx, c.WorkerID)
	if err != nil {
		return err
	}
	actor := Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
	try, err := s.countAttempt(st, c.WorkerID)
	if err != nil {
		return err
	}
	if try.locked != nil {
		return s.logFailure(st, actor, "account locked", lockedErr(*try.locked))
	}
	ok, verr := auth.Verify(try.credential.PasswordHash, password)
	if verr != nil || !ok || !w.Active || (onlyWorker != 0 && w.ID != onlyWorker) {
		reason := "wrong password"
		var result error = wrong
		if try.lockedNow != nil {
			reason, result = "wrong password, account locked", lockedErr(*try.lockedNow)
		}
		if !w.Active {
			reason = "inactive worker"
		}
		return s.logFailure(st, actor, reason, result)
	}
	if err := s.clearAttempts(st, try.credential, password, true); err != nil {
		return err
	}
	if s.deps.Session != nil {
		// Another worker signing in on a locked screen ends the last one's session: the
		// plans they opened for printing go, as at a sign-out.
		if prev, _ := s.deps.Session.current(); prev != nil && prev.WorkerID != actor.WorkerID {
			s.deps.Prints.RemoveAll()
		}
		s.deps.Session.signIn(actor, now, lockMinutes(ctx, st))
		s.deps.Session.setMustChange(try.credential.MustChange)
	}
	return s.base.audit(st, actor, AuditSignIn, "", 0, 0, "")
}

func (s *AuthService) logFailure(st *store.Store, a Actor, reason string, result error) error {
	if err := s.base.audit(st, a, AuditFailed, "", 0, 0, reason); err != nil {
		return err
	}
	return result
}

// Lock locks the screen now (the UI calls it after the inactivity time or on request).
func (s *AuthService) Lock() (AuthStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	if s.deps.Session != nil {
		if a, locked := s.deps.Session.current(); a != nil && !locked {
			s.deps.Session.lock()
			if err := s.base.audit(st, *a, AuditLock, "", 0, 0, ""); err != nil {
				return AuthStatusDTO{}, err
			}
		}
	}
	return s.Status()
}

// SignOut ends the session.
func (s *AuthService) SignOut() (AuthStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	// Plans opened for printing hold the data of whoever signed out: they go now.
	s.deps.Prints.RemoveAll()
	if s.deps.Session != nil {
		if a, _ := s.deps.Session.current(); a != nil {
			s.deps.Session.signOut()
			if err := s.base.audit(st, *a, AuditSignOut, "", 0, 0, ""); err != nil {
				return AuthStatusDTO{}, err
			}
			AnchorHead(s.ctx(), st, "sign_out", s.now())
		}
	}
	return s.Status()
}

// SetupFirstAccount gives an active team lead the first sign-in of a database where nobody
// can sign in at all (a new team is set up with SetupTeam; this is for data from before
// sign-in existed). Once any worker has an account it is refused: whoever is at the screen
// must not be able to make themselves team lead.
func (s *AuthService) SetupFirstAccount(in FirstAccountInput) (AuthStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	ctx := s.ctx()
	var p domain.Problems
	username := validUsername(&p, "username", in.Username)
	validPassword(&p, "password", in.Password, username)
	if err := p.Err(); err != nil {
		return AuthStatusDTO{}, err
	}
	hash, err := auth.Hash(in.Password)
	if err != nil {
		return AuthStatusDTO{}, domain.Wrap(domain.CodeInternal, "hash password", err)
	}
	var actor Actor
	err = st.Tx(ctx, func(tx *store.Store) error {
		n, err := tx.CountCredentials(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.E(domain.CodeAccountSetUp, "someone can already sign in")
		}
		w, err := tx.GetWorker(ctx, in.WorkerID)
		if err != nil {
			return err
		}
		if !w.Active || w.Role != string(domain.RoleTeamLead) {
			var p domain.Problems
			p.Add("workerId", domain.CodeInvalidChoice)
			return p.Err()
		}
		if err := saveAccount(ctx, tx, w.ID, username, hash, false, s.now()); err != nil {
			return err
		}
		actor = Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.RoleTeamLead}
		return tx.AppendAudit(ctx, s.now(), auditEntry(actor, AuditAccount, "worker", 0, 0, "first team lead account"))
	})
	if err != nil {
		return AuthStatusDTO{}, err
	}
	if s.deps.Session != nil {
		s.deps.Session.signIn(actor, s.now(), lockMinutes(ctx, st))
	}
	return s.Status()
}

// ChangePassword changes the signed-in worker's own password. The current password is one
// more try of it: a wrong one counts towards the lockout as a failed sign-in does, and the
// lockout locks the screen as well. It is the one call open to a worker who must replace
// the team lead's first password.
func (s *AuthService) ChangePassword(in ChangePasswordInput) (AuthStatusDTO, error) {
	st, err := s.signedIn()
	if err != nil {
		return AuthStatusDTO{}, err
	}
	a, _ := s.actor()
	ctx := s.ctx()
	c, err := st.GetCredential(ctx, a.WorkerID)
	if err != nil {
		return AuthStatusDTO{}, err
	}
	var p domain.Problems
	validPassword(&p, "new", in.New, c.Username)
	if err := p.Err(); err != nil {
		return AuthStatusDTO{}, err
	}
	if err := s.checkCurrent(st, a, in.Current); err != nil {
		return AuthStatusDTO{}, err
	}
	hash, err := auth.Hash(in.New) // before the transaction: hashing takes a while
	if err != nil {
		return AuthStatusDTO{}, domain.Wrap(domain.CodeInternal, "hash password", err)
	}
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		return []store.AuditEntry{auditEntry(a, AuditAccount, "worker", 0, 0, "changed own password")},
			saveAccount(ctx, tx, a.WorkerID, c.Username, hash, false, s.now())
	})
	if err != nil {
		return AuthStatusDTO{}, err
	}
	if s.deps.Session != nil {
		s.deps.Session.setMustChange(false)
	}
	return s.Status()
}

var (
	dummyOnce sync.Once
	dummy     string
)

// dummyHash is a hash to check unknown usernames against, so they take as long as known ones.
func dummyHash() string {
	dummyOnce.Do(func() { dummy, _ = auth.Hash("no account has this password") })
	return dummy
}

func ptr[T any](v T) *T { return &v }

// settingDemo marks a database that holds the fictional demo team.
const settingDemo = "demo"
