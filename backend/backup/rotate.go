package backup

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// FolderName is the folder beside the database that holds the automatic backups.
const FolderName = "backups"

// nameTime is the time in an automatic backup's name, local time to the second:
// icm-20261201-103000.db for icm.db.
const nameTime = "20060102-150405"

// Interval is how old the newest automatic backup may be before another is due.
const Interval = 24 * time.Hour

// Policy says which automatic backups are kept: every one younger than Recent (so that a
// backup made by hand before a risky change survives the day), the newest of each of the
// last Daily days that have one, and the newest of each of the last Weekly ISO weeks that
// have one.
type Policy struct {
	Recent time.Duration
	Daily  int
	Weekly int
}

// DefaultPolicy keeps the last day whole, a week of daily backups and a month of weekly ones.
var DefaultPolicy = Policy{Recent: 24 * time.Hour, Daily: 7, Weekly: 4}

// Entry is one automatic backup.
type Entry struct {
	Path  string
	Name  string
	Taken time.Time
	Size  int64
}

// Dir is the automatic backups' folder for the database at dbPath.
func Dir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), FolderName) }

// namePrefix is the database file's name without its extension, so that two databases in
// one folder (icm.db, demo.db) keep apart backups: "icm-".
func namePrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// parseName reads the time from an automatic backup's file name.
func parseName(dbPath, name string) (time.Time, bool) {
	p := namePrefix(dbPath)
	if !strings.HasPrefix(name, p) || !strings.HasSuffix(name, ".db") {
		return time.Time{}, false
	}
	stamp := strings.TrimSuffix(strings.TrimPrefix(name, p), ".db")
	t, err := time.ParseInLocation(nameTime, stamp, time.Local)
	return t, err == nil
}

// List returns the automatic backups of the database at dbPath, newest first.
func List(dbPath string) ([]Entry, error) {
	dir := Dir(dbPath)
	des, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "read backup folder", err)
	}
	var out []Entry
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		t, ok := parseName(dbPath, de.Name())
		if !ok {
			continue
		}
		fi, err := de.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, Entry{Path: filepath.Join(dir, de.Name()), Name: de.Name(), Taken: t, Size: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// Due reports whether an automatic backup should be made now: there is none, or the newest
// is at least Interval old.
func Due(dbPath string, now time.Time) (bool, error) {
	list, err := List(dbPath)
	if err != nil || len(list) == 0 {
		return true, err
	}
	return now.Sub(list[0].Taken) >= Interval, nil
}

// Automatic makes an automatic backup of the open database now, then rotates the folder.
// The folder is created private (0700) and tightened when it is looser.
func Automatic(ctx context.Context, st *store.Store, now time.Time, p Policy) (Entry, error) {
	dbPath := st.Path()
	dir := Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Entry{}, domain.Wrap(domain.CodeWriteFailed, "backup folder", err)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm() != 0o700 {
			if err := os.Chmod(dir, 0o700); err != nil {
				return Entry{}, domain.Wrap(domain.CodeWriteFailed, "restrict backup folder", err)
			}
		}
	}
	removeStale(dir, now)
	// One name per second; a second backup within the same second (or an hour repeated when
	// the clocks go back) takes the next free second.
	t := now.Local().Truncate(time.Second)
	var dest string
	for i := 0; ; i++ {
		dest = filepath.Join(dir, namePrefix(dbPath)+t.Add(time.Duration(i)*time.Second).Format(nameTime)+".db")
		if _, err := os.Lstat(dest); os.IsNotExist(err) {
			t = t.Add(time.Duration(i) * time.Second)
			break
		}
		if i > 3600 {
			return Entry{}, domain.E(domain.CodeWriteFailed, "no free backup name")
		}
	}
	check, err := Snapshot(ctx, st, dest)
	if err != nil {
		return Entry{}, err
	}
	if _, err := Rotate(dbPath, p, now); err != nil {
		return Entry{}, err
	}
	return Entry{Path: dest, Name: filepath.Base(dest), Taken: t, Size: check.Size}, nil
}

// Rotate deletes the automatic backups that the policy does not keep at now and returns
// their names. The newest backup is always kept; files not named like automatic backups are
// never touched.
func Rotate(dbPath string, p Policy, now time.Time) ([]string, error) {
	list, err := List(dbPath)
	if err != nil {
		return nil, err
	}
	days := map[string]bool{}
	weeks := map[[2]int]bool{}
	var removed []string
	for i, e := range list {
		keep := i == 0 || now.Sub(e.Taken) < p.Recent
		day := e.Taken.Format("2006-01-02")
		if !days[day] && len(days) < p.Daily {
			days[day], keep = true, true
		}
		y, w := e.Taken.ISOWeek()
		if week := [2]int{y, w}; !weeks[week] && len(weeks) < p.Weekly {
			weeks[week], keep = true, true
		}
		if keep {
			continue
		}
		if err := os.Remove(e.Path); err != nil && !os.IsNotExist(err) {
			return removed, domain.Wrap(domain.CodeWriteFailed, "remove old backup", err)
		}
		removed = append(removed, e.Name)
	}
	return removed, nil
}

// removeStale deletes temporary files a crashed backup left in the folder (they begin with
// a dot) once they are a day old; a younger one may belong to a backup running now.
func removeStale(dir string, now time.Time) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), ".") || !de.Type().IsRegular() {
			continue
		}
		if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) > 24*time.Hour {
			_ = os.Remove(filepath.Join(dir, de.Name()))
		}
	}
}
