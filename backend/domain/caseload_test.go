package domain

import (
	"errors"
	"math"
	"testing"
)

func TestParseFTEAndMaxCaseload(t *testing.T) {
	cases := []struct {
		name string
		in   float64
		ok   bool
		fte  FTE
		max  int
	}{
		{"full time", 1, true, 100, 8},
		{"0.75", 0.75, true, 75, 6},
		{"0.6", 0.6, true, 60, 4},
		{"0.5", 0.5, true, 50, 4},
		{"0.3", 0.3, true, 30, 2},
		{"0.29 (float noise)", 0.29, true, 29, 2},
		{"0.13 rounds down", 0.13, true, 13, 1},
		{"0.12", 0.12, true, 12, 0},
		{"0.01 gives no place", 0.01, true, 1, 0},
		{"0.125 has three decimals", 0.125, false, 0, 0},
		{"0.333 has three decimals", 0.333, false, 0, 0},
		{"0.001", 0.001, false, 0, 0},
		{"zero", 0, false, 0, 0},
		{"negative", -0.5, false, 0, 0},
		{"1.01", 1.01, false, 0, 0},
		{"2", 2, false, 0, 0},
		{"NaN", math.NaN(), false, 0, 0},
		{"+Inf", math.Inf(1), false, 0, 0},
		{"-Inf", math.Inf(-1), false, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			got := ParseFTE(&p, "fte", c.in)
			codes := fieldCodes(&p, "fte")
			if !c.ok {
				if len(codes) != 1 || codes[0] != CodeInvalidFTE || got != 0 {
					t.Fatalf("ParseFTE(%v) = %d %v, want 0 [invalid_fte]", c.in, got, codes)
				}
				return
			}
			if len(codes) != 0 || got != c.fte {
				t.Fatalf("ParseFTE(%v) = %d %v, want %d", c.in, got, codes, c.fte)
			}
			if m := got.MaxCaseload(); m != c.max {
				t.Fatalf("MaxCaseload(%v) = %d, want %d", c.in, m, c.max)
			}
			if got.Fraction() != c.in {
				t.Fatalf("Fraction() = %v, want %v", got.Fraction(), c.in)
			}
		})
	}
	if s := FTE(75).String(); s != "0.75" {
		t.Errorf("FTE(75).String() = %q", s)
	}
}

func TestCaseloadCheckDecide(t *testing.T) {
	cases := []struct {
		name   string
		check  CaseloadCheck
		code   Code // "" means allowed
		params map[string]string
	}{
		{"empty caseload", CaseloadCheck{Open: 0, FTE: 50}, "", nil},
		{"open = max-1 is allowed", CaseloadCheck{Open: 3, FTE: 50}, "", nil},
		{"open = max refused", CaseloadCheck{Open: 4, FTE: 50}, CodeCaseloadFull, map[string]string{"open": "4", "max": "4"}},
		{"open > max refused", CaseloadCheck{Open: 9, FTE: 100}, CodeCaseloadFull, map[string]string{"open": "9", "max": "8"}},
		{"lead flag without reason refused", CaseloadCheck{Open: 4, FTE: 50, OverrideByLead: true}, CodeCaseloadFull, map[string]string{"open": "4", "max": "4"}},
		{"reason without lead", CaseloadCheck{Open: 4, FTE: 50, OverrideReason: "kender borgeren"}, CodeOverrideByLead, map[string]string{"open": "4", "max": "4"}},
		{"reason and lead", CaseloadCheck{Open: 4, FTE: 50, OverrideReason: "kender borgeren", OverrideByLead: true}, "", nil},
		{"zero max needs override", CaseloadCheck{Open: 0, FTE: 1}, CodeCaseloadFull, map[string]string{"open": "0", "max": "0"}},
		{"full time at 7 allowed", CaseloadCheck{Open: 7, FTE: 100}, "", nil},
		{"full time at 8 refused", CaseloadCheck{Open: 8, FTE: 100}, CodeCaseloadFull, map[string]string{"open": "8", "max": "8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.check.Decide()
			if c.code == "" {
				if err != nil {
					t.Fatalf("Decide() = %v, want nil", err)
				}
				return
			}
			var de *Error
			if !errors.As(err, &de) || de.Code != c.code {
				t.Fatalf("Decide() = %v, want %s", err, c.code)
			}
			for k, v := range c.params {
				if de.Params[k] != v {
					t.Errorf("param %s = %q, want %q (all: %v)", k, de.Params[k], v, de.Params)
				}
			}
		})
	}
}
