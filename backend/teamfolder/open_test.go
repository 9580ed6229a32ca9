package teamfolder

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/domain"
)

func TestOpenMakesTheLaptopAndJoinFolders(t *testing.T) {
	root := t.TempDir()
	f, err := Open(root, laptopA)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(root, LaptopsDir, laptopA), filepath.Join(root, JoinDir)} {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			t.Errorf("%s: %v", dir, err)
		}
	}
	if f.Laptop != laptopA || !filepath.IsAbs(f.Root) {
		t.Errorf("folder %+v", f)
	}
	if _, err := Open(root, laptopA); err != nil {
		t.Errorf("second open: %v", err)
	}
}

func TestOpenRefusesAFolderItCannotUse(t *testing.T) {
	sqlite := append([]byte("SQLite format 3\x00"), make([]byte, 84)...)
	cases := []struct {
		name   string
		setup  func(t *testing.T) string
		id     string
		cause  error
		reason string
	}{
		{"missing folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") }, laptopA, nil, ReasonMissing},
		{"empty path", func(t *testing.T) string { return "" }, laptopA, ErrNotFolder, ReasonMissing},
		{"a plain file", func(t *testing.T) string { return put(t, t.TempDir(), "x.txt", []byte("x")) }, laptopA, ErrNotFolder, ReasonNotFolder},
		{"a database file", func(t *testing.T) string { return put(t, t.TempDir(), "data", sqlite) }, laptopA, ErrHoldsDB, ReasonDatabase},
		{"folder with icm.db", func(t *testing.T) string {
			d := t.TempDir()
			put(t, d, "icm.db", sqlite)
			return d
		}, laptopA, ErrHoldsDB, ReasonDatabase},
		{"folder with a write-ahead log", func(t *testing.T) string {
			d := t.TempDir()
			put(t, d, "other-wal", []byte{0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0})
			return d
		}, laptopA, ErrHoldsDB, ReasonDatabase},
		{"folder with the laptop key", func(t *testing.T) string {
			d := t.TempDir()
			put(t, d, "icm.db.laptop-key", []byte("private"))
			return d
		}, laptopA, ErrHoldsDB, ReasonDatabase},
		{"folder with a database under another name", func(t *testing.T) string {
			d := t.TempDir()
			put(t, d, "backup-copy", sqlite)
			return d
		}, laptopA, ErrHoldsDB, ReasonDatabase},
		{"bad laptop id", func(t *testing.T) string { return t.TempDir() }, "ABC", ErrBadLaptopID, ""},
		{"upper-case laptop id", func(t *testing.T) string { return t.TempDir() }, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ErrBadLaptopID, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := c.setup(t)
			_, err := Open(root, c.id)
			if err == nil {
				t.Fatal("opened")
			}
			if c.cause != nil && !errors.Is(err, c.cause) {
				t.Errorf("err %v, want cause %v", err, c.cause)
			}
			if domain.CodeOf(err) != domain.CodeInvalidInput {
				t.Errorf("code %s", domain.CodeOf(err))
			}
			if c.reason != "" {
				var de *domain.Error
				if !errors.As(err, &de) || len(de.Fields) != 1 || de.Fields[0].Params["reason"] != c.reason {
					t.Errorf("fields %+v, want reason %s", de, c.reason)
				}
			}
			if root != "" {
				if _, err := os.Stat(filepath.Join(root, LaptopsDir)); err == nil {
					t.Error("made laptops/ in a refused folder")
				}
			}
		})
	}
}

// Windows leaves Thumbs.db in folders with pictures: a .db name alone is no database.
func TestOpenAcceptsAFolderWithThumbsDB(t *testing.T) {
	d := t.TempDir()
	put(t, d, "Thumbs.db", []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1})
	put(t, d, "Mødereferat.docx", []byte("PK"))
	if _, err := Open(d, laptopA); err != nil {
		t.Fatal(err)
	}
}

func TestCheckDatabaseOutside(t *testing.T) {
	base := t.TempDir()
	team := filepath.Join(base, "Team")
	if err := os.MkdirAll(filepath.Join(team, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(team, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	cases := []struct {
		db   string
		want bool // refused
	}{
		{filepath.Join(base, "icm.db"), false},
		{filepath.Join(base, "Team2", "icm.db"), false},
		{filepath.Join(team, "icm.db"), true},
		{filepath.Join(team, "sub", "deeper", "icm.db"), true},
		{filepath.Join(link, "icm.db"), true},
	}
	for _, c := range cases {
		err := CheckDatabaseOutside(team, c.db)
		if got := err != nil; got != c.want || (got && !errors.Is(err, ErrHoldsDB)) {
			t.Errorf("CheckDatabaseOutside(%s) = %v, want refused %v", c.db, err, c.want)
		}
	}
}
