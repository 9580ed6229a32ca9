// Package service holds the services bound to the UI, one per area. Every method takes one
// input struct and returns a DTO and an error; the error is a *domain.Error with a code the
// UI translates. GORM models never cross this boundary.
package service

import (
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// Clock gives the current time; tests inject a fixed one.
type Clock func() time.Time

// Deps is what every service needs. Store is nil when the database could not be opened;
// the UI then shows the startup error and calls nothing else.
type Deps struct {
	Store *store.Store
	Clock Clock
}

type base struct {
	deps Deps
}

func (b base) ready() (*store.Store, error) {
	if b.deps.Store == nil {
		return nil, domain.E(domain.CodeInternal, "database is not open")
	}
	return b.deps.Store, nil
}

func (b base) now() time.Time {
	if b.deps.Clock == nil {
		return time.Now()
	}
	return b.deps.Clock()
}

func (b base) ctx() context.Context { return context.Background() }

func (b base) today() time.Time { return domain.Day(b.now()) }
