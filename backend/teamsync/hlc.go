package teamsync

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

// An HLC is a hybrid logical clock stamp as text: twelve hex digits of wall-clock
// milliseconds, four hex digits of a counter, a dash and the laptop id. Fixed widths make the
// strings compare in time order, and the laptop id breaks ties, so any two stamps from the
// team are ordered the same way on every laptop.
type HLC = string

// Clock hands out stamps that never go backwards and are never behind a stamp seen from
// another laptop, even when this laptop's wall clock is wrong.
type Clock struct {
	mu     sync.Mutex
	laptop string
	now    func() time.Time
	ms     int64
	count  uint16
}

// NewClock starts a clock for laptop, reading wall time from now.
func NewClock(laptop string, now func() time.Time) *Clock {
	return &Clock{laptop: laptop, now: now}
}

// maxMS is the largest millisecond value twelve hex digits hold (year 10889).
const maxMS = 1<<48 - 1

// Next returns a new stamp, later than every stamp returned or observed before.
func (c *Clock) Next() HLC {
	c.mu.Lock()
	defer c.mu.Unlock()
	wall := c.now().UnixMilli()
	switch {
	case wall > c.ms:
		c.ms, c.count = wall, 0
	case c.count == 1<<16-1:
		c.ms, c.count = c.ms+1, 0
	default:
		c.count++
	}
	if c.ms > maxMS {
		c.ms = maxMS
	}
	return fmt.Sprintf("%012x%04x-%s", c.ms, c.count, c.laptop)
}

// Observe moves the clock past a stamp read from another laptop; a stamp that does not parse
// is ignored (the batch carrying it was verified, so it is ours to trust in form only).
func (c *Clock) Observe(h HLC) {
	ms, count, ok := parseHLC(h)
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ms > c.ms || (ms == c.ms && count > c.count) {
		c.ms, c.count = ms, count
	}
}

// parseHLC reads the time and counter of a stamp.
func parseHLC(h HLC) (ms int64, count uint16, ok bool) {
	if len(h) < 17 || h[16] != '-' {
		return 0, 0, false
	}
	m, err := strconv.ParseInt(h[:12], 16, 64)
	if err != nil || m < 0 {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(h[12:16], 16, 16)
	if err != nil {
		return 0, 0, false
	}
	return m, uint16(n), true
}

// hlcTime is the wall time a stamp was made at (for access checks against cover periods).
func hlcTime(h HLC) (time.Time, bool) {
	ms, _, ok := parseHLC(h)
	if !ok {
		return time.Time{}, false
	}
	return time.UnixMilli(ms).UTC(), true
}
