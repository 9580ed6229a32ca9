package teamsync

import "time"

// SetTidyForTest makes snapshots and heartbeats come sooner in a test; the returned
// function puts the defaults back.
func SetTidyForTest(every uint64, heartbeat time.Duration) func() {
	e, h := snapshotEvery, heartbeatAfter
	snapshotEvery, heartbeatAfter = every, heartbeat
	return func() { snapshotEvery, heartbeatAfter = e, h }
}
