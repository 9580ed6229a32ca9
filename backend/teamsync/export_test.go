package teamsync

import "time"

// SetTidyForTest makes snapshots and heartbeats come sooner in a test; the returned
// function puts the defaults back.
func SetTidyForTest(every uint64, heartbeat time.Duration) func() {
	e, h := snapshotEvery, heartbeatAfter
	snapshotEvery, heartbeatAfter = every, heartbeat
	return func() { snapshotEvery, heartbeatAfter = e, h }
}

// FailAfterBatchWrite makes every publish fail right after its batch file is in place and
// before its transaction commits, as a kill at that moment would; restore undoes it.
func FailAfterBatchWrite(err error) (restore func()) {
	afterBatchWrite = func() error { return err }
	return func() { afterBatchWrite = nil }
}

// FailBeforeFoundingSnapshot makes Found stop after the outbox became history and before the
// first snapshot is written, as a kill at that moment would; restore undoes it.
func FailBeforeFoundingSnapshot(err error) (restore func()) {
	beforeFoundingSnapshot = func() error { return err }
	return func() { beforeFoundingSnapshot = nil }
}

// FailBeforeFoundingRoster makes Found stop after the laptop recorded the new team and
// before its first roster is written, as a kill at that moment would; restore undoes it.
func FailBeforeFoundingRoster(err error) (restore func()) {
	beforeFoundingRoster = func() error { return err }
	return func() { beforeFoundingRoster = nil }
}
