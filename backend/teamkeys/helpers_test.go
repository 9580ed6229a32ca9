package teamkeys

import (
	"crypto/ed25519"
	"errors"
	"testing"
	"time"

	"filippo.io/age"
)

// testNow is the fixed clock of every test here.
var testNow = time.Date(2026, 12, 1, 10, 0, 0, 123000000, time.UTC)

// testTeam is the team id the tests' files are written for.
const testTeam = "team-7f3a"

// sentinels are every error Open, OpenPlain and PeekHeader may wrap.
var sentinels = []error{
	ErrTruncated, ErrNotEnvelope, ErrVersion, ErrUnknownSigner, ErrRevokedSigner,
	ErrBadSignature, ErrNotRecipient, ErrCorrupt, ErrInvalid,
}

// isSentinel reports whether err wraps one of the package's sentinel errors.
func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// fixedKeys are test-only laptop keys made from fixed seeds, so that every fuzzing worker
// process has the same keys as the one that built the seed corpus. They are published here
// and protect nothing.
func fixedKeys(t testing.TB, idByte byte, ageIdentity string) *LaptopKeys {
	t.Helper()
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = idByte + byte(i)
	}
	id, err := age.ParseX25519Identity(ageIdentity)
	if err != nil {
		t.Fatal(err)
	}
	laptop := make([]byte, 32)
	for i := range laptop {
		laptop[i] = "0123456789abcdef"[(int(idByte)+i)%16]
	}
	return &LaptopKeys{LaptopID: string(laptop), Sign: ed25519.NewKeyFromSeed(seed), Age: id}
}

// Test-only age identities (see fixedKeys).
const (
	testAgeA     = "AGE-SECRET-KEY-15LMSJAFZ9QC6G4Z3E5MX30GKD59Z2JQW2LAWKW85AA9RUYFH2A3QZA3CG3"
	testAgeB     = "AGE-SECRET-KEY-1WJZQXH49JWTJNA5RALPZCSR3FQKGFGT39LAMXU3XZGU0D87ZDTRSD44NKQ"
	testAgeOther = "AGE-SECRET-KEY-1GWTS3D3NLPQNVYA879DRSDNVUAGWPE44RGRQ2LJ8NEZ88F3TWETQK027FY"
)

// world is a team of two enrolled laptops (a, b), a third laptop c that is in the roster
// but revoked from file revokedFrom on, and a laptop of another team (other).
type world struct {
	a, b, c, other *LaptopKeys
	revokedFrom    uint64
}

func newWorld(t testing.TB) *world {
	t.Helper()
	c, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	return &world{
		a:           fixedKeys(t, 1, testAgeA),
		b:           fixedKeys(t, 2, testAgeB),
		c:           c,
		other:       fixedKeys(t, 3, testAgeOther),
		revokedFrom: 5,
	}
}

// signers is the team's roster: a and b enrolled, c revoked from w.revokedFrom; other unknown.
func (w *world) signers(id string) (ed25519.PublicKey, uint64, bool) {
	switch id {
	case w.a.LaptopID:
		return w.a.Public().Sign, NotRevoked, true
	case w.b.LaptopID:
		return w.b.Public().Sign, NotRevoked, true
	case w.c.LaptopID:
		return w.c.Public().Sign, w.revokedFrom, true
	}
	return nil, 0, false
}

// recipients is the team's current recipient set (c no longer in it).
func (w *world) recipients() []PublicKeys { return []PublicKeys{w.a.Public(), w.b.Public()} }

// batchHeader is a batch header for laptop k's batch n.
func batchHeader(k *LaptopKeys, n uint64) Header {
	return Header{Kind: KindBatch, TeamID: testTeam, Laptop: k.LaptopID, Seq: n,
		Name: batchName(n), Created: testNow}
}

func batchName(n uint64) string {
	const digits = "0123456789"
	b := []byte("batch-000000000000.icm")
	for i := 17; i >= 6 && n > 0; i-- {
		b[i] = digits[n%10]
		n /= 10
	}
	return string(b)
}

// mustSeal seals payload as k's batch n to the team's recipients.
func (w *world) mustSeal(t testing.TB, k *LaptopKeys, n uint64, payload []byte) []byte {
	t.Helper()
	data, err := Seal(batchHeader(k, n), payload, w.recipients(), k)
	if err != nil {
		t.Fatalf("Seal: %v", err)
	}
	return data
}

// joinHeader is laptop k's join request header.
func joinHeader(k *LaptopKeys) Header {
	return Header{Kind: KindJoin, TeamID: testTeam, Name: k.LaptopID + ".icmjoin", Created: testNow}
}
