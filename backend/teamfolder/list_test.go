package teamfolder

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestListSkipsEveryKindOfLeftover(t *testing.T) {
	f := openTemp(t, laptopA)
	b := "laptops/" + laptopB + "/"
	body := []byte("sealed bytes")
	good := map[string]Entry{
		b + BatchName(2):                          {Laptop: laptopB, Kind: KindBatch, Seq: 2},
		b + BatchName(1):                          {Laptop: laptopB, Kind: KindBatch, Seq: 1},
		b + SnapshotName(1):                       {Laptop: laptopB, Kind: KindSnapshot, Seq: 1},
		b + RosterName(1):                         {Laptop: laptopB, Kind: KindRoster, Seq: 1},
		b + KeyName(citizen):                      {Laptop: laptopB, Kind: KindKey, Key: citizen},
		"laptops/" + laptopA + "/" + BatchName(1): {Laptop: laptopA, Kind: KindBatch, Seq: 1},
		"join/" + JoinName(laptopC):               {Laptop: laptopC, Kind: KindJoin},
	}
	for rel := range good {
		put(t, f.Root, rel, body)
	}
	bad := map[string]string{
		b + BatchName(3) + ".tmp":                      SkipTemporary,
		b + "~$" + BatchName(3):                        SkipTemporary,
		b + ".~lock." + BatchName(3) + "#":             SkipTemporary,
		b + BatchName(3) + ".partial":                  SkipTemporary,
		b + BatchName(3) + ".crdownload":               SkipTemporary,
		b + "batch-000000000003 (1).icm":               SkipConflicted,
		b + "batch-000000000003-conflict.icm":          SkipConflicted,
		b + "batch-000000000003 (conflicted copy).icm": SkipConflicted,
		b + "batch-000000000003-DESKTOP-AB12.icm":      SkipConflicted,
		b + "Kopi af batch-000000000003.icm":           SkipConflicted,
		b + "batch-3.icm":                              SkipUnknown,
		b + "desktop.ini":                              SkipUnknown,
		"join/" + laptopC + " (1).icmjoin":             SkipConflicted,
		"join/" + laptopC + ".icmjoin.tmp":             SkipTemporary,
		"join/readme.txt":                              SkipUnknown,
		"laptops/notalaptop/" + BatchName(1):           SkipUnknown, // the folder is skipped, not its files
		"laptops/" + laptopB + " (1)/" + BatchName(1):  SkipConflicted,
		"laptops/stray.icm":                            SkipUnknown,
	}
	for rel := range bad {
		put(t, f.Root, rel, body)
	}
	put(t, f.Root, b+BatchName(4), nil) // an on-demand placeholder
	bad[b+BatchName(4)] = SkipPlaceholder
	if err := os.Mkdir(filepath.Join(f.Root, LaptopsDir, laptopB, BatchName(5)), 0o755); err != nil {
		t.Fatal(err)
	}
	bad[b+BatchName(5)] = SkipNotFile
	// the folders that hold the skipped files, listed by their folder name
	delete(bad, "laptops/notalaptop/"+BatchName(1))
	bad["laptops/notalaptop"] = SkipUnknown
	delete(bad, "laptops/"+laptopB+" (1)/"+BatchName(1))
	bad["laptops/"+laptopB+" (1)"] = SkipConflicted

	entries, skipped, err := f.List()
	if err != nil {
		t.Fatal(err)
	}
	gotSkipped := map[string]string{}
	for _, s := range skipped {
		rel, _ := filepath.Rel(f.Root, s.Path)
		gotSkipped[filepath.ToSlash(rel)] = s.Reason
	}
	if !reflect.DeepEqual(gotSkipped, bad) {
		for rel, want := range bad {
			if gotSkipped[rel] != want {
				t.Errorf("%s: skipped as %q, want %q", rel, gotSkipped[rel], want)
			}
		}
		for rel, got := range gotSkipped {
			if _, ok := bad[rel]; !ok {
				t.Errorf("%s skipped (%s) but is good", rel, got)
			}
		}
	}
	if len(entries) != len(good) {
		t.Fatalf("%d entries, want %d: %+v", len(entries), len(good), entries)
	}
	wantOrder := []string{ // laptopB < laptopA < laptopC as text
		b + RosterName(1), b + KeyName(citizen), b + SnapshotName(1), b + BatchName(1), b + BatchName(2),
		"laptops/" + laptopA + "/" + BatchName(1),
		"join/" + JoinName(laptopC),
	}
	for i, e := range entries {
		rel, _ := filepath.Rel(f.Root, e.Path)
		rel = filepath.ToSlash(rel)
		if rel != wantOrder[i] {
			t.Errorf("entry %d is %s, want %s", i, rel, wantOrder[i])
		}
		w := good[rel]
		if e.Laptop != w.Laptop || e.Kind != w.Kind || e.Seq != w.Seq || e.Key != w.Key ||
			e.Name != filepath.Base(rel) || e.Size != int64(len(body)) || e.ModTime.IsZero() {
			t.Errorf("entry %s: %+v", rel, e)
		}
	}
}

// A file moved or copied into another laptop's folder is listed under that folder's laptop;
// the envelope inside still names its writer, and the reader refuses the mismatch.
func TestListNamesTheFolderLaptopForAMovedFile(t *testing.T) {
	f := openTemp(t, laptopA)
	put(t, f.Root, "laptops/"+laptopC+"/"+BatchName(9), []byte("written by B"))
	entries, _, err := f.List()
	if err != nil || len(entries) != 1 || entries[0].Laptop != laptopC {
		t.Fatalf("entries %+v %v", entries, err)
	}
}

func TestListSkipsLinks(t *testing.T) {
	f := openTemp(t, laptopA)
	outside := put(t, t.TempDir(), "secret", []byte("not team data"))
	link := filepath.Join(f.Root, LaptopsDir, laptopA, BatchName(1))
	if err := os.Symlink(outside, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	entries, skipped, err := f.List()
	if err != nil || len(entries) != 0 || len(skipped) != 1 || skipped[0].Reason != SkipNotFile {
		t.Fatalf("entries %v skipped %v %v", entries, skipped, err)
	}
	if _, err := f.Read(Entry{Laptop: laptopA, Kind: KindBatch, Seq: 1, Name: BatchName(1)}); err == nil {
		t.Error("Read followed a link out of the team folder")
	}
}

func TestListOfAFolderWithoutSubfolders(t *testing.T) {
	f := openTemp(t, laptopA)
	if err := os.RemoveAll(filepath.Join(f.Root, LaptopsDir)); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(f.Root, JoinDir)); err != nil {
		t.Fatal(err)
	}
	entries, skipped, err := f.List()
	if err != nil || len(entries)+len(skipped) != 0 {
		t.Errorf("%v %v %v", entries, skipped, err)
	}
}
