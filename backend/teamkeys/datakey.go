package teamkeys

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// DataKey is a citizen's own key: citizen data inside a batch or snapshot is sealed with it,
// and forgetting it everywhere at the end of retention leaves every old copy unreadable.
type DataKey [32]byte

// DataOverhead is how many bytes SealData adds: the nonce in front and the tag behind.
const DataOverhead = chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead

// NewDataKey makes a fresh random data key.
func NewDataKey() (DataKey, error) {
	var k DataKey
	if _, err := rand.Read(k[:]); err != nil {
		return DataKey{}, fmt.Errorf("%w: random data key: %v", ErrInvalid, err)
	}
	return k, nil
}

// String hides the key, so that it never reaches a log by accident.
func (k DataKey) String() string { return "DataKey(hidden)" }

// GoString is String for %#v.
func (k DataKey) GoString() string { return k.String() }

// SealData encrypts and authenticates plaintext under k with XChaCha20-Poly1305, binding it
// to associated (say the citizen's and the row's uids, so that a sealed value cannot be
// moved to another row). The result is a random 24-byte nonce followed by the ciphertext
// and its 16-byte tag. Random nonces of this size are safe for any number of messages.
func SealData(k DataKey, plaintext, associated []byte) []byte {
	aead, err := chacha20poly1305.NewX(k[:])
	if err != nil {
		panic("teamkeys: XChaCha20-Poly1305 refused a 32-byte key: " + err.Error())
	}
	out := make([]byte, chacha20poly1305.NonceSizeX, DataOverhead+len(plaintext))
	// crypto/rand.Read never fails (it crashes the program if the system has no randomness).
	_, _ = rand.Read(out)
	return aead.Seal(out, out, plaintext, associated)
}

// OpenData reverses SealData with the same key and associated data. A changed, cut-short or
// lengthened value, another key or other associated data give ErrCorrupt.
func OpenData(k DataKey, sealed, associated []byte) ([]byte, error) {
	if len(sealed) < DataOverhead {
		return nil, fmt.Errorf("%w: sealed value of %d bytes", ErrCorrupt, len(sealed))
	}
	aead, err := chacha20poly1305.NewX(k[:])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	nonce, ct := sealed[:chacha20poly1305.NonceSizeX], sealed[chacha20poly1305.NonceSizeX:]
	plain, err := aead.Open(nil, nonce, ct, associated)
	if err != nil {
		return nil, fmt.Errorf("%w: sealed value does not authenticate", ErrCorrupt)
	}
	return plain, nil
}
