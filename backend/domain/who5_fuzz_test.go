package domain

import (
	"slices"
	"testing"
)

// FuzzWHO5: five answers of 0-5 are accepted and nothing else; the score is four times the
// raw sum (0-100); the flags follow the thresholds (possible depression always with poor
// well-being), the change is the difference to the previous score, and at most one of
// improved and worsened is shown, after the level flags.
func FuzzWHO5(f *testing.F) {
	f.Add([]byte{5, 5, 5, 5, 5}, 40, true)
	f.Add([]byte{0, 0, 0, 0, 0}, 100, true)
	f.Add([]byte{1, 2, 3, 4}, 0, false)
	f.Add([]byte{2, 2, 2, 2, 3, 1}, 0, false)
	f.Add([]byte{1, 2, 3, 4, 6}, 52, true)
	f.Add([]byte{255, 2, 3, 4, 5}, 0, false)
	f.Fuzz(func(t *testing.T, raw []byte, prev int, hasPrev bool) {
		items := make([]int, len(raw))
		valid := len(raw) == WHO5Items
		for i, b := range raw {
			items[i] = int(int8(b)) // negative answers too
			if items[i] < 0 || items[i] > WHO5ItemMax {
				valid = false
			}
		}
		var p Problems
		ValidateWHO5(&p, "who5", items)
		if (p.Err() == nil) != valid {
			t.Fatalf("%v: valid=%v but problems %v", items, valid, p.Err())
		}
		if !valid {
			return
		}
		var previous *int
		if hasPrev {
			prev = ((prev % 101) + 101) % 101
			previous = &prev
		}
		s := ScoreWHO5(items, previous)
		sum := 0
		for _, v := range items {
			sum += v
		}
		if s.Raw != sum || s.Percent != 4*sum || s.Percent < 0 || s.Percent > 100 {
			t.Fatalf("%v: raw %d percent %d", items, s.Raw, s.Percent)
		}
		poor := slices.Contains(s.Flags, WHO5FlagPoor)
		depr := slices.Contains(s.Flags, WHO5FlagDepression)
		if poor != (s.Percent <= WHO5PoorAtOrBelow) || depr != (s.Percent <= WHO5DepressionAtOrBelow) {
			t.Fatalf("%v: percent %d flags %v", items, s.Percent, s.Flags)
		}
		improved := slices.Contains(s.Flags, WHO5FlagImproved)
		worsened := slices.Contains(s.Flags, WHO5FlagWorsened)
		if previous == nil {
			if s.Change != nil || improved || worsened {
				t.Fatalf("%v: first score has change %v flags %v", items, s.Change, s.Flags)
			}
			return
		}
		d := s.Percent - *previous
		if s.Change == nil || *s.Change != d || improved != (d >= WHO5MeaningfulChange) ||
			worsened != (d <= -WHO5MeaningfulChange) || (improved && worsened) {
			t.Fatalf("%v after %d: change %v flags %v", items, *previous, s.Change, s.Flags)
		}
		if n := len(s.Flags); (improved || worsened) && s.Flags[n-1] != WHO5FlagImproved && s.Flags[n-1] != WHO5FlagWorsened {
			t.Fatalf("%v: change flag not last in %v", items, s.Flags)
		}
	})
}
