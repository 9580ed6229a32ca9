package faulty

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"icm/backend/teamfolder"
)

// Each misbehaviour on its own, seen through List as the engine sees it.
func TestEachMisbehaviour(t *testing.T) {
	b1 := teamfolder.BatchName(1)
	cases := []struct {
		name  string
		opt   Options
		first func(t *testing.T, l *laptop, entries []teamfolder.Entry, skipped []teamfolder.Skipped)
	}{
		{"delay", Options{Delay: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 0 || len(s) != 0 {
				t.Errorf("arrived despite the delay: %v %v", e, s)
			}
		}},
		{"reorder", Options{Reorder: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 0 {
				t.Errorf("not held back: %v", e)
			}
		}},
		{"duplicate", Options{Duplicate: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 1 || len(s) != 1 || s[0].Reason != teamfolder.SkipConflicted {
				t.Errorf("want the file and a conflicted copy: %v %v", e, s)
			}
		}},
		{"truncate", Options{Truncate: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 1 || e[0].Size >= int64(len(payload)) {
				t.Fatalf("want a short copy: %v %v", e, s)
			}
			if got, err := l.f.Read(e[0]); err != nil || !bytes.HasPrefix(payload, got) || len(got) == len(payload) {
				t.Errorf("read %d bytes, %v", len(got), err)
			}
		}},
		{"hide", Options{Hide: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 0 || len(s) != 1 || (s[0].Reason != teamfolder.SkipTemporary && s[0].Reason != teamfolder.SkipPlaceholder) {
				t.Errorf("want a temporary name or a placeholder: %v %v", e, s)
			}
		}},
		{"rename", Options{Rename: 1}, func(t *testing.T, l *laptop, e []teamfolder.Entry, s []teamfolder.Skipped) {
			if len(e) != 2 {
				t.Fatalf("want the file and a renamed copy: %v %v", e, s)
			}
			other := e[1]
			if other.Name == b1 {
				other = e[0]
			}
			if got, _ := l.f.Read(other); !bytes.Equal(got, payload) || other.Name == b1 {
				t.Errorf("renamed copy %s", other.Name)
			}
		}},
	}
	for _, c := range cases {
		for seed := int64(1); seed <= 4; seed++ {
			t.Run(fmt.Sprint(c.name, " seed ", seed), func(t *testing.T) {
				ls, dirs := laptops(t, 2)
				c.opt.Seed = seed
				cloud := NewCloud(c.opt, dirs...)
				ls[0].write(t, b1, payload)
				cloud.Step()
				entries, skipped, err := ls[1].f.List()
				if err != nil {
					t.Fatal(err)
				}
				c.first(t, ls[1], entries, skipped)
				if c.name != "delay" {
					for range 6 {
						cloud.Step()
					}
					entries, _, _ = ls[1].f.List()
					if !hasWhole(ls[1], entries, b1) {
						t.Errorf("not whole after later rounds: %v", entries)
					}
				}
				cloud.Settle()
				entries, skipped, _ = ls[1].f.List()
				if len(entries) != 1 || len(skipped) != 0 || !hasWhole(ls[1], entries, b1) {
					t.Errorf("after Settle: %v %v", entries, skipped)
				}
			})
		}
	}
}

var payload = []byte(strings.Repeat("sealed batch bytes ", 40))

func hasWhole(l *laptop, entries []teamfolder.Entry, name string) bool {
	for _, e := range entries {
		if e.Name == name {
			got, err := l.f.Read(e)
			return err == nil && bytes.Equal(got, payload)
		}
	}
	return false
}
