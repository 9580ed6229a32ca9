package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"filippo.io/age"
)

// KeyFileFormat names the laptop key file's format in its "format" field.
const KeyFileFormat = "icm-laptop-key"

// KeyFileVersion is the version of the laptop key file this package writes and reads.
const KeyFileVersion = 1

// maxKeyFile bounds what LoadLaptopKeys reads: a key file is about 400 bytes.
const maxKeyFile = 16 << 10

// keyFile is the laptop key file on disk. The public halves are stored too so that a
// damaged secret is noticed on load instead of producing signatures nobody can verify.
type keyFile struct {
	Format       string `json:"format"`
	Version      int    `json:"version"`
	LaptopID     string `json:"laptopId"`
	SignSeed     string `json:"signSeed"`
	SignPublic   string `json:"signPublic"`
	AgeIdentity  string `json:"ageIdentity"`
	AgeRecipient string `json:"ageRecipient"`
}

// SaveLaptopKeys writes k to a new key file at path, readable only by the user (0600). It
// writes a temporary file beside path, flushes it to disk and only then gives it its name,
// so a crash leaves either no key file or a whole one. It never replaces an existing file
// (ErrKeyFileExists): the laptop's enrollment is bound to its keys, and losing them would
// orphan the laptop.
func SaveLaptopKeys(path string, k *LaptopKeys) error {
	if err := k.check(); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%w: %s", ErrKeyFileExists, path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("laptop key file: %w", err)
	}
	pub := k.Public()
	data, err := json.MarshalIndent(keyFile{
		Format:       KeyFileFormat,
		Version:      KeyFileVersion,
		LaptopID:     k.LaptopID,
		SignSeed:     base64.StdEncoding.EncodeToString(k.Sign.Seed()),
		SignPublic:   base64.StdEncoding.EncodeToString(pub.Sign),
		AgeIdentity:  k.Age.String(),
		AgeRecipient: pub.Age,
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("laptop key file: %w", err)
	}
	data = append(data, '\n')

	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*") // created 0600
	if err != nil {
		return fmt.Errorf("laptop key file: %w", err)
	}
	tmpName := tmp.Name()
	defer func() { _ = os.Remove(tmpName) }()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("laptop key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("laptop key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("laptop key file: %w", err)
	}
	if err := placeNew(tmpName, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// placeNew gives the finished temporary file its final name without ever replacing a file
// there. A hard link does that atomically (it fails when the name exists, where a rename
// would silently replace it); on a file system without hard links it falls back to a
// rename after one more check.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w: %s", ErrKeyFileExists, path)
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fmt.Errorf("%w: %s", ErrKeyFileExists, path)
	}
	if rerr := os.Rename(tmp, path); rerr != nil {
		return fmt.Errorf("laptop key file: %w", rerr)
	}
	return nil
}

// syncDir makes the new name durable. Windows cannot open a folder for fsync; NTFS journals
// the name itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("laptop key file: folder fsync: %w", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("laptop key file: folder fsync: %w", err)
	}
	return nil
}

// LoadLaptopKeys reads a key file SaveLaptopKeys wrote. A file that is not one, is damaged
// or whose halves do not match is refused with ErrKeyFile; a newer version with ErrVersion.
// A missing file gives an error that matches fs.ErrNotExist.
func LoadLaptopKeys(path string) (*LaptopKeys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("laptop key file: %w", err)
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("laptop key file: %w", err)
	}
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrKeyFile, maxKeyFile)
	}
	return parseKeyFile(data)
}

func parseKeyFile(data []byte) (*LaptopKeys, error) {
	var kf keyFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&kf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyFile, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the key file's object", ErrKeyFile)
	}
	if kf.Format != KeyFileFormat {
		return nil, fmt.Errorf("%w: format is %q, not %q", ErrKeyFile, kf.Format, KeyFileFormat)
	}
	if kf.Version != KeyFileVersion {
		return nil, fmt.Errorf("%w: laptop key file version %d", ErrVersion, kf.Version)
	}
	if !ValidLaptopID(kf.LaptopID) {
		return nil, fmt.Errorf("%w: laptop id", ErrKeyFile)
	}
	seed, err := base64.StdEncoding.Strict().DecodeString(kf.SignSeed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: signing key", ErrKeyFile)
	}
	sign := ed25519.NewKeyFromSeed(seed)
	signPub, err := base64.StdEncoding.Strict().DecodeString(kf.SignPublic)
	if err != nil || !bytes.Equal(signPub, sign.Public().(ed25519.PublicKey)) {
		return nil, fmt.Errorf("%w: signing key does not match its public half", ErrKeyFile)
	}
	ident, err := age.ParseX25519Identity(kf.AgeIdentity)
	if err != nil {
		return nil, fmt.Errorf("%w: age identity", ErrKeyFile)
	}
	if ident.Recipient().String() != kf.AgeRecipient {
		return nil, fmt.Errorf("%w: age identity does not match its recipient", ErrKeyFile)
	}
	return &LaptopKeys{LaptopID: kf.LaptopID, Sign: sign, Age: ident}, nil
}
