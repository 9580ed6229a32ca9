package teamsync

// FailAfterBatchWrite makes every publish fail right after its batch file is in place and
// before its transaction commits, as a kill at that moment would; restore undoes it.
func FailAfterBatchWrite(err error) (restore func()) {
	afterBatchWrite = func() error { return err }
	return func() { afterBatchWrite = nil }
}
