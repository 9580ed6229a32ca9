package teamfolder

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"icm/backend/domain"
)

// Entry is one recognised file of the team folder.
type Entry struct {
	Laptop  string    // the laptop whose folder it is in (for join files: the requesting laptop)
	Kind    string    // KindBatch, KindSnapshot, KindRoster, KindKey or KindJoin
	Seq     uint64    // batch, snapshot or roster number; 0 for key and join files
	Key     string    // the citizen uid of a key file
	Name    string    // the file's own name, without folder (what the envelope's Header.Name binds)
	Path    string    // the full path
	Size    int64     // bytes when listed
	ModTime time.Time // modification time when listed
}

// Skipped is a name List passed over, and why.
type Skipped struct {
	Path   string // the full path
	Laptop string // the laptop folder it is in ("" outside one)
	Name   string // the file or folder name
	Reason string // SkipTemporary, SkipConflicted, SkipPlaceholder, SkipUnknown or SkipNotFile
}

// kindRank orders the kinds within one laptop: what a reader needs first comes first.
var kindRank = map[string]int{KindRoster: 0, KindKey: 1, KindSnapshot: 2, KindBatch: 3, KindJoin: 4}

// List returns every laptop's recognised files (this laptop's own included) and join
// requests, sorted by laptop, kind (roster, key, snapshot, batch, join), number and key; and
// every other name it found in laptops/ and join/ with the reason it was skipped. A
// recognised file in another laptop's folder (moved or copied there) is listed under the
// folder's laptop: the envelope names its writer, and the reader refuses the mismatch.
func (f *Folder) List() ([]Entry, []Skipped, error) {
	var entries []Entry
	var skipped []Skipped
	// A team folder that is gone (a stick pulled out, a share away) is an error, never an
	// empty folder: the status says the folder cannot be reached.
	if st, err := os.Stat(f.Root); err != nil {
		return nil, nil, errors.Join(ErrNotFolder, err)
	} else if !st.IsDir() {
		return nil, nil, ErrNotFolder
	}
	laptops := filepath.Join(f.Root, LaptopsDir)
	dirs, err := os.ReadDir(laptops)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, domain.Wrap(domain.CodeWriteFailed, "read team folder", err)
	}
	for _, d := range dirs {
		path := filepath.Join(laptops, d.Name())
		if !d.IsDir() || !ValidID(d.Name()) {
			// "<id> (1)" is a folder a sync client duplicated; anything else is no laptop's
			skipped = append(skipped, Skipped{Path: path, Name: d.Name(), Reason: classify(d.Name())})
			continue
		}
		e, s, err := listLaptop(path, d.Name())
		if err != nil {
			return nil, nil, err
		}
		entries = append(entries, e...)
		skipped = append(skipped, s...)
	}
	e, s, err := listJoin(filepath.Join(f.Root, JoinDir))
	if err != nil {
		return nil, nil, err
	}
	entries = append(entries, e...)
	skipped = append(skipped, s...)
	sort.Slice(entries, func(i, j int) bool { return entryLess(entries[i], entries[j]) })
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return entries, skipped, nil
}

func entryLess(a, b Entry) bool {
	if a.Laptop != b.Laptop {
		return a.Laptop < b.Laptop
	}
	if a.Kind != b.Kind {
		return kindRank[a.Kind] < kindRank[b.Kind]
	}
	if a.Seq != b.Seq {
		return a.Seq < b.Seq
	}
	if a.Key != b.Key {
		return a.Key < b.Key
	}
	return a.Name < b.Name
}

func listLaptop(dir, laptop string) ([]Entry, []Skipped, error) {
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil // removed between the two reads
	}
	if err != nil {
		return nil, nil, domain.Wrap(domain.CodeWriteFailed, "read laptop folder", err)
	}
	var entries []Entry
	var skipped []Skipped
	for _, d := range files {
		path := filepath.Join(dir, d.Name())
		p, ok := ParseName(d.Name())
		if !ok {
			skipped = append(skipped, skip(path, laptop, d, classify(d.Name())))
			continue
		}
		e, reason := entryOf(path, d)
		if reason != "" {
			skipped = append(skipped, skip(path, laptop, d, reason))
			continue
		}
		e.Laptop, e.Kind, e.Seq, e.Key = laptop, p.Kind, p.Seq, p.Key
		entries = append(entries, e)
	}
	return entries, skipped, nil
}

func listJoin(dir string) ([]Entry, []Skipped, error) {
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, domain.Wrap(domain.CodeWriteFailed, "read join folder", err)
	}
	var entries []Entry
	var skipped []Skipped
	for _, d := range files {
		path := filepath.Join(dir, d.Name())
		id, ok := parseJoinName(d.Name())
		if !ok {
			skipped = append(skipped, skip(path, "", d, classify(d.Name())))
			continue
		}
		e, reason := entryOf(path, d)
		if reason != "" {
			skipped = append(skipped, skip(path, "", d, reason))
			continue
		}
		e.Laptop, e.Kind = id, KindJoin
		entries = append(entries, e)
	}
	return entries, skipped, nil
}

