package teamkeys

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
)

// Magic opens every team-folder file.
const Magic = "ICM-TEAM"

// Version is the envelope's frame version, the byte after the magic.
const Version = 1

// Limits a reader enforces before it slices anything; a writer refuses to exceed them.
const (
	// MaxHeader is the largest header in bytes.
	MaxHeader = 4 << 10
	// MaxPayload is the largest encrypted payload in bytes (age ciphertext).
	MaxPayload = 1 << 30
	// MaxPlainPayload is the largest payload of a plain (join) file.
	MaxPlainPayload = 64 << 10
)

// The mode byte: how the payload is protected.
const (
	modeAge   byte = 1 // age-encrypted to the roster's recipients
	modePlain byte = 2 // plaintext (join requests)
)

// SignatureContext is the Ed25519ph context string (RFC 8032) every envelope signature is
// made under, so that a laptop's signature on an envelope can never be taken for a signature
// on anything else, nor the other way round.
const SignatureContext = "icm team folder envelope v1"

// Sizes of the frame's fixed parts: magic, version, mode, header length (2 bytes), payload
// length (4 bytes), signature.
const (
	preludeLen = len(Magic) + 1 + 1 + 2
	payLenLen  = 4
	sigLen     = ed25519.SignatureSize
)

var sigOptions = &ed25519.Options{Hash: crypto.SHA512, Context: SignatureContext}

// SignerStatus is what a roster says of a laptop, for reporting why a file was refused.
type SignerStatus int

// Signer states.
const (
	// SignerUnknown: the laptop is not in the roster.
	SignerUnknown SignerStatus = iota
	// SignerEnrolled: the laptop may write files.
	SignerEnrolled
	// SignerRevoked: the laptop's files from its revocation on are refused.
	SignerRevoked
)

// NotRevoked is the revokedFromSeq a Signers function returns for an enrolled laptop that
// has not been revoked.
const NotRevoked uint64 = 0

// Signers looks up a laptop in the roster: its public signing key, the first file number
// refused because the laptop was revoked (NotRevoked, 0, when it was not), and whether the
// laptop is known at all. Files without a number (key files, seq 0) are therefore never
// refused as revoked here; the caller decides whether a revoked laptop's key file counts.
type Signers func(laptopID string) (pub ed25519.PublicKey, revokedFromSeq uint64, ok bool)

// frame is a parsed envelope whose structure is sound; nothing in it is verified yet.
type frame struct {
	mode    byte
	header  Header
	payload []byte
	signed  []byte // every byte before the signature
	sig     []byte
}

// parseFrame checks the structure: magic, version, mode, lengths within their limits and
// within the data, exactly one signature and nothing after it, and a well-formed header. It
// slices data and allocates nothing from a length it has not checked.
func parseFrame(data []byte) (frame, error) {
	if len(data) < len(Magic) {
		if bytes.HasPrefix([]byte(Magic), data) {
			return frame{}, fmt.Errorf("%w: %d bytes", ErrTruncated, len(data))
		}
		return frame{}, ErrNotEnvelope
	}
	if string(data[:len(Magic)]) != Magic {
		return frame{}, ErrNotEnvelope
	}
	if len(data) < preludeLen {
		return frame{}, fmt.Errorf("%w: %d bytes", ErrTruncated, len(data))
	}
	if v := data[len(Magic)]; v != Version {
		return frame{}, fmt.Errorf("%w: envelope version %d", ErrVersion, v)
	}
	mode := data[len(Magic)+1]
	if mode != modeAge && mode != modePlain {
		return frame{}, fmt.Errorf("%w: unknown mode %d", ErrCorrupt, mode)
	}
	hLen := int(binary.BigEndian.Uint16(data[preludeLen-2:]))
	if hLen == 0 || hLen > MaxHeader {
		return frame{}, fmt.Errorf("%w: header length %d", ErrCorrupt, hLen)
	}
	rest := data[preludeLen:]
	if len(rest) < hLen+payLenLen {
		return frame{}, fmt.Errorf("%w: inside the header", ErrTruncated)
	}
	headerBytes := rest[:hLen]
	rest = rest[hLen:]
	pLen := uint64(binary.BigEndian.Uint32(rest))
	rest = rest[payLenLen:]
	limit := uint64(MaxPayload)
	if mode == modePlain {
		limit = MaxPlainPayload
	}
	if pLen > limit {
		return frame{}, fmt.Errorf("%w: payload length %d above %d", ErrCorrupt, pLen, limit)
	}
	if uint64(len(rest)) < pLen+sigLen {
		return frame{}, fmt.Errorf("%w: inside the payload or signature", ErrTruncated)
	}
	if uint64(len(rest)) > pLen+sigLen {
		return frame{}, fmt.Errorf("%w: %d bytes after the signature", ErrCorrupt, uint64(len(rest))-pLen-sigLen)
	}
	h, err := decodeHeader(headerBytes)
	if err != nil {
		return frame{}, err
	}
	if plainKind(h.Kind) != (mode == modePlain) {
		return frame{}, fmt.Errorf("%w: a %s file in mode %d", ErrCorrupt, h.Kind, mode)
	}
	end := len(data) - sigLen
	return frame{
		mode:    mode,
		header:  h,
		payload: data[end-int(pLen) : end],
		signed:  data[:end],
		sig:     data[end:],
	}, nil
}

