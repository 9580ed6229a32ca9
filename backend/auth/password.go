// Package auth hashes and checks sign-in passwords with Argon2id (RFC 9106), stored as PHC
// strings so that the cost can be raised later without breaking existing hashes.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Params is the Argon2id cost.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// Default is the cost for new hashes: RFC 9106's second recommendation (64 MiB, 3 passes),
// about a tenth of a second on a municipal laptop. Tests lower it.
var Default = Params{MemoryKiB: 64 * 1024, Time: 3, Threads: 2}

const (
	saltLen = 16
	keyLen  = 32
)

var b64 = base64.RawStdEncoding

// ErrMalformed is a stored hash that is not an Argon2id PHC string.
var ErrMalformed = errors.New("auth: malformed password hash")

// Hash returns the PHC string of password with a fresh random salt.
func Hash(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	p := Default
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
	releaseSoon()
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches the PHC string, comparing in constant time.
func Verify(phc, password string) (bool, error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return false, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrMalformed
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil ||
		p.MemoryKiB < 8 || p.MemoryKiB > 4*1024*1024 || p.Time < 1 || p.Time > 100 || p.Threads < 1 {
		return false, ErrMalformed
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return false, ErrMalformed
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < 16 || len(want) > 128 {
		return false, ErrMalformed
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	releaseSoon()
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// releasing is set while a release of the Argon2id memory is under way.
var releasing atomic.Bool

// releaseSoon hands the Argon2id work memory (64 MiB, garbage once the key is derived) back
// to the operating system in the background. Left to the collector, it would stay in the
// app's resident memory until the heap next doubled, which in a quiet app can take hours.
func releaseSoon() {
	if !releasing.CompareAndSwap(false, true) {
		return // one release covers every sign-in before it
	}
	go func() {
		defer releasing.Store(false)
		debug.FreeOSMemory()
	}()
}

// NeedsRehash reports whether a hash was made with a lower cost than Default.
func NeedsRehash(phc string) bool {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 {
		return true
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return true
	}
	return p.MemoryKiB < Default.MemoryKiB || p.Time < Default.Time
}
