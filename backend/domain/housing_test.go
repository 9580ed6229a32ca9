package domain

import "testing"

// he builds a housing entry: id, date, housing, kind; corrects is the id it replaces.
func he(id uint, date string, h Housing, kind HousingKind, corrects uint) HousingEntry {
	return HousingEntry{ID: id, Date: iso(date), Housing: h, Kind: kind, Corrects: corrects}
}

func TestEffectiveAndCurrentHousing(t *testing.T) {
	cases := []struct {
		name    string
		entries []HousingEntry
		want    []uint // ids in force, oldest first
		before  map[uint]Housing
	}{
		{"empty history", nil, []uint{}, map[uint]Housing{}},
		{"by date, not by the order they were made",
			[]HousingEntry{he(1, "2026-03-01", HousingOwn, HousingKindMove, 0), he(2, "2026-01-01", HousingShelter, HousingKindMove, 0)},
			[]uint{2, 1}, map[uint]Housing{2: "", 1: HousingShelter}},
		{"same day: the later entry last",
			[]HousingEntry{he(1, "2026-01-01", HousingShelter, HousingKindStart, 0), he(2, "2026-01-01", HousingTemporary, HousingKindMove, 0)},
			[]uint{1, 2}, map[uint]Housing{1: "", 2: HousingShelter}},
		{"a correction replaces the entry it names, and the next from follows it",
			[]HousingEntry{he(1, "2026-01-01", HousingShelter, HousingKindMove, 0), he(2, "2026-02-01", HousingSofa, HousingKindMove, 0),
				he(3, "2026-03-01", HousingOwn, HousingKindMove, 0), he(4, "2026-02-03", HousingTemporary, HousingKindMove, 2)},
			[]uint{1, 4, 3}, map[uint]Housing{1: "", 4: HousingShelter, 3: HousingTemporary}},
		{"a withdrawal takes the entry away and is not in force itself",
			[]HousingEntry{he(1, "2026-01-01", HousingShelter, HousingKindMove, 0), he(2, "2026-02-01", HousingOwn, HousingKindMove, 0),
				he(3, "2026-02-05", "", HousingKindWithdrawal, 2)},
			[]uint{1}, map[uint]Housing{1: ""}},
		{"a start entry with only a note is not a situation",
			[]HousingEntry{he(1, "2026-01-01", HousingShelter, HousingKindMove, 0), he(2, "2026-02-01", "", HousingKindStart, 0)},
			[]uint{1}, map[uint]Housing{1: ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			eff := EffectiveHousing(c.entries)
			ids := []uint{}
			for _, e := range eff {
				ids = append(ids, e.ID)
			}
			if len(ids) != len(c.want) {
				t.Fatalf("in force %v, want %v", ids, c.want)
			}
			for i := range ids {
				if ids[i] != c.want[i] {
					t.Fatalf("in force %v, want %v", ids, c.want)
				}
			}
			cur, ok := CurrentHousing(c.entries)
			if ok != (len(c.want) > 0) || (ok && cur.ID != c.want[len(c.want)-1]) {
				t.Fatalf("current = %+v, %v", cur, ok)
			}
			before := HousingBefore(c.entries)
			if len(before) != len(c.before) {
				t.Fatalf("before = %v, want %v", before, c.before)
			}
			for id, h := range c.before {
				if before[id] != h {
					t.Fatalf("before[%d] = %q, want %q", id, before[id], h)
				}
			}
		})
	}
}

