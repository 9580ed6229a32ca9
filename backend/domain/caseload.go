package domain

import (
	"math"
	"strconv"
)

// CitizensPerFTE is the method's ceiling: at most eight citizens per full-time ICM post.
const CitizensPerFTE = 8

// FTE is a worker's share of a full-time post, kept in hundredths (100 = full time) so that
// the caseload ceiling never depends on floating point rounding.
type FTE int

// ParseFTE validates a fraction such as 0.75 (more than 0, at most 1, two decimals at most).
func ParseFTE(p *Problems, field string, v float64) FTE {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v > 1 {
		p.Add(field, CodeInvalidFTE)
		return 0
	}
	h := math.Round(v * 100)
	if math.Abs(h-v*100) > 1e-6 || h < 1 {
		p.Add(field, CodeInvalidFTE)
		return 0
	}
	return FTE(h)
}

// Fraction gives the FTE as a fraction for the API (0.75).
func (f FTE) Fraction() float64 { return float64(f) / 100 }

// MaxCaseload is floor(8 × FTE): 1.0 gives 8, 0.75 gives 6, 0.6 gives 4.
func (f FTE) MaxCaseload() int { return CitizensPerFTE * int(f) / 100 }

// String renders the FTE for messages, e.g. "0.75".
func (f FTE) String() string { return strconv.FormatFloat(f.Fraction(), 'f', -1, 64) }

// CaseloadCheck decides whether one more open course may be given to a worker.
// An assignment over the ceiling needs an override reason recorded by a team lead.
type CaseloadCheck struct {
	Open           int    // the worker's open courses before this assignment
	FTE            FTE    // the worker's FTE
	OverrideReason string // cleaned reason, "" when none was given
	OverrideByLead bool   // the person recording the override is a team lead
}

// Decide returns nil when the assignment may go ahead, or the error to show.
func (c CaseloadCheck) Decide() error {
	max := c.FTE.MaxCaseload()
	if c.Open+1 <= max {
		return nil
	}
	if c.OverrideReason == "" {
		return E(CodeCaseloadFull, "caseload ceiling reached").
			With("open", strconv.Itoa(c.Open)).With("max", strconv.Itoa(max))
	}
	if !c.OverrideByLead {
		return E(CodeOverrideByLead, "only a team lead may exceed the caseload ceiling").
			With("open", strconv.Itoa(c.Open)).With("max", strconv.Itoa(max))
	}
	return nil
}