// entryOf fills an entry's file facts, or says why a recognised name is still skipped.
func entryOf(path string, d fs.DirEntry) (Entry, string) {
	if !d.Type().IsRegular() {
		return Entry{}, SkipNotFile
	}
	info, err := d.Info()
	if err != nil {
		return Entry{}, SkipPlaceholder // gone or unreadable since the folder was read
	}
	if info.Size() == 0 {
		return Entry{}, SkipPlaceholder
	}
	return Entry{Name: d.Name(), Path: path, Size: info.Size(), ModTime: info.ModTime()}, ""
}

func skip(path, laptop string, d fs.DirEntry, reason string) Skipped {
	if reason != SkipTemporary && reason != SkipConflicted && !d.Type().IsRegular() {
		reason = SkipNotFile
	}
	return Skipped{Path: path, Laptop: laptop, Name: d.Name(), Reason: reason}
}

// readHook runs between reading a file and checking it again; tests change the file there.
var readHook func(path string)

// Read returns the whole file of e as it is now. It returns ErrIncomplete when the file is
// empty or changed while it was read (a sync client still copying it): the caller tries again
// on its next pass. Reading is bounded by MaxFileSize.
func (f *Folder) Read(e Entry) ([]byte, error) {
	path, err := f.pathOf(e)
	if err != nil {
		return nil, err
	}
	named, err := os.Lstat(path)
	if err != nil {
		return nil, domain.Wrap(domain.CodeFileDamaged, "stat team folder file", err)
	}
	if !named.Mode().IsRegular() {
		return nil, domain.Wrap(domain.CodeFileDamaged, "not a regular file", ErrBadName)
	}
	in, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.CodeFileDamaged, "open team folder file", err)
	}
	defer in.Close()
	before, err := in.Stat()
	if err != nil {
		return nil, domain.Wrap(domain.CodeFileDamaged, "stat team folder file", err)
	}
	if !os.SameFile(named, before) { // replaced between the look and the open
		return nil, domain.Wrap(domain.CodeFileDamaged, "changed while opened", ErrIncomplete)
	}
	if before.Size() > maxSize {
		return nil, domain.Wrap(domain.CodeFileTooLarge, "team folder file", ErrTooLarge).
			With("max", strconv.FormatInt(maxSize>>20, 10))
	}
	if before.Size() == 0 {
		return nil, domain.Wrap(domain.CodeFileDamaged, "empty placeholder", ErrIncomplete)
	}
	data, err := io.ReadAll(io.LimitReader(in, maxSize+1))
	if err != nil {
		return nil, domain.Wrap(domain.CodeFileDamaged, "read team folder file", err)
	}
	if readHook != nil {
		readHook(path)
	}
	if int64(len(data)) > maxSize {
		return nil, domain.Wrap(domain.CodeFileTooLarge, "team folder file grew while read", ErrTooLarge).
			With("max", strconv.FormatInt(maxSize>>20, 10))
	}
	after, err := in.Stat()
	if err != nil {
		return nil, domain.Wrap(domain.CodeFileDamaged, "stat team folder file", err)
	}
	now, err := os.Lstat(path) // the name may point at another file by now (renamed over)
	if err != nil || !os.SameFile(before, now) || int64(len(data)) != before.Size() ||
		after.Size() != before.Size() || now.Size() != before.Size() ||
		!after.ModTime().Equal(before.ModTime()) {
		return nil, domain.Wrap(domain.CodeFileDamaged, "changed while read", ErrIncomplete)
	}
	return data, nil
}

// pathOf is where e's file is, from its laptop, kind and name; an entry that List could not
// have made is refused, so Read never leaves the team folder.
func (f *Folder) pathOf(e Entry) (string, error) {
	var path string
	switch e.Kind {
	case KindJoin:
		if id, ok := parseJoinName(e.Name); !ok || id != e.Laptop {
			return "", domain.Wrap(domain.CodeInvalidInput, "join entry", ErrBadName)
		}
		path = filepath.Join(f.Root, JoinDir, e.Name)
	default:
		p, ok := ParseName(e.Name)
		if !ok || p.Kind != e.Kind || !ValidID(e.Laptop) {
			return "", domain.Wrap(domain.CodeInvalidInput, "team folder entry", ErrBadName)
		}
		path = filepath.Join(f.Root, LaptopsDir, e.Laptop, e.Name)
	}
	if e.Path != "" && filepath.Clean(e.Path) != path {
		return "", domain.Wrap(domain.CodeInvalidInput, "entry path outside its place", ErrBadName)
	}
	return path, nil
}
