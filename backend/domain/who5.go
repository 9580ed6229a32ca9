package domain

import "strconv"

// WHO-5 well-being index: five statements about the last two weeks, each scored 0-5.
// The raw sum (0-25) times four gives a percentage score from 0 (worst) to 100 (best).
const (
	WHO5Items               = 5
	WHO5ItemMax             = 5
	WHO5PoorAtOrBelow       = 50 // poor well-being: consider further assessment
	WHO5DepressionAtOrBelow = 28 // possible depression: refer for a depression assessment
	WHO5MeaningfulChange    = 10 // a change of ten points or more is clinically meaningful
)

// WHO5Flag is one observation about a WHO-5 score.
type WHO5Flag string

// WHO-5 flags shown beside a score.
const (
	WHO5FlagPoor       WHO5Flag = "poor_wellbeing"
	WHO5FlagDepression WHO5Flag = "possible_depression"
	WHO5FlagImproved   WHO5Flag = "improved"
	WHO5FlagWorsened   WHO5Flag = "worsened"
)

// WHO5Score is a scored WHO-5 answer set.
type WHO5Score struct {
	Raw     int        // 0-25
	Percent int        // 0-100
	Change  *int       // against the previous score, nil for the first
	Flags   []WHO5Flag // in a fixed order: level first, then change
}

// ValidateWHO5 checks that there are five answers between 0 and 5.
func ValidateWHO5(p *Problems, field string, items []int) {
	if len(items) != WHO5Items {
		p.Add(field, CodeInvalidInput, "count", strconv.Itoa(len(items)))
		return
	}
	for i, v := range items {
		if v < 0 || v > WHO5ItemMax {
			p.Add(field+"."+strconv.Itoa(i), CodeOutOfRange, "min", "0", "max", strconv.Itoa(WHO5ItemMax))
		}
	}
}

// ScoreWHO5 scores five valid answers; previous is the percent score before, if any.
func ScoreWHO5(items []int, previous *int) WHO5Score {
	s := WHO5Score{}
	for _, v := range items {
		s.Raw += v
	}
	s.Percent = s.Raw * 4
	switch {
	case s.Percent <= WHO5DepressionAtOrBelow:
		s.Flags = append(s.Flags, WHO5FlagPoor, WHO5FlagDepression)
	case s.Percent <= WHO5PoorAtOrBelow:
		s.Flags = append(s.Flags, WHO5FlagPoor)
	}
	if previous != nil {
		d := s.Percent - *previous
		s.Change = &d
		if d >= WHO5MeaningfulChange {
			s.Flags = append(s.Flags, WHO5FlagImproved)
		} else if d <= -WHO5MeaningfulChange {
			s.Flags = append(s.Flags, WHO5FlagWorsened)
		}
	}
	return s
}
