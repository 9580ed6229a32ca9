// Package service holds the services bound to the UI, one per area. Every method takes one
// input struct and returns a DTO and an error; the error is a *domain.Error with a code the
// UI translates. GORM models never cross this boundary.
package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/printfiles"
	"icm/backend/store"
)

// Clock gives the current time; tests inject a fixed one.
type Clock func() time.Time

// Deps is what every service needs. Store is nil when the database could not be opened;
// the UI then shows the startup error and calls nothing else. Session is the window's
// sign-in; nil means the headless command line, which acts as IT with a team lead's rights.
type Deps struct {
	Store   *store.Store
	Clock   Clock
	Session *Session
	// As is who acts when there is no Session (default: the command line).
	As *Actor
	// Prints is the folder of the PDFs opened for printing, emptied at sign-out and when a
	// citizen's data is deleted (nil: nothing is printed, as on the command line).
	Prints *printfiles.Folder
	// Desktop gives the save dialog to services whose constructor takes none (the overview's
	// PDF for the management meeting); nil: nothing can be saved.
	Desktop Desktop
}

type base struct {
	deps Deps
}

// open returns the store without asking who is signed in: only for the calls made before
// sign-in (status, language, first setup, sign-in itself).
func (b base) open() (*store.Store, error) {
	if b.deps.Store == nil {
		return nil, domain.E(domain.CodeInternal, "database is not open")
	}
	// A file found damaged after the window opened (see store.CheckDeferred) is used no
	// further: writing to it could spread the damage.
	if err := b.deps.Store.Damaged(); err != nil {
		return nil, err
	}
	return b.deps.Store, nil
}

// ready returns the store for a signed-in worker whose session has not locked, and who
// has chosen their own password if the team lead's first one must be replaced.
func (b base) ready() (*store.Store, error) {
	st, err := b.signedIn()
	if err != nil {
		return nil, err
	}
	if b.deps.Session != nil && b.deps.Session.mustChangePassword() {
		return nil, domain.E(domain.CodePasswordChange, "choose your own password first")
	}
	return st, nil
}

// signedIn is ready without the password check: only for changing one's own password.
func (b base) signedIn() (*store.Store, error) {
	st, err := b.open()
	if err != nil {
		return nil, err
	}
	if _, err := b.actor(); err != nil {
		return nil, err
	}
	return st, nil
}

// actor is who is signed in (checking the session), or the command line.
func (b base) actor() (Actor, error) {
	if b.deps.Session == nil {
		if b.deps.As != nil {
			return *b.deps.As, nil
		}
		return commandLine, nil
	}
	return b.deps.Session.check(b.now())
}

// leadReady is ready for the calls only a team lead may make.
func (b base) leadReady() (*store.Store, Actor, error) {
	st, err := b.ready()
	if err != nil {
		return nil, Actor{}, err
	}
	a, _ := b.actor()
	if !a.IsLead() {
		return nil, a, domain.E(domain.CodeForbidden, "team lead only")
	}
	return st, a, nil
}

func (b base) now() time.Time {
	if b.deps.Clock == nil {
		return time.Now()
	}
	return b.deps.Clock()
}

// ctx is the context of every store call: it carries the acting worker, whom the store
// records in each write transaction so that the team folder sync can say who made a change
// (0 when nobody is signed in: the first start, the demo, the command line).
func (b base) ctx() context.Context {
	ctx := store.WithWorker(context.Background(), b.actingWorker())
	return store.WithClock(ctx, b.now)
}

// clockOf is the clock a context carries (for the checks that depend on the day, such as a
// cover period, and for the store's record of when a write was made), or the wall clock.
func clockOf(ctx context.Context) func() time.Time { return store.ClockFrom(ctx) }

// actingWorker is the id of the worker who acts now, without checking or touching the
// session (the check belongs to actor, which every changing call makes first).
func (b base) actingWorker() uint {
	if b.deps.Session == nil {
		if b.deps.As != nil {
			return b.deps.As.WorkerID
		}
		return 0
	}
	if a, _ := b.deps.Session.current(); a != nil {
		return a.WorkerID
	}
	return 0
}

func (b base) today() time.Time { return domain.Day(b.now()) }
