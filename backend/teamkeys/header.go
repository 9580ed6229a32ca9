package teamkeys

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// HeaderFormat is the only Header.Format this package writes and reads.
const HeaderFormat = 1

// Kinds of team-folder file, as in Header.Kind.
const (
	KindBatch    = "batch"
	KindSnapshot = "snapshot"
	KindRoster   = "roster"
	KindKey      = "key"
	KindJoin     = "join"
)

// Limits on header fields, so a header always fits in MaxHeader.
const (
	maxTeamID = 64
	maxName   = 128
)

// Header is the plaintext, signed beginning of every team-folder file. It tells a reader who
// wrote the file and where it belongs before anything is decrypted; it holds no personal data.
type Header struct {
	// Format is the header's version: HeaderFormat (Seal fills it in when zero).
	Format int `json:"format"`
	// Kind is one of KindBatch, KindSnapshot, KindRoster, KindKey, KindJoin.
	Kind string `json:"kind"`
	// TeamID is the team the file belongs to (as in icm-team.json).
	TeamID string `json:"team"`
	// Laptop is the writer's laptop id (Seal fills it in from the signer when empty).
	Laptop string `json:"laptop"`
	// Seq is the batch, snapshot or roster number; 0 for key and join files.
	Seq uint64 `json:"seq"`
	// Name is the file name the file must be stored under; a reader compares it with the
	// name it found (Expect), so that a renamed file is refused.
	Name string `json:"name"`
	// Created is when the file was sealed (UTC).
	Created time.Time `json:"created"`
}

// Expect checks an opened file's header against where it was found: the team folder's team
// id, the laptop folder it lies in and its file name. A file copied from another team, moved
// to another laptop's folder or renamed (say batch 7 renamed to batch 8) is refused with
// ErrMisplaced. An empty argument is not checked.
func (h Header) Expect(teamID, laptop, name string) error {
	switch {
	case teamID != "" && h.TeamID != teamID:
		return fmt.Errorf("%w: written for another team", ErrMisplaced)
	case laptop != "" && h.Laptop != laptop:
		return fmt.Errorf("%w: written by laptop %s, found in the folder of %s", ErrMisplaced, h.Laptop, laptop)
	case name != "" && h.Name != name:
		return fmt.Errorf("%w: written as %q, found as %q", ErrMisplaced, h.Name, name)
	}
	return nil
}

// plainKind reports whether files of kind travel unencrypted and only signed: join requests
// hold only public keys, and a roster must be readable by a laptop before it holds the team
// key (the team keys inside it are encrypted to each member separately).
func plainKind(kind string) bool { return kind == KindJoin || kind == KindRoster }

// validate reports the first field that a written header may not have.
func (h Header) validate() error {
	if h.Format != HeaderFormat {
		return fmt.Errorf("header format %d", h.Format)
	}
	switch h.Kind {
	case KindBatch, KindSnapshot, KindRoster:
	case KindKey, KindJoin:
		if h.Seq != 0 {
			return fmt.Errorf("a %s file has no number, got %d", h.Kind, h.Seq)
		}
	default:
		return fmt.Errorf("unknown kind %q", h.Kind)
	}
	if !safeToken(h.TeamID, maxTeamID) {
		return fmt.Errorf("team id must be 1-%d letters, digits, '-', '_' or '.'", maxTeamID)
	}
	if !ValidLaptopID(h.Laptop) {
		return fmt.Errorf("laptop id is not 32 lowercase hex characters")
	}
	if !safeToken(h.Name, maxName) || h.Name == "." || h.Name == ".." {
		return fmt.Errorf("file name must be 1-%d letters, digits, '-', '_' or '.'", maxName)
	}
	if h.Created.IsZero() || h.Created.Year() < 2000 || h.Created.Year() > 9999 {
		return fmt.Errorf("created time missing or out of range")
	}
	return nil
}

// safeToken reports whether s is 1 to max ASCII letters, digits, '-', '_' and '.': a string
// that is the same on every file system and cannot name a path.
func safeToken(s string, max int) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}

// prepare completes a header for sealing by signer and checks it.
func prepare(h Header, signer *LaptopKeys, plain bool) (Header, error) {
	if h.Format == 0 {
		h.Format = HeaderFormat
	}
	if h.Laptop == "" {
		h.Laptop = signer.LaptopID
	}
	if h.Laptop != signer.LaptopID {
		return Header{}, fmt.Errorf("%w: header names laptop %s, signer is %s", ErrInvalid, h.Laptop, signer.LaptopID)
	}
	h.Created = h.Created.UTC()
	if err := h.validate(); err != nil {
		return Header{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if plainKind(h.Kind) != plain {
		if plain {
			return Header{}, fmt.Errorf("%w: only join requests and rosters are sealed without encryption", ErrInvalid)
		}
		return Header{}, fmt.Errorf("%w: join requests and rosters are signed only, with SealPlain", ErrInvalid)
	}
	return h, nil
}

// encodeHeader is the header's bytes in the envelope: compact JSON.
func encodeHeader(h Header) ([]byte, error) {
	b, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrInvalid, err)
	}
	if len(b) > MaxHeader {
		return nil, fmt.Errorf("%w: header of %d bytes", ErrInvalid, len(b))
	}
	return b, nil
}

// decodeHeader reads a header strictly: one JSON object with known fields only and nothing
// after it, of a format this code reads, with every field in range.
func decodeHeader(b []byte) (Header, error) {
	var h Header
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return Header{}, fmt.Errorf("%w: header: %v", ErrCorrupt, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Header{}, fmt.Errorf("%w: data after the header", ErrCorrupt)
	}
	if h.Format != HeaderFormat {
		return Header{}, fmt.Errorf("%w: header format %d", ErrVersion, h.Format)
	}
	if err := h.validate(); err != nil {
		return Header{}, fmt.Errorf("%w: header: %v", ErrCorrupt, err)
	}
	h.Created = h.Created.UTC()
	return h, nil
}
