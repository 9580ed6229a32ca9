// Package crypt seals files that leave the app (encrypted backups, handovers to another
// team) with a passphrase: AES-256-GCM under a key stretched from the passphrase with
// Argon2id, streamed in chunks so that a large database never has to fit in memory. The
// format is described in docs/file-formats.md, section "Encrypted files".
//
// A file is: a prefix (magic, format version, header with the kind of file, the Argon2id
// cost, salt, base nonce, creation time and chunk size), an HMAC of the prefix under a key
// derived from the passphrase that tells a wrong passphrase before any chunk is read, a
// SHA-256 checksum of both that tells a damaged beginning from a wrong passphrase, and
// then the chunks. Every chunk is sealed under a nonce made from the base nonce and the
// chunk's number, with the prefix, the number and a final-chunk flag as additional data, so
// that a changed, reordered, cut short or lengthened file does not open.
package crypt

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strconv"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"icm/backend/domain"
)

// Magic opens every encrypted ICM file.
const Magic = "ICMCRYPT"

// FormatVersion is the version of the format this package writes; it reads this and older.
const FormatVersion = 1

// DefaultChunkSize is the plaintext size of every chunk but the last.
const DefaultChunkSize = 1 << 20

// MinPassphrase is the fewest characters (Unicode code points) a passphrase may have.
const MinPassphrase = 12

// Kinds of file; Open refuses a file of another kind than the one asked for.
const (
	KindBackup   = "icm-backup"
	KindHandover = "icm-handover"
)

const (
	saltLen     = 16
	nonceLen    = 12
	tagLen      = 16
	sumLen      = sha256.Size
	maxKindLen  = 64
	minChunk    = 1 << 10
	maxChunk    = 16 << 20
	fixedPrefix = len(Magic) + 1 + 2 // magic, version, header length
)

// Params is the Argon2id cost of deriving the key.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// Default is the cost for new files: 64 MiB and 3 passes (RFC 9106's second
// recommendation), well under a second on a municipal laptop. Tests lower it.
var Default = Params{MemoryKiB: 64 * 1024, Time: 3, Threads: 4}

// Limits on the cost a file may ask for, so that a crafted file cannot make Open allocate
// gigabytes or run for hours.
const (
	maxMemoryKiB = 1 << 20 // 1 GiB
	maxTime      = 20
	maxThreads   = 16
)

// Header is what the file says about itself before it is opened.
type Header struct {
	Version   int
	Kind      string
	Params    Params
	Created   time.Time // UTC, to the second
	ChunkSize int
	salt      []byte
	nonce     []byte
}

// Progress is told how many bytes of the input have been read and how many there are in
// all (-1 when the input's size is unknown). It is called after every chunk.
type Progress func(done, total int64)

// now is the clock of the created-at stamp; tests fix it.
var now = time.Now

// Seal encrypts everything read from r into w as a file of the given kind.
func Seal(w io.Writer, r io.Reader, passphrase, kind string, progress Progress) error {
	return seal(w, r, passphrase, kind, Default, DefaultChunkSize, progress)
}

func seal(w io.Writer, r io.Reader, passphrase, kind string, p Params, chunkSize int, progress Progress) error {
	if err := CheckPassphrase(passphrase); err != nil {
		return err
	}
	return sealKeyed(w, r, normalized(passphrase), kind, p, chunkSize, progress)
}

// sealKeyed seals with the passphrase as it is given (keys applies NFC only).
func sealKeyed(w io.Writer, r io.Reader, passphrase, kind string, p Params, chunkSize int, progress Progress) error {
	if kind == "" || len(kind) > maxKindLen {
		return domain.E(domain.CodeInternal, "crypt: bad kind")
	}
	h := Header{Version: FormatVersion, Kind: kind, Params: p, Created: now().UTC().Truncate(time.Second),
		ChunkSize: chunkSize, salt: make([]byte, saltLen), nonce: make([]byte, nonceLen)}
	if _, err := rand.Read(h.salt); err != nil {
		return domain.Wrap(domain.CodeInternal, "crypt: random salt", err)
	}
	if _, err := rand.Read(h.nonce); err != nil {
		return domain.Wrap(domain.CodeInternal, "crypt: random nonce", err)
	}
	prefix := h.marshal()
	aead, macKey, err := keys(passphrase, h)
	if err != nil {
		return err
	}
	check := keyCheck(macKey, prefix)
	sum := checksum(prefix, check)
	out := bufio.NewWriterSize(w, 64<<10)
	for _, b := range [][]byte{prefix, check, sum} {
		if _, err := out.Write(b); err != nil {
			return writeErr(err)
		}
	}

	total := sizeOf(r)
	in := bufio.NewReaderSize(r, 64<<10)
	plain := make([]byte, chunkSize)
	sealed := make([]byte, 0, chunkSize+tagLen)
	var done int64
	for counter := uint64(0); ; counter++ {
		n, err := io.ReadFull(in, plain)
		final := false
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			final = true
		case err != nil:
			return domain.Wrap(domain.CodeInternal, "crypt: read input", err)
		default:
			if _, perr := in.Peek(1); perr == io.EOF {
				final = true
			} else if perr != nil {
				return domain.Wrap(domain.CodeInternal, "crypt: read input", perr)
			}
		}
		sealed = aead.Seal(sealed[:0], chunkNonce(h.nonce, counter), plain[:n], chunkAAD(prefix, counter, final))
		if _, err := out.Write(sealed); err != nil {
			return writeErr(err)
		}
		done += int64(n)
		if progress != nil {
			progress(done, total)
		}
		if final {
			break
		}
	}
	return writeErr(out.Flush())
}

