package domain

import (
	"testing"
	"time"
)

// cprToday is the fixed "today" of the CPR tests: 01.12.2026.
var cprToday = time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)

func TestNormalizeCPR(t *testing.T) {
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"with dash", "010190-1234", "010190-1234", true},
		{"without dash", "0101901234", "010190-1234", true},
		{"surrounding space", "  0101901234 ", "010190-1234", true},
		{"space instead of dash", "010190 1234", "010190-1234", true},
		{"empty is no CPR", "", "", true},
		{"only spaces is no CPR", "   ", "", true},
		{"31 Feb", "310290-1234", "", false},
		{"29 Feb 1992 (leap)", "290292-1234", "290292-1234", true},
		{"29 Feb 1990 (not leap)", "290290-1234", "", false},
		{"day 00", "000190-1234", "", false},
		{"day 32", "320190-1234", "", false},
		{"month 00", "010090-1234", "", false},
		{"month 13", "011390-1234", "", false},
		{"letters", "01O190-1234", "", false},
		{"letter at end", "010190-123X", "", false},
		{"9 digits", "010190-123", "", false},
		{"11 digits", "010190-12345", "", false},
		{"two dashes", "01-0190-1234", "", false},
		{"two dashes at end", "010190--1234", "", false},
		{"Arabic-Indic digits", "٠١٠١٩٠١٢٣٤", "", false},
		{"fullwidth digits", "０１０１９０１２３４", "", false},
		{"born today", "011226-4123", "011226-4123", true},
		{"born tomorrow", "021226-4123", "", false},
		{"born in 2036", "010136-4123", "", false},
		{"born in 2057", "010157-5123", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			got := NormalizeCPR(&p, "cpr", c.in, cprToday)
			codes := fieldCodes(&p, "cpr")
			if c.ok {
				if len(codes) != 0 || got != c.want {
					t.Fatalf("NormalizeCPR(%q) = %q %v, want %q without problems", c.in, got, codes, c.want)
				}
				return
			}
			if len(codes) != 1 || codes[0] != CodeInvalidCPR {
				t.Fatalf("NormalizeCPR(%q) problems = %v, want [invalid_cpr]", c.in, codes)
			}
		})
	}
}

func TestCPRBirthDateCentury(t *testing.T) {
	cases := []struct {
		name, cpr string
		want      time.Time
	}{
		{"7th 0 → 1900s", "010100-0123", date(1900, 1, 1)},
		{"7th 0 yy 99", "311299-0123", date(1999, 12, 31)},
		{"7th 3 yy 00 still 1900s", "010100-3123", date(1900, 1, 1)},
		{"7th 3 yy 36 still 1900s", "010136-3123", date(1936, 1, 1)},
		{"7th 3 yy 58 still 1900s", "010158-3123", date(1958, 1, 1)},
		{"7th 4 yy 00 → 2000", "010100-4123", date(2000, 1, 1)},
		{"7th 4 yy 36 → 2036", "010136-4123", date(2036, 1, 1)},
		{"7th 4 yy 37 → 1937", "010137-4123", date(1937, 1, 1)},
		{"7th 9 yy 36 → 2036", "010136-9123", date(2036, 1, 1)},
		{"7th 9 yy 37 → 1937", "010137-9123", date(1937, 1, 1)},
		{"7th 5 yy 57 → 2057", "010157-5123", date(2057, 1, 1)},
		{"7th 5 yy 58 → 1858", "010158-5123", date(1858, 1, 1)},
		{"7th 8 yy 57 → 2057", "010157-8123", date(2057, 1, 1)},
		{"7th 8 yy 58 → 1858", "010158-8123", date(1858, 1, 1)},
		{"7th 6 yy 00 → 2000", "290200-6123", date(2000, 2, 29)},
		{"without dash", "2802585123", date(1858, 2, 28)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := CPRBirthDate(c.cpr)
			if !ok || !got.Equal(c.want) {
				t.Fatalf("CPRBirthDate(%q) = %v, %v; want %v", c.cpr, got.Format(DateLayout), ok, c.want.Format(DateLayout))
			}
		})
	}
	for _, bad := range []string{
		"290258-5123", // 1858 was not a leap year
		"290200-3123", // 1900 was not a leap year
		"310290-1234", // 31 Feb
		"011/90-1234", // "1/" must not be read as month 9
		"0a0190-1234",
		"010190-123",
		"",
	} {
		t.Run("invalid "+bad, func(t *testing.T) {
			if got, ok := CPRBirthDate(bad); ok {
				t.Fatalf("CPRBirthDate(%q) = %v, want not ok", bad, got)
			}
		})
	}
}

func TestMaskCPR(t *testing.T) {
	cases := []struct{ in, want string }{
		{"010190-1234", "010190-••••"},
		{"", ""},
		{"0101901234", ""}, // only the normalised form is masked
		{"garbage", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := MaskCPR(c.in)
			if got != c.want {
				t.Fatalf("MaskCPR(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
