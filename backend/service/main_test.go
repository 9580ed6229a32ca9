package service

import (
	"os"
	"testing"

	"icm/backend/auth"
)

// TestMain lowers the Argon2id cost: the tests sign in hundreds of times, and the cost
// itself is tested in backend/auth.
func TestMain(m *testing.M) {
	auth.Default = auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	os.Exit(m.Run())
}