// verify checks the frame's signature under pub.
func (f frame) verify(pub ed25519.PublicKey) error {
	digest := sha512.Sum512(f.signed)
	if err := ed25519.VerifyWithOptions(pub, digest[:], f.sig, sigOptions); err != nil {
		return ErrBadSignature
	}
	return nil
}

// build assembles and signs a frame.
func build(mode byte, h Header, payload []byte, signer *LaptopKeys) ([]byte, error) {
	hb, err := encodeHeader(h)
	if err != nil {
		return nil, err
	}
	limit := MaxPayload
	if mode == modePlain {
		limit = MaxPlainPayload
	}
	if len(payload) > limit {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(payload), limit)
	}
	out := make([]byte, 0, preludeLen+len(hb)+payLenLen+len(payload)+sigLen)
	out = append(out, Magic...)
	out = append(out, Version, mode)
	out = binary.BigEndian.AppendUint16(out, uint16(len(hb)))
	out = append(out, hb...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(payload)))
	out = append(out, payload...)
	digest := sha512.Sum512(out)
	sig, err := signer.Sign.Sign(nil, digest[:], sigOptions)
	if err != nil {
		return nil, fmt.Errorf("%w: sign: %v", ErrInvalid, err)
	}
	return append(out, sig...), nil
}

// Seal wraps payload in an envelope: h in plaintext, payload encrypted with age to every
// laptop in to (include the writer itself if it must read the file again), signed by
// signer. h.Format and h.Laptop are filled in when empty; h.Kind must not be KindJoin.
func Seal(h Header, payload []byte, to []PublicKeys, signer *LaptopKeys) ([]byte, error) {
	if err := signer.check(); err != nil {
		return nil, err
	}
	h, err := prepare(h, signer, false)
	if err != nil {
		return nil, err
	}
	if len(payload) > MaxPayload {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(payload), MaxPayload)
	}
	if len(to) == 0 {
		return nil, fmt.Errorf("%w: no recipients", ErrInvalid)
	}
	seen := make(map[string]bool, len(to))
	recipients := make([]age.Recipient, 0, len(to))
	for _, p := range to {
		if seen[p.Age] {
			continue
		}
		seen[p.Age] = true
		r, err := age.ParseX25519Recipient(p.Age)
		if err != nil {
			return nil, fmt.Errorf("%w: recipient %s: %v", ErrInvalid, p.LaptopID, err)
		}
		recipients = append(recipients, r)
	}
	var ct bytes.Buffer
	ct.Grow(len(payload) + len(payload)/(64<<10)*16 + 256*len(recipients) + 512)
	w, err := age.Encrypt(&ct, recipients...)
	if err != nil {
		return nil, fmt.Errorf("%w: encrypt: %v", ErrInvalid, err)
	}
	if _, err := w.Write(payload); err != nil {
		return nil, fmt.Errorf("%w: encrypt: %v", ErrInvalid, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("%w: encrypt: %v", ErrInvalid, err)
	}
	return build(modeAge, h, ct.Bytes(), signer)
}

