package teamfolder

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/domain"
)

func TestReadGivesTheWholeFile(t *testing.T) {
	f := openTemp(t, laptopA)
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("all of it"))
	entries, _, _ := f.List()
	got, err := f.Read(entries[0])
	if err != nil || string(got) != "all of it" {
		t.Fatalf("%q %v", got, err)
	}
}

// A sync client still copying: the file grows (or is replaced) while it is read.
func TestReadOfAFileThatChangesIsIncomplete(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, path string)
	}{
		{"grows", func(t *testing.T, path string) {
			out, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = out.Write([]byte(" and more"))
			_ = out.Close()
		}},
		{"is renamed over", func(t *testing.T, path string) {
			tmp := path + ".x"
			if err := os.WriteFile(tmp, []byte("other bytes same len"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		}},
		{"shrinks", func(t *testing.T, path string) {
			if err := os.Truncate(path, 3); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := openTemp(t, laptopA)
			put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("first part arrived!!"))
			entries, _, _ := f.List()
			readHook = func(path string) { c.change(t, path) }
			defer func() { readHook = nil }()
			_, err := f.Read(entries[0])
			if !errors.Is(err, ErrIncomplete) || domain.CodeOf(err) != domain.CodeFileDamaged {
				t.Fatalf("err %v", err)
			}
			readHook = nil
			if _, err := f.Read(entries[0]); err != nil {
				t.Errorf("read once settled: %v", err)
			}
		})
	}
}

func TestReadRefusesEmptyHugeAndForeignEntries(t *testing.T) {
	f := openTemp(t, laptopA)
	path := put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), nil)
	e := Entry{Laptop: laptopB, Kind: KindBatch, Seq: 1, Name: BatchName(1), Path: path}
	if _, err := f.Read(e); !errors.Is(err, ErrIncomplete) {
		t.Errorf("empty: %v", err)
	}
	put(t, f.Root, "laptops/"+laptopB+"/"+BatchName(1), []byte("123456789"))
	old := maxSize
	maxSize = 8
	_, err := f.Read(e)
	maxSize = old
	if !errors.Is(err, ErrTooLarge) || domain.CodeOf(err) != domain.CodeFileTooLarge {
		t.Errorf("too large: %v", err)
	}
	put(t, f.Root, "secret.txt", []byte("not a team file"))
	for _, bad := range []Entry{
		{Laptop: laptopB, Kind: KindBatch, Name: "../../secret.txt"},
		{Laptop: "..", Kind: KindBatch, Name: BatchName(1)},
		{Laptop: laptopB, Kind: KindSnapshot, Name: BatchName(1)},
		{Laptop: laptopB, Kind: KindJoin, Name: JoinName(laptopC)},
		{Laptop: laptopB, Kind: KindBatch, Name: BatchName(1), Path: filepath.Join(f.Root, "secret.txt")},
	} {
		if _, err := f.Read(bad); !errors.Is(err, ErrBadName) {
			t.Errorf("Read(%+v) = %v", bad, err)
		}
	}
}