// Open decrypts a file of the given kind from r into w and returns its header. Chunks are
// written to w as each one is verified, so on an error w may hold a verified beginning of
// the content: write to a temporary file and discard it unless Open returns nil.
func Open(w io.Writer, r io.Reader, passphrase, kind string, progress Progress) (Header, error) {
	total := sizeOf(r)
	in := bufio.NewReaderSize(r, 64<<10)
	h, prefix, check, err := readHeader(in)
	if err != nil {
		return h, err
	}
	if h.Kind != kind {
		return h, domain.E(domain.CodeWrongFileKind, "crypt: another kind of file").With("kind", h.Kind)
	}
	aead, macKey, err := keys(normalized(passphrase), h)
	if err != nil {
		return h, err
	}
	if !hmac.Equal(check, keyCheck(macKey, prefix)) && normalized(passphrase) != norm.NFC.String(passphrase) {
		// Sealed before passphrases were trimmed: spaces at the ends may be part of the key.
		if aead, macKey, err = keys(passphrase, h); err != nil {
			return h, err
		}
	}
	if !hmac.Equal(check, keyCheck(macKey, prefix)) {
		return h, domain.E(domain.CodeWrongPassphrase, "crypt: wrong passphrase")
	}

	done := int64(len(prefix) + 2*sumLen)
	sealed := make([]byte, h.ChunkSize+tagLen)
	plain := make([]byte, 0, h.ChunkSize)
	for counter := uint64(0); ; counter++ {
		n, err := io.ReadFull(in, sealed)
		final := false
		switch {
		case err == io.EOF:
			return h, damaged("the final chunk is missing", nil)
		case err == io.ErrUnexpectedEOF:
			final = true
		case err != nil:
			return h, domain.Wrap(domain.CodeInternal, "crypt: read file", err)
		default:
			if _, perr := in.Peek(1); perr == io.EOF {
				final = true
			} else if perr != nil {
				return h, domain.Wrap(domain.CodeInternal, "crypt: read file", perr)
			}
		}
		if n < tagLen {
			return h, damaged("chunk shorter than its tag", nil)
		}
		plain, err = aead.Open(plain[:0], chunkNonce(h.nonce, counter), sealed[:n], chunkAAD(prefix, counter, final))
		if err != nil {
			return h, damaged("chunk "+strconv.FormatUint(counter, 10)+" does not authenticate", err)
		}
		if _, err := w.Write(plain); err != nil {
			return h, writeErr(err)
		}
		done += int64(n)
		if progress != nil {
			progress(done, total)
		}
		if final {
			return h, nil
		}
	}
}

// ReadHeader reads what a file says about itself without the passphrase, e.g. to show its
// kind and date before asking for the passphrase. Nothing in it is verified yet but the
// checksum, which catches accidental damage only.
func ReadHeader(r io.Reader) (Header, error) {
	h, _, _, err := readHeader(bufio.NewReader(r))
	return h, err
}

// readHeader reads the prefix, the key check and the checksum over both, and parses the
// header once the checksum holds.
func readHeader(in *bufio.Reader) (h Header, prefix, check []byte, err error) {
	fixed := make([]byte, fixedPrefix)
	if n, err := io.ReadFull(in, fixed); err != nil || string(fixed[:len(Magic)]) != Magic {
		if n >= len(Magic) && string(fixed[:len(Magic)]) == Magic {
			return h, nil, nil, damaged("cut short in the header", err)
		}
		return h, nil, nil, domain.E(domain.CodeNotEncrypted, "crypt: not an encrypted ICM file")
	}
	h.Version = int(fixed[len(Magic)])
	if h.Version > FormatVersion {
		return h, nil, nil, domain.E(domain.CodeFileNewer, "crypt: written by a newer version").
			With("version", strconv.Itoa(h.Version))
	}
	if h.Version < 1 {
		return h, nil, nil, damaged("format version 0", nil)
	}
	hlen := int(binary.BigEndian.Uint16(fixed[len(Magic)+1:]))
	rest := make([]byte, hlen+2*sumLen)
	if _, err := io.ReadFull(in, rest); err != nil {
		return h, nil, nil, damaged("cut short in the header", err)
	}
	prefix = append(fixed, rest[:hlen]...)
	check = rest[hlen : hlen+sumLen]
	if !bytes.Equal(checksum(prefix, check), rest[hlen+sumLen:]) {
		return h, nil, nil, damaged("header checksum", nil)
	}
	if err := h.unmarshal(rest[:hlen]); err != nil {
		return h, nil, nil, err
	}
	return h, prefix, check, nil
}

