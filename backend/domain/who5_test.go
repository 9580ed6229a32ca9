package domain

import (
	"reflect"
	"testing"
)

// itemsSumming gives five valid WHO-5 answers (0-5 each) that add up to raw.
func itemsSumming(raw int) []int {
	items := make([]int, WHO5Items)
	for i := range items {
		v := raw
		if v > WHO5ItemMax {
			v = WHO5ItemMax
		}
		items[i] = v
		raw -= v
	}
	return items
}

func intp(n int) *int { return &n }

func TestScoreWHO5Level(t *testing.T) {
	poor, depr := WHO5FlagPoor, WHO5FlagDepression
	cases := []struct {
		name    string
		items   []int
		percent int
		flags   []WHO5Flag
	}{
		{"all 0 is 0", []int{0, 0, 0, 0, 0}, 0, []WHO5Flag{poor, depr}},
		{"all 5 is 100", []int{5, 5, 5, 5, 5}, 100, nil},
		{"raw 13 is 52: above the poor limit", itemsSumming(13), 52, nil},
		{"raw 12 is 48: poor (50 itself is impossible)", itemsSumming(12), 48, []WHO5Flag{poor}},
		{"raw 8 is 32: poor only", itemsSumming(8), 32, []WHO5Flag{poor}},
		{"raw 7 is 28: poor and possible depression", itemsSumming(7), 28, []WHO5Flag{poor, depr}},
		{"uneven answers sum the same", []int{5, 0, 4, 1, 3}, 52, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ScoreWHO5(c.items, nil)
			if s.Raw*4 != s.Percent || s.Percent != c.percent {
				t.Fatalf("ScoreWHO5(%v) = raw %d percent %d, want percent %d", c.items, s.Raw, s.Percent, c.percent)
			}
			if !reflect.DeepEqual(s.Flags, c.flags) {
				t.Fatalf("flags = %v, want %v", s.Flags, c.flags)
			}
			if s.Change != nil {
				t.Fatalf("first score has change %d, want nil", *s.Change)
			}
		})
	}
}

func TestScoreWHO5Change(t *testing.T) {
	// raw 15 = 60 %: no level flag, so only the change flag shows.
	items := itemsSumming(15)
	cases := []struct {
		name     string
		previous int
		change   int
		flags    []WHO5Flag
	}{
		{"+10 improved", 50, 10, []WHO5Flag{WHO5FlagImproved}},
		{"+9 no flag", 51, 9, nil},
		{"-10 worsened", 70, -10, []WHO5Flag{WHO5FlagWorsened}},
		{"-9 no flag", 69, -9, nil},
		{"unchanged", 60, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ScoreWHO5(items, intp(c.previous))
			if s.Change == nil || *s.Change != c.change {
				t.Fatalf("change = %v, want %d", s.Change, c.change)
			}
			if !reflect.DeepEqual(s.Flags, c.flags) {
				t.Fatalf("flags = %v, want %v", s.Flags, c.flags)
			}
		})
	}
	t.Run("level flags come before the change flag", func(t *testing.T) {
		s := ScoreWHO5(itemsSumming(5), intp(40)) // 20 %, down 20
		want := []WHO5Flag{WHO5FlagPoor, WHO5FlagDepression, WHO5FlagWorsened}
		if !reflect.DeepEqual(s.Flags, want) || *s.Change != -20 {
			t.Fatalf("flags = %v change %d, want %v -20", s.Flags, *s.Change, want)
		}
	})
}

func TestValidateWHO5(t *testing.T) {
	cases := []struct {
		name   string
		items  []int
		fields []FieldError // nil: valid
	}{
		{"five valid answers", []int{0, 1, 2, 3, 5}, nil},
		{"nil", nil, []FieldError{{Field: "items", Code: CodeInvalidInput}}},
		{"four answers", []int{1, 2, 3, 4}, []FieldError{{Field: "items", Code: CodeInvalidInput}}},
		{"six answers", []int{1, 2, 3, 4, 5, 0}, []FieldError{{Field: "items", Code: CodeInvalidInput}}},
		{"an answer of -1", []int{1, -1, 3, 4, 5}, []FieldError{{Field: "items.1", Code: CodeOutOfRange}}},
		{"an answer of 6", []int{1, 2, 3, 4, 6}, []FieldError{{Field: "items.4", Code: CodeOutOfRange}}},
		{"two bad answers", []int{6, 2, 3, -1, 5},
			[]FieldError{{Field: "items.0", Code: CodeOutOfRange}, {Field: "items.3", Code: CodeOutOfRange}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			ValidateWHO5(&p, "items", c.items)
			err := p.Err()
			if c.fields == nil {
				if err != nil {
					t.Fatalf("ValidateWHO5(%v) = %v, want valid", c.items, err)
				}
				return
			}
			de, ok := err.(*Error)
			if !ok || de.Code != CodeInvalidInput || len(de.Fields) != len(c.fields) {
				t.Fatalf("ValidateWHO5(%v) = %v, want fields %v", c.items, err, c.fields)
			}
			for i, f := range c.fields {
				if de.Fields[i].Field != f.Field || de.Fields[i].Code != f.Code {
					t.Errorf("field %d = %+v, want %s on %s", i, de.Fields[i], f.Code, f.Field)
				}
			}
		})
	}
}