// Open reads an envelope written for this laptop. It checks everything it can before it
// decrypts anything: the structure (ErrTruncated, ErrNotEnvelope, ErrVersion, ErrCorrupt),
// that the writer named in the header is known (ErrUnknownSigner), the signature over every
// byte before it (ErrBadSignature) and that the writer was not revoked before the file's
// number (ErrRevokedSigner). Only then is the payload decrypted (ErrNotRecipient when it was
// not encrypted to me). On any error the header is zero and the payload nil. The caller
// still checks where the file lay against the header (Header.Expect).
func Open(data []byte, signers Signers, me *LaptopKeys) (Header, []byte, error) {
	if signers == nil || me == nil || me.Age == nil {
		return Header{}, nil, fmt.Errorf("%w: Open needs a roster and this laptop's keys", ErrInvalid)
	}
	f, err := parseFrame(data)
	if err != nil {
		return Header{}, nil, err
	}
	if f.mode != modeAge {
		return Header{}, nil, fmt.Errorf("%w: a plain join file, not an encrypted one", ErrNotEnvelope)
	}
	pub, revokedFrom, ok := signers(f.header.Laptop)
	if !ok {
		return Header{}, nil, fmt.Errorf("%w: laptop %s", ErrUnknownSigner, f.header.Laptop)
	}
	if len(pub) != ed25519.PublicKeySize {
		return Header{}, nil, fmt.Errorf("%w: laptop %s has a key of %d bytes", ErrUnknownSigner, f.header.Laptop, len(pub))
	}
	if err := f.verify(pub); err != nil {
		return Header{}, nil, err
	}
	if revokedFrom != NotRevoked && f.header.Seq >= revokedFrom {
		return Header{}, nil, fmt.Errorf("%w: laptop %s, file %d, revoked from %d", ErrRevokedSigner, f.header.Laptop, f.header.Seq, revokedFrom)
	}
	r, err := age.Decrypt(bytes.NewReader(f.payload), me.Age)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return Header{}, nil, ErrNotRecipient
		}
		return Header{}, nil, fmt.Errorf("%w: decrypt: %v", ErrCorrupt, err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return Header{}, nil, fmt.Errorf("%w: decrypt: %v", ErrCorrupt, err)
	}
	return f.header, plain, nil
}

// PeekHeader returns the header of a structurally sound envelope of either mode WITHOUT
// checking its signature: only for routing a file and reporting on it, never for trusting it.
func PeekHeader(data []byte) (Header, error) {
	f, err := parseFrame(data)
	if err != nil {
		return Header{}, err
	}
	return f.header, nil
}

// SealPlain wraps a join request: h (Kind KindJoin) and payload in plaintext, signed by the
// new laptop's own key, so that the request proves the laptop holds the key it announces.
// The payload must hold public information only; it is at most MaxPlainPayload bytes.
func SealPlain(h Header, payload []byte, signer *LaptopKeys) ([]byte, error) {
	if err := signer.check(); err != nil {
		return nil, err
	}
	h, err := prepare(h, signer, true)
	if err != nil {
		return nil, err
	}
	return build(modePlain, h, payload, signer)
}

// PeekPlain returns the header and payload of a plain (join) envelope WITHOUT checking its
// signature. A join request announces the key it is signed with inside its payload: read the
// claimed key from here, then OpenPlain with it before believing anything in the request.
func PeekPlain(data []byte) (Header, []byte, error) {
	f, err := parseFrame(data)
	if err != nil {
		return Header{}, nil, err
	}
	if f.mode != modePlain {
		return Header{}, nil, fmt.Errorf("%w: an encrypted file, not a plain one", ErrNotEnvelope)
	}
	return f.header, bytes.Clone(f.payload), nil
}

// OpenPlain reads a plain (join) envelope signed with pub, checking the structure and the
// signature as Open does. On any error the header is zero and the payload nil.
func OpenPlain(data []byte, pub ed25519.PublicKey) (Header, []byte, error) {
	if len(pub) != ed25519.PublicKeySize {
		return Header{}, nil, fmt.Errorf("%w: public key of %d bytes", ErrInvalid, len(pub))
	}
	f, err := parseFrame(data)
	if err != nil {
		return Header{}, nil, err
	}
	if f.mode != modePlain {
		return Header{}, nil, fmt.Errorf("%w: an encrypted file, not a plain one", ErrNotEnvelope)
	}
	if err := f.verify(pub); err != nil {
		return Header{}, nil, err
	}
	return f.header, bytes.Clone(f.payload), nil
}
