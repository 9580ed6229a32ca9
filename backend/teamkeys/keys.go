package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"filippo.io/age"
)

// LaptopKeys are one laptop's secret keys: it signs every file it writes with Sign and
// reads files encrypted to it with Age. They never leave the laptop.
type LaptopKeys struct {
	// LaptopID is the laptop's team-wide id: 32 lowercase hex characters.
	LaptopID string
	// Sign is the ed25519 key every file the laptop writes is signed with.
	Sign ed25519.PrivateKey
	// Age is the X25519 identity files for this laptop are encrypted to.
	Age *age.X25519Identity
}

// PublicKeys are what other laptops know of a laptop: its id and public keys, as listed in
// the roster and sent in a join request.
type PublicKeys struct {
	// LaptopID is the laptop's team-wide id.
	LaptopID string
	// Sign verifies the laptop's signatures.
	Sign ed25519.PublicKey
	// Age is the laptop's age recipient ("age1...").
	Age string
}

// NewLaptopKeys makes a new laptop id and fresh keys from the system's random source.
func NewLaptopKeys() (*LaptopKeys, error) {
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, fmt.Errorf("%w: random laptop id: %v", ErrInvalid, err)
	}
	_, sign, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("%w: signing key: %v", ErrInvalid, err)
	}
	ident, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("%w: age identity: %v", ErrInvalid, err)
	}
	return &LaptopKeys{LaptopID: hex.EncodeToString(id[:]), Sign: sign, Age: ident}, nil
}

// Public returns the keys other laptops need to verify this laptop and encrypt to it.
func (k *LaptopKeys) Public() PublicKeys {
	return PublicKeys{
		LaptopID: k.LaptopID,
		Sign:     k.Sign.Public().(ed25519.PublicKey),
		Age:      k.Age.Recipient().String(),
	}
}

// String names the laptop without showing any key, so that keys never reach a log by
// accident.
func (k LaptopKeys) String() string { return "LaptopKeys(" + k.LaptopID + ")" }

// GoString is String for %#v.
func (k LaptopKeys) GoString() string { return k.String() }

// check reports keys that cannot sign or decrypt.
func (k *LaptopKeys) check() error {
	switch {
	case k == nil:
		return fmt.Errorf("%w: no laptop keys", ErrInvalid)
	case !ValidLaptopID(k.LaptopID):
		return fmt.Errorf("%w: laptop id is not 32 lowercase hex characters", ErrInvalid)
	case len(k.Sign) != ed25519.PrivateKeySize:
		return fmt.Errorf("%w: signing key has %d bytes", ErrInvalid, len(k.Sign))
	case k.Age == nil:
		return fmt.Errorf("%w: no age identity", ErrInvalid)
	}
	// A private key carries its public half; one that does not match its seed is damaged.
	if !bytes.Equal(ed25519.NewKeyFromSeed(k.Sign.Seed()), k.Sign) {
		return fmt.Errorf("%w: signing key does not match its public half", ErrInvalid)
	}
	return nil
}

// Validate reports public keys that cannot be used: a malformed laptop id, a signing key of
// the wrong size or an age recipient that does not parse. Use it on keys read from a join
// request or a roster.
func (p PublicKeys) Validate() error {
	if !ValidLaptopID(p.LaptopID) {
		return fmt.Errorf("%w: laptop id is not 32 lowercase hex characters", ErrInvalid)
	}
	if len(p.Sign) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: signing key has %d bytes", ErrInvalid, len(p.Sign))
	}
	if _, err := age.ParseX25519Recipient(p.Age); err != nil {
		return fmt.Errorf("%w: age recipient: %v", ErrInvalid, err)
	}
	return nil
}

// ValidLaptopID reports whether s has the form of a laptop id: 32 lowercase hex characters.
func ValidLaptopID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// fingerprintContext separates fingerprints from every other hash of the same keys.
const fingerprintContext = "icm laptop fingerprint v1\x00"

// Fingerprint is a short code a team lead reads aloud or compares by eye to check that a
// join request came from the laptop beside them: 80 bits of SHA-256 over the laptop id and
// both public keys, as five groups of four uppercase hex digits ("4F2A-91C3-77D0-1B2E-9A0C").
// Eighty bits keep a forged request with the same code out of reach.
func Fingerprint(pub PublicKeys) string {
	h := sha256.New()
	h.Write([]byte(fingerprintContext))
	for _, part := range [][]byte{[]byte(pub.LaptopID), pub.Sign, []byte(pub.Age)} {
		// Length-prefixed, so that no two different key sets hash the same bytes.
		h.Write([]byte{byte(len(part) >> 8), byte(len(part))})
		h.Write(part)
	}
	code := strings.ToUpper(hex.EncodeToString(h.Sum(nil)[:10]))
	groups := make([]string, 0, 5)
	for i := 0; i < len(code); i += 4 {
		groups = append(groups, code[i:i+4])
	}
	return strings.Join(groups, "-")
}
