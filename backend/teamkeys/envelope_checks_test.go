package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// TestOpenLengths: lengths in a frame are checked against their limits and the data before
// anything is sliced or allocated.
func TestOpenLengths(t *testing.T) {
	w := newWorld(t)
	data := w.mustSeal(t, w.a, 1, []byte("x"))
	hLen := int(binary.BigEndian.Uint16(data[preludeLen-2:]))
	payLenAt := preludeLen + hLen
	setU16 := func(v uint16) []byte {
		out := bytes.Clone(data)
		binary.BigEndian.PutUint16(out[preludeLen-2:], v)
		return out
	}
	setU32 := func(v uint32) []byte {
		out := bytes.Clone(data)
		binary.BigEndian.PutUint32(out[payLenAt:], v)
		return out
	}
	pLen := binary.BigEndian.Uint32(data[payLenAt:])
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"header length zero", setU16(0), ErrCorrupt},
		{"header length above the limit", setU16(MaxHeader + 1), ErrCorrupt},
		{"header length 65535", setU16(0xffff), ErrCorrupt},
		{"header length beyond the data", setU16(uint16(len(data))), ErrTruncated},
		{"payload length 4 GiB", setU32(0xffffffff), ErrCorrupt},
		{"payload length just above the limit", setU32(MaxPayload + 1), ErrCorrupt},
		{"payload length beyond the data", setU32(pLen + 1), ErrTruncated},
		{"payload length short of the data", setU32(pLen - 1), ErrCorrupt},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := Open(tc.data, w.signers, w.b); !errors.Is(err, tc.want) {
				t.Fatalf("Open: %v, want %v", err, tc.want)
			}
		})
	}
	// A plain (join) frame may not announce more than MaxPlainPayload.
	join, err := SealPlain(joinHeader(w.a), []byte("keys"), w.a)
	if err != nil {
		t.Fatal(err)
	}
	binary.BigEndian.PutUint32(join[payLenAt:], MaxPlainPayload+1)
	if _, err := PeekHeader(join); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("join payload above its limit: %v", err)
	}
}

func TestHeaderChecks(t *testing.T) {
	w := newWorld(t)
	good := batchHeader(w.a, 1)
	mod := func(f func(*Header)) Header { h := good; f(&h); return h }
	cases := []struct {
		name string
		h    Header
	}{
		{"unknown kind", mod(func(h *Header) { h.Kind = "notes" })},
		{"join sealed encrypted", mod(func(h *Header) { h.Kind = KindJoin; h.Seq = 0 })},
		{"key file with a number", mod(func(h *Header) { h.Kind = KindKey })},
		{"no team", mod(func(h *Header) { h.TeamID = "" })},
		{"team id with a slash", mod(func(h *Header) { h.TeamID = "a/b" })},
		{"name with a path", mod(func(h *Header) { h.Name = "../batch-000000000001.icm" })},
		{"name with a space", mod(func(h *Header) { h.Name = "batch 1.icm" })},
		{"name too long", mod(func(h *Header) { h.Name = strings.Repeat("a", maxName+1) })},
		{"dot-dot name", mod(func(h *Header) { h.Name = ".." })},
		{"no name", mod(func(h *Header) { h.Name = "" })},
		{"no time", mod(func(h *Header) { h.Created = h.Created.AddDate(-2026, 0, 0) })},
		{"format 2", mod(func(h *Header) { h.Format = 2 })},
		{"another laptop's header", mod(func(h *Header) { h.Laptop = w.b.LaptopID })},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Seal(tc.h, nil, w.recipients(), w.a); !errors.Is(err, ErrInvalid) {
				t.Fatalf("Seal: %v, want ErrInvalid", err)
			}
		})
	}
	t.Run("no recipients", func(t *testing.T) {
		if _, err := Seal(good, nil, nil, w.a); !errors.Is(err, ErrInvalid) {
			t.Fatalf("Seal: %v", err)
		}
	})
	t.Run("malformed recipient", func(t *testing.T) {
		bad := w.a.Public()
		bad.Age = "age1notakey"
		if _, err := Seal(good, nil, []PublicKeys{bad}, w.a); !errors.Is(err, ErrInvalid) {
			t.Fatalf("Seal: %v", err)
		}
	})
	t.Run("no signer", func(t *testing.T) {
		if _, err := Seal(good, nil, w.recipients(), nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("Seal: %v", err)
		}
	})
	t.Run("batch sealed plain", func(t *testing.T) {
		if _, err := SealPlain(good, nil, w.a); !errors.Is(err, ErrInvalid) {
			t.Fatalf("SealPlain: %v", err)
		}
	})
	t.Run("join payload above its limit", func(t *testing.T) {
		if _, err := SealPlain(joinHeader(w.a), make([]byte, MaxPlainPayload+1), w.a); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("SealPlain: %v", err)
		}
	})
	t.Run("header of a newer format on disk", func(t *testing.T) {
		h := prepared(t, good, w.a)
		h.Format = 2
		hb, _ := encodeHeader(h)
		if _, err := decodeHeader(hb); !errors.Is(err, ErrVersion) {
			t.Fatalf("decodeHeader: %v, want ErrVersion", err)
		}
	})
	t.Run("header with an unknown field", func(t *testing.T) {
		hb, _ := encodeHeader(prepared(t, good, w.a))
		hb = append([]byte(`{"extra":1,`), hb[1:]...)
		if _, err := decodeHeader(hb); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("decodeHeader: %v, want ErrCorrupt", err)
		}
	})
	t.Run("header with data after it", func(t *testing.T) {
		hb, _ := encodeHeader(prepared(t, good, w.a))
		if _, err := decodeHeader(append(hb, []byte(" {}")...)); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("decodeHeader: %v, want ErrCorrupt", err)
		}
	})
}

