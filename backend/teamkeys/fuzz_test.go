package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"errors"
	"testing"
)

// FuzzOpen feeds arbitrary bytes to every reader of the envelope. None may panic, every
// refusal must be a sentinel error with no header and no payload, and a payload may only
// come back from a file whose signature verifies under the writer named in it. The seed
// corpus holds whole files of every kind and mode, signed by enrolled, revoked and unknown
// laptops, and broken versions of them, so the fuzzer starts from the interesting edges.
func FuzzOpen(f *testing.F) {
	w := newWorld(f)
	// The revoked laptop's keys must be the same in every fuzzing worker: use fixed ones.
	w.c = fixedKeys(f, 4, testAgeOther)
	seal := func(k *LaptopKeys, n uint64, payload []byte, to []PublicKeys) []byte {
		data, err := Seal(batchHeader(k, n), payload, to, k)
		if err != nil {
			f.Fatal(err)
		}
		return data
	}
	good := seal(w.a, 1, []byte(`{"changes":[{"table":"notes"}]}`), w.recipients())
	join, err := SealPlain(joinHeader(w.b), []byte(`{"age":"age1..."}`), w.b)
	if err != nil {
		f.Fatal(err)
	}
	key, err := Seal(Header{Kind: KindKey, TeamID: testTeam, Name: "key-0123456789abcdef0123456789abcdef.icm", Created: testNow},
		make([]byte, 32), w.recipients(), w.b)
	if err != nil {
		f.Fatal(err)
	}
	seeds := [][]byte{
		good,
		join,
		key,
		seal(w.b, 2, nil, w.recipients()),
		seal(w.a, 3, bytes.Repeat([]byte("x"), 70_000), w.recipients()), // two age chunks
		seal(w.a, 4, []byte("only a"), []PublicKeys{w.a.Public()}),      // not for b
		seal(w.c, 4, []byte("before revocation"), w.recipients()),
		seal(w.c, 5, []byte("after revocation"), w.recipients()),
		seal(w.other, 1, []byte("other team"), w.recipients()),
		good[:len(good)-1],
		append(bytes.Clone(good), 0),
		withByte(good, len(good)/2, good[len(good)/2]^1),
		withByte(good, len(Magic), 2),
		[]byte(Magic),
		[]byte(Magic[:3]),
		{},
		[]byte("SQLite format 3\x00"),
	}
	for _, s := range seeds {
		f.Add(s)
	}
	pubs := map[string]ed25519.PublicKey{}
	for _, k := range []*LaptopKeys{w.a, w.b, w.c, w.other} {
		pubs[k.LaptopID] = k.Public().Sign
	}
	// verifies reports whether data's last 64 bytes are a valid envelope signature under pub,
	// checked here without the package's parser.
	verifies := func(data []byte, pub ed25519.PublicKey) bool {
		if len(pub) != ed25519.PublicKeySize || len(data) < sigLen {
			return false
		}
		digest := sha512.Sum512(data[:len(data)-sigLen])
		return ed25519.VerifyWithOptions(pub, digest[:], data[len(data)-sigLen:], sigOptions) == nil
	}
	refused := func(t *testing.T, what string, h Header, payload []byte, err error) {
		if !isSentinel(err) {
			t.Fatalf("%s: error %v is no sentinel", what, err)
		}
		if h != (Header{}) || payload != nil {
			t.Fatalf("%s: header or payload returned with error %v", what, err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, me := range []*LaptopKeys{w.a, w.b} {
			h, payload, err := Open(data, w.signers, me)
			if err != nil {
				refused(t, "Open", h, payload, err)
				continue
			}
			if !verifies(data, pubs[h.Laptop]) {
				t.Fatalf("Open returned a payload from a file not signed by %s", h.Laptop)
			}
			if h.Laptop == w.c.LaptopID && h.Seq >= w.revokedFrom {
				t.Fatalf("Open accepted a revoked laptop's file %d", h.Seq)
			}
			if peek, err := PeekHeader(data); err != nil || peek != h {
				t.Fatalf("PeekHeader disagrees with Open: %+v, %v", peek, err)
			}
		}
		for _, k := range []*LaptopKeys{w.a, w.b} {
			h, payload, err := OpenPlain(data, k.Public().Sign)
			if err != nil {
				refused(t, "OpenPlain", h, payload, err)
				continue
			}
			if !verifies(data, k.Public().Sign) || h.Kind != KindJoin {
				t.Fatalf("OpenPlain returned a payload from a file not signed by %s", k.LaptopID)
			}
		}
		if _, err := PeekHeader(data); err != nil && !isSentinel(err) {
			t.Fatalf("PeekHeader: %v is no sentinel", err)
		}
		if _, _, err := PeekPlain(data); err != nil && !isSentinel(err) {
			t.Fatalf("PeekPlain: %v is no sentinel", err)
		}
		if _, err := OpenData(DataKey{}, data, nil); err != nil && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("OpenData: %v", err)
		}
	})
}
