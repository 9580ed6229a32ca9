package domain

import (
	"sort"
	"time"
)

// A citizen's housing is a dated history (boligforløb), not one field that is overwritten:
// every change is an entry with the date the new situation began. The entries are never
// changed afterwards except the two a course step owns (its start and its closing, see
// HousingKind); a wrong entry is corrected by a new entry that names it, so the mistaken
// one stays visible.

// HousingKind says where a housing entry was made.
type HousingKind string

// The kinds of housing entries.
const (
	HousingKindMove       HousingKind = "move"         // a move or new situation registered by a worker
	HousingKindStart      HousingKind = "start"        // the visitation step's housing at the course start
	HousingKindClose      HousingKind = "close"        // the closing's housing at the course end
	HousingKindCarried    HousingKind = "carried_over" // the citizen's housing field before the history existed
	HousingKindWithdrawal HousingKind = "withdrawal"   // takes back an entry made by mistake; has no housing
)

// HousingKinds lists the kinds in the order the UI explains them.
var HousingKinds = []HousingKind{HousingKindMove, HousingKindStart, HousingKindClose, HousingKindCarried, HousingKindWithdrawal}

// Correctable reports whether an entry of this kind may be corrected or withdrawn from the
// history. The start and closing entries belong to their course step: the visitation step
// changes its entry, and a closing is a record that stays as it was made.
func (k HousingKind) Correctable() bool { return k == HousingKindMove || k == HousingKindCarried }

// MaxHousingNote is the length of an entry's short note.
const MaxHousingNote = 2000

// HousingOutcomeMonths are the spans the overview reports the own home kept for.
var HousingOutcomeMonths = []int{6, 12}

// IsOwnHome reports whether a housing situation is a home of the citizen's own (at risk or
// not): the method's headline outcome.
func IsOwnHome(h Housing) bool { return h == HousingOwn || h == HousingOwnAtRisk }

// HousingEntry is one dated entry of a citizen's housing history as the rules read it.
type HousingEntry struct {
	ID       uint
	CourseID uint // the course whose step made it; 0 for a move
	Date     time.Time
	Housing  Housing // "" only for a start entry that has a note but no situation yet
	Kind     HousingKind
	Corrects uint // the entry this one corrects or withdraws; 0 when none
}

// EffectiveHousing returns the entries in force, oldest first (by date, then the order they
// were made): not withdrawn, not replaced by a correction, and with a situation.
func EffectiveHousing(entries []HousingEntry) []HousingEntry {
	replaced := map[uint]bool{}
	for _, e := range entries {
		if e.Corrects != 0 {
			replaced[e.Corrects] = true
		}
	}
	out := make([]HousingEntry, 0, len(entries))
	for _, e := range entries {
		if replaced[e.ID] || e.Kind == HousingKindWithdrawal || e.Housing == HousingUnknownStatus {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// CurrentHousing is the latest entry in force, false when the history has none.
func CurrentHousing(entries []HousingEntry) (HousingEntry, bool) {
	eff := EffectiveHousing(entries)
	if len(eff) == 0 {
		return HousingEntry{}, false
	}
	return eff[len(eff)-1], true
}

// HousingBefore gives, for every entry in force, the situation in force just before it
// ("" for the first): the "from" of each entry, derived so that a correction of an earlier
// entry never leaves a later one with a stale "from".
func HousingBefore(entries []HousingEntry) map[uint]Housing {
	out := map[uint]Housing{}
	prev := HousingUnknownStatus
	for _, e := range EffectiveHousing(entries) {
		out[e.ID] = prev
		prev = e.Housing
	}
	return out
}

// CoursePeriod is the time a course ran: from its start to its end, or open (End nil).
type CoursePeriod struct {
	Start time.Time
	End   *time.Time
}

func (p CoursePeriod) contains(d time.Time) bool {
	return !d.Before(p.Start) && (p.End == nil || !d.After(*p.End))
}

// MoveIntoOwnHome finds the first time the citizen moved into a home of their own during
// one of their courses: an entry in force whose situation is an own home while the one
// before it was known and not an own home, dated within a course. The start entry of a
// course describes where the citizen lived when it began, so it never counts as the move.
func MoveIntoOwnHome(entries []HousingEntry, courses []CoursePeriod) (time.Time, bool) {
	prev := HousingUnknownStatus
	for _, e := range EffectiveHousing(entries) {
		moved := IsOwnHome(e.Housing) && prev != HousingUnknownStatus && !IsOwnHome(prev) && e.Kind != HousingKindStart
		prev = e.Housing
		if !moved {
			continue
		}
		for _, c := range courses {
			if c.contains(e.Date) {
				return e.Date, true
			}
		}
	}
	return time.Time{}, false
}

// KeptOwnHome says whether months have passed since moving in on moved (eligible) and, if
// so, whether the history shows the own home kept all that time: no entry in force after
// the move and up to the same day months later has a situation that is not an own home.
func KeptOwnHome(entries []HousingEntry, moved time.Time, months int, today time.Time) (eligible, kept bool) {
	until := addMonthsClamped(Day(moved), months)
	if until.After(Day(today)) {
		return false, false
	}
	for _, e := range EffectiveHousing(entries) {
		if e.Date.After(moved) && !e.Date.After(until) && !IsOwnHome(e.Housing) {
			return true, false
		}
	}
	return true, true
}

// CitizenHousing is one citizen's housing history and the periods of their courses.
type CitizenHousing struct {
	Entries []HousingEntry
	Courses []CoursePeriod
}

// HousingKept counts, for one span, the citizens for whom it has passed since they moved
// into their own home (Eligible) and those of them who kept it (Kept).
type HousingKept struct {
	Months   int
	Eligible int
	Kept     int
}

// HousingRetention is the method's headline outcome: of the citizens who moved into a home
// of their own during a course, how many have kept it 6 and 12 months.
type HousingRetention struct {
	MovedIn int
	Kept    []HousingKept // one per HousingOutcomeMonths, in that order
}

// HousingRetentionOf counts the outcome over the citizens: each citizen counts once, from
// their first move into an own home during a course, and only in the spans that have passed.
func HousingRetentionOf(citizens []CitizenHousing, today time.Time) HousingRetention {
	out := HousingRetention{Kept: make([]HousingKept, len(HousingOutcomeMonths))}
	for i, m := range HousingOutcomeMonths {
		out.Kept[i].Months = m
	}
	for _, c := range citizens {
		moved, ok := MoveIntoOwnHome(c.Entries, c.Courses)
		if !ok {
			continue
		}
		out.MovedIn++
		for i, m := range HousingOutcomeMonths {
			eligible, kept := KeptOwnHome(c.Entries, moved, m, today)
			if eligible {
				out.Kept[i].Eligible++
			}
			if kept {
				out.Kept[i].Kept++
			}
		}
	}
	return out
}
