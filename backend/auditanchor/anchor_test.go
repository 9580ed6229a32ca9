package auditanchor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func anchor(id uint, c byte, at time.Time) Anchor {
	return Anchor{ID: id, Hash: strings.Repeat(string(c), 64), At: at, Source: "check"}
}

func TestJournalAppendReadAndACutShortLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	j := For(db)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if got, err := j.Read(); err != nil || len(got) != 0 {
		t.Fatalf("a missing journal = %v, %v", got, err)
	}
	for i, c := range []byte("abc") {
		if err := j.Append(anchor(uint(i+1), c, now)); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Append(Anchor{ID: 4, Hash: "not hex"}); err == nil {
		t.Fatal("an invalid anchor was written")
	}
	// A crash while appending leaves half a line: it is skipped, the rest is read.
	f, err := os.OpenFile(j.Path(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString(`{"id":9,"hash":"dd`)
	_ = f.Close()
	got, err := j.Read()
	if err != nil || len(got) != 3 || got[2].ID != 3 || !got[0].At.Equal(now) {
		t.Fatalf("journal = %+v, %v", got, err)
	}
	if fi, err := os.Stat(j.Path()); err != nil || (fi.Mode().Perm()&0o077 != 0 && os.PathSeparator == '/') {
		t.Fatalf("journal mode = %v, %v", fi.Mode(), err)
	}
}

func TestJournalThinsOldAnchorsToOneAMonth(t *testing.T) {
	j := For(filepath.Join(t.TempDir(), "icm.db"))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var all []Anchor
	for i := 0; i < maxLines; i++ {
		all = append(all, anchor(uint(i+1), 'a', start.Add(time.Duration(i)*24*time.Hour)))
	}
	if err := j.write(all); err != nil {
		t.Fatal(err)
	}
	if err := j.Append(anchor(maxLines+1, 'b', start.AddDate(10, 0, 0))); err != nil {
		t.Fatal(err)
	}
	got, err := j.Read()
	if err != nil {
		t.Fatal(err)
	}
	// 1001 days before the newest half: 33 months, one anchor each.
	if len(got) != maxLines/2+33 || got[len(got)-1].ID != maxLines+1 || got[0].ID != 1 || got[1].ID != 32 {
		t.Fatalf("after thinning: %d anchors, first %d, second %d, last %d", len(got), got[0].ID, got[1].ID, got[len(got)-1].ID)
	}
}

func TestJournalRestartKeepsTheOldOneBeside(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	j := For(db)
	now := time.Now()
	_ = j.Append(anchor(5, 'a', now))
	if err := j.Restart("before-restore-x", anchor(2, 'b', now)); err != nil {
		t.Fatal(err)
	}
	got, _ := j.Read()
	if len(got) != 1 || got[0].ID != 2 {
		t.Fatalf("new journal = %+v", got)
	}
	old, _ := Journal{path: j.Path() + ".before-restore-x"}.Read()
	if len(old) != 1 || old[0].ID != 5 {
		t.Fatalf("old journal = %+v", old)
	}
}

func TestCompare(t *testing.T) {
	now := time.Now()
	anchors := []Anchor{anchor(1, 'a', now), anchor(2, 'b', now), anchor(9, 'c', now), anchor(1, 'a', now)}
	chain := map[uint]string{1: strings.Repeat("a", 64), 2: strings.Repeat("x", 64)}
	var asked []uint
	bad, err := Compare(anchors, func(ids []uint) (map[uint]string, error) { asked = ids; return chain, nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 3 {
		t.Fatalf("asked for %v, want each id once", asked)
	}
	if len(bad) != 2 || bad[0].Anchor.ID != 2 || bad[1].Anchor.ID != 9 || bad[1].Found != "" {
		t.Fatalf("mismatches = %+v", bad)
	}
}
