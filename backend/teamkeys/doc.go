// Package teamkeys holds the cryptography of the team folder: each laptop's keys, the
// envelope every team-folder file is wrapped in, and the per-citizen data keys that make
// crypto-shredding possible. It knows nothing of files in the folder or of SQL; the byte
// formats are in docs/file-formats.md, section "Team folder".
//
// A laptop has an ed25519 signing key and an age X25519 identity ([LaptopKeys]), kept in a
// small file beside its database ([SaveLaptopKeys], [LoadLaptopKeys]), never in the folder.
//
// An envelope ([Seal], [Open]) is a short binary frame: magic, version, a mode byte, a
// plaintext JSON [Header] that names the file's kind, team, writer, number and file name, the
// payload encrypted with age to the team's recipients, and an Ed25519ph signature by the
// writer over every byte before it, under a context string that is used for nothing else.
// [Open] checks the frame and the signature before it decrypts anything, so a flipped byte, a
// cut-short file, bytes added at the end or a file signed by anyone but its named writer is
// refused without touching age. Join requests ([SealPlain], [OpenPlain]) are the same frame
// with a plaintext payload.
//
// Citizen data inside a batch is sealed once more with the citizen's own [DataKey]
// (XChaCha20-Poly1305, [SealData], [OpenData]); forgetting that key makes every copy of the
// data unreadable.
//
// Every failure is one of the sentinel errors below, wrapped with detail; callers use
// errors.Is.
package teamkeys

import "errors"

// Sentinel errors. Every error the package returns wraps exactly one of them.
var (
	// ErrTruncated: the data ends before the frame does (a file still being synced, an
	// empty placeholder, a cut-short copy).
	ErrTruncated = errors.New("teamkeys: file is cut short")
	// ErrNotEnvelope: the data does not begin with the envelope's magic, or is of the other
	// mode (a plain join file given to Open, an encrypted one to OpenPlain).
	ErrNotEnvelope = errors.New("teamkeys: not a team-folder file")
	// ErrVersion: a frame or header version this code does not read (a newer app wrote it).
	ErrVersion = errors.New("teamkeys: unsupported format version")
	// ErrUnknownSigner: the writer named in the header is not enrolled (or its key is unusable).
	ErrUnknownSigner = errors.New("teamkeys: signed by an unknown laptop")
	// ErrRevokedSigner: a correctly signed file whose number is at or after its writer's
	// revocation.
	ErrRevokedSigner = errors.New("teamkeys: signed by a revoked laptop")
	// ErrBadSignature: the signature does not verify under the named writer's key: the file
	// was changed, or someone else wrote it.
	ErrBadSignature = errors.New("teamkeys: signature does not verify")
	// ErrNotRecipient: a correctly signed file that was not encrypted to this laptop.
	ErrNotRecipient = errors.New("teamkeys: not encrypted to this laptop")
	// ErrCorrupt: the frame is malformed (bad lengths, bad header, bytes after the end), or
	// authenticated data does not decrypt.
	ErrCorrupt = errors.New("teamkeys: file is damaged")
	// ErrInvalid: a caller's argument cannot be used (a header without a name, no
	// recipients, a malformed key).
	ErrInvalid = errors.New("teamkeys: invalid argument")
	// ErrTooLarge: a payload above MaxPayload.
	ErrTooLarge = errors.New("teamkeys: payload too large")
	// ErrMisplaced: a correctly opened file whose header names another team, writer or file
	// name than where it was found (a renamed or moved file).
	ErrMisplaced = errors.New("teamkeys: file is not where its header says it belongs")
	// ErrKeyFileExists: SaveLaptopKeys refuses to replace a laptop key file.
	ErrKeyFileExists = errors.New("teamkeys: laptop key file already exists")
	// ErrKeyFile: a laptop key file that cannot be read as one (damaged or not a key file).
	ErrKeyFile = errors.New("teamkeys: laptop key file is damaged")
)
