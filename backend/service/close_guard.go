package service

import (
	"sync"
	"time"
)

// CloseGuard lets the UI save its work before the window closes: a close request is held
// back and announced to the UI, which saves, asks about unsaved forms and then quits or
// cancels. If the UI does not answer in time, the window closes anyway.
type CloseGuard struct {
	mu      sync.Mutex
	closing bool
	seen    chan struct{}
}

// NewCloseGuard builds the guard.
func NewCloseGuard() *CloseGuard { return &CloseGuard{} }

// CloseSeen tells the guard that the UI got the close request and takes it from here.
func (g *CloseGuard) CloseSeen() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.seen != nil {
		close(g.seen)
		g.seen = nil
	}
	return nil
}

// CancelClose tells the guard that the user chose to stay; the next close asks again.
func (g *CloseGuard) CancelClose() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closing = false
	return nil
}

// RequestClose decides a close request: the first one is held back (true) while announce
// tells the UI; a request while closing is let through (false). When the UI has not said
// CloseSeen within wait, quit is called so a broken page never keeps the window open.
// It is a function, not a method, so that it is not callable from the UI.
func RequestClose(g *CloseGuard, announce, quit func(), wait time.Duration) bool {
	g.mu.Lock()
	if g.closing {
		g.mu.Unlock()
		return false
	}
	g.closing = true
	seen := make(chan struct{})
	g.seen = seen
	g.mu.Unlock()
	announce()
	go func() {
		select {
		case <-seen:
		case <-time.After(wait):
			quit()
		}
	}()
	return true
}
