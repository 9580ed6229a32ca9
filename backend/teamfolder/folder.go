// Package teamfolder is the team folder on disk: the folder a team's laptops share through
// the municipality's file service (OneDrive/SharePoint, an SMB share, a USB stick). A laptop
// writes only its own files, each once, under a temporary name first; it reads everyone's
// files; it passes over what a sync client leaves half-done (temporary names, conflicted
// copies, empty placeholders); and it notices new files. It knows nothing of keys, formats
// or SQL: the files are opaque bytes here (see docs/team-sync.md and docs/file-formats.md).
package teamfolder

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"icm/backend/domain"
)

// Sentinel causes, usable with errors.Is. Every error the package returns is a *domain.Error
// whose code the UI translates and whose cause is one of these (or an os error).
var (
	ErrExists       = errors.New("teamfolder: the file exists already")
	ErrIncomplete   = errors.New("teamfolder: the file is incomplete (empty, or changed while read)")
	ErrTooLarge     = errors.New("teamfolder: the file is larger than a team folder file can be")
	ErrBadName      = errors.New("teamfolder: not a team folder file name")
	ErrNotFolder    = errors.New("teamfolder: the path is not a folder")
	ErrHoldsDB      = errors.New("teamfolder: a database must never be in the team folder")
	ErrBadLaptopID  = errors.New("teamfolder: a laptop id is 32 lowercase hex characters")
	ErrTeamFile     = errors.New("teamfolder: the team file is not valid")
	ErrNewerVersion = errors.New("teamfolder: the team folder was made by a newer version")
)

// MaxFileSize is the largest file the folder writes or reads (256 MiB). A snapshot of a big
// team is a few MiB; anything near this is not a team folder file.
const MaxFileSize = 256 << 20

// maxSize is MaxFileSize; tests lower it.
var maxSize int64 = MaxFileSize

// Folder is one laptop's view of the team folder.
type Folder struct {
	Root   string // the team folder
	Laptop string // this laptop's id: it writes only in laptops/<Laptop>/ and join/<Laptop>.icmjoin

	mu sync.Mutex // one own write at a time
}

// Open checks that root is a team folder this laptop can use and makes laptops/<laptopID>/
// and join/ when they are missing. It refuses a root that does not exist (a USB stick that is
// not plugged in must not become a folder on the laptop's own disk), that is not a folder,
// that is an SQLite database, or that holds a database at its top level: the team folder is
// copied by sync clients, which corrupt databases (docs/team-sync.md).
func Open(root, laptopID string) (*Folder, error) {
	if !ValidID(laptopID) {
		return nil, domain.Wrap(domain.CodeInvalidInput, "laptop id", ErrBadLaptopID)
	}
	abs, err := Check(root)
	if err != nil {
		return nil, err
	}
	for _, dir := range []string{filepath.Join(abs, LaptopsDir, laptopID), filepath.Join(abs, JoinDir)} {
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return nil, domain.Wrap(domain.CodeWriteFailed, "make team folder subfolder", err)
		}
	}
	return &Folder{Root: abs, Laptop: laptopID}, nil
}

// Check makes root absolute and refuses it as Open does (missing, not a folder, a database
// or holding one) without making anything: the screens check a folder before it is used.
func Check(root string) (string, error) {
	if root == "" {
		return "", refuse(ReasonMissing, "no team folder chosen", ErrNotFolder)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", refuse(ReasonMissing, "team folder path", err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", refuse(ReasonMissing, "team folder", err)
	}
	if !st.IsDir() {
		if isSQLiteFile(abs) {
			return "", refuse(ReasonDatabase, "the chosen team folder is a database file", ErrHoldsDB)
		}
		return "", refuse(ReasonNotFolder, "the chosen team folder is a file", ErrNotFolder)
	}
	if _, ok := databaseIn(abs); ok {
		return "", refuse(ReasonDatabase, "the chosen team folder holds a database", ErrHoldsDB)
	}
	return abs, nil
}

// CheckDatabaseOutside refuses a database file at dbPath that lies inside the team folder at
// root, at any depth: the app's own database must stay out of any synced folder.
func CheckDatabaseOutside(root, dbPath string) error {
	r, err := realPath(root)
	if err != nil {
		return refuse(ReasonMissing, "team folder path", err)
	}
	d, err := realPath(dbPath)
	if err != nil {
		return refuse(ReasonMissing, "database path", err)
	}
	rel, err := filepath.Rel(r, d)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
		return refuse(ReasonDatabase, "the database lies inside the team folder", ErrHoldsDB)
	}
	return nil
}

// Reasons Open and CheckDatabaseOutside give (params.reason of the teamFolder field).
const (
	ReasonMissing   = "missing"    // the folder does not exist (a USB stick not plugged in)
	ReasonNotFolder = "not_folder" // the path is a file
	ReasonDatabase  = "database"   // the path is, holds or would hold a database
)

// refuse is the error for a team folder that cannot be used: invalid input on the field
// "teamFolder", with the reason as a parameter the UI can show.
func refuse(reason, msg string, cause error) error {
	e := domain.Wrap(domain.CodeInvalidInput, msg, cause)
	e.Fields = []domain.FieldError{{Field: "teamFolder", Code: domain.CodeInvalidChoice,
		Params: map[string]string{"reason": reason}}}
	return e
}

// realPath makes p absolute and resolves links in the longest part of it that exists, so a
// link to the team folder is seen for what it is. Names on Windows and macOS compare
// without case.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	cur := abs
	for {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			abs = filepath.Join(r, rest)
			break
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
	if caseInsensitiveFS() {
		abs = strings.ToLower(abs)
	}
	return abs, nil
}

// sqliteMagic begins every SQLite database file; walMagic (with a last byte of 0x82 or 0x83)
// every write-ahead log.
var (
	sqliteMagic = []byte("SQLite format 3\x00")
	walMagic    = []byte{0x37, 0x7f, 0x06}
)

// databaseIn reports the first database file at the top level of dir: the app's own
// database or one of its companions by name (icm.db, icm.db-wal, icm.db.laptop-key ...), or
// any SQLite database or write-ahead log by its first bytes. Other names ending in .db
// (Windows' Thumbs.db) are not databases and do not count.
func databaseIn(dir string) (string, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if strings.HasPrefix(strings.ToLower(e.Name()), "icm.db") {
			return e.Name(), true
		}
		if isSQLiteFile(filepath.Join(dir, e.Name())) {
			return e.Name(), true
		}
	}
	return "", false
}

// isSQLiteFile reports a file that begins like an SQLite database or write-ahead log.
func isSQLiteFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.Equal(head, sqliteMagic) {
		return true
	}
	return n >= 4 && bytes.Equal(head[:3], walMagic) && (head[3] == 0x82 || head[3] == 0x83)
}

// ownDir is laptops/<me>/.
func (f *Folder) ownDir() string { return filepath.Join(f.Root, LaptopsDir, f.Laptop) }