// checksum is SHA-256 over the prefix and the key check: it tells accidental damage there
// from a wrong passphrase. It protects against nothing deliberate; the AEAD does that.
func checksum(prefix, check []byte) []byte {
	h := sha256.New()
	h.Write(prefix)
	h.Write(check)
	return h.Sum(nil)
}

// marshal is the prefix: magic, version, header length and header, all big-endian.
func (h Header) marshal() []byte {
	var hb []byte
	hb = append(hb, byte(len(h.Kind)))
	hb = append(hb, h.Kind...)
	hb = binary.BigEndian.AppendUint32(hb, h.Params.MemoryKiB)
	hb = binary.BigEndian.AppendUint32(hb, h.Params.Time)
	hb = append(hb, h.Params.Threads)
	hb = append(hb, h.salt...)
	hb = append(hb, h.nonce...)
	hb = binary.BigEndian.AppendUint64(hb, uint64(h.Created.Unix()))
	hb = binary.BigEndian.AppendUint32(hb, uint32(h.ChunkSize))
	out := append([]byte(Magic), byte(h.Version))
	out = binary.BigEndian.AppendUint16(out, uint16(len(hb)))
	return append(out, hb...)
}

func (h *Header) unmarshal(b []byte) error {
	if len(b) < 1 {
		return damaged("empty header", nil)
	}
	klen := int(b[0])
	if klen == 0 || klen > maxKindLen || len(b) != 1+klen+4+4+1+saltLen+nonceLen+8+4 {
		return damaged("header length", nil)
	}
	h.Kind, b = string(b[1:1+klen]), b[1+klen:]
	h.Params.MemoryKiB, b = binary.BigEndian.Uint32(b), b[4:]
	h.Params.Time, b = binary.BigEndian.Uint32(b), b[4:]
	h.Params.Threads, b = b[0], b[1:]
	h.salt, b = bytes.Clone(b[:saltLen]), b[saltLen:]
	h.nonce, b = bytes.Clone(b[:nonceLen]), b[nonceLen:]
	h.Created, b = time.Unix(int64(binary.BigEndian.Uint64(b)), 0).UTC(), b[8:]
	h.ChunkSize = int(binary.BigEndian.Uint32(b))
	p := h.Params
	if p.MemoryKiB < 8*uint32(max(p.Threads, 1)) || p.MemoryKiB > maxMemoryKiB || p.Time < 1 || p.Time > maxTime ||
		p.Threads < 1 || p.Threads > maxThreads || h.ChunkSize < minChunk || h.ChunkSize > maxChunk {
		return damaged("header values out of range", nil)
	}
	return nil
}

// keys stretches the passphrase (NFC-normalised, so that the same letters typed on another
// system give the same key) into the AES-256 key and the key of the key check.
func keys(passphrase string, h Header) (cipher.AEAD, []byte, error) {
	k := argon2.IDKey([]byte(norm.NFC.String(passphrase)), h.salt, h.Params.Time, h.Params.MemoryKiB, h.Params.Threads, 64)
	block, err := aes.NewCipher(k[:32])
	if err != nil {
		return nil, nil, domain.Wrap(domain.CodeInternal, "crypt: cipher", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, nil, domain.Wrap(domain.CodeInternal, "crypt: gcm", err)
	}
	return aead, k[32:], nil
}

func keyCheck(macKey, prefix []byte) []byte {
	m := hmac.New(sha256.New, macKey)
	m.Write([]byte("icm key check\x00"))
	m.Write(prefix)
	return m.Sum(nil)
}

// chunkNonce is the base nonce with the chunk number XORed into its last eight bytes.
func chunkNonce(base []byte, counter uint64) []byte {
	n := bytes.Clone(base)
	var c [8]byte
	binary.BigEndian.PutUint64(c[:], counter)
	for i := range c {
		n[nonceLen-8+i] ^= c[i]
	}
	return n
}

// chunkAAD binds a chunk to the file's prefix, its place and whether it is the last one.
func chunkAAD(prefix []byte, counter uint64, final bool) []byte {
	aad := make([]byte, 0, len(prefix)+9)
	aad = append(aad, prefix...)
	aad = binary.BigEndian.AppendUint64(aad, counter)
	if final {
		return append(aad, 1)
	}
	return append(aad, 0)
}

// sizeOf is the input's size when it can be known cheaply (a file, a bytes.Reader), else -1.
func sizeOf(r io.Reader) int64 {
	switch v := r.(type) {
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Size() int64 }:
		return v.Size()
	case interface{ Len() int }:
		return int64(v.Len())
	}
	return -1
}

func damaged(why string, cause error) error {
	if cause == nil {
		cause = errors.New(why)
	}
	return domain.Wrap(domain.CodeFileDamaged, "crypt: damaged file: "+why, cause)
}

func writeErr(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.Wrap(domain.CodeWriteFailed, "crypt: write", err)
}