func TestMoveIntoOwnHomeAndKept(t *testing.T) {
	course := []CoursePeriod{{Start: iso("2025-01-10"), End: isop("2026-06-30")}}
	open := []CoursePeriod{{Start: iso("2025-01-10")}}
	today := iso("2026-12-01")
	cases := []struct {
		name    string
		entries []HousingEntry
		courses []CoursePeriod
		moved   string // "" when no move counts
		kept6   string // "kept", "lost" or "" when 6 months have not passed
		kept12  string
	}{
		{"moved in and stayed",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-03-01", HousingOwn, HousingKindMove, 0)},
			course, "2025-03-01", "kept", "kept"},
		{"at risk is still an own home",
			[]HousingEntry{he(1, "2025-01-10", HousingStreet, HousingKindStart, 0), he(2, "2025-03-01", HousingOwnAtRisk, HousingKindMove, 0),
				he(3, "2025-05-01", HousingOwn, HousingKindMove, 0), he(4, "2025-08-01", HousingOwnAtRisk, HousingKindMove, 0)},
			course, "2025-03-01", "kept", "kept"},
		{"lost it after four months",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-03-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-07-01", HousingSofa, HousingKindMove, 0)},
			course, "2025-03-01", "lost", "lost"},
		{"lost it after nine months: kept 6, not 12",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-03-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-12-01", HousingInstitution, HousingKindMove, 0)},
			course, "2025-03-01", "kept", "lost"},
		{"lost on the day the six months are up counts as lost",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-03-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-09-01", HousingShelter, HousingKindMove, 0)},
			course, "2025-03-01", "lost", "lost"},
		{"lost the day after the six months: kept 6",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-03-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-09-02", HousingShelter, HousingKindMove, 0)},
			course, "2025-03-01", "kept", "lost"},
		{"moved in five months ago: neither span has passed",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2026-07-01", HousingOwn, HousingKindMove, 0)},
			open, "2026-07-01", "", ""},
		{"moved in eight months ago: only 6 months counted",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2026-04-01", HousingOwn, HousingKindMove, 0)},
			open, "2026-04-01", "kept", ""},
		{"31 August + 6 months is the end of February",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-08-31", HousingOwn, HousingKindMove, 0),
				he(3, "2026-03-01", HousingShelter, HousingKindMove, 0)},
			open, "2025-08-31", "kept", "lost"},
		{"the closing's housing counts as the move",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2026-06-30", HousingOwn, HousingKindClose, 0)},
			course, "2026-06-30", "", ""},
		{"own home already at the start is no move",
			[]HousingEntry{he(1, "2025-01-10", HousingOwn, HousingKindStart, 0), he(2, "2025-03-01", HousingOwnAtRisk, HousingKindMove, 0)},
			course, "", "", ""},
		{"a start entry into own home is where the course began, not a move",
			[]HousingEntry{he(1, "2024-10-01", HousingShelter, HousingKindMove, 0), he(2, "2025-01-10", HousingOwn, HousingKindStart, 0)},
			course, "", "", ""},
		{"no known situation before: unknown is no move",
			[]HousingEntry{he(1, "2025-03-01", HousingOwn, HousingKindMove, 0)},
			course, "", "", ""},
		{"moved before the course: not during a course",
			[]HousingEntry{he(1, "2024-06-01", HousingShelter, HousingKindMove, 0), he(2, "2024-12-01", HousingOwn, HousingKindMove, 0)},
			course, "", "", ""},
		{"moved after the course closed: not during a course",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2026-07-01", HousingOwn, HousingKindMove, 0)},
			course, "", "", ""},
		{"the first move counts, a later loss and new home do not reset it",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-02-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-04-01", HousingStreet, HousingKindMove, 0), he(4, "2025-05-01", HousingOwn, HousingKindMove, 0)},
			course, "2025-02-01", "lost", "lost"},
		{"a withdrawn loss does not count",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-02-01", HousingOwn, HousingKindMove, 0),
				he(3, "2025-04-01", HousingStreet, HousingKindMove, 0), he(4, "2025-04-02", "", HousingKindWithdrawal, 3)},
			course, "2025-02-01", "kept", "kept"},
		{"a corrected move date counts from the corrected date",
			[]HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0), he(2, "2025-02-01", HousingOwn, HousingKindMove, 0),
				he(3, "2026-07-15", HousingOwn, HousingKindMove, 2)},
			open, "2026-07-15", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			moved, ok := MoveIntoOwnHome(c.entries, c.courses)
			if got := map[bool]string{true: moved.Format(DateLayout), false: ""}[ok]; got != c.moved {
				t.Fatalf("moved = %q, want %q", got, c.moved)
			}
			if !ok {
				return
			}
			for _, span := range []struct {
				months int
				want   string
			}{{6, c.kept6}, {12, c.kept12}} {
				eligible, kept := KeptOwnHome(c.entries, moved, span.months, today)
				got := ""
				if eligible {
					got = map[bool]string{true: "kept", false: "lost"}[kept]
				}
				if got != span.want {
					t.Errorf("%d months: %q, want %q", span.months, got, span.want)
				}
			}
		})
	}
}

func TestHousingRetentionOf(t *testing.T) {
	today := iso("2026-12-01")
	course := []CoursePeriod{{Start: iso("2025-01-10")}}
	stayed := CitizenHousing{Courses: course, Entries: []HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0),
		he(2, "2025-03-01", HousingOwn, HousingKindMove, 0)}}
	lostAfter8 := CitizenHousing{Courses: course, Entries: []HousingEntry{he(1, "2025-01-10", HousingStreet, HousingKindStart, 0),
		he(2, "2025-03-01", HousingOwn, HousingKindMove, 0), he(3, "2025-11-01", HousingSofa, HousingKindMove, 0)}}
	recent := CitizenHousing{Courses: course, Entries: []HousingEntry{he(1, "2025-01-10", HousingStreet, HousingKindStart, 0),
		he(2, "2026-05-01", HousingOwnAtRisk, HousingKindMove, 0)}}
	never := CitizenHousing{Courses: course, Entries: []HousingEntry{he(1, "2025-01-10", HousingShelter, HousingKindStart, 0)}}
	got := HousingRetentionOf([]CitizenHousing{stayed, lostAfter8, recent, never, {}}, today)
	want := HousingRetention{MovedIn: 3, Kept: []HousingKept{{Months: 6, Eligible: 3, Kept: 3}, {Months: 12, Eligible: 2, Kept: 1}}}
	if got.MovedIn != want.MovedIn || len(got.Kept) != 2 || got.Kept[0] != want.Kept[0] || got.Kept[1] != want.Kept[1] {
		t.Fatalf("retention = %+v, want %+v", got, want)
	}
	if got := HousingRetentionOf(nil, today); got.MovedIn != 0 || len(got.Kept) != 2 || got.Kept[1].Months != 12 {
		t.Fatalf("empty retention = %+v", got)
	}
}

func TestHousingKindCorrectable(t *testing.T) {
	for _, c := range []struct {
		kind HousingKind
		want bool
	}{{HousingKindMove, true}, {HousingKindCarried, true}, {HousingKindStart, false}, {HousingKindClose, false}, {HousingKindWithdrawal, false}} {
		if got := c.kind.Correctable(); got != c.want {
			t.Errorf("%s.Correctable() = %v, want %v", c.kind, got, c.want)
		}
	}
}
