package backup

// SetAfterDecrypt replaces the hook Stage runs once the backup is decrypted, for the test
// that kills a restore there; the returned function puts the old one back.
func SetAfterDecrypt(fn func(tmpPath string)) (restore func()) {
	old := afterDecrypt
	afterDecrypt = fn
	return func() { afterDecrypt = old }
}
