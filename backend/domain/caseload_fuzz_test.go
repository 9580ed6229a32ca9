package domain

import (
	"math"
	"strconv"
	"testing"
)

// FuzzParseFTE: an accepted FTE is a whole number of hundredths between 0.01 and 1 that equals
// what was typed, prints back as the same number, and gives a caseload ceiling of
// floor(8 × FTE) between 0 and 8 that never grows when the FTE shrinks.
func FuzzParseFTE(f *testing.F) {
	for _, v := range []float64{1, 0.75, 0.6, 0.01, 0.005, 0.333, 0, -0.5, 1.01, math.NaN(), math.Inf(1), 0.1 + 0.2, 0.29, 0.57} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		var p Problems
		fte := ParseFTE(&p, "fte", v)
		codes := fieldCodes(&p, "fte")
		if len(codes) != 0 {
			if len(codes) != 1 || codes[0] != CodeInvalidFTE || fte != 0 {
				t.Fatalf("%v: refused with %v and %d", v, codes, fte)
			}
			if v > 0 && v <= 1 && math.Abs(math.Round(v*100)-v*100) < 1e-9 && math.Round(v*100) >= 1 {
				t.Fatalf("%v: a whole number of hundredths was refused", v)
			}
			return
		}
		if fte < 1 || fte > 100 || math.Abs(fte.Fraction()-v) > 1e-6 {
			t.Fatalf("%v: accepted as %d hundredths", v, fte)
		}
		if back, err := strconv.ParseFloat(fte.String(), 64); err != nil || back != fte.Fraction() {
			t.Fatalf("%v: prints as %q", v, fte.String())
		}
		max := fte.MaxCaseload()
		if max < 0 || max > CitizensPerFTE || max != int(math.Floor(float64(CitizensPerFTE*int(fte))/100)) {
			t.Fatalf("%v: ceiling %d", v, max)
		}
		if fte > 1 && FTE(fte-1).MaxCaseload() > max {
			t.Fatalf("%v: a smaller FTE has a higher ceiling", v)
		}
	})
}
