package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"testing"
)

func TestSealOpenRoundTrip(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name    string
		header  Header
		payload []byte
	}{
		{"empty batch", batchHeader(w.a, 1), []byte{}},
		{"small batch", batchHeader(w.a, 2), []byte(`{"changes":[]}`)},
		{"batch over several age chunks", batchHeader(w.a, 3), bytes.Repeat([]byte("ICM "), 50_000)},
		{"snapshot", Header{Kind: KindSnapshot, TeamID: testTeam, Seq: 9, Name: "snapshot-000000000009.icm", Created: testNow}, []byte("snap")},
		{"key file", Header{Kind: KindKey, TeamID: testTeam, Name: "key-0123456789abcdef0123456789abcdef.icm", Created: testNow}, make([]byte, 32)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := Seal(tc.header, tc.payload, w.recipients(), w.a)
			if err != nil {
				t.Fatalf("Seal: %v", err)
			}
			want := tc.header
			want.Format, want.Laptop = HeaderFormat, w.a.LaptopID
			for _, reader := range []*LaptopKeys{w.a, w.b} {
				h, got, err := Open(data, w.signers, reader)
				if err != nil {
					t.Fatalf("Open by %s: %v", reader.LaptopID, err)
				}
				if !bytes.Equal(got, tc.payload) {
					t.Errorf("payload: got %d bytes, want %d", len(got), len(tc.payload))
				}
				if !h.Created.Equal(want.Created) {
					t.Errorf("created %v, want %v", h.Created, want.Created)
				}
				h.Created = want.Created
				if h != want {
					t.Errorf("header %+v, want %+v", h, want)
				}
				if err := h.Expect(testTeam, w.a.LaptopID, tc.header.Name); err != nil {
					t.Errorf("Expect: %v", err)
				}
			}
			peek, err := PeekHeader(data)
			if err != nil || peek.Name != tc.header.Name || peek.Seq != tc.header.Seq {
				t.Errorf("PeekHeader: %+v, %v", peek, err)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	w := newWorld(t)
	payload := []byte("row changes")
	sealedBy := func(k *LaptopKeys, n uint64, to []PublicKeys) []byte {
		data, err := Seal(batchHeader(k, n), payload, to, k)
		if err != nil {
			t.Fatalf("Seal: %v", err)
		}
		return data
	}
	good := sealedBy(w.a, 1, w.recipients())
	// Another team's laptop signs a file whose header names our laptop a.
	impostor := func() []byte {
		sig := *w.other
		sig.LaptopID = w.a.LaptopID
		return sealedBy(&sig, 1, w.recipients())
	}()
	join, err := SealPlain(joinHeader(w.a), []byte("public keys"), w.a)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		me   *LaptopKeys
		want error
	}{
		{"signed by a laptop of another team", sealedBy(w.other, 1, w.recipients()), w.a, ErrUnknownSigner},
		{"another team's key under our laptop's id", impostor, w.a, ErrBadSignature},
		{"revoked laptop, file at its revocation", sealedBy(w.c, 5, w.recipients()), w.a, ErrRevokedSigner},
		{"revoked laptop, file after its revocation", sealedBy(w.c, 6, w.recipients()), w.a, ErrRevokedSigner},
		{"not encrypted to me", sealedBy(w.a, 1, []PublicKeys{w.a.Public()}), w.b, ErrNotRecipient},
		{"a plain join file", join, w.a, ErrNotEnvelope},
		{"bytes after the signature", append(bytes.Clone(good), 0), w.a, ErrCorrupt},
		{"not an envelope", []byte("SQLite format 3\x00 and more bytes"), w.a, ErrNotEnvelope},
		{"empty placeholder", nil, w.a, ErrTruncated},
		{"newer envelope version", withByte(good, len(Magic), Version+1), w.a, ErrVersion},
		{"unknown mode", withByte(good, len(Magic)+1, 9), w.a, ErrCorrupt},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, got, err := Open(tc.data, w.signers, tc.me)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open: %v, want %v", err, tc.want)
			}
			if got != nil || h != (Header{}) {
				t.Errorf("Open returned header %+v and %d bytes with an error", h, len(got))
			}
		})
	}
	t.Run("revoked laptop, file before its revocation, still opens", func(t *testing.T) {
		if _, got, err := Open(sealedBy(w.c, 4, w.recipients()), w.signers, w.a); err != nil || !bytes.Equal(got, payload) {
			t.Fatalf("Open: %v", err)
		}
	})
}

// withByte returns a copy of data with the byte at i set to b.
func withByte(data []byte, i int, b byte) []byte {
	out := bytes.Clone(data)
	out[i] = b
	return out
}

