package backup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"

	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

// Written is the outcome of an encrypted backup.
type Written struct {
	Check
	Path  string
	Bytes int64 // size of the encrypted file
}

// WriteEncrypted writes an encrypted backup of the open database to dest. The plaintext
// snapshot is made in the private backup folder beside the database, never in dest's
// folder (which may be a USB stick or a network share), and deleted afterwards. The
// encrypted file is written under a temporary name, read back and decrypted to check that
// it gives the snapshot's exact bytes, fsynced and renamed into place.
func WriteEncrypted(ctx context.Context, st *store.Store, dest, passphrase string, progress Progress) (Written, error) {
	if err := crypt.CheckPassphrase(passphrase); err != nil {
		return Written{}, err
	}
	dir := Dir(st.Path())
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		// Made only to hold the snapshot: taken away again when it is empty (os.Remove
		// leaves a folder that holds anything), so that a backup leaves no folder behind.
		defer os.Remove(dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "backup folder", err)
	}
	plain, err := freshName(dir, ".manual-*.db")
	if err != nil {
		return Written{}, err
	}
	defer os.Remove(plain)
	progress.report(PhaseSnapshot, 0, -1)
	check, err := Snapshot(ctx, st, plain)
	if err != nil {
		return Written{}, err
	}
	want, err := fileHash(plain)
	if err != nil {
		return Written{}, err
	}

	destDir := filepath.Dir(dest)
	f, err := os.CreateTemp(destDir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "create backup file", err).With("path", dest)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp)
		}
	}()
	_ = f.Chmod(0o600)
	in, err := os.Open(plain)
	if err != nil {
		_ = f.Close()
		return Written{}, domain.Wrap(domain.CodeInternal, "open snapshot", err)
	}
	err = crypt.Seal(f, in, passphrase, crypt.KindBackup, func(done, total int64) {
		progress.report(PhaseEncrypt, done, total)
	})
	_ = in.Close()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = domain.Wrap(domain.CodeWriteFailed, "close backup file", cerr)
	}
	if err != nil {
		return Written{}, err
	}

	// Read back what reached the disk: a bad USB stick is found now, not on the day of need.
	sealed, err := os.Open(tmp)
	if err != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "reopen backup file", err)
	}
	h := sha256.New()
	_, err = crypt.Open(h, sealed, passphrase, crypt.KindBackup, func(done, total int64) {
		progress.report(PhaseVerify, done, total)
	})
	fi, serr := sealed.Stat()
	_ = sealed.Close()
	if err != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "the written backup does not read back", err)
	}
	if !bytes.Equal(h.Sum(nil), want) {
		return Written{}, domain.E(domain.CodeWriteFailed, "the written backup reads back different")
	}
	if serr != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "stat backup file", serr)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return Written{}, domain.Wrap(domain.CodeWriteFailed, "rename backup file", err).With("path", dest)
	}
	ok = true
	if err := syncDir(destDir); err != nil {
		return Written{}, err
	}
	return Written{Check: check, Path: dest, Bytes: fi.Size()}, nil
}

func fileHash(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "open snapshot", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "read snapshot", err)
	}
	return h.Sum(nil), nil
}
