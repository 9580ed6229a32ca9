package service

import (
	"time"

	"icm/backend/auth"
	"icm/backend/domain"
	"icm/backend/store"
)

// attempt is one try of a worker's password, counted before the password is looked at.
type attempt struct {
	locked     *time.Time // the account was locked already: the password was not tried
	lockedNow  *time.Time // this attempt used the last try: locked until then unless the password is right
	credential *store.Credential
}

// countAttempt counts a try of the worker's password and checks the lockout in one
// transaction, before the slow hash is computed: parallel tries cannot all read the same
// count, and a locked account gets no try at all. A right password then clears the count
// (clearAttempts); a wrong one has been counted already.
func (s *AuthService) countAttempt(st *store.Store, workerID uint) (attempt, error) {
	ctx, now := s.ctx(), s.now()
	var out attempt
	err := st.Tx(ctx, func(tx *store.Store) error {
		c, err := tx.GetCredential(ctx, workerID)
		if err != nil {
			return err
		}
		out.credential = c
		if c.LockedUntil != nil && now.Before(*c.LockedUntil) {
			out.locked = c.LockedUntil
			return nil
		}
		c.FailedAttempts++
		c.LockedUntil = nil
		if c.FailedAttempts >= MaxFailedSignIns {
			until := now.Add(lockoutFor)
			c.LockedUntil, c.FailedAttempts, out.lockedNow = &until, 0, &until
		}
		c.UpdatedAt = now
		return tx.SaveCredential(ctx, c)
	})
	return out, err
}

// clearAttempts forgets the counted tries after the right password, lifts a lock that the
// same try set, and stores a stronger hash when the cost has been raised since (hashed
// before the transaction, which holds the write lock).
func (s *AuthService) clearAttempts(st *store.Store, c *store.Credential, password string, signIn bool) error {
	ctx, now := s.ctx(), s.now()
	rehash := ""
	if auth.NeedsRehash(c.PasswordHash) {
		rehash, _ = auth.Hash(password) // on failure the old hash stays, which still works
	}
	return st.Tx(ctx, func(tx *store.Store) error {
		c, err := tx.GetCredential(ctx, c.WorkerID)
		if err != nil {
			return err
		}
		c.FailedAttempts, c.LockedUntil, c.UpdatedAt = 0, nil, now
		if signIn {
			c.LastSignIn = &now
		}
		if rehash != "" {
			c.PasswordHash = rehash
		}
		return tx.SaveCredential(ctx, c)
	})
}

// checkCurrent checks the signed-in worker's current password as a sign-in attempt.
func (s *AuthService) checkCurrent(st *store.Store, a Actor, current string) error {
	try, err := s.countAttempt(st, a.WorkerID)
	if err != nil {
		return err
	}
	if try.locked != nil {
		return s.lockedOut(st, a, "account locked (change password)", *try.locked)
	}
	if ok, _ := auth.Verify(try.credential.PasswordHash, current); ok && len(current) <= maxPasswordLen {
		return s.clearAttempts(st, try.credential, current, false)
	}
	if try.lockedNow != nil {
		return s.lockedOut(st, a, "wrong current password, account locked", *try.lockedNow)
	}
	var p domain.Problems
	p.Add("current", domain.CodeWrongCredentials)
	return s.logFailure(st, a, "wrong current password", p.Err())
}

// lockedOut logs a failed try of a signed-in worker's password that found or left the
// account locked, and locks the screen.
func (s *AuthService) lockedOut(st *store.Store, a Actor, reason string, until time.Time) error {
	if s.deps.Session != nil {
		s.deps.Session.lock()
	}
	return s.logFailure(st, a, reason, lockedErr(until))
}

// lockedErr is the answer for an account locked until then.
func lockedErr(until time.Time) error {
	return domain.E(domain.CodeAccountLocked, "account locked").With("until", until.Local().Format("15:04"))
}
