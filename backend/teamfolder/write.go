package teamfolder

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"icm/backend/domain"
)

// The folder's files are encrypted and signed, so colleagues' accounts on a shared mount may
// read them; only the writer may change them.
const (
	dirMode  fs.FileMode = 0o755
	fileMode fs.FileMode = 0o644
)

// WriteOwn writes name into laptops/<me>/ once: name must be one that ParseName accepts, and
// a file of that name must not exist (ErrExists). The bytes go to <name>.tmp in the same
// folder, are flushed to disk, and only then renamed to name, and the rename itself is
// flushed: a crash or a sync client copying at any moment sees either no file of that name or
// the whole file. A <name>.tmp left by an earlier crash is replaced.
func (f *Folder) WriteOwn(name string, data []byte) error {
	if _, ok := ParseName(name); !ok {
		return domain.Wrap(domain.CodeInvalidInput, "own file name "+strconv.Quote(name), ErrBadName)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return writeAtomic(f.ownDir(), name, data, false)
}

// WriteJoin writes this laptop's enrolment request, join/<me>.icmjoin, with the same atomic
// write as WriteOwn; it replaces the laptop's earlier request.
func (f *Folder) WriteJoin(data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	dir := filepath.Join(f.Root, JoinDir)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "make join folder", err)
	}
	return writeAtomic(dir, JoinName(f.Laptop), data, true)
}

// RemoveJoin removes this laptop's enrolment request once it is enrolled; no request is fine.
func (f *Folder) RemoveJoin() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return removeSynced(filepath.Join(f.Root, JoinDir), JoinName(f.Laptop))
}

// RemoveOwn removes one of this laptop's own files (a citizen's key file at the end of
// retention, batches a snapshot made unneeded). A file that is not there is no error.
func (f *Folder) RemoveOwn(name string) error {
	if _, ok := ParseName(name); !ok {
		return domain.Wrap(domain.CodeInvalidInput, "own file name "+strconv.Quote(name), ErrBadName)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return removeSynced(f.ownDir(), name)
}

func removeSynced(dir, name string) error {
	err := os.Remove(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "remove team folder file", err)
	}
	return syncDir(dir)
}

// writeAtomic puts data in dir/name through dir/name.tmp. With replace false an existing
// dir/name is refused; this laptop is the only writer of its folder, and f.mu keeps its own
// writes apart, so nothing else can create the name between the check and the rename.
func writeAtomic(dir, name string, data []byte, replace bool) error {
	if len(data) == 0 {
		return domain.Wrap(domain.CodeInvalidInput, "an empty file would look like a placeholder", ErrIncomplete)
	}
	if int64(len(data)) > maxSize {
		return domain.Wrap(domain.CodeFileTooLarge, "team folder file", ErrTooLarge).
			With("max", strconv.FormatInt(maxSize>>20, 10))
	}
	final := filepath.Join(dir, name)
	if !replace {
		if _, err := os.Lstat(final); err == nil {
			return domain.Wrap(domain.CodeWriteFailed, "team folder file "+strconv.Quote(name), ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return domain.Wrap(domain.CodeWriteFailed, "team folder file", err)
		}
	}
	tmp, err := writeTemp(dir, name, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Remove(tmp)
		return domain.Wrap(domain.CodeWriteFailed, "rename into place", err)
	}
	return syncDir(dir)
}

// writeTemp writes data to dir/name.tmp and flushes it: the first half of writeAtomic, which
// tests stop after to see what a crash leaves.
func writeTemp(dir, name string, data []byte) (string, error) {
	tmp := filepath.Join(dir, name+tmpSuffix)
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", domain.Wrap(domain.CodeWriteFailed, "remove stale temporary file", err)
	}
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return "", domain.Wrap(domain.CodeWriteFailed, "create temporary file", err)
	}
	_, err = out.Write(data)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return "", domain.Wrap(domain.CodeWriteFailed, "write temporary file", err)
	}
	return tmp, nil
}

// syncDir makes a rename or removal in dir durable. Windows cannot open a folder for fsync;
// NTFS journals the rename itself. Some network and FAT file systems refuse a folder fsync:
// that is not an error the caller can act on, so it is ignored there as well.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return domain.Wrap(domain.CodeWriteFailed, "open folder for fsync", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil && !isUnsupported(err) {
		return domain.Wrap(domain.CodeWriteFailed, "fsync folder", err)
	}
	return nil
}

// caseInsensitiveFS reports systems whose usual file systems ignore the case of names.
func caseInsensitiveFS() bool { return runtime.GOOS == "windows" || runtime.GOOS == "darwin" }