func TestJoinFiles(t *testing.T) {
	w := newWorld(t)
	payload := []byte(`{"sign":"...","age":"age1..."}`)
	data, err := SealPlain(joinHeader(w.c), payload, w.c)
	if err != nil {
		t.Fatal(err)
	}
	h, claimed, err := PeekPlain(data)
	if err != nil || !bytes.Equal(claimed, payload) || h.Laptop != w.c.LaptopID {
		t.Fatalf("PeekPlain: %+v, %q, %v", h, claimed, err)
	}
	h, got, err := OpenPlain(data, w.c.Public().Sign)
	if err != nil || !bytes.Equal(got, payload) || h.Kind != KindJoin || h.Seq != 0 {
		t.Fatalf("OpenPlain: %+v, %q, %v", h, got, err)
	}
	cases := []struct {
		name string
		data []byte
		pub  ed25519.PublicKey
		want error
	}{
		{"signed by another key", data, w.a.Public().Sign, ErrBadSignature},
		{"payload changed", bytes.Replace(data, []byte("age1..."), []byte("age1!!!"), 1), w.c.Public().Sign, ErrBadSignature},
		{"an encrypted file", w.mustSeal(t, w.a, 1, nil), w.a.Public().Sign, ErrNotEnvelope},
		{"no key", data, nil, ErrInvalid},
		{"bytes after the end", append(bytes.Clone(data), '\n'), w.c.Public().Sign, ErrCorrupt},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, got, err := OpenPlain(tc.data, tc.pub)
			if !errors.Is(err, tc.want) || got != nil || h != (Header{}) {
				t.Fatalf("OpenPlain: %v, want %v", err, tc.want)
			}
		})
	}
	if _, _, err := PeekPlain(w.mustSeal(t, w.a, 1, nil)); !errors.Is(err, ErrNotEnvelope) {
		t.Fatalf("PeekPlain of an encrypted file: %v", err)
	}
}

// A roster is signed only: a laptop reads it before it holds the team key, and it cannot be
// sealed with encryption by mistake.
func TestRosterIsSignedNotEncrypted(t *testing.T) {
	w := newWorld(t)
	h := Header{Kind: KindRoster, TeamID: testTeam, Seq: 2, Name: "roster-000000000002.icm", Created: testNow}
	data, err := SealPlain(h, []byte(`{"version":2}`), w.a)
	if err != nil {
		t.Fatal(err)
	}
	got, payload, err := OpenPlain(data, w.a.Public().Sign)
	if err != nil || got.Kind != KindRoster || got.Seq != 2 || string(payload) != `{"version":2}` {
		t.Fatalf("OpenPlain: %+v, %q, %v", got, payload, err)
	}
	if _, _, err := OpenPlain(data, w.b.Public().Sign); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("OpenPlain with another key: %v", err)
	}
	if _, err := Seal(h, []byte("x"), w.recipients(), w.a); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Seal of a roster: %v, want ErrInvalid", err)
	}
}