// TestOpenFlippedByte changes every byte of a small file in turn (one bit, and all bits):
// every change is refused with a sentinel error and no payload; a change anywhere after the
// header is a signature failure, found before anything is decrypted.
func TestOpenFlippedByte(t *testing.T) {
	w := newWorld(t)
	data := w.mustSeal(t, w.a, 7, []byte("Borger 1 fik nøgler til lejligheden."))
	hLen := int(binary.BigEndian.Uint16(data[preludeLen-2:]))
	payloadStart := preludeLen + hLen + payLenLen
	for i := range data {
		for _, mask := range []byte{0x01, 0xff} {
			bad := withByte(data, i, data[i]^mask)
			h, got, err := Open(bad, w.signers, w.b)
			if err == nil || !isSentinel(err) {
				t.Fatalf("byte %d ^%#x: Open: %v", i, mask, err)
			}
			if got != nil || h != (Header{}) {
				t.Fatalf("byte %d ^%#x: returned data with an error", i, mask)
			}
			if i >= payloadStart && !errors.Is(err, ErrBadSignature) {
				t.Fatalf("byte %d ^%#x (payload or signature): %v, want ErrBadSignature", i, mask, err)
			}
		}
	}
}

// TestOpenTruncated cuts a file short at every length: always ErrTruncated, never a payload.
func TestOpenTruncated(t *testing.T) {
	w := newWorld(t)
	data := w.mustSeal(t, w.a, 1, []byte("kort"))
	join, err := SealPlain(joinHeader(w.b), []byte("public keys"), w.b)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n++ {
		h, got, err := Open(data[:n], w.signers, w.b)
		if !errors.Is(err, ErrTruncated) || got != nil || h != (Header{}) {
			t.Fatalf("cut at %d of %d: %v", n, len(data), err)
		}
		if _, err := PeekHeader(data[:n]); !errors.Is(err, ErrTruncated) {
			t.Fatalf("PeekHeader cut at %d: %v", n, err)
		}
	}
	for n := 0; n < len(join); n++ {
		if _, got, err := OpenPlain(join[:n], w.b.Public().Sign); !errors.Is(err, ErrTruncated) || got != nil {
			t.Fatalf("join cut at %d of %d: %v", n, len(join), err)
		}
	}
}

// TestRenamedFile: the signed header binds the file's name, team and writer; a reader that
// finds batch 7 under batch 8's name, in another laptop's folder or in another team's
// folder refuses it.
func TestRenamedFile(t *testing.T) {
	w := newWorld(t)
	data := w.mustSeal(t, w.a, 7, []byte("x"))
	h, _, err := Open(data, w.signers, w.b)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name               string
		team, laptop, file string
		want               error
	}{
		{"where it was written", testTeam, w.a.LaptopID, batchName(7), nil},
		{"renamed to the next number", testTeam, w.a.LaptopID, batchName(8), ErrMisplaced},
		{"a sync client's conflicted copy", testTeam, w.a.LaptopID, "batch-000000000007 (1).icm", ErrMisplaced},
		{"moved to another laptop's folder", testTeam, w.b.LaptopID, batchName(7), ErrMisplaced},
		{"copied into another team's folder", "team-other", w.a.LaptopID, batchName(7), ErrMisplaced},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := h.Expect(tc.team, tc.laptop, tc.file); !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
				t.Fatalf("Expect: %v, want %v", err, tc.want)
			}
		})
	}
	// Changing the name inside the header instead breaks the signature.
	forged := bytes.Replace(data, []byte(batchName(7)), []byte(batchName(8)), 1)
	if _, _, err := Open(forged, w.signers, w.b); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("header name changed: %v, want ErrBadSignature", err)
	}
}

// TestVerifyBeforeDecrypt: a correctly signed file whose payload is not age gives
// ErrCorrupt, so the payload is only decrypted after the signature; the same file with a
// wrong signature, or signed by an unknown or revoked laptop, never gets that far.
func TestVerifyBeforeDecrypt(t *testing.T) {
	w := newWorld(t)
	garbage := []byte("not age at all")
	signed, err := build(modeAge, prepared(t, batchHeader(w.a, 1), w.a), garbage, w.a)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(signed, w.signers, w.b); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("signed garbage: %v, want ErrCorrupt", err)
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"bad signature", withByte(signed, len(signed)-1, signed[len(signed)-1]^1), ErrBadSignature},
		{"signed by someone else", mustBuild(t, modeAge, batchHeader(w.a, 1), garbage, w.a, w.other), ErrBadSignature},
		{"unknown writer", mustBuild(t, modeAge, batchHeader(w.other, 1), garbage, w.other, w.other), ErrUnknownSigner},
		{"revoked writer", mustBuild(t, modeAge, batchHeader(w.c, 9), garbage, w.c, w.c), ErrRevokedSigner},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := Open(tc.data, w.signers, w.b); !errors.Is(err, tc.want) {
				t.Fatalf("Open: %v, want %v", err, tc.want)
			}
		})
	}
	// A plain Ed25519 signature over the same bytes (no context) is not an envelope signature.
	plainSig := bytes.Clone(signed[:len(signed)-sigLen])
	plainSig = append(plainSig, ed25519.Sign(w.a.Sign, plainSig)...)
	if _, _, err := Open(plainSig, w.signers, w.b); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("signature without the envelope's context: %v, want ErrBadSignature", err)
	}
}

func prepared(t *testing.T, h Header, k *LaptopKeys) Header {
	t.Helper()
	h, err := prepare(h, k, false)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// mustBuild signs a frame for header h (written as laptop named) with signer's key.
func mustBuild(t *testing.T, mode byte, h Header, payload []byte, named, signer *LaptopKeys) []byte {
	t.Helper()
	h = prepared(t, h, named)
	data, err := build(mode, h, payload, signer)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
