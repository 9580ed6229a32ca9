package domain

import (
	"strings"
	"time"
)

// NormalizeCPR checks a Danish CPR number (ddmmåå-xxxx, dash optional) and returns it as
// "ddmmåå-xxxx". The first six digits must be a real date, with the century taken from the
// seventh digit as the CPR office defines it, and not lie after today: the century rule
// reads some numbers as births up to 2057, which nobody can have yet. Modulus 11 is not
// checked: numbers issued since 2007 need not satisfy it.
func NormalizeCPR(p *Problems, field, s string, today time.Time) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	digits := strings.ReplaceAll(strings.ReplaceAll(s, "-", ""), " ", "")
	if len(digits) != 10 || strings.Count(s, "-") > 1 {
		p.Add(field, CodeInvalidCPR)
		return s
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			p.Add(field, CodeInvalidCPR)
			return s
		}
	}
	if born, ok := CPRBirthDate(digits); !ok || born.After(Day(today)) {
		p.Add(field, CodeInvalidCPR)
		return s
	}
	return digits[:6] + "-" + digits[6:]
}

// CPRBirthDate derives the birth date from ten CPR digits.
func CPRBirthDate(digits string) (time.Time, bool) {
	digits = strings.ReplaceAll(digits, "-", "")
	if len(digits) != 10 {
		return time.Time{}, false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return time.Time{}, false
		}
	}
	n := func(i, j int) int {
		v := 0
		for _, r := range digits[i:j] {
			v = v*10 + int(r-'0')
		}
		return v
	}
	day, month, yy, seventh := n(0, 2), n(2, 4), n(4, 6), n(6, 7)
	var century int
	switch {
	case seventh <= 3:
		century = 1900
	case seventh == 4 || seventh == 9:
		if yy <= 36 {
			century = 2000
		} else {
			century = 1900
		}
	default: // 5-8
		if yy <= 57 {
			century = 2000
		} else {
			century = 1800
		}
	}
	year := century + yy
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day || t.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return t, true
}

// MaskCPR shows only the birth date part of a CPR number, for lists and overviews.
func MaskCPR(cpr string) string {
	if len(cpr) != 11 {
		return ""
	}
	return cpr[:6] + "-••••"
}
