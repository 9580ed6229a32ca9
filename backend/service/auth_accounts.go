package service

import (
	"context"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"icm/backend/auth"
	"icm/backend/domain"
	"icm/backend/store"
)

// The team lead's side of sign-in: every worker's account, first and reset passwords,
// lifting a lockout; and the rules for usernames and passwords.

// ListAccounts shows every worker's sign-in to the team lead.
func (s *AuthService) ListAccounts() ([]AccountDTO, error) {
	st, _, err := s.leadReady()
	if err != nil {
		return nil, err
	}
	ctx := s.ctx()
	workers, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, err
	}
	creds, err := st.ListCredentials(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]AccountDTO, 0, len(workers))
	for _, w := range workers {
		d := AccountDTO{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: w.Role, Active: w.Active}
		if c, ok := creds[w.ID]; ok {
			d.HasAccount, d.Username, d.FailedAttempts, d.MustChange = true, c.Username, c.FailedAttempts, c.MustChange
			if c.LockedUntil != nil && s.now().Before(*c.LockedUntil) {
				d.LockedUntil = stampOf(*c.LockedUntil)
			}
			if c.LastSignIn != nil {
				d.LastSignIn = stampOf(*c.LastSignIn)
			}
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool { return domain.DanishLess(out[i].Name, out[j].Name) })
	return out, nil
}

// SaveAccount gives a worker a username and a first password, or a new password when they
// have forgotten theirs; the worker must choose their own password at the next sign-in.
func (s *AuthService) SaveAccount(in AccountInput) (AccountDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return AccountDTO{}, err
	}
	ctx := s.ctx()
	var p domain.Problems
	username := validUsername(&p, "username", in.Username)
	validPassword(&p, "password", in.Password, username)
	if err := p.Err(); err != nil {
		return AccountDTO{}, err
	}
	w, err := st.GetWorker(ctx, in.WorkerID)
	if err != nil {
		return AccountDTO{}, err
	}
	taken, err := st.UsernameTaken(ctx, username, w.ID)
	if err != nil {
		return AccountDTO{}, err
	}
	if taken {
		var p domain.Problems
		p.Add("username", domain.CodeUsernameTaken)
		return AccountDTO{}, p.Err()
	}
	mustChange := w.ID != a.WorkerID
	hash, err := auth.Hash(in.Password) // before the transaction: hashing takes a while
	if err != nil {
		return AccountDTO{}, domain.Wrap(domain.CodeInternal, "hash password", err)
	}
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		return []store.AuditEntry{auditEntry(a, AuditAccount, "worker", 0, 0, "account of worker "+itoa(int(w.ID)))},
			saveAccount(ctx, tx, w.ID, username, hash, mustChange, s.now())
	})
	if err != nil {
		return AccountDTO{}, err
	}
	return s.account(w.ID)
}

// UnlockAccount lifts a lockout after failed sign-ins.
func (s *AuthService) UnlockAccount(in IDInput) (AccountDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return AccountDTO{}, err
	}
	c, err := st.GetCredential(s.ctx(), in.ID)
	if err != nil {
		return AccountDTO{}, err
	}
	c.FailedAttempts, c.LockedUntil, c.UpdatedAt = 0, nil, s.now()
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		return []store.AuditEntry{auditEntry(a, AuditAccount, "worker", 0, 0, "unlocked worker "+itoa(int(in.ID)))},
			tx.SaveCredential(ctx, c)
	})
	if err != nil {
		return AccountDTO{}, err
	}
	return s.account(in.ID)
}

func (s *AuthService) account(workerID uint) (AccountDTO, error) {
	all, err := s.ListAccounts()
	if err != nil {
		return AccountDTO{}, err
	}
	for _, d := range all {
		if d.WorkerID == workerID {
			return d, nil
		}
	}
	return AccountDTO{}, domain.E(domain.CodeNotFound, "worker not found")
}

// saveAccount stores a credential; with a plain password it hashes it first.
func saveAccount(ctx context.Context, st *store.Store, workerID uint, username, hash string, mustChange bool, now time.Time,
	password ...string) error {
	if len(password) > 0 {
		h, err := auth.Hash(password[0])
		if err != nil {
			return domain.Wrap(domain.CodeInternal, "hash password", err)
		}
		hash = h
	}
	return st.SaveCredential(ctx, &store.Credential{WorkerID: workerID, Username: username, PasswordHash: hash,
		MustChange: mustChange, CreatedAt: now, UpdatedAt: now})
}

// validUsername: 2 to 40 letters, digits or . _ - @, no spaces.
func validUsername(p *domain.Problems, field, s string) string {
	u := strings.ToLower(domain.CleanLine(p, field, s, 40, true))
	if u == "" {
		return ""
	}
	if utf8.RuneCountInString(u) < 2 {
		p.Add(field, domain.CodeInvalidChoice)
		return u
	}
	for _, r := range u {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@", r) {
			p.Add(field, domain.CodeInvalidCharacters)
			return u
		}
	}
	return u
}

// validPassword: at least MinPasswordLen characters and not the username. Passwords are
// not cleaned: every character counts, but control characters are refused.
func validPassword(p *domain.Problems, field, pw, username string) {
	if pw == "" {
		p.Add(field, domain.CodeRequired)
		return
	}
	if !utf8.ValidString(pw) || strings.IndexFunc(pw, unicode.IsControl) >= 0 {
		p.Add(field, domain.CodeInvalidCharacters)
		return
	}
	n := utf8.RuneCountInString(pw)
	if n > maxPasswordLen {
		p.Add(field, domain.CodeTooLong, "length", itoa(n), "max", itoa(maxPasswordLen))
		return
	}
	if n < MinPasswordLen || strings.EqualFold(strings.TrimSpace(pw), username) {
		p.Add(field, domain.CodeWeakPassword, "min", itoa(MinPasswordLen))
	}
}
